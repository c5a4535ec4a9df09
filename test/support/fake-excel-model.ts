/**
 * The grid behind the strict Excel test double (fake-excel.ts): cells, merges, notes, hyperlinks,
 * column widths and sheet visibility, with Excel's own rules for inserting and deleting columns.
 * Loads from and saves to exceljs workbooks so tests compare the two hosts like for like.
 */
import ExcelJS from 'exceljs';
import type { CellRange, CellValue, GridSnapshot } from '../../src/core/snapshot';
import { charsToPoints, pointsToChars } from '../../src/excel/cell-input';
import { readFillColour, readFormula, readHyperlink, readNote, readShown, setHyperlinkValue } from '../../src/xlsx/cell-io';
import { listMerges } from '../../src/xlsx/columns';
import { displayValue } from '../../src/xlsx/snapshot';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface FakeLink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface FakeCell {
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  hyperlink: FakeLink | null;
}

export interface FakeNote {
  row: number;
  col: number;
  content: string;
  deleted: boolean;
}

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

const key = (row: number, col: number) => `${row},${col}`;

export function emptyCell(): FakeCell {
  return { value: null, formula: null, numberFormat: 'General', fill: null, hyperlink: null };
}

function isBlank(c: FakeCell): boolean {
  return c.value === null && c.formula === null && c.numberFormat === 'General' && c.fill === null && c.hyperlink === null;
}

export function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function eachCell(r: CellRange, f: (row: number, col: number) => void): void {
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) f(row, col);
}

let nextId = 1;

export class FakeSheet {
  readonly id = `{sheet-${nextId++}}`;
  cells = new Map<string, FakeCell>();
  merges: CellRange[] = [];
  notes: FakeNote[] = [];
  /** Explicit column widths in points (Excel's API unit). */
  widths = new Map<number, number>();
  standardWidth = 8.43;

  constructor(
    public name: string,
    public visibility: Visibility = 'Visible',
  ) {}

  cell(row: number, col: number): FakeCell {
    return this.cells.get(key(row, col)) ?? emptyCell();
  }

  /** Replaces a cell's facts (drops it when blank, so used ranges stay honest). */
  put(row: number, col: number, patch: Partial<FakeCell>): void {
    const next = { ...this.cell(row, col), ...patch };
    if (isBlank(next)) this.cells.delete(key(row, col));
    else this.cells.set(key(row, col), next);
  }

  note(row: number, col: number): FakeNote | undefined {
    return this.notes.find((n) => !n.deleted && n.row === row && n.col === col);
  }

  private indexed: CellRange[] | null = null;
  private index = new Map<string, CellRange>();

