/** The core planners behind the Actions tab and the ribbon, by command. */
import type { EditPlan } from '../core/plan';
import type { ActionCommand, EngineContext, Workbook } from './engine';

export type Planner = (wb: Workbook, ctx: EngineContext) => EditPlan;

export const planners: Partial<Record<ActionCommand, Planner>> = {};
