/**
 * The task pane's only door to the core: read a host into snapshots → model → analysis, plan
 * commands, apply plans with undo. Host-agnostic: the same code runs on Excel and on the preview.
 */
import { analyse, type Analysis } from '../core/analyse';
import { DEFINITIONS_SHEET, readDefinitions } from '../core/definitions';
import type { Lang } from '../core/findings';
import type { ProgressHost, SheetInfo } from '../core/host';
import type { ProgressModel } from '../core/model';
import type { ApplyResult, CommandName, EditPlan } from '../core/plan';
import { recognise } from '../core/recognise';
import type { GridSnapshot } from '../core/snapshot';
import { UNDO_SHEET } from '../core/undo';
import { effectiveDefinitions } from './effective-definitions';
import type { AddinSettings } from './settings';

export interface Workbook {
  sheets: SheetInfo[];
  snapshots: GridSnapshot[];
  model: ProgressModel;
  analysis: Analysis;
}

export interface EngineContext {
  lang: Lang;
  settings: AddinSettings;
}

/** Commands offered on the Actions tab, in display order. */
export const actionCommands = ['fill', 'flag', 'unflag', 'link', 'add-year', 'definitions', 'report'] as const;
export type ActionCommand = (typeof actionCommands)[number];

export async function loadWorkbook(host: ProgressHost, ctx: EngineContext, onProgress?: (done: number, total: number) => void): Promise<Workbook> {
  const sheets = await host.listSheets();
  const visible = sheets.filter((s) => s.visibility === 'visible');
  const snapshots: GridSnapshot[] = [];
  for (const [i, sheet] of visible.entries()) {
    onProgress?.(i, visible.length);
    snapshots.push(await host.readSnapshot(sheet.name));
  }
  onProgress?.(visible.length, visible.length);
  return analyseSnapshots(sheets, snapshots, ctx);
}

/** Re-runs recognition and rules on snapshots already read (live checking replaces one sheet). */
export function analyseSnapshots(sheets: SheetInfo[], snapshots: GridSnapshot[], ctx: EngineContext): Workbook {
  const model = recognise(snapshots.filter((s) => s.sheet !== DEFINITIONS_SHEET));
  const defSnapshot = snapshots.find((s) => s.sheet === DEFINITIONS_SHEET);
  const definitions = effectiveDefinitions(defSnapshot ? readDefinitions(defSnapshot) : undefined, model, ctx.settings);
  const recognised = new Set(model.sheets.map((s) => s.sheet));
  const others = sheets.map((s) => s.name).filter((n) => !recognised.has(n) && n !== DEFINITIONS_SHEET && n !== UNDO_SHEET);
  const analysis = analyse(model, { lang: ctx.lang, definitions, managementSheets: others.length ? others : undefined });
  return { sheets, snapshots, model, analysis };
}

export function replaceSnapshot(wb: Workbook, snapshot: GridSnapshot, ctx: EngineContext): Workbook {
  const snapshots = wb.snapshots.map((s) => (s.sheet === snapshot.sheet ? snapshot : s));
  return analyseSnapshots(wb.sheets, snapshots, ctx);
}

export { planCommand, applyWithUndo, undoLastAction } from './engine-commands';
export type { ApplyResult, CommandName, EditPlan };
