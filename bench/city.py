"""City-scale benchmark on PostgreSQL: `python -m bench.city [--scale full|tiny]`.

Creates a fresh server database, loads 14 districts x 20,000 completed reviews x 30 items
(8.4 million answers) with COPY, then measures, best of --repeat: all the city's figures
for the year through FigureService against a plain GROUP BY on the same server, one
district's year, and 20 reviewers (each its own login role and connection) saving answers
through ReviewService at once, with the check that no acknowledged save was lost.
Prints a table and writes bench/city_results.json. Not part of the test suite's timing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from audit_app.services.figures import FigureService
from audit_app.storage.db import open_database
from audit_app.storage.server_roles import grant_role, setup_roles
from bench.city_cpu import cpu_seconds
from bench.city_data import CITY, TINY_CITY, CityIds, CityScale, generate_city
from bench.city_saves import check_saves, plan_reviewers, run_saves

HERE = Path(__file__).resolve().parent
ADMIN_ENV = "GRANSKA_BENCH_PG"  # a superuser's address (default: the local socket)
DEFAULT_ADMIN = "postgresql+psycopg:///postgres"
HOST = os.environ.get("GRANSKA_BENCH_PG_HOST", "127.0.0.1")  # where reviewers log in (TCP)

# The plain GROUP BYs of bench.measures.PLAIN_QUERIES, in PostgreSQL's SQL.
PLAIN_QUERIES = [
    "SELECT a.item_id, a.value, count(*), sum(a.compliant::int) FROM answer a"
    " JOIN review r ON r.id = a.review_id WHERE r.status = 'complete'"
    " AND r.round_id = ANY(:ids) AND a.applicable AND a.compliant IS NOT NULL"
    " GROUP BY a.item_id, a.value",
    "SELECT a.item_id, ar.period, count(*), sum(a.compliant::int) FROM answer a"
    " JOIN review r ON r.id = a.review_id JOIN audit_round ar ON ar.id = r.round_id"
    " WHERE r.status = 'complete' AND r.round_id = ANY(:ids) AND a.applicable"
    " AND a.compliant IS NOT NULL GROUP BY a.item_id, ar.period",
    "SELECT a.item_id, c.unit, count(*), sum(a.compliant::int) FROM answer a"
    " JOIN review r ON r.id = a.review_id JOIN \"case\" c ON c.id = r.case_id"
    " WHERE r.status = 'complete' AND r.round_id = ANY(:ids) AND a.applicable"
    " AND a.compliant IS NOT NULL GROUP BY a.item_id, c.unit",
    "SELECT a.item_id, c.gender, count(*), sum(a.compliant::int) FROM answer a"
    " JOIN review r ON r.id = a.review_id JOIN \"case\" c ON c.id = r.case_id"
    " WHERE r.status = 'complete' AND r.round_id = ANY(:ids) AND a.applicable"
    " AND a.compliant IS NOT NULL GROUP BY a.item_id, c.gender",
]

# (name, label, baseline or None, max ratio, max seconds)
TARGETS = [
    ("figures_city", "Alla figurer, stadens år / all figures, the city's year",
     "plain_city", 2.0, 3.0),
    ("figures_department", "Figurer, en stadsdels år / a district's year", "plain_department",
     None, 1.0),
]


def admin_url() -> str:
    return os.environ.get(ADMIN_ENV, os.environ.get("GRANSKA_TEST_PG", DEFAULT_ADMIN))


def plain_group_by(engine: Engine, round_ids: list[int]) -> None:
    with engine.connect() as conn:
        for query in PLAIN_QUERIES:
            conn.execute(text(query), {"ids": round_ids}).all()


def timed(fn: Callable[[], object]) -> dict[str, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return {"seconds": time.perf_counter() - wall, "client_cpu": time.process_time() - cpu}


def best(runs: list[dict[str, float]]) -> dict[str, Any]:
    top = min(runs, key=lambda r: r["seconds"])
    return dict(top, runs=[round(r["seconds"], 3) for r in runs])


def measure_figures(url: str, engine: Engine, ids: CityIds, repeat: int) -> dict[str, Any]:
    """Each figure measure and its baseline, alternately, best of `repeat`."""
    db = open_database(url)
    service = FigureService(db)
    city = ids.all_year_rounds()
    district = next(iter(ids.year_rounds.values()))
    work: dict[str, Callable[[], object]] = {
        "plain_city": lambda: plain_group_by(engine, city),
        "figures_city": lambda: service.compute_fresh(city),
        "plain_department": lambda: plain_group_by(engine, district),
        "figures_department": lambda: service.compute_fresh(district),
    }
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in work}
    try:
        for fn in work.values():  # warm the server's caches once, untimed
            fn()
        for _ in range(repeat):
            for name, fn in work.items():
                runs[name].append(timed(fn))
        cpu = cpu_seconds(work, [engine, db.engine], repeat)
    finally:
        db.close()
    return {name: dict(best(r), **cpu.get(name, {})) for name, r in runs.items()}


def _cpu(result: dict[str, Any]) -> float | None:
    """Server plus client CPU seconds, one backend without parallel workers."""
    if "server_cpu" not in result:
        return None
    return float(result["server_cpu"]) + float(result["client_cpu"])


def evaluate(measured: dict[str, Any], saves: dict[str, Any] | None) -> list[dict[str, Any]]:
    rows = []
    for name, label, base, max_ratio, max_seconds in TARGETS:
        if name not in measured:
            continue
        sec = measured[name]["seconds"]
        bsec = measured[base]["seconds"]
        ratio = sec / bsec if bsec else None
        ok = sec <= max_seconds and (max_ratio is None or (ratio or 0) <= max_ratio)
        cpu = _cpu(measured[name])
        bcpu = _cpu(measured[base])
        rows.append({"name": name, "label": label, "seconds": sec, "baseline": bsec,
                     "ratio": ratio, "max_ratio": max_ratio, "max_seconds": max_seconds,
                     "cpu": cpu, "baseline_cpu": bcpu,
                     "cpu_ratio": cpu / bcpu if cpu is not None and bcpu else None,
                     "verdict": "ok" if ok else "MISSAR / MISSES"})
    if saves is not None:
        ok = saves["p95_ms"] is not None and saves["p95_ms"] <= 50 and saves["zero_lost_updates"]
        rows.append({"name": "saves", "label": "Samtidiga sparningar / concurrent saves, p95",
                     "seconds": (saves["p95_ms"] or 0) / 1000, "baseline": None,
                     "ratio": None, "max_ratio": None, "max_seconds": 0.05, "cpu": None,
                     "baseline_cpu": None, "cpu_ratio": None,
                     "verdict": "ok" if ok else "MISSAR / MISSES"})
    return rows


def print_table(rows: list[dict[str, Any]], saves: dict[str, Any] | None) -> None:
    print(f"\n{'mått / measure':52} {'tid s':>7} {'bas s':>7} {'kvot':>5} {'CPU s':>7} "
          f"{'bas CPU':>7} {'kvot':>5}  resultat")

    def num(value: float | None, digits: int) -> str:
        return "-" if value is None else f"{value:.{digits}f}"

    for row in rows:
        print(f"{row['label'][:52]:52} {row['seconds']:7.3f} {num(row['baseline'], 3):>7} "
              f"{num(row['ratio'], 2):>5} {num(row['cpu'], 2):>7} "
              f"{num(row['baseline_cpu'], 2):>7} {num(row['cpu_ratio'], 2):>5}  "
              f"{row['verdict']}")
    print("(CPU s: serverns och programmets CPU-sekunder med en serverprocess utan parallella "
          "arbetare / server + client CPU, one backend, no parallel workers)")
    if saves is not None:
        print(f"\nSparningar / saves: {saves['saves']} av {saves['reviewers']} granskare, "
              f"p50 {saves['p50_ms']:.1f} ms, p95 {saves['p95_ms']:.1f} ms, "
              f"p99 {saves['p99_ms']:.1f} ms; bekräftade skrivningar {saves['acknowledged_writes']}"
              f", konflikter rapporterade {saves['conflicts_reported']}, förlorade "
              f"{saves['lost_updates']} ({'ok' if saves['zero_lost_updates'] else 'FEL'}); "
              f"CPU per sparning: program {num(saves['client_cpu_ms_p50'], 1)} ms (median), "
              f"server {num(saves['server_cpu_ms_per_save'], 1)} ms")


class CityDatabase:
    """A fresh database and the reviewers' login roles, removed again at the end."""

    def __init__(self, scale: CityScale) -> None:
        tag = uuid.uuid4().hex[:8]
        self.name = f"granska_city_{tag}"
        self.prefix = f"granska_city_{tag}_r"
        self.scale = scale
        self.admin = create_engine(admin_url(), isolation_level="AUTOCOMMIT")
        self.url = make_url(admin_url()).set(database=self.name).render_as_string(
            hide_password=False)
        self.passwords = [uuid.uuid4().hex for _ in range(scale.reviewers)]
        self.roles = [f"{self.prefix}{k + 1:02d}" for k in range(scale.reviewers)]
        self.engine: Engine | None = None

    def create(self) -> tuple[Engine, CityIds]:
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.name}"'))
        open_database(self.url).close()  # the migrations, as `server init` runs them
        self.engine = create_engine(self.url)
        ids = generate_city(self.engine, self.scale)
        with self.engine.begin() as conn:
            setup_roles(conn)
            for role, password, k in zip(self.roles, self.passwords,
                                         range(self.scale.reviewers), strict=True):
                conn.execute(text(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'"))
                district = list(ids.open_rounds)[k % self.scale.districts]
                grant_role(conn, role, "reviewer", district)
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
        return self.engine, ids

    def role_url(self) -> str:
        return f"postgresql+psycopg://ROLE@{HOST}/{self.name}"

    def drop(self) -> None:
        if self.engine is not None:
            self.engine.dispose()
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
            for role in self.roles:
                conn.execute(text(f"DROP ROLE IF EXISTS {role}"))
        self.admin.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", choices=["full", "tiny"], default="full")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=None,
                        help="hur länge granskarna sparar (standard 60, tiny 3)")
    parser.add_argument("--think", type=float, default=1.0,
                        help="medeltid i sekunder mellan en granskares sparningar")
    parser.add_argument("--out", type=Path, default=HERE / "city_results.json")
    parser.add_argument("--only", default="", help="figures eller saves (standard: båda)")
    parser.add_argument("--keep", action="store_true",
                        help="behåll databasen efteråt (för EXPLAIN); den skrivs ut")
    ns = parser.parse_args(argv)
    scale = CITY if ns.scale == "full" else TINY_CITY
    seconds = scale.seconds if ns.seconds is None else ns.seconds
    city = CityDatabase(scale)
    load_before = os.getloadavg()
    try:
        t = time.perf_counter()
        engine, ids = city.create()
        generated = time.perf_counter() - t
        print(f"Data genererat på {generated:.1f} s: {scale.districts} stadsdelar x "
              f"{scale.reviews} granskningar x {scale.items} punkter = {scale.answers} svar "
              f"(databas {city.name}); svaren räknade på {ids.count_seconds:.1f} s",
              flush=True)
        measured = {} if ns.only == "saves" else measure_figures(city.url, engine, ids,
                                                                  ns.repeat)
        saves = None
        if ns.only != "figures":
            reviewers = plan_reviewers(scale, ids, city.passwords, city.prefix)
            items = [f"punkt_{k + 1:02d}" for k in range(scale.items)]
            spent = run_saves(city.role_url(), reviewers, items, seconds, ns.think)
            saves = check_saves(engine, reviewers, spent)
        rows = evaluate(measured, saves)
        print_table(rows, saves)
        with engine.connect() as conn:
            server = conn.execute(text("SHOW server_version")).scalar_one()
            parallel = conn.execute(text("SHOW max_parallel_workers_per_gather")).scalar_one()
    finally:
        if ns.keep:
            print(f"Databasen behålls: {city.url}")
        else:
            city.drop()
    payload = {"scale": ns.scale, "repeat": ns.repeat, "database": city.name,
               "districts": scale.districts,
               "reviews_per_district": scale.reviews, "items": scale.items,
               "answers": scale.answers, "generate_seconds": round(generated, 1),
               "count_seconds": round(ids.count_seconds, 1),
               "save_seconds": seconds, "think_seconds": ns.think,
               "postgresql": server, "max_parallel_workers_per_gather": parallel,
               "python": platform.python_version(), "machine": platform.machine(),
               "cpus": os.cpu_count(), "load_before": load_before,
               "load_after": os.getloadavg(), "when": time.strftime("%Y-%m-%d %H:%M:%S"),
               "figures": measured, "saves": saves, "rows": rows}
    ns.out.write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nResultat skrivna till {ns.out}")
    return 0 if all(r["verdict"] == "ok" for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
