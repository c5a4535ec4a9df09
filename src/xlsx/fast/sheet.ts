/**
 * One worksheet's XML read in one pass straight into the GridSnapshot that snapshotFromWorksheet
 * (src/xlsx/snapshot.ts) makes of exceljs 4.4.0's loaded sheet: each cell's value as exceljs's load
 * makes it (CellXform.parseClose and reconcile: shared strings, t="str" decoded twice, numbers with a
 * date format as Dates, errors, booleans, formula results), then shown as the snapshot shows it
 * (displayValue); formulas as `cell.formula` answers them (a shared formula's children slid from their
 * master by exceljs's own slideFormula); the style's number format; merged areas blanking their other
 * cells and counting for the used range as exceljs's merge values do. Anything exceljs would read
 * another way — links, tables, drawings, notes, unusual cell addresses, rows out of order, overlapping
 * merges, elements not listed here — is Unread, and the caller opens the workbook through exceljs.
 */
import { unread } from './fallback';
import { runText, type SharedStrings, type Styles } from './book';
import { excelToDate, slideFormula, xmlDecode } from './exceljs-rules';
import { rootStart, Tags } from './xml';
import { displayValue, MAX_COLS, MAX_ROWS, truncation } from '../snapshot';
import type { CellRange, CellValue, GridSnapshot } from '../../core/snapshot';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const LAST_ROW = 1_048_576;
const LAST_COL = 16_384;
const key = (row: number, col: number) => row * 16_385 + col;

