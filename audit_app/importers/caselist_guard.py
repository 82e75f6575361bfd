"""Refusing a case-list file in which any cell looks like a personnummer or samordningsnummer."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import zip_longest
from operator import itemgetter
from typing import Any

from audit_app.domain.errors import UserError
from audit_app.domain.personnummer import find_personnummer, fold

# The matcher's separators as '-' and its invisible marks dropped: the Latin-1 ones here, those
# beyond Latin-1 by the matcher's own `fold` first.
_SEPARATORS = b" \t\n\r\v\f-./_+\x85\xa0\xb7"
_SHAPE = bytes.maketrans(_SEPARATORS, b"-" * len(_SEPARATORS))
_INVISIBLE = b"\xad"
_ZEROS = bytes.maketrans(b"0123456789", b"0000000000")
# The month, day and last four digits every match has (its core, without the lookarounds).
_CORE = re.compile(rb"(?:0[1-9]|1[0-2])-{0,3}[0-36-9][0-9]-{0,3}[0-9]{4}")
CELL = "\x1f"  # between cells (or the cells of one column) in a joined text
ROW = "\x1e"  # between the joined columns of a chunk
_SAMPLE = 64  # the first cells of a column, to tell one of few values


class PersonnummerInFileError(UserError):
    """The file holds something that looks like a personnummer: nothing of it is used."""


def may_hold_personnummer(text: str) -> bool:
    """False only when `text` surely holds nothing `find_personnummer` would find.

    Every match is ten or twelve digits with nothing but separators and invisible marks between
    them, so first a bytes look for ten digits in a row with those dropped; only then the
    pattern's core (month, day, four digits), still far cheaper than the full pattern.
    """
    try:
        data = text.encode("latin-1")
    except UnicodeEncodeError:
        # Folded as the matcher folds it: digits ASCII, separators '-', invisible marks gone;
        # anything else beyond Latin-1 becomes '?'.
        data = fold(text).encode("latin-1", "replace")
    data = data.translate(_SHAPE, _INVISIBLE)
    if b"0000000000" not in data.translate(_ZEROS, b"-"):
        return False
    return _CORE.search(data) is not None


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def guard_text(value: Any) -> str:
    """A cell as the guard reads it: its text, except dates, whose digits are no identity."""
    if value is None or hasattr(value, "year"):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def guard_row(number: int, cells: Sequence[Any], headers: list[str], sheet: str = "") -> None:
    """PersonnummerInFileError naming the row and the first column with a personnummer."""
    texts = [guard_text(v) for v in cells]
    if not find_personnummer(CELL.join(texts)):
        return
    for k, text in enumerate(texts):
        if find_personnummer(text):
            name = headers[k] if k < len(headers) and headers[k] else ""
            where = f"kolumn {column_letter(k)}" + (f" ({name})" if name else "")
            if sheet:
                where += f" på bladet '{sheet}'"
            raise PersonnummerInFileError(
                f"Rad {number}, {where} innehåller något som ser ut som ett personnummer eller "
                "samordningsnummer. Ingenting från filen har sparats. Exportera listan med "
                "ärendenummer (t.ex. ärende-id eller aktnummer) i stället för personnummer.")


def _column_text(column: Sequence[Any]) -> str:
    try:
        # Untrimmed text has the same matches: the pattern neither starts nor ends in a space.
        # A column of few values (units, genders, dates) is looked at once per value: the
        # pattern's scan costs by the character, a set by the cell.
        if len(column) > _SAMPLE and len(set(column[:_SAMPLE])) <= _SAMPLE // 2:
            return CELL.join(set(column))
        return CELL.join(column)
    except TypeError:  # numbers, dates or empty cells among the texts
        pass
    try:
        distinct = set(column)
    except TypeError:  # an unhashable value: no reader gives one, but be sure
        distinct = {True}
    if len(column) < 2 or bool in set(map(type, distinct)):  # True == 1, "True" != "1"
        return CELL.join([guard_text(v) for v in column])
    texts = {v: guard_text(v) for v in distinct}  # years and dates repeat: each made once
    return CELL.join(itemgetter(*column)(texts))


def guard_chunk(numbers: Sequence[int], columns: Sequence[Sequence[Any]], headers: list[str],
                sheet: str = "") -> None:
    """`guard_row` for consecutive rows held column by column, in one look when clean.

    The separators are neither digits nor allowed inside a personnummer, so the joined text
    has a match exactly when some cell has one; then the rows are looked at one by one for
    the exact row and column of the first.
    """
    # Column by column: a column of dates or years (never ten digits in a row) is cleared by
    # the cheap look alone, and the pattern's core is searched in the others only.
    suspect = [text for text in map(_column_text, columns) if may_hold_personnummer(text)]
    if not suspect or not find_personnummer(ROW.join(suspect)):
        return
    for position, number in enumerate(numbers):
        guard_row(number, [column[position] for column in columns], headers, sheet)


def guard_sheets(rows: Iterable[tuple[str, int, list[Any]]], size: int) -> None:
    """Guard rows of (sheet, row number, cells) `size` rows at a time."""
    batch: list[tuple[int, list[Any]]] = []
    current = ""
    items = iter(rows)
    while True:
        try:
            item = next(items, None)
        except UserError:
            if batch:  # rows read before the damage: a personnummer is the weightier message
                _guard_batch(batch, current)
            raise
        if item is None:
            break
        sheet, number, cells = item
        if batch and (sheet != current or len(batch) >= size):
            _guard_batch(batch, current)
            batch = []
        current = sheet
        batch.append((number, cells))
    if batch:
        _guard_batch(batch, current)


def _guard_batch(batch: list[tuple[int, list[Any]]], sheet: str) -> None:
    numbers = [number for number, _cells in batch]
    columns = [list(c) for c in zip_longest(*(cells for _n, cells in batch))]
    guard_chunk(numbers, columns, [], sheet)
