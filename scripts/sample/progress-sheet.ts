/**
 * Lays the parsed published table out as the 進捗状況一覧表 worksheet a city office keeps:
 * title and notes, part/goal/area/policy/measure/projects heading rows, 38 KPI tables whose
 * KPIs take two rows (実績値, 達成率) with the name, 担当課, 備考 and シートNo. merged over the pair.
 * Every value is written as the printed text.
 */
import type ExcelJS from 'exceljs';
import { TABLE_WIDTH, type Block, type ParsedTable } from './parse-table';
import { addPageBreaks, pageCapacity, type PrintUnit } from './paginate';
import { LINE_POINTS, a4Landscape, font, solidFill, thin, wrappedLines } from './style';

export const PROGRESS_SHEET_NAME = '進捗状況一覧表';

/** Column widths A…N: KPI, label, 基準値, 目標値, R1, R2, 事業費, R3…R6, 担当課, 備考, シートNo. */
const WIDTHS = [36, 7, 11, 11, 10, 10, 10, 8, 8, 8, 8, 13, 26, 7];
const TABLE_UNITS = WIDTHS.reduce((a, b) => a + b, 0);
const LAST_COL = 'N';
/** Columns merged over the two rows of a KPI pair (1-based): name, 担当課, 備考, シートNo. */
const PAIR_MERGED = [1, 12, 13, 14];
const HEADER_FILL = 'FFDDEBF7';
const PART_FILL = 'FFFCE4D6';
const GOAL_FILL = 'FFF2F2F2';

export function addProgressSheet(wb: ExcelJS.Workbook, table: ParsedTable): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(PROGRESS_SHEET_NAME, { views: [{ zoomScale: 90 }] });
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  let row = 1;
  let part = '';
  let previous: Block['kind'] | null = null;
  const units: PrintUnit[] = [];
  for (const block of table.blocks) {
    if (row > 1 && needsGapBefore(block)) row++;
    if (block.kind === 'part') part = block.text;
    // A heading after a table starts a print unit; each 個別目標 基本目標 starts a new page.
    const forced = (block.kind === 'part' && units.length > 0) || (block.kind === 'goal' && part === '■個別目標' && previous !== 'part');
    if (previous === 'kpi' && block.kind !== 'kpi' && block.kind !== 'header') units.push({ row, forced });
    else if (forced) units.push({ row, forced });
    row = writeBlock(ws, row, block);
    previous = block.kind;
  }
  a4Landscape(ws, row - 1, LAST_COL);
  addPageBreaks(ws, units, row - 1, pageCapacity(TABLE_UNITS, TABLE_WIDTH));
  return ws;
}

function needsGapBefore(block: Block): boolean {
  return ['part', 'goal', 'area', 'measure', 'header'].includes(block.kind);
}

/** Writes one block at `row`; returns the next free row. */
function writeBlock(ws: ExcelJS.Worksheet, row: number, block: Block): number {
  switch (block.kind) {
    case 'title':
      return writeTitle(ws, row, block.text);
    case 'header':
      return writeHeader(ws, row, block.cells);
    case 'kpi':
      return writeKpi(ws, row, block.actual, block.rate);
    case 'policy':
      return writePolicy(ws, row, block.text);
    default:
      return writeHeading(ws, row, block.kind, block.text);
  }
}

function writeTitle(ws: ExcelJS.Worksheet, row: number, text: string): number {
  ws.mergeCells(row, 1, row, TABLE_WIDTH);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = font(16, true);
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(row).height = 28;
  return row + 2;
}

function writeHeading(ws: ExcelJS.Worksheet, row: number, kind: Block['kind'], text: string): number {
  const cell = ws.getCell(row, 1);
  cell.value = text;
  const big = kind === 'part' || kind === 'goal';
  cell.font = font(big ? 12 : 10, kind !== 'note' && kind !== 'projects');
  if (kind === 'part' || kind === 'goal') {
    const fill = solidFill(kind === 'part' ? PART_FILL : GOAL_FILL);
    for (let c = 1; c <= TABLE_WIDTH; c++) ws.getCell(row, c).fill = fill;
    ws.getRow(row).height = 20;
  }
  return row + 1;
}

function writePolicy(ws: ExcelJS.Worksheet, row: number, text: string): number {
  ws.mergeCells(row, 1, row, TABLE_WIDTH);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = font(10);
  cell.alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(row).height = wrappedLines(text, TABLE_UNITS) * LINE_POINTS + 4;
  return row + 1;
}

function writeHeader(ws: ExcelJS.Worksheet, row: number, cells: string[]): number {
  // The KPI header spans the name and the 実績値/達成率 label column, as in the published table.
  for (let c = 1; c <= TABLE_WIDTH; c++) {
    const cell = ws.getCell(row, c);
    if (cells[c - 1] !== '') cell.value = cells[c - 1];
    cell.font = font(10, true);
    cell.fill = solidFill(HEADER_FILL);
    cell.border = thin;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  ws.getRow(row).height = 30;
  return row + 1;
}

function writeKpi(ws: ExcelJS.Worksheet, row: number, actual: string[], rate: string[]): number {
  for (const [r, cells] of [[row, actual], [row + 1, rate]] as const) {
    for (let c = 1; c <= TABLE_WIDTH; c++) {
      const cell = ws.getCell(r, c);
      if (cells[c - 1] !== '') cell.value = cells[c - 1];
      cell.font = font(c === 13 ? 9 : 10);
      cell.border = thin;
      cell.alignment = alignmentFor(c);
    }
  }
  for (const c of PAIR_MERGED) {
    if (rate[c - 1] === '') ws.mergeCells(row, c, row + 1, c);
  }
  const lines = Math.max(2, ...PAIR_MERGED.map((c) => wrappedLines(actual[c - 1], WIDTHS[c - 1] * (c === 13 ? 1.1 : 1))));
  const height = Math.max(15, (lines * LINE_POINTS + 4) / 2);
  ws.getRow(row).height = height;
  ws.getRow(row + 1).height = height;
  return row + 2;
}

function alignmentFor(col: number): Partial<ExcelJS.Alignment> {
  if (col === 1 || col === 12 || col === 13) return { vertical: 'middle', wrapText: true };
  if (col === 2 || col === 14) return { horizontal: 'center', vertical: 'middle' };
  return { horizontal: 'right', vertical: 'middle' };
}
