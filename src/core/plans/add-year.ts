/**
 * add-year: inserts the next fiscal-year column right after the newest year column of every KPI table
 * of the sheet: header in the sheet's own style (R6 → R7, 2024年度 → 2025年度, H31 → R2), formats,
 * borders and merges from the neighbouring year column, rate formulas carried over. A table that
 * already has the year is left alone and reported. Every year insert carries `widen`: ranges over the
 * table ending at the newest year take the new year too (WIDEN in ../plan.ts says why).
 */
import { t } from '../catalogue';
import type { Kpi, KpiTable, YearColumn, YearLabelStyle } from '../model';
import { cellAddress, formulaAt, valueAt, type CellRange, type GridSnapshot } from '../snapshot';
import type { CellEdit, EditPlan, EditSubject } from '../plan';
import { translateFormula } from '../formula-refs';
import { formatYearLabel } from '../years';
import { snapshotOf, type PlanInput } from './context';

/** The label of `year` in the style of an earlier label; Heisei labels continue in Reiwa. */
export function nextYearLabel(year: number, style: YearLabelStyle): string {
  if (style.era === 'H' && year >= 2019) {
    const kanji = style.template.includes('平成');
    const template = style.template.replace('平成', '令和').replace(/^H/, 'R');
    return formatYearLabel(year, { ...style, era: 'R', template, gannen: style.gannen || kanji });
  }
  return formatYearLabel(year, style);
}

/** Header merges ending at the newest year column (a 実績値 group over the years): they widen too. */
function groupMerges(s: GridSnapshot, table: KpiTable, col: number): CellRange[] {
  const last = table.headerRow + (table.headerRows ?? 1) - 1;
  return s.merges.filter((m) => m.right === col && m.left < col && m.top >= table.headerRow && m.bottom <= last);
}

function newestYear(table: KpiTable) {
  return table.columns.years.reduce((a, b) => (b.year > a.year ? b : a));
}

function newestOf(cols: YearColumn[]): YearColumn {
  return cols.reduce((a, b) => (b.year > a.year ? b : a));
}

/** The newest year's columns of a one-row layout with two per year: 実績 + 達成率, or 施策目標 + 達成状況. */
function pairedColumns(table: KpiTable): number[] {
  const second = table.layout === 'row-years' ? table.rateYears : table.targetYears;
  return [newestOf(table.columns.years).col, ...(second?.length ? [newestOf(second).col] : [])];
}

/** "R2実績" → "R3実績", "H30" → "H31": the header cell's own text with its year written as the next year. */
function nextHeader(c: YearColumn, own: string): string {
  const next = nextYearLabel(c.year + 1, c.style);
  const now = formatYearLabel(c.year, c.style);
  return own.includes(now) ? own.replace(now, next) : next;
}

/**
 * The next year in a one-row layout: a new 実績 column and a new 達成率 column after R2達成率
 * (row-years), or a new target column after the newest 施策目標 and a new actual column after the
 * newest 達成状況 (side-by-side), with their group headers widened.
 */
