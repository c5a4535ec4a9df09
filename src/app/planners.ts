/** The core planners behind the Actions tab and the ribbon, by command, with the pane's settings. */
import type { EditPlan } from '../core/plan';
import { emptyNewestYears, planAddYear } from '../core/plans/add-year';

export { emptyNewestYears };
import { planDefinitions } from '../core/plans/definitions';
import { planFill } from '../core/plans/fill';
import { planFlag, planUnflag } from '../core/plans/flag';
import { planLink, type ManagementWorkbook } from '../core/plans/link';
import { planReport } from '../core/plans/report';
import type { PlanInput } from '../core/plans/context';
import type { ActionCommand, EngineContext } from './engine';

export type Planner = (input: PlanInput, ctx: EngineContext) => EditPlan;

/**
 * An external management workbook named in the settings. Office.js cannot list another file's
 * sheets, so its sheets are taken to be named by number as the sheet numbers are written ("01").
 */
export function externalManagement(input: PlanInput, file: string): ManagementWorkbook | undefined {
  if (!file) return undefined;
  const numbers = input.model.sheets.flatMap((s) => s.kpis.map((k) => k.sheetNo)).filter((n): n is string => !!n && /^\d+$/.test(n));
  return { file, sheets: [...new Set(numbers)].sort() };
}

export const planners: Partial<Record<ActionCommand, Planner>> = {
  fill: (input) => planFill(input),
  fix: (input) => planFill(input, { fix: true }),
  flag: (input) => planFlag(input),
  unflag: (input) => planUnflag(input),
  link: (input, ctx) => planLink(input, { management: externalManagement(input, ctx.settings.managementWorkbook) }),
  'add-year': (input) => planAddYear(input),
  definitions: (input) => planDefinitions(input, { now: new Date() }),
  report: (input) => planReport(input, { now: new Date() }),
};

/** add-year after the user said yes in the pane although the newest year is still empty (never the ribbon). */
export const planAddYearConfirmed = (input: PlanInput): EditPlan => planAddYear(input, { confirmed: true });
