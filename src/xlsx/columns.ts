/**
 * Column insert/delete on an exceljs worksheet, done by hand because exceljs's spliceColumns loses
 * merges and styles. Moves cells (value, formula, style, note, hyperlink), widens or shifts merges,
 * moves column widths, and rewrites references in formulas of every sheet, conditional formats,
 * data validations and defined names.
 */
import type ExcelJS from 'exceljs';
import type { CellRange } from '../core/snapshot';
import { dropNote } from './cell-io';
import { conditionalFormattings, dataValidations, definedColumnCount, definedNameModel, mergeAreas, setDefinedNameModel, setMergeAreas } from './exceljs-internals';
import { shiftFormula, shiftRangeList, type ColumnShift, type ShiftOptions } from '../core/formula-refs';
import { columnLetter, columnNumber } from '../core/snapshot';

type CellModel = Record<string, unknown> & { address: string; type: number; style?: unknown };
const MERGE = 1;
const FORMULA = 6;

export function listMerges(ws: ExcelJS.Worksheet): CellRange[] {
  return Object.values(mergeAreas(ws))
    .filter(Boolean)
    .map((m) => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right }));
}

function lastUsedColumn(ws: ExcelJS.Worksheet): number {
  let max = ws.columnCount;
  for (const m of listMerges(ws)) max = Math.max(max, m.right);
  return Math.max(max, definedColumnCount(ws));
}

/** Replaces shared formulas by plain ones so cells can move independently. */
function unshareFormulas(ws: ExcelJS.Worksheet): void {
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type !== FORMULA) return;
      const v = cell.value as { sharedFormula?: string; shareType?: string; formula?: string; result?: unknown };
      if (v.sharedFormula || v.shareType) {
        const formula = cell.formula;
        cell.value = (v.result === undefined ? { formula } : { formula, result: v.result }) as ExcelJS.CellFormulaValue;
      }
    });
  });
}

function shiftFormulasOfSheet(ws: ExcelJS.Worksheet, shift: ColumnShift): void {
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type !== FORMULA) return;
      const v = cell.value as { formula: string; result?: unknown };
      const next = shiftFormula(v.formula, ws.name, shift);
      if (next !== v.formula) cell.value = (v.result === undefined ? { formula: next } : { formula: next, result: v.result }) as ExcelJS.CellFormulaValue;
    });
  });
}

function resetCell(cell: ExcelJS.Cell): void {
  cell.value = null;
  cell.style = {};
  dropNote(cell);
}

function moveCell(ws: ExcelJS.Worksheet, row: number, from: number, to: number): void {
  const src = ws.findCell(row, from);
  const dst = ws.getCell(row, to);
  if (!src) {
    resetCell(dst);
    return;
  }
  const model = { ...(src.model as unknown as CellModel), address: dst.address };
  // merges are re-created afterwards; moved slaves become plain styled cells first
  const next: CellModel = model.type === MERGE ? { address: dst.address, type: 0, style: model.style } : model;
  dropNote(dst);
  dst.model = next as unknown as ExcelJS.CellModel;
}

function setMerges(ws: ExcelJS.Worksheet, merges: CellRange[]): void {
  for (const m of Object.values(mergeAreas(ws))) {
    if (!m) continue;
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) {
        const cell = ws.findCell(r, c);
        if (cell && cell.type === MERGE) {
          const style = cell.style;
          cell.model = { address: cell.address, type: 0, style } as unknown as ExcelJS.CellModel;
        }
      }
  }
  setMergeAreas(ws, {});
  for (const m of merges) if (m.right > m.left || m.bottom > m.top) ws.mergeCellsWithoutStyle(m.top, m.left, m.bottom, m.right);
}

function moveColumnProps(ws: ExcelJS.Worksheet, from: number, to: number): void {
  ws.getColumn(to).defn = ws.getColumn(from).defn;
}

function shiftSheetRanges(ws: ExcelJS.Worksheet, shift: ColumnShift, options: ShiftOptions): void {
  const cfs = conditionalFormattings(ws);
  if (cfs) {
    for (const cf of cfs) {
      cf.ref = shiftRangeList(cf.ref, shift, options) ?? cf.ref;
      for (const rule of cf.rules) if (rule.formulae) rule.formulae = rule.formulae.map((f) => shiftFormula(String(f), ws.name, shift));
    }
  }
  const dv = dataValidations(ws);
  if (dv?.model) {
    const next: Record<string, { formulae?: unknown[] }> = {};
    for (const [ref, rule] of Object.entries(dv.model)) {
      const moved = shiftRangeList(ref.replace(/^range:/, ''), shift, options);
      if (!moved) continue;
      if (rule.formulae) rule.formulae = rule.formulae.map((f) => (typeof f === 'string' ? shiftFormula(f, ws.name, shift) : f));
      next[ref.startsWith('range:') ? `range:${moved}` : moved] = rule;
      // exceljs keeps a validation range cell by cell (one shared rule object): a cell at the right
      // edge whose left neighbour has the same rule belongs to a range ending there, which widens
      const cell = /^([A-Z]+)(\d+)$/.exec(ref);
      if (options.widenRightEdge && shift.delta === 1 && cell && columnNumber(cell[1]) === shift.col - 1 && dv.model[`${columnLetter(shift.col - 2)}${cell[2]}`] === rule) {
        next[`${columnLetter(shift.col)}${cell[2]}`] ??= rule;
      }
    }
    dv.model = next;
  }
}

