/**
 * The undo record on the Excel side: the same veryHidden sheet `_kpi_undo` and the same JSON rows as
 * the .xlsx host (core/undo.ts encodeRecord/decodeRecord), so a workbook moves between the add-in and
 * the CLI with its history. What differs is how it is kept in Excel:
 *
 * - It is read in the plan's verify sync and written in the plan's first write block, ahead of the
 *   plan's own writes: no extra syncs, and a block Excel refuses part-way never leaves written cells
 *   without the entry that restores them.
 * - The writes run in an undo group (mergeUndoGroup, ExcelApi 1.20). The "Undo capabilities" page
 *   lists Worksheet.delete as without undo everywhere and setting Worksheet.visibility as without
 *   undo on Windows and Mac; either inside the group throws UndoNotSupported. So the record only ever
 *   writes cells of column A: an empty record is an empty JSON list, never a deleted sheet, and the
 *   sheet is created (add + veryHidden) once, in the verify's ungrouped run, before the grouped one.
 *   A custom XML part (ExcelApi 1.5) would avoid the sheet, but the .xlsx host and the CLI read the
 *   sheet; the format stays shared.
 */
import type { CellValue, GridSnapshot } from '../core/snapshot';
import { UNDO_SHEET, decodeRecord, emptyRecord, encodeRecord, type UndoRecord } from '../core/undo';
import { toExcelInput } from './cell-input';
import { fromExcelValue } from './cell-input';
import { rowChunks, rowsOp, type WriteOp } from './write';
import type { WriteGuard } from './guard';

type Context = Excel.RequestContext;

export interface StoredRecord {
  record: UndoRecord;
  /** Rows column A holds now; null when the record sheet does not exist. */
  rows: number | null;
}

export interface RecordRead {
  sheet: Excel.Worksheet;
  used: Excel.Range;
}

/**
 * Queues the record's read (into the verify sync): the used range of a sheet that may not exist.
 * Assumed: a *OrNullObject method of a null object gives a null object (the null-object pattern of
 * Office.js; the documentation does not say it for chains, and the double models it so). Unproven
 * without real Excel; `sheet.isNullObject` is checked before the used range is looked at.
 */
export function queueRecordRead(context: Context): RecordRead {
  const sheet = context.workbook.worksheets.getItemOrNullObject(UNDO_SHEET);
  sheet.load('name');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('values,rowIndex,columnIndex');
  return { sheet, used };
}

/** After the sync: the record (throws UndoRecordError when it is damaged, before anything is written). */
export function recordFromRead(read: RecordRead): StoredRecord {
  if (read.sheet.isNullObject) return { record: emptyRecord(), rows: null };
  if (read.used.isNullObject) return { record: emptyRecord(), rows: 0 };
  const top = read.used.rowIndex;
  const values: CellValue[][] = [];
  for (let r = 0; r < top; r++) values.push([null]);
  // Column A only (the record's column); a used range starting right of A holds no record.
  for (const line of read.used.values) values.push([read.used.columnIndex === 0 ? fromExcelValue(line[0]) : null]);
  const snap: GridSnapshot = { sheet: UNDO_SHEET, origin: { row: 1, col: 1 }, values, formulas: values.map(() => [null]), numberFormats: values.map(() => [null]), merges: [] };
  return { record: decodeRecord(snap), rows: values.length };
}

/** Queues the record sheet's creation, veryHidden, into an ungrouped run (visibility has no undo on Windows/Mac). */
export function queueRecordSheet(context: Context): void {
  const sheet = context.workbook.worksheets.add(UNDO_SHEET);
  sheet.visibility = 'VeryHidden';
}

/** The writes that store `record` over `rows` existing rows (column A, text with Excel's apostrophe). */
export function recordWrites(context: Context, record: UndoRecord, rows: number, budget: number, guard?: WriteGuard): WriteOp[] {
  const encoded = encodeRecord(record);
  const height = Math.max(encoded.length, rows);
  const matrix = Array.from({ length: height }, (_, i) => [toExcelInput({ value: encoded[i]?.[0] ?? null })]);
  return rowChunks(matrix, budget).map((chunk) =>
    rowsOp(chunk.rows, 300, (offset, part) => {
      guard?.note(UNDO_SHEET, null);
      context.workbook.worksheets.getItem(UNDO_SHEET).getRangeByIndexes(chunk.offset + offset, 0, part.length, 1).formulas = part;
    }),
  );
}
