"""The sampling protocols of a report's rounds as text lines, in the report's language."""

from __future__ import annotations

from collections.abc import Sequence

from audit_app.domain.sampling_protocol import RoundProtocol, SampleProtocol


def protocol_lines_en(proto: SampleProtocol, case_limit: int | None = None) -> list[str]:
    """The protocol in English; stored texts (method, filters, reasons) are kept as they are."""
    out = [
        f"Sampling protocol – {proto.round_name}",
        f"Source file(s): {', '.join(proto.source_files) or '(no imported file)'}",
        f"Sampling frame: N = {proto.population} cases, SHA-256 {proto.frame_sha256}",
        f"Filters: {proto.filters or 'none'}",
        f"Sample size: n = {proto.size} ({proto.size_basis})",
        f"Method: {proto.method}",
        f"Seed: {proto.seed}",
        f"Drawn by {proto.created_by} {proto.created_at:%Y-%m-%d %H:%M}",
    ]
    if len(proto.strata) > 1 or (proto.strata and proto.strata[0].name):
        out.append("Strata (unit: N_h / n_h):")
        out += [f"  {s.name or '(no unit)'}: {s.population} / {s.size}" for s in proto.strata]
    if proto.exclusions:
        out.append("Excluded and replaced cases:")
        for e in proto.exclusions:
            when = f" {e.at:%Y-%m-%d %H:%M}" if e.at else ""
            out.append(f"  {e.case_ref} replaced by {e.replacement} – {e.reason} ({e.by}{when})")
    if case_limit is not None and len(proto.sampled_refs) > case_limit:
        out.append(f"Cases in the sample: {len(proto.sampled_refs)}, listed in the sample's "
                   "protocol file and in the Data sheet of the Excel export.")
        return out
    out.append(f"Cases in the sample ({len(proto.sampled_refs)}):")
    strata = proto.sampled_strata or [""] * len(proto.sampled_refs)
    out += [f"  {i}. {ref}" + (f" ({stratum})" if stratum else "")
            for i, (ref, stratum) in enumerate(zip(proto.sampled_refs, strata, strict=True), 1)]
    return out


def appendix_lines(entries: Sequence[RoundProtocol], lang: str = "sv",
                   case_limit: int | None = None) -> list[str]:
    """Each round's protocol, a blank line between rounds; a line for a round without one.
    With case_limit, a larger sample's cases are named by their number only."""
    lines: list[str] = []
    for entry in entries:
        if lines:
            lines.append("")
        if entry.protocol is None:
            lines.append(f"{entry.round_name}: no sample drawn." if lang == "en"
                         else f"{entry.round_name}: inget stickprov draget.")
        elif lang == "en":
            lines += protocol_lines_en(entry.protocol, case_limit)
        else:
            lines += entry.protocol.lines(case_limit)
    return lines
