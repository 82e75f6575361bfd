"""The VB chapter as PDF (A4): the plan with its risk matrix, then each control's year."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from audit_app.domain.figures import Figure
from audit_app.domain.gender import Gender, gender_label
from audit_app.domain.plan import Control, risk_matrix
from audit_app.domain.vb import VbChapter, VbControl
from audit_app.reports.pdf_parts import GRID, NumberedCanvas, bar_chart, register_fonts, styles
from audit_app.reports.vb_lang import drawn_text, lang_of, method_text, vb_texts
from audit_app.reports.vb_text import (
    HEAD_FILL,
    action_row,
    deviation_heading,
    period_columns,
    period_heads,
    result_cell,
    risk_colour,
)

WIDTH = 170 * mm


def write_vb_pdf(chapter: VbChapter, path: Path, *, author: str = "",
                 lang: str = "sv") -> None:
    """Write the chapter to `path` in Swedish or English."""
    register_fonts()
    st: dict[str, Any] = dict(styles())
    lang = lang_of(lang)
    t = vb_texts(lang)
    st["lang"] = lang
    title = t["title"].format(year=chapter.year, unit=chapter.unit)
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
        bottomMargin=20 * mm, title=title, author=author, creator="Granska", lang=lang,
        subject=t["subject"].format(year=chapter.year))
    story: list[Any] = [_p(title, st["h1"]),
                        _p(t["chapter"] + " " + t["created"].format(
                            date=chapter.created.isoformat()), st["small"]),
                        Spacer(1, 4 * mm), _p(t["plan"], st["h2"]),
                        _plan_table(chapter, st), Spacer(1, 4 * mm),
                        _p(t["matrix"], st["h2"]),
                        _matrix(chapter, st)]
    for vc in chapter.controls:
        story += _control(vc, chapter.year, st)
    canvas = partial(_canvas, title.replace(" – ", " · "), t["page"])
    doc.build(story, canvasmaker=canvas)


def _canvas(footer: str, page: str, *args: Any, **kwargs: Any) -> NumberedCanvas:
    canvas = NumberedCanvas(*args, **kwargs)
    canvas.footer_left = footer
    canvas.page_text = page
    return canvas


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _table(rows: list[list[Any]], widths: list[float], head: bool = True) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if head else 0)
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.4, GRID),
             ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    if head:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(HEAD_FILL)))
    table.setStyle(TableStyle(style))
    return table


def _plan_table(chapter: VbChapter, st: dict[str, Any]) -> Table:
    t = vb_texts(st["lang"])
    head = [_p(t[h], st["cellb"]) for h in ("control", "rule", "risk", "method", "periods",
                                             "responsible")]
    rows = [head]
    for c in chapter.plan.controls:
        rows.append([_p(f"{c.title}\n({c.control_id}, {c.checklist})", st["cell"]),
                     _p(_rule(c), st["cell"]),
                     _p(f"{c.sannolikhet} × {c.konsekvens} = {c.risk}", st["cell"]),
                     _p(method_text(c.method, st["lang"]), st["cell"]),
                     _p(", ".join(p.value for p in c.periods), st["cell"]),
                     _p(c.responsible or "–", st["cell"])])
    return _table(rows, [38 * mm, 32 * mm, 18 * mm, 36 * mm, 20 * mm, 26 * mm])


def _rule(c: Control) -> str:
    return "\n".join(t for t in (c.rule, c.reference) if t) or "–"


def _matrix(chapter: VbChapter, st: dict[str, Any]) -> Table:
    cells = risk_matrix(chapter.plan.controls)
    rows: list[list[Any]] = [[_p(vb_texts(st["lang"])["matrix_corner"], st["cellb"])]
                             + [_p(str(k), st["cellb"]) for k in range(1, 5)]]
    style = [("GRID", (0, 0), (-1, -1), 0.4, GRID), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    for r, s in enumerate(range(4, 0, -1), start=1):
        rows.append([_p(str(s), st["cellb"])]
                    + [_p("\n".join(cells[(s, k)]), st["cell"]) for k in range(1, 5)])
        for k in range(1, 5):
            style.append(("BACKGROUND", (k, r), (k, r), colors.HexColor(risk_colour(s * k))))
    table = Table(rows, colWidths=[38 * mm] + [33 * mm] * 4, rowHeights=[None] + [14 * mm] * 4)
    table.setStyle(TableStyle(style))
    return table


def _control(vc: VbControl, year: int, st: dict[str, Any]) -> list[Any]:
    c = vc.control
    lang = st["lang"]
    t = vb_texts(lang)
    out: list[Any] = [Spacer(1, 6 * mm), CondPageBreak(60 * mm), _p(c.title, st["h1"]),
                      _p(t["control_line"].format(rule=_rule(c).replace(chr(10), ", "),
                                                  risk=c.risk,
                                                  responsible=c.responsible or "–"),
                         st["small"])]
    if c.note:
        out.append(_p(c.note, st["body"]))
    out.append(_p(t["method"], st["h2"]))
    rows = [[_p(h, st["cellb"]) for h in ("Period", t["round"], "N", "n", t["reviewed"],
                                          t["drawn"])]]
    for s in vc.samples:
        rows.append([_p(s.period, st["cell"]), _p("\n".join(s.rounds) or "–", st["cell"]),
                     _p(str(s.population), st["cell"]), _p(str(s.size), st["cell"]),
                     _p(str(s.reviewed), st["cell"]),
                     _p(drawn_text(s, lang), st["cell"])])
    out += [_p(method_text(c.method, lang).capitalize() + ".", st["body"]),
            _table(rows, [16 * mm, 38 * mm, 12 * mm, 12 * mm, 25 * mm, 67 * mm])]
    if not vc.items:
        out.append(_p(t["no_cases"], st["body"]))
    else:
        out += _results(vc, year, st)
    out += _deviations(vc, st)
    return out


def _results(vc: VbControl, year: int, st: dict[str, Any]) -> list[Any]:
    lang = st["lang"]
    t = vb_texts(lang)
    columns = period_columns(vc.control)
    head = [t["item"], t["target"]] + period_heads(vc.control, lang)
    rows = [[_p(h, st["cellb"]) for h in head]]
    for item in vc.items:
        cells = [result_cell(vc.figure(item, col, year), vc.last_year(item, col, year), lang)
                 for col in columns]
        rows.append([_p(item.question, st["cell"]),
                     _p("–" if item.target is None else f"{item.target:g} %", st["cell"])]
                    + [_p(text, st["cell"]) for text in cells])
    free = WIDTH - 60 * mm - 16 * mm
    out: list[Any] = [_p(t["results"], st["h2"]),
                      _table(rows, [60 * mm, 16 * mm] + [free / len(columns)] * len(columns))]
    for item in vc.items:
        bars: list[tuple[str, Figure, bool]] = []
        for col in columns:
            fig = vc.figure(item, col, year)
            if fig is not None:
                label = t["year_col"] if col == "VB" else col
                bars.append((f"{label} {year}", fig, False))
        genders = [f"{gender_label(g.value, lang, plural=True)}: {f.x} {t['of']} {f.n}"
                   for g, f in item.genders.items()
                   if g.value in (Gender.GIRL, Gender.BOY) and f.n]
        block = [_p(item.question, st["cellb"]), bar_chart(bars, item.target, width=WIDTH,
                                                         lang=st["lang"])]
        if genders:
            block.append(_p(f"{t['genders']}: " + "; ".join(genders),
                            st["small"]))
        out.append(KeepTogether(block))
    return out


def _deviations(vc: VbControl, st: dict[str, Any]) -> list[Any]:
    lang = st["lang"]
    t = vb_texts(lang)
    out: list[Any] = [_p(t["deviations"], st["h2"])]
    if not vc.deviations:
        out.append(_p(t["no_deviations"], st["body"]))
        return out
    for d in vc.deviations:
        block: list[Any] = [_p(deviation_heading(d, lang), st["cellb"]),
                            _p(f"{t['analysis']}: " + (d.analysis or t["no_analysis"]),
                               st["body"])]
        if d.actions:
            rows = [[_p(t[h], st["cellb"]) for h in ("action", "responsible", "due",
                                                     "status", "next")]]
            rows += [[_p(x, st["cell"]) for x in action_row(a, lang)] for a in d.actions]
            block.append(_table(rows, [52 * mm, 28 * mm, 22 * mm, 26 * mm, 42 * mm]))
        else:
            block.append(_p(t["no_actions"], st["small"]))
        out += [KeepTogether(block), Spacer(1, 3 * mm)]
    return out
