/**
 * Grid snapshot: what a host reads of one worksheet. The core decides everything from this alone,
 * so the Excel host, the .xlsx host and tests must fill it the same way.
 *
 * Coordinates are 1-based worksheet rows and columns (A = 1), as Excel shows them.
 */

/** A cell's value as the host reports it: errors such as "#REF!" arrive as their text. */
export type CellValue = string | number | boolean | null;

/** An inclusive rectangle of cells, 1-based. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Optional per-cell facts a host may know; sparse, keyed by cellKey(row, col). */
export interface CellExtras {
  /** Solid fill colour as "#RRGGBB", when the cell has one. */
  fill?: string;
  /** Note (comment) text. */
  note?: string;
  /** Hyperlink target: "#'Sheet'!A1" for internal links, otherwise the address. */
  hyperlink?: string;
}

export interface GridSnapshot {
  sheet: string;
  /** Worksheet row/column of values[0][0]; usually {row: 1, col: 1}. */
  origin: { row: number; col: number };
  /** Rows × columns of the used range; null for empty cells. Every row has the same length. */
  values: CellValue[][];
  /** Formula text with its leading "=", or null for constants. Same shape as values. */
  formulas: (string | null)[][];
  /** Number format code ("General", "0.0%", '#,##0"件"'), or null when unknown. Same shape. */
  numberFormats: (string | null)[][];
  /** Merged areas intersecting the used range. Empty when the host cannot tell (older Excel). */
  merges: CellRange[];
  /** Sparse extras keyed by cellKey(row, col); hosts fill what they can cheaply. */
  extras?: Record<string, CellExtras>;
  /** True when the host cut the used range (for example a 1,000,000-row used range of empty cells). */
  truncated?: { rows: number; cols: number; reason: string };
  /** What else the host could not read completely, for the UI to say (catalogue `read.<warning>`). */
  readWarnings?: ReadWarning[];
}

/** `merges-unread`: the merged areas were not read (Excel lists at most 512 per query; merges are then ignored). */
export type ReadWarning = 'merges-unread';

export function cellKey(row: number, col: number): string {
  return `${row},${col}`;
}

/** Value at a worksheet row/column, or null outside the snapshot. */
export function valueAt(s: GridSnapshot, row: number, col: number): CellValue {
  const r = row - s.origin.row;
  const c = col - s.origin.col;
  if (r < 0 || c < 0 || r >= s.values.length) return null;
  const line = s.values[r];
  return c < line.length ? line[c] : null;
}

export function formulaAt(s: GridSnapshot, row: number, col: number): string | null {
  const r = row - s.origin.row;
  const c = col - s.origin.col;
  return s.formulas[r]?.[c] ?? null;
}

export function numberFormatAt(s: GridSnapshot, row: number, col: number): string | null {
  const r = row - s.origin.row;
  const c = col - s.origin.col;
  return s.numberFormats[r]?.[c] ?? null;
}

export function lastRow(s: GridSnapshot): number {
  return s.origin.row + s.values.length - 1;
}

export function lastCol(s: GridSnapshot): number {
  return s.origin.col + (s.values[0]?.length ?? 0) - 1;
}

/** "A", "B", … "Z", "AA" … for a 1-based column. */
export function columnLetter(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    out = String.fromCharCode(65 + m) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 6 for "F", 27 for "AA" (letters only, either case). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "F101" for row 101, column 6. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** Parses "F101" (or "$F$101") into row/column; null when it is not an address. */
export function parseAddress(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}
