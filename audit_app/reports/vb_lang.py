"""The internkontroll year's texts in Swedish and English: the VB chapter and the CLI."""

from __future__ import annotations

from audit_app.domain.figures import Figure, Verdict, figure_text
from audit_app.domain.i18n import verdict_word
from audit_app.domain.plan import (
    ActionStatus,
    DeviationKind,
    Method,
    MethodKind,
    PeriodState,
    PeriodStatus,
)
from audit_app.domain.vb import DrawnSample

LANGS = ("sv", "en")

TEXTS: dict[str, dict[str, str]] = {
    "sv": {
        "title": "Internkontroll {year} – {unit}",
        "subject": "Verksamhetsberättelse {year}: internkontroll",
        "created": "Underlag skapat {date} i Granska.",
        "chapter": "Kapitel till verksamhetsberättelsen.",
        "plan": "Internkontrollplan",
        "control": "Kontrollmoment", "rule": "Regel / riktlinje", "risk": "Risk",
        "method": "Metod", "periods": "Perioder", "responsible": "Ansvarig",
        "matrix": "Riskmatris (sannolikhet × konsekvens)",
        "matrix_corner": "Sannolikhet \\ konsekvens",
        "control_line": "{rule} · risk {risk} · ansvarig: {responsible}",
        "round": "Omgång", "reviewed": "Granskade", "drawn": "Hur urvalet drogs",
        "results": "Resultat (föregående år inom parentes)",
        "item": "Kontrollpunkt", "target": "Mål", "year_col": "VB",
        "genders": "Flickor och pojkar under året", "of": "av",
        "no_cases": "Inga granskade ärenden ännu.",
        "deviations": "Avvikelser, analys och åtgärder", "no_deviations": "Inga avvikelser.",
        "analysis": "Analys", "no_analysis": "ingen analys skriven ännu.",
        "action": "Åtgärd", "due": "Klart senast", "status": "Status",
        "next": "Nästa period", "no_actions": "Inga åtgärder beslutade.",
        "not_reviewed": "ej granskad", "and": "och", "page": "Sida {page} av {pages}",
    },
    "en": {
        "title": "Internal control {year} – {unit}",
        "subject": "Annual report {year}: internal control",
        "created": "Prepared {date} in Granska.",
        "chapter": "Chapter for the annual report.",
        "plan": "Internal control plan",
        "control": "Control", "rule": "Rule / guideline", "risk": "Risk",
        "method": "Method", "periods": "Periods", "responsible": "Responsible",
        "matrix": "Risk matrix (likelihood × consequence)",
        "matrix_corner": "Likelihood \\ consequence",
        "control_line": "{rule} · risk {risk} · responsible: {responsible}",
        "round": "Round", "reviewed": "Reviewed", "drawn": "How the sample was drawn",
        "results": "Results (last year in brackets)",
        "item": "Item", "target": "Target", "year_col": "Year",
        "genders": "Girls and boys during the year", "of": "of",
        "no_cases": "No cases reviewed yet.",
        "deviations": "Deviations, analysis and actions", "no_deviations": "No deviations.",
        "analysis": "Analysis", "no_analysis": "no analysis written yet.",
        "action": "Action", "due": "Due", "status": "Status",
        "next": "Next period", "no_actions": "No actions decided.",
        "not_reviewed": "not reviewed", "and": "and", "page": "Page {page} of {pages}",
    },
}

KINDS_EN = {DeviationKind.NOT_MET: "target not met",
            DeviationKind.CRITICAL: "critical item not met"}
STATUS_EN = {ActionStatus.PLANNED: "planned", ActionStatus.IN_PROGRESS: "in progress",
             ActionStatus.DONE: "done", ActionStatus.CANCELLED: "cancelled"}
STATE_EN = {PeriodState.PLANNED: "planned", PeriodState.CREATED: "round created",
            PeriodState.IN_PROGRESS: "in progress", PeriodState.DONE: "done",
            PeriodState.OVERDUE: "overdue"}
