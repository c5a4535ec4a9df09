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

/** What the task pane holds of a workbook: exactly what the core's planners take. */
export type Workbook = PlanInput;

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

export async function loadWorkbook(host: ProgressHost, ctx: EngineContext, onProgress?: (done: number, total: number) => void): Promise<Workbook> {
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
): Workbook {
  const stored = definitionsSnapshot ? readDefinitions(definitionsSnapshot) : undefined;
  const analysed = runAnalysis(sheets, snapshots, (model) => effectiveDefinitions(stored, model, ctx.settings), ctx.lang);
  return { sheets, snapshots, ...analysed, record, lang: ctx.lang };
}

/** The workbook with one sheet re-read (live checking); definitions and undo record as before. */
export function replaceSnapshot(wb: Workbook, snapshot: GridSnapshot, ctx: EngineContext): Workbook {
  const snapshots = wb.snapshots.map((s) => (s.sheet === snapshot.sheet ? snapshot : s));
  return { ...wb, snapshots, ...runAnalysis(wb.sheets, snapshots, () => wb.definitions, ctx.lang), lang: ctx.lang };
}

/**
 * Live re-check: the given KPIs re-read from the sheet's new snapshot and their rules re-run
 * (core recheckKpi, milliseconds on any size); a full re-analysis of that sheet when a KPI moved.
 */
export function recheckKpis(wb: Workbook, snapshot: GridSnapshot, kpiIds: string[], ctx: EngineContext): Workbook {
  let { model } = wb;
  const kpis = { ...wb.analysis.kpis };
  let findings = wb.analysis.findings;
  for (const id of kpiIds) {
    const r = recheckKpi(model, snapshot, id, {
      analysis: wb.analysis,
      lang: ctx.lang,
      definitions: wb.definitions,
      managementSheets: managementSheets(wb.sheets, model),
    });
    if (!r) return replaceSnapshot(wb, snapshot, ctx);
    model = r.model;
    kpis[r.kpi.id] = r.assessment;
    const redone = new Set(r.kpis);
    findings = [...findings.filter((f) => !f.kpi || !redone.has(f.kpi)), ...r.findings];
  }
  const snapshots = wb.snapshots.map((s) => (s.sheet === snapshot.sheet ? snapshot : s));
  return { ...wb, snapshots, model, analysis: { ...wb.analysis, kpis, findings } };
}

export { planCommand, applyWithUndo, undoLastAction } from './engine-commands';