function pairedYearEdits(s: GridSnapshot, sheet: string, tables: KpiTable[]): CellEdit[] {
  const t = tables[0];
  const edits: CellEdit[] = [];
  const labelRow = t.headerRow + (t.headerRows ?? 1) - 1;
  const actual = newestOf(t.columns.years);
  // what each edit is about, for the change lists: the new year's column, header and header merges
  const year = nextYearLabel(actual.year + 1, actual.style);
  const column: EditSubject = { year, field: 'year-column' };
  const merged: EditSubject = { year, field: 'year-header-merge' };
  const header = (at: number, c: YearColumn) => tables.map((x): CellEdit => ({
    kind: 'setCell', sheet, row: x.headerRow + (x.headerRows ?? 1) - 1, col: at, expect: { value: null, formula: null },
    content: { value: typeof valueAt(s, labelRow, c.col) === 'number' ? c.year + 1 : nextHeader(c, String(valueAt(s, labelRow, c.col) ?? c.label)) },
    about: { year, field: 'year-header' },
  }));
  if (t.layout === 'row-years' && t.rateYears?.length) {
    const rate = newestOf(t.rateYears);
    const at = Math.max(actual.col, rate.col) + 1;
    // the pair keeps its order: 実績 then 達成率, formats from the newest pair
    edits.push({ kind: 'insertColumn', sheet, col: at, formatFrom: rate.col, about: column, widen: true });
    edits.push({ kind: 'insertColumn', sheet, col: at, formatFrom: actual.col, about: column, widen: true });
    edits.push(...header(at, actual), ...header(at + 1, rate));
    return edits;
  }
  const target = t.targetYears?.length ? newestOf(t.targetYears) : null;
  // every step in the coordinates of the sheet as it is by then: the group headers are unmerged
  // first (a format copy onto the new column must not cut a merged area: Excel refuses it, as its UI
  // does), then both columns inserted leftmost first, then the groups merged again one column wider,
  // then the new year's labels written
  const steps = [actual, ...(target ? [target] : [])].sort((a, b) => a.col - b.col).map((c, i) => ({ c, from: c.col + i, at: c.col + i + 1, shift: i }));
  const groups = steps.map(({ c, at, shift }) => ({ at, shift, ranges: groupMerges(s, t, c.col) }));
  for (const { ranges } of groups) for (const range of ranges) edits.push({ kind: 'unmerge', sheet, range, about: merged });
  for (const { from, at } of steps) edits.push({ kind: 'insertColumn', sheet, col: at, formatFrom: from, about: column, widen: true });
  for (const { at, shift, ranges } of groups) {
    for (const range of ranges) edits.push({ kind: 'merge', sheet, range: { ...range, left: range.left + shift, right: at }, about: merged });
  }
  for (const { c, at } of steps) edits.push(...header(at, c));
  return edits;
}

export interface AddYearOptions {
  /** The fiscal year to add (western); default: the year after each table's newest. */
  year?: number;
  /**
   * Add the next year even though the newest year column has no actuals yet (R7 added, still empty).
   * Without it, or an explicit `year`, such a table is left alone: a second click must not add R8.
   */
  confirmed?: boolean;
}

/**
 * True when adding a year would add a second empty one: the newest year column holds no actual of
 * any KPI and lies past the plan's period (after every target year: R7 added after 目標値 (R6)), or,
 * where no target year is known, the year before it is empty too. Empty plan years up to the target
 * (R3–R6 of a mid-plan edition) are the ordinary state and do not count.
 */
function newestIsEmpty(table: KpiTable, sheet: { tables: KpiTable[]; kpis: Kpi[] }): boolean {
  // tables sharing the newest column get one inserted column: one actual in any of them opens the year
  const col = newestYear(table).col;
  const shared = new Set(sheet.tables.filter((t) => t.columns.years.length && newestYear(t).col === col).map((t) => t.index));
  const own = sheet.kpis.filter((k) => shared.has(k.tableIndex));
  const empty = (year: number) => own.every((k) => (k.actuals.get(year)?.kind ?? 'empty') === 'empty');
  const years = [...new Set(table.columns.years.map((y) => y.year))].sort((a, b) => b - a);
  if (own.length === 0 || !empty(years[0])) return false;
  const targets = own.map((k) => k.target.year).filter((y): y is number => y !== null);
  if (targets.length) return years[0] > Math.max(...targets);
  return years.length > 1 && empty(years[1]);
}

/**
 * The newest year labels ("R7") of tables whose newest year column is still empty: adding the next
 * year there needs the user's explicit yes (pane), an explicit year or --force (CLI), never the ribbon.
 */
export function emptyNewestYears(input: PlanInput): string[] {
  const labels = input.model.sheets.flatMap((sheet) =>
    sheet.tables.filter((t) => t.columns.years.length > 0 && newestIsEmpty(t, sheet)).map((t) => newestYear(t).label),
  );
  return [...new Set(labels)];
}

