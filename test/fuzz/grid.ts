/**
 * A plain, cheap-to-copy model of a worksheet (raw exceljs values, styles, notes, merges, widths),
 * read once from the bundled sample. Mutations edit this model; each fuzz case then builds a fresh
 * exceljs workbook from it in memory, with no zip parsing per case.
 */
import ExcelJS from 'exceljs';
import type { CellRange } from '../../src/core/snapshot';
import { readNote, setHyperlinkValue } from '../../src/xlsx/cell-io';

export interface GridCell {
  /** Raw exceljs value (string, number, rich text, hyperlink, formula or error object). */
  v: ExcelJS.CellValue;
  style?: Partial<ExcelJS.Style>;
  note?: string;
}

export interface GridSheet {
  name: string;
  /** rows[r][c] for worksheet row r+1, column c+1; null = untouched cell. */
  rows: (GridCell | null)[][];
  merges: CellRange[];
  widths: (number | undefined)[];
}

export function gridFromWorksheet(ws: ExcelJS.Worksheet): GridSheet {
  const rows: (GridCell | null)[][] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const line: (GridCell | null)[] = new Array(width).fill(null);
    const row = ws.findRow(r);
    row?.eachCell({ includeEmpty: true }, (cell, c) => {
      if (c > width || cell.type === ExcelJS.ValueType.Merge) return;
      const note = readNote(cell) ?? undefined;
      line[c - 1] = { v: structuredClone(cell.value), style: structuredClone(cell.style ?? {}), ...(note ? { note } : {}) };
    });
    rows.push(line);
  }
  const merges = Object.values((ws as unknown as { _merges: Record<string, CellRange> })._merges).map((m) => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right }));
  const widths = Array.from({ length: width }, (_, i) => ws.getColumn(i + 1).width);
  return { name: ws.name, rows, merges, widths };
}

export function cloneGrid(g: GridSheet): GridSheet {
  return {
    name: g.name,
    rows: g.rows.map((line) => line.slice()),
    merges: g.merges.map((m) => ({ ...m })),
    widths: g.widths.slice(),
  };
}

/** Writes the grid into a new worksheet; cells are copied so workbooks never share objects. */
export function writeGrid(wb: ExcelJS.Workbook, g: GridSheet): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(g.name);
  g.widths.forEach((w, i) => {
    if (w !== undefined) ws.getColumn(i + 1).width = w;
  });
  g.rows.forEach((line, r) =>
    line.forEach((cell, c) => {
      if (!cell) return;
      const target = ws.getCell(r + 1, c + 1);
      const link = cell.v as { text?: unknown; hyperlink?: string } | null;
      // through the product's own writer: exceljs alone turns an empty-text link into a JSON value
      if (link && typeof link === 'object' && typeof link.hyperlink === 'string') setHyperlinkValue(target, String(link.text ?? ''), link.hyperlink);
      else target.value = structuredClone(cell.v);
      if (cell.style) target.style = structuredClone(cell.style);
      if (cell.note) target.note = cell.note;
    }),
  );
  for (const m of g.merges) ws.mergeCellsWithoutStyle(m.top, m.left, m.bottom, m.right);
  return ws;
}

export function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}
