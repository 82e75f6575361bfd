"""The agreement line under an item (results view, PDF) in the reader's language."""

from __future__ import annotations

from audit_app.domain.agreement import Agreement, kappa_text
from audit_app.domain.figures import percent
from audit_app.domain.i18n import msg, normalise


def agreement_line(agreement: Agreement, lang: str = "sv") -> str:
    """"Överensstämmelse: 10 ärenden, 80,0 %, kappa 0,60 (0,21–0,99), linjärt viktad – …"
    or the same wholly in English (numbers, kappa, weighting and the note)."""
    lang = normalise(lang)
    line = msg("Överensstämmelse: {cases} ärenden, {share}, kappa {kappa}", lang,
               cases=agreement.cases, share=percent(agreement.percent, lang=lang),
               kappa=kappa_text(agreement, lang))
    if agreement.weighted:
        line += msg(", linjärt viktad", lang)
    if agreement.note:
        line += f" – {msg(agreement.note, lang)}"
    return line
