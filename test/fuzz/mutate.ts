/**
 * The mutation model of the fuzz test: a case is a window of the bundled sample's KPI tables, a list
 * of mutations (rows/columns inserted, deleted, swapped; cells replaced; merges added/removed; tables
 * duplicated or cut short; headers misspelled) and some management sheets for `link`.
 * Positions are drawn as plain integers and taken modulo the current size, so shrinking stays valid.
 */
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import type { CellRange } from '../../src/core/snapshot';
import { cloneGrid, gridFromWorksheet, overlaps, writeGrid, type GridCell, type GridSheet } from './grid';
import { blockSheets, familyWorkbook, rowLatestSheet, rowTextSheet, rowYearsSheet, sideBySideSheet } from '../support/families/build';

export type CellSpec =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'error'; error: '#REF!' | '#DIV/0!' | '#N/A' | '#VALUE!' }
  | { kind: 'formula'; formula: string; result?: number | string }
  | { kind: 'empty' };

export type Mutation =
  | { op: 'insertRow' | 'deleteRow' | 'insertCol' | 'deleteCol'; at: number }
  | { op: 'swapRows' | 'swapCols'; a: number; b: number }
  | { op: 'setCell'; row: number; col: number; cell: CellSpec }
  | { op: 'addMerge'; row: number; col: number; height: number; width: number }
  | { op: 'removeMerge'; index: number }
  /** A note, a link or a fill put on a cell (what flag and link later meet). */
  | { op: 'decorate'; row: number; col: number; note?: string; link?: string; fill?: string }
  | { op: 'duplicateTable'; table: number; to: number }
  | { op: 'cutTable'; table: number; keep: number }
  /** Empties the printed rates of a table, so that fill has work to do. */
  | { op: 'clearRates'; table: number }
  | { op: 'misspellHeader'; table: number; col: number; how: number; char: string };

export interface FuzzCase {
  /** First KPI table of the window and how many tables it holds (0 = the whole sheet). */
  window: { from: number; count: number };
  mutations: Mutation[];
  /** Names of empty management sheets added to the workbook. */
  management: string[];
  /** A second progress sheet (the same grid) after the first, as in a sheet-per-goal workbook. */
  secondSheet?: boolean;
  /** Save and re-open the workbook after every command, as the CLI does (one process per command). */
  roundTrip?: boolean;
  /** Start from a sheet of another layout family (issue #11) instead of a window of the sample. */
  family?: FamilyName;
  /** A live edit of one KPI's year cell, re-checked alone and compared with a full re-analysis. */
  edit?: { kpi: number; year: number; rateRow: boolean; cell: CellSpec };
  /** The user's own edits between a command (`at`, index into fill/flag/link/add-year) and its undo:
   *  retyping, recolouring or appending to a note of a cell the command wrote, or typing into the
   *  column it inserted (`pick` chooses which). */
  later?: { at: number; edits: { how: 'type' | 'recolour' | 'appendNote' | 'typeInNewColumn'; pick: number }[] };
}

const DOMAIN_TEXT = [
  '-', '－', '', ' ', '68.9%', '６８．９％', '100%', '100.0%', '▲2,530', '△5', '26件', '２６件', '(4件)', '100%以上', '3件以下',
  '見直し完了', 'R7', 'R6', '令和元年度', '2024年度', 'H31', '実績値', '達成率', '目標値', '基準値', '重要業績評価指標 (KPI)',
  '=SUM(A1:A3)', '=1/0', '+1', '@A1', '#REF!', '(内訳) 何か', '(再掲) 新規創業件数 (H27～累計)', '1,100', '1e308', 'NaN', '∞',
];
const HEADER_CHARS = ['値', '植', '標', '年', '度', ' ', '　', '(', '）', 'Ｒ', '7', 'ー', '※'];

