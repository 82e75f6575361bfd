#!/usr/bin/env bash
# Installs what is needed and starts Granska. Extra arguments go to the program.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
  echo "Ingen skärm hittades; startar under en virtuell skärm (xvfb-run)." >&2
  exec xvfb-run -a .venv/bin/python -m audit_app "$@"
fi
exec .venv/bin/python -m audit_app "$@"
