/** Reads one KPI table: the header row, then KPI pairs (実績値 row + 達成率 row) until something else. */
import { ByYear } from '../by-year';
import type { Direction, Kpi, KpiTable, ParsedValue, PlacedValue, PrintedGrade, PrintedRate, TableColumns, YearColumn } from '../model';
import { cellText, keptByNormalise, keptOrSpaces, normalise, toHalfWidth } from '../text';
import { yearInText } from '../years';
import { NO_VALUES, type Grid } from './grid';
import { headerAt, type HeaderRow } from './headers';
import { splitNameUnit } from './rows';
import { normaliseSymbol } from '../legend';
import { baselineRead, cellPlace, kpiRecord, SingleReads, TableRecord } from './kpi';

const ACTUAL_LABEL = /^(実績値?|実績値\(.*\))$/;
const RATE_LABEL = /^(達成率|達成度|進捗率)/;
/** 目安値 / 期待値 rows: the value expected in a year on the way to the target, next to a pair. */
const EXPECTED_LABEL = /^(目安値?|期待値|計画値|見込み?値?|目標値)/;
/** 評価 rows of a block (one block per KPI: 期待値 / 実績値 / 達成率 / 評価). */
const GRADE_LABEL = /^(評価|判定|達成度|評価区分)$/;

/**
 * Whether normalise(text) may start with 実 (ACTUAL_LABEL's first character): false when the text (own
 * text, trimmed) starts with another character normalise() keeps, such as a KPI name's or a figure's.
 */
function mayStartWithActual(text: string): boolean {
  const first = text.charCodeAt(0);
  return first === 0x5b9f || !keptByNormalise(first);
}

/** The column holding 実績値 / 達成率 labels: a header role, or found in the first data rows. */
function findRowLabelColumn(g: Grid, h: HeaderRow): number | null {
  const fromHeader = h.roles.get('rowLabel');
  if (fromHeader !== undefined) return fromHeader;
  const from = Math.max(h.firstCol, g.firstCol);
  const to = Math.min(h.lastCol, g.lastCol);
  for (let r = h.row + h.rows; r <= Math.min(h.row + h.rows + 5, g.lastRow); r++) {
    for (let col = from; col <= to; col++) {
      const text = g.ownText(r, col);
      if (text !== '' && mayStartWithActual(text) && ACTUAL_LABEL.test(normalise(text))) return col;
    }
  }
  return null;
}

/** Leftmost column holding names: the KPI header, else the first column left of everything known. */
function kpiColumn(h: HeaderRow): number {
  return h.roles.get('kpi') ?? h.firstCol;
}

interface Pair {
  row: number;
  rateRow: number;
  /** A 目安値 row before the 実績値 row or after the 達成率 row. */
  expectedRow?: number;
  /** A 評価 row after the group (block layout). */
  gradeRow?: number;
}

/** A pair, its fields always present in one order (one object shape; gradeRow set by findPairs). */
function pairOf(row: number, rateRow: number, expectedRow: number | undefined): Pair {
  return { row, rateRow, expectedRow, gradeRow: undefined };
}

/** Bits of labelKinds: which row label patterns a label text matches. */
const EXPECTED = 1;
const ACTUAL = 2;
const RATE = 4;
const GRADE = 8;

// A table's label column repeats a few texts (実績値, 達成率) on every KPI: each is matched once (bounded).
const labelKindsOf = new Map<string, number>();

/** Which of EXPECTED_LABEL, ACTUAL_LABEL, RATE_LABEL and GRADE_LABEL normalise(text) matches, as bits. */
function labelKinds(text: string): number {
  let kinds = labelKindsOf.get(text);
  if (kinds === undefined) {
    if (labelKindsOf.size > 10_000) labelKindsOf.clear();
    const n = normalise(text);
    kinds = (EXPECTED_LABEL.test(n) ? EXPECTED : 0) | (ACTUAL_LABEL.test(n) ? ACTUAL : 0) | (RATE_LABEL.test(n) ? RATE : 0) | (GRADE_LABEL.test(n) ? GRADE : 0);
    labelKindsOf.set(text, kinds);
  }
  return kinds;
}

/** Whether the label cell of `row` (within the sheet) matches the pattern of `kind` (a labelKinds bit). */
function labelIs(g: Grid, labelCol: number, kind: number, row: number): boolean {
  return row <= g.lastRow && (labelKinds(g.text(row, labelCol)) & kind) !== 0;
}

/**
 * A labelled KPI group at r: 実績値 + 達成率, with a 目安値 row before or after it (three rows, else two). Where the 目安値
 * row goes is settled by the table's first group, since "A R E A R E" and "E A R E A R" overlap.
 */
