/**
 * Text normalisation shared by recognition and values. Offices type the same word many ways:
 * full-width digits and brackets, stray spaces ("備 考"), several wave dashes (～ 〜 ~).
 */
import type { CellValue } from './snapshot';

const WAVES = /[～〜~∼]/g;
const SPACES = /[\s\u3000]+/g;

/** Full-width ASCII (！…～) to half-width and the ideographic space to a space; keeps ㎡, ①, 万 etc. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

// Sheets repeat the same texts thousands of times and NFKC is costly: normalise each text once.
const normalised = new Map<string, string>();

/** Key for comparing labels and names: NFKC, no spaces, one wave dash ("~"). */
export function normalise(s: string): string {
  if (isPlainAscii(s)) return s;
  let n = normalised.get(s);
  if (n === undefined) {
    if (normalised.size > 200_000) normalised.clear();
    n = s.normalize('NFKC').replace(WAVES, '~').replace(SPACES, '');
    normalised.set(s, n);
  }
  return n;
}

/** Printable ASCII without spaces: NFKC, the wave dash and space rules leave it as it is. */
function isPlainAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) return false;
  }
  return true;
}

/** Display text of a cell value ("" for empty), trimmed. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v.trim();
}

export function isBlank(v: CellValue): boolean {
  return cellText(v) === '';
}

/** "-", "－", "―", "—", "ー" alone: the sheet's way of saying "nothing here". */
export function isDash(s: string): boolean {
  return /^[-－―‐—–−ー]$/.test(s.trim());
}

const ERROR_TEXT = /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/i;

/** Excel error texts such as "#REF!" (hosts pass errors as their text). */
export function isErrorText(s: string): boolean {
  return ERROR_TEXT.test(s.trim());
}

/** Removes re-listing markers ((再掲), 【再掲】, 再掲) so that a re-listed KPI matches its original. */
export function stripRelistMarks(s: string): string {
  return s.replace(/[(（【[［〔]\s*再\s*掲\s*[)）】\]］〕]/g, '').replace(/再掲/g, '');
}

export function hasRelistMark(s: string): boolean {
  return /再\s*掲/.test(s);
}

/** Comparison key of a KPI name: normalised, without re-listing marks. */
export function nameKey(s: string): string {
  return normalise(stripRelistMarks(s));
}