/** Top-level elements whose content exceljs turns into cell values, notes or parts the reader does not read. */
const UNREAD_ELEMENTS = new Set(['hyperlinks', 'tableParts', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems']);

export interface SheetContext {
  name: string;
  styles: Styles;
  strings: SharedStrings | null;
  date1904: boolean;
}

/** Column of a plain address ("AB12") whose digits are `row`; Unread otherwise. */
function columnOf(address: string | undefined, row: number): number {
  if (address === undefined) unread('sheet: cell without r');
  const n = address.length;
  let col = 0;
  let i = 0;
  for (; i < n; i++) {
    const ch = address.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + ch - 64;
  }
  // the digits must be the row's own, as Excel writes them (no leading zero)
  let digits = 0;
  for (let j = i; j < n; j++) {
    const ch = address.charCodeAt(j);
    if (ch < 48 || ch > 57 || (j === i && ch === 48)) unread(`sheet: cell address ${address}`);
    digits = digits * 10 + ch - 48;
  }
  if (i === 0 || i === n || col > LAST_COL || digits !== row) unread(`sheet: cell address ${address}`);
  return col;
}

function mergeArea(ref: string | undefined): CellRange {
  const m = ref === undefined ? null : /^([A-Z]{1,3})([1-9][0-9]{0,6}):([A-Z]{1,3})([1-9][0-9]{0,6})$/.exec(ref);
  if (!m) unread(`sheet: merge ${ref}`);
  const col = (letters: string) => {
    let c = 0;
    for (let i = 0; i < letters.length; i++) c = c * 26 + letters.charCodeAt(i) - 64;
    return c;
  };
  const area = { top: Number(m[2]), left: col(m[1]), bottom: Number(m[4]), right: col(m[3]) };
  const size = (area.bottom - area.top + 1) * (area.right - area.left + 1);
  if (area.top > area.bottom || area.left > area.right || size === 1 || size > 100_000 || area.bottom > LAST_ROW || area.right > LAST_COL) {
    unread(`sheet: merge ${ref}`);
  }
  return area;
}

/** The cells with a value, in document order (rows and columns ascending): what the snapshot is filled from. */
class Cells {
  keys: number[] = [];
  rows: number[] = [];
  cols: number[] = [];
  values: CellValue[] = [];
  formulas: (string | null)[] = [];
  formats: (string | null)[] = [];
  /** exceljs's value is not empty (null, undefined or ''): the cell counts for the used range. */
  filled: boolean[] = [];

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

interface Master {
  address: string;
  formula: string | undefined;
  key: number;
}

export function readSheet(xml: string, ctx: SheetContext): GridSnapshot {
  const tags = new Tags(xml, rootStart(xml));
  if (!tags.next() || tags.close || tags.tag() !== 'worksheet' || tags.attr('xmlns') !== MAIN) unread('sheet: root');
  if (tags.empty) unread('sheet: empty root');
  const cells = new Cells();
  const merges: CellRange[] = [];
  const usedMasters: number[] = [];
  let sawData = false;
  while (tags.next()) {
    if (tags.close) continue;
    const name = tags.tag();
    if (name === 'sheetData') {
      if (sawData) unread('sheet: sheetData twice');
      sawData = true;
      if (!tags.empty) readRows(tags, ctx, cells, usedMasters);
    } else if (name === 'mergeCells') {
      if (tags.empty) continue;
      while (tags.next() && tags.depth >= 2) {
        if (tags.close) continue;
        if (tags.tag() !== 'mergeCell') unread(`sheet: <${tags.tag()}> in mergeCells`);
        merges.push(mergeArea(tags.attr('ref')));
        tags.skip();
      }
    } else if (UNREAD_ELEMENTS.has(name) || name.includes(':')) unread(`sheet: <${name}>`);
    else tags.skip();
  }
  if (tags.depth !== 0) unread('sheet: not closed');
  return snapshotOf(ctx.name, cells, merges, usedMasters);
}

function readRows(tags: Tags, ctx: SheetContext, cells: Cells, usedMasters: number[]): void {
  const { styles, strings, date1904 } = ctx;
  const xfFormats = styles.numFmt;
  const xfDates = styles.date;
  const masters = new Map<string | undefined, Master>();
  let lastRow = 0;
  while (tags.next()) {
    if (tags.close) {
      if (tags.tag() === 'sheetData') return;
      continue;
    }
    if (tags.tag() !== 'row') unread(`sheet: <${tags.tag()}> in sheetData`);
    const r = tags.attr('r');
    const row = r !== undefined && /^[1-9][0-9]{0,6}$/.test(r) ? Number(r) : 0;
    if (row <= lastRow || row > LAST_ROW) unread(`sheet: row ${r}`);
    lastRow = row;
    if (tags.empty) continue;
    let lastCol = 0;
    while (tags.next()) {
      if (tags.close) {
        if (tags.tag() === 'row') break;
        continue;
      }
      if (tags.tag() !== 'c') unread(`sheet: <${tags.tag()}> in row`);
      const address = tags.attr('r');
      const col = columnOf(address, row);
      if (col <= lastCol) unread('sheet: cells out of order');
      lastCol = col;
      const t = tags.attr('t');
      const s = tags.attr('s');
      const styleId = s ? parseInt(s, 10) : undefined;
      let value: string | undefined;
      let runs: string[] | undefined;
      let formula: string | undefined;
      let shareType: string | undefined;
      let ref: string | undefined;
      let si: string | undefined;
      if (!tags.empty) {
        while (tags.next()) {
          if (tags.close) {
            if (tags.tag() === 'c') break;
            continue;
          }
          const name = tags.tag();
          if (name === 'v') {
            const text = tags.textUntilClose();
            if (text !== undefined) {
              if (runs) unread('sheet: <v> beside rich text');
              value = value ? value + text : text;
            }
          } else if (name === 'f') {
            si = tags.attr('si');
            shareType = tags.attr('t');
            ref = tags.attr('ref');
            const text = tags.textUntilClose();
            if (text !== undefined) formula = formula ? formula + text : text;
          } else if (name === 'is') {
            if (tags.empty) continue;
            while (tags.next()) {
              if (tags.close) {
                if (tags.tag() === 'is') break;
                continue;
              }
              if (tags.tag() === 't') {
                const text = tags.textUntilClose();
                if (text !== undefined) {
                  if (runs) unread('sheet: <t> beside rich text');
                  value = value ? value + text : text;
                }
              } else if (tags.tag() === 'r') {
                if (value !== undefined) unread('sheet: rich text beside text');
                (runs ??= []).push(runText(tags));
              } else unread(`sheet: <${tags.tag()}> in <is>`);
            }
          } else unread(`sheet: <${name}> in <c>`);
        }
      }
      // exceljs's CellXform.parseClose, then reconcile (style, shared strings, dates, shared formulas)
      const style = styleId && styleId > 0 && styleId < xfFormats.length;
      const numFmt = style ? xfFormats[styleId] : undefined;
      const isDate = style ? xfDates[styleId] : false;
      let shown: CellValue;
      let filled = true;
      let formulaText: string | null = null;
      if (formula || shareType) {
        if (runs) unread('sheet: rich text in a formula cell');
        let result: unknown;
        if (value) {
          if (t === 'str') result = xmlDecode(value);
          else if (t === 'b') result = parseInt(value, 10) !== 0;
          else if (t === 'e') result = { error: value };
          else result = parseFloat(value);
        }
        if (result !== undefined && isDate) result = excelToDate(result, date1904);
        let f = formula;
        if (shareType === 'shared') {
          if (ref) masters.set(si, { address: address!, formula, key: key(row, col) });
          else {
            const master = masters.get(si);
            if (master && !f) {
              if (!master.formula) unread('sheet: shared formula master without formula');
              f = slideFormula(master.formula, master.address, address!);
              usedMasters.push(master.key);
            }
          }
        }
        formulaText = f ? (f.startsWith('=') ? f : `=${f}`) : null;
        shown = displayValue(result ?? null);
      } else if (value !== undefined || runs) {
        if (runs) {
          if (t !== 'inlineStr') unread('sheet: rich text in a cell not inlineStr');
          shown = runs.join('');
        } else if (t === 's') {
          const index = parseInt(value!, 10);
          if (!strings || !(index >= 0 && index < strings.text.length)) unread('sheet: shared string index');
          shown = strings.text[index];
          filled = strings.rich[index] || shown !== '';
        } else if (t === 'str' || t === 'inlineStr') {
          shown = t === 'str' ? xmlDecode(value!) : value!;
          filled = shown !== '';
        } else if (t === 'b') shown = parseInt(value!, 10) !== 0;
        else if (t === 'e') shown = value!;
        else {
          const n = parseFloat(value!);
          shown = isDate ? displayValue(excelToDate(n, date1904)) : displayValue(n);
        }
      } else continue; // a cell with a style only, or nothing: no value for the snapshot
      cells.keys.push(key(row, col));
      cells.rows.push(row);
      cells.cols.push(col);
      cells.values.push(shown);
      cells.formulas.push(formulaText);
      cells.formats.push(numFmt ?? null);
      cells.filled.push(filled);
    }
  }
  unread('sheet: sheetData not closed');
}

function snapshotOf(sheet: string, cells: Cells, merges: CellRange[], usedMasters: number[]): GridSnapshot {
  const n = cells.keys.length;
  // the other cells of a merged area hold no value of their own: exceljs shows the master's there
  const blank = new Uint8Array(n);
  const taken = merges.length ? new Set<number>() : null;
  let extentRows = 0;
  let extentCols = 0;
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        const k = key(r, c);
        if (taken!.has(k)) unread('sheet: overlapping merges');
        taken!.add(k);
      }
      let i = cells.find(key(r, m.left));
      if (r === m.top && i < n && cells.keys[i] === key(r, m.left)) i++; // the master keeps its own
      for (; i < n && cells.keys[i] <= key(r, m.right); i++) blank[i] = 1;
    }
  }
  if (taken && usedMasters.length) {
    const masters = new Set(merges.map((m) => key(m.top, m.left)));
    for (const k of usedMasters) if (taken.has(k) && !masters.has(k)) unread('sheet: shared formula master merged away');
  }
  for (const m of merges) {
    const i = cells.find(key(m.top, m.left));
    if (i < n && cells.keys[i] === key(m.top, m.left) && cells.filled[i]) {
      if (m.bottom > extentRows) extentRows = m.bottom;
      if (m.right > extentCols) extentCols = m.right;
    }
  }
  for (let i = 0; i < n; i++) {
    if (blank[i] || !cells.filled[i]) continue;
    if (cells.rows[i] > extentRows) extentRows = cells.rows[i];
    if (cells.cols[i] > extentCols) extentCols = cells.cols[i];
  }
  const rows = Math.min(extentRows, MAX_ROWS);
  const cols = Math.min(extentCols, MAX_COLS);
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (let r = 1; r <= rows; r++) {
    values.push(new Array(cols).fill(null));
    formulas.push(new Array(cols).fill(null));
    numberFormats.push(new Array(cols).fill(null));
  }
  for (let i = 0; i < n; i++) {
    const r = cells.rows[i];
    const c = cells.cols[i];
    if (blank[i] || r > rows || c > cols) continue;
    values[r - 1][c - 1] = cells.values[i];
    formulas[r - 1][c - 1] = cells.formulas[i];
    numberFormats[r - 1][c - 1] = cells.formats[i];
  }
  const snapshot: GridSnapshot = {
    sheet,
    origin: { row: 1, col: 1 },
    values,
    formulas,
    numberFormats,
    merges: merges.filter((m) => !(m.top > rows || m.left > cols)).map((m) => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right })),
  };
  if (extentRows > rows || extentCols > cols) snapshot.truncated = truncation(extentRows, extentCols, rows, cols);
  return snapshot;
}
