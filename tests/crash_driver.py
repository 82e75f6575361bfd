"""Test helper process: answers items in a loop, printing each answer once it is committed.

Usage: python -m tests.crash_driver DB ROUND_ID FIRST_CASE LAST_CASE
The passphrase comes from GRANSKA_PASSPHRASE (empty: unencrypted).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sqlalchemy.exc import OperationalError

from audit_app.services.reviews import ReviewService
from audit_app.storage.db import open_database

ITEMS = ("enskilt_samtal", "samtal_var_tredje_manad", "viewpoint", "vardplan")


def main() -> int:
    db_path, round_id, first, last = sys.argv[1:5]
    db = open_database(Path(db_path), passphrase=os.environ.get("GRANSKA_PASSPHRASE") or None,
                       daily_backup=False)
    service = ReviewService(db, "krasch")
    rid = int(round_id)
    done = {(r.case_id, item) for r in service.case_rows(rid)
            for item in service.review(rid, r.case_id).answers
            if service.review(rid, r.case_id).answers[item].value is not None} \
        if os.environ.get("CRASH_DRIVER_SKIP_DONE") else set()
    print("ready", flush=True)
    for case_id in range(int(first), int(last) + 1):
        for n, item in enumerate(ITEMS):
            if (case_id, item) in done:
                continue
            value = "ja" if (case_id + n) % 2 else "nej"
            for _attempt in range(20):
                try:
                    service.set_answer(rid, case_id, item, value)
                    break
                except OperationalError:  # the other instance held the lock too long
                    continue
            else:
                raise RuntimeError("database stayed locked")
            print(f"{case_id} {item} {value}", flush=True)
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
