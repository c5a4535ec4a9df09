/**
 * Every use of exceljs's private fields and untyped members, in this one file. Written against
 * exceljs 4.4.0, which package.json pins exactly (test/architecture/exceljs-internals.test.ts checks
 * both the pin and that no other file reaches a private field). On an upgrade, re-check each accessor
 * against exceljs's lib/doc/worksheet.js, cell.js and defined-names.js.
 */
import ExcelJS from 'exceljs';

export const EXCELJS_VERSION = '4.4.0';

export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

type ParseMergeCells = (this: ExcelJS.Worksheet, model: { mergeCells?: string[] }) => void;

interface WorksheetInternals {
  /** Master address → merged area (worksheet.js `_merges`). */
  _merges?: Record<string, MergeArea>;
  /** Column definitions, also of columns without cells (worksheet.js `_columns`). */
  _columns?: unknown[];
  /** The load step that applies <mergeCells> (worksheet.js `_parseMergeCells`). */
  _parseMergeCells?: ParseMergeCells;
  conditionalFormattings?: { ref: string; rules: { formulae?: string[] }[] }[];
  dataValidations?: { model: Record<string, { formulae?: unknown[] }> };
}

function inner(ws: ExcelJS.Worksheet): WorksheetInternals {
  return ws as unknown as WorksheetInternals;
}

/** The sheet's merged areas by master address (exceljs's own object: changes to it are changes to the sheet). */
export function mergeAreas(ws: ExcelJS.Worksheet): Record<string, MergeArea> {
  return inner(ws)._merges ?? {};
}

export function setMergeAreas(ws: ExcelJS.Worksheet, areas: Record<string, MergeArea>): void {
  inner(ws)._merges = areas;
}

/** How many columns carry a definition (width, style), with or without cells. */
export function definedColumnCount(ws: ExcelJS.Worksheet): number {
  return inner(ws)._columns?.length ?? 0;
}

export function conditionalFormattings(ws: ExcelJS.Worksheet): WorksheetInternals['conditionalFormattings'] {
  return inner(ws).conditionalFormattings;
}

export function dataValidations(ws: ExcelJS.Worksheet): WorksheetInternals['dataValidations'] {
  return inner(ws).dataValidations;
}

/** The defined names as { name, ranges } (defined-names.js `model`, untyped); setting it replaces them all. */
export function definedNameModel(wb: ExcelJS.Workbook): { name: string; ranges: string[] }[] {
  return (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
}

export function setDefinedNameModel(wb: ExcelJS.Workbook, model: { name: string; ranges: string[] }[]): void {
  (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model = model;
}

/** Sets a sheet's place in the tab order (worksheet.js `orderNo`, not in the type definitions). */
export function setSheetOrder(ws: ExcelJS.Worksheet, orderNo: number): void {
  (ws as unknown as { orderNo: number }).orderNo = orderNo;
}

/** Removes a cell's note from both places exceljs keeps it (cell.js `_comment` and the value model). */
export function dropCellComment(cell: ExcelJS.Cell): void {
  const c = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  delete c._comment;
  if (c._value?.model) delete c._value.model.comment;
}

function worksheetPrototype(): { proto: WorksheetInternals & { [key: symbol]: boolean }; sample: ExcelJS.Worksheet } {
  const sample = new ExcelJS.Workbook().addWorksheet('x');
  return { proto: Object.getPrototypeOf(sample) as WorksheetInternals & { [key: symbol]: boolean }, sample };
}

/** Whether this exceljs loads <mergeCells> through the step replaceParseMergeCells replaces. */
export function hasParseMergeCells(): boolean {
  const { proto, sample } = worksheetPrototype();
  return typeof proto._parseMergeCells === 'function' && typeof inner(sample)._merges === 'object';
}

/**
 * Replaces the worksheet load step for <mergeCells> once per process (`marker` makes it idempotent).
 * Returns false when this exceljs has no such step (another version): nothing is replaced.
 */
export function replaceParseMergeCells(replacement: ParseMergeCells, marker: symbol): boolean {
  const { proto } = worksheetPrototype();
  if (proto[marker]) return true;
  if (!hasParseMergeCells()) return false;
  proto._parseMergeCells = replacement;
  proto[marker] = true;
  return true;
}