const fullWidth = (s: string): string => s.replace(/[0-9A-Za-z.%,-]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

const cellSpec: fc.Arbitrary<CellSpec> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...DOMAIN_TEXT).map((text): CellSpec => ({ kind: 'text', text })) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }).map((text): CellSpec => ({ kind: 'text', text })) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }).map((text): CellSpec => ({ kind: 'text', text })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: -99999, max: 999999 }), fc.constantFrom('', '件', '人', '%', '万人', '千円', '.5'))
      .map(([n, u]): CellSpec => ({ kind: 'text', text: fullWidth(`${n}${u}`) })),
  },
  { weight: 3, arbitrary: fc.oneof(fc.integer({ min: -1e6, max: 1e7 }), fc.double({ noNaN: true, noDefaultInfinity: true })).map((value): CellSpec => ({ kind: 'number', value })) },
  { weight: 1, arbitrary: fc.constantFrom('#REF!', '#DIV/0!', '#N/A', '#VALUE!').map((error): CellSpec => ({ kind: 'error', error: error as '#REF!' })) },
  { weight: 2, arbitrary: fc.constant<CellSpec>({ kind: 'empty' }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('E11/D11', 'ROUND(F13/$D13,3)', 'SUM(C1:C3)', '#REF!+1', 'IF(E11="","",E11)', '"=text"'), fc.option(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom('', '68.9%', '#DIV/0!'))))
      .map(([formula, result]): CellSpec => (result === null ? { kind: 'formula', formula } : { kind: 'formula', formula, result })),
  },
);

const pos = fc.nat({ max: 100000 });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('insertRow', 'deleteRow', 'insertCol', 'deleteCol'), at: pos }) as fc.Arbitrary<Mutation>,
  fc.record({ op: fc.constantFrom('swapRows', 'swapCols'), a: pos, b: pos }) as fc.Arbitrary<Mutation>,
  { weight: 4, arbitrary: fc.record({ op: fc.constant('setCell' as const), row: pos, col: pos, cell: cellSpec }) },
  fc.record({ op: fc.constant('addMerge' as const), row: pos, col: pos, height: fc.integer({ min: 1, max: 3 }), width: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant('removeMerge' as const), index: pos }),
  fc.record(
    {
      op: fc.constant('decorate' as const),
      row: pos,
      col: pos,
      note: fc.constantFrom('確認中', '【KPI進捗アシスタント】古いメモ', '=A1'),
      link: fc.constantFrom('https://example.jp/kpi', "#'01'!A1", 'other.xlsx#Sheet1!B2'),
      fill: fc.constantFrom('FFFFEB9C', 'FFFFC7CE', 'FF00B050'),
    },
    { requiredKeys: ['op', 'row', 'col'] },
  ),
  fc.record({ op: fc.constant('duplicateTable' as const), table: pos, to: pos }),
  fc.record({ op: fc.constant('cutTable' as const), table: pos, keep: fc.nat({ max: 12 }) }),
  { weight: 2, arbitrary: fc.record({ op: fc.constant('clearRates' as const), table: pos }) },
  fc.record({ op: fc.constant('misspellHeader' as const), table: pos, col: pos, how: fc.nat({ max: 4 }), char: fc.constantFrom(...HEADER_CHARS) }),
);

export const FAMILY_NAMES = ['row-latest', 'row-text', 'block', 'side-by-side', 'row-years'] as const;
export type FamilyName = (typeof FAMILY_NAMES)[number];

const FAMILY_SHEETS: Record<FamilyName, (wb: ExcelJS.Workbook) => ExcelJS.Worksheet> = {
  'row-latest': (wb) => rowLatestSheet(wb),
  'row-text': (wb) => rowTextSheet(wb),
  block: (wb) => blockSheets(wb)[2],
  'side-by-side': (wb) => sideBySideSheet(wb),
  'row-years': (wb) => rowYearsSheet(wb),
};

const familyGrids = new Map<FamilyName, GridSheet>();

/** The family's test sheet as a grid (built once per process). */
export function familyGrid(name: FamilyName): GridSheet {
  let g = familyGrids.get(name);
  if (!g) {
    let ws: ExcelJS.Worksheet | undefined;
    familyWorkbook((wb) => (ws = FAMILY_SHEETS[name](wb)));
    g = gridFromWorksheet(ws!);
    familyGrids.set(name, g);
  }
  return cloneGrid(g);
}

