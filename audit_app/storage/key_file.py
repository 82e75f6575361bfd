"""SQLCipher's key derivation and the file checks that need no SQLCipher (fast to import)."""

from __future__ import annotations

import hashlib
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
# SQLCipher 4's key derivation (its defaults, which every Granska database is created with):
# PBKDF2-HMAC-SHA512 over the passphrase's UTF-8 bytes and the file's 16-byte salt.
KDF_ITER = 256_000
KDF_HASH = "sha512"
SALT_BYTES = 16
KEY_BYTES = 32
MIN_PAGE = 512  # the smallest page: a whole database file is always whole pages of it


def is_plain(path: Path) -> bool:
    """True when an existing file starts with the plain (unencrypted) SQLite header."""
    if not path.is_file() or path.stat().st_size == 0:
        return False
    with path.open("rb") as fh:
        return fh.read(16) == SQLITE_HEADER


def derive_raw_key(path: Path, passphrase: str) -> str | None:
    """The key SQLCipher derives from `passphrase` for this file, as its raw-key literal.

    The same PBKDF2 SQLCipher runs on every `PRAGMA key` (same hash, iterations and the
    file's own salt), done once: a connection keyed with the result skips the 0.2-1 s
    derivation. None when the file has no salt yet (new and empty) or is plain. hashlib
    lets other threads run meanwhile.
    """
    with path.open("rb") as fh:
        salt = fh.read(SALT_BYTES)
    if len(salt) < SALT_BYTES or salt == SQLITE_HEADER:
        return None
    key = hashlib.pbkdf2_hmac(KDF_HASH, passphrase.encode("utf-8"), salt, KDF_ITER, KEY_BYTES)
    return f"x'{key.hex()}{salt.hex()}'"


def may_read_quickly(path: Path) -> bool:
    """Whether `path` is an existing, whole, encrypted file: the only kind read quickly.

    A missing, empty, truncated or plain file takes the normal open, which says what is
    wrong with it (or asks whether to open it unencrypted).
    """
    if not path.is_file():
        return False
    size = path.stat().st_size
    return size > 0 and size % MIN_PAGE == 0 and not is_plain(path)
