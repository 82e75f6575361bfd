"""Render the plan editor, a control's form and the year view for docs/guide.md, offscreen.

Usage: .venv/bin/python scripts/plan_screenshots.py [--out docs/screenshots]
The data is the invented demo database; nothing is read from the user's own files.
"""

from __future__ import annotations

from _shots import demo_shots

from audit_app.services.app_services import AppServices


def main(argv: list[str] | None = None) -> int:
    from audit_app.ui.plan_editor import PlanEditor
    from audit_app.ui.year_view import YearView

    with demo_shots(__doc__, argv, "granska-plan-") as shots:
        services = AppServices.build(shots.db, shots.library, "GL")
        unit, year = max(services.plans.plans(), key=lambda p: (p[1], p[0]))
        editor = PlanEditor(services, unit, year)
        editor.show()
        editor.table.selectRow(0)
        shots.save(editor, "plan_editor.png", wait=0.2)
        form = editor.edit_control()
        assert form is not None
        form.adjustSize()
        shots.save(form, "plan_control.png", wait=0.2)
        form.reject()
        editor.close()
        view = YearView(services)
        view.show()
        view.plan_box.setCurrentIndex(view.plan_box.findText(f"{unit} {year}"))
        shots.save(view, "year_view.png", wait=3.0)  # the year view reads on a worker thread
        view.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
