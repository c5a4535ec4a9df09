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
import type { SharedStrings, Styles } from './book';
import { Cells, key, scanMerges, scanRows } from './rows';
import { rootStart, Tags } from './xml';
import { MAX_COLS, MAX_ROWS } from '../../core/apply-rules';
import { truncation } from '../shown';
import type { CellRange, CellValue, GridSnapshot } from '../../core/snapshot';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Top-level elements whose content exceljs turns into cell values, notes or parts the reader does not read. */
const UNREAD_ELEMENTS = new Set(['hyperlinks', 'tableParts', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems']);

export interface SheetContext {
  name: string;
  styles: Styles;
  strings: SharedStrings | null;
  date1904: boolean;
}

export function readSheet(xml: string, ctx: SheetContext): GridSnapshot {
  const tags = new Tags(xml, rootStart(xml));
  if (!tags.next() || tags.close || tags.tag() !== 'worksheet' || tags.attr('xmlns') !== MAIN) unread('sheet: root');
  if (tags.empty) unread('sheet: empty root');
  const cells = new Cells();
  const merges: CellRange[] = [];
  let sawData = false;
  while (tags.next()) {
    if (tags.close) continue;
    const name = tags.tag();
    if (name === 'sheetData') {
      if (sawData) unread('sheet: sheetData twice');
      sawData = true;
      if (!tags.empty) tags.closedAt(scanRows(xml, tags.pos, ctx, cells));
    } else if (name === 'mergeCells') {
      if (!tags.empty) tags.closedAt(scanMerges(xml, tags.pos, merges));
    } else if (UNREAD_ELEMENTS.has(name) || name.includes(':')) unread(`sheet: <${name}>`);
    else tags.skip();
  }
  if (tags.depth !== 0) unread('sheet: not closed');
  return snapshotOf(ctx.name, cells, merges);
}

/** The cells of the merged areas, each taken once: a bitmap over the areas' extent when it is small, else a set. */
class Taken {
  private readonly grid: Uint8Array | null = null;
  private readonly set: Set<number> | null = null;
  private readonly width: number;

  constructor(merges: CellRange[]) {
    let rows = 0;
    let cols = 0;
    for (const m of merges) {
      if (m.bottom > rows) rows = m.bottom;
      if (m.right > cols) cols = m.right;
    }
    this.width = cols + 1;
    if ((rows + 1) * this.width <= 1 << 25) this.grid = new Uint8Array((rows + 1) * this.width);
    else this.set = new Set();
  }

  /** Takes a cell; false when an area took it already. */
  take(r: number, c: number): boolean {
    if (this.grid) {
      const i = r * this.width + c;
      if (this.grid[i]) return false;
      this.grid[i] = 1;
      return true;
    }
    const k = key(r, c);
    if (this.set!.has(k)) return false;
    this.set!.add(k);
    return true;
  }

  has(r: number, c: number): boolean {
    if (this.grid) return c < this.width && r * this.width + c < this.grid.length && this.grid[r * this.width + c] === 1;
    return this.set!.has(key(r, c));
  }
}

function snapshotOf(sheet: string, cells: Cells, merges: CellRange[]): GridSnapshot {
  const usedMasters = cells.usedMasters;
  const n = cells.keys.length;
  // the other cells of a merged area hold no value of their own: exceljs shows the master's there
  const blank = new Uint8Array(n);
  const taken = merges.length ? new Taken(merges) : null;
  let extentRows = 0;
  let extentCols = 0;
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (!taken!.take(r, c)) unread('sheet: overlapping merges');
      let i = cells.find(key(r, m.left));
      if (r === m.top && i < n && cells.keys[i] === key(r, m.left)) i++; // the master keeps its own
      for (; i < n && cells.keys[i] <= key(r, m.right); i++) blank[i] = 1;
    }
  }
  if (taken && usedMasters.length) {
    const masters = new Set(merges.map((m) => key(m.top, m.left)));
    for (const k of usedMasters) if (taken.has(Math.floor(k / 16_385), k % 16_385) && !masters.has(k)) unread('sheet: shared formula master merged away');
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
