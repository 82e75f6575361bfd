"""One cell into one case field: header names, dates, gender words, birth years, ages."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from audit_app.importers.caselist_columns import (
    field_for_header,
    is_footer,
    parse_age_band,
    parse_birth_year,
    parse_date,
    parse_gender,
)


@pytest.mark.parametrize(("header", "field"), [
    ("Ärendenummer", "case_ref"), ("ÄRENDE-ID", "case_ref"), ("arende id", "case_ref"),
    ("Akt-ID", "case_ref"), ("Case number", "case_ref"), ("Ärendenummer (Paraplyet)", "case_ref"),
    ("Enhet", "unit"), ("Arbetsgrupp", "team"), ("Team", "team"), ("Ärendetyp", "case_type"),
    ("Insats", "case_type"), ("Kön", "gender"), ("kon", "gender"), ("Födelseår", "birth_year"),
    ("Ålder", "age_band"), ("Åldersgrupp", "age_band"), ("Avslutad", "closing_date"),
    ("Closing date", "closing_date"), ("Avslutningsdatum", "closing_date"),
])
def test_header_synonyms(header: str, field: str) -> None:
    assert field_for_header(header) == field


@pytest.mark.parametrize("header", ["Handläggare", "Namn", "", "Kommentar", "Personnummer"])
def test_unknown_headers(header: str) -> None:
    assert field_for_header(header) is None


@pytest.mark.parametrize("value", [
    "2026-03-05", "2026-3-5", "2026-03-05 00:00:00", "2026-03-05T10:15", "5.3.2026",
    "05.03.2026", "5/3/2026", "20260305", "2026/03/05", 46086, 46086.0, "46086", 20260305,
    datetime(2026, 3, 5, 8, 0), date(2026, 3, 5),
])
def test_date_forms(value: object) -> None:
    assert parse_date(value) == date(2026, 3, 5)


@pytest.mark.parametrize("value", ["31.02.2026", "mars", "2026-13-01", "12", True, -5, "1/2"])
def test_bad_dates(value: object) -> None:
    with pytest.raises(ValueError, match="datum"):
        parse_date(value)


def test_empty_date_is_none() -> None:
    assert parse_date("") is None and parse_date(None) is None and parse_date("  ") is None


@pytest.mark.parametrize(("value", "gender"), [
    ("Flicka", "flicka"), ("F", "flicka"), ("k", "flicka"), ("Kvinna", "flicka"),
    ("Girl", "flicka"), ("Pojke", "pojke"), ("P", "pojke"), ("M", "pojke"), ("Man", "pojke"),
    ("boy", "pojke"), ("Annat", "annat"), ("Okänd", "okant"), ("", "okant"), ("-", "okant"),
])
def test_gender_words(value: str, gender: str) -> None:
    assert parse_gender(value) == gender


def test_unknown_gender() -> None:
    with pytest.raises(ValueError, match="kön"):
        parse_gender("Drake")


def test_birth_year_and_age() -> None:
    assert parse_birth_year(2012) == 2012 and parse_birth_year("2012-05-03") == 2012
    assert parse_birth_year(datetime(2011, 1, 1)) == 2011 and parse_birth_year("") is None
    for bad in ("1850", "tolv", "3000"):
        with pytest.raises(ValueError):
            parse_birth_year(bad, today=date(2026, 1, 1))
    assert [parse_age_band(a) for a in (3, "8", 15, 19, 30, "13-17 år")] == [
        "0-6", "7-12", "13-17", "18-20", "21+", "13-17 år"]
    with pytest.raises(ValueError):
        parse_age_band(400)


def test_footers() -> None:
    assert is_footer(["Antal ärenden: 58", "", ""]) and is_footer(["Summa", "3"])
    assert is_footer(["Totalt 58 ärenden"])
    assert not is_footer(["2026-0001", "Familjehem", "F"]) and not is_footer(["", ""])
