"""Texts of the Qt-free layers (reports, CLI) in Swedish and English: msg(swedish, lang)."""

from __future__ import annotations

import os

from audit_app.domain.figures import Verdict

LANGUAGES = ("sv", "en")
LANG_ENV = "GRANSKA_LANG"

# The Swedish text is the key; placeholders ({n}, {name}) are the same in both languages.
EN: dict[str, str] = {
    # the summary PDF
    "Resultat av internkontroll": "Internal control results",
    "Resultat av internkontroll – {title}": "Internal control results – {title}",
    "Enhet": "Unit",
    "Period": "Period",
    "Checklista": "Checklist",
    "{id}, version {versions}": "{id}, version {versions}",
    "Omgångar": "Rounds",
    "Granskade ärenden": "Cases reviewed",
    "Granskare": "Reviewers",
    "Datum": "Date",
    "Urval": "Selection",
    "publiceringsversion": "publication version",
    "Publiceringsversion: resultat som bygger på färre än fem ärenden visas som \"<5\". "
    "Kommentarer och ärendenummer är utelämnade.":
        "Publication version: results based on fewer than five cases are shown as \"<5\". "
        "Comments and case numbers are left out.",
    "Kontrollpunkt": "Item",
    "Resultat": "Result",
    "95 % KI": "95 % CI",
    "Mål": "Target",
    "Bedömning": "Assessment",
    "Grupp": "Group",
    "(av dessa)": "(of these)",
    "Resultat = antal ärenden som uppfyller kontrollpunkten av de ärenden där den är "
    "tillämplig (\"ej aktuellt\" räknas inte). 95 % KI = Wilsons konfidensintervall. Grön: "
    "hela intervallet når målet. Röd: hela intervallet ligger under målet. Gul: målet "
    "ligger inom intervallet – det går ännu inte att säga om målet nås. Mål på 100 % räknas "
    "som uppfyllt bara när alla ärenden uppfyller kontrollpunkten.":
        "Result = the number of cases that meet the item out of the cases where it applies "
        "(\"not applicable\" is not counted). 95 % CI = Wilson confidence interval. Green: "
        "the whole interval reaches the target. Red: the whole interval lies below the "
        "target. Yellow: the target lies within the interval – it cannot yet be said whether "
        "the target is reached. A target of 100 % counts as met only when every case meets "
        "the item.",
    "Sammanfattning": "Summary",
    "{n} granskade ärenden": "{n} cases reviewed",
    "{n} skrivna svar": "{n} written answers",
    "kritisk kontrollpunkt": "critical item",
    "besvaras bara när {condition}; andelen avser dessa ärenden":
        "answered only when {condition}; the share refers to these cases",
    "mål {target}": "target {target}",
    "inget mål": "no target",
    "Svarens fördelning": "Distribution of answers",
    "Fördelning: ": "Distribution: ",
    "Fördelning: <5": "Distribution: <5",
    "Ärenden som inte uppfyllde den kritiska kontrollpunkten: ":
        "Cases that did not meet the critical item: ",
    "Svar": "Answers",
    "Kommentarer": "Comments",
    " m.fl. ({n} ärenden)": " and others ({n} cases)",
    ", {n} olika": ", {n} different",
    "och {n} till: se Excel-filen": "and {n} more: see the Excel file",
    "Tema": "Theme",
    "Texter": "Texts",
    "Citat": "Quotes",
    "Teman": "Themes",
    "Antal": "Count",
    "{count} av {n}": "{count} of {n}",
    "Bilaga: Urvalsprotokoll": "Appendix: Sampling protocol",
    "Urvalsprotokollet bifogas inte i publiceringsversionen eftersom det innehåller "
    "ärendenummer.":
        "The sampling protocol is not included in the publication version because it "
        "contains case numbers.",
    "Inget urvalsprotokoll finns för omgångarna.": "There is no sampling protocol for the rounds.",
    "Sida {page} av {pages}": "Page {page} of {pages}",
    "inga data": "no data",
    "Mål {target} %": "Target {target} %",
    "Färre än 5 ärenden": "Fewer than 5 cases",
    "Alla enheter": "All units",
    # verdicts: the PDF's sentence and the workbook's word
    "Målet uppfyllt": "Target met",
    "Målet ej uppfyllt": "Target not met",
    "Kan ej avgöras ännu": "Cannot be judged yet",
    "Inget mål": "No target",
    "Inga data": "No data",
    "uppfyllt": "met",
    "ej uppfyllt": "not met",
    "kan ej avgöras ännu": "cannot be judged yet",
    # the results workbook
    "Om rapporten": "About the report",
    "Uppdelning": "Breakdown",
    "Data": "Data",
    "Nr": "No.",
    "Avsnitt": "Section",
    "Kritisk": "Critical",
    "Av dessa (villkor)": "Of these (condition)",
    "Tillämpliga (n)": "Applicable (n)",
    "Uppfyller (x)": "Compliant (x)",
    "Andel": "Share",
    "KI 95 % låg": "CI 95 % low",
    "KI 95 % hög": "CI 95 % high",
    "Indelning": "Grouping",
    "Omgång": "Round",
    "Ärende": "Case",
    "Kön": "Gender",
    "Kontrollpunkt-id": "Item id",
    "Tillämplig": "Applicable",
    "Uppfyller (1/0)": "Compliant (1/0)",
    "Kommentar": "Comment",
    "Klar datum": "Completed",
    "Id": "Id",
    "Fråga": "Question",
    "Svarstyp": "Answer type",
    "Svarsalternativ": "Answer options",
    "Uppfyllt vid": "Compliant when",
    "Gäller när": "Applies when",
    "Obligatorisk": "Required",
    "Hänvisning": "Reference",
    "Slag": "Kind",
    "Text": "Text",
    "Ja": "Yes",
    "Nej": "No",
    # the agreement command's table: weighting and a disagreement not yet reconciled
    "linjärt": "linear",
    "nej": "no",
    "ej avstämt": "not reconciled",
    "Publicering": "Publication",
    "Ja: figurer på färre än 5 ärenden visas som <5":
        "Yes: figures on fewer than 5 cases are shown as <5",
    "Anmärkning": "Note",
    "{n} skrivna svar (se bladet {sheet})": "{n} written answers (see the sheet {sheet})",
    # the command line's own words
    "Fel": "Error",
    "Avbrutet.": "Cancelled.",
    "Skrev {path}": "Wrote {path}",
    "Databasen uppgraderades; kopia före uppgraderingen: {path}":
        "The database was upgraded; copy from before the upgrade: {path}",
    # built-in answers (checklists' own answer labels are content and stay as written)
    "målet skiljer sig mellan versionerna: ": "the target differs between the versions: ",
    "Ej aktuellt": "Not applicable",
    "Helt": "Fully",
    "Delvis": "Partly",
    "Överensstämmelse": "Agreement",
    "Valda ärenden": "Chosen cases",
    "Fall (båda klara)": "Cases (both complete)",
    "Lika svar": "Same answers",
    "Andel lika": "Share same",
    "Kappa": "Kappa",
    "Viktad": "Weighted",
    "Not": "Note",
    "Överensstämmelse: {cases} ärenden, {share}, kappa {kappa}":
        "Agreement: {cases} cases, {share}, kappa {kappa}",
    ", linjärt viktad": ", linearly weighted",
    "inga fall att jämföra": "no cases to compare",
    "för få fall för ett konfidensintervall": "too few cases for a confidence interval",
    ("kappa kan inte beräknas: båda granskarna gav alla svar i samma kategori (förväntad "
     "överensstämmelse 100 %)"):
        ("kappa cannot be computed: both reviewers gave every answer in the same category "
         "(expected agreement 100 %)"),
    "Valda ärenden (utanför stickprovet): ": "Chosen cases (outside the sample): ",
}

