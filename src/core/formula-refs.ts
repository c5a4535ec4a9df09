/**
 * Column references in formula text (pure). shiftFormula moves them when a column is inserted or
 * deleted on one sheet, as Excel does: references at or right of an inserted column move right,
 * ranges across it widen. translateFormula copies a formula sideways like fill-right.
 */
import { columnLetter, columnNumber } from './snapshot';

export interface ColumnShift {
  /** Sheet whose columns move. */
  sheet: string;
  col: number;
  /** +1 insert, -1 delete. */
  delta: 1 | -1;
}

const SHEET = String.raw`(?:'(?:[^']|'')+'|[^\s'!"(),:;=+\-*/&^<>%{}\[\]]+)!`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const COLS = String.raw`\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}`;
const REF = new RegExp(String.raw`("(?:[^"]|"")*")|(${SHEET})?(${CELL}(?::${CELL})?|${COLS})(?![\w(!])`, 'g');

function sheetOf(prefix: string | undefined): string | null {
  if (!prefix) return null;
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/** One endpoint "$F$12" / "F" → moved text, or null when it is deleted. */
function moveEndpoint(text: string, shift: ColumnShift, isRight: boolean): { text: string; col: number } | null {
  const m = /^(\$?)([A-Za-z]{1,3})(.*)$/.exec(text)!;
  const col = columnNumber(m[2]);
  let next = col;
  if (shift.delta === 1) {
    if (col >= shift.col) next = col + 1;
  } else if (col > shift.col || (col === shift.col && isRight)) {
    next = col - 1;
  }
  return { text: `${m[1]}${columnLetter(next)}${m[3]}`, col: next };
}

/** Formula (with or without "=") with references moved; "#REF!" replaces references deleted. */
export function shiftFormula(formula: string, formulaSheet: string, shift: ColumnShift): string {
  return formula.replace(REF, (whole, str: string | undefined, prefix: string | undefined, ref: string, offset: number, all: string) => {
    if (str !== undefined) return whole;
    const before = offset > 0 ? all[offset - 1] : '';
    if (/[\w.$]/.test(before)) return whole;
    const target = sheetOf(prefix) ?? formulaSheet;
    if (target !== shift.sheet) return whole;
    const [a, b] = ref.split(':');
    if (b === undefined) {
      if (shift.delta === -1 && columnNumber(/[A-Za-z]+/.exec(a)![0]) === shift.col) return `${prefix ?? ''}#REF!`;
      return `${prefix ?? ''}${moveEndpoint(a, shift, false)!.text}`;
    }
    const left = moveEndpoint(a, shift, false)!;
    const right = moveEndpoint(b, shift, true)!;
    if (right.col < left.col) return `${prefix ?? ''}#REF!`;
    return `${prefix ?? ''}${left.text}:${right.text}`;
  });
}

/** Shifts an A1 range list such as "F3:F20 H3" (conditional formats, validations). */
export function shiftRangeList(ref: string, shift: ColumnShift): string | null {
  const parts = ref
    .split(/\s+/)
    .filter(Boolean)
    .map((r) => shiftFormula(r, shift.sheet, shift))
    .filter((r) => !r.includes('#REF!'));
  return parts.length ? parts.join(' ') : null;
}

/** Copies a formula `dCol` columns to the right, as Excel's fill-right does: relative columns move. */
export function translateFormula(formula: string, dCol: number): string {
  return formula.replace(REF, (whole, str: string | undefined, prefix: string | undefined, ref: string, offset: number, all: string) => {
    if (str !== undefined) return whole;
    if (/[\w.$]/.test(offset > 0 ? all[offset - 1] : '')) return whole;
    const moved = ref
      .split(':')
      .map((end) => end.replace(/^([A-Za-z]{1,3})/, (letters) => columnLetter(columnNumber(letters) + dCol)))
      .join(':');
    return `${prefix ?? ''}${moved}`;
  });
}
