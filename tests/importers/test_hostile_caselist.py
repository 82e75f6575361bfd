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
