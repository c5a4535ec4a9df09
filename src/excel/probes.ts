/**
 * The verify sync: queues loads of everything a plan touches (at pre-plan coordinates) so that one
 * sync tells which cells still hold what the plan expected and what the inverse must restore.
 */
import type { CellEdit } from '../core/plan';
import type { CellState } from './state';
import { fromExcelFormula, fromExcelValue, shownValue } from './cell-input';
import { PlanLayout } from './layout';
import { toRects } from './rects';
import { parseAreas } from './address';
import { cellAddress, type CellRange } from '../core/snapshot';
import type { ExcelFeatures } from './capabilities';

type Context = Excel.RequestContext;

export interface EditProbe {
  /** Pre-plan coordinates of the edit's cell (or column), null when the plan creates it. */
  row: number | null;
  col: number | null;
  fill?: Excel.RangeFill;
  note?: Excel.Note;
  link?: Excel.Range;
  width?: Excel.RangeFormat;
  /** deleteColumn / deleteSheet: what is there, so the inverse can put it back. */
  used?: Excel.Range;
  /** deleteColumn: its fills and merged areas (where the API has them); merge: areas it would overlap. */
  fills?: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  merges?: Excel.RangeAreas;
  /** setCell in an inserted column: its left neighbour's pre-plan column (a merged area over it and
   *  beyond now covers the new cell). */
  aroundCol?: number;
  /** insertColumn: the sheet's used range (its rows bound the format copy) and the format column. */
  extent?: Excel.Range;
  fromCol?: number | null;
  /** insertColumn where `col` is null: the original column at the insertion point. */
  insertAt?: number;
  /** merge: the cells whose values a merge drops. */
  cells?: Excel.Range;
}

export interface Probes {
  sheets: Excel.WorksheetCollection;
  /** Existing sheets by name (getItem): a missing one fails the sync with ItemNotFound. */
  worksheets: Map<string, Excel.Worksheet>;
  perEdit: EditProbe[];
  cellRanges: { sheet: string; top: number; left: number; range: Excel.Range }[];
  /**
   * Merged areas per sheet from row 1 and column 1 down and right to the farthest cell the plan
   * touches. getMergedAreasOrNullObject returns only areas whose top-left cell lies inside the queried
   * range (office-js#3611, open; #1590 an older form of it), so a probe of the touched cells alone
   * misses an area reaching into them from above or the left; every area covering a touched cell has
   * its top-left cell inside this rectangle.
   */
  merged: Map<string, Excel.RangeAreas[]>;
  /**
   * insertColumn's format copy (insert-formats.ts): merged areas over every used row of the sheet, when
   * the host knew its rows (RowsHint), and how far down and right they reach. Kept apart from `merged`,
   * which the edits' decisions read.
   */
  insertMerged: Map<string, Excel.RangeAreas[]>;
  insertReach: Map<string, { bottom: number; right: number }>;
}

/** Rows each sheet was known to use when the plan was made (the host's last read), by sheet name. */
export type RowsHint = ReadonlyMap<string, number>;

/** Rows per merged-area query of width `cols`: bands small enough to stay under Excel's 512 areas. */
function mergeBandRows(cols: number): number {
  return Math.max(1, Math.floor(1024 / Math.max(1, cols)));
}

export function entireColumn(ws: Excel.Worksheet, col: number): Excel.Range {
  return ws.getRangeByIndexes(0, col - 1, 1, 1).getEntireColumn();
}

/**
 * What to load for the setCell cells of one sheet: their rectangles, or, when they are many and
 * dense (a fill writes every other row of a column), their bounding box in one range.
 */
function loadAreas(cells: { row: number; col: number }[]): { top: number; left: number; rows: number; cols: number }[] {
  const rects = toRects(cells).map((r) => ({ top: r.top, left: r.left, rows: r.items.length, cols: r.items[0].length }));
  if (rects.length <= 8) return rects;
  const box = cells.reduce(
    (b, c) => ({ top: Math.min(b.top, c.row), left: Math.min(b.left, c.col), bottom: Math.max(b.bottom, c.row), right: Math.max(b.right, c.col) }),
    { top: Infinity, left: Infinity, bottom: 0, right: 0 },
  );
  const { top, left } = box;
  const rows = box.bottom - top + 1;
  const cols = box.right - left + 1;
  const dense = rows * cols <= Math.max(4 * cells.length, 1000) && rows * cols <= 250_000;
  return dense ? [{ top, left, rows, cols }] : rects;
}