  /** The merged area covering a cell (indexed; the index follows reassignment of `merges`). */
  mergeAt(row: number, col: number): CellRange | undefined {
    if (this.indexed !== this.merges) {
      this.index.clear();
      for (const m of this.merges) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) this.index.set(key(r, c), m);
      this.indexed = this.merges;
    }
    return this.index.get(key(row, col));
  }

  /** A cell inside a merged area other than its top-left one: Excel shows it empty. */
  isHiddenByMerge(row: number, col: number): boolean {
    const m = this.mergeAt(row, col);
    return !!m && (m.top !== row || m.left !== col);
  }

  /** Bounding box of cells with values (valuesOnly) or with anything at all. */
  usedRange(valuesOnly: boolean): CellRange | null {
    let box: CellRange | null = null;
    for (const [k, c] of this.cells) {
      if (valuesOnly ? c.value === null && c.formula === null : isBlank(c)) continue;
      const [row, col] = k.split(',').map(Number);
      box = box
        ? { top: Math.min(box.top, row), left: Math.min(box.left, col), bottom: Math.max(box.bottom, row), right: Math.max(box.right, col) }
        : { top: row, left: col, bottom: row, right: col };
    }
    return box;
  }

  /** Shifts cells of rows top..bottom at or right of `col` by `by` columns (negative: delete). */
  shiftColumns(col: number, by: number, top = 1, bottom = MAX_ROWS): void {
    const moved = new Map<string, FakeCell>();
    for (const [k, c] of this.cells) {
      const [row, c0] = k.split(',').map(Number);
      if (row < top || row > bottom || c0 < col) moved.set(k, c);
      else if (by > 0 || c0 >= col - by) moved.set(key(row, c0 + by), c);
    }
    this.cells = moved;
    for (const n of this.notes) {
      if (n.row < top || n.row > bottom || n.col < col) continue;
      if (by < 0 && n.col < col - by) n.deleted = true;
      else n.col += by;
    }
    const whole = top === 1 && bottom === MAX_ROWS;
    if (whole) {
      const widths = new Map<number, number>();
      for (const [c, w] of this.widths) {
        if (c < col) widths.set(c, w);
        else if (by > 0 || c >= col - by) widths.set(c + by, w);
      }
      this.widths = widths;
    }
    const merges: CellRange[] = [];
    for (const m of this.merges) {
      const inBand = m.top >= top && m.bottom <= bottom;
      if (!inBand && m.right >= col) throw Object.assign(new Error('Cannot change part of a merged cell.'), { code: 'InvalidOperation' });
      if (m.right < col) merges.push(m);
      else if (by > 0) merges.push(m.left >= col ? { ...m, left: m.left + by, right: m.right + by } : { ...m, right: m.right + by });
      else {
        const gone = { left: col, right: col - by - 1 };
        const left = m.left > gone.right ? m.left + by : Math.min(m.left, gone.left);
        const right = m.right > gone.right ? m.right + by : gone.left - 1;
        if (right >= left && (right > left || m.bottom > m.top)) merges.push({ ...m, left, right });
      }
    }
    this.merges = merges;
  }
}

export class FakeModel {
  sheets: FakeSheet[] = [];
  selection: { sheet: string; address: string } | null = null;

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  static fromSnapshot(s: Pick<GridSnapshot, 'sheet' | 'origin' | 'values'> & Partial<GridSnapshot>): FakeModel {
    const model = new FakeModel();
    const sheet = new FakeSheet(s.sheet);
    s.values.forEach((line, i) =>
      line.forEach((value, j) => {
        const row = s.origin.row + i;
        const col = s.origin.col + j;
        sheet.put(row, col, { value, formula: s.formulas?.[i]?.[j] ?? null, numberFormat: s.numberFormats?.[i]?.[j] ?? 'General' });
      }),
    );
    sheet.merges = [...(s.merges ?? [])];
    model.sheets.push(sheet);
    return model;
  }

