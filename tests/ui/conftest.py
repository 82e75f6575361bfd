"""The ui walk-throughs in both languages: the `ui_lang` fixture installs sv or en."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from audit_app.domain.answer_keys import ENGLISH_KEYS, SWEDISH_KEYS
from audit_app.ui.i18n import current_language, install_translations

_KEYS_EN = {SWEDISH_KEYS[value]: key for value, key in ENGLISH_KEYS.items()}


@pytest.fixture(params=["sv", "en"])
def ui_lang(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The language the test runs in, installed as the language menu installs it; Swedish
    again afterwards. `pytest --ui-lang en` runs only the English half."""
    only = request.config.getoption("--ui-lang")
    if only and only != request.param:
        pytest.skip(f"--ui-lang {only}")
    install_translations(request.param, qapp)
    assert current_language() == request.param
    try:
        yield request.param
    finally:
        install_translations("sv", qapp)


def answer_key(swedish: str, lang: str) -> str:
    """The key of a built-in answer in lang: J/N/E/H/D in Swedish, Y/N/A/F/P in English."""
    return _KEYS_EN.get(swedish, swedish) if lang == "en" else swedish


def ui_text(context: str, swedish: str) -> str:
    """A ui string as the installed language shows it."""
    return QCoreApplication.translate(context, swedish)