function labelledGroup(g: Grid, labelCol: number, r: number, mode: { expected: 'before' | 'after' | null }): Pair | null {
  if (mode.expected !== 'after' && labelIs(g, labelCol, EXPECTED, r) && labelIs(g, labelCol, ACTUAL, r + 1) && labelIs(g, labelCol, RATE, r + 2)) {
    mode.expected = 'before';
    return pairOf(r + 1, r + 2, r);
  }
  if (!labelIs(g, labelCol, ACTUAL, r) || !labelIs(g, labelCol, RATE, r + 1)) return null;
  if (mode.expected !== 'before' && labelIs(g, labelCol, EXPECTED, r + 2)) {
    mode.expected = 'after';
    return pairOf(r, r + 1, r + 2);
  }
  return pairOf(r, r + 1, undefined);
}

function isRateRowShape(g: Grid, row: number, h: HeaderRow): boolean {
  let rates = 0;
  for (const y of h.years) {
    const p = g.parsedRate(row, y.col);
    if (p.kind === 'rate') rates++;
    else if (p.kind === 'text') return false;
  }
  return rates > 0 || g.isBlankRow(row, h.years[0].col, h.years[h.years.length - 1].col);
}

/** Columns holding a KPI's figures (baseline, target, years). */
function valueColumns(h: HeaderRow): number[] {
  return [h.roles.get('baseline'), h.roles.get('target'), ...h.years.map((y) => y.col)].filter((c): c is number => c !== undefined);
}

/**
 * Without a label column a pair is a named row with figures, then a row without a name of its own
 * (or the same name) holding rates; a name merged over both rows is enough on its own.
 */
function isUnlabelledPair(g: Grid, h: HeaderRow, r: number, nameCol: number): boolean {
  const own = g.ownText(r, nameCol);
  if (own === '') return false;
  const master = g.masterOf(r + 1, nameCol);
  if (master && master.row === r) return true;
  const next = g.ownText(r + 1, nameCol);
  if (next !== '' && next !== own) return false;
  const hasFigures = valueColumns(h).some((c) => g.ownText(r, c) !== '');
  return hasFigures && isRateRowShape(g, r + 1, h);
}

/** findPairs' scratch list, and what it holds between calls (no pair). */
const pairScratch: Pair[] = [];
const NO_PAIR: Pair = pairOf(0, 0, undefined);

/** Finds the KPI pairs below a header row. */
export function findPairs(g: Grid, h: HeaderRow, labelCol: number | null): Pair[] {
  // found into a scratch list and returned right-sized (slice): a list grown by push keeps room for 17
  const pairs = pairScratch;
  let n = 0;
  const nameCol = kpiColumn(h);
  const mode: { expected: 'before' | 'after' | null } = { expected: null };
  let r = h.row + h.rows;
  let blanks = 0;
  while (r < g.lastRow + 1) {
    if (g.isBlankRow(r, h.firstCol, h.lastCol)) {
      if (++blanks > 2) break; // tables in the wild have a stray blank line, not three
      r++;
      continue;
    }
    if (headerAt(g, r, h.firstCol, h.lastCol)) break;
    blanks = 0;
    if (labelCol !== null) {
      const pair = labelledGroup(g, labelCol, r, mode);
      if (!pair) break;
      // the group's rows: 実績値 and 達成率, and a 目安値 row before or after them
      r += pair.expectedRow !== undefined ? 3 : 2;
      if (labelIs(g, labelCol, GRADE, r)) pair.gradeRow = r++;
      pairs[n++] = pair;
      continue;
    }
    // No label column: a named row followed by a row with no name of its own (or the same name) and rates.
    if (r + 1 <= g.lastRow && isUnlabelledPair(g, h, r, nameCol)) {
      pairs[n++] = pairOf(r, r + 1, undefined);
      r += 2;
      continue;
    }
    break;
  }
  const found = pairs.slice(0, n);
  // the scratch list keeps no pair alive
  pairs.fill(NO_PAIR, 0, n);
  return found;
}

function directionOf(baseline: ParsedValue | null, target: ParsedValue | null): Direction {
  if (!target || target.kind !== 'number' || target.value === null) return 'none';
  if (target.qualifier === 'atLeast' || target.qualifier === 'over') return 'up';
  if (target.qualifier === 'atMost' || target.qualifier === 'under') return 'down';
  if (!baseline || baseline.kind === 'none' || baseline.kind === 'empty') return target.value > 0 ? 'up' : 'none';
  if (baseline.kind !== 'number' || baseline.value === null) return 'none';
  if (target.value > baseline.value) return 'up';
  if (target.value < baseline.value) return 'down';
  return 'none';
}