export function planAddYear(input: PlanInput, options: AddYearOptions = {}): EditPlan {
  const { lang } = input;
  const edits: CellEdit[] = [];
  const notices: string[] = [];
  const added: string[] = [];
  for (const sheet of input.model.sheets) {
    const s = snapshotOf(input, sheet.sheet);
    // tables sharing the insertion column get one inserted column; rightmost first keeps coordinates valid
    const groups = new Map<number, KpiTable[]>();
    const paired = new Map<string, KpiTable[]>();
    for (const table of sheet.tables) {
      if (table.columns.years.length === 0) continue;
      const newest = newestYear(table);
      const next = options.year ?? newest.year + 1;
      if (next !== newest.year + 1 && !table.columns.years.some((y) => y.year === next)) {
        notices.push(t(lang, 'plan.add-year.not-next', { sheet: sheet.sheet, table: table.index + 1, row: table.headerRow, newest: newest.label, next }));
        continue;
      }
      if (table.columns.years.some((y) => y.year === next)) {
        notices.push(t(lang, 'plan.add-year.exists', { sheet: sheet.sheet, table: table.index + 1, row: table.headerRow, next }));
        continue;
      }
      if (options.year === undefined && !options.confirmed && newestIsEmpty(table, sheet)) {
        const why = t(lang, 'plan.add-year.newest-empty', { newest: newest.label, next: nextYearLabel(next, newest.style) });
        if (!notices.includes(why)) notices.push(why);
        continue;
      }
      const layout = table.layout ?? 'two-row';
      if (layout === 'row-latest' || layout === 'row-text') {
        notices.push(t(lang, 'plan.add-year.latest-only', { sheet: sheet.sheet, table: table.index + 1, row: table.headerRow }));
        continue;
      }
      if (layout === 'row-years' || layout === 'side-by-side') {
        const key = pairedColumns(table).join(',');
        paired.set(key, [...(paired.get(key) ?? []), table]);
        continue;
      }
      groups.set(newest.col, [...(groups.get(newest.col) ?? []), table]);
    }
    // one-row layouts with two columns per year: both columns, rightmost first
    for (const tables of paired.values()) {
      edits.push(...pairedYearEdits(s, sheet.sheet, tables));
      for (const t of tables) added.push(`${sheet.sheet} ${t.headerRow}`);
    }
    for (const col of [...groups.keys()].sort((a, b) => b - a)) {
      const at = col + 1;
      // a whole column is inserted: a table laid out otherwise would get a blank column inside it
      const crossed = sheet.tables.filter((t) => !groups.get(col)!.includes(t) && t.firstCol < at && at <= t.lastCol);
      if (crossed.length) {
        const names = crossed.map((x) => t(lang, 'plan.add-year.table', { index: x.index + 1, row: x.headerRow })).join(t(lang, 'list.separator'));
        notices.push(t(lang, 'plan.add-year.split', { sheet: sheet.sheet, column: cellAddress(1, at).replace(/\d+$/, ''), tables: names, count: groups.get(col)!.length }));
        continue;
      }
      const first = newestYear(groups.get(col)![0]);
      edits.push({ kind: 'insertColumn', sheet: sheet.sheet, col: at, formatFrom: col, widen: true, about: { year: nextYearLabel(first.year + 1, first.style), field: 'year-column' } });
      for (const table of groups.get(col)!) {
        const newest = newestYear(table);
        const labelRow = table.headerRow + (table.headerRows ?? 1) - 1;
        const numeric = typeof valueAt(s, labelRow, col) === 'number';
        const year = nextYearLabel(newest.year + 1, newest.style);
        const label = numeric ? newest.year + 1 : year;
        const merged: EditSubject = { year, field: 'year-header-merge' };
        for (const range of groupMerges(s, table, col)) {
          edits.push({ kind: 'unmerge', sheet: sheet.sheet, range, about: merged }, { kind: 'merge', sheet: sheet.sheet, range: { ...range, right: at }, about: merged });
        }
        edits.push({ kind: 'setCell', sheet: sheet.sheet, row: labelRow, col: at, expect: { value: null, formula: null }, content: { value: label }, about: { year, field: 'year-header' } });
        for (const kpi of sheet.kpis.filter((k) => k.tableIndex === table.index)) {
          const f = formulaAt(s, kpi.rateRow, col);
          if (f) edits.push({ kind: 'setCell', sheet: sheet.sheet, row: kpi.rateRow, col: at, expect: { value: null, formula: null }, content: { formula: translateFormula(f, 1) }, about: { kpi: kpi.name, year, field: 'rate-formula' } });
        }
        added.push(`${sheet.sheet}!${cellAddress(labelRow, at)} ${label}`);
      }
    }
  }
  if (added.length === 0 && notices.length === 0) notices.push(t(lang, 'plan.add-year.no-year-table'));
  return {
    command: 'add-year',
    summary: t(lang, 'plan.add-year.summary', { n: added.length }),
    edits,
    notices,
  };
}
