/**
 * Tables of one row per KPI (README "What the recogniser reads", families 1, 2, 4 and 5):
 * - row-latest: 指標名 | 現状値 (H26) | H27 実績 | 改善・悪化 | 達成度 | 目標値 (H31)
 * - row-text: 具体的な施策 | KPI(平成32年3月まで) | KPI(平成27年度) | 達成率, the KPI text repeated in
 *   the value cells ("企業立地協定締結件数 10 件")
 * - side-by-side: 成果指標名 | 単位 | 施策目標 (H27…H31) | 施策目標の達成状況 (H27…H31), merged group headers
 * - row-years: 指標名 | 基準値 | 目標値 | R1実績 | R1達成率 | R2実績 | …
 * Read only when the two-row recogniser finds nothing on the sheet, so the two-row family is untouched.
 */
import { ByYear } from '../by-year';
import type { Kpi, KpiTable, ParsedValue, PrintedGrade, PrintedRate, TableLayout, YearColumn } from '../model';
import { normalise, toHalfWidth } from '../text';
import { readNumberText } from '../values';
import { parseYearLabel, yearInText, type ParsedYear } from '../years';
import { normaliseSymbol, parseLegendText } from '../legend';
import { NO_VALUES, type Grid } from './grid';
import { classifyHeader } from './headers';
import { baselineRead, cellPlace, kpiRecord, TableRecord, targetRead } from './kpi';

type Role = 'name' | 'unit' | 'baseline' | 'target' | 'actual' | 'rate' | 'grade' | 'trend' | 'department' | 'remark' | 'context';

interface Column {
  col: number;
  role: Role;
  label: string;
  year: ParsedYear | null;
}

export interface RowHeader {
  row: number;
  rows: number;
  columns: Column[];
  firstCol: number;
  lastCol: number;
}

const ERA_BASE: Record<string, number> = { 平成: 1988, 令和: 2018, H: 1988, R: 2018 };

/** "平成32年3月まで" → FY2019 (January–March belong to the fiscal year before). */
function monthYear(text: string): ParsedYear | null {
  const m = /(平成|令和|H|R)\s*(\d{1,2}|元)\s*年\s*(\d{1,2})\s*月/.exec(toHalfWidth(text));
  if (!m) return null;
  const year = ERA_BASE[m[1]] + (m[2] === '元' ? 1 : Number(m[2])) - (Number(m[3]) <= 3 ? 1 : 0);
  return parseYearLabel(String(year));
}

function yearOf(text: string): ParsedYear | null {
  return monthYear(text) ?? yearInText(text);
}

/** What a header text (group and sub-header joined) says its column holds. */
function roleOf(text: string): Role | null {
  const n = normalise(text);
  if (n === '') return null;
  const bare = n.replace(/[(（][^)）]*[)）]/g, '').replace(/(令和|平成)(元|\d{1,2})年度?|FY\d{4}|\d{4}年度?|[RH](元|\d{1,2})(年度)?/g, '');
  if (/^単位$|^\[?単位\]?$/.test(bare)) return 'unit';
  if (/達成率|進捗率/.test(n)) return 'rate';
  if (/改善.*悪化|改善状況|前年比|前年度比/.test(n)) return 'trend';
  if (/^(達成度|評価|判定|総合評価|進捗評価|評価区分|達成区分)$/.test(bare)) return 'grade';
  if (/達成状況|実績/.test(n)) return 'actual';
  if (/目標|まで/.test(n)) return 'target';
  if (/^(基準|現状|策定時|当初|計画策定時)/.test(n)) return 'baseline';
  const known = classifyHeader(text);
  if (known === 'department') return 'department';
  if (known === 'remark') return 'remark';
  if (known === 'kpi' || /指標|KPI/i.test(n)) return yearOf(text) ? 'actual' : 'name';
  if (yearOf(text) && bare.length <= 2) return 'actual';
  if (/施策|取組|事業/.test(n)) return 'context';
  return null;
}

/** Header text of a column over one or two rows: a merged group header over its sub-headers. */
function headerText(g: Grid, row: number, rows: number, col: number): string {
  const top = g.text(row, col);
  if (rows === 1) return top;
  const bottomMaster = g.masterOf(row + 1, col);
  const bottom = bottomMaster && bottomMaster.row === row ? '' : g.text(row + 1, col);
  return top && bottom && top !== bottom ? `${top} ${bottom}` : top || bottom;
}

