/** Planning and applying commands for the UI: planners from the core, undo through the session. */
import { MessageError } from '../core/catalogue';
import type { ProgressHost, SelectAfter } from '../core/host';
import type { EditPlan } from '../core/plan';
import { runCommand, undoLast, type CommandResult, type UndoResult } from '../core/session';
import { snapshotsAfterPlan } from '../core/plans/after-apply';
import { UNDO_SHEET } from '../core/undo';
import { analyseSnapshots } from './load';
import type { PlanInput } from '../core/plans/context';
import type { ActionCommand, EngineContext } from './engine';
import { planners } from './planners';

export class CommandUnavailableError extends MessageError<'error.command-unavailable'> {
  constructor(readonly command: ActionCommand) {
    super('error.command-unavailable', { command });
  }
}

export function isAvailable(command: ActionCommand): boolean {
  return !!planners[command];
}

export function planCommand(command: ActionCommand, input: PlanInput, ctx: EngineContext): EditPlan {
  const planner = planners[command];
  if (!planner) throw new CommandUnavailableError(command);
  return planner(input, ctx);
}

/** Applies a plan and records its inverse in the workbook, so Undo works on every host; `select`: a cell to show after. */
export async function applyWithUndo(host: ProgressHost, plan: EditPlan, select?: SelectAfter): Promise<CommandResult> {
  return runCommand(host, plan, select);
}

/**
 * The workbook after `plan` was applied with `result`, from the plan (core snapshotsAfterPlan) and the
 * undo record the host stored with it, re-analysed: no sheet is read again. Null when the host did not
 * report the stored record (then the caller reads the workbook again).
 */
export function workbookAfterApply(input: PlanInput, plan: EditPlan, result: CommandResult, ctx: EngineContext): PlanInput | null {
  if (!result.record) return null;
  // The host creates the record's own sheet with the first recorded apply, before the plan's writes.
  const created = result.record.entries.length && !input.sheets.some((s) => s.name === UNDO_SHEET);
  const sheets = created ? [...input.sheets, { name: UNDO_SHEET, visibility: 'veryHidden' as const }] : input.sheets;
  const book = snapshotsAfterPlan({ sheets, snapshots: input.snapshots, definitions: input.definitionsSnapshot ?? null }, plan, result.skipped);
  return analyseSnapshots(book.sheets, book.snapshots, book.definitions, result.record, ctx);
}

/**
 * The workbook after an undo, from the inverse plan it applied and the record the host stored, as
 * workbookAfterApply does for an apply; null when the host did not report them (then read again).
 */
export function workbookAfterUndo(input: PlanInput, result: UndoResult, ctx: EngineContext): PlanInput | null {
  if (!result.plan || !result.record) return null;
  const book = snapshotsAfterPlan({ sheets: input.sheets, snapshots: input.snapshots, definitions: input.definitionsSnapshot ?? null }, result.plan, result.skipped);
  return analyseSnapshots(book.sheets, book.snapshots, book.definitions, result.record, ctx);
}

/** Undoes the newest recorded command; null when there is none. */
export async function undoLastAction(host: ProgressHost): Promise<UndoResult | null> {
  const result = await undoLast(host);
  return result.undone ? result : null;
}
