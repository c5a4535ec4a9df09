/**
 * The app layer's engine: keeps a loaded PlanInput current (one sheet re-read, live re-check of
 * edited KPIs). Host-agnostic: the same code runs in the task pane, the ribbon commands, the
 * browser preview and the CLI. Loading is in ./load.ts, planning and applying in ./commands.ts.
 */
import type { Lang } from '../core/findings';
import type { PlanInput } from '../core/plans/context';
import { recheckKpi } from '../core/recheck';
import type { GridSnapshot } from '../core/snapshot';
import { managementSheets, runAnalysis } from './load';
import type { AddinSettings } from './settings';

export interface EngineContext {
  lang: Lang;
  settings: AddinSettings;
}

/** Commands offered on the Actions tab, in display order. */
export const actionCommands = ['fill', 'fix', 'flag', 'unflag', 'link', 'add-year', 'definitions', 'report'] as const;
export type ActionCommand = (typeof actionCommands)[number];

/** The workbook with one sheet re-read (live checking); definitions and undo record as before. */
export function replaceSnapshot(input: PlanInput, snapshot: GridSnapshot, ctx: EngineContext): PlanInput {
  const snapshots = input.snapshots.map((s) => (s.sheet === snapshot.sheet ? snapshot : s));
  return { ...input, snapshots, ...runAnalysis(input.sheets, snapshots, () => input.definitions, ctx), lang: ctx.lang };
}

/**
 * Live re-check: the given KPIs re-read from the sheet's new snapshot and their rules re-run
 * (core recheckKpi, milliseconds on any size); a full re-analysis of that sheet when a KPI moved.
 */
export function recheckKpis(input: PlanInput, snapshot: GridSnapshot, kpiIds: string[], ctx: EngineContext): PlanInput {
  let { model } = input;
  const kpis = { ...input.analysis.kpis };
  let findings = input.analysis.findings;
  for (const id of kpiIds) {
    const r = recheckKpi(model, snapshot, id, {
      analysis: input.analysis,
      lang: ctx.lang,
      definitions: input.definitions,
      managementSheets: managementSheets(input.sheets.filter((s) => input.snapshots.some((x) => x.sheet === s.name)), model),
    });
    if (!r) return replaceSnapshot(input, snapshot, ctx);
    model = r.model;
    kpis[r.kpi.id] = r.assessment;
    const redone = new Set(r.kpis);
    findings = [...findings.filter((f) => !f.kpi || !redone.has(f.kpi)), ...r.findings];
  }
  const snapshots = input.snapshots.map((s) => (s.sheet === snapshot.sheet ? snapshot : s));
  return { ...input, snapshots, model, analysis: { ...input.analysis, kpis, findings } };
}