export const MANAGEMENT_NAMES = ['01', '03', '08', '1', 'No.12', 'シート23', '33', '進捗状況一覧表のメモ'];

export const fuzzCaseArb: fc.Arbitrary<FuzzCase> = fc.record({
  window: fc.oneof({ weight: 19, arbitrary: fc.record({ from: pos, count: fc.integer({ min: 1, max: 4 }) }) }, { weight: 1, arbitrary: fc.constant({ from: 0, count: 0 }) }),
  mutations: fc.array(mutationArb, { maxLength: 8 }),
  management: fc.subarray(MANAGEMENT_NAMES, { maxLength: 4 }),
  secondSheet: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  roundTrip: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  edit: fc.record({ kpi: pos, year: pos, rateRow: fc.boolean(), cell: cellSpec }),
  later: fc.record({
    at: fc.nat({ max: 3 }),
    edits: fc.array(fc.record({ how: fc.constantFrom('type' as const, 'recolour' as const, 'appendNote' as const, 'typeInNewColumn' as const), pick: pos }), { minLength: 1, maxLength: 3 }),
  }),
  // one case in four starts from another layout family
  family: fc.constantFrom(...FAMILY_NAMES),
}, { requiredKeys: ['window', 'mutations', 'management'] }).map((c) => (c.family && c.window.from % 4 !== 0 ? { ...c, family: undefined } : c));

// ---- applying mutations to a GridSheet ----

const isHeaderText = (v: unknown): boolean => typeof v === 'string' && v.normalize('NFKC').startsWith('重要業績評価指標');

/** Row indices (0-based) of KPI table header rows. */
export function headerRows(g: GridSheet): number[] {
  const out: number[] = [];
  g.rows.forEach((line, r) => {
    if (line.some((c) => c && isHeaderText(c.v))) out.push(r);
  });
  return out;
}

/** Rows [start, end) of table t: from its header to the next header (or the end). */
function tableSpan(g: GridSheet, t: number): [number, number] | null {
  const h = headerRows(g);
  if (h.length === 0) return null;
  const i = t % h.length;
  return [h[i], i + 1 < h.length ? h[i + 1] : g.rows.length];
}

const single = (m: CellRange): boolean => m.top === m.bottom && m.left === m.right;

/** Inserts `lines` before 0-based row `at`; merges below move, merges spanning it grow. */
function insertRows(g: GridSheet, at: number, lines: (GridCell | null)[][], blockMerges: CellRange[] = []): void {
  const n = lines.length;
  const row = at + 1;
  // a block landing inside a merged area splits it: drop that area
  if (blockMerges.length) g.merges = g.merges.filter((m) => !(m.top < row && m.bottom >= row));
  for (const m of g.merges) {
    if (m.top >= row) {
      m.top += n;
      m.bottom += n;
    } else if (m.bottom >= row) m.bottom += n;
  }
  g.rows.splice(at, 0, ...lines);
  g.merges.push(...blockMerges.map((m) => ({ ...m, top: m.top + row - 1, bottom: m.bottom + row - 1 })));
}

function deleteRows(g: GridSheet, at: number, count: number): void {
  const first = at + 1;
  const last = at + count;
  g.merges = g.merges
    .map((m) => {
      const gone = (upTo: number): number => Math.max(0, Math.min(upTo, last) - first + 1);
      return { ...m, top: m.top - gone(m.top - 1), bottom: m.bottom - gone(m.bottom) };
    })
    .filter((m) => m.bottom >= m.top && !single(m));
  g.rows.splice(at, count);
}

function insertCol(g: GridSheet, at: number): void {
  const col = at + 1;
  for (const m of g.merges) {
    if (m.left >= col) {
      m.left++;
      m.right++;
    } else if (m.right >= col) m.right++;
  }
  for (const line of g.rows) if (line.length >= at) line.splice(at, 0, null);
  g.widths.splice(at, 0, undefined);
}

