/** Live checking: which KPIs an edit touches and the part of a fill plan that updates them. */
import type { CellChange, ProgressHost } from '../core/host';
import type { ProgressModel } from '../core/model';
import type { EditPlan } from '../core/plan';
import { parseAddress, type GridSnapshot } from '../core/snapshot';
import { planCommand, recheckKpis, replaceSnapshot, type EngineContext, type PlanInput } from '../app';

export type { CellChange } from '../core/host';

/**
 * The cached snapshot with the edited cell set to the value the event reported: the snapshot was
 * read, then kept current by the events (the add-in's own writes are patched in after they are
 * made). Null when it cannot be used: no value, several cells, outside the snapshot, a formula cell.
 */
export function snapshotAfterEdit(input: PlanInput, change: CellChange): GridSnapshot | null {
  if (change.valueAfter === undefined || change.address.includes(':')) return null;
  const s = input.snapshots.find((x) => x.sheet === change.sheet);
  const at = parseAddress(change.address.replace(/^.*!/, ''));
  if (!s || !at) return null;
  const r = at.row - s.origin.row;
  const c = at.col - s.origin.col;
  if (r < 0 || c < 0 || r >= s.values.length || c >= s.values[r].length || s.formulas[r][c]) return null;
  const values = s.values.slice();
  values[r] = values[r].slice();
  values[r][c] = change.valueAfter;
  return { ...s, values };
}

/**
 * Where worksheet edits come from (Excel's onChanged), without the add-in's own writes (the host
 * filters those); unsubscribe when live checking is off.
 */
export interface ChangeSource {
  subscribe(handler: (change: CellChange) => void): Promise<() => Promise<void>>;
}

/** Rows covered by an address such as "F10" or "F10:G12"; empty when unreadable. */
export function rowsOf(address: string): number[] {
  const [a, b] = address.replace(/^.*!/, '').split(':');
  const start = parseAddress(a ?? '');
  const end = parseAddress(b ?? a ?? '');
  if (!start || !end) return [];
  const rows: number[] = [];
  for (let r = Math.min(start.row, end.row); r <= Math.max(start.row, end.row) && rows.length < 10000; r++) rows.push(r);
  return rows;
}

/** KPI ids whose actual or rate row is among the changed rows (`actualsOnly`: actual rows only). */
export function touchedKpis(model: ProgressModel, change: CellChange, actualsOnly = false): string[] {
  const rows = new Set(rowsOf(change.address));
  const sheet = model.sheets.find((s) => s.sheet === change.sheet);
  if (!sheet) return [];
  // a block's 期待値 (the year's target) belongs to its KPI too, and so does its 評価 row
  return sheet.kpis.filter((k) => rows.has(k.row) || (k.targets !== undefined && k.expectedRow !== undefined && rows.has(k.expectedRow)) || (!actualsOnly && (rows.has(k.rateRow) || (k.gradeRow !== undefined && rows.has(k.gradeRow))))).map((k) => k.id);
}

/** Keeps only the cell writes on the rate rows of the given KPIs. */
export function restrictToKpis(plan: EditPlan, model: ProgressModel, kpiIds: string[]): EditPlan {
  const wanted = new Set(kpiIds);
  const rateRows = new Set<string>();
  for (const s of model.sheets) for (const k of s.kpis) if (wanted.has(k.id)) rateRows.add(`${k.sheet}\u0000${k.rateRow}`);
  const edits = plan.edits.filter((e) => e.kind === 'setCell' && rateRows.has(`${e.sheet}\u0000${e.row}`));
  return { ...plan, edits };
}

export interface Recheck {
  workbook: PlanInput;
  /** KPIs the edit touched. */
  kpis: string[];
  /** Rate cells written (0 when nothing needed writing). */
  written: number;
}

/** The snapshot with the plan's constant cell writes put in; null when a write is a formula (value unknown). */
export function patchSnapshot(s: GridSnapshot, plan: EditPlan): GridSnapshot | null {
  const values = s.values.map((r) => r.slice());
  const formulas = s.formulas.map((r) => r.slice());
  const numberFormats = s.numberFormats.map((r) => r.slice());
  for (const e of plan.edits) {
    if (e.kind !== 'setCell' || e.sheet !== s.sheet) continue;
    const r = e.row - s.origin.row;
    const c = e.col - s.origin.col;
    if (e.content.formula || r < 0 || c < 0 || r >= values.length || c >= values[r].length) return null;
    values[r][c] = e.content.value ?? null;
    formulas[r][c] = null;
    if (e.content.numberFormat) numberFormats[r][c] = e.content.numberFormat;
  }
  return { ...s, values, formulas, numberFormats };
}

/**
 * Live re-check after a user's edit: re-check the touched KPIs (core recheckKpi), write their empty
 * (or add-in-owned) rate cells in one plan, and update the findings from what was written without
 * reading again. Fast path (the host reported the new value, a writer for known cells): no read,
 * one sync. Otherwise the sheet is read (2 syncs) and the plan applied with its verify read.
 */
export async function recheckAfterEdit(host: ProgressHost, input: PlanInput, change: CellChange, ctx: EngineContext): Promise<Recheck> {
  const writer = host.applyKnown ? host : null;
  const known = writer && change.kind !== 'structure' ? snapshotAfterEdit(input, change) : null;
  const snapshot = known ?? (await host.readSnapshot(change.sheet));
  const kpis = touchedKpis(input.model, change);
  if (!kpis.length) return { workbook: replaceSnapshot(input, snapshot, ctx), kpis, written: 0 };
  const next = recheckKpis(input, snapshot, kpis, ctx);
  // Rates are written only for a changed actual. A change on a rate row is the user's own word on
  // that rate (typed, cleared, or a Ctrl+Z of the add-in's write) and is checked, never re-written.
  const writable = touchedKpis(next.model, change, true);
  const plan = restrictToKpis(planCommand('fill', next, ctx), next.model, writable);
  if (!plan.edits.length) return { workbook: next, kpis, written: 0 };
  const result = known && writer?.applyKnown ? await writer.applyKnown(plan) : await host.applyPlan(plan);
  const after = (result.skipped.length ? null : patchSnapshot(snapshot, plan)) ?? (await host.readSnapshot(change.sheet));
  return { workbook: recheckKpis(next, after, kpis, ctx), kpis, written: result.applied };
}
