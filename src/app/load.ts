/**
 * The one workbook loader: host → snapshots → model → analysis → PlanInput. The task pane, the
 * ribbon commands, the browser preview and every CLI command read a workbook through here, so they
 * all see the same sheets (not very hidden, not the product's own), the same KPI定義, the same
 * management sheets and the same settings.
 */
import { analyse } from '../core/analyse';
import { MessageError } from '../core/catalogue';
import { DEFINITIONS_SHEET, readDefinitions, type KpiDefinitions } from '../core/definitions';
import type { Lang } from '../core/findings';
import type { ProgressHost, SheetInfo } from '../core/host';
import type { ProgressModel } from '../core/model';
import type { PlanInput } from '../core/plans/context';
import { withHostExtras } from '../core/plans/host-extras';
import { OWN_SHEETS } from '../core/plans/input';
import { recognise } from '../core/recognise';
import type { GridSnapshot } from '../core/snapshot';
import { decodeRecord, emptyRecord, UNDO_SHEET, type UndoRecord } from '../core/undo';
import { effectiveDefinitions } from './effective-definitions';
import { defaultSettings, type AddinSettings } from './settings';

export interface LoadOptions {
  lang?: Lang;
  /** The add-in's settings (grade bands, rate method); the CLI uses the defaults. */
  settings?: AddinSettings;
  /** Read only this sheet (CLI --sheet); an unknown name is a MessageError. */
  sheet?: string;
  /** Names of the management sheets when known from elsewhere (CLI --management). */
  managementSheets?: string[];
  /**
   * false: the snapshots may come without cell extras (notes, fills, links), for callers that only
   * recognise and analyse (check), which read none; the planners need them (the default).
   */
  extras?: boolean;
}

/** Sheets to read: not very hidden and not the product's own (undo record, definitions, report). */
export function candidateSheets(sheets: SheetInfo[], only?: string): SheetInfo[] {
  return sheets.filter((s) => s.visibility !== 'veryHidden' && !OWN_SHEETS.includes(s.name) && (!only || s.name === only));
}

/** What the loader reads from a host before analysing: the sheet list, the snapshots, KPI定義 and the undo record. */
export interface HostRead {
  sheets: SheetInfo[];
  snapshots: GridSnapshot[];
  definitionsSnapshot: GridSnapshot | null;
  record: UndoRecord;
}

/**
 * Everything loadWorkbook needs of the host, read (nothing of the host kept in it). A caller that
 * writes nothing (`kpi-progress check`) reads this and lets the host go before recognising, so the
 * .xlsx host's exceljs workbook (hundreds of MB of objects at 10,000 KPIs) is garbage while the
 * core runs instead of being walked by every collection.
 */
export async function readFromHost(host: ProgressHost, options: LoadOptions = {}, onProgress?: (done: number, total: number) => void): Promise<HostRead> {
  const sheets = await host.listSheets();
  if (options.sheet && !sheets.some((s) => s.name === options.sheet)) {
    const names = sheets.filter((s) => s.visibility !== 'veryHidden').map((s) => s.name);
    throw new MessageError('error.no-such-sheet', { sheet: options.sheet, names });
  }
  const toRead = candidateSheets(sheets, options.sheet);
  const hasDefinitions = sheets.some((s) => s.name === DEFINITIONS_SHEET);
  const total = toRead.length + (hasDefinitions ? 1 : 0);
  const snapshots: GridSnapshot[] = [];
  const read = options.extras === false ? { extras: false } : undefined;
  for (const [i, sheet] of toRead.entries()) {
    onProgress?.(i, total);
    snapshots.push(await host.readSnapshot(sheet.name, read));
  }
  const definitionsSnapshot = hasDefinitions ? await host.readSnapshot(DEFINITIONS_SHEET, read) : null;
  // the record as readUndoRecord reads it (its values only), without extras when the caller asked for none:
  // a host that reads extras otherwise (the .xlsx read-only host) then has no reason to open the workbook again
  const record = sheets.some((s) => s.name === UNDO_SHEET) ? decodeRecord(await host.readSnapshot(UNDO_SHEET, read)) : emptyRecord();
  onProgress?.(total, total);
  return { sheets, snapshots, definitionsSnapshot, record };
}

export async function loadWorkbook(host: ProgressHost, options: LoadOptions = {}, onProgress?: (done: number, total: number) => void): Promise<PlanInput> {
  const read = await readFromHost(host, options, onProgress);
  const input = analyseSnapshots(read.sheets, read.snapshots, read.definitionsSnapshot, read.record, options);
  return withHostExtras(host, input);
}

/**
 * The same PlanInput read in as few round trips as the host can (host.readWorkbook: Excel one sync
 * for an ordinary workbook), without the cells' extras (fills, notes, links): for the ribbon's
 * チェック and 年度列を追加, whose rules and planner need none. Hosts without it load as loadWorkbook.
 */
export async function loadWorkbookAtOnce(host: ProgressHost, options: LoadOptions = {}): Promise<PlanInput> {
  if (!host.readWorkbook || options.sheet) return loadWorkbook(host, options);
  const { sheets, snapshots } = await host.readWorkbook();
  const byName = new Map(snapshots.map((s) => [s.sheet, s]));
  const read = candidateSheets(sheets).flatMap((s) => byName.get(s.name) ?? []);
  const recordSnapshot = byName.get(UNDO_SHEET);
  const record = recordSnapshot ? decodeRecord(recordSnapshot) : emptyRecord();
  return analyseSnapshots(sheets, read, byName.get(DEFINITIONS_SHEET) ?? null, record, options);
}

/** Sheets that are neither progress sheets nor the product's own: the management sheets, if any. */
export function managementSheets(sheets: SheetInfo[], model: ProgressModel): string[] | undefined {
  const recognised = new Set(model.sheets.map((s) => s.sheet));
  const others = candidateSheets(sheets).map((s) => s.name).filter((n) => !recognised.has(n));
  return others.length ? others : undefined;
}

export function runAnalysis(
  sheets: SheetInfo[],
  snapshots: GridSnapshot[],
  definitionsFor: (m: ProgressModel) => KpiDefinitions | undefined,
  options: Pick<LoadOptions, 'lang' | 'managementSheets'>,
) {
  const read = new Set(snapshots.map((s) => s.sheet));
  const model = recognise(snapshots);
  const definitions = definitionsFor(model);
  const management = options.managementSheets ?? managementSheets(sheets.filter((s) => read.has(s.name)), model);
  const analysis = analyse(model, { lang: options.lang ?? 'ja', definitions, managementSheets: management });
  return { model, analysis, definitions };
}

/** Recognition and rules over snapshots already read. */
export function analyseSnapshots(
  sheets: SheetInfo[],
  snapshots: GridSnapshot[],
  definitionsSnapshot: GridSnapshot | null,
  record: UndoRecord,
  options: LoadOptions,
): PlanInput {
  const stored = definitionsSnapshot ? readDefinitions(definitionsSnapshot) : undefined;
  const settings = options.settings ?? defaultSettings;
  const analysed = runAnalysis(sheets, snapshots, (model) => effectiveDefinitions(stored, model, settings), options);
  return { sheets, snapshots, ...analysed, record, lang: options.lang ?? 'ja', definitionsSnapshot };
}
