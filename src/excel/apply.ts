/**
 * Applying an EditPlan: one verify sync (probes.ts), then the writes as 2-D blocks, one sync per
 * ≤ budget block of requests. Edits whose cells changed since the plan was made are skipped.
 */
import type { ApplyResult, CellEdit, EditPlan, SkippedEdit } from '../core/plan';
import type { ExcelFeatures } from './capabilities';
import { fromExcelFormula } from './cell-input';
import { marksConflict, matchesExpectation, skip as skips } from '../core/apply-rules';
import { deleteSheetInverse, inverseOf, probedMarks, restoreCell } from './inverse';
import { PlanMerges, widenedOver } from './plan-merges';
import { decideWiden, queueWidenRead, widenOps, type WidenWrites } from './widen';
import { PlanLayout } from './layout';
import { cellStates, hiddenByMerge, queueProbes, sheetMerges, type EditProbe, type Probes, type RowsHint } from './probes';
import { EMPTY_CELL, type CellState } from './state';
import { isPayloadTooLarge, PAYLOAD_BUDGET_BYTES } from './payload';
import { planWrites, type WriteItem, type WriteOp } from './write';
import type { WriteGuard } from './guard';
import { writeRefused } from './errors';
import { insertSegments } from './insert-formats';

type Context = Excel.RequestContext;

export interface ApplyOptions {
  budgetBytes?: number;
  guard?: WriteGuard;
}

function isItemNotFound(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'ItemNotFound';
}

async function verify(context: Context, features: ExcelFeatures, edits: CellEdit[], rowsHint?: RowsHint): Promise<{ probes: Probes; missing: Set<string> }> {
  const missing = new Set<string>();
  const probes = queueProbes(context, features, edits, missing, rowsHint);
  try {
    await context.sync();
    return { probes, missing };
  } catch (error) {
    if (!isItemNotFound(error)) throw error;
  }
  // A sheet the plan edits is gone: learn which (one more sync) and verify the rest again.
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const present = new Set(sheets.items.map((s) => s.name));
  for (const e of edits) if (!present.has(e.sheet)) missing.add(e.sheet);
  const again = queueProbes(context, features, edits, missing, rowsHint);
  await context.sync();
  return { probes: again, missing };
}

const key = (sheet: string, row: number, col: number) => `${sheet}\u0000${row},${col}`;

/** What the verify sync decided: the result to report and the edits to write (plain data, usable in another run). */
export interface Decided {
  result: ApplyResult;
  items: WriteItem[];
  /** Each edited sheet's standard column width (characters), read in the verify sync. */
  standardWidths: Map<string, number>;
  /** Names and print areas a widening insert takes in (src/excel/widen.ts). */
  widen?: WidenWrites;
  /** Sheets visible at the verify (a hidden one cannot be activated to show a cell). */
  visible: Set<string>;
}

export interface DecideOptions {
  /** Rows each sheet had at the host's last read: an insert's merged areas are then asked in the verify sync. */
  rowsHint?: RowsHint;
}

/**
 * The verify sync and the decisions on it: which edits still apply, and the inverse of those. Reads
 * only; `also` queues more loads into the same sync (the undo record) and is called before it.
 */
