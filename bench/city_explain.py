"""Query plans of the city benchmark: `python -m bench.city_explain URL` on a database kept
with `python -m bench.city --keep`.

Runs the city's and one district's figures through FigureService and one save through
ReviewService, catches their SQL, and prints `EXPLAIN (ANALYZE, BUFFERS)` of the slowest
statements of each (the save's inside a transaction that is rolled back).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, event, text

from audit_app.services.figures import FigureService
from audit_app.services.reviews import ReviewService
from audit_app.storage.db import open_database
from bench.city import plain_group_by
from bench.city_data import OPEN_YEAR, YEAR

Caught = list[tuple[float, str, Any]]


def catch(engine: Engine, work: Callable[[], object]) -> Caught:
    """The statements `work` runs on the engine, slowest first: (seconds, SQL, parameters)."""
    caught: Caught = []

    def before(conn: Any, _cur: Any, _stmt: str, _params: Any, _ctx: Any, _many: bool) -> None:
        conn.info["bench_t0"] = time.perf_counter()

    def after(conn: Any, _cur: Any, stmt: str, params: Any, _ctx: Any, _many: bool) -> None:
        caught.append((time.perf_counter() - conn.info["bench_t0"], stmt, params))

    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    try:
        work()
    finally:
        event.remove(engine, "before_cursor_execute", before)
        event.remove(engine, "after_cursor_execute", after)
    return sorted(caught, key=lambda c: -c[0])


def explain(engine: Engine, title: str, caught: Caught, top: int, *,
            only: str = "", work_mem: str | None = None) -> None:
    chosen = [c for c in caught if only in c[1]][:top]
    for seconds, stmt, params in chosen:
        print(f"\n-- {title}: {seconds * 1000:.0f} ms in the run\n{stmt}\n")
        raw = engine.raw_connection()
        cur = raw.cursor()
        try:
            if work_mem:
                cur.execute(f"SET work_mem = '{work_mem}'")
            cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + stmt, params)
            print("\n".join(str(r[0]) for r in cur.fetchall()))
        finally:
            cur.close()
            raw.rollback()
            raw.close()


def main(argv: list[str]) -> int:
    from audit_app.services.figure_counts import WORK_MEM

    db = open_database(argv[0])
    engine = db.engine
    with engine.connect() as conn:
        year = list(conn.execute(text("SELECT id FROM audit_round WHERE year = :y ORDER BY id"),
                                 {"y": YEAR}).scalars())
        round_id, case_id = conn.execute(text(
            'SELECT c.round_id, c.id FROM "case" c JOIN audit_round r ON r.id = c.round_id'
            " WHERE r.year = :y ORDER BY c.id LIMIT 1"), {"y": OPEN_YEAR}).one()
    figures = FigureService(db)
    for title, rounds in (("the city's year", year), ("one district's year", year[:3])):

        def report(chosen: list[int] = rounds) -> object:
            return figures.compute_fresh(chosen)

        explain(engine, title, catch(engine, report), 2, work_mem=WORK_MEM)
    explain(engine, "the plain GROUP BY, the first of four",
            catch(engine, lambda: plain_group_by(engine, year)), 1)
    reviews = ReviewService(db, "bench-explain")
    reviews.set_answer(round_id, case_id, "punkt_01", "ja")
    caught = catch(engine, lambda: reviews.set_answer(round_id, case_id, "punkt_01", "nej"))
    print(f"\n-- a save: {len(caught)} statements, "
          f"{sum(c[0] for c in caught) * 1000:.1f} ms in all")
    explain(engine, "a save", caught, 1, only="UPDATE answer SET value")
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
