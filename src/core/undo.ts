/**
 * The undo record kept inside the workbook: a veryHidden sheet `_kpi_undo` holding JSON in column A,
 * chunked under Excel's 32,767-character cell limit. Each chunk starts with "|" so no host ever
 * reads it as a formula. Entries form a stack; `undo` pops the newest. Pure (no host calls).
 */
import type { CellEdit, CommandName, EditPlan } from './plan';
import type { CellValue, GridSnapshot } from './snapshot';

export const UNDO_SHEET = '_kpi_undo';
export const CHUNK = 30000;
const HEADER = 'KPI進捗アシスタント 取り消し記録 (編集しないでください) / undo record of KPI progress assistant (do not edit)';

/** A cell written by `fill`, so that a later fill may overwrite it (and nothing else). */
export interface OwnedCell {
  sheet: string;
  row: number;
  col: number;
  value: CellValue;
  formula: string | null;
}

export interface UndoEntry {
  id: number;
  command: CommandName;
  /** ISO time of the apply. */
  at: string;
  summary: string;
  /** Edits restoring the state before this command, in order. */
  inverse: CellEdit[];
  owned?: OwnedCell[];
}

export interface UndoRecord {
  version: 1;
  entries: UndoEntry[];
}

/** The record sheet cannot be read (edited by hand, cut): message in Japanese, `messageEn` in English. */
export class UndoRecordError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = 'UndoRecordError';
  }
}

const damaged = (ja: string, en: string) =>
  new UndoRecordError(
    `取り消し記録（非表示シート ${UNDO_SHEET}）が読めません: ${ja}。取り消しはできません。kpi-progress clean で記録を消せます。`,
    `The undo record (hidden sheet ${UNDO_SHEET}) cannot be read: ${en}. Undo is not possible; kpi-progress clean removes the record.`,
  );

export function emptyRecord(): UndoRecord {
  return { version: 1, entries: [] };
}

/** Rows for the record sheet (column A): a header, then the JSON in chunks. */
export function encodeRecord(record: UndoRecord): CellValue[][] {
  const json = JSON.stringify(record);
  const rows: CellValue[][] = [[HEADER]];
  for (let i = 0; i < json.length; i += CHUNK) rows.push([`|${json.slice(i, i + CHUNK)}`]);
  return rows;
}

/** Reads the record from its sheet's snapshot; throws UndoRecordError when it is damaged. */
export function decodeRecord(s: GridSnapshot): UndoRecord {
  const chunks: string[] = [];
  for (let r = 1; r < s.values.length; r++) {
    const v = s.values[r][0];
    if (v === null || v === '') break;
    if (typeof v !== 'string' || !v.startsWith('|')) throw damaged(`${r + s.origin.row}行目が記録の形式ではありません`, `row ${r + s.origin.row} is not part of the record`);
    chunks.push(v.slice(1));
  }
  if (chunks.length === 0) return emptyRecord();
  try {
    const parsed = JSON.parse(chunks.join('')) as UndoRecord;
    if (parsed.version !== 1 || !Array.isArray(parsed.entries)) throw new Error('unknown version');
    return parsed;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw damaged(why, why);
  }
}

/**
 * The plan that writes `record` to the workbook, given how many rows the sheet holds now
 * (null: the sheet does not exist). An empty record removes the sheet.
 */
export function recordPlan(record: UndoRecord, existingRows: number | null): EditPlan {
  const base = { command: 'undo' as const, summary: 'undo record', notices: [] };
  if (record.entries.length === 0) return { ...base, edits: existingRows === null ? [] : [{ kind: 'deleteSheet', sheet: UNDO_SHEET }] };
  const rows = encodeRecord(record);
  if (existingRows === null) return { ...base, edits: [{ kind: 'addSheet', sheet: UNDO_SHEET, visibility: 'veryHidden', rows }] };
  const edits: CellEdit[] = [];
  for (let i = 0; i < Math.max(rows.length, existingRows); i++) {
    const value = i < rows.length ? rows[i][0] : null;
    edits.push({ kind: 'setCell', sheet: UNDO_SHEET, row: i + 1, col: 1, expect: null, content: { value } });
  }
  return { ...base, edits };
}

/** Cells currently owned by fill: the newest entry writing a cell wins. */
export function ownedCells(record: UndoRecord): Map<string, OwnedCell> {
  const out = new Map<string, OwnedCell>();
  for (const entry of record.entries) for (const c of entry.owned ?? []) out.set(`${c.sheet}!${c.row},${c.col}`, c);
  return out;
}

export function ownedKey(sheet: string, row: number, col: number): string {
  return `${sheet}!${row},${col}`;
}

export function nextEntryId(record: UndoRecord): number {
  return record.entries.reduce((m, e) => Math.max(m, e.id), 0) + 1;
}