# How a sample was drawn, from its stored method: Granska's own draw stores
# "hmac-sha256-rank; <strata>"; a sample made elsewhere (the demo's) stores its words.
RANKED = "hmac-sha256-rank"
DRAWN: dict[str, tuple[str, str]] = {
    RANKED: ("slumpmässigt stickprov (spårbart frö)", "random sample (traceable seed)"),
    "proportional": ("stratifierat per enhet, proportionell fördelning",
                     "stratified by unit, proportional allocation"),
    "equal": ("stratifierat per enhet, lika många per enhet",
              "stratified by unit, the same number per unit"),
    "stratifierat obundet slumpmässigt urval per enhet": (
        "stratifierat obundet slumpmässigt urval per enhet",
        "stratified simple random sample per unit"),
    "": ("inget urval dragit", "no sample drawn"),
    "no round": ("ingen omgång", "no round"),
}


def lang_of(lang: str) -> str:
    """A supported language code; anything else is Swedish."""
    code = (lang or "").strip().lower()[:2]
    return code if code in LANGS else "sv"


def vb_texts(lang: str) -> dict[str, str]:
    return TEXTS[lang_of(lang)]


def fig_text(fig: Figure, lang: str) -> str:
    """ "22 av 28 (78,6 %)" in Swedish, "22 of 28 (78.6 %)" in English, as in the other
    reports."""
    return figure_text(fig, lang=lang_of(lang))


def kind_text(kind: DeviationKind, lang: str) -> str:
    return KINDS_EN[kind] if lang_of(lang) == "en" else kind.value


def status_text(status: ActionStatus, lang: str) -> str:
    return STATUS_EN[status] if lang_of(lang) == "en" else status.value


def drawn_text(sample: DrawnSample, lang: str) -> str:
    """How a period's cases were drawn, in words ("no round" when it has none)."""
    if not sample.rounds:
        return _drawn("no round", lang)
    return "; ".join(_method_words(m, lang) for m in sample.methods) or _drawn("", lang)


def _method_words(method: str, lang: str) -> str:
    if not method.startswith(RANKED):
        return _drawn(method, lang)
    strata = method.split(";", 1)[1].strip() if ";" in method else "none"
    text = _drawn(RANKED, lang)
    if strata in ("", "none"):
        return text
    if strata in DRAWN:
        return f"{text}, {_drawn(strata, lang)}"
    return f"{text}, " + ("stratified by" if lang_of(lang) == "en" else "stratifierat efter") \
        + f" {strata}"


def _drawn(key: str, lang: str) -> str:
    """A stored method's words; an unknown one is shown as it was stored."""
    words = DRAWN.get(key)
    if words is None:
        return key
    return words[1] if lang_of(lang) == "en" else words[0]


def period_state_text(status: PeriodStatus, lang: str) -> str:
    """ "pågår (3 av 10 granskade)" in Swedish, "in progress (3 of 10 reviewed)" in English."""
    if lang_of(lang) != "en":
        return status.text()
    text = STATE_EN[status.state]
    if status.state is PeriodState.IN_PROGRESS or (status.state is PeriodState.OVERDUE
                                                   and status.rounds):
        text += f" ({status.reviewed} of {status.sampled} reviewed)"
    return text


def verdict_text(verdict: str, lang: str) -> str:
    """A stored verdict word ("ej uppfyllt") in lang ("not met")."""
    try:
        return verdict_word(Verdict(verdict), lang_of(lang))
    except ValueError:
        return verdict


def method_text(method: Method, lang: str) -> str:
    """The plan's method in words."""
    if lang_of(lang) != "en":
        return method.text()
    if method.kind is MethodKind.SAMPLE:
        return (f"sample ({_pct(method.confidence)} confidence, tolerable deviation "
                f"{_pct(method.tolerable)})")
    if method.kind is MethodKind.FIXED:
        return f"fixed sample of {method.size} cases"
    return "full review (all cases)"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f}".rstrip("0").rstrip(".") + " %"
