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

type ColumnOp = { kind: 'insertColumn' | 'deleteColumn'; col: number };

/**
 * Where a column the earlier edits of the inverse have moved was in the snapshot, read before any of
 * them ran: each edit's column counts after the edits ahead of it (two deletes of column J remove J,
 * then what was K). null: a column those edits inserted, so not in the snapshot.
 */
function snapshotColumn(col: number, ops: ColumnOp[] | undefined): number | null {
  let c = col;
  for (let j = (ops?.length ?? 0) - 1; j >= 0; j--) {
    const op = ops![j];
    if (op.kind === 'deleteColumn') {
      if (c >= op.col) c++;
    } else if (c === op.col) return null;
    else if (c > op.col) c--;
  }
  return c;
}

/** Each edit's columns in the snapshot's terms (left and right; null where the inverse made the column). */
function snapshotColumns(inv: CellEdit[]): ({ left: number | null; right: number | null } | null)[] {
  const ops = new Map<string, ColumnOp[]>();
  return inv.map((e) => {
    const sheetOps = ops.get(e.sheet);
    const at = 'range' in e ? { left: snapshotColumn(e.range.left, sheetOps), right: snapshotColumn(e.range.right, sheetOps) } : 'col' in e ? { left: snapshotColumn(e.col, sheetOps), right: snapshotColumn(e.col, sheetOps) } : null;
    if (e.kind === 'insertColumn' || e.kind === 'deleteColumn') ops.set(e.sheet, [...(sheetOps ?? []), { kind: e.kind, col: e.col }]);
    return at;
  });
}

function onColumn(at: { left: number | null; right: number | null } | null, col: number): boolean {
  return at !== null && at.left !== null && at.right !== null && at.left <= col && col <= at.right;
}

const isEmpty = (v: CellValue, f: string | null) => f === null && (v === null || v === '');

/**
 * Splits an entry's inverse into what may run now and what must be kept. A column removal must be kept
 * when its column holds a value or formula the command's own restores do not clear, or when one of
 * those restores finds another value (the column moved or is not ours). Then that sheet keeps every
 * column removal and insertion, every edit after the first of them (their columns would be off) and
 * every earlier edit of those columns: the sheet's columns stay where they are, the user's entry too.
 */
export function planUndo(entry: UndoEntry, snapshots: GridSnapshot[]): { edits: CellEdit[]; kept: SkippedEdit[] } {
  const inv = entry.inverse;
  const columns = snapshotColumns(inv);
  const keep = new Map<CellEdit, string>();
  const heldSheets = new Map<string, string>();
  inv.forEach((d, i) => {
    if (d.kind === 'deleteSheet' && d.expectRows) {
      const sheet = snapshots.find((s) => s.sheet === d.sheet);
      if (sheet && rowsDigest(sheet.values, sheet.origin, sheet.formulas) !== d.expectRows) keep.set(d, `${d.sheet}: ${UNDO_WHY.sheetEdited}; sheet kept`);
      return;
    }
    if (d.kind !== 'deleteColumn' || heldSheets.has(d.sheet)) return;
    const snap = snapshots.find((s) => s.sheet === d.sheet);
    const col = columns[i]?.left ?? null;
    // no sheet: the host reports it; a column this inverse made: nothing entered later can be in it
    if (!snap || col === null) return;
    const why = laterWorkIn(snap, col, inv.slice(0, i).filter((e, j): e is Extract<CellEdit, { kind: 'setCell' }> => e.kind === 'setCell' && e.sheet === d.sheet && columns[j]?.left === col));
    if (why) heldSheets.set(d.sheet, `${d.sheet}!${columnLetter(col)}: ${why}; column kept`);
  });
  for (const [sheet, detail] of heldSheets) {
    const isColumnOp = (e: CellEdit) => e.sheet === sheet && (e.kind === 'deleteColumn' || e.kind === 'insertColumn');
    const first = inv.findIndex(isColumnOp);
    // the snapshot's columns the sheet's removals would take away
    const removed = inv.flatMap((e, j) => (e.sheet === sheet && e.kind === 'deleteColumn' && columns[j]?.left ? [columns[j]!.left!] : []));
    inv.forEach((e, j) => {
      if (e.sheet !== sheet) return;
      if (j >= first) keep.set(e, isColumnOp(e) ? detail : `${sheet}: ${UNDO_WHY.afterKept}; kept`);
      else if (removed.some((col) => onColumn(columns[j], col))) keep.set(e, detail);
    });
  }
  return {
    edits: inv.filter((e) => !keep.has(e)),
    kept: inv.filter((e) => keep.has(e)).map((edit) => ({ edit, reason: 'changed' as const, detail: keep.get(edit)! })),
  };
}

/** Why a column must not be removed: what was entered in it later, or a restore that finds another value; null when it is still ours. */
function laterWorkIn(snap: GridSnapshot, col: number, restores: Extract<CellEdit, { kind: 'setCell' }>[]): string | null {
  const cleared = new Set<number>();
  for (const r of restores) {
    const ours = !r.expect || matchesExpectation(valueAt(snap, r.row, col), formulaAt(snap, r.row, col), r.expect);
    if (!ours) return `${UNDO_WHY.notOurs} ${cellAddress(r.row, col)}`;
    if (isEmpty(r.content.value ?? null, r.content.formula ?? null)) cleared.add(r.row);
  }
  if (col < snap.origin.col || col >= snap.origin.col + (snap.values[0]?.length ?? 0)) return null;
  const c = col - snap.origin.col;
  for (let r = 0; r < snap.values.length; r++) {
    const row = r + snap.origin.row;
    if (!isEmpty(snap.values[r][c], snap.formulas[r]?.[c] ?? null) && !cleared.has(row)) return `${UNDO_WHY.typed} ${cellAddress(row, col)}`;
  }
  return null;
}

const UNDO_WHY = {
  notOurs: 'the column is no longer the one inserted:',
  typed: 'holds what was entered later:',
  sheetEdited: 'edited after it was added',
  afterKept: 'after a column that was kept',
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
