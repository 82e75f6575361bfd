"""The VB chapter's fixed texts in Swedish and English."""

from __future__ import annotations

from audit_app.domain.figures import Figure, figure_text
from audit_app.domain.plan import ActionStatus, DeviationKind, Method, MethodKind

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
DRAWN_EN = (("slumpmässigt stickprov (spårbart frö)", "random sample (traceable seed)"),
            ("stratifierat efter", "stratified by"), ("inget urval dragit", "no sample drawn"),
            ("ingen omgång", "no round"))


def lang_of(lang: str) -> str:
    """A supported language code; anything else is Swedish."""
    code = (lang or "").strip().lower()[:2]
    return code if code in LANGS else "sv"


def vb_texts(lang: str) -> dict[str, str]:
    return TEXTS[lang_of(lang)]


def fig_text(fig: Figure, lang: str) -> str:
    """ "22 av 28 (78,6 %)" in Swedish, "22 of 28 (78.6%)" in English."""
    text = figure_text(fig)
    if lang_of(lang) == "en" and fig.n and fig.rate is not None:
        return f"{fig.x} of {fig.n} ({fig.rate * 100:.1f}%)"
    return text


def kind_text(kind: DeviationKind, lang: str) -> str:
    return KINDS_EN[kind] if lang_of(lang) == "en" else kind.value


def status_text(status: ActionStatus, lang: str) -> str:
    return STATUS_EN[status] if lang_of(lang) == "en" else status.value


def drawn_text(text: str, lang: str) -> str:
    if lang_of(lang) != "en":
        return text
    for sv, en in DRAWN_EN:
        text = text.replace(sv, en)
    return text


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
    return "–" if value is None else f"{value * 100:.1f}".rstrip("0").rstrip(".") + "%"
