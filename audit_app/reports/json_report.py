"""The report as JSON: the same figures as the PDF and workbook, for other programs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from audit_app.domain.agreement import Agreement
from audit_app.domain.error_texts import translate_text
from audit_app.domain.figures import SMALL_N, Figure, GroupKey, ItemFigures, Report, ThemeCount
from audit_app.domain.group_labels import key_text

FORMAT = "granska-report"
FORMAT_VERSION = 1


def figure_json(fig: Figure, *, publication: bool = False) -> dict[str, Any]:
    """One figure; with publication, figures on fewer than five cases are masked."""
    if publication and fig.small:
        return {"masked": True, "n": "<5", "counts": None, "compliant": None, "rate": None,
                "low": None, "high": None, "target": fig.target, "verdict": None}
    return {
        "masked": False,
        "n": fig.n,
        "counts": dict(sorted(fig.counts.items())),
        "compliant": fig.x if fig.n else None,
        "rate": _round(fig.rate),
        "low": _round(fig.low),
        "high": _round(fig.high),
        "target": fig.target,
        "verdict": fig.verdict.name.lower(),
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def agreement_json(agreement: Agreement | None) -> dict[str, Any] | None:
    """Double review on the item: cases compared, percent agreement, kappa and its interval
    (kappa, low, high null when undefined; note says why)."""
    if agreement is None:
        return None
    return {"cases": agreement.cases, "percent": _round(agreement.percent),
            "kappa": _round(agreement.kappa), "low": _round(agreement.low),
            "high": _round(agreement.high), "weighted": agreement.weighted,
            "note": agreement.note or None}


def item_json(item: ItemFigures, *, publication: bool = False) -> dict[str, Any]:
    def many(figs: dict[GroupKey, Figure]) -> dict[str, Any]:
        return {key_text(k): figure_json(f, publication=publication) for k, f in figs.items()}

    return {
        "id": item.item_id,
        "text": item.question,
        "section": item.section,
        "answer_type": item.answer_type,
        "options": {v: label for v, label in item.options},
        "critical": item.critical,
        "scored": item.scored,
        "applies_when": item.condition or None,
        "version_targets": [{"version": v, "target": t} for v, t in item.version_targets],
        **figure_json(item.total, publication=publication),
        "periods": many(item.periods),
        "last_year": many(item.last_year),
        "units": many(item.units),
        "genders": many(item.genders),
        "comments": [] if publication else [
            {"case": c.case_ref, "round": c.round_name, "answer": c.value, "text": c.text}
            for c in item.comments if not c.written],
        "failed_cases": [] if publication else list(item.failed_cases),
        "themes": [theme_json(t, publication=publication) for t in item.themes],
        "agreement": agreement_json(item.agreement),
        "chosen": None if item.chosen is None else figure_json(item.chosen,
                                                               publication=publication),
    }


def theme_json(theme: ThemeCount, *, publication: bool = False) -> dict[str, Any]:
    """One theme's count of an item's texts; a publication masks counts on fewer than five
    texts and leaves out the quotes (they name cases)."""
    masked = publication and 0 < theme.n < SMALL_N
    return {"id": theme.id, "label": theme.label,
            "count": "<5" if masked else theme.count, "n": "<5" if masked else theme.n,
            "quotes": [] if publication else [{"case": case, "text": text}
                                              for case, text in theme.quotes]}


def report_json(report: Report, *, publication: bool = False, lang: str = "sv") -> dict[str, Any]:
    """The report's figures; keys and codes are language-neutral, the notes (sentences for
    a reader) are in lang."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created": report.created.isoformat(),
        "publication": publication,
        "checklist": {"id": report.checklist_id, "title": report.checklist_title,
                      "versions": list(report.checklist_versions)},
        "rounds": [{"id": r.id, "name": r.name, "year": r.year, "period": r.period,
                    "unit": r.unit, "checklist_version": r.checklist_version}
                   for r in report.rounds],
        "filters": {"unit": report.unit_filter, "gender": report.gender_filter},
        "units": list(report.units),
        "reviewers": list(report.reviewers),
        "reviews": report.reviews,
        "notes": [translate_text(note, lang) for note in report.notes],
        "chosen_cases": [] if publication else [
            {"round": r, "case": c, "reason": why} for r, c, why in report.chosen_cases],
        "items": [item_json(i, publication=publication) for i in report.items],
    }


def write_json(report: Report, path: Path, *, publication: bool = False,
               lang: str = "sv") -> None:
    text = json.dumps(report_json(report, publication=publication, lang=lang),
                      ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")
