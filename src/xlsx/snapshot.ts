/**
 * GridSnapshot from an exceljs worksheet, filled the way the Excel host fills it: values as shown
 * (rich text flattened, formula results, dates as ISO text, errors as "#REF!"), formulas with "=",
 * number formats and merged areas. Browser-safe (no Node APIs).
 */
import { mergeAreas } from './exceljs-internals';
import type ExcelJS from 'exceljs';
import type { CellRange, CellValue, GridSnapshot } from '../core/snapshot';
import { MAX_COLS, MAX_ROWS } from '../core/apply-rules';

/** ExcelJS.ValueType.Formula, without importing exceljs at runtime. */
const ExcelJSValueType = { Formula: 6 } as const;

/** Past these the sheet is cut and `truncated` says so: the core's limits, shared with the Excel host. */
export { MAX_COLS, MAX_ROWS };

interface FormulaLike {
  formula?: string;
  sharedFormula?: string;
  result?: unknown;
}

/** A cell value as the user sees it. */
export function displayValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((p) => p.text ?? '').join('');
    if (typeof o.error === 'string') return o.error;
    if ('formula' in o || 'sharedFormula' in o) return displayValue((o as FormulaLike).result ?? null);
    if ('text' in o) return displayValue(o.text);
    if ('hyperlink' in o) return displayValue(o.hyperlink);
  }
  return String(v);
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

/** Last row and column holding a value (style-only cells do not count). */
function usedExtent(ws: ExcelJS.Worksheet): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (isEmptyCell(cell)) return;
      if (r > rows) rows = r;
      if (c > cols) cols = c;
    });
  });
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

export function snapshotFromWorksheet(ws: ExcelJS.Worksheet): GridSnapshot {
  const extent = usedExtent(ws);
  const rows = Math.min(extent.rows, MAX_ROWS);
  const cols = Math.min(extent.cols, MAX_COLS);
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = ws.findRow(r);
    const vs: CellValue[] = new Array(cols).fill(null);
    const fs: (string | null)[] = new Array(cols).fill(null);
    const nf: (string | null)[] = new Array(cols).fill(null);
    if (row) {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (c > cols) return;
        // A merged non-master cell reads its master's value in exceljs; the snapshot keeps it empty.
        if (cell.isMerged && cell.master && cell.master.address !== cell.address) return;
        // cell.value drops a falsy formula result (0, FALSE) in exceljs 4.4; cell.result keeps it.
        vs[c - 1] = cell.type === ExcelJSValueType.Formula ? displayValue(cell.result ?? null) : displayValue(cell.value);
        fs[c - 1] = formulaOf(cell);
        nf[c - 1] = cell.numFmt ?? null;
      });
    }
    values.push(vs);
    formulas.push(fs);
    numberFormats.push(nf);
  }
  const snapshot: GridSnapshot = {
    sheet: ws.name,
    origin: { row: 1, col: 1 },
    values,
    formulas,
    numberFormats,
    merges: mergesOf(ws, rows, cols),
  };
  if (extent.rows > rows || extent.cols > cols) {
    snapshot.truncated = {
      rows,
      cols,
      reason: `used range ${extent.rows} rows × ${extent.cols} columns cut to ${rows} × ${cols}`,
    };
  }
  return snapshot;
}
