"""The summary PDF a unit manager takes to the staff meeting or the annual report (A4)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from audit_app.domain.error_texts import translate_text
from audit_app.domain.figures import (
    TOTAL,
    Figure,
    GroupKind,
    ItemFigures,
    Report,
    Verdict,
    figure_text,
    interval_text,
    percent,
)
from audit_app.domain.gender import gender_label
from audit_app.domain.group_labels import group_label
from audit_app.domain.i18n import answer_label, msg, verdict_sentence
from audit_app.domain.sampling_protocol import RoundProtocol
from audit_app.reports.pdf_flow import KeepTail
from audit_app.reports.pdf_parts import (
    FONT,
    FONT_BOLD,
    GRID,
    MUTED,
    NumberedCanvas,
    TextLines,
    bar_chart,
    register_fonts,
    styles,
    traffic_light,
    wrap_text,
)
from audit_app.reports.pdf_texts import (
    distribution_bar,
    double_review_block,
    quotes_block,
    themes_block,
)
from audit_app.reports.protocol_text import appendix_lines

Progress = Callable[[int, int], None]
# The appendix lists a round's drawn cases up to this many; a department's sample of
# thousands is named by its size (the list is in the protocol file and the Excel file).
PDF_CASE_LIMIT = 150
MASKED = "Färre än 5 ärenden"
LAST_PAGE_MIN = 45 * mm  # the last page never holds less (no orphaned tail)


def write_pdf(report: Report, path: Path, *, publication: bool = False,
              protocol: Sequence[RoundProtocol] = (), author: str = "",
              progress: Progress | None = None, lang: str = "sv") -> None:
    """Write the report; protocol holds the rounds' sampling protocols (the appendix),
    rendered in lang."""
    register_fonts()
    st = styles()
    title = msg("Resultat av internkontroll – {title}", lang, title=report.checklist_title)
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
        bottomMargin=20 * mm, title=title, author=author or ", ".join(report.reviewers),
        subject=f"{_unit(report, lang)}, {report.period_text}: {report.checklist_title} "
                f"v{'/'.join(report.checklist_versions)}",
        creator="Granska", lang=lang)
    story: list[Any] = []
    story += _cover(report, st, publication, lang)
    story += _summary(report, st, publication, lang)
    total = len(report.items)
    sections: list[list[Any]] = []
    for k, item in enumerate(report.items, start=1):
        sections.append(_item_section(k, item, st, publication, lang))
        if progress:
            progress(k, total + 1)
    frame = (doc.width - 12, doc.height - 12)  # inside the frame's default padding
    appendix = _appendix(appendix_lines(protocol, lang, case_limit=PDF_CASE_LIMIT), st,
                         publication, lang)
    story += _page_flow_end(story, sections, appendix, frame)
    footer = f"{report.checklist_title} · {_unit(report, lang)} · {report.period_text}"
    if publication:
        footer += " · " + msg("publiceringsversion", lang)
    doc.build(story, canvasmaker=partial(_canvas, footer,
                                                   msg("Sida {page} av {pages}", lang)))
    if progress:
        progress(total + 1, total + 1)


def _canvas(footer: str, page_text: str, *args: Any, **kwargs: Any) -> NumberedCanvas:
    canvas = NumberedCanvas(*args, **kwargs)
    canvas.footer_left = footer
    canvas.page_text = page_text
    return canvas


def _unit(report: Report, lang: str) -> str:
    return msg(report.unit_text, lang) if report.unit_text == "Alla enheter" \
        else report.unit_text


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(escape(text), style)


def _cover(report: Report, st: dict[str, Any], publication: bool, lang: str) -> list[Any]:
    out: list[Any] = [Spacer(1, 40 * mm), _p(msg("Resultat av internkontroll", lang),
                                             st["title"]),
                      _p(report.checklist_title, st["subtitle"])]
    rows = [
        ("Enhet", _unit(report, lang)),
        ("Period", report.period_text),
        ("Checklista", msg("{id}, version {versions}", lang, id=report.checklist_id,
                           versions=", ".join(report.checklist_versions))),
        ("Omgångar", "\n".join(r.name for r in report.rounds)),
        ("Granskade ärenden", str(report.reviews)),
        ("Granskare", ", ".join(report.reviewers) or "–"),
        ("Datum", report.created.isoformat()),
    ]
    if report.gender_filter:
        rows.insert(1, ("Urval", gender_label(report.gender_filter, lang, plural=True)))
    table = Table([[_p(msg(k, lang), st["cellb"]),
                    Paragraph(escape(v).replace("\n", "<br/>"), st["body"])] for k, v in rows],
                  colWidths=[45 * mm, 115 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, -2), 0.4, GRID),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                               ("TOPPADDING", (0, 0), (-1, -1), 6)]))
    out += [table, Spacer(1, 12 * mm)]
    for note in report.notes:
        out.append(_p(translate_text(note, lang), st["body"]))
    if publication:
        out.append(_p(msg("Publiceringsversion: resultat som bygger på färre än fem ärenden "
                          "visas som \"<5\". Kommentarer och ärendenummer är utelämnade.",
                          lang), st["body"]))
    out.append(PageBreak())
    return out


def _summary(report: Report, st: dict[str, Any], publication: bool,
             lang: str) -> list[Any]:
    head = [_p(msg(h, lang) if h else h, st["cellb"]) for h in
            ("", "Kontrollpunkt", "Resultat", "95 % KI", "Mål", "Bedömning")]
    rows: list[list[Any]] = [head]
    for k, item in enumerate(report.items, start=1):
        fig = item.total
        masked = publication and fig.small
        question = f"{k}. {item.question}"
        if item.condition:
            question += " " + msg("(av dessa)", lang)
        if not item.scored:
            result = _counts_text(item, fig, publication, lang)
            verdict = Verdict.NO_TARGET
        else:
            result = figure_text(fig, publication=publication, lang=lang)
            verdict = Verdict.NO_DATA if masked else fig.verdict
        verdict_text = msg(MASKED, lang) if masked else verdict_sentence(verdict, lang)
        rows.append([traffic_light(verdict), _p(question, st["cell"]), _p(result, st["cell"]),
                     _p(interval_text(fig, publication=publication, lang=lang), st["cell"]),
                     _p(_target(item.target), st["cell"]), _p(verdict_text, st["cell"])])
    table = Table(rows, colWidths=[7 * mm, 60 * mm, 32 * mm, 25 * mm, 18 * mm, 28 * mm],
                  repeatRows=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (0, -1), 1),
    ]))
    legend = msg("Resultat = antal ärenden som uppfyller kontrollpunkten av de ärenden där "
                 "den är tillämplig (\"ej aktuellt\" räknas inte). 95 % KI = Wilsons "
                 "konfidensintervall. Grön: hela intervallet når målet. Röd: hela intervallet "
                 "ligger under målet. Gul: målet ligger inom intervallet – det går ännu inte "
                 "att säga om målet nås. Mål på 100 % räknas som uppfyllt bara när alla "
                 "ärenden uppfyller kontrollpunkten.", lang)
    return [_p(msg("Sammanfattning", lang), st["h1"]),
            _p(f"{msg('{n} granskade ärenden', lang, n=report.reviews)} · "
               f"{_unit(report, lang)} · {report.period_text}", st["small"]),
            Spacer(1, 4 * mm), table, Spacer(1, 5 * mm), _p(legend, st["small"]), PageBreak()]


def _target(target: float | None) -> str:
    return "–" if target is None else f"{target:g} %"


def _counts_text(item: ItemFigures, fig: Figure, publication: bool, lang: str) -> str:
    if not fig.counts:
        return "–"
    if publication and fig.small:
        return "<5"
    if item.answer_type == "fritext":  # the texts themselves are quoted under the item
        return msg("{n} skrivna svar", lang, n=fig.answered)
    return ", ".join(f"{answer_label(item.label(v), lang)} {c}" for v, c in fig.counts.items())


def _item_section(k: int, item: ItemFigures, st: dict[str, Any],
                  publication: bool, lang: str) -> list[Any]:
    head: list[Any] = [_p(f"{k}. {item.question}", st["h2"])]
    facts = [item.section]
    if item.critical:
        facts.append(msg("kritisk kontrollpunkt", lang))
    if item.condition:
        facts.append(msg("besvaras bara när {condition}; andelen avser dessa ärenden", lang,
                         condition=item.condition))
    facts.append(msg("mål {target}", lang, target=_target(item.target))
                 if item.target is not None else msg("inget mål", lang))
    if item.version_targets:
        facts.append(msg("målet skiljer sig mellan versionerna: ", lang) + ", ".join(
            f"v{v} {_target(t)}" for v, t in item.version_targets))
    head.append(_p(" · ".join(facts), st["small"]))
    bar = distribution_bar(item, item.total, masked=publication and item.total.small,
                           lang=lang)
    if item.graded and bar is not None:
        head += [Spacer(1, 2 * mm), _p(msg("Svarens fördelning", lang), st["cellb"]), bar]
    if item.answer_type == "fritext":
        head.append(_p(_counts_text(item, item.total, publication, lang), st["body"]))
    elif item.scored:
        rows = _breakdown(item, lang)
        chart_rows = [(label, fig, publication and fig.small)
                      for k, (label, fig) in enumerate(rows) if fig.n or k == 0]
        head.append(Spacer(1, 2 * mm))
        head.append(bar_chart(chart_rows, item.target, lang=lang))
        head.append(_breakdown_table(item, rows, st, publication, lang))
    else:
        head.append(_p(msg("Fördelning: ", lang)
                       + _counts_text(item, item.total, publication, lang), st["body"]))
    head += double_review_block(item, st, publication, lang)
    # heading, chart and table stay on one page; comments may flow on
    out: list[Any] = [CondPageBreak(40 * mm), KeepTogether(head)]
    out += themes_block(item, st, publication, lang)
    if not publication:
        if item.critical and item.failed_cases:
            out.append(Spacer(1, 3 * mm))
            out.append(_p(msg("Ärenden som inte uppfyllde den kritiska kontrollpunkten: ", lang)
                          + ", ".join(item.failed_cases), st["body"]))
        # a summary stays a summary: identical texts counted, a few quoted, all in Excel
        out += quotes_block(msg("Svar", lang), item.written, st, lang=lang)
        out += quotes_block(msg("Kommentarer", lang), item.remarks, st, lang=lang)
    out.append(Spacer(1, 4 * mm))
    return out


def _breakdown(item: ItemFigures, lang: str) -> list[tuple[str, Figure]]:
    """Total, periods, last year, girls/boys, units: the rows of an item's chart and table."""
    vb = [key for key in item.periods if key.kind is GroupKind.VB]
    terms = [(key, fig) for key, fig in item.periods.items() if key.kind is GroupKind.PERIOD]
    total = group_label(TOTAL, lang)
    if len(vb) == 1 and len(terms) > 1:
        total += f" ({group_label(vb[0], lang)})"
    rows: list[tuple[str, Figure]] = [(total, item.total)]
    groups = list(terms) if len(terms) > 1 else []
    if len(vb) > 1:
        groups += [(key, item.periods[key]) for key in vb]
    groups += [*item.last_year.items(), *item.genders.items()]
    if len(item.units) > 1:
        groups += list(item.units.items())
    return rows + [(group_label(key, lang), fig) for key, fig in groups]


