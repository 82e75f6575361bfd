"""Checking a case list chunk by chunk, column by column, into a table of valid cases."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, compress, repeat
from operator import itemgetter
from typing import Any, overload

from audit_app.importers.caselist_columns import (
    FIELDS,
    FOOTER_WORDS,
    IGNORE,
    cell_text,
    is_footer,
    parse_age_band,
    parse_birth_year,
    parse_date,
    parse_gender,
    parse_text,
)
from audit_app.importers.tabular import Chunk

MAX_REF_CHARS = 100

_PARSERS: dict[str, Callable[[Any], Any]] = {
    "unit": parse_text, "team": parse_text, "case_type": parse_text, "gender": parse_gender,
    "birth_year": parse_birth_year, "age_band": parse_age_band, "closing_date": parse_date,
}
# A text's case folding starts with a footer word only if its first character's does.
_FOOTER_INITIALS = frozenset(w[0] for w in FOOTER_WORDS)
_FIRST = itemgetter(slice(0, 1))


@dataclass(frozen=True)
class CaseRow:
    """One case of the list, with the row number the user sees in Excel or the CSV file."""

    row: int
    case_ref: str
    unit: str = ""
    team: str = ""
    case_type: str = ""
    gender: str = "okant"
    birth_year: int | None = None
    age_band: str = ""
    closing_date: date | None = None


DEFAULTS: dict[str, Any] = {f.name: f.default for f in CaseRow.__dataclass_fields__.values()
                            if f.name != "row"}


@dataclass(frozen=True)
class Problem:
    """A row that is not a valid case, and why."""

    row: int
    reason: str
    column: str = ""

    def __str__(self) -> str:
        where = f"rad {self.row}" + (f", kolumn {self.column}" if self.column else "")
        return f"{where}: {self.reason}"


class CaseTable:
    """The valid cases column by column: row numbers and one list per case field.

    Chunks are kept as they come and joined into whole columns on first use.
    """

    def __init__(self) -> None:
        self._parts: list[tuple[Sequence[int], Mapping[str, Sequence[Any]]]] = []
        self._count = 0
        self._whole_lists: tuple[list[int], dict[str, list[Any]]] | None = None

    def __len__(self) -> int:
        return self._count

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CaseTable):
            return NotImplemented
        return self.numbers == other.numbers and self.values == other.values

    __hash__ = None  # type: ignore[assignment]

    def extend(self, numbers: Sequence[int], values: Mapping[str, Sequence[Any]]) -> None:
        """Add cases: their row numbers and a column per field read (others get defaults)."""
        if numbers:
            self._parts.append((numbers, values))
            self._count += len(numbers)
            self._whole_lists = None

    def _whole(self) -> tuple[list[int], dict[str, list[Any]]]:
        if self._whole_lists is None:
            numbers = list(chain.from_iterable(n for n, _v in self._parts))
            values = {f: list(chain.from_iterable(
                v[f] if f in v else repeat(DEFAULTS[f], len(n)) for n, v in self._parts))
                for f in FIELDS}
            self._parts = [(numbers, values)]
            self._whole_lists = numbers, values
        return self._whole_lists

    @property
    def numbers(self) -> list[int]:
        return self._whole()[0]

    @property
    def values(self) -> dict[str, list[Any]]:
        """Case field -> its value for every case, in file order."""
        return self._whole()[1]

    def rows(self, start: int = 0, stop: int | None = None) -> list[CaseRow]:
        """The cases from `start` to `stop` as records."""
        values = self.values
        return list(map(CaseRow, self.numbers[start:stop],
                        *(values[f][start:stop] for f in FIELDS)))


class CaseRows(Sequence[CaseRow]):
    """The cases of a table as records, made when looked at: 50,000 at once take a while,
    and mostly only the count and the first few are wanted. Equal to any sequence of the
    same records (e.g. a list)."""

    _BLOCK = 1000

    def __init__(self, table: CaseTable) -> None:
        self._table = table

    def __len__(self) -> int:
        return len(self._table)

    @overload
    def __getitem__(self, index: int) -> CaseRow: ...

    @overload
    def __getitem__(self, index: slice) -> list[CaseRow]: ...

    def __getitem__(self, index: int | slice) -> CaseRow | list[CaseRow]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step == 1:
                return self._table.rows(start, max(start, stop))
            return [self[k] for k in range(start, stop, step)]
        position = index + len(self) if index < 0 else index
        if not 0 <= position < len(self):
            raise IndexError("case row index out of range")
        return self._table.rows(position, position + 1)[0]

    def __iter__(self) -> Iterator[CaseRow]:
        for start in range(0, len(self), self._BLOCK):
            yield from self._table.rows(start, start + self._BLOCK)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (CaseRows, list, tuple)):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"CaseRows({len(self)} rader)"


@dataclass
class MappedField:
    """A column read into a case field, with what its distinct values parsed to."""

    index: int
    name: str
    label: str
    parsed: dict[Any, Any] = field(default_factory=dict)
    refused: dict[Any, str] = field(default_factory=dict)


class ChunkChecker:
    """Checks chunks in file order: parses cells, finds problems, empty and footer rows.

    Gives the same rows, problems and footer rows as checking the file row by row; the work
    is done per column and per distinct value, and per row only in chunks that need it.
    """

    def __init__(self, mapped: list[tuple[int, str, str]]) -> None:
        """`mapped`: (column index, case field, label) of every column read, in file order."""
        self.fields = [MappedField(i, f, label) for i, f, label in mapped]
        self.ref = next((m for m in self.fields if m.name == "case_ref"), None)
        self.table = CaseTable()
        self.problems: list[Problem] = []
        self.footer_rows: list[int] = []
        self.seen: set[str] = set()  # the references of the valid cases so far
        self._first_rows: dict[str, int] | None = None  # their rows, made when first needed
        self._chunk_valid: list[tuple[str, int]] = []  # valid cases of the chunk being read

    def add(self, chunk: Chunk) -> None:
        if self.ref is None:  # nothing is read; footers are still reported
            for position in range(len(chunk)):
                self._skipped(chunk, position)
            return
        refs = _texts(chunk.column(self.ref.index))
        ref_set = set(refs)
        suspects = self._suspects(chunk, refs, ref_set)
        values: dict[str, Sequence[Any]] = {}
        refused: dict[int, dict[int, str]] = {}
        for m in self.fields:
            if m is not self.ref:
                values[m.name], refused[m.index] = _parse(m, chunk.column(m.index),
                                                          chunk.texts_only)
        if (not suspects and not any(refused.values()) and len(ref_set) == len(refs)
                and _short(refs, chunk.longest) and self.seen.isdisjoint(ref_set)):
            self.seen.update(ref_set)
            if self._first_rows is not None:
                self._first_rows.update(zip(refs, chunk.numbers, strict=True))
            values["case_ref"] = refs
            self.table.extend(chunk.numbers, values)
            return
        self._chunk_valid = []
        keep = [self._row(chunk, position, refs, refused, position in suspects)
                for position in range(len(chunk))]
        if self._first_rows is not None:
            self._first_rows.update(self._chunk_valid)
        values["case_ref"] = refs
        self.table.extend(list(compress(chunk.numbers, keep)),
                          {name: list(compress(column, keep))
                           for name, column in values.items()})

    def _suspects(self, chunk: Chunk, refs: list[str], ref_set: set[str]) -> set[int]:
        """Rows that may be empty or a footer; any other row surely is neither.

        A row with a case reference is a footer only if its first filled cell, at or left of
        the reference, starts with a footer word.
        """
        assert self.ref is not None
        suspects: set[int] = set()
        if "" in ref_set:
            suspects.update(k for k, ref in enumerate(refs) if not ref)
        # The references are mostly all different: look at their first characters, which
        # lie between those of the smallest and the largest reference.
        if refs:
            low, high = ord(min(refs)[:1] or "\0"), ord(max(refs)[:1] or "\0")
            firsts = ({chr(c) for c in range(low, high + 1)} if high - low < 64
                      else set(map(_FIRST, refs)))
            if any(_footer_like(f) for f in firsts):
                suspects.update(k for k, ref in enumerate(refs) if _footer_start(ref))
        for index in range(self.ref.index):
            column = chunk.column(index)
            likely = {v for v in set(column) if _footer_start(cell_text(v))}
            if likely:
                suspects.update(k for k, v in enumerate(column) if v in likely)
        return suspects

    def _skipped(self, chunk: Chunk, position: int) -> bool:
        """True for an empty row or a footer (the footer's row number is kept)."""
        texts = [cell_text(v) for v in chunk.row(position)]
        if not any(texts) or is_footer(texts):
            if any(texts):
                self.footer_rows.append(chunk.numbers[position])
            return True
        return False

    def _row(self, chunk: Chunk, position: int, refs: list[str],
             refused: dict[int, dict[int, str]], suspect: bool) -> bool:
        """The row-by-row check of one row; True if it is a valid case."""
        if suspect and self._skipped(chunk, position):
            return False
        number = chunk.numbers[position]
        problems: list[Problem] = []
        for m in self.fields:
            if m is self.ref:
                ref = refs[position]
                if not ref:
                    problems.append(Problem(number, "ärendenummer saknas", m.label))
                elif len(ref) > MAX_REF_CHARS:
                    problems.append(Problem(number, "ärendenumret är längre än 100 tecken",
                                            m.label))
                elif ref in self.seen:
                    problems.append(Problem(number, f"ärendenumret {ref} finns redan på rad "
                                                    f"{self._first_row(ref)}", m.label))
            elif position in refused[m.index]:
                problems.append(Problem(number, refused[m.index][position], m.label))
        if problems:
            self.problems.extend(problems)
            return False
        self.seen.add(refs[position])
        self._chunk_valid.append((refs[position], number))
        return True

    def _first_row(self, ref: str) -> int:
        """The row of the valid case with this reference."""
        if self._first_rows is None:
            table = self.table
            self._first_rows = dict(zip(table.values["case_ref"], table.numbers, strict=True))
        return self._first_rows.get(ref) or dict(self._chunk_valid)[ref]


def _footer_like(value: Any) -> bool:
    """Whether the cell's text may start with a footer word, judged by its first character."""
    first = _FIRST(cell_text(value))
    return bool(first) and first.casefold()[:1] in _FOOTER_INITIALS


def _footer_start(text: str) -> bool:
    """Whether the text starts with a footer word, as `is_footer` reads a row's first text."""
    return text.casefold().startswith(FOOTER_WORDS)


def _texts(column: Sequence[Any]) -> list[str]:
    """`cell_text` of every cell."""
    try:
        joined = "\0".join(column)  # NUL is no white space
    except TypeError:  # not all texts
        return [cell_text(v) for v in column]
    if joined.split(None, 1) == [joined]:  # no white space anywhere: nothing to strip
        return list(column)
    return list(map(str.strip, column))


def _short(refs: list[str], longest: int | None) -> bool:
    return (longest is not None and longest <= MAX_REF_CHARS) or max(
        map(len, refs), default=0) <= MAX_REF_CHARS


def _parse(m: MappedField, column: Sequence[Any],
           texts_only: bool) -> tuple[Sequence[Any], dict[int, str]]:
    """The parsed cells, and the refusal reason by position for cells that do not parse."""
    parser, parsed, refused = _PARSERS[m.name], m.parsed, m.refused
    if not texts_only and bool in set(map(type, column)):  # True == 1 as keys, not as texts
        return _parse_each(parser, column)
    try:  # the usual case after a while: every value seen before (itemgetter: one C loop)
        if len(column) > 1:
            return itemgetter(*column)(parsed), {}
        return [parsed[v] for v in column], {}
    except KeyError:  # a value not seen before (or refused before)
        pass
    except TypeError:  # an unhashable value: no reader gives one, but be sure
        return _parse_each(parser, column)
    distinct = set(column)
    new = distinct.difference(parsed)
    if refused and new:
        new.difference_update(refused)
    for value in new:
        try:
            parsed[value] = parser(value)
        except ValueError as exc:
            refused[value] = str(exc)
    reasons: dict[int, str] = {}
    if refused and not refused.keys().isdisjoint(distinct):
        reasons = {k: refused[v] for k, v in enumerate(column) if v in refused}
    return list(map(parsed.get, column)), reasons


def _parse_each(parser: Callable[[Any], Any],
                column: Sequence[Any]) -> tuple[list[Any], dict[int, str]]:
    values: list[Any] = []
    reasons: dict[int, str] = {}
    for k, value in enumerate(column):
        try:
            values.append(parser(value))
        except ValueError as exc:
            values.append(None)
            reasons[k] = str(exc)
    return values, reasons


def mapped_fields(columns: Sequence[Any]) -> list[tuple[int, str, str]]:
    """(index, field, label) of the columns of a mapping that are read."""
    return [(c.index, c.field, c.header or c.letter) for c in columns if c.field != IGNORE]
