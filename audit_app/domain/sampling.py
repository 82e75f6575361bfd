"""Attribute-sampling sample sizes and the re-performable keyed-hash draw (pure Python)."""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction

from audit_app.domain.errors import UserError

EPS = 1e-9
MAX_SIZE = 5_000


class SampleRole(StrEnum):
    """A drawn case is in the sample, or waits on the ordered reserve list."""

    SAMPLE = "sample"
    RESERVE = "reserve"

EXPLANATION = (
    "Konfidensgrad: hur säker du vill vara på slutsatsen. 95 % betyder att om verkligheten "
    "vore sämre än den tolerabla avvikelsen, skulle ett stickprov av denna storlek avslöja "
    "det i minst 95 fall av 100.\n"
    "Tolerabel avvikelse: den andel ärenden med brister som ni fortfarande kan godta, "
    "t.ex. 5 % (högst 1 ärende av 20).\n"
    "Förväntad avvikelse: den andel brister ni tror finns (t.ex. från förra tertialet). "
    "Ju högre den är, desto större stickprov behövs.\n"
    "Populationen är antalet ärenden i urvalsramen; små enheter behöver då färre ärenden."
)


def _check(confidence: float, tolerable: float, expected: float,
           population: int | None) -> None:
    if not 0 < confidence < 1:
        raise UserError("Konfidensgraden måste ligga mellan 0 och 1 (t.ex. 0,95).")
    if not 0 < tolerable < 1:
        raise UserError("Den tolerabla avvikelsen måste ligga mellan 0 och 1 (t.ex. 0,05).")
    if not 0 <= expected < tolerable:
        raise UserError("Den förväntade avvikelsen måste vara minst 0 och mindre än den "
                        "tolerabla avvikelsen.")
    if population is not None and population < 1:
        raise UserError("Populationen måste vara minst 1 ärende.")


def allowed_deviations(n: int, expected: float) -> int:
    """k = ⌈n·E⌉, guarded against float error (0.01 · 100 must give 1, not 2)."""
    return max(0, math.ceil(n * expected - EPS))


def binomial_cdf(k: int, n: int, p: float) -> float:
    """P(X ≤ k) for X ~ Binomial(n, p)."""
    log_p, log_q = math.log(p), math.log1p(-p)
    return sum(math.exp(math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1)
                        + i * log_p + (n - i) * log_q) for i in range(min(k, n) + 1))


