#!/usr/bin/env bash
# npm run demo: builds the CLI when needed, writes the annotated sample and the report to out/, and
# prints the check of the bundled sample progress sheet last, so it is what stays on the screen.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f dist/node/kpi-progress.js ] || [ -n "$(find src/core src/xlsx src/cli src/app -newer dist/node/kpi-progress.js -name '*.ts' -print -quit)" ]; then
  echo "== npm run build:cli"
  npm run --silent build:cli
fi

# The writers: the annotated sample in out/ (each step undoable with npx kpi-progress undo), then the report.
mkdir -p out
cp assets/sample/management-sheets.xlsx out/management-sheets.xlsx
kp() { echo "== npx kpi-progress $*"; node bin/kpi-progress.js "$@"; }
{
  kp add-year assets/sample/progress-sheet.xlsx -o out/progress-sheet-annotated.xlsx
  kp fill out/progress-sheet-annotated.xlsx -o out/progress-sheet-annotated.xlsx --fix
  kp flag out/progress-sheet-annotated.xlsx -o out/progress-sheet-annotated.xlsx
  kp link out/progress-sheet-annotated.xlsx -o out/progress-sheet-annotated.xlsx --management out/management-sheets.xlsx
  kp definitions out/progress-sheet-annotated.xlsx -o out/progress-sheet-annotated.xlsx
  kp report out/progress-sheet-annotated.xlsx -o out/progress-sheet-annotated.xlsx
  kp report assets/sample/progress-sheet.xlsx -o out/report.md
} > out/demo-writers.log
echo "== wrote out/progress-sheet-annotated.xlsx (年度列・達成率・色とメモ・リンク・KPI定義・点検結果), out/report.md; log: out/demo-writers.log"
echo
echo "== npx kpi-progress check assets/sample/progress-sheet.xlsx"
status=0
node bin/kpi-progress.js check assets/sample/progress-sheet.xlsx || status=$?
echo "== exit status ${status} (0: no error finding, 1: error findings, 2: unreadable / no table)"
echo "== 書き出したファイル / written: out/progress-sheet-annotated.xlsx, out/report.md"
# 1 only means the sample holds findings, which is what the demo shows.
[ "$status" -le 1 ]
