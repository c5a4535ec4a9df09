/** Reads what planners need from any host: snapshots, model, analysis, undo record. */
import { analyseWorkbook } from '../analyse';
import { DEFINITIONS_SHEET } from '../definitions';
import type { Lang } from '../findings';
import type { ProgressHost } from '../host';
import { recognise } from '../recognise';
import { readUndoRecord } from '../session';
import type { GridSnapshot } from '../snapshot';
import { UNDO_SHEET } from '../undo';
import type { PlanInput } from './context';
import { withHostExtras } from './host-extras';

/** Sheets the product writes itself: never recognised as progress sheets. */
export const REPORT_SHEET = '点検結果';
export const OWN_SHEETS = [UNDO_SHEET, DEFINITIONS_SHEET, REPORT_SHEET];

export class NoSheetError extends Error {}

export async function readPlanInput(host: ProgressHost, options: { sheet?: string; lang?: Lang } = {}): Promise<PlanInput> {
  const sheets = await host.listSheets();
  const lang = options.lang ?? 'ja';
  if (options.sheet && !sheets.some((s) => s.name === options.sheet)) {
    const names = sheets.filter((s) => s.visibility !== 'veryHidden').map((s) => s.name).join('、');
    throw new NoSheetError(lang === 'en' ? `No sheet "${options.sheet}" (sheets: ${names}).` : `シート「${options.sheet}」がありません（あるシート: ${names}）。`);
  }
  const candidates = sheets.filter((s) => s.visibility !== 'veryHidden' && !OWN_SHEETS.includes(s.name) && (!options.sheet || s.name === options.sheet));
  const snapshots: GridSnapshot[] = [];
  for (const s of candidates) snapshots.push(await host.readSnapshot(s.name));
  const model = recognise(snapshots);
  const extra = sheets.some((s) => s.name === DEFINITIONS_SHEET) ? [await host.readSnapshot(DEFINITIONS_SHEET)] : [];
  const analysis = analyseWorkbook(model, [...snapshots, ...extra], { lang });
  return withHostExtras(host, { sheets, snapshots, model, analysis, record: await readUndoRecord(host), lang });
}
