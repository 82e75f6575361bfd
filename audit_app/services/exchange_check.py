"""Checking every value of an exchange payload before a merge stores any of it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from audit_app.domain.checklist import Checklist
from audit_app.domain.errors import UserError
from audit_app.domain.personnummer import contains_personnummer
from audit_app.domain.reviews import MAX_TEXT, ReviewStatus, normalise_answer
from audit_app.domain.rounds import Period
from audit_app.services.exchange_file import ExchangeFileError

STATUSES = (ReviewStatus.DRAFT.value, ReviewStatus.COMPLETE.value)
ROLES = ("sample", "reserve")
YEARS = (1990, 2100)
PN_TEXT = "texten ser ut att innehålla ett personnummer och läses inte in"
LONG = 1_000_000  # sample parameters, change-log values: longer than any typed text
SHOWN = 25  # problems listed in the message; the rest are counted
LABELS = {"comment": "kommentaren", "value": "svaret", "old": "tidigare värde",
          "new": "nytt värde", "reason": "orsaken", "actor": "vem", "action": "händelsen",
          "at": "tidpunkten", "year": "året", "name": "namnet", "case_ref": "ärendenumret",
          "updated_at": "ändringstiden", "created_at": "tiden skapad", "uid": "id"}


def _label(key: str) -> str:
    return LABELS.get(key, f"'{key}'")


class ExchangeProblemsError(ExchangeFileError):
    """The payload has values Granska would never store; nothing is merged."""

    def __init__(self, file_name: str, problems: list[str]) -> None:
        self.problems = problems
        lines = [f"– {p}" for p in problems[:SHOWN]]
        if len(problems) > SHOWN:
            lines.append(f"– … och {len(problems) - SHOWN} till")
        super().__init__(f"Filen {file_name} har ett ogiltigt innehåll; ingenting slogs "
                         "samman:\n" + "\n".join(lines))


class _Checker:
    """Collects problems, each named by where it is in the file."""

    def __init__(self, checklist: Checklist) -> None:
        self.checklist = checklist
        self.problems: list[str] = []

    def fail(self, where: str, what: str) -> None:
        self.problems.append(f"{where}: {what}")

    def record(self, where: str, value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(where, "saknas eller har fel form")
            return {}
        return value

    def rows(self, where: str, value: Any) -> list[dict[str, Any]]:
        if not isinstance(value, list):
            self.fail(where, "saknas eller är ingen lista")
            return []
        good = [v for v in value if isinstance(v, dict)]
        if len(good) != len(value):
            self.fail(where, "innehåller rader med fel form")
        return good

    def text(self, where: str, data: dict[str, Any], key: str, *, size: int = MAX_TEXT,
             optional: bool = False, empty: bool = True) -> None:
        value = data.get(key)
        if value is None and optional:
            return
        if not isinstance(value, str):
            self.fail(where, f"{_label(key)} saknas eller är ingen text")
        elif len(value) > size:
            self.fail(where, f"{_label(key)} är för lång (högst {size} tecken)")
        elif not empty and not value.strip():
            self.fail(where, f"{_label(key)} är tom")
        elif contains_personnummer(value):
            self.fail(f"{where}, {_label(key)}", PN_TEXT)

    def integer(self, where: str, data: dict[str, Any], key: str, low: int, high: int, *,
                optional: bool = False) -> None:
        value = data.get(key)
        if value is None and optional:
            return
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.fail(where, f"{_label(key)} ({value!r}) är inget rimligt värde")

    def moment(self, where: str, data: dict[str, Any], key: str, *,
               optional: bool = False, day: bool = False) -> None:
        value = data.get(key)
        if value is None and optional:
            return
        try:
            if not isinstance(value, str):
                raise ValueError
            _ = date.fromisoformat(value) if day else datetime.fromisoformat(value)
        except ValueError:
            self.fail(where, f"{_label(key)} ({value!r}) är ingen giltig tidpunkt")

    def unique(self, where: str, keys: list[Any], what: str) -> None:
        seen: set[Any] = set()
        for key in keys:
            if isinstance(key, str) and key in seen:
                self.fail(where, f"{what} '{key}' förekommer flera gånger i filen")
            seen.add(key)

    # -- parts ------------------------------------------------------------------------------

    def round(self, data: dict[str, Any]) -> None:
        where = "omgången"
        self.text(where, data, "uid", size=36, empty=False)
        self.text(where, data, "name", size=200, empty=False)
        self.integer(where, data, "year", *YEARS)
        if data.get("period") not in {p.value for p in Period}:
            self.fail(where, f"perioden {data.get('period')!r} finns inte (T1, T2, T3)")
        self.text(where, data, "unit", size=200)
        self.text(where, data, "created_by", size=200)
        self.moment(where, data, "created_at")
        self.moment(where, data, "locked_at", optional=True)
        self.text(where, data, "locked_by", size=200, optional=True)

    def cases(self, payload: dict[str, Any]) -> set[str]:
        for i, data in enumerate(self.rows("ärendelistor", payload.get("case_imports")), 1):
            where = f"ärendelista {i}"
            self.text(where, data, "file_name", size=500)
            self.text(where, data, "sha256", size=64, empty=False)
            self.integer(where, data, "rows", 0, 10_000_000)
            self.text(where, data, "imported_by", size=200)
            self.moment(where, data, "imported_at")
        cases = self.rows("ärenden", payload.get("cases"))
        for i, data in enumerate(cases, 1):
            where = f"ärende {i}"
            self.text(where, data, "case_ref", size=100, empty=False)
            for key, size in (("unit", 200), ("team", 200), ("case_type", 200), ("gender", 10),
                              ("age_band", 20)):
                self.text(where, data, key, size=size)
            self.integer(where, data, "birth_year", 1900, YEARS[1], optional=True)
            self.moment(where, data, "closing_date", optional=True, day=True)
            self.text(where, data, "import_sha256", size=64, optional=True)
        refs = [c.get("case_ref") for c in cases]
        self.unique("ärenden", refs, "ärendet")
        return {r for r in refs if isinstance(r, str)}

    def sample(self, data: Any, refs: set[str]) -> None:
        if data is None:
            return
        sample = self.record("stickprovet", data)
        for key, size in (("method", 200), ("seed", 100), ("frame_sha256", 64),
                          ("source_files", LONG), ("parameters", LONG),
                          ("created_by", 200)):
            self.text("stickprovet", sample, key, size=size)
        self.integer("stickprovet", sample, "size", 0, 10_000_000)
        self.integer("stickprovet", sample, "population", 0, 10_000_000)
        self.moment("stickprovet", sample, "created_at")
        entries = self.rows("stickprovet", sample.get("entries"))
        entry_refs = [e.get("case_ref") for e in entries]
        self.unique("stickprovet", entry_refs, "ärendet")
        for i, e in enumerate(entries, 1):
            where = f"stickprovsrad {i}"
            if e.get("case_ref") not in refs:
                self.fail(where, f"ärendet {e.get('case_ref')!r} finns inte i filen")
            if e.get("role") not in ROLES:
                self.fail(where, f"rollen {e.get('role')!r} är ogiltig (sample, reserve)")
            replaces = e.get("replaces_case_ref")
            if replaces is not None and replaces not in entry_refs:
                self.fail(where, f"ersätter ärendet {replaces!r}, som inte finns i stickprovet")
            self.integer(where, e, "position", 0, 10_000_000)
            self.text(where, e, "stratum", size=200)
            self.text(where, e, "rank_key", size=64)
            self.text(where, e, "excluded_reason", optional=True)
            self.text(where, e, "changed_by", size=200, optional=True)
            self.moment(where, e, "changed_at", optional=True)

    def reviews(self, value: Any, refs: set[str]) -> None:
        reviews = self.rows("granskningar", value)
        self.unique("granskningar", [r.get("uid") for r in reviews], "granskningen")
        self.unique("granskningar", [r.get("case_ref") for r in reviews], "ärendet")
        for i, data in enumerate(reviews, 1):
            where = f"granskning {i} (ärende {data.get('case_ref')!r})"
            if data.get("case_ref") not in refs:
                self.fail(where, "ärendet finns inte i filen")
            self.text(where, data, "uid", size=36, empty=False)
            self.text(where, data, "reviewer", size=200)
            if data.get("status") not in STATUSES:
                self.fail(where, f"statusen {data.get('status')!r} är ogiltig (draft, complete)")
            self.moment(where, data, "created_at")
            self.moment(where, data, "updated_at")
            self.moment(where, data, "completed_at", optional=True)
            answers = self.rows(where, data.get("answers"))
            self.unique(where, [a.get("item_id") for a in answers], "kontrollpunkten")
            for answer in answers:
                self.answer(where, answer)

    def answer(self, where: str, data: dict[str, Any]) -> None:
        item_id = data.get("item_id")
        if not isinstance(item_id, str) or not self.checklist.has_item(item_id):
            self.fail(where, f"okänd kontrollpunkt {item_id!r}")
            return
        item = self.checklist.item(item_id)
        where = f"{where}, '{item_id}'"
        value = data.get("value")
        if value is not None:
            if not isinstance(value, str) or len(value) > 200:
                self.fail(where, "svaret har fel form")
            elif contains_personnummer(value):
                self.fail(where, PN_TEXT)
            else:
                try:
                    stored = normalise_answer(item, value)
                except UserError as exc:
                    self.fail(where, str(exc))
                else:
                    if stored != value:
                        self.fail(where, f"{value!r} är inget giltigt svar på '{item_id}'")
        self.text(where, data, "comment", optional=True)
        if data.get("comment") and not item.comment:
            self.fail(where, f"'{item_id}' tar inga kommentarer")
        self.text(where, data, "answered_by", size=200)
        self.moment(where, data, "updated_at")

    def change_log(self, value: Any) -> None:
        for i, data in enumerate(self.rows("ändringsloggen", value), 1):
            where = f"ändringslogg rad {i}"
            self.moment(where, data, "at")
            for key, size in (("actor", 200), ("action", 20), ("entity", 50),
                              ("entity_id", 100)):
                self.text(where, data, key, size=size)
            for key, size in (("case_ref", 100), ("field", 100), ("old", LONG),
                              ("new", LONG), ("reason", LONG)):
                self.text(where, data, key, size=size, optional=True)


def check_payload(payload: dict[str, Any], checklist: Checklist, file_name: str) -> None:
    """ExchangeProblemsError listing every value the merge must not store, else nothing."""
    checker = _Checker(checklist)
    checker.round(checker.record("omgången", payload.get("round")))
    refs = checker.cases(payload)
    checker.sample(payload.get("sample"), refs)
    checker.reviews(payload.get("reviews"), refs)
    checker.change_log(payload.get("change_log"))
    if checker.problems:
        raise ExchangeProblemsError(file_name, checker.problems)
