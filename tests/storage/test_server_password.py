"""The server password's sources in order: libpq's own, the OS keyring, then the prompt."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from audit_app.domain.errors import UserError
from audit_app.storage.server import PasswordNeededError, PromptedPassword, open_server
from audit_app.storage.server_password import (
    KEYRING_SERVICE,
    forget_password,
    keyring_available,
    keyring_key,
    keyring_password,
    remember_password,
)
from tests.keyring_support import MemoryKeyring, ServerLogin

pytestmark = pytest.mark.usefixtures("no_libpq_password")


class Prompt:
    """A password prompt that answers and counts how often it was asked."""

    def __init__(self, *answers: str | PromptedPassword) -> None:
        self.answers = list(answers)
        self.asked = 0

    def __call__(self) -> str | PromptedPassword:
        self.asked += 1
        return self.answers.pop(0)


def test_keyring_key_names_the_login() -> None:
    assert keyring_key(make_url("postgresql+psycopg://gl@db.kommun.se/granska")) == \
        "gl@db.kommun.se/granska"
    assert keyring_key(make_url("postgresql+psycopg://gl@db:6432/granska?sslmode=require")) \
        == "gl@db:6432/granska"


def test_password_from_the_keyring(server_login: ServerLogin,
                                   memory_keyring: MemoryKeyring) -> None:
    prompt = Prompt("fel")
    with pytest.raises(PasswordNeededError) as caught:
        open_server(server_login.url, migrate=False)
    assert not caught.value.wrong and "PGPASSWORD" in str(caught.value)
    assert keyring_password(make_url(server_login.url)) is None
    key = keyring_key(make_url(server_login.url))
    memory_keyring.set_password(KEYRING_SERVICE, key, server_login.password)
    db = open_server(server_login.url, password_prompt=prompt, migrate=False)
    try:
        assert db.current_role() == server_login.role
    finally:
        db.close()
    assert prompt.asked == 0


def test_libpq_comes_first_then_the_keyring(server_login: ServerLogin,
                                            memory_keyring: MemoryKeyring,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    key = keyring_key(make_url(server_login.url))
    memory_keyring.set_password(KEYRING_SERVICE, key, "gammalt")
    monkeypatch.setenv("PGPASSWORD", server_login.password)
    prompt = Prompt("fel")
    open_server(server_login.url, password_prompt=prompt, migrate=False).close()
    assert prompt.asked == 0  # PGPASSWORD was right: the keyring's stale one was not needed
    monkeypatch.setenv("PGPASSWORD", "fel")
    memory_keyring.set_password(KEYRING_SERVICE, key, server_login.password)
    open_server(server_login.url, password_prompt=prompt, migrate=False).close()
    assert prompt.asked == 0  # PGPASSWORD was wrong: the keyring's was tried next


def test_a_wrong_saved_password_asks_and_remembers_when_ticked(
        server_login: ServerLogin, memory_keyring: MemoryKeyring) -> None:
    url = make_url(server_login.url)
    remember_password(url, "gammalt")
    prompt = Prompt("fel", PromptedPassword(server_login.password, remember=True))
    open_server(server_login.url, password_prompt=prompt, migrate=False).close()
    assert prompt.asked == 2  # the keyring's failed, then a wrong typed one, then the right
    assert keyring_password(url) == server_login.password
    assert forget_password(url) and not forget_password(url)
    prompt = Prompt(PromptedPassword(server_login.password, remember=False))
    open_server(server_login.url, password_prompt=prompt, migrate=False).close()
    assert prompt.asked == 1 and keyring_password(url) is None
    with pytest.raises(PasswordNeededError) as caught:
        open_server(server_login.url, migrate=False, password=PromptedPassword("fel"))
    assert caught.value.wrong and "stämmer inte" in str(caught.value)


def test_without_a_keyring_the_prompt_is_asked_quietly(server_login: ServerLogin,
                                                       no_keyring: None) -> None:
    url = make_url(server_login.url)
    assert not keyring_available()
    assert keyring_password(url) is None
    assert not remember_password(url, "x") and not forget_password(url)
    prompt = Prompt(PromptedPassword(server_login.password, remember=True))
    db = open_server(server_login.url, password_prompt=prompt, migrate=False)
    db.close()
    assert prompt.asked == 1


def test_a_cancelled_prompt_is_the_prompts_own_message(server_login: ServerLogin,
                                                       no_keyring: None) -> None:
    def cancelled() -> str:
        raise UserError("Inget lösenord angavs.")

    with pytest.raises(UserError, match="Inget lösenord"):
        open_server(server_login.url, password_prompt=cancelled, migrate=False)