// KPI names and remarks repeat across tables: read each text's start year once (bounded).
const cumulativeStarts = new Map<string, number | null>();

/** "(H27～累計)" → 2015; "R2～累計" → 2020. */
export function cumulativeStart(text: string): number | null {
  // Both patterns need a wave dash (~ ～ 〜): a text of kept units and spaces without "~" has none after
  // NFKC either (most KPI names that say 累計 or 延べ: no NFKC, no backtracking pattern, no cache entry).
  if (keptOrSpaces(text) && !text.includes('~')) return null;
  let y = cumulativeStarts.get(text);
  if (y === undefined) {
    if (cumulativeStarts.size > 50_000) cumulativeStarts.clear();
    cumulativeStarts.set(text, (y = readCumulativeStart(text)));
  }
  return y;
}

const RANGE_TO_CUMULATIVE = /([^\s(（~～〜]+)\s*[~～〜]\s*(累計|累積|延べ|通算)/;
const OPEN_RANGE = /[(（]\s*([^\s()（）~～〜]+)\s*[~～〜]\s*[)）]/;

function readCumulativeStart(text: string): number | null {
  const t = text.normalize('NFKC');
  // "(H27～累計)", or an open range "(R1～)" on a name that says 延べ / 累計 elsewhere.
  const m = RANGE_TO_CUMULATIVE.exec(t.slice(rangeSearchStart(t))) ?? OPEN_RANGE.exec(t);
  if (!m) return null;
  return yearInText(m[1])?.year ?? null;
}

/**
 * Where RANGE_TO_CUMULATIVE's first match may start at the earliest: after the last bracket before the
 * first wave dash (its figure holds neither, and only spaces stand between the figure and its wave
 * dash). Searched from there, the pattern does not backtrack over the whole KPI name at every position.
 */
function rangeSearchStart(t: string): number {
  let start = 0;
  for (let i = 0; i < t.length; i++) {
    const code = t.charCodeAt(i);
    if (code === 0x7e || code === 0xff5e || code === 0x301c) return start; // ~ ～ 〜
    if (code === 0x28 || code === 0xff08) start = i + 1; // ( （
  }
  return t.length;
}

function sheetNoText(g: Grid, row: number, col: number): string | null {
  const v = g.value(row, col);
  if (typeof v === 'number') {
    const fmt = g.numberFormat(row, col);
    const pad = fmt && /^0+$/.test(fmt) ? fmt.length : 0;
    return String(v).padStart(pad, '0');
  }
  const t = toHalfWidth(cellText(v)).trim();
  return t === '' ? null : t;
}

function optionalText(g: Grid, row: number, col: number | undefined): string | null {
  if (col === undefined) return null;
  const t = g.text(row, col);
  return t === '' ? null : t;
}

/** The cell holding the KPI's name (its text is the cell's own): the name cell's merge, else the first of its rows with a name. */
function kpiNameCell(g: Grid, p: Pair, nameCol: number): { row: number; col: number } {
  const m = g.masterOf(p.row, nameCol);
  if (m) return cellPlace(m.row, m.col);
  return nameIn(g, p.row, nameCol) ?? (p.expectedRow !== undefined ? nameIn(g, p.expectedRow, nameCol) : null) ?? nameIn(g, p.rateRow, nameCol) ?? cellPlace(p.row, nameCol);
}

function nameIn(g: Grid, row: number, nameCol: number): { row: number; col: number } | null {
  const m = g.masterOf(row, nameCol);
  if (m) return g.ownText(m.row, m.col) === '' ? null : cellPlace(m.row, m.col);
  return g.ownText(row, nameCol) === '' ? null : cellPlace(row, nameCol);
}

/** Whether a labelled table is a block: a group has a 評価 row, or a 目安値 row labelled 期待値 (a loop: pairs.some's closure was a context per table). */
function isBlock(g: Grid, pairs: Pair[], labelCol: number): boolean {
  for (let i = 0; i < pairs.length; i++) {
    const p = pairs[i];
    if (p.gradeRow !== undefined || (p.expectedRow !== undefined && /^期待値/.test(normalise(g.text(p.expectedRow, labelCol))))) return true;
  }
  return false;
}

export interface ReadTable {
  table: KpiTable;
  kpis: Kpi[];
}

/** Reads the table under header row h; null when no KPI pair follows it. */
export function readTable(g: Grid, h: HeaderRow, index: number, path: string[]): ReadTable | null {
  const labelCol = findRowLabelColumn(g, h);
  const pairs = findPairs(g, h, labelCol);
  if (pairs.length === 0) return null;
  const sheet = g.s.sheet;
  const nameCol = kpiColumn(h);
  // A block: its 期待値 are the year's targets and a 評価 row follows (README, family 3).
  const block = labelCol !== null && isBlock(g, pairs, labelCol);
  const table: KpiTable = new TableRecord(
    index,
    sheet,
    block ? 'block' : 'two-row',
    h.row,
    h.rows,
    Math.min(pairs[0].row, pairs[0].expectedRow ?? Infinity),
    Math.max(pairs[pairs.length - 1].rateRow, pairs[pairs.length - 1].expectedRow ?? 0, pairs[pairs.length - 1].gradeRow ?? 0),
    Math.min(h.firstCol, nameCol),
    h.lastCol,
    columnsOf(h, labelCol, nameCol),
    h.baselineYear?.year ?? null,
    h.targetYear?.year ?? null,
    h.headers,
    path,
    undefined,
    undefined,
    undefined,
  );
  const kpis: Kpi[] = new Array<Kpi>(pairs.length);
  // the KPIs' year records share one list of the table's years (ByYear.ofColumns), and tables under
  // one remembered header (readHeaderRow) share its years and so one list
  const years = yearListOf(h.years);
  let reads = singleReads.get(g);
  if (reads === undefined) singleReads.set(g, (reads = new SingleReads()));
  for (let i = 0; i < pairs.length; i++) kpis[i] = readKpi(g, table, pairs[i], path, years, reads);
  if (block) for (let i = 0; i < kpis.length; i++) asBlock(g, table, kpis[i], pairs[i], years);
  return { table, kpis };
}

/** The columns of the tables under one remembered header (its roles, years and extra) by label and name column. */
const columnsByHeader = new WeakMap<HeaderRow['roles'], TableColumns[]>();

/**
 * The roles of a table's columns: one object for the tables under one remembered header (readHeaderRow)
 * with the same label and name column (a sheet of thousands of tables repeats a few headers; the model
 * never changes a table's columns).
 */
function columnsOf(h: HeaderRow, labelCol: number | null, nameCol: number): TableColumns {
  let known = columnsByHeader.get(h.roles);
  if (known === undefined) columnsByHeader.set(h.roles, (known = []));
  for (let i = 0; i < known.length; i++) {
    const c = known[i];
    if (c.rowLabel === labelCol && c.kpi === nameCol && c.years === h.years) return c;
  }
  const c: TableColumns = {
    kpi: nameCol,
    rowLabel: labelCol,
    baseline: h.roles.get('baseline') ?? null,
    target: h.roles.get('target') ?? null,
    years: h.years,
    cost: h.roles.get('cost') ?? null,
    department: h.roles.get('department') ?? null,
    remark: h.roles.get('remark') ?? null,
    sheetNo: h.roles.get('sheetNo') ?? null,
    extra: h.extra.filter((e) => e.col !== labelCol && e.col !== nameCol),
  };
  known.push(c);
  return c;
}

/** Per grid, its KPIs' baselines and targets (kpi.ts). */
const singleReads = new WeakMap<Grid, SingleReads>();

/** ByYear.yearsOf of a header's year columns, made once per list of year columns (never changed). */
const yearLists = new WeakMap<readonly YearColumn[], number[] | null>();

function yearListOf(columns: readonly YearColumn[]): number[] | null {
  let years = yearLists.get(columns);
  if (years === undefined) yearLists.set(columns, (years = ByYear.yearsOf(columns)));
  return years;
}

/** Block fields: name without its [単位], unit from it, 期待値 as per-year targets, the 評価 row's grades. */
function asBlock(g: Grid, t: KpiTable, k: Kpi, p: Pair, years: number[] | null): void {
  const { name, unit } = splitNameUnit(k.name);
  const header = /\[([^\]]{1,6})\]/.exec(toHalfWidth(t.headers[t.columns.kpi] ?? ''))?.[1];
  k.name = name;
  k.unit = unit ?? (header && header !== '単位' ? header : null) ?? k.unit;
  if (k.expected) k.targets = k.expected;
  // a new baseline: the one read may be shared (SingleReads)
  if (k.baseline.year === null && k.baseline.parsed?.annotation) k.baseline = baselineRead(yearInText(k.baseline.parsed.annotation)?.year ?? null, k.baseline.parsed, k.baseline.col);
  if (p.gradeRow !== undefined) {
    k.gradeRow = p.gradeRow;
    const grades: PrintedGrade[] = [];
    for (const y of t.columns.years) {
      const text = g.text(p.gradeRow, y.col);
      grades.push({ text, symbol: normaliseSymbol(text), row: p.gradeRow, col: y.col });
    }
    k.printedGrades = ByYear.ofColumns(t.columns.years, years, grades);
  }
}

