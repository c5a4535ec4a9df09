/**
 * Reading and writing one exceljs cell in the terms of the core (CellValue, formula, number format).
 * exceljs shares style objects between cells loaded with the same style id, so every style change
 * here replaces the cell's style object instead of mutating it.
 */
import { dropCellComment } from './exceljs-internals';
import type ExcelJS from 'exceljs';
import type { CellValue } from '../core/snapshot';
import type { CellContent } from '../core/plan';
import { displayValue, readFillColour, readHyperlink, readNote } from './snapshot';

/** The readers of a cell's extras live beside the snapshot that reads them in its one walk. */
export { readFillColour, readHyperlink, readNote };

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH_MS) / 86400000;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
    if (typeof o.error === 'string') return o.error;
    if ('formula' in o || 'sharedFormula' in o) return plainValue(o.result);
    if ('hyperlink' in o) return plainValue(o.text);
  }
  return String(v);
}

/** The value a reader sees: formula results, rich text flattened, hyperlink text, errors as "#REF!". */
export function readValue(cell: ExcelJS.Cell): CellValue {
  if (cell.type === 1 /* Merge */) return null;
  return plainValue(cell.value);
}

/** The value as snapshots show it (dates as ISO text): what plan expectations are compared with. */
export function readShown(cell: ExcelJS.Cell): CellValue {
  if (cell.type === 1) return null;
  return displayValue(cell.value);
}

/** Formula text with its leading "=" (shared formulas translated to this cell), or null. */
export function readFormula(cell: ExcelJS.Cell): string | null {
  if (cell.type === 1) return null;
  const f = cell.formula;
  return f ? `=${f}` : null;
}

export function readNumberFormat(cell: ExcelJS.Cell): string {
  return cell.style?.numFmt || 'General';
}

/** Everything setCell may change, so that its inverse restores it. */
export function readContent(cell: ExcelJS.Cell): CellContent {
  const formula = readFormula(cell);
  const value = readValue(cell);
  return formula ? { formula, value, numberFormat: readNumberFormat(cell) } : { value, numberFormat: readNumberFormat(cell) };
}

/**
 * Writes content. Text is stored as a string (exceljs never parses "=…" strings as formulas).
 * With a formula, `value` becomes the cached result, so readers that do not calculate still see it.
 * A hyperlink on the cell is kept when the new value is text.
 */
export function writeContent(cell: ExcelJS.Cell, content: CellContent): void {
  const link = cell.type === 5 /* Hyperlink */ ? (cell.value as ExcelJS.CellHyperlinkValue).hyperlink : null;
  if (content.formula) {
    const formula = content.formula.replace(/^=/, '');
    const result = content.value ?? undefined;
    cell.value = (result === undefined ? { formula } : { formula, result }) as ExcelJS.CellFormulaValue;
  } else {
    const v = content.value ?? null;
    if (link && typeof v === 'string') setHyperlinkValue(cell, v, link);
    else cell.value = v;
  }
  if (content.numberFormat !== undefined) setStyle(cell, { numFmt: content.numberFormat });
}

/** Replaces style properties (undefined removes one) without touching other cells sharing the style. */
export function setStyle(cell: ExcelJS.Cell, patch: Partial<ExcelJS.Style>): void {
  const next: Record<string, unknown> = { ...(cell.style ?? {}) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || (k === 'numFmt' && v === 'General')) delete next[k];
    else next[k] = v;
  }
  cell.style = next as Partial<ExcelJS.Style>;
}

/** Removes a note. exceljs's cell.model getter copies the note into the value's model, where it would
 *  survive and be written again, so it goes from both places. */
export function dropNote(cell: ExcelJS.Cell): void {
  dropCellComment(cell);
}

export function writeNote(cell: ExcelJS.Cell, note: string | null): void {
  if (note === null) {
    dropNote(cell);
  } else {
    cell.note = note;
  }
}

/**
 * Puts a hyperlink value on a cell. exceljs takes `{text: '', hyperlink}` for a JSON value (it wants a
 * truthy text) and would write that object as the cell's text, so an empty display goes in by model.
 */
export function setHyperlinkValue(cell: ExcelJS.Cell, text: string, hyperlink: string, tooltip?: string): void {
  const value = tooltip ? { text, hyperlink, tooltip } : { text, hyperlink };
  if (text !== '') cell.value = value as ExcelJS.CellHyperlinkValue;
  else cell.model = { ...(cell.model as object), ...value, address: cell.address, type: 5 } as unknown as ExcelJS.CellModel;
}

/** Sets or removes a hyperlink, keeping the cell's displayed value. Formula cells cannot carry one. */
export function writeHyperlink(cell: ExcelJS.Cell, target: string | null, tooltip?: string): boolean {
  if (cell.formula) return false;
  const text = readValue(cell);
  if (target === null) {
    if (cell.type === 5) cell.value = text;
    return true;
  }
  setHyperlinkValue(cell, text === null ? '' : String(text), target, tooltip);
  return true;
}

