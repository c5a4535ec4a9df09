#!/usr/bin/env bash
# npm run demo: builds the CLI when needed and checks the bundled sample progress sheet.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f dist/node/cli/main.js ] || [ -n "$(find src/core src/xlsx src/cli -newer dist/node/cli/main.js -name '*.ts' -print -quit)" ]; then
  echo "== npm run build:cli"
  npm run --silent build:cli
fi
echo "== kpi-progress check assets/sample/progress-sheet.xlsx"
status=0
node bin/kpi-progress.js check assets/sample/progress-sheet.xlsx || status=$?
echo "== exit status ${status} (0: no error finding, 1: error findings, 2: unreadable / no table)"
# 1 only means the sample holds findings, which is what the demo shows.
[ "$status" -le 1 ]

# The writers: the annotated sample in out/ (each step undoable with kpi-progress undo), then the report.
mkdir -p out
cp assets/sample/management-sheets.xlsx out/management-sheets.xlsx
kp() { echo "== kpi-progress $*"; node bin/kpi-progress.js "$@"; }
kp add-year assets/sample/progress-sheet.xlsx -o out/progress-sheet-annotated.xlsx
kp fill out/progress-sheet-annotated.xlsx -o out/progress-sheet-annotated.xlsx --fix
kp flag out/progress-sheet-annotated.xlsx -o out/progress-sheet-annotated.xlsx
kp link out/progress-sheet-annotated.xlsx -o out/progress-sheet-annotated.xlsx --management out/management-sheets.xlsx
kp definitions out/progress-sheet-annotated.xlsx -o out/progress-sheet-annotated.xlsx
kp report out/progress-sheet-annotated.xlsx -o out/progress-sheet-annotated.xlsx
kp report out/progress-sheet-annotated.xlsx -o out/report.md
cat out/report.md
