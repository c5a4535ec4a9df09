/**
 * What a snapshot shows of a cell's value, and what it says when cut to the limits: shared by the
 * exceljs snapshot (./snapshot.ts) and the read-only reader (./fast), which must not load exceljs.
 * Browser-safe (no Node APIs).
 */
import type { CellValue, GridSnapshot } from '../core/snapshot';

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

/** What a snapshot cut to the limits says of it (shared with the read-only reader, src/xlsx/fast). */
export function truncation(extentRows: number, extentCols: number, rows: number, cols: number): NonNullable<GridSnapshot['truncated']> {
  return { rows, cols, reason: `used range ${extentRows} rows × ${extentCols} columns cut to ${rows} × ${cols}` };
}