def _log_comb(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def hypergeometric_cdf(k: int, population: int, deviations: int, n: int) -> float:
    """P(X ≤ k) for X ~ Hypergeometric(N, K, n), summed in log space (fast for large N)."""
    total = _log_comb(population, n)
    low = max(0, n - (population - deviations))
    return sum(math.exp(_log_comb(deviations, i) + _log_comb(population - deviations, n - i)
                        - total) for i in range(low, min(k, n, deviations) + 1))


def sample_size(confidence: float, tolerable: float, expected: float = 0.0,
                population: int | None = None) -> int:
    """Smallest n whose risk of accepting a population at the tolerable rate is ≤ 1 − confidence."""
    _check(confidence, tolerable, expected, population)
    alpha = 1 - confidence
    if population is None:
        for n in range(1, MAX_SIZE + 1):
            if binomial_cdf(allowed_deviations(n, expected), n, tolerable) <= alpha + 1e-12:
                return n
        raise UserError("Stickprovet skulle bli orimligt stort; höj den tolerabla avvikelsen "
                        "eller sänk den förväntade.")
    deviations = max(1, math.ceil(population * tolerable - EPS))
    for n in range(1, min(population, MAX_SIZE) + 1):
        k = allowed_deviations(n, expected)
        if hypergeometric_cdf(k, population, deviations, n) <= alpha + 1e-12:
            return n
    if population <= MAX_SIZE:
        return population
    raise UserError("Stickprovet skulle bli orimligt stort; höj den tolerabla avvikelsen "
                    "eller sänk den förväntade.")


def model_text(population: int | None) -> str:
    """Which size model was used, in Swedish."""
    if population is None:
        return "binomialmodellen (revisionstabellerna för attributurval)"
    return f"hypergeometriska modellen med population N = {population}"


# ---------------------------------------------------------------- the draw

def new_seed() -> str:
    """A fresh random seed: 16 hex characters from the operating system's CSPRNG."""
    return secrets.token_hex(8)


def rank_key(seed: str, case_ref: str) -> str:
    """HMAC-SHA256 with the seed as key and the case reference as message, in hex."""
    return hmac.new(seed.encode("utf-8"), case_ref.encode("utf-8"), hashlib.sha256).hexdigest()


def frame_sha256(case_refs: list[str]) -> str:
    """SHA-256 of the sorted case references, each followed by a newline (like `sort`)."""
    text = "".join(ref + "\n" for ref in sorted(case_refs))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class RankedCase:
    case_ref: str
    stratum: str
    rank_key: str


@dataclass(frozen=True)
class StratumDraw:
    name: str
    population: int
    size: int
    sample: list[RankedCase] = field(default_factory=list)
    reserve: list[RankedCase] = field(default_factory=list)


@dataclass(frozen=True)
class DrawResult:
    seed: str
    frame_sha256: str
    population: int
    size: int
    stratify: str | None
    strata: list[StratumDraw]

    @property
    def sample(self) -> list[RankedCase]:
        """All sampled cases in rank order (key, then reference)."""
        cases = [c for s in self.strata for c in s.sample]
        return sorted(cases, key=lambda c: (c.rank_key, c.case_ref))


def allocate(sizes: dict[str, int], n: int, stratify: str) -> dict[str, int]:
    """Cases per stratum: proportional (largest remainder, ≥ 1 each) or equal."""
    names = sorted(sizes)
    if n < len(names):
        raise UserError(f"Stickprovet ({n}) är mindre än antalet enheter ({len(names)}); "
                        "varje enhet ska ha minst ett ärende.")
    alloc = dict.fromkeys(names, 0)
    if stratify == "equal":
        while sum(alloc.values()) < n:
            for name in names:
                if alloc[name] < sizes[name] and sum(alloc.values()) < n:
                    alloc[name] += 1
        return alloc
    total = sum(sizes.values())
    quota = {name: Fraction(n * sizes[name], total) for name in names}
    for name in names:
        alloc[name] = min(sizes[name], max(1, math.floor(quota[name])))
    while sum(alloc.values()) < n:
        room = [h for h in names if alloc[h] < sizes[h]]
        best = max(room, key=lambda h: (quota[h] - alloc[h], -names.index(h)))
        alloc[best] += 1
    while sum(alloc.values()) > n:
        over = [h for h in names if alloc[h] > 1]
        worst = min(over, key=lambda h: (quota[h] - alloc[h], names.index(h)))
        alloc[worst] -= 1
    return alloc


def draw(frame: list[tuple[str, str]], n: int, seed: str | None = None,
         stratify: str | None = None) -> DrawResult:
    """Rank every case by its keyed hash; the first n per stratum are drawn, the rest reserve."""
    if stratify not in (None, "proportional", "equal"):
        raise UserError(f"Okänd stratifiering '{stratify}'.")
    refs = [ref for ref, _ in frame]
    if not refs:
        raise UserError("Urvalsramen är tom; importera en ärendelista först.")
    if len(set(refs)) != len(refs):
        raise UserError("Urvalsramen innehåller samma ärendenummer flera gånger.")
    if not 1 <= n <= len(refs):
        raise UserError(f"Stickprovets storlek måste vara mellan 1 och {len(refs)}.")
    seed = seed.strip() if seed else new_seed()
    if not seed:
        seed = new_seed()
    groups: dict[str, list[RankedCase]] = {}
    for ref, stratum in frame:
        name = stratum if stratify else ""
        groups.setdefault(name, []).append(RankedCase(ref, name, rank_key(seed, ref)))
    sizes = {name: len(cases) for name, cases in groups.items()}
    alloc = allocate(sizes, n, stratify) if stratify else {"": n}
    strata = []
    for name in sorted(groups):
        ordered = sorted(groups[name], key=lambda c: (c.rank_key, c.case_ref))
        k = alloc[name]
        strata.append(StratumDraw(name, sizes[name], k, ordered[:k], ordered[k:]))
    return DrawResult(seed, frame_sha256(refs), len(refs), n, stratify, strata)