/** Queues the loads; `missing` lists sheets known not to exist (their edits get no probes). */
export function queueProbes(context: Context, features: ExcelFeatures, edits: CellEdit[], missing: Set<string>, rowsHint?: RowsHint): Probes {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  const worksheets = new Map<string, Excel.Worksheet>();
  const layout = new PlanLayout();
  const setCells = new Map<string, { sheet: string; row: number; col: number }>();
  const perEdit: EditProbe[] = [];
  /** The farthest pre-plan row and column whose merged areas matter, per sheet. */
  const reach = new Map<string, { bottom: number; right: number }>();
  const insertReach = new Map<string, { bottom: number; right: number }>();
  const reaches = (name: string, bottom: number, right: number, into = reach) => {
    const r = into.get(name) ?? { bottom: 0, right: 0 };
    into.set(name, { bottom: Math.max(r.bottom, bottom), right: Math.max(r.right, right) });
  };

  const sheet = (name: string): Excel.Worksheet | null => {
    if (missing.has(name) || layout.isNew(name)) return null;
    let ws = worksheets.get(name);
    if (!ws) {
      ws = sheets.getItem(name);
      ws.load('standardWidth');
      worksheets.set(name, ws);
    }
    return ws;
  };

  for (const edit of edits) {
    const probe: EditProbe = { row: null, col: null };
    perEdit.push(probe);
    if (edit.kind === 'addSheet' || edit.kind === 'deleteSheet') {
      if (edit.kind === 'deleteSheet') {
        const ws = sheet(edit.sheet);
        if (ws) {
          probe.used = ws.getUsedRangeOrNullObject();
          probe.used.load('rowIndex,columnIndex,values,formulas');
        }
      }
      layout.record(edit);
      continue;
    }
    const ws = sheet(edit.sheet);
    if (!ws) {
      layout.record(edit);
      continue;
    }
    const col = 'col' in edit ? layout.originalCol(edit.sheet, edit.col) : null;
    probe.col = col;
    probe.row = 'row' in edit ? edit.row : null;
    const cell = () => ws.getRangeByIndexes((probe.row as number) - 1, (col as number) - 1, 1, 1);
    switch (edit.kind) {
      case 'setCell': {
        if (col !== null) setCells.set(`${edit.sheet}\u0000${edit.row},${col}`, { sheet: edit.sheet, row: edit.row, col });
        if (col !== null && features.merges) reaches(edit.sheet, edit.row, col);
        // A cell of a column the plan inserts lies inside a merged area when that area spans its left
        // neighbour and beyond (Excel widens merges over an inserted column).
        const left = col === null && features.merges && edit.col > 1 ? layout.originalCol(edit.sheet, edit.col - 1) : null;
        if (left !== null) {
          probe.col = null;
          probe.aroundCol = left;
          reaches(edit.sheet, edit.row, left);
        }
        break;
      }
      case 'setFill':
        if (col !== null) {
          probe.fill = cell().format.fill;
          probe.fill.load('color');
        }
        break;
      case 'setNote':
        if (col !== null && features.notes) {
          probe.note = ws.notes.getItemOrNullObject(cellAddress(edit.row, col));
          probe.note.load('content');
        }
        break;
      case 'setHyperlink':
        if (col !== null && features.hyperlinks) {
          probe.link = cell();
          probe.link.load('hyperlink,values,formulas');
        }
        break;
      case 'insertColumn': {
        const from = layout.originalCol(edit.sheet, edit.formatFrom);
        if (from !== null) {
          probe.width = entireColumn(ws, from).format;
          probe.width.load('columnWidth');
        }
        if (features.copyFrom && features.merges) {
          probe.fromCol = from;
          // An insert next to a column this plan inserted: the insertion point in the sheet as read
          // is the first original column to its right (row-years inserts 実績 and 達成率 at one place).
          for (let c = edit.col; probe.col === null && probe.insertAt === undefined && c <= edit.col + 64; c++) {
            const o = layout.originalCol(edit.sheet, c);
            if (o !== null) probe.insertAt = o;
          }
          probe.extent = ws.getUsedRange();
          probe.extent.load('rowIndex,rowCount');
          // The format copy needs the merged areas of every used row (insert-formats.ts): when the rows
          // are known from the last read, they are asked in this sync, not in one more after it.
          const rows = rowsHint?.get(edit.sheet);
          const at = col ?? probe.insertAt;
          if (rows && at != null) reaches(edit.sheet, rows, Math.max(at, from ?? 0), insertReach);
        }
        break;
      }
      case 'deleteColumn':
      case 'setColumnWidth':
        if (col !== null) {
          probe.width = entireColumn(ws, col).format;
          probe.width.load('columnWidth');
          if (edit.kind === 'deleteColumn') {
            // The column over the sheet's used rows: never a null object, unlike a column's used range.
            probe.used = ws.getUsedRange().getEntireRow().getIntersection(entireColumn(ws, col));
            probe.used.load('rowIndex,values,formulas,numberFormat');
            if (features.rangeAreas) probe.fills = probe.used.getCellProperties({ format: { fill: { color: true } } });
            if (features.merges) {
              probe.merges = probe.used.getMergedAreasOrNullObject();
              probe.merges.load('address');
            }
          }
        }
        break;
      case 'merge': {
        const left = layout.originalCol(edit.sheet, edit.range.left);
        const right = layout.originalCol(edit.sheet, edit.range.right);
        if (left !== null && right !== null && right - left === edit.range.right - edit.range.left) {
          probe.col = left;
          probe.cells = ws.getRangeByIndexes(edit.range.top - 1, left - 1, edit.range.bottom - edit.range.top + 1, right - left + 1);
          probe.cells.load('values,formulas,numberFormat');
          if (features.merges) reaches(edit.sheet, edit.range.bottom, right);
        }
        break;
      }
      case 'unmerge':
        break;
    }
    layout.record(edit);
  }

  const cellRanges: Probes['cellRanges'] = [];
  const bySheet = new Map<string, { row: number; col: number }[]>();
  for (const c of setCells.values()) {
    const list = bySheet.get(c.sheet) ?? [];
    list.push(c);
    bySheet.set(c.sheet, list);
  }
  for (const [name, cells] of bySheet) {
    const ws = worksheets.get(name) as Excel.Worksheet;
    for (const area of loadAreas(cells)) {
      const range = ws.getRangeByIndexes(area.top - 1, area.left - 1, area.rows, area.cols);
      range.load('values,formulas,numberFormat');
      cellRanges.push({ sheet: name, top: area.top, left: area.left, range });
    }
  }
  // Excel refuses a value in the hidden part of a merged area, or a merge over one (and fails the
  // whole batch): the areas over everything the plan touches, in bands under the 512-area limit.
  const merged = features.merges ? mergeBands(worksheets, reach) : new Map<string, Excel.RangeAreas[]>();
  const insertMerged = features.merges ? mergeBands(worksheets, insertReach) : new Map<string, Excel.RangeAreas[]>();
  return { sheets, worksheets, perEdit, cellRanges, merged, insertMerged, insertReach };
}

