"""Drawing, showing, verifying and amending a round's re-performable sample."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from audit_app.domain.errors import ConflictError, NotFoundError, UserError
from audit_app.domain.reviews import ReviewStatus, check_free_text
from audit_app.domain.rounds import Period
from audit_app.domain.sampling import DrawResult, SampleRole, draw, model_text, sample_size
from audit_app.domain.sampling_protocol import (
    Exclusion,
    SampledCase,
    SampleProtocol,
    StratumInfo,
)
from audit_app.storage.changelog import record_change
from audit_app.storage.db import Database
from audit_app.storage.models import AuditRound, Case, CaseImport, Review, Sample, SampleEntry
from audit_app.storage.queries import (
    active_entry_filter,
    chosen_case_ids,
    find_round,
    outside_frame_case_ids,
)

METHOD = ("HMAC-SHA256-rangordning: nyckel = HMAC-SHA256(frö, ärendenummer) i hex; "
          "sortering stigande på (nyckel, ärendenummer); de första n dras, resten är "
          "reservlista i samma ordning")
STRATIFY_TEXT = {None: "ingen stratifiering", "proportional":
                 "stratifierat per enhet, proportionell fördelning (största rest, minst 1)",
                 "equal": "stratifierat per enhet, lika många per enhet"}


@dataclass(frozen=True)
class VerifyResult:
    matches: bool
    message: str


class SamplingService:
    """The sample of a round: the draw, its protocol, exclusions and re-performance."""

    def __init__(self, db: Database, actor: str) -> None:
        self.db = db
        self.actor = actor

    def period_bounds(self, round_key: int | str) -> tuple[date, date] | None:
        """The first and last day of the round's tertial, None for a period not T1-T3."""
        with self.db.session() as s:
            rnd = find_round(s, round_key)
            try:
                return Period.parse(rnd.period).bounds(rnd.year)
            except ValueError:
                return None

    def frame_size(self, round_key: int | str, date_from: date | None = None,
                   date_to: date | None = None) -> int:
        with self.db.session() as s:
            return len(self._frame(s, find_round(s, round_key).id, date_from, date_to))

    def draw(self, round_key: int | str, size: int | None = None,
             confidence: float | None = None, tolerable: float | None = None,
             expected: float = 0.0, seed: str | None = None, stratify: str | None = None,
             date_from: date | None = None, date_to: date | None = None) -> SampleProtocol:
        """Draw and store the sample; refused if one exists, the round is locked or empty."""
        if date_from and date_to and date_from > date_to:
            raise UserError("Startdatumet ligger efter slutdatumet.")
        with self.db.session() as s:
            rnd = find_round(s, round_key)
            if rnd.locked_at is not None:
                raise ConflictError(f"Omgången '{rnd.name}' är låst; inget stickprov kan dras.")
            if s.scalar(select(Sample.id).where(Sample.round_id == rnd.id)):
                raise ConflictError(f"Omgången '{rnd.name}' har redan ett stickprov. "
                                    "Ett dragning kan inte göras om.")
            cases = self._frame(s, rnd.id, date_from, date_to)
            if not cases:
                raise UserError("Urvalsramen är tom: importera en ärendelista först"
                                + (" eller ändra datumintervallet." if date_from or date_to
                                   else "."))
            if size is None:
                if confidence is None or tolerable is None:
                    raise UserError("Ange stickprovets storlek eller konfidensgrad och "
                                    "tolerabel avvikelse.")
                size = sample_size(confidence, tolerable, expected, population=len(cases))
                basis = (f"beräknad med {model_text(len(cases))}: konfidensgrad "
                         f"{confidence:.0%}, tolerabel avvikelse {tolerable:.1%}, "
                         f"förväntad avvikelse {expected:.1%}")
            else:
                basis = "fast storlek angiven av användaren"
            result = draw([(c.case_ref, c.unit) for c in cases], size, seed, stratify)
            params = {"stratify": stratify, "basis": basis,
                      "from": date_from.isoformat() if date_from else None,
                      "to": date_to.isoformat() if date_to else None,
                      "strata": [[st.name, st.population, st.size] for st in result.strata]}
            files = s.scalars(select(CaseImport.file_name).where(CaseImport.round_id == rnd.id)
                              .order_by(CaseImport.id)).all()
            sample = Sample(round_id=rnd.id, method=f"hmac-sha256-rank; {stratify or 'none'}",
                            seed=result.seed,
                            size=result.size, population=result.population,
                            frame_sha256=result.frame_sha256, source_files="\n".join(files),
                            parameters=json.dumps(params, ensure_ascii=False),
                            created_by=self.actor, created_at=datetime.now())
            s.add(sample)
            s.flush()
            ids = {c.case_ref: c.id for c in cases}
            for st in result.strata:
                for role, part, start in ((SampleRole.SAMPLE, st.sample, 1),
                                          (SampleRole.RESERVE, st.reserve, st.size + 1)):
                    for pos, c in enumerate(part, start):
                        s.add(SampleEntry(sample_id=sample.id, case_id=ids[c.case_ref],
                                          position=pos, stratum=st.name,
                                          rank_key=c.rank_key, role=role))
            record_change(s, self.actor, "draw", "sample", sample.id, round_id=rnd.id,
                          new=f"n={result.size} av N={result.population}, frö {result.seed}")
            round_id = rnd.id
        return self.protocol(round_id)

    def exclude(self, round_key: int | str, case_ref: str, reason: str) -> str:
        """Exclude a sampled case; the next reserve case of its stratum replaces it.

        The reason is free text in the change log: one that looks like a personnummer is
        refused (PersonnummerError) and nothing changes."""
        reason = check_free_text(reason, "motivering")
        if not reason:
            raise UserError("Ange varför ärendet utesluts.")
        with self.db.session() as s:
            rnd = find_round(s, round_key)
            if rnd.locked_at is not None:
                raise ConflictError(f"Omgången '{rnd.name}' är låst.")
            sample = self._sample(s, rnd)
            entry = s.scalar(select(SampleEntry).join(Case, Case.id == SampleEntry.case_id)
                             .where(SampleEntry.sample_id == sample.id,
                                    Case.case_ref == case_ref, active_entry_filter()))
            if entry is None:
                raise NotFoundError(f"Ärendet '{case_ref}' ingår inte i stickprovet.")
            if s.scalar(select(Review.id).where(Review.round_id == rnd.id,
                                                Review.case_id == entry.case_id,
                                                Review.status == ReviewStatus.COMPLETE)):
                raise ConflictError(f"Ärendet '{case_ref}' har en klar granskning och kan "
                                    "inte uteslutas.")
            spare = self._spare(s, sample.id, entry.stratum)
            if spare is None:
                raise UserError("Reservlistan är slut"
                                + (f" för enheten '{entry.stratum}'." if entry.stratum
                                   else ".") + " Ärendet kan inte ersättas.")
            now = datetime.now()
            entry.excluded_reason = reason
            entry.changed_by, entry.changed_at = self.actor, now
            spare.replaces_id = entry.id
            spare.changed_by, spare.changed_at = self.actor, now
            new_ref = s.get(Case, spare.case_id).case_ref  # type: ignore[union-attr]
            record_change(s, self.actor, "exclude", "sample_entry", entry.id, round_id=rnd.id,
                          case_ref=case_ref, new=f"ersatt av {new_ref}", reason=reason)
        return new_ref

    def next_reserve(self, round_key: int | str, case_ref: str) -> str | None:
        """The reserve case that would replace `case_ref` if it were excluded now."""
        with self.db.session() as s:
            sample = self._sample(s, find_round(s, round_key))
            stratum = s.scalar(select(SampleEntry.stratum)
                               .join(Case, Case.id == SampleEntry.case_id)
                               .where(SampleEntry.sample_id == sample.id,
                                      Case.case_ref == case_ref, active_entry_filter()))
            if stratum is None:
                return None
            spare = self._spare(s, sample.id, stratum)
            if spare is None:
                return None
            return s.scalar(select(Case.case_ref).where(Case.id == spare.case_id))

    def protocol(self, round_key: int | str) -> SampleProtocol:
        """The stored protocol of the round's sample."""
        with self.db.session() as s:
            rnd = find_round(s, round_key)
            sample = self._sample(s, rnd)
            params = self._params(sample)
            # plain columns, not ORM objects: a department's rounds have tens of thousands
            refs = {e.id: e for e in s.execute(
                select(SampleEntry.id, SampleEntry.stratum, SampleEntry.role,
                       SampleEntry.position, SampleEntry.replaces_id, SampleEntry.excluded_reason,
                       SampleEntry.changed_by, SampleEntry.changed_at, Case.case_ref)
                .join(Case, Case.id == SampleEntry.case_id)
                .where(SampleEntry.sample_id == sample.id)).all()}
            exclusions = []
            for entry in sorted(refs.values(), key=lambda e: e.changed_at or datetime.min):
                if entry.replaces_id is not None:
                    old = refs[entry.replaces_id]
                    exclusions.append(Exclusion(old.case_ref, old.excluded_reason or "",
                                                entry.case_ref, old.changed_by or "",
                                                old.changed_at))
            filters = []
            if params.get("from"):
                filters.append(f"avslutsdatum från {params['from']}")
            if params.get("to"):
                filters.append(f"avslutsdatum till {params['to']}")
            stratify = params.get("stratify")
            sampled = self._sampled(s, sample.id)
            reserve = sorted((e for e in refs.values() if e.role == SampleRole.RESERVE
                              and e.replaces_id is None and e.excluded_reason is None),
                             key=lambda e: (e.stratum, e.position))
            return SampleProtocol(
                round_name=rnd.name, source_files=[f for f in sample.source_files.split("\n")
                                                   if f],
                frame_sha256=sample.frame_sha256, population=sample.population,
                size=sample.size, method=self._method_text(sample, stratify),
                seed=sample.seed, size_basis=params.get("basis", ""),
                strata=self._strata(refs.values()),
                filters=", ".join(filters), created_by=sample.created_by,
                created_at=sample.created_at,
                sampled_refs=[c.case_ref for c in sampled],
                sampled_strata=[c.stratum for c in sampled], exclusions=exclusions,
                reserve_refs=[e.case_ref for e in reserve],
                reserve_strata=[e.stratum for e in reserve])

    def sampled_cases(self, round_key: int | str) -> list[SampledCase]:
        """The cases in the sample now (replacements included), for the GUI."""
        with self.db.session() as s:
            sample = self._sample(s, find_round(s, round_key))
            return self._sampled(s, sample.id)

    def verify(self, round_key: int | str) -> VerifyResult:
        """Re-perform the draw from the stored seed and the current frame."""
        with self.db.session() as s:
            rnd = find_round(s, round_key)
            sample = self._sample(s, rnd)
            params = self._params(sample)
            date_from = date.fromisoformat(params["from"]) if params.get("from") else None
            date_to = date.fromisoformat(params["to"]) if params.get("to") else None
            if not sample.method.startswith("hmac-sha256-rank"):
                return VerifyResult(False, "Stickprovet drogs inte med Granskas "
                                           "HMAC-metod och kan inte göras om här.")
            cases = self._frame(s, rnd.id, date_from, date_to)
            stored = s.execute(select(Case.case_ref, SampleEntry.role, SampleEntry.stratum,
                                      SampleEntry.position)
                               .join(Case, Case.id == SampleEntry.case_id)
                               .where(SampleEntry.sample_id == sample.id)).all()
        if not cases:
            return VerifyResult(False, "Urvalsramen är tom nu; dragningen kan inte göras om.")
        redo: DrawResult = draw([(c.case_ref, c.unit) for c in cases], sample.size,
                                sample.seed, params.get("stratify"))
        if redo.frame_sha256 != sample.frame_sha256:
            return VerifyResult(False, "Urvalsramen har ändrats sedan dragningen (annan "
                                       "SHA-256); stickprovet kan inte återskapas.")
        again = {(c.case_ref, role, st.name, pos)
                 for st in redo.strata
                 for role, part, start in ((SampleRole.SAMPLE, st.sample, 1),
                                           (SampleRole.RESERVE, st.reserve, st.size + 1))
                 for pos, c in enumerate(part, start)}
        if again != {tuple(r) for r in stored}:
            return VerifyResult(False, "Den omgjorda dragningen skiljer sig från den lagrade.")
        return VerifyResult(True, f"Dragningen återskapades: samma {sample.size} ärenden och "
                                  "samma reservlista (frö och urvalsram stämmer).")

    # ------------------------------------------------------------ helpers

    @staticmethod
    def _method_text(sample: Sample, stratify: object) -> str:
        if not sample.method.startswith("hmac-sha256-rank"):
            return sample.method  # a sample made elsewhere (demo data, older files)
        how = STRATIFY_TEXT.get(stratify if isinstance(stratify, str) else None, "")
        return f"{METHOD}; {how}"

    @staticmethod
    def _params(sample: Sample) -> dict[str, Any]:
        try:
            params = json.loads(sample.parameters or "{}")
        except ValueError:
            return {}
        return params if isinstance(params, dict) else {}

    @staticmethod
    def _strata(entries: Iterable[Any]) -> list[StratumInfo]:
        """N_h and n_h from the stored entries (rows with stratum and role)."""
        population: dict[str, int] = {}
        size: dict[str, int] = {}
        for entry in entries:
            population[entry.stratum] = population.get(entry.stratum, 0) + 1
            size[entry.stratum] = size.get(entry.stratum, 0) + (entry.role == SampleRole.SAMPLE)
        return [StratumInfo(name, population[name], size[name]) for name in sorted(population)]

    def _sample(self, s: Session, rnd: AuditRound) -> Sample:
        sample = s.scalar(select(Sample).where(Sample.round_id == rnd.id))
        if sample is None:
            raise NotFoundError(f"Omgången '{rnd.name}' har inget stickprov ännu.")
        return sample

    @staticmethod
    def _spare(s: Session, sample_id: int, stratum: str) -> SampleEntry | None:
        """The first unused reserve entry of a stratum."""
        return s.scalar(select(SampleEntry).where(
            SampleEntry.sample_id == sample_id, SampleEntry.stratum == stratum,
            SampleEntry.role == SampleRole.RESERVE, SampleEntry.replaces_id.is_(None),
            SampleEntry.excluded_reason.is_(None),
            SampleEntry.case_id.not_in(chosen_case_ids()))  # chosen: already reviewed apart
            .order_by(SampleEntry.position))

    def _frame(self, s: Session, round_id: int, date_from: date | None,
               date_to: date | None) -> list[Case]:
        query = select(Case).where(Case.round_id == round_id,
                                   Case.id.not_in(outside_frame_case_ids()))
        if date_from:
            query = query.where(Case.closing_date >= date_from)
        if date_to:
            query = query.where(Case.closing_date <= date_to)
        return list(s.scalars(query).all())

    def _sampled(self, s: Session, sample_id: int) -> list[SampledCase]:
        rows = s.execute(select(Case.case_ref, Case.unit, Case.gender, SampleEntry.stratum,
                                SampleEntry.position)
                         .join(SampleEntry, SampleEntry.case_id == Case.id)
                         .where(SampleEntry.sample_id == sample_id, active_entry_filter())
                         .order_by(SampleEntry.stratum, SampleEntry.position)).all()
        return [SampledCase(*row) for row in rows]
