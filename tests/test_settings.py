"""Settings: saved and loaded; a damaged or hostile file gives defaults, never a crash."""

from __future__ import annotations

import logging
from dataclasses import fields
from pathlib import Path

import pytest

from audit_app import settings as settings_module
from audit_app.settings import FIELD_TYPES, Settings, SettingsStore


def test_saved_settings_come_back(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    store.save(Settings(reviewer_name="Granskare G", reviewer_initials="GL", last_round_id=3))
    assert store.load() == Settings(reviewer_name="Granskare G", reviewer_initials="GL",
                                    last_round_id=3)


def test_a_missing_file_gives_defaults_quietly(tmp_path: Path,
                                               caplog: pytest.LogCaptureFixture) -> None:
    assert SettingsStore(tmp_path / "finns-inte.json").load() == Settings()
    assert caplog.records == []


@pytest.mark.parametrize("content", ["[" * 100_000 + "]" * 100_000,
                                     '{"a":' * 50_000 + "1" + "}" * 50_000,
                                     '"bara en text"', "null", "{trasig", "\xff\xfe"])
def test_a_hostile_file_gives_defaults_and_a_warning(tmp_path: Path, content: str,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8", errors="surrogateescape")
    with caplog.at_level(logging.WARNING, logger="audit_app"):
        assert SettingsStore(path).load() == Settings()
    assert any("settings.json" in r.getMessage() for r in caplog.records)


def test_values_of_the_wrong_kind_are_dropped_one_by_one(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"reviewer_name": "Granskare G", "reviewer_initials": ["x"], '
                    '"language": 7, "last_round_id": true, "okänd": 1}', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="audit_app"):
        assert SettingsStore(path).load() == Settings(reviewer_name="Granskare G")
    assert len(caplog.records) == 3
    assert all("Granskare G" not in r.getMessage() for r in caplog.records)


def test_a_huge_file_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings_module, "MAX_SETTINGS_BYTES", 100)
    path = tmp_path / "settings.json"
    path.write_text('{"reviewer_name": "' + "x" * 200 + '"}', encoding="utf-8")
    assert SettingsStore(path).load() == Settings()


def test_every_setting_survives_a_save_and_load(tmp_path: Path) -> None:
    """A field missing from FIELD_TYPES would silently fall back to its default on load."""
    assert set(FIELD_TYPES) == {f.name for f in fields(Settings)}
    store = SettingsStore(tmp_path / "settings.json")
    saved = Settings(reviewer_name="Granskare A", reviewer_initials="GA", language="en",
                     last_round_id=7, last_checklist_id="placerade-barn")
    store.save(saved)
    assert store.load() == saved
