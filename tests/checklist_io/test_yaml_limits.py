"""One limited YAML loader: files, stored definitions and exchange files are held to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.checklist_io.loader import content_hash
from audit_app.checklist_io.yaml_source import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_NODES,
    ChecklistFileError,
    load_data,
)
from audit_app.domain.errors import UserError
from audit_app.services.definitions import pin_definition
from audit_app.services.exchange import ExchangeService
from audit_app.services.exchange_file import read_exchange, write_exchange
from audit_app.storage.db import Database
from tests.factories import round_with_sample

PHRASE = "testfras för utbyte"

LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + k)}: &{chr(98 + k)} [{', '.join([f'*{chr(97 + k)}'] * 9)}]\n"
    for k in range(8))
DEEP = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
WIDE = "a: [" + ", ".join(["1"] * (MAX_NODES + 10)) + "]\n"
HUGE = "a: b\n" + "#" * (MAX_FILE_BYTES + 10) + "\n"


@pytest.mark.parametrize(("text", "message"), [
    (LAUGHS, "alias"), (DEEP, f"högst {MAX_DEPTH} nivåer"),
    (WIDE, f"högst {MAX_NODES} YAML-noder"), (HUGE, f"högst {MAX_FILE_BYTES} byte"),
    (b"a: b", "ingen text"),
])
def test_content_hash_holds_text_to_the_limits(text: str, message: str) -> None:
    with pytest.raises(ChecklistFileError, match=message):
        content_hash(text)
    with pytest.raises(ChecklistFileError, match=message):
        load_data(text, "x")


def test_stored_definition_is_held_to_the_limits(db: Database) -> None:
    with db.session() as s, pytest.raises(ChecklistFileError, match="alias"):
        pin_definition(s, LAUGHS)


def test_exchange_file_with_a_billion_laughs_checklist_refused(
        db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    rnd, _cases = round_with_sample(db, library, 2)
    good = tmp_path / "ok.granska"
    ExchangeService(db, "GL").export_round(rnd.id, good, passphrase=PHRASE)
    _manifest, payload = read_exchange(good, PHRASE)
    payload["definition"]["source"] = LAUGHS
    payload["definition"]["content_hash"] = "0" * 64
    bad = tmp_path / "bad.granska"  # sealed with the right passphrase: only the limits refuse it
    write_exchange(bad, payload, "GL", PHRASE)
    with pytest.raises(UserError, match="alias"):
        ExchangeService(db, "Granskare B").import_round(bad, passphrase=PHRASE)
