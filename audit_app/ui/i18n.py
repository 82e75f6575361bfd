"""Languages: Granska's own translations and Qt's, installed on the application."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from audit_app import paths

SOURCE_LANGUAGE = "sv"  # the ui's strings are written in Swedish
LANGUAGES = {"sv": "Svenska", "en": "English"}

_installed: list[QTranslator] = []  # kept alive while installed


def i18n_dir() -> Path:
    return paths.resources_dir() / "i18n"


def qt_translations_dirs() -> list[Path]:
    """Where Qt's own .qm files may be: Qt's install, then the bundle's copy."""
    dirs = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    dirs.append(paths.project_root() / "PySide6" / "Qt" / "translations")
    return dirs


def normalise(language: str) -> str:
    language = (language or "").strip().lower()[:2]
    return language if language in LANGUAGES else SOURCE_LANGUAGE


def _load(translator: QTranslator, name: str, folders: list[Path]) -> bool:
    return any(translator.load(name, str(folder)) for folder in folders if folder.is_dir())


def install_translations(language: str, app: QCoreApplication | None = None) -> list[str]:
    """Replace the installed translators with those of language; the files loaded are returned.

    Swedish needs only Qt's qtbase_sv (standard buttons); other languages also load
    resources/i18n/granska_<lang>.qm.
    """
    app = app or QCoreApplication.instance()
    if app is None:
        return []
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    language = normalise(language)
    loaded: list[str] = []
    wanted = [(f"qtbase_{language}", qt_translations_dirs())]
    if language != SOURCE_LANGUAGE:
        wanted.append((f"granska_{language}", [i18n_dir()]))
    for name, folders in wanted:
        translator = QTranslator(app)
        if _load(translator, name, folders):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(name)
    QLocale.setDefault(QLocale(QLocale.Language.Swedish if language == "sv"
                               else QLocale.Language.English,
                               QLocale.Country.Sweden if language == "sv"
                               else QLocale.Country.UnitedKingdom))
    return loaded


def current_language() -> str:
    """The language whose translators are installed now."""
    for translator in _installed:
        name = Path(translator.filePath()).stem
        if name.startswith("granska_"):
            return name.removeprefix("granska_")
    return SOURCE_LANGUAGE
