"""User settings kept as a small JSON file in the config folder (reviewer identity, language)."""

from __future__ import annotations

import getpass
import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)


@dataclass
class Settings:
    """What Granska remembers about its user between starts."""

    reviewer_name: str = ""
    reviewer_initials: str = ""
    language: str = "sv"
    last_round_id: int | None = None
    last_checklist_id: str = ""  # proposed in the next "Ny omgång"
    server_url: str = ""  # the shared server, postgresql+psycopg://HOST/DB (never a password)
    server_user: str = ""  # the user's PostgreSQL login role on it
    server_at_start: bool = False  # open the server's database when started without --db

    @property
    def actor(self) -> str:
        """How the user is named in reviews and the change log."""
        if self.reviewer_name and self.reviewer_initials:
            return f"{self.reviewer_name} ({self.reviewer_initials})"
        return self.reviewer_name or self.reviewer_initials or fallback_actor()


# What each setting may hold in the file; anything else falls back to its default.
FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "reviewer_name": (str,), "reviewer_initials": (str,), "language": (str,),
    "last_round_id": (int, type(None)), "last_checklist_id": (str,),
    "server_url": (str,), "server_user": (str,), "server_at_start": (bool,),
}
MAX_SETTINGS_BYTES = 1_000_000


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
        """The saved settings; a missing, damaged or hostile file gives defaults (logged)."""
        try:
            if self.path.stat().st_size > MAX_SETTINGS_BYTES:
                raise ValueError("file too large")
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return Settings()
        except (OSError, ValueError, RecursionError) as exc:  # deep nesting: RecursionError
            logger.warning("%s kunde inte läsas (%s); standardinställningar används",
                           self.path.name, type(exc).__name__)
            return Settings()
        if not isinstance(data, dict):
            logger.warning("%s håller inga inställningar; standardinställningar används",
                           self.path.name)
            return Settings()
        known: dict[str, Any] = {}
        for name, value in data.items():
            if name not in FIELD_TYPES:
                continue
            if (isinstance(value, bool) and bool not in FIELD_TYPES[name]
                    or not isinstance(value, FIELD_TYPES[name])):
                logger.warning("Inställningen %s i %s har fel typ och används inte", name,
                               self.path.name)
                continue
            known[name] = value
        return Settings(**known)

    def save(self, settings: Settings) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2),
                       encoding="utf-8")
        os.replace(tmp, self.path)
