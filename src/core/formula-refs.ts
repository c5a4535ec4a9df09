/**
 * Cell references in formula text (pure), read by a small scanner rather than one regular
 * expression, so that what is not a reference stays as it is: string literals, function names
 * (LOG10(…)), defined names, structured references (Table1[[#This Row],[R6]]), references into
 * other workbooks ([1]Sheet1!A1) and 3-D references (Sheet1:Sheet3!A1).
 *
 * shiftFormula moves references when whole columns are inserted or deleted on one sheet, as Excel
 * does (Microsoft, "Insert or delete cells, rows, and columns"; "How to correct a #REF! error";
 * Walkenbach, Excel 2007 Formulas, "How Excel Maintains Cell and Range Names"):
 * - a reference at or right of an inserted column moves right, absolute ($F$3) or relative alike;
 * - a range across the inserted column widens (C3:E5 with a column inserted at E → C3:F5); a range
 *   ending just left of it does not (it is outside the range);
 * - deleting a column narrows a range across it; a reference whose cells are all deleted becomes
 *   #REF! (Sheet1!#REF! when it named its sheet);
 * - references to other sheets stay; sheet names compare case-insensitively, as Excel's do.
 * translateFormula copies a formula like fill-right / fill-down: relative parts move.
 */
import { columnLetter, columnNumber } from './snapshot';

export interface ColumnShift {
  /** Sheet whose columns move. */
  sheet: string;
  col: number;
  /** +1 insert, -1 delete. */
  delta: 1 | -1;
}

export interface ShiftOptions {
  /**
   * Insert only: a range whose right edge is the column just left of the insert widens over the new
   * column as if it had been inserted inside. Excel does not do this by itself; add-year asks for it
   * for the print area, filters, names and formats over a table that ends at its newest year
   * (src/core/plans/add-year.ts says why). Single cells never widen.
   */
  widenRightEdge?: boolean;
}

export const MAX_COLUMN = 16384;
export const MAX_ROW = 1048576;

/** One reference as the scanner found it. `sheet`: its sheet (the formula's own when unqualified), null for 3-D or other-workbook references. */
export interface FoundRef {
  sheet: string | null;
  /** The qualifier text as written, with its "!" ("'R6 表'!"), or "". */
  prefix: string;
  kind: 'cell' | 'range' | 'columns' | 'rows';
  /** Endpoints as written: "$F$3" / "F" / "3". */
  a: string;
  b?: string;
}

const WORD = /[\p{L}\p{N}_.$\\?]/u;

function sheetName(prefix: string): string {
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;
const COL = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d+)$/;

function isCell(s: string): boolean {
  const m = CELL.exec(s);
  return !!m && columnNumber(m[2]) <= MAX_COLUMN && Number(m[4]) >= 1 && Number(m[4]) <= MAX_ROW;
}
function isCol(s: string): boolean {
  const m = COL.exec(s);
  return !!m && columnNumber(m[2]) <= MAX_COLUMN;
}
function isRow(s: string): boolean {
  const m = ROW.exec(s);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= MAX_ROW;
}

/** The end of a [...] group starting at i (nested brackets, as structured references have). */
function bracketEnd(f: string, i: number): number {
  let depth = 0;
  for (let j = i; j < f.length; j++) {
    if (f[j] === '[') depth++;
    else if (f[j] === ']') {
      depth--;
      if (depth === 0) return j + 1;
    } else if (f[j] === "'" && depth > 0) j++; // '[ and '] escape brackets inside structured references
  }
  return f.length;
}

function wordEnd(f: string, i: number): number {
  let j = i;
  while (j < f.length && WORD.test(f[j])) j++;
  return j;
}

const ERROR = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|BLOCKED!|FIELD!|CONNECT!|BUSY!|UNKNOWN!)/i;

/** End of a "…" string literal or a '…' quoted name starting at i ("" and '' escape the quote). */
function quotedEnd(f: string, i: number): number {
  const q = f[i];
  let j = i + 1;
  while (j < f.length) {
    if (f[j] !== q) j++;
    else if (f[j + 1] === q) j += 2;
    else return j + 1;
  }
  return f.length;
}

/**
 * Calls `map` for every reference in `formula` and puts its answer in the reference's place
 * (the whole reference, prefix included). `formulaSheet`: the sheet unqualified references are on.
 */
