"""Agreement between two reviewers: percent agreement and (weighted) Cohen's kappa."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from audit_app.domain.checklist import AnswerType, ChecklistItem

Z95 = 1.959964  # two-sided 95 % normal quantile
WEIGHTED_TYPES = frozenset({AnswerType.GRADED, AnswerType.SCALE})
KAPPA_TYPES = frozenset({AnswerType.YES_NO, AnswerType.YES_NO_NA, AnswerType.CHOICE,
                         *WEIGHTED_TYPES})
UNDEFINED_NOTE = ("kappa kan inte beräknas: båda granskarna gav alla svar i samma "
                  "kategori (förväntad överensstämmelse 100 %)")


@dataclass(frozen=True)
class Agreement:
    """Agreement on one item: cases compared, share agreeing, kappa and its 95 % interval.

    kappa, low and high are None when kappa is undefined (note says why)."""

    cases: int
    agreeing: int
    percent: float | None
    kappa: float | None
    low: float | None
    high: float | None
    weighted: bool
    se: float | None = None
    note: str = ""


def linear_weights(categories: Sequence[str], ordered: Sequence[str]) -> list[list[float]]:
    """Agreement weights: 1 on the diagonal; 1 − |i − j| / (k − 1) between two ordered
    categories; 0 between an ordered and an unordered one (such as "ej aktuellt")."""
    pos = {c: i for i, c in enumerate(ordered)}
    span = max(1, len(ordered) - 1)
    out = []
    for a in categories:
        row = []
        for b in categories:
            if a == b:
                row.append(1.0)
            elif a in pos and b in pos:
                row.append(1.0 - abs(pos[a] - pos[b]) / span)
            else:
                row.append(0.0)
        out.append(row)
    return out


def identity_weights(k: int) -> list[list[float]]:
    return [[1.0 if i == j else 0.0 for j in range(k)] for i in range(k)]


def kappa_from_table(table: Sequence[Sequence[int]],
                     weights: Sequence[Sequence[float]] | None = None,
                     z: float = Z95) -> Agreement:
    """Cohen's kappa of a k×k table (rows: reviewer A, columns: reviewer B).

    With weights (agreement weights, 1 on the diagonal) it is the weighted kappa. The
    standard error is the large-sample one of Fleiss, Cohen and Everitt (1969); see
    docs/agreement.md for the formulas and a worked example."""
    k = len(table)
    w = weights if weights is not None else identity_weights(k)
    n = sum(sum(row) for row in table)
    weighted = weights is not None
    agreeing = sum(table[i][i] for i in range(k))
    if n == 0:
        return Agreement(0, 0, None, None, None, None, weighted, note="inga fall att jämföra")
    p = [[table[i][j] / n for j in range(k)] for i in range(k)]
    rows = [sum(p[i]) for i in range(k)]
    cols = [sum(p[i][j] for i in range(k)) for j in range(k)]
    po = sum(w[i][j] * p[i][j] for i in range(k) for j in range(k))
    pe = sum(w[i][j] * rows[i] * cols[j] for i in range(k) for j in range(k))
    percent = agreeing / n
    if pe >= 1 - 1e-12:
        return Agreement(n, agreeing, percent, None, None, None, weighted, note=UNDEFINED_NOTE)
    kappa = (po - pe) / (1 - pe)
    w_row = [sum(cols[j] * w[i][j] for j in range(k)) for i in range(k)]  # w̄_i.
    w_col = [sum(rows[i] * w[i][j] for i in range(k)) for j in range(k)]  # w̄_.j
    total = sum(p[i][j] * (w[i][j] - (w_row[i] + w_col[j]) * (1 - kappa)) ** 2
                for i in range(k) for j in range(k))
    var = (total - (kappa - pe * (1 - kappa)) ** 2) / (n * (1 - pe) ** 2)
    se = math.sqrt(max(0.0, var))
    if n < 2:  # one case gives a kappa but no sampling variation to build an interval on
        return Agreement(n, agreeing, percent, kappa, None, None, weighted, None,
                         note="för få fall för ett konfidensintervall")
    low = max(-1.0, kappa - z * se)
    high = min(1.0, kappa + z * se)
    return Agreement(n, agreeing, percent, kappa, low, high, weighted, se)


def item_agreement(item: ChecklistItem,
                   pairs: Sequence[tuple[str, str]]) -> Agreement | None:
    """Agreement on one item from (answer A, answer B) pairs where both answered.

    None for items without fixed options (numbers, dates, free text). Graded and scale
    items get the linearly weighted kappa over their counted options in checklist order."""
    spec = item.answer
    if spec.type not in KAPPA_TYPES:
        return None
    categories = list(spec.values)
    for a, b in pairs:  # answers no longer among the options still count as categories
        for v in (a, b):
            if v not in categories:
                categories.append(v)
    index = {c: i for i, c in enumerate(categories)}
    table = [[0] * len(categories) for _ in categories]
    for a, b in pairs:
        table[index[a]][index[b]] += 1
    if spec.type in WEIGHTED_TYPES:
        ordered = [o.value for o in spec.options if o.counted]
        return kappa_from_table(table, linear_weights(categories, ordered))
    return kappa_from_table(table)


def kappa_text(agreement: Agreement, lang: str = "sv") -> str:
    """Kappa with its interval, decimal comma in Swedish and point in English ("en"), or
    that it is undefined."""
    english = lang.strip().lower()[:2] == "en"
    if agreement.kappa is None:
        return "undefined" if english else "ej definierad"
    low, high = agreement.low or 0.0, agreement.high or 0.0
    text = f"{agreement.kappa:.2f} ({low:.2f}–{high:.2f})"
    return text if english else text.replace(".", ",")
