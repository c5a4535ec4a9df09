/** Planning and applying commands for the UI: planners from the core, undo through the session. */
import type { ProgressHost } from '../core/host';
import type { ApplyResult, EditPlan } from '../core/plan';
import { runCommand, undoLast } from '../core/session';
import type { ActionCommand, EngineContext, PlanInput } from './engine';
import { planners } from './planners';

export class CommandUnavailableError extends Error {
  constructor(readonly command: ActionCommand) {
    super(`「${command}」はまだ利用できません / "${command}" is not available yet`);
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
