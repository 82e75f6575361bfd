"""The .granska exchange file: a plain header, then AES-GCM ciphertext keyed by a passphrase."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import struct
import zlib
from datetime import date, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from audit_app import __version__
from audit_app.domain.errors import UserError

FORMAT = "granska-exchange"
FORMAT_VERSION = 2
MAGIC = b"GRANSKA-EXCHANGE\n"
MAX_HEADER = 4096
MAX_PAYLOAD = 500_000_000  # uncompressed JSON
MIN_PASSPHRASE = 8
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
MAX_SCRYPT_N = 2**18  # a forged header must not make us allocate gigabytes
CHECK_LABEL = b"granska-exchange passphrase check"


class ExchangeFileError(UserError):
    """The exchange file is damaged, changed, not a Granska file, or from another version."""


class WrongPassphraseError(ExchangeFileError):
    """The passphrase does not open the exchange file."""


def iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


def parse_dt(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def parse_date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def check_new_passphrase(passphrase: str) -> None:
    """UserError unless the passphrase is long enough to protect an exported round."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise UserError(f"Lösenfrasen för exportfilen måste ha minst {MIN_PASSPHRASE} tecken.")


def _keys(passphrase: str, salt: bytes, n: int, r: int, p: int) -> tuple[bytes, bytes]:
    """The AES-256 key and a separate key for the passphrase check value."""
    material = Scrypt(salt=salt, length=64, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))
    return material[:32], material[32:]


