"""Texts and colours the VB chapter's PDF and Word files share."""

from __future__ import annotations

from audit_app.domain.figures import Figure, figure_text
from audit_app.domain.plan import Action, Control, Deviation

HEAD_FILL = "#DDE4EE"


def period_columns(control: Control) -> list[str]:
    """The planned tertials, then VB (the year)."""
    return [p.value for p in control.periods] + ["VB"]


def result_cell(fig: Figure | None, last: Figure | None) -> str:
    """ "22 av 28 (78,6 %)" with last year's figure below it in parentheses."""
    text = figure_text(fig) if fig is not None else "–"
    if last is not None and last.n:
        text += f"\n({figure_text(last)})"
    return text


def risk_colour(value: int) -> str:
    """The usual green / yellow / orange / red of a 4×4 risk matrix."""
    if value <= 3:
        return "#C8E6C9"
    if value <= 6:
        return "#FFF59D"
    if value <= 9:
        return "#FFCC80"
    return "#EF9A9A"


def deviation_heading(d: Deviation) -> str:
    kinds = " och ".join(k.value for k in d.kinds)
    return f"{d.period}: {d.question} – {figure_text(d.figure)} ({kinds})"


def action_row(a: Action) -> tuple[str, str, str, str, str]:
    """What, responsible, due, status (with reason), the next period's figure."""
    status = a.status.value + (f": {a.reason}" if a.reason else "")
    nxt = "–"
    if a.next_period:
        nxt = f"{a.next_period}: " + (figure_text(a.next_figure) if a.next_figure
                                      else "ej granskad")
    return a.what, a.responsible, a.due.isoformat(), status, nxt