function deleteCol(g: GridSheet, at: number): void {
  const col = at + 1;
  g.merges = g.merges
    .map((m) => (m.right < col ? m : m.left > col ? { ...m, left: m.left - 1, right: m.right - 1 } : { ...m, right: m.right - 1 }))
    .filter((m) => m.right >= m.left && !single(m));
  for (const line of g.rows) line.splice(at, 1);
  g.widths.splice(at, 1);
}

function width(g: GridSheet): number {
  return Math.max(1, g.widths.length, ...g.rows.map((l) => l.length));
}

/** The cell as a snapshot shows it (a formula by its cached result). */
export function snapshotValue(spec: CellSpec): string | number | null {
  if (spec.kind === 'text') return spec.text;
  if (spec.kind === 'number') return spec.value;
  if (spec.kind === 'error') return spec.error;
  if (spec.kind === 'formula') return typeof spec.result === 'number' || typeof spec.result === 'string' ? spec.result : null;
  return null;
}

function cellFromSpec(spec: CellSpec, style?: Partial<ExcelJS.Style>): GridCell | null {
  const v: ExcelJS.CellValue =
    spec.kind === 'text' ? spec.text
    : spec.kind === 'number' ? spec.value
    : spec.kind === 'error' ? { error: spec.error }
    : spec.kind === 'formula' ? ({ formula: spec.formula, ...(spec.result !== undefined ? { result: spec.result } : {}) } as ExcelJS.CellFormulaValue)
    : null;
  return v === null ? (style ? { v: null, style } : null) : { v, style };
}

function textOf(cell: GridCell | null): string | null {
  if (!cell) return null;
  if (typeof cell.v === 'string') return cell.v;
  const rich = (cell.v as { richText?: { text: string }[] } | null)?.richText;
  return rich ? rich.map((p) => p.text).join('') : null;
}

function misspell(text: string, how: number, ch: string, at: number): string {
  const i = text.length ? at % text.length : 0;
  switch (how) {
    case 0: return text.slice(0, i) + text.slice(i + 1);
    case 1: return text.slice(0, i) + ch + text.slice(i);
    case 2: return text.slice(0, i) + ch + text.slice(i + 1);
    case 3: return fullWidth(text);
    default: return `${text}（見込）`;
  }
}

/** The row array and column index a drawn position lands on (the row padded to reach it). */
function slot(g: GridSheet, row: number, col: number, cols: number): { line: (GridCell | null)[]; c: number } | null {
  if (g.rows.length === 0) return null;
  const line = g.rows[row % g.rows.length];
  const c = col % cols;
  while (line.length <= c) line.push(null);
  return { line, c };
}

