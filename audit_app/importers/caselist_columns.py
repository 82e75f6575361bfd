"""Case-list columns: header synonyms and the parsing of one cell into a case field."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from typing import Any

FIELDS = ("case_ref", "unit", "team", "case_type", "gender", "birth_year", "age_band",
          "closing_date")
IGNORE = "ignore"

# Swedish field names shown to the user (mapping combos, CLI output).
FIELD_LABELS = {
    "case_ref": "Ärendenummer",
    "unit": "Enhet",
    "team": "Arbetsgrupp",
    "case_type": "Ärendetyp",
    "gender": "Kön",
    "birth_year": "Födelseår",
    "age_band": "Åldersgrupp",
    "closing_date": "Avslutsdatum",
    IGNORE: "(används inte)",
}

SYNONYMS: dict[str, tuple[str, ...]] = {
    "case_ref": ("Ärendenummer", "Ärendenr", "Ärende nr", "Ärende-ID", "Ärende", "Ärendereferens",
                 "Aktnummer", "Aktnr", "Akt-ID", "Akt", "Diarienummer", "Dnr", "Case ID",
                 "Case number", "Case no", "Case ref", "Case reference", "Case", "Reference",
                 "Referens", "Ref"),
    "unit": ("Enhet", "Enhetsnamn", "Organisationsenhet", "Avdelning", "Sektion", "Unit",
             "Department", "Section"),
    "team": ("Arbetsgrupp", "Grupp", "Team", "Arbetslag", "Handläggargrupp", "Group",
             "Work group", "Workgroup"),
    "case_type": ("Ärendetyp", "Ärendeslag", "Ärendekategori", "Typ av ärende", "Insats",
                  "Insatstyp", "Typ", "Kategori", "Case type", "Type", "Intervention",
                  "Service"),
    "gender": ("Kön", "Gender", "Sex"),
    "birth_year": ("Födelseår", "Födelse år", "Födår", "Född", "Född år", "Birth year",
                   "Year of birth", "Born"),
    "age_band": ("Åldersgrupp", "Åldersintervall", "Åldersklass", "Ålder", "Age group",
                 "Age band", "Age"),
    "closing_date": ("Avslutsdatum", "Avslutad", "Avslutat", "Avslutningsdatum", "Avslutat datum",
                     "Datum avslut", "Avslut", "Avslutsdag", "Slutdatum", "Stängd", "Closed",
                     "Closing date", "Close date", "Date closed", "Closed date", "End date"),
}

GENDER_VALUES = {
    "flicka": ("flicka", "flickor", "f", "k", "kvinna", "tjej", "girl", "female", "w", "woman"),
    "pojke": ("pojke", "pojkar", "p", "m", "man", "kille", "boy", "male"),
    "annat": ("annat", "annan", "annat kön", "x", "other", "ickebinär", "non-binary"),
    "okant": ("okänd", "okänt", "okant", "okand", "uppgift saknas", "unknown", "u", "-", "?"),
}

FOOTER_WORDS = ("antal", "summa", "totalt", "total", "sum", "count", "utskriven", "utskrift",
                "rapport skapad", "skapad av", "källa")


def normalise(text: str) -> str:
    """Lower case, without diacritics, spaces, punctuation or a trailing '(...)' note."""
    text = re.sub(r"\([^)]*\)\s*$", "", text)
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


_HEADER_INDEX = {normalise(s): f for f, names in SYNONYMS.items() for s in names}
_GENDER_INDEX = {normalise(v): g for g, values in GENDER_VALUES.items() for v in values}
_GENDER_INDEX["-"] = _GENDER_INDEX["?"] = "okant"


def field_for_header(header: str) -> str | None:
    """The case field a column header names, or None."""
    return _HEADER_INDEX.get(normalise(header)) if header else None


def cell_text(value: Any) -> str:
    """A cell as the user reads it; integral floats without '.0'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return str(value).strip()


def is_footer(texts: list[str]) -> bool:
    """A summary line under the table ("Antal ärenden: 58", "Summa") rather than a case."""
    filled = [t for t in texts if t]
    if not filled or len(filled) > 2:
        return False
    first = filled[0].casefold()
    return any(first.startswith(w) for w in FOOTER_WORDS)


def parse_gender(value: Any) -> str:
    """Domain gender value; '' when empty. Raises ValueError for unknown words."""
    text = cell_text(value)
    if not text:
        return "okant"
    key = normalise(text) or text
    if key not in _GENDER_INDEX:
        raise ValueError(f"okänt värde för kön: '{text[:40]}'")
    return _GENDER_INDEX[key]


EXCEL_EPOCH = date(1899, 12, 30)
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?Z?$")
_YMD_SLASH = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_COMPACT = re.compile(r"^((?:19|20)\d{2})(\d{2})(\d{2})$")
_SERIAL = re.compile(r"^\d{4,5}(?:\.0+)?$")


def _from_serial(serial: float) -> date:
    if not 1 <= serial < 2958466:
        raise ValueError
    return EXCEL_EPOCH + timedelta(days=int(serial))


def parse_date(value: Any) -> date | None:
    """A closing date from an Excel cell or text; None when empty. Raises ValueError."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise ValueError(f"ogiltigt datum: '{value}'")
    if isinstance(value, (int, float)):
        text = cell_text(value)
        if _COMPACT.match(text):
            return parse_date(text)
        try:
            return _from_serial(float(value))
        except (ValueError, OverflowError):
            raise ValueError(f"ogiltigt datum: '{text[:40]}'") from None
    text = str(value).strip()
    if not text:
        return None
    try:
        if m := _ISO.match(text) or _YMD_SLASH.match(text) or _COMPACT.match(text):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := _DMY.match(text):
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if _SERIAL.match(text) and 10000 <= float(text) <= 100000:
            return _from_serial(float(text))
    except ValueError:
        pass
    raise ValueError(f"ogiltigt datum: '{text[:40]}'")


def parse_birth_year(value: Any, today: date | None = None) -> int | None:
    """A four-digit birth year from a number, a date or text; None when empty."""
    this_year = (today or date.today()).year
    if value is None or value == "":
        return None
    if isinstance(value, (datetime, date)):
        year = value.year
    else:
        text = cell_text(value)
        if not text:
            return None
        m = re.match(r"^((?:19|20)\d{2})(?:[-/.]\d{1,2}[-/.]\d{1,2})?$", text)
        if not m:
            raise ValueError(f"ogiltigt födelseår: '{text[:40]}'")
        year = int(m.group(1))
    if not 1900 <= year <= this_year + 1:
        raise ValueError(f"orimligt födelseår: {year}")
    return year


AGE_BANDS = ((0, 6, "0-6"), (7, 12, "7-12"), (13, 17, "13-17"), (18, 20, "18-20"))


def parse_age_band(value: Any) -> str:
    """An age group as text; a plain age in years becomes its band (0-6, 7-12, 13-17, 18-20)."""
    text = cell_text(value)
    if re.fullmatch(r"\d{1,3}", text):
        age = int(text)
        for low, high, band in AGE_BANDS:
            if low <= age <= high:
                return band
        if age > 120:
            raise ValueError(f"orimlig ålder: {age}")
        return "21+"
    if len(text) > 20:
        raise ValueError(f"åldersgruppen är för lång: '{text[:40]}'")
    return text


def parse_text(value: Any, limit: int = 200) -> str:
    text = cell_text(value)
    if len(text) > limit:
        raise ValueError(f"texten är längre än {limit} tecken")
    return text