/**
 * Defined names, print area and titles, autofilter: moved as Excel moves them, a range across the
 * column widening (exceljs's own definedNames.spliceColumns left a hole instead: A10:N412 became
 * A10:K412,M10:O412, issue #16).
 */
function shiftNamedRanges(ws: ExcelJS.Worksheet, shift: ColumnShift, options: ShiftOptions): void {
  const names = definedNameModel(ws.workbook).map((n) => ({ ...n, ranges: n.ranges.map((r) => shiftFormula(r, '', shift, options)).filter((r) => !r.includes('#REF!')) }));
  setDefinedNameModel(ws.workbook, names);
  const area = (a: string) => shiftFormula(a, shift.sheet, shift, options);
  const setup = ws.pageSetup as { printArea?: string; printTitlesColumn?: string };
  if (setup.printArea) setup.printArea = setup.printArea.split('&&').map(area).filter((a) => !a.includes('#REF!')).join('&&') || undefined;
  if (setup.printTitlesColumn) {
    const cols = area(setup.printTitlesColumn);
    setup.printTitlesColumn = cols.includes('#REF!') ? undefined : cols;
  }
  if (typeof ws.autoFilter === 'string') {
    const f = area(ws.autoFilter);
    ws.autoFilter = f.includes('#REF!') ? undefined : f;
  }
}

function shiftEverywhere(ws: ExcelJS.Worksheet, shift: ColumnShift, options: ShiftOptions = {}): void {
  ws.workbook.eachSheet((sheet) => {
    unshareFormulas(sheet);
    shiftFormulasOfSheet(sheet, shift);
  });
  shiftSheetRanges(ws, shift, options);
  shiftNamedRanges(ws, shift, options);
}

/** Inserts an empty column at `col`, formatted like column `formatFrom` (coordinates before the insert); `widen`: see WIDEN in core/plan.ts. */
export function insertColumn(ws: ExcelJS.Worksheet, col: number, formatFrom: number, widen = false): void {
  const shift: ColumnShift = { sheet: ws.name, col, delta: 1 };
  const last = lastUsedColumn(ws);
  const merges = listMerges(ws);
  const from = formatFrom >= col ? formatFrom + 1 : formatFrom;
  shiftEverywhere(ws, shift, { widenRightEdge: widen });
  setMerges(ws, []);
  ws.eachRow({ includeEmpty: true }, (row) => {
    for (let c = last; c >= col; c--) moveCell(ws, row.number, c, c + 1);
    const model = ws.findCell(row.number, from);
    const cell = ws.getCell(row.number, col);
    resetCell(cell);
    if (model) cell.style = model.style;
  });
  for (let c = last; c >= col; c--) moveColumnProps(ws, c, c + 1);
  moveColumnProps(ws, from, col);
  const next: CellRange[] = [];
  for (const m of merges) {
    if (m.right < col) next.push(m);
    else if (m.left >= col) next.push({ ...m, left: m.left + 1, right: m.right + 1 });
    else next.push({ ...m, right: m.right + 1 });
    // vertical merges of the model column (header cells) are repeated in the new column
    const shifted = m.left >= col ? m.left + 1 : m.left;
    if (m.left === m.right && shifted === from && m.bottom > m.top) next.push({ ...m, left: col, right: col });
  }
  setMerges(ws, next);
}

/** Deletes column `col`; cells right of it move left, merges across it narrow. */
export function deleteColumn(ws: ExcelJS.Worksheet, col: number): void {
  const shift: ColumnShift = { sheet: ws.name, col, delta: -1 };
  const last = lastUsedColumn(ws);
  const merges = listMerges(ws);
  shiftEverywhere(ws, shift);
  setMerges(ws, []);
  ws.eachRow({ includeEmpty: true }, (row) => {
    for (let c = col; c < last; c++) moveCell(ws, row.number, c + 1, c);
    if (last >= col) resetCell(ws.getCell(row.number, last));
  });
  for (let c = col; c < last; c++) moveColumnProps(ws, c + 1, c);
  if (last >= col) ws.getColumn(last).defn = undefined as unknown as ExcelJS.Column['defn'];
  const next: CellRange[] = [];
  for (const m of merges) {
    if (m.right < col) next.push(m);
    else if (m.left > col) next.push({ ...m, left: m.left - 1, right: m.right - 1 });
    else if (m.left < m.right) next.push({ ...m, right: m.right - 1 });
  }
  setMerges(ws, next);
}
