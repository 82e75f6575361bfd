#!/usr/bin/env bash
# Installs what is needed and runs every check headless: ruff, mypy and the pytest suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
export QT_QPA_PLATFORM=offscreen
echo "== ruff"
.venv/bin/ruff check audit_app tests bench
echo "== mypy"
.venv/bin/mypy
echo "== pytest"
.venv/bin/python -m pytest "$@"