export async function decideEdits(
  context: Context,
  features: ExcelFeatures,
  plan: EditPlan,
  also?: () => void,
  decidedHook?: (result: ApplyResult) => void,
  options: DecideOptions = {},
): Promise<Decided> {
  also?.();
  const widenRead = queueWidenRead(context, features, plan);
  const { probes, missing } = await verify(context, features, plan.edits, options.rowsHint);
  const existing = new Set(probes.sheets.items.map((s) => s.name));
  for (const m of missing) existing.delete(m);
  const states = cellStates(probes);
  const areas = sheetMerges(probes);
  const hidden = hiddenByMerge(areas);
  const written = new Map<string, CellState>();
  const layout = new PlanLayout();
  const skipped: SkippedEdit[] = [];
  const inverses: CellEdit[][] = [];
  const toWrite: { edit: CellEdit; probe: EditProbe; index: number }[] = [];

  const holdsFormula = (sheet: string, row: number, probe: EditProbe): boolean => {
    const earlier = probe.col === null ? undefined : written.get(key(sheet, row, probe.col));
    if (earlier) return earlier.formula !== null;
    return !!probe.link && fromExcelFormula(probe.link.formulas[0][0], probe.link.values[0][0]) !== null;
  };
  const merges = new PlanMerges();
  const skip = (s: SkippedEdit) => skipped.push(s);
  const sheetThere = (name: string) => existing.has(name) || layout.isNew(name);

  plan.edits.forEach((edit, i) => {
    const probe = probes.perEdit[i];
    if (edit.kind === 'addSheet') {
      if (sheetThere(edit.sheet)) return skip(skips.sheetExists(edit));
      inverses.push([{ kind: 'deleteSheet', sheet: edit.sheet }]);
    } else if (!sheetThere(edit.sheet)) {
      return skip(skips.sheetMissing(edit));
    } else if (edit.kind === 'deleteSheet') {
      inverses.push(deleteSheetInverse(edit.sheet, probe, probes));
      existing.delete(edit.sheet);
    } else if (edit.kind === 'setCell') {
      const k = probe.col === null ? null : key(edit.sheet, edit.row, probe.col);
      const prior = k ? written.get(k) : undefined;
      if ((k && hidden.has(k)) || widenedOver(probe, edit.row, areas.get(edit.sheet) ?? [])) return skip(skips.insideMerge(edit));
      const read = k ? states.get(k) : undefined;
      const before = prior ?? (read ? { ...read, formula: layout.adjustFormula(read.formula, edit.sheet) } : EMPTY_CELL);
      if (edit.expect && !prior && !matchesExpectation(before.shown ?? before.value, before.formula, edit.expect)) {
        return skip(skips.changed(edit, before));
      }
      const after: CellState = {
        value: edit.content.value ?? null,
        formula: edit.content.formula ?? null,
        numberFormat: edit.content.numberFormat ?? before.numberFormat,
      };
      if (k) written.set(k, after);
      inverses.push([restoreCell(edit.sheet, edit.row, edit.col, before, after)]);
      toWrite.push({ edit, probe, index: i });
    } else if (edit.kind === 'setNote' && !features.notes) {
      return skip(skips.unsupported(edit, 'notes need ExcelApi 1.18'));
    } else if (edit.kind === 'setHyperlink' && !features.hyperlinks) {
      return skip(skips.unsupported(edit, 'hyperlinks need ExcelApi 1.7'));
    } else if (edit.kind === 'setHyperlink' && holdsFormula(edit.sheet, edit.row, probe)) {
      return skip(skips.linkOnFormula(edit));
    } else if (edit.kind === 'merge' && merges.overlaps(edit.sheet, edit.range, probe, areas.get(edit.sheet) ?? [])) {
      return skip(skips.mergeOverlaps(edit));
    } else {
      const conflict = marksConflict(edit, () => probedMarks(probe));
      if (conflict) return skip(conflict);
      inverses.push(inverseOf(edit, probe));
    }
    if (edit.kind === 'merge' || edit.kind === 'unmerge') merges.record(edit);
    if (edit.kind !== 'setCell') toWrite.push({ edit, probe, index: i });
    layout.record(edit);
  });

  const result: ApplyResult = { applied: plan.edits.length - skipped.length, skipped, inverse: inverses.reverse().flat() };
  // What is decided may queue more (the undo record's sheet) into the read below, or into the run's last sync.
  decidedHook?.(result);
  const segments = await insertSegments(context, features, plan.edits, probes.perEdit, { reach: probes.insertReach, merges: sheetMerges({ merged: probes.insertMerged }) });
  const items: WriteItem[] = toWrite.map(({ edit, probe, index }) => ({
    edit,
    ...(probe.note ? { noteExists: !probe.note.isNullObject } : {}),
    ...(probe.width && edit.kind === 'insertColumn' ? { sourceWidth: probe.width.columnWidth } : {}),
    ...(segments.has(index) ? { segments: segments.get(index) } : {}),
  }));
  const standardWidths = new Map([...probes.worksheets].map(([name, ws]) => [name, ws.standardWidth]));
  const widen = widenRead ? await decideWiden(context, widenRead, toWrite.map((w) => w.edit)) : undefined;
  const visible = new Set(probes.sheets.items.filter((s) => s.visibility === 'Visible').map((s) => s.name));
  return { result, items, standardWidths, visible, ...(widen ? { widen } : {}) };
}

/**
 * Edits Excel cannot put in an undo group ("Undo capabilities", Unsupported APIs): Worksheet.delete
 * has no undo anywhere, setting Worksheet.visibility none on Windows and Mac. The platform is not
 * asked: a plan with either runs ungrouped everywhere (Excel clears the user's undo stack at such a
 * call anyway, so a group would promise an undo step that does not exist).
 */
export function groupable(plan: EditPlan): boolean {
  return !plan.edits.some((e) => e.kind === 'deleteSheet' || (e.kind === 'addSheet' && e.visibility !== 'visible'));
}

/** Operations into blocks of at most `budget` request bytes, in order. */
function intoBatches(ops: WriteOp[], budget: number): WriteOp[][] {
  const batches: WriteOp[][] = [];
  let size = Infinity;
  for (const op of ops) {
    if (size + op.bytes > budget) {
      batches.push([]);
      size = 0;
    }
    batches[batches.length - 1].push(op);
    size += op.bytes;
  }
  return batches;
}

/**
 * The writes, one sync per block under the payload budget; `first` (the undo record) goes ahead of
 * the plan's writes in the first block, so that a block Excel refuses part-way never leaves written
 * cells without the record that restores them. A block refused as too large (Excel on the web's 5 MB
 * request limit; nothing of it ran) is split in two and sent again, down to single rows.
 */
export async function writeDecided(context: Context, features: ExcelFeatures, decided: Decided, options: ApplyOptions = {}, first: WriteOp[] = [], last: WriteOp[] = []): Promise<void> {
  const budget = options.budgetBytes ?? PAYLOAD_BUDGET_BYTES;
  const ops: WriteOp[] = [...first, ...planWrites(context, features, decided.items, decided.standardWidths, options.guard, budget), ...widenOps(context, features, decided.widen), ...last];
  const queue = intoBatches(ops, budget);
  let done = 0;
  while (queue.length) {
    const batch = queue.shift()!;
    for (const op of batch) op.queue();
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ≤5 MB block of writes, by design
      await context.sync();
      done++;
    } catch (error) {
      // Nothing of a refused request ran (its size is measured first): send it again in halves, and a
      // single block of rows as two smaller blocks.
      const halves = batch.length > 1 ? [batch.slice(0, Math.ceil(batch.length / 2)), batch.slice(Math.ceil(batch.length / 2))] : batch[0].split?.().map((op) => [op]);
      if (isPayloadTooLarge(error) && halves) {
        queue.unshift(...halves);
        continue;
      }
      throw writeRefused(error, done, done + 1 + queue.length);
    }
  }
}

/** Verify and write in one run (live checking's fallback, tests); the host splits them (host.ts). */
export async function applyEdits(context: Context, features: ExcelFeatures, plan: EditPlan, options: ApplyOptions = {}): Promise<ApplyResult> {
  const decided = await decideEdits(context, features, plan);
  await writeDecided(context, features, decided, options);
  return decided.result;
}