def _check_value(check_key: bytes) -> str:
    return hmac.new(check_key, CHECK_LABEL, hashlib.sha256).hexdigest()[:32]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def write_exchange(path: Path, payload: dict[str, Any], actor: str, passphrase: str) -> None:
    """Encrypt manifest and payload into path (0600, via a temporary file)."""
    check_new_passphrase(passphrase)
    body = {"manifest": {"app_version": __version__, "created_by": actor,
                         "created_at": datetime.now().isoformat(timespec="seconds"),
                         "round_uid": payload["round"]["uid"],
                         "round_name": payload["round"]["name"]},
            "payload": payload}
    plain = zlib.compress(json.dumps(body, ensure_ascii=False, sort_keys=True)
                          .encode("utf-8"), 6)
    sealed = seal(plain, passphrase)
    tmp = path.with_name(path.name + ".tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(sealed)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)  # O_CREAT's mode does not apply to an existing .tmp
        tmp.replace(path)  # never leave a half-written file under the real name
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def seal(plain: bytes, passphrase: str) -> bytes:
    """Header and AES-GCM ciphertext of plain (the compressed body) under passphrase."""
    salt, nonce = os.urandom(16), os.urandom(12)
    key, check_key = _keys(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    header = json.dumps({
        "format": FORMAT, "format_version": FORMAT_VERSION, "app_version": __version__,
        "cipher": "AES-256-GCM", "kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
        "salt": _b64(salt), "nonce": _b64(nonce), "check": _check_value(check_key),
    }, sort_keys=True).encode("ascii")
    prefix = MAGIC + struct.pack(">I", len(header)) + header
    return prefix + AESGCM(key).encrypt(nonce, plain, prefix)  # header authenticated too


def _header(raw: bytes, name: str, damaged: str) -> tuple[dict[str, Any], int]:
    if raw.startswith(b"PK"):
        raise ExchangeFileError(
            f"{name} är en okrypterad exportfil från en äldre Granska och läses inte in, "
            "eftersom den inte kan skyddas mot ändringar. Be avsändaren exportera omgången "
            "igen med den här versionen (filen krypteras då med en lösenfras).")
    if not raw.startswith(MAGIC):
        raise ExchangeFileError(f"{name} är ingen exportfil från Granska, eller så är den "
                                "skadad.")
    start = len(MAGIC) + 4
    if len(raw) < start:
        raise ExchangeFileError(damaged)
    (size,) = struct.unpack(">I", raw[len(MAGIC):start])
    if size > MAX_HEADER or len(raw) < start + size:
        raise ExchangeFileError(damaged)
    try:
        header = json.loads(raw[start:start + size].decode("ascii"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ExchangeFileError(damaged) from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ExchangeFileError(f"{name} är ingen exportfil från Granska.")
    version = header.get("format_version")
    if not isinstance(version, int) or version < 2:
        raise ExchangeFileError(f"{name} har ett okänt filformat ({version!r}).")
    if version > FORMAT_VERSION:
        raise ExchangeFileError(
            f"{name} är skapad med en nyare Granska (version {header.get('app_version', '?')}, "
            f"filformat {version}); den här versionen ({__version__}) läser filformat "
            f"{FORMAT_VERSION}. Uppdatera Granska och försök igen.")
    return header, start + size


def _open(header: dict[str, Any], passphrase: str, damaged: str, name: str) -> AESGCM:
    try:
        n, r, p = header["n"], header["r"], header["p"]
        salt = base64.b64decode(header["salt"], validate=True)
        nonce = base64.b64decode(header["nonce"], validate=True)
        ok = (header.get("cipher"), header.get("kdf")) == ("AES-256-GCM", "scrypt") and \
            all(isinstance(v, int) for v in (n, r, p)) and \
            SCRYPT_N <= n <= MAX_SCRYPT_N and n & (n - 1) == 0 and (r, p) == (8, 1) and \
            len(salt) == 16 and len(nonce) == 12 and isinstance(header.get("check"), str)
    except (KeyError, TypeError, ValueError) as exc:
        raise ExchangeFileError(damaged) from exc
    if not ok:
        raise ExchangeFileError(damaged)
    key, check_key = _keys(passphrase, salt, n, r, p)
    if not hmac.compare_digest(_check_value(check_key), header["check"]):
        raise WrongPassphraseError(f"Fel lösenfras för {name}. Använd den lösenfras som "
                                   "valdes när omgången exporterades.")
    return AESGCM(key)


def read_exchange(path: Path, passphrase: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Manifest and payload of an authentic exchange file, or ExchangeFileError saying why not.

    The AES-GCM tag is checked before anything in the encrypted part is decompressed or parsed.
    """
    name = path.name
    damaged = f"Filen {name} är skadad eller ofullständig och kan inte läsas in."
    if not path.exists():
        raise ExchangeFileError(f"Filen {name} finns inte.")
    try:
        if path.stat().st_size > MAX_PAYLOAD:
            raise ExchangeFileError(damaged + " (orimligt stor)")
        raw = path.read_bytes()
    except OSError as exc:
        raise ExchangeFileError(f"Kan inte läsa {name}: {exc.strerror or exc}") from exc
    header, start = _header(raw, name, damaged)
    aead = _open(header, passphrase, damaged, name)
    nonce = base64.b64decode(header["nonce"])
    try:
        plain = aead.decrypt(nonce, raw[start:], raw[:start])
    except InvalidTag as exc:
        raise ExchangeFileError(f"Filen {name} har ändrats eller är skadad efter exporten "
                                "och läses inte in.") from exc
    try:
        inflater = zlib.decompressobj()
        data = inflater.decompress(plain, MAX_PAYLOAD)
        if inflater.unconsumed_tail:
            raise ExchangeFileError(damaged + " (orimligt stor)")
        if not inflater.eof:
            raise ExchangeFileError(damaged)
        body = json.loads(data.decode("utf-8"))
    except ExchangeFileError:
        raise
    except RecursionError as exc:
        raise ExchangeFileError(damaged + " (för djupt nästlad)") from exc
    except (zlib.error, UnicodeDecodeError, ValueError) as exc:
        raise ExchangeFileError(damaged) from exc
    if not isinstance(body, dict) or not isinstance(body.get("manifest"), dict) or \
            not isinstance(body.get("payload"), dict) or \
            not isinstance(body["payload"].get("round"), dict):
        raise ExchangeFileError(damaged)
    manifest = {**body["manifest"], "format": FORMAT, "format_version": header["format_version"]}
    return manifest, body["payload"]
