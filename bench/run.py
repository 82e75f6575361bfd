"""Benchmark runner: `python -m bench.run [--scale full|tiny] [--repeat N]`.

Generates invented data, runs every measure in its own process, alternating with its baseline,
prints a table of times and ratios against the targets, and writes bench/results.json.
Measures that use the database run on an encrypted copy (the default users run); the same
measure on the plain file is shown beside it for information.
"""

from __future__ import annotations

import argparse
import compileall
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

from bench.generate import (
    FULL,
    PASSPHRASE,
    TINY,
    encrypted_copy,
    generate_database,
    write_case_lists,
)
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
    database: bool = False  # uses the database: measured encrypted, plain beside it


NEAR = 0.85  # a figure above this share of its limit is listed as near it


TARGETS = [
    Target("startup_granska", "Start till huvudfönster / start to main window",
           "startup_bare_qt", max_ratio=3.0, database=True),
    Target("startup_ready", "Start till omgångarna listade / start to rounds listed",
           "startup_bare_qt", max_ratio=3.0, database=True),
    Target("open_round", "Öppna omgång med 5 000 ärenden / open a 5,000-case round",
           max_seconds=0.1, database=True),
    Target("next_case", "Nästa ärende, 40 punkter / next case, 40 items", max_seconds=0.03,
           database=True),
    Target("complete_next", "Klar och nästa (Ctrl+Enter) / complete and next",
           database=True),
    Target("figures_granska", "Alla figurer för ett år / all figures for a year",
           "figures_plain_sql", max_ratio=2.0, max_seconds=1.0, database=True),
    Target("report_pdf", "Sammanfattande PDF / summary PDF", max_seconds=3.0, max_pages=40,
           database=True),
    Target("report_xlsx", "Excel med lång datasida / Excel with long data sheet",
           database=True),
    Target("check_xlsx_granska", "Läsa och kontrollera ärendelista, xlsx / read+check xlsx",
           "import_xlsx_openpyxl", max_ratio=1.3),
    Target("check_csv_granska", "Läsa och kontrollera ärendelista, csv / read+check csv",
           "import_csv_reader", max_ratio=3.0),
    Target("import_xlsx_granska", "Import inkl. lagring, xlsx / whole import, xlsx",
           "import_xlsx_openpyxl", max_ratio=1.3, database=True),
    Target("import_csv_granska", "Import inkl. lagring, csv / whole import, csv",
           "import_csv_reader", max_ratio=3.0, database=True),
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


def plain_args(args: dict[str, str]) -> dict[str, str]:
    """The same measure on the plain (unencrypted) file, for information."""
    return dict(args, db=args["plain_db"], passphrase="")


def measure_pair(target: Target, args: dict[str, str], repeat: int, plain: bool = True,
                 ) -> tuple[dict[str, Any], dict[str, Any] | None, dict[str, Any] | None]:
    """The measure, its baseline and (for the database's measures) the same measure on the
    plain file, run alternately so that all of them see the same machine."""
    runs: list[dict[str, Any]] = []
    bases: list[dict[str, Any]] = []
    plains: list[dict[str, Any]] = []
    for _ in range(repeat):
        if target.baseline:
            bases.append(run_measure(target.baseline, args))
        runs.append(run_measure(target.name, args))
        if target.database and plain:
            plains.append(run_measure(target.name, plain_args(args)))
    base = best_of(target.baseline, bases) if target.baseline and bases else None
    return best_of(target.name, runs), base, best_of(target.name, plains) if plains else None


def best_of(name: str, runs: list[dict[str, Any]]) -> dict[str, Any]:
    ok = [r for r in runs if r["seconds"] is not None]
    if not ok:
        return runs[0]
    seconds = [float(r["seconds"]) for r in ok]
    extra: dict[str, Any] = {}
    for r in ok:
        extra.update(r.get("extra") or {})
    return {"name": name, "seconds": min(seconds), "median": statistics.median(seconds),
            "peak_mb": max(float(r["peak_mb"]) for r in ok),
            "unavailable": None, "extra": extra}


def evaluate(target: Target, result: dict[str, Any], base: dict[str, Any] | None,
             plain: dict[str, Any] | None = None) -> dict[str, Any]:
    row: dict[str, Any] = {"target": asdict(target), "result": result, "baseline": base,
                           "plain": plain, "near": []}
    seconds = result.get("seconds")
    if seconds is None:
        row["verdict"] = "saknas / not available"
        return row
    used: list[tuple[str, float, float]] = []  # (what, value, limit)
    if base is not None and base.get("seconds"):
        ratio = float(seconds) / float(base["seconds"])
        row["ratio"] = round(ratio, 2)
        if target.max_ratio is not None:
            used.append(("kvot / ratio", ratio, target.max_ratio))
    if target.max_seconds is not None:
        used.append(("s", float(seconds), target.max_seconds))
    used.append(("MB", float(result["peak_mb"]), target.max_peak_mb))
    if target.max_pages is not None:
        pages = (result.get("extra") or {}).get("pages")
        # a missing page count is a miss: the summary must be counted to pass
        used.append(("sidor / pages", float("inf") if pages is None else float(pages),
                     target.max_pages))
    row["verdict"] = "ok" if all(v <= lim for _, v, lim in used) else "MISSAR / MISSES"
    row["near"] = [f"{v:.3g} {what} av {lim:g}" for what, v, lim in used
                   if NEAR * lim <= v <= lim]
    return row


def print_row(row: dict[str, Any]) -> None:
    res, base = row["result"], row["baseline"]
    sec = res.get("seconds")
    bsec = base.get("seconds") if base else None
    psec = (row.get("plain") or {}).get("seconds")
    print(f"{row['target']['label'][:58]:58} "
          f"{'-' if sec is None else f'{sec:.3f}':>8} "
          f"{'-' if bsec is None else f'{bsec:.3f}':>8} "
          f"{row.get('ratio', '-')!s:>6} {res.get('peak_mb') or '-'!s:>6} "
          f"{'-' if psec is None else f'{psec:.3f}':>8}  "
          f"{row['verdict']}" + (f" ({res['unavailable']})" if res.get("unavailable") else ""),
          flush=True)
    pages = (res.get("extra") or {}).get("pages")
    if pages is not None:
        print(f"{'  PDF-sidor / PDF pages':58} {pages:>8}", flush=True)


def print_near(rows: list[dict[str, Any]]) -> None:
    """The figures within 15 % of their limit (still within it)."""
    near = [(row["target"]["label"], text) for row in rows for text in row["near"]]
    print(f"\nNära gränsen (inom {100 - NEAR * 100:.0f} %) / near the limit:"
          + ("" if near else " inga / none"))
    for label, text in near:
        print(f"  {label}: {text}")


def compile_program() -> None:
    """Compile the program's modules to bytecode before anything is measured.

    A user's installation runs compiled bytecode (pip and PyInstaller compile it, as pip did
    PySide6 for the bare window). Without this, a machine with PYTHONDONTWRITEBYTECODE set
    (this one) compiles every imported module from source again in every measure's process.
    """
    for folder in ("audit_app", "bench"):
        compileall.compile_dir(HERE.parent / folder, quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", choices=["full", "tiny"], default="full")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    parser.add_argument("--only", default="",
                        help="kommaseparerade mått att köra (standard: alla)")
    parser.add_argument("--no-plain", action="store_true",
                        help="mät inte också den okrypterade filen (snabbare)")
    ns = parser.parse_args(argv)
    only = {n for n in ns.only.split(",") if n}
    unknown = only - {t.name for t in TARGETS}
    if unknown:
        parser.error(f"okända mått: {', '.join(sorted(unknown))}")
    scale = FULL if ns.scale == "full" else TINY
    compile_program()
    with tempfile.TemporaryDirectory(prefix="granska-bench-") as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        ids = generate_database(folder / "bench.sqlite3", scale)
        encrypted_copy(folder / "bench.sqlite3", folder / "bench-krypterad.sqlite3")
        xlsx, csv_path = write_case_lists(folder, scale.import_rows)
        print(f"Data genererat på {time.perf_counter() - t:.1f} s ({scale})")
        args = {"db": str(folder / "bench-krypterad.sqlite3"), "passphrase": PASSPHRASE,
                "plain_db": str(folder / "bench.sqlite3"), "out": str(folder),
                "rounds": ",".join(str(ids[p]) for p in ("T1", "T2", "T3")),
                "large_round": str(ids["large"]), "xlsx": str(xlsx), "csv": str(csv_path)}
        if not only or only & set(LARGEST):
            args.update(write_largest(folder, ns.scale == "full"))
        rows = []
        print("\nKrypterad databas (standard); okrypt. s = samma mått på den okrypterade "
              "filen, för information.")
        print(f"{'mått / measure':58} {'tid s':>8} {'bas s':>8} {'kvot':>6} {'MB':>6} "
              f"{'okrypt. s':>8}  resultat", flush=True)
        for target in TARGETS:
            if only and target.name not in only:
                continue
            result, base, plain = measure_pair(target, args, ns.repeat, not ns.no_plain)
            rows.append(evaluate(target, result, base, plain))
            print_row(rows[-1])
        print_near(rows)
    payload = {"scale": ns.scale, "repeat": ns.repeat, "encrypted": True,
               "python": platform.python_version(),
               "machine": platform.machine(), "cpus": os.cpu_count(),
               "when": time.strftime("%Y-%m-%d %H:%M:%S"), "rows": rows}
    ns.out.write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nResultat skrivna till {ns.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