BREAKDOWN_WIDTHS = (50 * mm, 40 * mm, 38 * mm, 42 * mm)


def _breakdown_table(item: ItemFigures, rows: list[tuple[str, Figure]],
                     st: dict[str, Any], publication: bool, lang: str) -> Table:
    """Group, result, interval, verdict; cells are wrapped plain strings (13 rows × 30
    items of Paragraphs were a tenth of a year's PDF)."""
    cell, bold = st["cell"], st["cellb"]
    pad = 2 * 6  # the table's default left + right cell padding

    def line(texts: tuple[str, ...], style: Any) -> list[str]:
        return ["\n".join(wrap_text(t, style.fontName, style.fontSize, w - pad))
                for t, w in zip(texts, BREAKDOWN_WIDTHS, strict=True)]

    data = [line(tuple(msg(h, lang) for h in ("Grupp", "Resultat", "95 % KI", "Bedömning")),
                 bold)]
    for label, fig in rows:
        masked = publication and fig.small
        verdict = msg(MASKED, lang) if masked else verdict_sentence(fig.verdict, lang) \
            if fig.n else "–"
        data.append(line((label, figure_text(fig, publication=publication, lang=lang),
                          interval_text(fig, publication=publication, lang=lang), verdict),
                         cell))
    table = Table(data, colWidths=list(BREAKDOWN_WIDTHS), repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, 0), bold.fontName, bold.fontSize, bold.leading),
        ("FONT", (0, 1), (-1, -1), cell.fontName, cell.fontSize, cell.leading),
        ("TEXTCOLOR", (0, 0), (-1, -1), cell.textColor),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, GRID),
        ("BACKGROUND", (0, 1), (-1, 1), colors.HexColor("#eef3f7")),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _appendix(protocol: Sequence[str], st: dict[str, Any], publication: bool,
              lang: str) -> list[Any]:
    """The protocol on pages of its own; without one, a short note that follows the results."""
    head = _p(msg("Bilaga: Urvalsprotokoll", lang), st["h1"])
    if publication:
        return [Spacer(1, 6 * mm), head,
                _p(msg("Urvalsprotokollet bifogas inte i publiceringsversionen eftersom "
                       "det innehåller ärendenummer.", lang), st["body"])]
    if not protocol:
        return [Spacer(1, 6 * mm), head,
                _p(msg("Inget urvalsprotokoll finns för omgångarna.", lang), st["body"])]
    mono = st["mono"]
    lines = TextLines(list(protocol), mono.fontName, mono.fontSize, mono.leading,
                      mono.textColor)
    return [PageBreak(), head, KeepTail(lines, min_height=LAST_PAGE_MIN)]


