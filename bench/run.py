"""Benchmark runner: `python -m bench.run [--scale full|tiny] [--repeat N]`.

Generates invented data, runs every measure in its own process, alternating with its baseline,
prints a table of times and ratios against the targets, and writes bench/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench.generate import FULL, TINY, generate_database, write_case_lists
from bench.largest import LARGEST, write_largest

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Target:
    """A measure, its baseline (or None), and the limits it must meet."""

    name: str
    label: str
    baseline: str | None = None
    max_ratio: float | None = None
    max_seconds: float | None = None
    max_peak_mb: float = 500.0
    max_pages: int | None = None  # a PDF measure: the file's page count


TARGETS = [
    Target("startup_granska", "Start till huvudfönster / start to main window",
           "startup_bare_qt", max_ratio=3.0),
    Target("startup_ready", "Start till omgångarna listade / start to rounds listed",
           "startup_bare_qt"),
    Target("open_round", "Öppna omgång med 5 000 ärenden / open a 5,000-case round",
           max_seconds=0.1),
    Target("next_case", "Nästa ärende, 40 punkter / next case, 40 items", max_seconds=0.03),
    Target("complete_next", "Klar och nästa (Ctrl+Enter) / complete and next"),
    Target("figures_granska", "Alla figurer för ett år / all figures for a year",
           "figures_plain_sql", max_ratio=2.0, max_seconds=1.0),
    Target("report_pdf", "Sammanfattande PDF / summary PDF", max_seconds=3.0, max_pages=40),
    Target("report_xlsx", "Excel med lång datasida / Excel with long data sheet"),
    Target("check_xlsx_granska", "Läsa och kontrollera ärendelista, xlsx / read+check xlsx",
           "import_xlsx_openpyxl", max_ratio=1.3),
    Target("check_csv_granska", "Läsa och kontrollera ärendelista, csv / read+check csv",
           "import_csv_reader", max_ratio=3.0),
    Target("import_xlsx_granska", "Import inkl. lagring, xlsx / whole import, xlsx",
           "import_xlsx_openpyxl", max_ratio=1.3),
    Target("import_csv_granska", "Import inkl. lagring, csv / whole import, csv",
           "import_csv_reader"),
    # memory, not time: any file within the import limits (audit_app/importers/limits.py)
    Target("largest_case_list", "Största tillåtna ärendelista / largest allowed case list"),
    Target("largest_answer_file", "Största tillåtna svarsfil / largest allowed answer file"),
]


def run_measure(name: str, args: dict[str, str]) -> dict[str, Any]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    args = dict(args, t0=repr(time.time()))
    proc = subprocess.run([sys.executable, "-m", "bench.measures", name, json.dumps(args)],
                          capture_output=True, text=True, env=env, cwd=HERE.parent,
                          timeout=900)
    if proc.returncode != 0:
        return {"name": name, "seconds": None, "peak_mb": None,
                "unavailable": f"fel: {proc.stderr.strip().splitlines()[-1:]}"}
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def measure_pair(target: Target, args: dict[str, str],
                 repeat: int) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The measure and its baseline, run alternately so that both see the same machine."""
    runs: list[dict[str, Any]] = []
    bases: list[dict[str, Any]] = []
    for _ in range(repeat):
        if target.baseline:
            bases.append(run_measure(target.baseline, args))
        runs.append(run_measure(target.name, args))
    base = best_of(target.baseline, bases) if target.baseline and bases else None
    return best_of(target.name, runs), base


def best_of(name: str, runs: list[dict[str, Any]]) -> dict[str, Any]:
    ok = [r for r in runs if r["seconds"] is not None]
    if not ok:
        return runs[0]
    seconds = [float(r["seconds"]) for r in ok]
    best = {"name": name, "seconds": min(seconds), "median": statistics.median(seconds),
            "peak_mb": max(float(r["peak_mb"]) for r in ok),
            "unavailable": None}
    pages = [int(r["pages"]) for r in ok if r.get("pages") is not None]
    if pages:
        best["pages"] = max(pages)
    return best


def evaluate(target: Target, result: dict[str, Any],
             base: dict[str, Any] | None) -> dict[str, Any]:
    row: dict[str, Any] = {"target": asdict(target), "result": result, "baseline": base}
    seconds = result.get("seconds")
    if seconds is None:
        row["verdict"] = "saknas / not available"
        return row
    verdicts = []
    if base is not None and base.get("seconds"):
        ratio = float(seconds) / float(base["seconds"])
        row["ratio"] = round(ratio, 2)
        if target.max_ratio is not None:
            verdicts.append(ratio <= target.max_ratio)
    if target.max_seconds is not None:
        verdicts.append(float(seconds) <= target.max_seconds)
    verdicts.append(float(result["peak_mb"]) <= target.max_peak_mb)
    if target.max_pages is not None:
        verdicts.append(result.get("pages") is not None
                        and int(result["pages"]) <= target.max_pages)
    row["verdict"] = "ok" if all(verdicts) else "MISSAR / MISSES"
    return row


def print_row(row: dict[str, Any]) -> None:
    res, base = row["result"], row["baseline"]
    sec = res.get("seconds")
    bsec = base.get("seconds") if base else None
    print(f"{row['target']['label'][:58]:58} "
          f"{'-' if sec is None else f'{sec:.3f}':>8} "
          f"{'-' if bsec is None else f'{bsec:.3f}':>8} "
          f"{row.get('ratio', '-')!s:>6} {res.get('peak_mb') or '-'!s:>6}  "
          f"{row['verdict']}" + (f" ({res['unavailable']})" if res.get("unavailable") else "")
          + (f" · {res['pages']} sidor / pages (högst / at most {row['target']['max_pages']})"
             if res.get("pages") is not None else ""),
          flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", choices=["full", "tiny"], default="full")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    parser.add_argument("--only", default="",
                        help="kommaseparerade mått att köra (standard: alla)")
    ns = parser.parse_args(argv)
    only = {n for n in ns.only.split(",") if n}
    unknown = only - {t.name for t in TARGETS}
    if unknown:
        parser.error(f"okända mått: {', '.join(sorted(unknown))}")
    scale = FULL if ns.scale == "full" else TINY
    with tempfile.TemporaryDirectory(prefix="granska-bench-") as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        ids = generate_database(folder / "bench.sqlite3", scale)
        xlsx, csv_path = write_case_lists(folder, scale.import_rows)
        print(f"Data genererat på {time.perf_counter() - t:.1f} s ({scale})")
        args = {"db": str(folder / "bench.sqlite3"), "out": str(folder),
                "rounds": ",".join(str(ids[p]) for p in ("T1", "T2", "T3")),
                "large_round": str(ids["large"]), "xlsx": str(xlsx), "csv": str(csv_path)}
        if not only or only & set(LARGEST):
            args.update(write_largest(folder, ns.scale == "full"))
        rows = []
        print(f"\n{'mått / measure':58} {'tid s':>8} {'bas s':>8} {'kvot':>6} {'MB':>6}  "
              "resultat", flush=True)
        for target in TARGETS:
            if only and target.name not in only:
                continue
            result, base = measure_pair(target, args, ns.repeat)
            rows.append(evaluate(target, result, base))
            print_row(rows[-1])
    payload = {"scale": ns.scale, "repeat": ns.repeat, "python": platform.python_version(),
               "machine": platform.machine(), "cpus": os.cpu_count(),
               "when": time.strftime("%Y-%m-%d %H:%M:%S"), "rows": rows}
    ns.out.write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nResultat skrivna till {ns.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
