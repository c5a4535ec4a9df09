/** Converting between the core's cell terms and what Excel's range properties take and give. */
import type { CellValue } from '../core/snapshot';
import type { CellContent } from '../core/plan';

/**
 * The entry for Range.formulas. Excel parses typed-in text ("=…", "1,234", "68.9%", "R1/4/1"), so
 * every string gets the apostrophe prefix: it is stored as the same text and never becomes a formula.
 */
export function toExcelInput(content: CellContent): string | number | boolean {
  if (content.formula) return content.formula;
  const v = content.value ?? null;
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'boolean') return v;
  return v === '' ? '' : `'${v}`;
}

export function fromExcelValue(v: unknown): CellValue {
  if (v === '' || v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

/**
 * The formula of a cell from Range.formulas, or null for a constant. A text constant that starts
 * with "=" comes back the same in formulas and values; a real formula never equals its own result.
 */
/** Date formats as exceljs (and so the .xlsx host) recognise them: y, m, d, h, s outside quotes and []. */
export function isDateFormat(format: string | null): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** A date serial shown with a date format reads as "2024-04-01", the way the .xlsx host reports it. */
export function shownValue(value: CellValue, format: string | null): CellValue {
  if (typeof value !== 'number' || !isDateFormat(format)) return value;
  const ms = Math.round((value - 25569) * 86400000);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : value;
}

export function fromExcelFormula(f: unknown, value: unknown): string | null {
  return typeof f === 'string' && f.startsWith('=') && f !== value ? f : null;
}

/** Does the cell still hold what the plan was made on? Decided in the core (src/core/apply-rules.ts). */
export { matchesExpectation } from '../core/apply-rules';

/** Column widths: the plan speaks in characters (as .xlsx files do), Excel's API in points. */
export function charsToPoints(chars: number): number {
  // Calibri 11: a character is 7 px plus 5 px of padding; 1 px = 0.75 pt.
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

export function pointsToChars(points: number): number {
  return Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
}
