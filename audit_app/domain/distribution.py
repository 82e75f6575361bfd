"""The answers of a graded or scale item as steps of a stacked bar, best first in tone."""

from __future__ import annotations

from dataclasses import dataclass

from audit_app.domain.checklist import NOT_APPLICABLE
from audit_app.domain.figures import Figure, ItemFigures


@dataclass(frozen=True)
class Step:
    """One answer option's part of the bar."""

    value: str
    label: str
    count: int
    share: float  # of the answers shown in the bar
    compliant: bool
    severity: float  # not compliant: 0 next to a compliant answer, 1 furthest from one
    neutral: bool = False  # no answer counts as compliant: steps in shades of one colour


def distribution(item: ItemFigures, fig: Figure) -> list[Step]:
    """Each option in checklist order ("ej aktuellt" left out); empty without answers."""
    options = [(v, label) for v, label in item.options if v != NOT_APPLICABLE]
    total = sum(fig.counts.get(v, 0) for v, _ in options)
    if total == 0:
        return []
    good = [k for k, (v, _) in enumerate(options) if v in item.compliant]
    if not good:
        last = max(1, len(options) - 1)
        return [Step(v, label, fig.counts.get(v, 0), fig.counts.get(v, 0) / total, False,
                     k / last, neutral=True) for k, (v, label) in enumerate(options)]
    distance = [min((abs(k - g) for g in good), default=k + 1) for k in range(len(options))]
    far = max(distance)
    return [Step(v, label, fig.counts.get(v, 0), fig.counts.get(v, 0) / total,
                 distance[k] == 0, (distance[k] - 1) / (far - 1) if far > 1 else 1.0)
            for k, (v, label) in enumerate(options)]


def step_colour(step: Step) -> str:
    """Green for compliant answers, then amber to red the further from compliant."""
    if step.compliant:
        return "#2e7d32"
    amber, red = (0xf9, 0xa8, 0x25), (0xc6, 0x28, 0x28)
    if step.neutral:
        amber, red = (0x9f, 0xbf, 0xd6), (0x1f, 0x3f, 0x6b)
    mix = [round(a + (b - a) * step.severity) for a, b in zip(amber, red, strict=True)]
    return "#" + "".join(f"{c:02x}" for c in mix)
