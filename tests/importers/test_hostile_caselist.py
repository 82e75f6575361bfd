"""A case list with a 10 MB field is refused quickly with a message."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit_app.domain.errors import UserError
from audit_app.importers.caselist import read_case_list


def test_csv_with_10_mb_field_refused(tmp_path: Path) -> None:
    path = tmp_path / "lista.csv"
    path.write_text("Ärende;Enhet;Avslutat\n2026-0001;Familjehem;" + "x" * 10_000_000 + "\n",
                    encoding="utf-8")
    with pytest.raises(UserError, match="MB"):
        read_case_list(path)


ODD_SEPARATORS = ["\u2013", "\u2212", "\u2011", "\u00a0", "\u202f", "\uff0d", "\u200b", "\u00ad",
                  ".", "/", "_", " - "]


@pytest.mark.parametrize("separator", ODD_SEPARATORS)
def test_personnummer_with_odd_separators_deep_in_a_long_csv_is_refused(
        tmp_path: Path, separator: str) -> None:
    from audit_app.importers.caselist import PersonnummerInFileError
    from tests.importers.caselist_files import PNR

    hidden = PNR[:2] + "\u200b" + PNR[2:6] + separator + PNR[7:]
    rows = [f"2026-{k:04d};Familjehem;anteckning {k}" for k in range(1, 3001)]
    rows[2400] = f"2026-2401;Familjehem;ringt {hidden}"
    path = tmp_path / "lista.csv"
    path.write_text("Ärende;Enhet;Anteckning\n" + "\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(PersonnummerInFileError, match=r"Rad 2402, kolumn C") as info:
        read_case_list(path)
    assert hidden not in str(info.value)


def test_full_width_personnummer_in_an_xlsx_case_ref_is_refused(tmp_path: Path) -> None:
    from openpyxl import Workbook

    from audit_app.importers.caselist import PersonnummerInFileError
    from tests.importers.caselist_files import PNR

    wide = PNR.translate(str.maketrans("0123456789-", "０１２３４５６７８９\uff0d"))
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Ärende", "Enhet"])
    for k in range(1, 50):
        ws.append([f"2026-{k:04d}", "Familjehem"])
    ws.append([wide, "Familjehem"])
    wb.save(tmp_path / "lista.xlsx")
    with pytest.raises(PersonnummerInFileError, match=r"Rad 51, kolumn A"):
        read_case_list(tmp_path / "lista.xlsx")