export function applyMutation(g: GridSheet, m: Mutation): void {
  const rows = g.rows.length;
  const cols = width(g);
  switch (m.op) {
    case 'insertRow':
      insertRows(g, m.at % (rows + 1), [[]]);
      return;
    case 'deleteRow':
      if (rows > 1) deleteRows(g, m.at % rows, 1);
      return;
    case 'insertCol':
      insertCol(g, m.at % (cols + 1));
      return;
    case 'deleteCol':
      if (cols > 1) deleteCol(g, m.at % cols);
      return;
    case 'swapRows': {
      if (rows < 2) return;
      const [a, b] = [m.a % rows, m.b % rows];
      g.merges = g.merges.filter((x) => !(x.top <= a + 1 && a + 1 <= x.bottom) && !(x.top <= b + 1 && b + 1 <= x.bottom));
      [g.rows[a], g.rows[b]] = [g.rows[b], g.rows[a]];
      return;
    }
    case 'swapCols': {
      const [a, b] = [m.a % cols, m.b % cols];
      g.merges = g.merges.filter((x) => !(x.left <= a + 1 && a + 1 <= x.right) && !(x.left <= b + 1 && b + 1 <= x.right));
      for (const line of g.rows) {
        while (line.length < cols) line.push(null);
        [line[a], line[b]] = [line[b], line[a]];
      }
      [g.widths[a], g.widths[b]] = [g.widths[b], g.widths[a]];
      return;
    }
    case 'setCell': {
      const at = slot(g, m.row, m.col, cols);
      if (at) at.line[at.c] = cellFromSpec(m.cell, at.line[at.c]?.style);
      return;
    }
    case 'addMerge': {
      if (rows === 0) return;
      const top = (m.row % rows) + 1;
      const left = (m.col % cols) + 1;
      const range = { top, left, bottom: Math.min(rows, top + m.height - 1), right: Math.min(cols, left + m.width - 1) };
      if (!single(range) && !g.merges.some((x) => overlaps(x, range))) g.merges.push(range);
      return;
    }
    case 'decorate': {
      const at = slot(g, m.row, m.col, cols);
      if (!at) return;
      const { line, c } = at;
      const cell: GridCell = { ...(line[c] ?? { v: null }) };
      if (m.note) cell.note = m.note;
      if (m.fill) cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: m.fill } } };
      if (m.link && (cell.v === null || typeof cell.v === 'string' || typeof cell.v === 'number')) cell.v = { text: String(cell.v ?? ''), hyperlink: m.link };
      line[c] = cell;
      return;
    }
    case 'removeMerge':
      if (g.merges.length) g.merges.splice(m.index % g.merges.length, 1);
      return;
    case 'duplicateTable': {
      const span = tableSpan(g, m.table);
      if (!span) return;
      const [start, end] = span;
      const lines = g.rows.slice(start, end).map((l) => l.slice());
      const inside = g.merges.filter((x) => x.top > start && x.bottom <= end).map((x) => ({ ...x, top: x.top - start, bottom: x.bottom - start }));
      insertRows(g, m.to % (rows + 1), lines, inside);
      return;
    }
    case 'cutTable': {
      const span = tableSpan(g, m.table);
      if (!span) return;
      const [start, end] = span;
      const from = Math.min(end, start + 1 + m.keep);
      if (end > from) deleteRows(g, from, end - from);
      return;
    }
    case 'clearRates': {
      const span = tableSpan(g, m.table);
      if (!span) return;
      for (const line of g.rows.slice(span[0], span[1])) {
        if (!line.some((c) => textOf(c) === '達成率')) continue;
        line.forEach((c, i) => {
          const t = textOf(c);
          if (c && (typeof c.v === 'number' || (t !== null && t.endsWith('%')))) line[i] = { v: null, style: c.style };
        });
      }
      return;
    }
    case 'misspellHeader': {
      const span = tableSpan(g, m.table);
      if (!span) return;
      const line = g.rows[span[0]];
      const texts = line.map((c, i) => [i, textOf(c)] as const).filter(([, t]) => t !== null && t !== '');
      if (!texts.length) return;
      const [c, text] = texts[m.col % texts.length];
      line[c] = { ...line[c]!, v: misspell(text!, m.how, m.char, m.col) };
      return;
    }
  }
}

/** The window of the sample a case starts from: some KPI tables with the headings above them. */
export function windowOf(sample: GridSheet, w: FuzzCase['window']): GridSheet {
  const g = cloneGrid(sample);
  if (w.count === 0) return g;
  const h = headerRows(g);
  const first = w.from % h.length;
  const start = Math.max(0, h[first] - 3);
  const end = first + w.count < h.length ? h[first + w.count] - 3 : g.rows.length;
  g.rows = g.rows.slice(start, end);
  g.merges = g.merges.filter((m) => m.top > start && m.bottom <= end).map((m) => ({ ...m, top: m.top - start, bottom: m.bottom - start }));
  return g;
}

/** The case's grid after all its mutations. */
export function mutatedGrid(sample: GridSheet, c: FuzzCase): GridSheet {
  const g = c.family ? familyGrid(c.family) : windowOf(sample, c.window);
  for (const m of c.mutations) applyMutation(g, m);
  return g;
}

/** A fresh in-memory workbook for the case (called twice: one to work on, one to compare with). */
export function buildWorkbook(g: GridSheet, management: string[], secondSheet = false): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  writeGrid(wb, g);
  if (secondSheet) writeGrid(wb, { ...g, name: `${g.name} (2)` });
  for (const name of management) wb.addWorksheet(name).getCell(1, 1).value = `進行管理シート ${name}`;
  return wb;
}
