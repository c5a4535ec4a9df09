/**
 * The task pane's only door to the core: read a host into snapshots → model → analysis (the
 * planners' PlanInput), plan commands, apply plans with undo. Host-agnostic: the same code runs on
 * Excel, in the ribbon commands and in the browser preview.
 */
import { analyse } from '../core/analyse';
import { DEFINITIONS_SHEET, readDefinitions, type KpiDefinitions } from '../core/definitions';
import type { Lang } from '../core/findings';
import type { ProgressHost, SheetInfo } from '../core/host';
import type { ProgressModel } from '../core/model';
import type { PlanInput } from '../core/plans/context';
import { OWN_SHEETS } from '../core/plans/input';
import { withHostExtras } from '../core/plans/host-extras';
import { recheckKpi } from '../core/recheck';
import { recognise } from '../core/recognise';
import { readUndoRecord } from '../core/session';
import type { GridSnapshot } from '../core/snapshot';
import type { UndoRecord } from '../core/undo';
import { effectiveDefinitions } from './effective-definitions';
import type { AddinSettings } from './settings';

/** What the task pane holds of a workbook is a PlanInput (docs/GLOSSARY.md): exactly what the core's planners take. */
export type { PlanInput };

export interface EngineContext {
  lang: Lang;
  settings: AddinSettings;
}

/** Commands offered on the Actions tab, in display order. */
export const actionCommands = ['fill', 'fix', 'flag', 'unflag', 'link', 'add-year', 'definitions', 'report'] as const;
export type ActionCommand = (typeof actionCommands)[number];

/** Sheets to read: not very hidden and not the product's own (undo record, definitions, report). */
function candidateSheets(sheets: SheetInfo[]): SheetInfo[] {
  return sheets.filter((s) => s.visibility !== 'veryHidden' && !OWN_SHEETS.includes(s.name));
}

export async function loadWorkbook(host: ProgressHost, ctx: EngineContext, onProgress?: (done: number, total: number) => void): Promise<PlanInput> {
  const sheets = await host.listSheets();
  const toRead = candidateSheets(sheets);
  const hasDefinitions = sheets.some((s) => s.name === DEFINITIONS_SHEET);
  const total = toRead.length + (hasDefinitions ? 1 : 0);
  const snapshots: GridSnapshot[] = [];
  for (const [i, sheet] of toRead.entries()) {
    onProgress?.(i, total);
    snapshots.push(await host.readSnapshot(sheet.name));
  }
  const definitionsSnapshot = hasDefinitions ? await host.readSnapshot(DEFINITIONS_SHEET) : null;
  onProgress?.(total, total);
  return withHostExtras(host, analyseSnapshots(sheets, snapshots, definitionsSnapshot, await readUndoRecord(host), ctx));
}

/** Sheets that are neither progress sheets nor the product's own: the management sheets, if any. */
function managementSheets(sheets: SheetInfo[], model: ProgressModel): string[] | undefined {
  const recognised = new Set(model.sheets.map((s) => s.sheet));
  const others = candidateSheets(sheets).map((s) => s.name).filter((n) => !recognised.has(n));
  return others.length ? others : undefined;
}

function runAnalysis(sheets: SheetInfo[], snapshots: GridSnapshot[], definitionsFor: (m: ProgressModel) => KpiDefinitions | undefined, lang: Lang) {
  const model = recognise(snapshots);
  const definitions = definitionsFor(model);
  const analysis = analyse(model, { lang, definitions, managementSheets: managementSheets(sheets, model) });
  return { model, analysis, definitions };
}

/** Recognition and rules over snapshots already read. */
export function analyseSnapshots(
  sheets: SheetInfo[],
  snapshots: GridSnapshot[],
  definitionsSnapshot: GridSnapshot | null,
  record: UndoRecord,
  ctx: EngineContext,
): PlanInput {
  const stored = definitionsSnapshot ? readDefinitions(definitionsSnapshot) : undefined;
  const analysed = runAnalysis(sheets, snapshots, (model) => effectiveDefinitions(stored, model, ctx.settings), ctx.lang);
  return { sheets, snapshots, ...analysed, record, lang: ctx.lang };
}

/** The workbook with one sheet re-read (live checking); definitions and undo record as before. */
export function replaceSnapshot(input: PlanInput, snapshot: GridSnapshot, ctx: EngineContext): PlanInput {
  const snapshots = input.snapshots.map((s) => (s.sheet === snapshot.sheet ? snapshot : s));
  return { ...input, snapshots, ...runAnalysis(input.sheets, snapshots, () => input.definitions, ctx.lang), lang: ctx.lang };
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
      managementSheets: managementSheets(input.sheets, model),
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

export { planCommand, applyWithUndo, undoLastAction } from './engine-commands';