function readHeader(g: Grid, row: number, rows: number): RowHeader | null {
  const columns: Column[] = [];
  for (let c = g.firstCol; c <= g.lastCol; c++) {
    const label = headerText(g, row, rows, c);
    if (label === '' || (rows === 2 && g.masterOf(row, c) && g.masterOf(row, c)!.row !== row)) continue;
    const role = roleOf(label);
    if (!role) continue;
    columns.push({ col: c, role, label, year: role === 'name' || role === 'unit' || role === 'context' ? null : yearOf(label) });
  }
  const has = (r: Role) => columns.some((c) => c.role === r);
  const named = has('name') || columns.some((c) => c.role === 'actual' && /KPI|指標/i.test(c.label));
  const figures = has('actual') && (has('target') || has('rate'));
  if (!named || !figures) return null;
  // A header of one row that is really the group row of two: sub-headers with years below it.
  return { row, rows, columns, firstCol: columns[0].col, lastCol: columns[columns.length - 1].col };
}

/** The header starting at `row`, of one or two rows (merged group headers over years). */
export function rowHeaderAt(g: Grid, row: number): RowHeader | null {
  const two = row < g.lastRow ? readHeader(g, row, 2) : null;
  const one = readHeader(g, row, 1);
  const years = (h: RowHeader | null) => (h ? h.columns.filter((c) => c.year).length : -1);
  // Two rows only under a row of group headers (成果指標名 | 単位 | 施策目標 | 施策目標の達成状況), never a title above.
  const groupRow = g.rowCells(row).filter(([, t]) => roleOf(t) !== null).length >= 2;
  // ... and a row of sub-headers under it: year labels or header words, no figures ("163人")
  const sub = g.rowCells(row + 1).filter(([c]) => !g.masterOf(row + 1, c));
  const subHeaders = sub.length > 0 && sub.every(([, t]) => roleOf(t) !== null || (yearOf(t) !== null && normalise(t).length <= 8));
  if (two && groupRow && subHeaders && years(two) > years(one) && sub.some(([, t]) => yearOf(t))) return two;
  return one;
}

function layoutOf(h: RowHeader, textValues: boolean): TableLayout {
  if (h.columns.some((c) => c.role === 'target' && c.year) && h.columns.filter((c) => c.role === 'target').length > 1) return 'side-by-side';
  if (h.columns.filter((c) => c.role === 'rate').length > 1) return 'row-years';
  return textValues ? 'row-text' : 'row-latest';
}

/** "有害鳥獣による農作物年間被害額(千円)" → name and unit; "[人]" too. */
export function splitNameUnit(text: string): { name: string; unit: string | null } {
  const m = /^(.*?)\s*[(（[［]\s*([^()（）[\]［］\s]{1,6})\s*[)）\]］]\s*$/.exec(text.trim());
  if (m && m[1] !== '' && !/\d/.test(m[2]) && !/再掲|内訳|累計|延べ|H|R|年/.test(m[2])) return { name: m[1].trim(), unit: m[2] };
  return { name: text.trim(), unit: null };
}

/** A value cell of a one-row layout: "延べ 2", "約30", the KPI text before the figure ("…件数 10 件"). */
function valueAt(g: Grid, row: number, col: number): ParsedValue {
  const p = g.parsedValue(row, col);
  if (p.kind !== 'text') return p;
  const prefixed = /^(延べ|のべ|約|累計)\s*(.+)$/.exec(p.text) ?? /^(.*?[^\d,.\s])\s*([▲△-]?\d[\d,]*(?:\.\d+)?\s*[^\d\s]{0,6})$/.exec(p.text);
  const n = prefixed ? readNumberText(prefixed[2]) : null;
  return n ? { ...p, kind: 'number', value: n.value, unit: n.unit, qualifier: n.qualifier } : p;
}

/** The KPI text written before the figure in a value cell ("企業立地協定締結件数 10 件" → "企業立地協定締結件数"). */
function textBeforeFigure(text: string): string | null {
  const m = /^(.*?[^\d,.\s▲△-])\s*[▲△-]?\d[\d,]*(?:\.\d+)?\s*\S{0,8}$/.exec(text.trim());
  return m && !/^(延べ|のべ|約|累計)$/.test(m[1]) ? m[1].trim() : null;
}

function grade(g: Grid, row: number, col: number): PrintedGrade {
  const text = g.text(row, col);
  return { text, symbol: normaliseSymbol(text), row, col };
}

