/** A1 addresses as Excel's API reports them ("'Sheet 1'!A1:B2", "Sheet1!A1:B2, Sheet1!D4"). */
import { cellAddress, parseAddress, type CellRange } from '../core/snapshot';

/** "'売上 R6'!A1" — sheet names are always quoted, doubling quotes inside. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

export function rangeA1(r: CellRange): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

/** Parses "A1", "A1:C3", with or without "Sheet!" and "$"; null when unreadable. */
export function parseRange(address: string): CellRange | null {
  const bare = address.trim().replace(/^.*!/, '');
  const [a, b] = bare.split(':');
  const start = parseAddress(a ?? '');
  const end = parseAddress(b ?? a ?? '');
  if (!start || !end) return null;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

const AREA = /(?:'(?:[^']|'')*'|[^!,\s]+)!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)|(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)/g;

/** The rectangles of a RangeAreas address; sheet names (which may hold commas) are skipped. */
export function parseAreas(address: string): CellRange[] {
  const out: CellRange[] = [];
  for (const m of address.matchAll(AREA)) {
    const r = parseRange(m[1] ?? m[2]);
    if (r) out.push(r);
  }
  return out;
}

export function sameRange(a: CellRange, b: CellRange): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}
