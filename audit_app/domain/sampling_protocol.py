"""The sampling protocol: everything needed to defend and re-perform a draw."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class StratumInfo:
    name: str
    population: int
    size: int


@dataclass(frozen=True)
class Exclusion:
    case_ref: str
    reason: str
    replacement: str
    by: str
    at: datetime | None


@dataclass(frozen=True)
class SampledCase:
    case_ref: str
    unit: str
    gender: str
    stratum: str
    position: int


@dataclass(frozen=True)
class SampleProtocol:
    round_name: str
    source_files: list[str]
    frame_sha256: str
    population: int
    size: int
    method: str
    seed: str
    size_basis: str
    strata: list[StratumInfo]
    filters: str
    created_by: str
    created_at: datetime
    sampled_refs: list[str]
    exclusions: list[Exclusion] = field(default_factory=list)
    sampled_strata: list[str] = field(default_factory=list)
    # the unused reserve cases in the order they would replace an excluded case
    reserve_refs: list[str] = field(default_factory=list)
    reserve_strata: list[str] = field(default_factory=list)

    def lines(self, case_limit: int | None = None) -> list[str]:
        """The protocol as plain Swedish text lines, for the screen, the CLI and reports;
        with case_limit, a larger sample's cases are named by their number only (a summary
        report refers to the protocol file instead of listing thousands of cases)."""
        out = [
            f"Stickprovsprotokoll – {self.round_name}",
            f"Källfil(er): {', '.join(self.source_files) or '(ingen importerad fil)'}",
            f"Urvalsram: N = {self.population} ärenden, SHA-256 {self.frame_sha256}",
            f"Urvalsfilter: {self.filters or 'inga'}",
            f"Stickprovets storlek: n = {self.size} ({self.size_basis})",
            f"Metod: {self.method}",
            f"Frö: {self.seed}",
            f"Dragen av {self.created_by} {self.created_at:%Y-%m-%d %H:%M}",
        ]
        if len(self.strata) > 1 or (self.strata and self.strata[0].name):
            out.append("Strata (enhet: N_h / n_h):")
            out += [f"  {s.name or '(ingen enhet)'}: {s.population} / {s.size}"
                    for s in self.strata]
        if self.exclusions:
            out.append("Uteslutna och ersatta ärenden:")
            for e in self.exclusions:
                when = f" {e.at:%Y-%m-%d %H:%M}" if e.at else ""
                out.append(f"  {e.case_ref} ersatt av {e.replacement} – {e.reason} "
                           f"({e.by}{when})")
        if case_limit is not None and len(self.sampled_refs) > case_limit:
            out.append(f"Ärenden i stickprovet: {len(self.sampled_refs)}, förtecknade i "
                       "stickprovets protokollfil och i Excel-exportens blad Data.")
            return out
        out.append(f"Ärenden i stickprovet ({len(self.sampled_refs)}):")
        strata = self.sampled_strata or [""] * len(self.sampled_refs)
        out += [f"  {i}. {ref}" + (f" ({stratum})" if stratum else "")
                for i, (ref, stratum) in enumerate(zip(self.sampled_refs, strata,
                                                                    strict=True), 1)]
        return out

    def text(self) -> str:
        return "\n".join(self.lines())

    def reserve_lines(self, limit: int | None = None) -> list[str]:
        """The unused reserve cases in order, at most `limit` of them (per stratum)."""
        out = [f"Reservlista ({len(self.reserve_refs)} ärenden, tas in uppifrån"
               + (" inom samma enhet):" if any(self.reserve_strata) else "):")]
        shown: dict[str, int] = {}
        strata = self.reserve_strata or [""] * len(self.reserve_refs)
        for ref, stratum in zip(self.reserve_refs, strata, strict=True):
            shown[stratum] = shown.get(stratum, 0) + 1
            if limit is None or shown[stratum] <= limit:
                out.append(f"  R{shown[stratum]}. {ref}" + (f" ({stratum})" if stratum else ""))
        left = sum(max(0, count - limit) for count in shown.values()) if limit else 0
        if left:
            out.append(f"  … och {left} till; hela reservlistan följer av fröet och "
                       "urvalsramen.")
        if not self.reserve_refs:
            out.append("  (tom: alla ärenden i urvalsramen ingår i stickprovet)")
        return out

    def plain_explanation(self) -> str:
        """How the draw was made, in plain Swedish for a reader who is no statistician."""
        return (f"Urvalsramen var de {self.population} ärenden som fanns i ärendelistan"
                + (f" ({self.filters})" if self.filters else "") + ". "
                "Ärendena ordnades slumpmässigt med ett frö som gör att dragningen kan göras "
                "om och ge samma resultat, på vilken dator som helst. De "
                f"{self.size} första i ordningen blev stickprovet; de följande är reservlistan. "
                + ("Ordningen gjordes inom varje enhet, och varje enhet fick sitt antal "
                   "ärenden i stickprovet. " if len(self.strata) > 1 else "")
                + "Om ett ärende inte kan granskas utesluts det med en orsak och nästa reserv "
                "tar dess plats. Både uteslutningen och ersättaren skrivs i protokollet.")


@dataclass(frozen=True)
class RoundProtocol:
    """One round in a report's sampling appendix: its protocol, None when no sample is drawn."""

    round_name: str
    protocol: SampleProtocol | None = None