  static fromExcelJs(wb: ExcelJS.Workbook): FakeModel {
    const model = new FakeModel();
    for (const ws of wb.worksheets) {
      const visibility: Visibility = ws.state === 'veryHidden' ? 'VeryHidden' : ws.state === 'hidden' ? 'Hidden' : 'Visible';
      const sheet = new FakeSheet(ws.name, visibility);
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          const link = readHyperlink(cell);
          const tip = link ? (cell.value as { tooltip?: string }).tooltip : undefined;
          const value = cell.type === 1 ? null : excelValue(cell);
          sheet.put(row.number, col, {
            // Excel has no empty text: a link on an empty cell is an empty cell with a link.
            value: value === '' ? null : value,
            formula: readFormula(cell),
            numberFormat: cell.style?.numFmt || 'General',
            fill: readFillColour(cell),
            hyperlink: link ? { ...linkFromTarget(link), ...(tip ? { screenTip: tip } : {}) } : null,
          });
          const note = readNote(cell);
          if (note !== null) sheet.notes.push({ row: row.number, col, content: note, deleted: false });
        }),
      );
      sheet.merges = listMerges(ws).filter((m) => m.bottom > m.top || m.right > m.left);
      const cols = (ws as unknown as { _columns?: { width?: number }[] })._columns ?? [];
      cols.forEach((c, i) => {
        if (c?.width !== undefined) sheet.widths.set(i + 1, charsToPoints(c.width));
      });
      model.sheets.push(sheet);
    }
    return model;
  }

  /** The grid as an exceljs workbook (for diffWorkbooks against the .xlsx host). */
  toExcelJs(): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    for (const s of this.sheets) {
      const state = s.visibility === 'VeryHidden' ? 'veryHidden' : s.visibility === 'Hidden' ? 'hidden' : 'visible';
      const ws = wb.addWorksheet(s.name, { state });
      for (const [k, c] of s.cells) {
        const [row, col] = k.split(',').map(Number);
        const cell = ws.getCell(row, col);
        const link = c.hyperlink ? linkTarget(c.hyperlink) : null;
        if (c.formula) cell.value = { formula: c.formula.slice(1), result: c.value ?? undefined } as ExcelJS.CellFormulaValue;
        else if (link) setHyperlinkValue(cell, c.value === null ? '' : String(c.value), link, c.hyperlink?.screenTip);
        else cell.value = c.value;
        const style: Partial<ExcelJS.Style> = {};
        if (c.numberFormat !== 'General') style.numFmt = c.numberFormat;
        if (c.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${c.fill.slice(1)}` } };
        cell.style = style;
      }
      for (const n of s.notes) if (!n.deleted) ws.getCell(n.row, n.col).note = n.content;
      for (const m of s.merges) ws.mergeCellsWithoutStyle(m.top, m.left, m.bottom, m.right);
      for (const [col, w] of s.widths) ws.getColumn(col).width = pointsToChars(w);
    }
    return wb;
  }
}

/** What Excel holds: dates as serial numbers (exceljs hands them over as Date objects). */
function excelValue(cell: ExcelJS.Cell): CellValue {
  // cell.result keeps a falsy formula result (0, FALSE) that cell.value drops in exceljs 4.4.
  const shown = cell.type === ExcelJS.ValueType.Formula ? (cell.result as unknown) : (cell.value as unknown);
  if (shown instanceof Date) return shown.getTime() / 86400000 + 25569;
  return cell.type === ExcelJS.ValueType.Formula ? displayValue(shown ?? null) : readShown(cell);
}

/**
 * Excel keeps a link's target in two parts (Excel.RangeHyperlink, ExcelApi 1.7): `address`, "the URL
 * target" (a web page or a file), and `documentReference`, "the document reference target" (a place
 * in this workbook). "address and documentReference are used in different circumstances and wouldn't
 * both be set for the same hyperlink. address sends the user to an external URL. documentReference
 * sends the user to a place in the workbook" (Microsoft, office-scripts-docs-reference#323). A link
 * to a place in another file is the one kind with both parts, as Excel's object model keeps it
 * (Hyperlink.Address + SubAddress; in the .xlsx the file is the relationship's target and the place
 * the `location` attribute, ECMA-376 §18.3.1.47). So the double splits "file.xlsx#'01'!A1" into
 * address "file.xlsx" and documentReference "'01'!A1" and reports it so; the docs do not say how
 * Office.js returns such a link, and the split form is the stricter one for readers (a reader that
 * takes every documentReference for a place in this workbook gets it wrong).
 */
export function splitLink(target: string): FakeLink {
  const hash = target.indexOf('#');
  if (hash < 0) return { address: target };
  if (hash === 0) return { documentReference: target.slice(1) };
  return { address: target.slice(0, hash), documentReference: target.slice(hash + 1) };
}

/** The .xlsx form of a link ("#'01'!A1", "file.xlsx#'01'!A1", a web address). */
export function linkTarget(link: FakeLink): string {
  if (link.address && link.documentReference) return `${link.address}#${link.documentReference}`;
  if (link.documentReference) return `#${link.documentReference.replace(/^#/, '')}`;
  return link.address ?? '';
}

export function linkFromTarget(target: string): FakeLink {
  return splitLink(target);
}
