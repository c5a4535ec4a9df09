/** Planning and applying commands for the UI: planners from the core, undo through the session. */
import { MessageError } from '../core/catalogue';
import type { ProgressHost } from '../core/host';
import type { ApplyResult, EditPlan } from '../core/plan';
import { runCommand, undoLast } from '../core/session';
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

/** Applies a plan and records its inverse in the workbook, so Undo works on every host. */
export async function applyWithUndo(host: ProgressHost, plan: EditPlan): Promise<ApplyResult> {
  return runCommand(host, plan);
}

/** Undoes the newest recorded command; null when there is none. */
export async function undoLastAction(host: ProgressHost): Promise<ApplyResult | null> {
  const result = await undoLast(host);
  return result.undone ? result : null;
}