def _page_flow_end(story: list[Any], sections: list[list[Any]], appendix: list[Any],
                   frame: tuple[float, float]) -> list[Any]:
    """The item sections and the appendix, the final block kept with what precedes it so the
    last page never carries only a line or two: a short appendix note joins the last item,
    and the last item's long table keeps enough of its rows to carry what follows it."""
    if not sections:  # only the summary: the short note shares its page
        if story and isinstance(story[-1], PageBreak) and not isinstance(appendix[0], PageBreak):
            story.pop()
        return appendix
    out = [f for section in sections[:-1] for f in section]
    last = sections[-1]
    trailer = [] if isinstance(appendix[0], PageBreak) else appendix
    rest = appendix if not trailer else []
    plain = (Spacer, Paragraph, KeepTogether, CondPageBreak)
    tables = [k for k, f in enumerate(last) if not isinstance(f, plain)]
    block = _flat([f for f in last if not isinstance(f, CondPageBreak)] + trailer)
    if tables and _height(block, frame) > frame[1]:
        # a long comments table: rows move on so the last page is not a lone row or two
        k = tables[-1]
        tail: list[Flowable] = _flat([*last[k + 1:], *trailer])
        out += [*last[:k], KeepTail(last[k], tail, LAST_PAGE_MIN)]
    else:  # heading, chart, tables, the failed cases and the note: one block
        out += [f for f in last if isinstance(f, CondPageBreak)]
        out.append(KeepTogether(block))
    return out + rest


def _height(flowables: list[Any], frame: tuple[float, float]) -> float:
    """The height the flowables take in one frame, with their spaces."""
    return sum(f.wrap(*frame)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables)


def _flat(flowables: list[Any]) -> list[Any]:
    """KeepTogether's content in its place: a nested one measures as endless (0xffffff)."""
    out: list[Any] = []
    for f in flowables:
        out += _flat(list(f._content)) if isinstance(f, KeepTogether) else [f]
    return out


__all__ = ["FONT", "FONT_BOLD", "MUTED", "percent", "write_pdf"]
