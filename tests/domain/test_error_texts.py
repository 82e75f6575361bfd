"""Every message the services and the domain raise for the user has an English entry."""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

from audit_app.domain.error_texts import has_english, translate_text
from audit_app.domain.errors import NotFoundError
from audit_app.domain.personnummer import PersonnummerError
from audit_app.domain.reviews import MissingAnswersError

PACKAGE = Path(__file__).resolve().parents[2] / "audit_app"
# where the messages users commonly meet are raised
SOURCES = [PACKAGE / "services", PACKAGE / "domain", PACKAGE / "storage" / "db.py",
           PACKAGE / "storage" / "crypto.py", PACKAGE / "storage" / "queries.py",
           PACKAGE / "storage" / "server.py", PACKAGE / "storage" / "server_roles.py",
           PACKAGE / "importers" / "caselist_guard.py", PACKAGE / "cli" / "context.py"]
ERRORS = {"UserError", "NotFoundError", "ConflictError", "ExchangeFileError", "DatabaseError",
          "WrongPassphraseError", "WeakPassphraseError", "PlainDatabaseError",
          "PersonnummerInFileError"}
# messages passed on from elsewhere or made of parts, and why they need no entry of their own
EXEMPT: set[str] = set()


def render(node: ast.expr) -> list[str] | None:
    """The message as written, {} for each value; one text per branch of a conditional."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return ["".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)]
    if isinstance(node, ast.IfExp):
        a, b = render(node.body), render(node.orelse)
        return None if a is None or b is None else a + b
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        a, b = render(node.left), render(node.right)
        return None if a is None or b is None else [x + y for x, y in itertools.product(a, b)]
    return None


def messages() -> list[tuple[str, str]]:
    files = [p for source in SOURCES
             for p in ([source] if source.is_file() else sorted(source.rglob("*.py")))]
    out = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ERRORS \
                    and node.args:
                for text in render(node.args[0]) or []:
                    out.append((f"{path.relative_to(PACKAGE)}:{node.lineno}", text))
    return out


def test_every_user_error_message_has_english() -> None:
    found = messages()
    assert len(found) > 100  # the scan sees the services' messages
    missing = [f"{where}: {text!r}" for where, text in found
               if not has_english(text) and text not in EXEMPT]
    assert missing == []


def test_server_refusals_have_english() -> None:
    from audit_app.storage import server

    for refusal in (server.NOT_MANAGER, server.NOT_ADMIN, server.NOT_ALLOWED, server.NO_ROLE):
        assert translate_text(refusal, "en").startswith("Your database role ")


def test_messages_are_translated_with_their_values() -> None:
    assert translate_text("Omgången 'Utredning T1' är låst.", "en") == \
        "The round 'Utredning T1' is locked."
    assert translate_text(str(NotFoundError("Omgång X finns inte.")), "en") == \
        "Round X does not exist."
    guard = translate_text(str(PersonnummerError("kommentar")), "en")
    assert guard.startswith("The text contains something that looks like a personal identity")
    assert guard.endswith(" (Field: kommentar.)")
    missing = translate_text(str(MissingAnswersError(["a"], ["Fråga ett?"])), "en")
    assert missing == "Required questions have no answer:\n– Fråga ett?"


def test_unknown_messages_and_swedish_stay_as_they_are() -> None:
    assert translate_text("Något helt nytt gick fel.", "en") == "Något helt nytt gick fel."
    assert translate_text("Omgången 'A' är låst.", "sv") == "Omgången 'A' är låst."


def test_a_report_note_is_translated_with_its_optional_tail() -> None:
    note = ("Omgångarna använder olika versioner av checklistan (1.0, 1.1); bara "
            "kontrollpunkter som finns i alla versioner redovisas. Utelämnade: a, b.")
    assert translate_text(note, "en") == (
        "The rounds use different versions of the checklist (1.0, 1.1); only items found "
        "in every version are reported. Left out: a, b.")
    short = note.removesuffix(" Utelämnade: a, b.")
    assert translate_text(short, "en").endswith("every version are reported.")
