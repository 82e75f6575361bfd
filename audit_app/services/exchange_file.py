"""The .granska exchange file: a zip with a manifest (format, version, SHA-256) and a payload."""

from __future__ import annotations

import hashlib
import json
import zipfile
import zlib
from datetime import date, datetime
from pathlib import Path
from typing import Any

from audit_app import __version__
from audit_app.domain.errors import UserError

FORMAT = "granska-exchange"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
PAYLOAD = "payload.json"
MAX_PAYLOAD = 500_000_000


class ExchangeFileError(UserError):
    """The exchange file is damaged, not a Granska file, or from an incompatible version."""


def iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


def parse_dt(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def parse_date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def write_exchange(path: Path, payload: dict[str, Any], actor: str) -> None:
    """Write payload and manifest; the manifest carries the payload's SHA-256."""
    data = json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    manifest = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "app_version": __version__,
        "created_at": datetime.now().isoformat(timespec="seconds"), "created_by": actor,
        "payload_sha256": hashlib.sha256(data).hexdigest(), "payload_bytes": len(data),
        "round_uid": payload["round"]["uid"], "round_name": payload["round"]["name"],
    }
    tmp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        zf.writestr(PAYLOAD, data)
    tmp.replace(path)  # never leave a half-written file under the real name


def read_exchange(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """Manifest and payload of a verified exchange file, or ExchangeFileError saying why not."""
    name = path.name
    damaged = f"Filen {name} är skadad eller ofullständig och kan inte läsas in."
    if not path.exists():
        raise ExchangeFileError(f"Filen {name} finns inte.")
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if MANIFEST not in names:
                raise ExchangeFileError(f"{name} är ingen exportfil från Granska "
                                        "(manifest saknas).")
            manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise ExchangeFileError(f"{name} är ingen exportfil från Granska.")
            version = manifest.get("format_version")
            if not isinstance(version, int) or version < 1:
                raise ExchangeFileError(f"{name} har ett okänt filformat ({version!r}).")
            if version > FORMAT_VERSION:
                raise ExchangeFileError(
                    f"{name} är skapad med en nyare Granska (version "
                    f"{manifest.get('app_version', '?')}, filformat {version}); den här "
                    f"versionen ({__version__}) läser filformat {FORMAT_VERSION}. "
                    "Uppdatera Granska och försök igen.")
            if PAYLOAD not in names:
                raise ExchangeFileError(damaged + " (innehållet saknas)")
            if zf.getinfo(PAYLOAD).file_size > MAX_PAYLOAD:
                raise ExchangeFileError(damaged + " (orimligt stor)")
            data = zf.read(PAYLOAD)
    except ExchangeFileError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, UnicodeDecodeError,
            json.JSONDecodeError) as exc:
        raise ExchangeFileError(damaged) from exc
    except OSError as exc:
        raise ExchangeFileError(f"Kan inte läsa {name}: {exc.strerror or exc}") from exc
    if hashlib.sha256(data).hexdigest() != manifest.get("payload_sha256"):
        raise ExchangeFileError(damaged + " (kontrollsumman stämmer inte)")
    try:
        payload = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ExchangeFileError(damaged) from exc
    if not isinstance(payload, dict) or not isinstance(payload.get("round"), dict):
        raise ExchangeFileError(damaged)
    return manifest, payload
