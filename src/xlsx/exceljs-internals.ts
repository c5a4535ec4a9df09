/**
 * Every use of exceljs's private fields and untyped members, in this one file. Written against
 * exceljs 4.4.0, which package.json pins exactly (test/architecture/exceljs-internals.test.ts checks
 * both the pin and that no other file reaches a private field). On an upgrade, re-check each accessor
 * against exceljs's lib/doc/worksheet.js, row.js, cell.js and defined-names.js.
 */
import type ExcelJS from 'exceljs';
import { Workbook } from './exceljs-workbook';

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

/** A Row's fields exceljs's row load step sets (row.js `_number`, `_cells`, `_worksheet`), for row-model.ts. */
interface RowInternals {
  _number: number;
  _cells: unknown[];
  _worksheet: { getColumn(col: number): unknown };
}

/** A row's number (row.js `_number`). */
export function rowNumber(row: object): number {
  return (row as RowInternals)._number;
}

/** Gives a row a new empty list of cells (row.js `_cells`, indexed by column − 1) and returns it. */
export function startRowCells<C>(row: object): (C | undefined)[] {
  const cells: (C | undefined)[] = [];
  (row as RowInternals)._cells = cells;
  return cells;
}

/** The Column object of a row's sheet (row.js `_worksheet.getColumn`), made when missing. */
export function rowColumn(row: object, col: number): unknown {
  return (row as RowInternals)._worksheet.getColumn(col);
}

function worksheetPrototype(): { proto: WorksheetInternals & { [key: symbol]: boolean }; sample: ExcelJS.Worksheet } {
  const sample = new Workbook().addWorksheet('x');
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

/** A <hyperlink> with a `location`, as exceljs parsed it, and its relationship's target when it has one. */
export interface ParsedLocationLink {
  /** The link's `ref` ("B3" or "B3:C4"). */
  ref: string;
  location: string;
  relTarget: string | null;
}

interface XlsxInternals {
  workbook: ExcelJS.Workbook;
  /** Joins the parsed parts into one model, then the load applies it (xlsx/xlsx.js `reconcile`). */
  reconcile(model: { worksheets?: ParsedSheetModel[]; worksheetRels?: Record<string, { Id: string; Target: string }[]> }, options: unknown): void;
  [key: symbol]: boolean;
}

interface ParsedSheetModel {
  name?: string;
  /** The N of xl/worksheets/sheetN.xml: the key of its relationships in `worksheetRels`. */
  sheetNo?: string;
  /** From xform/sheet/hyperlink-xform.js: `target` is the `location` attribute when it is not empty. */
  hyperlinks?: { address?: string; rId?: string; target?: string }[];
}

const locationLinksOf = new WeakMap<ExcelJS.Workbook, Map<string, ParsedLocationLink[]>>();

/**
 * exceljs 4.4 parses each <hyperlink>'s `location` (xform/sheet/hyperlink-xform.js), but the
 * worksheet's reconcile (xform/sheet/worksheet-xform.js) keeps only links with a relationship, and
 * those without their location. Wraps the load's reconcile once per process (`marker` makes it
 * idempotent) to keep, per loaded workbook and sheet name, the links that have a location: the
 * host puts them back without unzipping the sheets a second time. False on another exceljs.
 */
export function keepLocationLinks(marker: symbol): boolean {
  const proto = Object.getPrototypeOf(new Workbook().xlsx) as XlsxInternals;
  if (proto[marker]) return true;
  if (typeof proto.reconcile !== 'function') return false;
  const reconcile = proto.reconcile;
  proto.reconcile = function (this: XlsxInternals, model, options) {
    // the reconcile names the sheets but deletes their links and relationships: read both first
    const kept = new Map<ParsedSheetModel, ParsedLocationLink[]>();
    for (const sheet of model.worksheets ?? []) {
      const rels = new Map((model.worksheetRels?.[sheet.sheetNo ?? ''] ?? []).map((r) => [r.Id, r.Target]));
      const links: ParsedLocationLink[] = [];
      for (const h of sheet.hyperlinks ?? []) {
        if (!h.address || h.target === undefined) continue;
        links.push({ ref: h.address, location: h.target, relTarget: h.rId ? (rels.get(h.rId) ?? null) : null });
      }
      kept.set(sheet, links);
    }
    reconcile.call(this, model, options);
    const bySheet = new Map<string, ParsedLocationLink[]>();
    for (const sheet of model.worksheets ?? []) if (sheet.name !== undefined) bySheet.set(sheet.name, kept.get(sheet) ?? []);
    locationLinksOf.set(this.workbook, bySheet);
  };
  proto[marker] = true;
  return true;
}

/** The links with a location of each sheet of a workbook loaded after keepLocationLinks, by sheet name. */
export function parsedLocationLinks(wb: ExcelJS.Workbook): Map<string, ParsedLocationLink[]> | undefined {
  return locationLinksOf.get(wb);
}