function yearColumn(c: Column): YearColumn {
  return { col: c.col, year: c.year!.year, label: c.label, style: c.year!.style };
}

export interface RowTable {
  table: KpiTable;
  kpis: Kpi[];
}

/** Reads the KPI rows under a one-row-per-KPI header; null when none follows. */
export function readRowTable(g: Grid, h: RowHeader, index: number, path: string[]): RowTable | null {
  const of = (r: Role) => h.columns.filter((c) => c.role === r);
  const one = (r: Role) => of(r)[0];
  const actualCols = of('actual').filter((c) => c.year);
  if (actualCols.length === 0) return null;
  const latest = actualCols.reduce((a, b) => (b.year!.year > a.year!.year ? b : a));
  const finalTarget = of('target').reduce<Column | undefined>((a, b) => (!a || (b.year?.year ?? 0) > (a.year?.year ?? 0) ? b : a), undefined);
  const nameCol = one('name')?.col ?? finalTarget?.col ?? latest.col;
  const rows: number[] = [];
  const narrative = new Map<number, string>();
  let blanks = 0;
  for (let r = h.row + h.rows; r <= g.lastRow; r++) {
    const cells = g.rowCells(r, h.firstCol, h.lastCol);
    if (cells.length === 0) {
      if (++blanks > 1) break;
      continue;
    }
    const afterBlank = blanks > 0;
    blanks = 0;
    if (rowHeaderAt(g, r)) break;
    const joined = cells.map(([, t]) => t).join(' ');
    if (parseLegendText(joined).length) break;
    const hasFigure = h.columns.some((c) => ['actual', 'target', 'baseline'].includes(c.role) && g.ownText(r, c.col) !== '' && g.masterOf(r, c.col) === null);
    if (!hasFigure) {
      // a note under the table ("※ …", or text after a blank line) ends it
      if (afterBlank || /^[※＊*注]/.test(joined)) break;
      // "≪成果と見直し≫ …" under a KPI: its narrative, not a KPI
      if (rows.length) narrative.set(rows[rows.length - 1], joined);
      continue;
    }
    rows.push(r);
  }
  if (rows.length === 0) return null;
  const textValues = rows.some((r) => [finalTarget?.col, latest.col].some((c) => c !== undefined && textBeforeFigure(g.text(r, c)) !== null));
  const layout = layoutOf(h, textValues);
  const targetYears = layout === 'side-by-side' ? of('target').filter((c) => c.year).map(yearColumn).sort((a, b) => a.year - b.year) : undefined;
  const rateCols = of('rate');
  const rateYears = layout === 'row-years' ? rateCols.filter((c) => c.year).map(yearColumn).sort((a, b) => a.year - b.year) : undefined;
  const baselineCol = one('baseline');
  const unitHeader = /\[([^\]]{1,6})\]/.exec(toHalfWidth(g.text(h.row, nameCol)))?.[1] ?? null;
  const table: KpiTable = new TableRecord(
    index,
    g.s.sheet,
    layout,
    h.row,
    h.rows,
    rows[0],
    Math.max(rows[rows.length - 1], ...[...narrative.keys()].map((r) => r + 1).filter((r) => r <= g.lastRow && narrative.has(r - 1))),
    h.firstCol,
    h.lastCol,
    {
      kpi: nameCol,
      rowLabel: null,
      baseline: baselineCol?.col ?? null,
      target: layout === 'side-by-side' ? null : finalTarget?.col ?? null,
      years: actualCols.map(yearColumn).sort((a, b) => a.year - b.year),
      cost: null,
      department: one('department')?.col ?? null,
      remark: one('remark')?.col ?? null,
      sheetNo: null,
      extra: h.columns.filter((c) => c.role === 'context' || c.role === 'unit').map((c) => ({ col: c.col, label: c.label })),
    },
    baselineCol?.year?.year ?? null,
    finalTarget?.year?.year ?? null,
    Object.fromEntries(h.columns.map((c) => [c.col, c.label])),
    path,
    targetYears,
    rateYears,
    h.columns.filter((c) => c.role === 'grade' || c.role === 'trend').map((c) => ({ col: c.col, label: c.label, kind: c.role as 'grade' | 'trend' })),
  );
  const unitCol = one('unit')?.col;
  // each list of year columns as years, made once and shared by the KPIs' year records (ByYear.ofColumns)
  const actualYears = ByYear.yearsOf(table.columns.years);
  const targetYearList = targetYears ? ByYear.yearsOf(targetYears) : null;
  const rateYearList = rateYears ? ByYear.yearsOf(rateYears) : null;
  const kpis = rows.map((r) => {
    const rawName = one('name') ? g.text(r, nameCol) : textBeforeFigure(g.text(r, nameCol)) ?? g.text(r, nameCol);
    const { name, unit: nameUnit } = splitNameUnit(rawName);
    const actuals = ByYear.ofColumns(table.columns.years, actualYears, table.columns.years.map((y) => valueAt(g, r, y.col)), r);
    const targets = targetYears ? ByYear.ofColumns(targetYears, targetYearList, targetYears.map((y) => valueAt(g, r, y.col)), r) : ByYear.onRow<ParsedValue>(r);
    const rate = (col: number) => g.parsedRate(r, col);
    const printedRates = rateYears ? ByYear.ofColumns(rateYears, rateYearList, rateYears.map((y) => rate(y.col)), r) : ByYear.onRow<PrintedRate>(r);
    if (!rateYears && rateCols.length) printedRates.set(latest.year!.year, rate(rateCols[0].col), rateCols[0].col);
    const printedGrades = new ByYear<PrintedGrade>();
    const printedTrends = new ByYear<PrintedGrade>();
    for (const c of of('grade')) printedGrades.set(c.year?.year ?? latest.year!.year, grade(g, r, c.col));
    for (const c of of('trend')) printedTrends.set(c.year?.year ?? latest.year!.year, grade(g, r, c.col));
    let target = finalTarget ? valueAt(g, r, finalTarget.col) : null;
    let targetCol = finalTarget ? finalTarget.col : null;
    let targetYear = table.targetYear;
    // side by side: the target is the last year's 施策目標 written (a year just added is still blank)
    const lastSet = [...(targetYears ?? [])].reverse().find((y) => targets.get(y.year)!.kind !== 'empty');
    if (layout === 'side-by-side' && lastSet) [target, targetYear, targetCol] = [targets.get(lastSet.year)!, lastSet.year, targets.colOf(lastSet.year)!];
    const baseline = baselineCol ? valueAt(g, r, baselineCol.col) : null;
    const unitText = unitCol !== undefined ? g.text(r, unitCol) : '';
    const cellUnit = [target, baseline, ...actuals.values].find((v) => v && v.kind === 'number' && v.unit)?.unit ?? null;
    const unit = unitText || nameUnit || unitHeader || cellUnit;
    const remarkCol = table.columns.remark;
    const remark = (remarkCol !== null ? g.text(r, remarkCol) : '') || narrative.get(r) || null;
    const kpi: Kpi = kpiRecord(
      g.kpiIdPrefix + r,
      g.s.sheet,
      index,
      name,
      cellPlace(r, nameCol),
      r,
      r,
      unit,
      'none',
      /累計|累積|延べ|通算/.test(name) || actuals.values.some((a) => /^(延べ|のべ|累計)/.test(a.text)),
      null,
      baselineRead(baseline?.annotation ? yearInText(baseline.annotation)?.year ?? table.baselineYear : table.baselineYear, baseline, baselineCol ? baselineCol.col : null),
      targetRead(targetYear, target, targetCol),
      actuals,
      printedRates,
      NO_VALUES,
      null,
      null,
      table.columns.department !== null ? g.text(r, table.columns.department) || null : null,
      remark,
      null,
      null,
      path,
      rateCols.length > 0,
      undefined,
      undefined,
      targetYears ? targets : undefined,
      printedGrades.size ? printedGrades : undefined,
      printedTrends.size ? printedTrends : undefined,
    );
    kpi.direction = directionOf(kpi);
    return kpi;
  });
  // a table of words only (a form, a list of measures) is no KPI table
  const figures = kpis.some((k) => [k.target.parsed, ...k.actuals.values].some((v) => v?.kind === 'number'));
  return figures ? { table, kpis } : null;
}

function directionOf(k: Kpi): Kpi['direction'] {
  const t = k.target.parsed;
  if (!t || t.kind !== 'number' || t.value === null) return 'none';
  if (t.qualifier === 'atLeast' || t.qualifier === 'over') return 'up';
  if (t.qualifier === 'atMost' || t.qualifier === 'under') return 'down';
  const b = k.baseline.value;
  if (b === null) return t.value > 0 ? 'up' : 'none';
  return t.value > b ? 'up' : t.value < b ? 'down' : 'none';
}