VERDICT_SENTENCES = {
    Verdict.MET: "Målet uppfyllt",
    Verdict.NOT_MET: "Målet ej uppfyllt",
    Verdict.UNCLEAR: "Kan ej avgöras ännu",
    Verdict.NO_TARGET: "Inget mål",
    Verdict.NO_DATA: "Inga data",
}
BUILTIN_ANSWERS = ("Ja", "Nej", "Ej aktuellt", "Helt", "Delvis")


def normalise(lang: str | None) -> str:
    """"sv" or "en" from a language name or locale ("en_GB" → "en"); Swedish otherwise."""
    code = (lang or "").strip().lower()[:2]
    return code if code in LANGUAGES else "sv"


def env_language() -> str:
    """The language GRANSKA_LANG names (Swedish when unset)."""
    return normalise(os.environ.get(LANG_ENV))


def msg(text: str, lang: str = "sv", **args: object) -> str:
    """The Swedish text in lang, with its placeholders filled; Swedish when untranslated."""
    chosen = EN.get(text, text) if normalise(lang) == "en" else text
    return chosen.format(**args) if args else chosen


def verdict_sentence(verdict: Verdict, lang: str = "sv") -> str:
    """"Målet uppfyllt" / "Target met": the PDF's assessment column."""
    return msg(VERDICT_SENTENCES[verdict], lang)


def verdict_word(verdict: Verdict, lang: str = "sv") -> str:
    """The verdict's stored word ("uppfyllt") or its English ("met")."""
    return msg(verdict.value, lang)


def answer_label(label: str, lang: str = "sv") -> str:
    """A built-in answer's label in lang ("Ej aktuellt" → "Not applicable"); a checklist's
    own labels are its content and are shown as written."""
    return msg(label, lang) if label in BUILTIN_ANSWERS else label