export function mapRefs(formula: string, formulaSheet: string, map: (ref: FoundRef) => string): string {
  const f = formula;
  let out = '';
  let i = 0;
  while (i < f.length) {
    const ch = f[i];
    if (ch === '"') {
      const end = quotedEnd(f, i);
      out += f.slice(i, end);
      i = end;
      continue;
    }
    const error = ch === '#' ? ERROR.exec(f.slice(i)) : null;
    if (error) {
      out += error[0];
      i += error[0].length;
      continue;
    }
    // a qualifier: 'quoted name'! , [1]Name! , Name! , Sheet1:Sheet3!
    let prefix = '';
    let sheet: string | null = formulaSheet;
    let j = i;
    if (ch === "'") {
      const end = quotedEnd(f, i);
      if (f[end] !== '!') {
        out += f.slice(i, end);
        i = end;
        continue;
      }
      prefix = f.slice(i, end + 1);
      const name = sheetName(prefix);
      // another workbook ([1]Sheet) or a 3-D span (Sheet1:Sheet3): not a sheet of this book
      sheet = /^\[|:/.test(name) ? null : name;
      j = end + 1;
    } else if (ch === '[') {
      const end = bracketEnd(f, i);
      const after = wordEnd(f, end);
      if (after === end || f[after] !== '!') {
        // a structured reference's brackets, copied as they are
        out += f.slice(i, end);
        i = end;
        continue;
      }
      prefix = f.slice(i, after + 1);
      sheet = null;
      j = after + 1;
    } else if (WORD.test(ch)) {
      const end = wordEnd(f, i);
      if (f[end] === '!') {
        prefix = f.slice(i, end + 1);
        sheet = sheetName(prefix);
        j = end + 1;
      } else if (f[end] === ':' && WORD.test(f[end + 1] ?? '')) {
        const end2 = wordEnd(f, end + 1);
        if (f[end2] === '!') {
          prefix = f.slice(i, end2 + 1);
          sheet = null;
          j = end2 + 1;
        }
      }
    } else {
      out += ch;
      i++;
      continue;
    }
    // the reference itself: A1, $A$1:$C$5, A:C, 1:3
    const aEnd = wordEnd(f, j);
    const a = f.slice(j, aEnd);
    let b: string | undefined;
    let end = aEnd;
    if (f[aEnd] === ':') {
      const bEnd = wordEnd(f, aEnd + 1);
      const cand = f.slice(aEnd + 1, bEnd);
      if ((isCell(a) && isCell(cand)) || (isCol(a) && isCol(cand)) || (isRow(a) && isRow(cand))) {
        b = cand;
        end = bEnd;
      }
    }
    const next = f[end] ?? '';
    let ref: FoundRef | null = null;
    if (next !== '(' && next !== '[' && next !== '!') {
      if (b !== undefined) ref = { sheet, prefix, kind: isCell(a) ? 'range' : isCol(a) ? 'columns' : 'rows', a, b };
      else if (isCell(a)) ref = { sheet, prefix, kind: 'cell', a };
    }
    if (ref) {
      out += map(ref);
      i = end;
    } else {
      // a name, a function, a number (copied whole); a qualifier before no reference (Sheet1!#REF!) alone
      const stop = prefix ? j : aEnd;
      out += f.slice(i, stop);
      i = stop;
    }
  }
  return out;
}

function same(a: string | null, b: string): boolean {
  return a !== null && a.toLowerCase() === b.toLowerCase();
}

function endCol(end: string): number {
  return columnNumber(/[A-Za-z]+/.exec(end)![0]);
}

function withCol(end: string, col: number): string {
  return end.replace(/[A-Za-z]+/, columnLetter(col));
}

/** Column span [left, right] of a reference after the shift, or null when all its columns are deleted. */
export function shiftSpan(left: number, right: number, shift: ColumnShift, options: ShiftOptions = {}): [number, number] | null {
  if (shift.delta === 1) {
    const l = left >= shift.col ? left + 1 : left;
    let r = right >= shift.col ? right + 1 : right;
    if (options.widenRightEdge && right === shift.col - 1 && right > 0) r = right + 1;
    if (l > MAX_COLUMN) return null;
    return [l, Math.min(r, MAX_COLUMN)];
  }
  const l = left > shift.col ? left - 1 : left;
  const r = right >= shift.col ? right - 1 : right;
  if (r < l || (left === shift.col && right === shift.col)) return null;
  return [l, r];
}

function shiftRef(ref: FoundRef, shift: ColumnShift, options: ShiftOptions): string | null {
  if (ref.kind === 'rows') return `${ref.a}:${ref.b}`;
  const left = endCol(ref.a);
  const right = ref.b === undefined ? left : endCol(ref.b);
  const span = shiftSpan(left, right, shift, ref.kind === 'cell' ? {} : options);
  if (!span) return null;
  const a = withCol(ref.a, span[0]);
  return ref.b === undefined ? a : `${a}:${withCol(ref.b, span[1])}`;
}

/** Formula (with or without "=") with references moved; "#REF!" replaces references deleted. */
export function shiftFormula(formula: string, formulaSheet: string, shift: ColumnShift, options: ShiftOptions = {}): string {
  return mapRefs(formula, formulaSheet, (ref) => {
    const whole = ref.prefix + ref.a + (ref.b === undefined ? '' : `:${ref.b}`);
    if (!same(ref.sheet, shift.sheet)) return whole;
    const moved = shiftRef(ref, shift, options);
    return ref.prefix + (moved ?? '#REF!');
  });
}

/** Shifts an A1 range list such as "F3:F20 H3" (sqref of conditional formats, validations); null when nothing is left. */
export function shiftRangeList(ref: string, shift: ColumnShift, options: ShiftOptions = {}): string | null {
  const parts = ref
    .split(/\s+/)
    .filter(Boolean)
    .map((r) => shiftFormula(r, shift.sheet, shift, options))
    .filter((r) => !r.includes('#REF!'));
  return parts.length ? parts.join(' ') : null;
}

function moveEnd(end: string, dCol: number, dRow: number): string {
  return end
    .replace(/^([A-Za-z]{1,3})/, (letters) => columnLetter(columnNumber(letters) + dCol))
    .replace(/(^|[A-Za-z])(\d+)$/, (_m, before: string, row: string) => `${before}${Number(row) + dRow}`);
}

/** Copies a formula `dCol` columns right and `dRow` rows down, as Excel's fill does: relative parts move. */
export function translateFormula(formula: string, dCol: number, dRow = 0): string {
  return mapRefs(formula, '', (ref) => {
    const a = moveEnd(ref.a, ref.kind === 'rows' ? 0 : dCol, ref.kind === 'columns' ? 0 : dRow);
    const b = ref.b === undefined ? undefined : moveEnd(ref.b, ref.kind === 'rows' ? 0 : dCol, ref.kind === 'columns' ? 0 : dRow);
    return ref.prefix + a + (b === undefined ? '' : `:${b}`);
  });
}
