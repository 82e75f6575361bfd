"""Texts and colours the VB chapter's PDF and Word files share."""

from __future__ import annotations

from audit_app.domain.figures import Figure
from audit_app.domain.plan import Action, Control, Deviation
from audit_app.reports.vb_lang import fig_text, kind_text, status_text, vb_texts

HEAD_FILL = "#DDE4EE"


def period_columns(control: Control) -> list[str]:
    """The planned tertials, then VB (the year)."""
    return [p.value for p in control.periods] + ["VB"]


def period_heads(control: Control, lang: str = "sv") -> list[str]:
    """The period columns' headings: VB is "Year" in English."""
    return [vb_texts(lang)["year_col"] if c == "VB" else c for c in period_columns(control)]


def result_cell(fig: Figure | None, last: Figure | None, lang: str = "sv") -> str:
    """ "22 av 28 (78,6 %)" with last year's figure below it in parentheses."""
    text = fig_text(fig, lang) if fig is not None else "–"
    if last is not None and last.n:
        text += f"\n({fig_text(last, lang)})"
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


def deviation_heading(d: Deviation, lang: str = "sv") -> str:
    kinds = f" {vb_texts(lang)['and']} ".join(kind_text(k, lang) for k in d.kinds)
    return f"{d.period}: {d.question} – {fig_text(d.figure, lang)} ({kinds})"


def action_row(a: Action, lang: str = "sv") -> tuple[str, str, str, str, str]:
    """What, responsible, due, status (with reason), the next period's figure."""
    status = status_text(a.status, lang) + (f": {a.reason}" if a.reason else "")
    nxt = "–"
    if a.next_period:
        nxt = f"{a.next_period}: " + (fig_text(a.next_figure, lang) if a.next_figure
                                      else vb_texts(lang)["not_reviewed"])
    return a.what, a.responsible, a.due.isoformat(), status, nxt
