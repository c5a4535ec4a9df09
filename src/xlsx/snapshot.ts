/**
 * GridSnapshot from an exceljs worksheet, filled the way the Excel host fills it: values as shown
 * (rich text flattened, formula results, dates as ISO text, errors as "#REF!"), formulas with "=",
 * number formats and merged areas. Browser-safe (no Node APIs).
 */
import { mergeAreas } from './exceljs-internals';
import type ExcelJS from 'exceljs';
import { cellKey, type CellExtras, type CellRange, type CellValue, type GridSnapshot } from '../core/snapshot';
import { MAX_COLS, MAX_ROWS } from '../core/apply-rules';
import { displayValue, truncation } from './shown';

/** ExcelJS.ValueType members, without importing exceljs at runtime. */
const ExcelJSValueType = { Null: 0, Merge: 1, Hyperlink: 5, Formula: 6 } as const;

/** Past these the sheet is cut and `truncated` says so: the core's limits, shared with the Excel host. */
export { MAX_COLS, MAX_ROWS };
export { displayValue, truncation };

interface FormulaLike {
  formula?: string;
  sharedFormula?: string;
  result?: unknown;
}

function formulaOf(cell: ExcelJS.Cell): string | null {
  const v = cell.value as FormulaLike | null;
  if (!v || typeof v !== 'object') return null;
  const f = v.formula ?? (cell as unknown as { formula?: string }).formula ?? v.sharedFormula;
  return f ? (f.startsWith('=') ? f : `=${f}`) : null;
}

function isEmptyCell(cell: ExcelJS.Cell): boolean {
  const v = cell.value;
  return v === null || v === undefined || (typeof v === 'string' && v === '');
}

/**
 * Last row and column holding a value (style-only cells do not count). Rows are scanned from the
 * bottom and each row only right of the widest column found so far: nearly no cell is read twice.
 */
function usedExtent(ws: ExcelJS.Worksheet): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (let r = ws.rowCount; r >= 1; r--) {
    const row = ws.findRow(r);
    if (!row) continue;
    for (let c = row.cellCount; c > cols; c--) {
      const cell = row.findCell(c);
      if (!cell || isEmptyCell(cell)) continue;
      cols = c;
      if (rows === 0) rows = r;
      break;
    }
  }
  return { rows, cols };
}

function mergesOf(ws: ExcelJS.Worksheet, rows: number, cols: number): CellRange[] {
  const out: CellRange[] = [];
  const merges = mergeAreas(ws);
  for (const m of Object.values(merges)) {
    if (!m || m.top > rows || m.left > cols) continue;
    out.push({ top: m.top, left: m.left, bottom: m.bottom, right: m.right });
  }
  return out;
}

/** The snapshot without extras (tests, the sample loader): values, formulas, number formats, merges. */
export function snapshotFromWorksheet(ws: ExcelJS.Worksheet): GridSnapshot {
  return readWorksheet(ws, false);
}

/** The snapshot with fills, notes and hyperlinks of the used range's cells (the host's readSnapshot). */
export function snapshotWithExtras(ws: ExcelJS.Worksheet): GridSnapshot {
  return readWorksheet(ws, true);
}

/** Solid fill colour "#RRGGBB" of a cell, or null. */
export function readFillColour(cell: ExcelJS.Cell): string | null {
  const fill = cell.style?.fill as ExcelJS.FillPattern | undefined;
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return null;
  const argb = fill.fgColor?.argb;
  return argb ? `#${argb.slice(-6).toUpperCase()}` : null;
}

/** Note text of a cell (plain), or null. */
export function readNote(cell: ExcelJS.Cell): string | null {
  const n = cell.note as unknown;
  if (!n) return null;
  if (typeof n === 'string') return n;
  const texts = (n as { texts?: { text: string }[] }).texts;
  return texts ? texts.map((t) => t.text).join('') : null;
}

/** Hyperlink target ("#'01'!A1" or "file.xlsx#'01'!A1"), or null. */
export function readHyperlink(cell: ExcelJS.Cell): string | null {
  if (cell.type !== ExcelJSValueType.Hyperlink) return null;
  return (cell.value as ExcelJS.CellHyperlinkValue).hyperlink ?? null;
}

/**
 * One walk over the used range: each row's cells are looked up by column (findCell, no address
 * text built per cell) and give value, formula, number format and, with `extras`, fill, note and
 * link. Gaps inside a row are still made with getCell as exceljs's includeEmpty walk made them
 * (a made cell takes its row's or column's style, so its fill counts as before).
 */
function readWorksheet(ws: ExcelJS.Worksheet, extras: boolean): GridSnapshot {
  const extent = usedExtent(ws);
  const rows = Math.min(extent.rows, MAX_ROWS);
  const cols = Math.min(extent.cols, MAX_COLS);
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  const found: Record<string, CellExtras> = {};
  let anyExtra = false;
  for (let r = 1; r <= rows; r++) {
    const vs: CellValue[] = new Array(cols).fill(null);
    const fs: (string | null)[] = new Array(cols).fill(null);
    const nf: (string | null)[] = new Array(cols).fill(null);
    values.push(vs);
    formulas.push(fs);
    numberFormats.push(nf);
    const row = ws.findRow(r);
    if (!row) continue;
    const last = Math.min(row.cellCount, cols);
    for (let c = 1; c <= last; c++) {
      let cell = row.findCell(c);
      if (!cell) {
        if (!extras) continue;
        cell = row.getCell(c);
      }
      const type = cell.type;
      // A merged non-master cell reads its master's value in exceljs; the snapshot keeps it empty.
      if (type !== ExcelJSValueType.Null && type !== ExcelJSValueType.Merge) {
        // cell.value drops a falsy formula result (0, FALSE) in exceljs 4.4; cell.result keeps it.
        vs[c - 1] = type === ExcelJSValueType.Formula ? displayValue(cell.result ?? null) : displayValue(cell.value);
        fs[c - 1] = formulaOf(cell);
        nf[c - 1] = cell.numFmt ?? null;
      }
      if (!extras) continue;
      const fill = readFillColour(cell);
      const note = readNote(cell);
      const link = type === ExcelJSValueType.Hyperlink ? readHyperlink(cell) : null;
      if (fill || note !== null || link) {
        const e: CellExtras = {};
        if (fill) e.fill = fill;
        if (note !== null) e.note = note;
        if (link) e.hyperlink = link;
        found[cellKey(r, c)] = e;
        anyExtra = true;
      }
    }
  }
  const snapshot: GridSnapshot = {
    sheet: ws.name,
    origin: { row: 1, col: 1 },
    values,
    formulas,
    numberFormats,
    merges: mergesOf(ws, rows, cols),
  };
  if (extent.rows > rows || extent.cols > cols) snapshot.truncated = truncation(extent.rows, extent.cols, rows, cols);
  if (anyExtra) snapshot.extras = found;
  return snapshot;
}
