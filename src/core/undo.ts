/**
 * The undo record kept inside the workbook: a veryHidden sheet `_kpi_undo` holding JSON in column A,
 * chunked under Excel's 32,767-character cell limit. Each chunk starts with "|" so no host ever
 * reads it as a formula. Entries form a stack; `undo` pops the newest. Pure (no host calls).
 */
import { linkTarget, type CellEdit, type CommandName, type EditPlan, type SkippedEdit } from './plan';
import { cellAddress, columnLetter, valueAt, type CellValue, type GridSnapshot } from './snapshot';
import { matchesExpectation } from './apply-rules';
import { MessageError, t } from './catalogue';
import { UNDO_RECORD_HEADER } from './catalogue/words';

export const UNDO_SHEET = '_kpi_undo';
export const CHUNK = 30000;
const HEADER = UNDO_RECORD_HEADER;

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
  /** Set when an undo left part of this entry (what later work kept from being undone). */
  partial?: boolean;
}

export interface UndoRecord {
  version: 1;
  entries: UndoEntry[];
}

/** The record sheet cannot be read (edited by hand, cut): a catalogue error (`undo.damaged`); `messageEn` in English. */
export class UndoRecordError extends MessageError<'undo.damaged'> {
  constructor(damage: { row: number | null; why: string | null }) {
    super('undo.damaged', { sheet: UNDO_SHEET, ...damage });
    this.name = 'UndoRecordError';
  }
  get messageEn(): string {
    return t('en', this.id, ...this.params);
  }
}


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
    if (typeof v !== 'string' || !v.startsWith('|')) throw new UndoRecordError({ row: r + s.origin.row, why: null });
    chunks.push(v.slice(1));
  }
  if (chunks.length === 0) return emptyRecord();
  try {
    const parsed = JSON.parse(chunks.join('')) as UndoRecord;
    if (parsed.version !== 1 || !Array.isArray(parsed.entries)) throw new Error('unknown version');
    return parsed;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new UndoRecordError({ row: null, why });
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

// ---------------------------------------------------------------------------------------------
// Undo that never destroys later work (issue #16). Decided here for every host: an inverse edit
// applies only where the cell still holds what the command wrote; removing an inserted column only
// when it is still that column and holds nothing the user typed. What is not undone stays recorded.

const markKey = (kind: string, sheet: string, row: number, col: number) => `${kind}\u0000${sheet}\u0000${row},${col}`;

/**
 * The inverse of an applied plan with what the command wrote attached to each fill, note and link
 * edit (setCell inverses carry it already as `expect`), so that undo can tell later work apart.
 */
export function guardInverse(plan: EditPlan, skipped: SkippedEdit[], inverse: CellEdit[]): CellEdit[] {
  const notApplied = new Set(skipped.map((s) => s.edit));
  const wrote = new Map<string, string | null>();
  for (const e of plan.edits) {
    if (notApplied.has(e)) continue;
    if (e.kind === 'setFill') wrote.set(markKey(e.kind, e.sheet, e.row, e.col), e.fill);
    else if (e.kind === 'setNote') wrote.set(markKey(e.kind, e.sheet, e.row, e.col), e.note);
    else if (e.kind === 'setHyperlink') wrote.set(markKey(e.kind, e.sheet, e.row, e.col), e.link ? linkTarget(e.link) : null);
  }
  return inverse.map((e) => {
    if (e.kind === 'deleteSheet') {
      const rows = plannedSheet(plan, notApplied, e.sheet);
      return rows && e.expectRows === undefined ? { ...e, expectRows: rowsDigest(rows) } : e;
    }
    if (e.kind !== 'setFill' && e.kind !== 'setNote' && e.kind !== 'setHyperlink') return e;
    const k = markKey(e.kind, e.sheet, e.row, e.col);
    if (!wrote.has(k)) return e;
    const value = wrote.get(k) ?? null;
    if (e.kind === 'setFill') return e.expectFill === undefined ? { ...e, expectFill: value } : e;
    if (e.kind === 'setNote') return e.expectNote === undefined ? { ...e, expectNote: value } : e;
    return e.expectLink === undefined ? { ...e, expectLink: value } : e;
  });
}

/** The cells of a sheet the plan added, as the plan leaves them (formulas as their text), or null. */
function plannedSheet(plan: EditPlan, notApplied: Set<CellEdit>, sheet: string): CellValue[][] | null {
  let rows: CellValue[][] | null = null;
  for (const e of plan.edits) {
    if (e.sheet !== sheet || notApplied.has(e)) continue;
    if (e.kind === 'addSheet') rows = (e.rows ?? []).map((line) => [...line]);
    else if (rows && e.kind === 'setCell') {
      while (rows.length < e.row) rows.push([]);
      const line = rows[e.row - 1];
      while (line.length < e.col) line.push(null);
      line[e.col - 1] = e.content.formula ?? e.content.value ?? null;
    } else if (rows && e.kind !== 'setFill' && e.kind !== 'setNote' && e.kind !== 'setHyperlink' && e.kind !== 'setColumnWidth' && e.kind !== 'merge') return null;
  }
  return rows;
}

/**
 * A short digest of a sheet's cells (FNV-1a over the non-empty cells, "" as empty), so an undo
 * record can tell whether a sheet the command added still holds only what it wrote.
 */
export function rowsDigest(rows: CellValue[][], origin = { row: 1, col: 1 }, formulas?: (string | null)[][]): string {
  let h = 0x811c9dc5;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  };
  rows.forEach((line, r) =>
    line.forEach((value, c) => {
      const v = formulas?.[r]?.[c] ?? value;
      if (v === null || v === '') return;
      feed(`${r + origin.row},${c + origin.col}=${typeof v}:${String(v)}\u0000`);
    }),
  );
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Sheets whose cells undo must see before it removes a column or a sheet. */
export function sheetsUndoReads(entry: UndoEntry): string[] {
  return [...new Set(entry.inverse.filter((e) => e.kind === 'deleteColumn' || (e.kind === 'deleteSheet' && e.expectRows)).map((e) => e.sheet))];
}

function onColumn(e: CellEdit, sheet: string, col: number): boolean {
  if (e.sheet !== sheet) return false;
  if ('range' in e) return e.range.left <= col && col <= e.range.right;
  return 'col' in e && e.col === col;
}

const isEmpty = (v: CellValue, f: string | null) => f === null && (v === null || v === '');

/**
 * Splits an entry's inverse into what may run now and what must be kept: a column removal is kept
 * (with every edit of that column) when the column holds a value or formula the command's own
 * restores do not clear, or when one of those restores finds another value (the column moved or
 * is not ours); edits after a kept removal in that sheet are kept too (their columns would be off).
 */
export function planUndo(entry: UndoEntry, snapshots: GridSnapshot[]): { edits: CellEdit[]; kept: SkippedEdit[] } {
  const inv = entry.inverse;
  const keep = new Map<CellEdit, string>();
  const blockedSheets = new Set<string>();
  inv.forEach((d, i) => {
    if (blockedSheets.has(d.sheet) && !keep.has(d)) {
      keep.set(d, `${d.sheet}: after a column that was kept; kept`);
      return;
    }
    if (d.kind === 'deleteSheet' && d.expectRows) {
      const sheet = snapshots.find((s) => s.sheet === d.sheet);
      if (sheet && rowsDigest(sheet.values, sheet.origin, sheet.formulas) !== d.expectRows) keep.set(d, `${d.sheet}: ${UNDO_WHY.sheetEdited}; sheet kept`);
      return;
    }
    if (d.kind !== 'deleteColumn') return;
    const snap = snapshots.find((s) => s.sheet === d.sheet);
    if (!snap) return; // the host reports the missing sheet
    const restores = inv.slice(0, i).filter((e): e is Extract<CellEdit, { kind: 'setCell' }> => e.kind === 'setCell' && e.sheet === d.sheet && e.col === d.col);
    const cleared = new Set<number>();
    let why: string | null = null;
    for (const r of restores) {
      const ours = !r.expect || matchesExpectation(valueAt(snap, r.row, r.col), formulaAt(snap, r.row, r.col), r.expect);
      if (!ours) why = `${UNDO_WHY.notOurs} ${cellAddress(r.row, r.col)}`;
      else if (isEmpty(r.content.value ?? null, r.content.formula ?? null)) cleared.add(r.row);
    }
    if (!why && d.col >= snap.origin.col && d.col < snap.origin.col + (snap.values[0]?.length ?? 0)) {
      for (let r = 0; r < snap.values.length && !why; r++) {
        const row = r + snap.origin.row;
        const c = d.col - snap.origin.col;
        if (!isEmpty(snap.values[r][c], snap.formulas[r]?.[c] ?? null) && !cleared.has(row)) why = `${UNDO_WHY.typed} ${cellAddress(row, d.col)}`;
      }
    }
    if (!why) return;
    const detail = `${d.sheet}!${columnLetter(d.col)}: ${why}; column kept`;
    for (const e of inv.slice(0, i + 1)) if (onColumn(e, d.sheet, d.col)) keep.set(e, detail);
    blockedSheets.add(d.sheet);
  });
  return {
    edits: inv.filter((e) => !keep.has(e)),
    kept: inv.filter((e) => keep.has(e)).map((edit) => ({ edit, reason: 'changed' as const, detail: keep.get(edit)! })),
  };
}

const UNDO_WHY = {
  notOurs: 'the column is no longer the one inserted:',
  typed: 'holds what was entered later:',
  sheetEdited: 'edited after it was added',
};

function formulaAt(s: GridSnapshot, row: number, col: number): string | null {
  return s.formulas[row - s.origin.row]?.[col - s.origin.col] ?? null;
}

/** The entry left after a partial undo: only the edits that were not undone, in their order. */
export function remainingEntry(entry: UndoEntry, notDone: SkippedEdit[]): UndoEntry | null {
  const left = new Set(notDone.map((s) => s.edit));
  const inverse = entry.inverse.filter((e) => left.has(e));
  return inverse.length ? { ...entry, inverse, partial: true } : null;
}
