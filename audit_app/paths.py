"""Where things live: the data folder, bundled resources, checklists (source tree or frozen)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "Granska"
DB_FILE_NAME = "granska.sqlite3"


def package_dir() -> Path:
    """The audit_app package directory (inside the bundle when frozen)."""
    return Path(__file__).resolve().parent


def project_root() -> Path:
    """The folder holding resources/ and checklists/: the bundle root when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return package_dir().parent


def resources_dir() -> Path:
    return project_root() / "resources"


def checklists_dir() -> Path:
    return project_root() / "checklists"


def data_dir() -> Path:
    """The user's data folder; created on first use, owner-only (0700) on POSIX."""
    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    if os.name == "posix" and path.stat().st_mode & 0o077:
        path.chmod(0o700)  # it holds case data: no group or other access
    return path


def default_db_path() -> Path:
    return data_dir() / DB_FILE_NAME


def config_dir() -> Path:
    path = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
