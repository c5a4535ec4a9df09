/**
 * Running a command against any host: apply the plan, then store its inverse in the workbook's undo
 * record, so that `undo` restores exactly (the same code serves the Excel host and the .xlsx host).
 */
import type { ProgressHost, SelectAfter } from './host';
import type { ApplyResult, EditPlan } from './plan';
import {
  UNDO_SHEET,
  decodeRecord,
  emptyRecord,
  guardInverse,
  nextEntryId,
  planUndo,
  recordPlan,
  remainingEntry,
  sheetsUndoReads,
  UndoRecordError,
  type OwnedCell,
  type UndoEntry,
  type UndoRecord,
} from './undo';

interface StoredRecord {
  record: UndoRecord;
  /** Rows the record sheet holds, or null when there is none. */
  rows: number | null;
  /** The workbook's sheet names as listed to find the record. */
  names: Set<string>;
}

async function loadRecord(host: ProgressHost): Promise<StoredRecord> {
  const names = new Set((await host.listSheets()).map((s) => s.name));
  if (!names.has(UNDO_SHEET)) return { record: emptyRecord(), rows: null, names };
  const snap = await host.readSnapshot(UNDO_SHEET);
  return { record: decodeRecord(snap), rows: snap.values.length, names };
}

export async function readUndoRecord(host: ProgressHost): Promise<UndoRecord> {
  return (await loadRecord(host)).record;
}

async function storeRecord(host: ProgressHost, stored: StoredRecord, record: UndoRecord): Promise<void> {
  const result = await host.applyPlan(recordPlan(record, stored.rows));
  if (result.skipped.length) throw new Error(`undo record not written: ${result.skipped[0].detail}`);
}

/** Cells a fill plan wrote (and now owns): its applied setCell edits. */
function ownedBy(plan: EditPlan, result: ApplyResult): OwnedCell[] {
  if (plan.command !== 'fill') return [];
  const skipped = new Set(result.skipped.map((s) => s.edit));
  const out: OwnedCell[] = [];
  for (const e of plan.edits) {
    if (e.kind !== 'setCell' || skipped.has(e)) continue;
    out.push({ sheet: e.sheet, row: e.row, col: e.col, value: e.content.formula ? null : (e.content.value ?? null), formula: e.content.formula ?? null });
  }
  return out;
}

export interface CommandResult extends ApplyResult {
  /** Id of the undo entry recorded, or null when nothing changed. */
  entry: number | null;
  /** The undo record as stored afterwards, when the host reports it (applyRecorded). */
  record?: UndoRecord;
}

function newEntry(record: UndoRecord, plan: EditPlan, result: ApplyResult): UndoEntry {
  const entry: UndoEntry = {
    id: nextEntryId(record),
    command: plan.command,
    at: new Date().toISOString(),
    summary: plan.summary,
    inverse: guardInverse(plan, result.skipped, result.inverse),
  };
  const owned = ownedBy(plan, result);
  if (owned.length) entry.owned = owned;
  return entry;
}

/** Applies a plan and records its inverse in the workbook. */
export async function runCommand(host: ProgressHost, plan: EditPlan, select?: SelectAfter): Promise<CommandResult> {
  if (host.applyRecorded) {
    // The host stores the record with the plan's own writes (Excel: no extra syncs, no half-written plan without its record).
    let id: number | null = null;
    const { record, ...result } = await host.applyRecorded(
      plan,
      (stored, r) => {
        if (r.applied === 0) return null;
        const entry = newEntry(stored, plan, r);
        id = entry.id;
        return { ...stored, entries: [...stored.entries, entry] };
      },
      select,
    );
    return { ...result, entry: id, ...(record ? { record } : {}) };
  }
  const stored = await loadRecord(host);
  const result = await host.applyPlan(plan);
  const out = async (r: CommandResult) => {
    if (select) await host.selectCell?.(select.sheet, select.address);
    return r;
  };
  if (result.applied === 0) return out({ ...result, entry: null });
  const entry = newEntry(stored.record, plan, result);
  await storeRecord(host, stored, { ...stored.record, entries: [...stored.record.entries, entry] });
  return out({ ...result, entry: entry.id });
}

export interface UndoResult extends ApplyResult {
  /** The entry undone, or null when there was nothing to undo. */
  undone: UndoEntry | null;
  /** True when later work kept part of it from being undone: that part stays in the record. */
  partial: boolean;
  remaining: number;
  /** The plan that undid it (the inverse edits applied), for a UI that updates its snapshot from it. */
  plan?: EditPlan;
  /** The undo record as stored afterwards, when the host reports it (applyRecorded). */
  record?: UndoRecord;
}

/** The record after undoing `last`: without it, or with what was not undone in its place. */
function afterUndo(now: UndoRecord, last: UndoEntry, rest: UndoEntry | null): UndoRecord {
  return { ...now, entries: rest ? now.entries.map((e) => (e.id === last.id ? rest : e)) : now.entries.filter((e) => e.id !== last.id) };
}

/**
 * Undoes the newest recorded command, never over later work: edits whose cells changed since (and an
 * inserted column that is no longer empty or no longer the one inserted) are skipped, reported and
 * kept in the record, which then still holds the entry with what was not undone.
 */
export async function undoLast(host: ProgressHost): Promise<UndoResult> {
  const stored = await loadRecord(host);
  const entries = stored.record.entries;
  const last = entries[entries.length - 1];
  if (!last) return { applied: 0, skipped: [], inverse: [], undone: null, partial: false, remaining: 0 };
  const present = stored.names;
  const snapshots = await Promise.all(sheetsUndoReads(last).filter((s) => present.has(s)).map((s) => host.readSnapshot(s)));
  const { edits, kept } = planUndo(last, snapshots);
  const plan: EditPlan = { command: 'undo', summary: `undo ${last.command}`, edits, notices: [] };
  let rest: UndoEntry | null = null;
  const finish = (r: ApplyResult): UndoResult => {
    const skipped = [...kept, ...r.skipped];
    rest = remainingEntry(last, skipped);
    return { ...r, skipped, undone: last, partial: rest !== null, remaining: entries.length - (rest ? 0 : 1) };
  };
  if (host.applyRecorded) {
    let out: UndoResult | null = null;
    const { record, ...result } = await host.applyRecorded(plan, (now, r) => {
      out = finish(r);
      return afterUndo(now, last, rest);
    });
    return { ...(out ?? finish(result)), plan, ...(record ? { record } : {}) };
  }
  const out = finish(await host.applyPlan(plan));
  await storeRecord(host, stored, afterUndo(stored.record, last, rest));
  return out;
}

/** Removes the undo record (kpi-progress clean). Returns how many entries it held. */
export async function cleanUndoRecord(host: ProgressHost): Promise<number> {
  if (!(await host.listSheets()).some((s) => s.name === UNDO_SHEET)) return 0;
  let entries = 0;
  try {
    entries = (await loadRecord(host)).record.entries.length;
  } catch (e) {
    // a damaged record is exactly what clean is for
    if (!(e instanceof UndoRecordError)) throw e;
  }
  await host.applyPlan({ command: 'clean', summary: 'remove undo record', edits: [{ kind: 'deleteSheet', sheet: UNDO_SHEET }], notices: [] });
  return entries;
}
