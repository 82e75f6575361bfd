#!/usr/bin/env bash
# Installs what is needed and runs every check headless: ruff, mypy, pytest, then builds the
# PyInstaller bundle and runs its smoke test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
# The PostgreSQL server for the shared-database tests (installed and started when missing).
bash scripts/pg.sh
export QT_QPA_PLATFORM=offscreen
echo "== ruff"
.venv/bin/ruff check audit_app tests bench
echo "== mypy"
.venv/bin/mypy
echo "== pytest"
.venv/bin/python -m pytest "$@"
# The deployable bundle: PyInstaller one-folder build, then its --smoke-test (about a minute).
# Skipped with GRANSKA_SKIP_BUILD=1 for quick local runs.
if [ "${GRANSKA_SKIP_BUILD:-0}" != "1" ]; then
  echo "== build + smoke test"
  bash scripts/build.sh
fi
