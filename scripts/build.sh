#!/usr/bin/env bash
# Builds the one-folder application dist/granska/ with PyInstaller and runs its smoke test.
# Usage: scripts/build.sh [--no-smoke]   (needs the dev set-up: bash scripts/setup.sh dev)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
  "$PY" -m pip install -q --disable-pip-version-check "pyinstaller>=6.0"
fi
if [ -x .venv/bin/pyside6-lrelease ] && ls resources/i18n/*.ts >/dev/null 2>&1; then
  for ts in resources/i18n/*.ts; do
    .venv/bin/pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
  done
fi
echo "== pyinstaller"
start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller build.spec
echo "built dist/granska in $(( $(date +%s) - start )) s ($(du -sh dist/granska | cut -f1))"
if [ "${1:-}" != "--no-smoke" ]; then
  echo "== smoke test of the built binary"
  QT_QPA_PLATFORM=offscreen ./dist/granska/granska --smoke-test
  ./dist/granska/granska-cli --version
fi
