/**
 * Reference shifting for a whole-column insert or delete on one sheet, in the forms an OOXML package
 * holds them (pure; no XML here): cell addresses (`<c r>`), area attributes (`ref` of merges,
 * filters, tables, hyperlinks), sqref lists (conditional formats, validations, selections) and
 * formula text (cells, names, chart series, rules). The formula scanner and Excel's rules live in
 * src/core/formula-refs.ts, so the Excel host's plan layout, the Excel test double and this .xlsx
 * patcher move references the same way; this module adds the OOXML shapes around them.
 */
import { columnLetter, columnNumber } from '../../core/snapshot';
import { shiftFormula, shiftRangeList, shiftSpan, type ColumnShift, type ShiftOptions } from '../../core/formula-refs';

export { shiftFormula, translateFormula, type ColumnShift, type ShiftOptions } from '../../core/formula-refs';

/** A 1-based column after the shift, or null when it is the deleted column. */
export function shiftColumn(col: number, shift: ColumnShift): number | null {
  return shiftSpan(col, col, shift)?.[0] ?? null;
}

/** A cell address on the shifted sheet ("D5", "$D$5") moved, or null when its column is deleted. */
export function shiftCell(address: string, shift: ColumnShift): string | null {
  const m = /^(\$?)([A-Za-z]{1,3})(\$?\d+)$/.exec(address);
  if (!m) return address;
  const col = shiftColumn(columnNumber(m[2]), shift);
  return col === null ? null : `${m[1]}${columnLetter(col)}${m[3]}`;
}

/** One area on the shifted sheet ("A1:C5", "D4", "A:C") moved, or null when all its cells are deleted. */
export function shiftArea(area: string, shift: ColumnShift, options: ShiftOptions = {}): string | null {
  const moved = shiftFormula(area, shift.sheet, shift, options);
  return moved.includes('#REF!') ? null : moved;
}

/** A space-separated sqref list on the shifted sheet; areas whose cells are all deleted drop out, null when none is left. */
export function shiftSqref(sqref: string, shift: ColumnShift, options: ShiftOptions = {}): string | null {
  return shiftRangeList(sqref, shift, options);
}
