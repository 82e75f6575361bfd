"""User settings kept as a small JSON file in the config folder (reviewer identity, language)."""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass
class Settings:
    """What Granska remembers about its user between starts."""

    reviewer_name: str = ""
    reviewer_initials: str = ""
    language: str = "sv"
    last_round_id: int | None = None
    last_checklist_id: str = ""  # proposed in the next "Ny omgång"

    @property
    def actor(self) -> str:
        """How the user is named in reviews and the change log."""
        if self.reviewer_name and self.reviewer_initials:
            return f"{self.reviewer_name} ({self.reviewer_initials})"
        return self.reviewer_name or self.reviewer_initials or fallback_actor()


def fallback_actor() -> str:
    env = os.environ.get("AUDIT_APP_USER", "").strip()
    if env:
        return env
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "okänd"


class SettingsStore:
    """Loads and saves Settings; a damaged file gives defaults rather than a crash."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> Settings:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return Settings()
        known = {k: v for k, v in data.items() if k in Settings.__dataclass_fields__}
        try:
            return Settings(**known)
        except TypeError:
            return Settings()

    def save(self, settings: Settings) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2),
                       encoding="utf-8")
        os.replace(tmp, self.path)
