"""Languages: Granska's own translations and Qt's, installed on the application."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from audit_app import paths
from audit_app.settings import SettingsStore
from audit_app.ui.retranslate import retranslate_open_windows

SOURCE_LANGUAGE = "sv"  # the ui's strings are written in Swedish
LANGUAGES = {"sv": "Svenska", "en": "English"}

# Swedish words that reach the screen from the lower layers (statuses, genders, built-in
# answers); show them through term() so that they are translated too.
TERMS_CONTEXT = "Termer"
TERMS = (
    QT_TRANSLATE_NOOP("Termer", "Låst"),
    QT_TRANSLATE_NOOP("Termer", "Urval saknas"),
    QT_TRANSLATE_NOOP("Termer", "Urval ej draget"),
    QT_TRANSLATE_NOOP("Termer", "Klar"),
    QT_TRANSLATE_NOOP("Termer", "Pågår"),
    QT_TRANSLATE_NOOP("Termer", "Ej påbörjad"),
    QT_TRANSLATE_NOOP("Termer", "flicka"),
    QT_TRANSLATE_NOOP("Termer", "pojke"),
    QT_TRANSLATE_NOOP("Termer", "okant"),
    QT_TRANSLATE_NOOP("Termer", "annat"),
    QT_TRANSLATE_NOOP("Termer", "Annat"),
    QT_TRANSLATE_NOOP("Termer", "Flicka"),
    QT_TRANSLATE_NOOP("Termer", "Pojke"),
    QT_TRANSLATE_NOOP("Termer", "Okänt"),
    QT_TRANSLATE_NOOP("Termer", "Ja"),
    QT_TRANSLATE_NOOP("Termer", "Nej"),
    QT_TRANSLATE_NOOP("Termer", "Ej aktuellt"),
    QT_TRANSLATE_NOOP("Termer", "Helt"),
    QT_TRANSLATE_NOOP("Termer", "Delvis"),
    QT_TRANSLATE_NOOP("Termer", "Flickor"),
    QT_TRANSLATE_NOOP("Termer", "Pojkar"),
    QT_TRANSLATE_NOOP("Termer", "uppfyllt"),
    QT_TRANSLATE_NOOP("Termer", "ej uppfyllt"),
    QT_TRANSLATE_NOOP("Termer", "kan ej avgöras ännu"),
    QT_TRANSLATE_NOOP("Termer", "inget mål"),
    QT_TRANSLATE_NOOP("Termer", "inga data"),
    QT_TRANSLATE_NOOP("Termer", "Okrypterad databas"),
)

TRANSLATOR_NAME = "granska-translator"  # our translators are children of the application


def i18n_dir() -> Path:
    return paths.resources_dir() / "i18n"


def qt_translations_dirs() -> list[Path]:
    """Where Qt's own .qm files may be: Qt's install, then the bundle's copy."""
    dirs = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    dirs.append(paths.project_root() / "PySide6" / "Qt" / "translations")
    return dirs


def term(text: str, context: str = TERMS_CONTEXT) -> str:
    """A Swedish word from the domain (a status, a gender, a built-in answer) translated."""
    return QCoreApplication.translate(context, text)


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
    for old in _translators(app):
        app.removeTranslator(old)
        old.setParent(None)
        old.deleteLater()
    language = normalise(language)
    loaded: list[str] = []
    wanted = [(f"qtbase_{language}", qt_translations_dirs())]
    if language != SOURCE_LANGUAGE:
        wanted.append((f"granska_{language}", [i18n_dir()]))
    for name, folders in wanted:
        translator = QTranslator(app)
        if _load(translator, name, folders):
            translator.setObjectName(TRANSLATOR_NAME)
            app.installTranslator(translator)
            loaded.append(name)
        else:
            translator.setParent(None)
    QLocale.setDefault(QLocale(QLocale.Language.Swedish if language == "sv"
                               else QLocale.Language.English,
                               QLocale.Country.Sweden if language == "sv"
                               else QLocale.Country.UnitedKingdom))
    return loaded


def _translators(app: QCoreApplication) -> list[QTranslator]:
    # The application's own children (where install_translations puts them): findChildren's
    # first call costs some 6 ms of PySide set-up at start-up, children() nothing.
    return [t for t in app.children()
            if isinstance(t, QTranslator) and t.objectName() == TRANSLATOR_NAME]


def current_language() -> str:
    """The language whose translators are installed now."""
    app = QCoreApplication.instance()
    for translator in _translators(app) if app is not None else []:
        name = Path(translator.filePath()).stem
        if name.startswith("granska_"):
            return name.removeprefix("granska_")
    return SOURCE_LANGUAGE


def add_language_menu(window: QMainWindow, settings_store: SettingsStore) -> QMenu:
    """A "Språk / Language" menu on the window's menu bar; the choice is saved in settings."""
    menu = window.menuBar().addMenu("Språk / &Language")  # i18n: ok - shown in both languages
    group = QActionGroup(menu)
    group.setExclusive(True)
    chosen = normalise(settings_store.load().language)
    for code, label in LANGUAGES.items():
        action = QAction(label, menu)  # i18n: ok - a language's own name
        action.setCheckable(True)
        action.setChecked(code == chosen)
        action.setData(code)
        group.addAction(action)
        menu.addAction(action)
    group.triggered.connect(lambda action: _switch(window, settings_store, action.data()))
    return menu


def _switch(window: QMainWindow, settings_store: SettingsStore, language: str) -> None:
    settings = settings_store.load()
    if normalise(settings.language) == language:
        return
    settings.language = language
    settings_store.save(settings)
    old = current_language()
    install_translations(language)
    # open windows change their texts now; the review form relabels its answers and keys
    retranslate_open_windows(old, language)
    if language == "en":
        text = ("The language is now English. Menus, buttons, dialogs, messages and the "
                "review form's answers and keys use it at once; a few texts with figures "
                "in them change when their view is next shown.")
    else:
        text = ("Språket är nu svenska. Menyer, knappar, dialogrutor, meddelanden och "
                "granskningsformulärets svar och tangenter använder det direkt; några texter "
                "med siffror i byter språk nästa gång vyn visas.")
    QMessageBox.information(window, "Granska", text)  # i18n: ok - written in the new language
