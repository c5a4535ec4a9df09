/**
 * fill: writes the achievement rate into the 達成率 cell of every KPI and year with an actual and a
 * computable rate, in the sheet's own style (text "68.9%", or a number with a percent format), as a
 * live formula when actual and target are numeric cells. Only empty cells and cells fill wrote
 * itself (unchanged since); with `fix` also printed rates the rules found wrong.
 */
import { baselineCell, targetCell } from '../cells';
import { t } from '../catalogue';
import type { Kpi, SheetModel } from '../model';
import { cellAddress, valueAt, type GridSnapshot } from '../snapshot';
import type { CellContent, CellEdit, EditPlan } from '../plan';
import { formatRate, roundRate, yearTarget, type RoundingMode } from '../rates';
import { ownedCells, ownedKey } from '../undo';
import { kpiYearLabel } from '../grade-line';
import { expectationAt, isEmptyAt, snapshotOf, type PlanInput } from './context';

export interface FillOptions {
  /** Who reads the notices: the CLI names its flags, the task pane its own buttons and settings. */
  surface?: 'pane' | 'cli';
  /** Also correct printed rates that the rules found wrong (rate-mismatch findings). */
  fix?: boolean;
}

interface SheetStyle {
  storage: 'text' | 'number';
  numberFormat: string;
  decimals: number;
  mode: RoundingMode;
}

