"""The VB chapter as JSON: per control and period the report JSON's figure keys, plus deviations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from audit_app.domain.plan import Action, Control, Deviation, MethodKind, risk_matrix
from audit_app.domain.vb import PERIOD_COLUMNS, VbChapter, VbControl
from audit_app.reports.json_report import figure_json, item_json
from audit_app.reports.vb_lang import drawn_text

FORMAT = "granska-vb"
FORMAT_VERSION = 1


def _method(control: Control) -> dict[str, Any]:
    m = control.method
    out: dict[str, Any] = {"kind": m.kind.value, "text": m.text()}
    if m.kind is MethodKind.SAMPLE:
        out.update(confidence=m.confidence, tolerable=m.tolerable)
    elif m.kind is MethodKind.FIXED:
        out["size"] = m.size
    return out


def action_json(a: Action) -> dict[str, Any]:
    return {
        "id": a.id, "what": a.what, "responsible": a.responsible, "due": a.due.isoformat(),
        "status": a.status.name.lower(), "status_text": a.status.value,
        "reason": a.reason or None, "next_period": a.next_period or None,
        "next_figure": figure_json(a.next_figure) if a.next_figure else None,
    }


def deviation_json(d: Deviation) -> dict[str, Any]:
    return {
        "period": d.period, "item": d.item_id, "text": d.question,
        "kinds": [k.name.lower() for k in d.kinds], "figure": figure_json(d.figure),
        "failed_cases": list(d.failed_cases), "analysis": d.analysis,
        "actions": [action_json(a) for a in d.actions],
    }


def _control(vc: VbControl, year: int) -> dict[str, Any]:
    c = vc.control
    periods: dict[str, Any] = {}
    for column in PERIOD_COLUMNS:
        if column != "VB" and column not in (p.value for p in c.periods):
            continue
        sample = next((s for s in vc.samples if s.period == column), None)
        entry: dict[str, Any] = {
            "label": f"{column} {year}",
            "items": {i.item_id: figure_json(f) for i in vc.items
                      if (f := vc.figure(i, column, year)) is not None},
            "last_year": {i.item_id: figure_json(f) for i in vc.items
                          if (f := vc.last_year(i, column, year)) is not None},
            "deviations": [deviation_json(d) for d in vc.deviations if d.period == column],
        }
        if sample is not None:
            entry.update(rounds=list(sample.rounds), population=sample.population,
                         sample=sample.size, reviewed=sample.reviewed,
                         drawn=drawn_text(sample, "sv"))
        periods[column] = entry
    return {
        "id": c.control_id, "title": c.title, "checklist": c.checklist,
        "items_chosen": list(c.items), "rule": c.rule, "reference": c.reference,
        "risk": {"sannolikhet": c.sannolikhet, "konsekvens": c.konsekvens, "value": c.risk},
        "method": _method(c), "periods_planned": [p.value for p in c.periods],
        "responsible": c.responsible, "note": c.note,
        "periods": periods,
        "items": [item_json(i) for i in vc.items],
        "deviations": [deviation_json(d) for d in vc.deviations],
    }


def vb_json(chapter: VbChapter) -> dict[str, Any]:
    matrix = risk_matrix(chapter.plan.controls)
    return {
        "format": FORMAT, "format_version": FORMAT_VERSION,
        "created": chapter.created.isoformat(), "unit": chapter.unit, "year": chapter.year,
        "risk_matrix": [{"sannolikhet": s, "konsekvens": k, "controls": ids}
                        for (s, k), ids in sorted(matrix.items()) if ids],
        "controls": [_control(vc, chapter.year) for vc in chapter.controls],
    }


def write_vb_json(chapter: VbChapter, path: Path) -> None:
    text = json.dumps(vb_json(chapter), ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")
