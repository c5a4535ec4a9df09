/**
 * The <sheetData> of a worksheet read by a scanner of its own: the rows, cells, values and formulas
 * Excel and exceljs write, read character by character without a string per tag or attribute (the
 * general scanner, ./xml.ts, made one of each: at 328,000 cells most of the read's time and garbage).
 * Each cell's value is then what exceljs's load makes of it (CellXform.parseClose and reconcile):
 * shared strings, t="str" decoded twice, a number with a date format a Date, errors, booleans, formula
 * results, a shared formula's children slid from their master by exceljs's slideFormula. Inline
 * strings go through the general scanner. Anything else inside <sheetData> — text between elements,
 * an element not listed here, a second <v> or <f>, a cell address not plain or not in its row, rows or
 * cells out of order — is Unread.
 */
import { unread } from './fallback';
import { runText, type SharedStrings, type Styles } from './book';
import { excelToDate, slideFormula, xmlDecode } from './exceljs-rules';
import { decode, Tags } from './xml';
import { displayValue } from '../shown';
import type { CellRange, CellValue } from '../../core/snapshot';

export const LAST_ROW = 1_048_576;
export const LAST_COL = 16_384;
export const key = (row: number, col: number) => row * 16_385 + col;

export interface RowsContext {
  styles: Styles;
  strings: SharedStrings | null;
  date1904: boolean;
}

/** The cells with a value, in document order (rows and columns ascending): what the snapshot is filled from. */
export class Cells {
  keys: number[] = [];
  rows: number[] = [];
  cols: number[] = [];
  values: CellValue[] = [];
  formulas: (string | null)[] = [];
  formats: (string | null)[] = [];
  /** exceljs's value is not empty (null, undefined or ''): the cell counts for the used range. */
  filled: boolean[] = [];
  /** Keys of the shared formulas' masters whose formula children were given (none may be merged away). */
  usedMasters: number[] = [];

  /** Index of the first cell at or after the key (binary search). */
  find(k: number): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid] < k) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

// the attributes of the tag being read: where their names and values are (no strings made)
const MAX_ATTRS = 32;
const nameStart = new Int32Array(MAX_ATTRS);
const nameEnd = new Int32Array(MAX_ATTRS);
const valueStart = new Int32Array(MAX_ATTRS);
const valueEnd = new Int32Array(MAX_ATTRS);
let attrCount = 0;
/** Whether the tag just read ended with "/>". */
let selfClosing = false;

const isSpace = (c: number) => c === 32 || c === 9 || c === 10;

/** Reads a tag's attributes from p (just after its name) to its end; returns the position after it. */
function readAttrs(xml: string, p: number): number {
  attrCount = 0;
  for (;;) {
    let c = xml.charCodeAt(p);
    while (isSpace(c)) c = xml.charCodeAt(++p);
    if (c === 62) {
      selfClosing = false;
      return p + 1;
    }
    if (c === 47) {
      if (xml.charCodeAt(p + 1) !== 62) unread('sheet: tag end');
      selfClosing = true;
      return p + 2;
    }
    const start = p;
    while (c === c && c !== 61 && !isSpace(c) && c !== 62 && c !== 47 && c !== 60 && c !== 34 && c !== 39) c = xml.charCodeAt(++p);
    const end = p;
    while (isSpace(c)) c = xml.charCodeAt(++p);
    if (end === start || c !== 61) unread('sheet: attribute');
    c = xml.charCodeAt(++p);
    while (isSpace(c)) c = xml.charCodeAt(++p);
    if (c !== 34 && c !== 39) unread('sheet: attribute quote');
    const close = xml.indexOf(c === 34 ? '"' : "'", p + 1);
    if (close < 0) unread('sheet: attribute value');
    const lt = xml.indexOf('<', p + 1);
    if (lt >= 0 && lt < close) unread('sheet: "<" in an attribute');
    if (attrCount === MAX_ATTRS) unread('sheet: attributes');
    for (let k = 0; k < attrCount; k++) if (sameName(xml, k, start, end)) unread('sheet: attribute twice');
    nameStart[attrCount] = start;
    nameEnd[attrCount] = end;
    valueStart[attrCount] = p + 1;
    valueEnd[attrCount] = close;
    attrCount++;
    p = close + 1;
    c = xml.charCodeAt(p);
    if (!isSpace(c) && c !== 47 && c !== 62) unread('sheet: attribute end');
  }
}

