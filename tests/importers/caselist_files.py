"""Case-list files written the way documentation systems and Swedish Excel export them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

from audit_app.domain.personnummer import luhn_ok


def check_digit(nine: str) -> str:
    for c in "0123456789":
        if luhn_ok(nine + c):
            return c
    raise AssertionError


# Built here for the guard tests only: a date, a serial and a computed check digit.
PNR_STEM = "811218987"
PNR = f"{PNR_STEM[:6]}-{PNR_STEM[6:]}{check_digit(PNR_STEM)}"


def report_xlsx(path: Path, n: int = 6, extra: list[list[object]] | None = None) -> Path:
    """A report: two title rows and a blank row, the header on row 4, cases, a footer."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Avslutade"
    ws.append(["Avslutade ärenden T1 2026"])
    ws.append(["Enhet: Barn och unga"])
    ws.append([])
    ws.append(["Ärende-ID", "Enhet", "Arbetsgrupp", "Insats", "Kön", "Födelseår",
               "Avslutsdatum", "Handläggare"])
    for k in range(n):
        ws.append([f"ÄR-{k + 1:04d}", "Familjehem" if k % 2 else "Utredning", "Grupp A",
                   "Familjehem", "Flicka" if k % 2 else "Pojke", 2010 + k % 8,
                   datetime(2026, 3, k % 28 + 1), "Handläggare 1"])
    for row in extra or []:
        ws.append(row)
    ws.append([f"Antal ärenden: {n}"])
    wb.save(path)
    return path


def semicolon_cp1252(path: Path, lines: list[str] | None = None) -> Path:
    """What Swedish Excel writes as 'CSV (semikolonavgränsad)'."""
    body = lines or [
        "Ärendenummer;Enhet;Kön;Ålder;Avslutad",
        "2026-0001;Familjehem;F;13;5.3.2026",
        "2026-0002;Familjehem;P;8;05.03.2026",
        "2026-0003;Utredning;K;17;5/3/2026",
        "Summa;3;;;",
    ]
    path.write_bytes(("\r\n".join(body) + "\r\n").encode("cp1252"))
    return path


def comma_utf8_bom(path: Path, lines: list[str] | None = None) -> Path:
    body = lines or [
        "Case ID,Unit,Team,Gender,Birth year,Closing date",
        "2026-0101,Placement,Team Ö,Girl,2012,2026-02-01",
        "2026-0102,Placement,Team Ö,Boy,2014,20260202",
        '2026-0103,"Placement, north",Team Ö,Annat,2015,2026-02-03 00:00:00',
    ]
    path.write_bytes(b"\xef\xbb\xbf" + ("\n".join(body) + "\n").encode("utf-8"))
    return path
