"""A case's gender as stored, and the one table of its labels in Swedish and English."""

from __future__ import annotations

from enum import StrEnum


class Gender(StrEnum):
    """The stored values are Swedish words without diacritics (kept for old databases)."""

    GIRL = "flicka"
    BOY = "pojke"
    OTHER = "annat"
    UNKNOWN = "okant"


GENDER_ORDER = (Gender.GIRL, Gender.BOY, Gender.OTHER, Gender.UNKNOWN)

# language -> gender -> (one case, a group of cases)
GENDER_LABELS: dict[str, dict[Gender, tuple[str, str]]] = {
    "sv": {Gender.GIRL: ("Flicka", "Flickor"), Gender.BOY: ("Pojke", "Pojkar"),
           Gender.OTHER: ("Annat", "Annat"), Gender.UNKNOWN: ("Okänt", "Okänt")},
    "en": {Gender.GIRL: ("Girl", "Girls"), Gender.BOY: ("Boy", "Boys"),
           Gender.OTHER: ("Other", "Other"), Gender.UNKNOWN: ("Unknown", "Unknown")},
}


def gender_label(value: str | None, lang: str = "sv", *, plural: bool = False) -> str:
    """The label of a stored gender value; an unknown value is shown as it is."""
    table = GENDER_LABELS.get(lang, GENDER_LABELS["sv"])
    try:
        singular, many = table[Gender(value or Gender.UNKNOWN)]
    except ValueError:
        return value or ""
    return many if plural else singular