/**
 * Scratch lists readKpi reads a KPI's year values into before copying them into right-sized lists
 * (slice): a list grown by push keeps room for 17 values, and a model keeps two per KPI.
 */
const actualScratch: ParsedValue[] = [];
const rateScratch: PrintedRate[] = [];

function readKpi(g: Grid, t: KpiTable, p: Pair, path: string[], years: number[] | null, reads: SingleReads): Kpi {
  const c = t.columns;
  const nameCell = kpiNameCell(g, p, c.kpi);
  const name = g.ownText(nameCell.row, nameCell.col);
  const baseline = c.baseline !== null ? g.parsedValue(p.row, c.baseline) : null;
  const target = c.target !== null ? g.parsedValue(p.row, c.target) : null;
  const n = c.years.length;
  const expectedList: ParsedValue[] | null = p.expectedRow !== undefined ? [] : null;
  // indexed, not for-of: a cold run (check's one) reads the first thousands of KPIs unoptimised, where for-of
  // makes an iterator and a result object per year
  for (let i = 0; i < n; i++) {
    const col = c.years[i].col;
    actualScratch[i] = g.parsedValue(p.row, col);
    if (expectedList) expectedList.push(g.parsedValue(p.expectedRow!, col));
    rateScratch[i] = g.parsedRate(p.rateRow, col);
  }
  const actuals = ByYear.ofColumns(c.years, years, actualScratch.slice(0, n), p.row);
  const printedRates = ByYear.ofColumns(c.years, years, rateScratch.slice(0, n), p.rateRow);
  const expected = expectedList ? ByYear.ofColumns(c.years, years, expectedList, p.expectedRow!) : undefined;
  // a list only for the few KPIs with something there
  const otherBaseline = c.baseline !== null && g.ownText(p.rateRow, c.baseline) !== '';
  const otherTarget = c.target !== null && g.ownText(p.rateRow, c.target) !== '';
  let rateRowOther: readonly PlacedValue[] = NO_VALUES;
  if (otherBaseline || otherTarget) {
    const list: PlacedValue[] = [];
    if (otherBaseline) list.push(g.placedValue(p.rateRow, c.baseline!));
    if (otherTarget) list.push(g.placedValue(p.rateRow, c.target!));
    // frozen as NO_VALUES is: a list of another map in the field made the optimised code that stores it
    // (readKpi, inlined up to recogniseGrid) throw itself away when the first such KPI came
    rateRowOther = Object.freeze(list);
  }
  const remark = optionalText(g, p.row, c.remark ?? undefined);
  const firstUnit = unitOf(target) ?? unitOf(baseline) ?? firstActualUnit(actuals);
  const cumulative = /累計|累積|延べ|通算/.test(name);
  return kpiRecord(
    g.kpiIdPrefix + p.row,
    t.sheet,
    t.index,
    name,
    nameCell,
    p.row,
    p.rateRow,
    firstUnit,
    directionOf(baseline, target),
    cumulative,
    cumulative ? cumulativeStart(name) ?? (remark ? cumulativeStart(remark) : null) : null,
    reads.baseline(t.baselineYear, baseline, c.baseline),
    reads.target(t.targetYear, target, c.target),
    actuals,
    printedRates,
    rateRowOther,
    c.cost !== null ? g.parsedValue(p.row, c.cost) : null,
    c.cost,
    optionalText(g, p.row, c.department ?? undefined),
    remark,
    c.sheetNo !== null ? sheetNoText(g, p.row, c.sheetNo) : null,
    c.sheetNo !== null ? cellPlace(p.row, c.sheetNo) : null,
    path,
    undefined,
    expected ? p.expectedRow : undefined,
    expected,
    undefined,
    undefined,
    undefined,
  );
}

/** The unit of a number with one ([target, baseline, ...actuals].find's order). */
function unitOf(v: ParsedValue | null): string | null {
  return v && v.kind === 'number' && v.unit ? v.unit : null;
}

/** First actual with a unit, in year order ([target, baseline, ...actuals].find's order). */
function firstActualUnit(actuals: ByYear<ParsedValue>): string | null {
  const vs = actuals.values;
  for (let i = 0; i < vs.length; i++) {
    const u = unitOf(vs[i]);
    if (u !== null) return u;
  }
  return null;
}