function sameName(xml: string, k: number, start: number, end: number): boolean {
  const a = nameStart[k];
  if (nameEnd[k] - a !== end - start) return false;
  for (let i = 0; i < end - start; i++) if (xml.charCodeAt(a + i) !== xml.charCodeAt(start + i)) return false;
  return true;
}

/** Index of the attribute named `name` among those just read, or -1. */
function attrIndex(xml: string, name: string): number {
  for (let k = 0; k < attrCount; k++) if (nameEnd[k] - nameStart[k] === name.length && xml.startsWith(name, nameStart[k])) return k;
  return -1;
}

/** The attribute's value as a string (tabs and line ends as spaces, entities decoded), undefined when absent. */
function attrValue(xml: string, k: number): string | undefined {
  if (k < 0) return undefined;
  let raw = xml.slice(valueStart[k], valueEnd[k]);
  if (raw.indexOf('\t') >= 0 || raw.indexOf('\n') >= 0) raw = raw.replace(/[\t\n]/g, ' ');
  return decode(raw);
}

/** The digits from a to b as a number, or -1 when they are not all digits (or none, or too many to be exact). */
function digitsAt(xml: string, a: number, b: number): number {
  if (b <= a || b - a > 15) return -1;
  let n = 0;
  for (let i = a; i < b; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Skips whitespace from p; the next character must be "<". */
function toTag(xml: string, p: number): number {
  let c = xml.charCodeAt(p);
  while (isSpace(c)) c = xml.charCodeAt(++p);
  if (c !== 60) unread('sheet: text between elements');
  return p;
}

/** Whether xml holds `<name` at p, followed by the end of the name. */
function opens(xml: string, p: number, name: string): boolean {
  if (!xml.startsWith(name, p + 1)) return false;
  const c = xml.charCodeAt(p + 1 + name.length);
  return isSpace(c) || c === 62 || c === 47;
}

/** The element's text from p (just after its start tag) to `</name>`; returns the position after the end tag. */
function textTo(xml: string, p: number, end: string): number {
  const lt = xml.indexOf('<', p);
  if (lt < 0 || !xml.startsWith(end, lt)) unread(`sheet: ${end} not next`);
  textStart = p;
  textEnd = lt;
  return lt + end.length;
}
let textStart = 0;
let textEnd = 0;

/** The text found by textTo, decoded; undefined when empty (saxes reports no text then). */
function textFound(xml: string): string | undefined {
  if (textEnd === textStart) return undefined;
  const raw = xml.slice(textStart, textEnd);
  return raw.indexOf('&') < 0 ? raw : decode(raw);
}

const T_NONE = 0;
const T_S = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_B = 4;
const T_E = 5;
const T_NUMBER = 6; // "n", "d" and anything else: exceljs parses a number

function typeOf(xml: string, k: number): number {
  if (k < 0) return T_NONE;
  const a = valueStart[k];
  const length = valueEnd[k] - a;
  if (length === 1) {
    const c = xml.charCodeAt(a);
    if (c === 115) return T_S;
    if (c === 98) return T_B;
    if (c === 101) return T_E;
  } else if (length === 3 && xml.startsWith('str', a)) return T_STR;
  else if (length === 9 && xml.startsWith('inlineStr', a)) return T_INLINE;
  const t = attrValue(xml, k)!;
  return t === 's' ? T_S : t === 'str' ? T_STR : t === 'inlineStr' ? T_INLINE : t === 'b' ? T_B : t === 'e' ? T_E : T_NUMBER;
}

interface Master {
  address: string;
  formula: string | undefined;
  key: number;
}

/**
 * Reads the rows from p (just after <sheetData>) into `cells`; returns the position after </sheetData>.
 */
export function scanRows(xml: string, p: number, ctx: RowsContext, cells: Cells): number {
  const { strings, date1904 } = ctx;
  const xfFormats = ctx.styles.numFmt;
  const xfDates = ctx.styles.date;
  const masters = new Map<string | undefined, Master>();
  let lastRow = 0;
  for (;;) {
    p = toTag(xml, p);
    if (xml.startsWith('</sheetData>', p)) return p + 12;
    if (!opens(xml, p, 'row')) unread('sheet: an element other than <row> in sheetData');
    p = readAttrs(xml, p + 4);
    const r = attrIndex(xml, 'r');
    const row = r < 0 || xml.charCodeAt(valueStart[r]) === 48 ? -1 : digitsAt(xml, valueStart[r], valueEnd[r]);
    if (row <= lastRow || row > LAST_ROW) unread('sheet: row number');
    lastRow = row;
    if (selfClosing) continue;
    let lastCol = 0;
    for (;;) {
      p = toTag(xml, p);
      if (xml.startsWith('</row>', p)) {
        p += 6;
        break;
      }
      if (!opens(xml, p, 'c')) unread('sheet: an element other than <c> in a row');
      p = readAttrs(xml, p + 2);
      // the address: capital letters, then the row's own digits (no leading zero)
      const ra = attrIndex(xml, 'r');
      if (ra < 0) unread('sheet: cell without r');
      const a = valueStart[ra];
      const b = valueEnd[ra];
      let col = 0;
      let i = a;
      for (; i < b; i++) {
        const ch = xml.charCodeAt(i);
        if (ch < 65 || ch > 90) break;
        col = col * 26 + ch - 64;
      }
      if (i === a || col > LAST_COL || xml.charCodeAt(i) === 48 || digitsAt(xml, i, b) !== row) unread('sheet: cell address');
      if (col <= lastCol) unread('sheet: cells out of order');
      lastCol = col;
      const t = typeOf(xml, attrIndex(xml, 't'));
      const sa = attrIndex(xml, 's');
      let styleId = 0;
      if (sa >= 0) {
        const d = digitsAt(xml, valueStart[sa], valueEnd[sa]);
        // exceljs: parseInt(s, 10) when s is not empty; 0 or NaN is no style
        styleId = d >= 0 ? d : valueEnd[sa] === valueStart[sa] ? 0 : parseInt(attrValue(xml, sa)!, 10) || 0;
      }
      // the value's text where it stands (vStart < 0: none), the formula and its sharing
      let vStart = -1;
      let vEnd = -1;
      let inline: string | undefined;
      let runs: string[] | undefined;
      let formula: string | undefined;
      let shareType: string | undefined;
      let ref: string | undefined;
      let si: string | undefined;
      let sawF = false;
      if (!selfClosing) {
        for (;;) {
          p = toTag(xml, p);
          if (xml.startsWith('</c>', p)) {
            p += 4;
            break;
          }
          if (opens(xml, p, 'v')) {
            if (vStart >= 0 || inline !== undefined || runs) unread('sheet: a second value in a cell');
            p = readAttrs(xml, p + 2);
            if (attrCount) unread('sheet: <v> with attributes');
            if (!selfClosing) {
              p = textTo(xml, p, '</v>');
              if (textEnd > textStart) {
                vStart = textStart;
                vEnd = textEnd;
              }
            }
          } else if (opens(xml, p, 'f')) {
            if (sawF) unread('sheet: a second <f> in a cell');
            sawF = true;
            p = readAttrs(xml, p + 2);
            si = attrValue(xml, attrIndex(xml, 'si'));
            shareType = attrValue(xml, attrIndex(xml, 't'));
            ref = attrValue(xml, attrIndex(xml, 'ref'));
            if (!selfClosing) {
              p = textTo(xml, p, '</f>');
              formula = textFound(xml);
            }
          } else if (opens(xml, p, 'is')) {
            if (vStart >= 0 || inline !== undefined || runs) unread('sheet: a second value in a cell');
            const tags = new Tags(xml, p);
            tags.next();
            if (!tags.empty) {
              while (tags.next() && tags.depth > 0) {
                if (tags.close) continue;
                if (tags.tag() === 't') {
                  const text = tags.textUntilClose();
                  if (text !== undefined) {
                    if (runs) unread('sheet: <t> beside rich text');
                    inline = inline ? inline + text : text;
                  }
                } else if (tags.tag() === 'r') {
                  if (inline !== undefined) unread('sheet: rich text beside text');
                  (runs ??= []).push(runText(tags));
                } else unread(`sheet: <${tags.tag()}> in <is>`);
              }
              if (tags.depth !== 0) unread('sheet: <is> not closed');
            }
            p = tags.pos;
          } else unread('sheet: an element other than <v>, <f> or <is> in a cell');
        }
      }
      const hasValue = vStart >= 0 || inline !== undefined;
      // exceljs's CellXform.parseClose, then reconcile (style, shared strings, dates, shared formulas)
      const style = styleId > 0 && styleId < xfFormats.length;
      const isDate = style && xfDates[styleId];
      let shown: CellValue;
      let filled = true;
      let formulaText: string | null = null;
      if (formula || shareType) {
        if (runs) unread('sheet: rich text in a formula cell');
        const value = vStart >= 0 ? xml.slice(vStart, vEnd) : inline;
        let result: unknown;
        if (value) {
          const v = value.indexOf('&') < 0 ? value : decode(value);
          if (t === T_STR) result = xmlDecode(v);
          else if (t === T_B) result = parseInt(v, 10) !== 0;
          else if (t === T_E) result = { error: v };
          else result = parseFloat(v);
        }
        if (result !== undefined && isDate) result = excelToDate(result, date1904);
        let f = formula;
        if (shareType === 'shared') {
          const address = xml.slice(a, b);
          if (ref) masters.set(si, { address, formula, key: key(row, col) });
          else {
            const master = masters.get(si);
            if (master && !f) {
              if (!master.formula) unread('sheet: shared formula master without formula');
              f = slideFormula(master.formula, master.address, address);
              cells.usedMasters.push(master.key);
            }
          }
        }
        formulaText = f ? (f.startsWith('=') ? f : `=${f}`) : null;
        shown = displayValue(result ?? null);
      } else if (hasValue || runs) {
        if (runs) {
          if (t !== T_INLINE) unread('sheet: rich text in a cell not inlineStr');
          shown = runs.join('');
        } else if (t === T_S) {
          let index = vStart >= 0 ? digitsAt(xml, vStart, vEnd) : -1;
          if (index < 0) index = parseInt(vStart >= 0 ? textOf(xml, vStart, vEnd) : inline!, 10);
          if (!strings || !(index >= 0 && index < strings.text.length)) unread('sheet: shared string index');
          shown = strings.text[index];
          filled = strings.rich[index] || shown !== '';
        } else {
          // a whole number of up to 15 digits is what parseFloat makes of it, without its text
          const whole = vStart >= 0 && (t === T_NONE || t === T_NUMBER) ? digitsAt(xml, vStart, vEnd) : -1;
          const value = whole >= 0 ? '' : vStart >= 0 ? textOf(xml, vStart, vEnd) : inline!;
          if (t === T_STR || t === T_INLINE) {
            shown = t === T_STR ? xmlDecode(value) : value;
            filled = shown !== '';
          } else if (t === T_B) shown = parseInt(value, 10) !== 0;
          else if (t === T_E) shown = value;
          else {
            const n = whole >= 0 ? whole : parseFloat(value);
            shown = isDate ? displayValue(excelToDate(n, date1904)) : displayValue(n);
          }
        }
      } else continue; // a cell with a style only, or nothing: no value for the snapshot
      cells.keys.push(key(row, col));
      cells.rows.push(row);
      cells.cols.push(col);
      cells.values.push(shown);
      cells.formulas.push(formulaText);
      cells.formats.push(style ? (xfFormats[styleId] ?? null) : null);
      cells.filled.push(filled);
    }
  }
}

/** The text from a to b, decoded. */
function textOf(xml: string, a: number, b: number): string {
  const raw = xml.slice(a, b);
  return raw.indexOf('&') < 0 ? raw : decode(raw);
}

/** A cell reference "AB12" from a to b: its row and column, or null when it is not that plain form. */
function cellAt(xml: string, a: number, b: number): { row: number; col: number } | null {
  let col = 0;
  let i = a;
  for (; i < b && i - a < 3; i++) {
    const ch = xml.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + ch - 64;
  }
  const row = i === a || xml.charCodeAt(i) === 48 || b - i > 7 ? -1 : digitsAt(xml, i, b);
  return row > 0 && row <= LAST_ROW && col <= LAST_COL ? { row, col } : null;
}

/**
 * Reads the <mergeCell ref="A1:B2"/> elements from p (just after <mergeCells>) into `merges`; returns
 * the position after </mergeCells>. A reference of another form, a one-cell or reversed area is Unread.
 */
export function scanMerges(xml: string, p: number, merges: CellRange[]): number {
  for (;;) {
    p = toTag(xml, p);
    if (xml.startsWith('</mergeCells>', p)) return p + 13;
    if (!opens(xml, p, 'mergeCell')) unread('sheet: an element other than <mergeCell> in mergeCells');
    p = readAttrs(xml, p + 10);
    if (!selfClosing) p = textTo(xml, p, '</mergeCell>');
    const k = attrIndex(xml, 'ref');
    const colon = k < 0 ? -1 : xml.indexOf(':', valueStart[k]);
    const from = colon < 0 || colon >= valueEnd[k] ? null : cellAt(xml, valueStart[k], colon);
    const to = from && cellAt(xml, colon + 1, valueEnd[k]);
    if (!from || !to) unread('sheet: merge reference');
    const size = (to.row - from.row + 1) * (to.col - from.col + 1);
    if (from.row > to.row || from.col > to.col || size === 1 || size > 100_000) unread('sheet: merge area');
    merges.push({ top: from.row, left: from.col, bottom: to.row, right: to.col });
  }
}