/** How the sheet already stores rates: the most common of text / number; its percent format. */
export function rateStyle(sheet: SheetModel, s: GridSnapshot, rounding: { mode: RoundingMode; decimals: number }): SheetStyle {
  let text = 0;
  let number = 0;
  const formats = new Map<string, number>();
  for (const kpi of sheet.kpis) {
    const rates = kpi.printedRates;
    for (let i = 0; i < rates.years.length; i++) {
      const p = rates.values[i];
      if (p.kind !== 'rate') continue;
      if (p.storage === 'text') text++;
      else {
        number++;
        const f = s.numberFormats[rates.row - s.origin.row]?.[rates.colOf(rates.years[i])! - s.origin.col];
        if (f && f.includes('%')) formats.set(f, (formats.get(f) ?? 0) + 1);
      }
    }
  }
  const fallback = rounding.decimals > 0 ? `0.${'0'.repeat(rounding.decimals)}%` : '0%';
  const numberFormat = [...formats.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? fallback;
  if (text === 0 && number === 0) {
    // no rate printed yet: follow how the actuals are kept ("31件" as text → rates as text)
    for (const kpi of sheet.kpis) {
      const actuals = kpi.actuals;
      for (let i = 0; i < actuals.years.length; i++) {
        const a = actuals.values[i];
        const v = s.values[actuals.row - s.origin.row]?.[actuals.colOf(actuals.years[i])! - s.origin.col];
        if (typeof v === 'string' && a.kind === 'number') text++;
        else if (typeof v === 'number') number++;
      }
    }
  }
  return { storage: text > number ? 'text' : 'number', numberFormat, ...rounding };
}

function numericCell(s: GridSnapshot, cell: { row: number; col: number } | null | undefined): string | null {
  if (!cell || typeof valueAt(s, cell.row, cell.col) !== 'number') return null;
  return cellAddress(cell.row, cell.col);
}

/** "$D15": the column fixed, as a person writes it to copy the formula across years. */
function absCol(address: string): string {
  return `$${address}`;
}

/** A live formula for the rate, or null when actual / target (/ baseline) are not numeric cells. */
export function rateFormula(kpi: Kpi, year: number, method: string, s: GridSnapshot, style: SheetStyle): string | null {
  const actual = numericCell(s, kpi.actuals.cellOf(year));
  // the year's own target (期待値, 施策目標 of that year) where the sheet prints one, as a relative reference
  const own = yearTarget(kpi, year) !== null ? numericCell(s, kpi.targets?.cellOf(year)) : null;
  const target = own ?? numericCell(s, targetCell(kpi));
  if (!actual || !target) return null;
  const round = style.mode === 'truncate' ? 'ROUNDDOWN' : 'ROUND';
  const digits = style.decimals + 2;
  let ratio: string;
  if (method === 'ratio') ratio = `${actual}/${own ? target : absCol(target)}`;
  else if (method === 'gap') {
    const baseline = numericCell(s, baselineCell(kpi));
    if (!baseline) return null;
    ratio = `(${absCol(baseline)}-${actual})/(${absCol(baseline)}-${absCol(target)})`;
  } else return null;
  return `=IF(${actual}="","",IFERROR(${round}(${ratio},${digits}),""))`;
}

/**
 * Where the year's rate goes: the printed-rate cell the recogniser found (a 達成率 row, or a 達成率
 * column of a one-row layout), else the 達成率 row under the year column of a two-row table.
 */
function rateCell(sheet: SheetModel, kpi: Kpi, year: number, col: number): { row: number; col: number } | null {
  const printed = kpi.printedRates.cellOf(year);
  if (printed) return printed;
  const layout = sheet.tables[kpi.tableIndex]?.layout ?? 'two-row';
  return kpi.hasRateCells === false || (layout !== 'two-row' && layout !== 'block') ? null : { row: kpi.rateRow, col };
}

function sameContent(s: GridSnapshot, row: number, col: number, c: CellContent): boolean {
  const now = expectationAt(s, row, col);
  if (c.formula) return now.formula === c.formula;
  return now.formula === null && now.value === c.value;
}

export function planFill(input: PlanInput, options: FillOptions = {}): EditPlan {
  const { lang } = input;
  const owned = ownedCells(input.record);
  const wrong = new Set(input.analysis.findings.filter((f) => f.rule === 'rate-mismatch').map((f) => `${f.sheet}!${f.cell}`));
  const edits: CellEdit[] = [];
  const counts = { empty: 0, refreshed: 0, fixed: 0, kept: 0, none: 0 };
  for (const sheet of input.model.sheets) {
    const s = snapshotOf(input, sheet.sheet);
    const style = rateStyle(sheet, s, input.analysis.rounding[sheet.sheet] ?? { mode: 'half-up', decimals: 1 });
    for (const kpi of sheet.kpis) {
      const assessment = input.analysis.kpis[kpi.id];
      for (const yc of sheet.tables[kpi.tableIndex].columns.years) {
        const rate = assessment?.rates.get(yc.year) ?? null;
        if (rate === null) {
          if (kpi.actuals.get(yc.year)?.kind === 'number') counts.none++;
          continue;
        }
        const printed = kpi.printedRates.get(yc.year);
        // the year's rate cell as the layout places it; none where the layout has no rate cell
        const cell = rateCell(sheet, kpi, yc.year, yc.col);
        if (!cell) continue;
        const { row, col } = cell;
        if (printed?.kind === 'none') continue;
        const mine = owned.get(ownedKey(sheet.sheet, row, col));
        const isMine = !!mine && sameContent(s, row, col, mine.formula ? { formula: mine.formula } : { value: mine.value });
        const isWrong = !!options.fix && wrong.has(`${sheet.sheet}!${cellAddress(row, col)}`);
        const empty = isEmptyAt(s, row, col);
        if (!empty && !isMine && !isWrong) {
          counts.kept++;
          continue;
        }
        const rounded = roundRate(rate, style.decimals, style.mode);
        const formula = style.storage === 'number' ? rateFormula(kpi, yc.year, assessment.method, s, style) : null;
        const content: CellContent = formula
          ? { formula, value: rounded, numberFormat: style.numberFormat }
          : style.storage === 'text'
            ? { value: formatRate(rate, style.decimals, style.mode) }
            : { value: rounded, numberFormat: style.numberFormat };
        if (sameContent(s, row, col, content)) continue;
        const about = { kpi: kpi.name, year: kpiYearLabel(sheet, kpi, yc.year), field: 'rate' as const };
        edits.push({ kind: 'setCell', sheet: sheet.sheet, row, col, expect: expectationAt(s, row, col), content, about });
        if (empty) counts.empty++;
        else if (isWrong) counts.fixed++;
        else counts.refreshed++;
      }
    }
  }
  const notices: string[] = [];
  if (counts.kept && options.fix) notices.push(t(lang, 'plan.fill.kept-fix', { n: counts.kept }));
  else if (counts.kept) notices.push(t(lang, options.surface === 'cli' ? 'plan.fill.kept.cli' : 'plan.fill.kept.pane', { n: counts.kept }));
  if (counts.none) notices.push(t(lang, 'plan.fill.none', { n: counts.none }));
  return {
    command: 'fill',
    summary: t(lang, 'plan.fill.summary', { n: edits.length, empty: counts.empty, refreshed: counts.refreshed, fixed: counts.fixed }),
    edits,
    notices,
  };
}
