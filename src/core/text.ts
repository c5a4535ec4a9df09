/**
 * Text normalisation shared by recognition and values. Offices type the same word many ways:
 * full-width digits and brackets, stray spaces ("備 考"), several wave dashes (～ 〜 ~).
 */
import type { CellValue } from './snapshot';

const WAVES = /[～〜~∼]/g;
const SPACES = /[\s\u3000]+/g;

/** Full-width ASCII (！…～) to half-width and the ideographic space to a space; keeps ㎡, ①, 万 etc. */
export function toHalfWidth(s: string): string {
  // most texts hold neither: a scan is cheaper than two replace passes (KPI names, headings, labels)
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) break;
  }
  if (i === s.length) return s;
  return s
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

// Sheets repeat the same texts thousands of times and NFKC is costly: normalise each text once.
const normalised = new Map<string, string>();

/**
 * 1 for each UTF-16 unit that NFKC and normalise() keep as it is and that composes with nothing: printable
 * ASCII, hiragana, katakana, CJK unified ideographs and the common Japanese punctuation 、。〃々〇「」『』【】〔〕.
 * Most texts of a sheet (KPI names, remarks, figures) are made of these alone.
 */
const KEPT = new Uint8Array(0x10000);
for (const [from, to] of [[0x21, 0x7e], [0x3001, 0x3003], [0x3005, 0x3005], [0x3007, 0x3007], [0x300c, 0x300f], [0x3010, 0x3011], [0x3014, 0x3015], [0x3041, 0x3096], [0x30a1, 0x30f6], [0x30fb, 0x30fc], [0x4e00, 0x9fff]]) {
  KEPT.fill(1, from, to + 1);
}

/** Whether the UTF-16 unit is one normalise() keeps unchanged whatever surrounds it. */
export function keptByNormalise(code: number): boolean {
  return KEPT[code] === 1;
}

/** Key for comparing labels and names: NFKC, no spaces, one wave dash ("~"). */
export function normalise(s: string): string {
  if (isKept(s)) return s;
  let n = normalised.get(s);
  if (n === undefined) {
    if (normalised.size > 200_000) normalised.clear();
    // kept units and spaces ("第3群 市民活動団体数", most KPI names): NFKC keeps them all but the
    // ideographic space, which becomes a space, and every space goes, so no NFKC; still remembered, as
    // recognise and analyse each ask for every KPI name
    n = keptKind(s) === 1 ? s.replace(SPACES, '') : s.normalize('NFKC').replace(WAVES, '~').replace(SPACES, '');
    normalised.set(s, n);
  }
  return n;
}

/** Whether NFKC leaves the text as it is but for its spaces (the ideographic space becomes a space). */
export function keptOrSpaces(s: string): boolean {
  return keptKind(s) < 2;
}

/** ASCII whitespace (tab to carriage return, space) and the ideographic space: \s units NFKC keeps or makes a space. */
const SPACE = new Uint8Array(0x10000);
for (const code of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x3000]) SPACE[code] = 1;

/** A text of kept units only (no spaces, no wave dash but "~"): NFKC and the wave dash and space rules leave it as it is. */
function isKept(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (KEPT[s.charCodeAt(i)] === 0) return false;
  return true;
}

/**
 * 0 for a text of kept units only (no spaces, no wave dash but "~": NFKC and the wave dash and space
 * rules leave it as it is), 1 for kept units and spaces, 2 for any other.
 */
function keptKind(s: string): 0 | 1 | 2 {
  let kind: 0 | 1 = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (KEPT[code] === 1) continue;
    if (SPACE[code] === 0) return 2;
    kind = 1;
  }
  return kind;
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
