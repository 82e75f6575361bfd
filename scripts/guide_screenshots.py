"""Render the extra screenshots of docs/guide.md (results for VB, the program in English).

Usage: .venv/bin/python scripts/guide_screenshots.py [--out docs/screenshots]
The data is the invented demo database; nothing is read from the user's own files.
"""

from __future__ import annotations

from _shots import demo_shots
from PySide6.QtCore import QSettings

from audit_app.services.app_services import AppServices
from audit_app.settings import Settings, SettingsStore
from audit_app.ui.i18n import install_translations


def main(argv: list[str] | None = None) -> int:
    from audit_app.ui.main_window import MainWindow
    from audit_app.ui.results_view import ResultsView

    with demo_shots(__doc__, argv, "granska-guide-") as shots:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                          str(shots.folder))
        db, library = shots.db, shots.library
        services = AppServices.build(db, library, "GL")
        rounds = services.rounds.list()
        year = [r for r in rounds if r.checklist_id == "placerade-barn" and r.year == 2025]
        view = ResultsView(services, rounds, selected=year[0].id)
        for i in range(view.round_list.count()):  # tick T1-T3 of the year: the VB report
            item = view.round_list.item(i)
            if any(item.text().startswith(r.name + " ") for r in year):
                item.setCheckState(item.checkState().Checked)
        view.show()
        shots.save(view, "guide_results_vb.png")
        view.close()

        store = SettingsStore(shots.folder / "settings.json")
        store.save(Settings(reviewer_name="Gun Ledare", reviewer_initials="GL", language="en"))
        install_translations("en", shots.app)
        window = MainWindow(services, store)
        window.resize(1100, 520)
        window.show()
        window.open_round(year[0].id)
        shots.save(window, "guide_english.png")
        window.close()
        install_translations("sv", shots.app)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
