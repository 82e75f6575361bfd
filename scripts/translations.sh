#!/usr/bin/env bash
# Updates resources/i18n/granska_en.ts from the tr() strings in audit_app/ui (pyside6-lupdate,
# keeping the translations already made) and compiles every .ts to .qm (pyside6-lrelease).
# Translate new strings in Qt Linguist (.venv/bin/pyside6-linguist) or in the XML, then rerun.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(find audit_app/ui -name '*.py' | sort)
for lang in en; do
  .venv/bin/pyside6-lupdate -silent -no-obsolete -locations none -source-language sv_SE \
    -target-language "$lang" "${sources[@]}" -ts "resources/i18n/granska_$lang.ts"
done
for ts in resources/i18n/*.ts; do
  .venv/bin/pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
done
grep -c 'type="unfinished"' resources/i18n/*.ts | sed 's/$/ untranslated/' || true
