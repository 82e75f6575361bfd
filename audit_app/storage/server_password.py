"""The server password in the OS keyring: looked up, remembered, forgotten; never in a file."""

from __future__ import annotations

import logging

import keyring
import keyring.backends.fail
from sqlalchemy.engine import URL

KEYRING_SERVICE = "granska"
logger = logging.getLogger(__name__)


def keyring_key(url: URL) -> str:
    """The keyring entry of a login: user@host[:port]/database."""
    host = url.host or "localhost"
    port = f":{url.port}" if url.port else ""
    return f"{url.username or ''}@{host}{port}/{url.database or ''}"


def keyring_available() -> bool:
    """Whether an OS keyring backend is there (a headless machine often has none)."""
    try:
        return not isinstance(keyring.get_keyring(), keyring.backends.fail.Keyring)
    except Exception as exc:  # a broken backend configuration: as if there were none
        logger.info("Ingen nyckelring: %s", type(exc).__name__)
        return False


def keyring_password(url: URL) -> str | None:
    """The saved password of this login, or None (nothing saved, or no keyring at all)."""
    if not url.username:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, keyring_key(url))
    except Exception as exc:  # no backend, a locked or failing one: the prompt follows
        logger.info("Nyckelringen kunde inte läsas: %s", type(exc).__name__)
        return None


def remember_password(url: URL, password: str) -> bool:
    """Save the password in the OS keyring; False when there is no keyring to save it in."""
    if not url.username:
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, keyring_key(url), password)
    except Exception as exc:
        logger.info("Nyckelringen kunde inte spara: %s", type(exc).__name__)
        return False
    return True


def forget_password(url: URL) -> bool:
    """Remove a saved password; False when none was saved (or there is no keyring)."""
    try:
        keyring.delete_password(KEYRING_SERVICE, keyring_key(url))
    except Exception as exc:  # PasswordDeleteError when none was saved
        logger.info("Inget lösenord togs bort ur nyckelringen: %s", type(exc).__name__)
        return False
    return True