/** @requires ExcelApi 1.13 — the merged-area queries over each sheet's reach, in bands. */
function mergeBands(worksheets: Map<string, Excel.Worksheet>, reach: Map<string, { bottom: number; right: number }>): Map<string, Excel.RangeAreas[]> {
  const merged = new Map<string, Excel.RangeAreas[]>();
  for (const [name, { bottom, right }] of reach) {
    const ws = worksheets.get(name);
    if (!ws) continue;
    const band = mergeBandRows(right);
    const list: Excel.RangeAreas[] = [];
    for (let top = 0; top < bottom; top += band) {
      const areas = ws.getRangeByIndexes(top, 0, Math.min(band, bottom - top), right).getMergedAreasOrNullObject();
      areas.load('address');
      list.push(areas);
    }
    merged.set(name, list);
  }
  return merged;
}

/** After the sync: each sheet's merged areas (pre-plan coordinates) over what the plan touches. */
export function sheetMerges(probes: Pick<Probes, 'merged'>): Map<string, CellRange[]> {
  const out = new Map<string, CellRange[]>();
  for (const [sheet, list] of probes.merged) out.set(sheet, list.flatMap((a) => (a.isNullObject ? [] : parseAreas(a.address))));
  return out;
}

/** After the sync: setCell cells hidden by a merged area (not its top-left cell), keyed like cellStates. */
export function hiddenByMerge(merges: Map<string, CellRange[]>): Set<string> {
  const out = new Set<string>();
  for (const [sheet, list] of merges) {
    for (const m of list)
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) out.add(`${sheet}\u0000${r},${c}`);
  }
  return out;
}

/** After the sync: the pre-plan state of every setCell cell, keyed "sheet\0row,col". */
export function cellStates(probes: Probes): Map<string, CellState> {
  const out = new Map<string, CellState>();
  for (const { sheet, top, left, range } of probes.cellRanges) {
    const values = range.values;
    const formulas = range.formulas;
    const formats = range.numberFormat;
    values.forEach((line, i) =>
      line.forEach((v, j) => {
        const numberFormat = typeof formats[i][j] === 'string' ? formats[i][j] : null;
        const value = fromExcelValue(v);
        out.set(`${sheet}\u0000${top + i},${left + j}`, { value, shown: shownValue(value, numberFormat), formula: fromExcelFormula(formulas[i][j], v), numberFormat });
      }),
    );
  }
  return out;
}
