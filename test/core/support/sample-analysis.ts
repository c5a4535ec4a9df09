/**
 * The bundled sample through the whole engine: .xlsx → snapshot → recognise → analyse. `plant` edits
 * a copy of the sample with exceljs, writes it as .xlsx and reads it back, as a user's file would be.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import { recognise } from '../../../src/core/recognise';
import { analyse, analyseWorkbook, type AnalyseOptions, type Analysis } from '../../../src/core/analyse';
import type { ProgressModel } from '../../../src/core/model';
import type { RuleId } from '../../../src/core/findings';
import { snapshotFromWorksheet } from '../../../src/xlsx/snapshot';

const ROOT = join(__dirname, '..', '..', '..');
export const SHEET = '進捗状況一覧表';
let sample: Buffer | null = null;

function sampleBuffer(): Buffer {
  sample ??= readFileSync(join(ROOT, 'assets', 'sample', 'progress-sheet.xlsx'));
  return sample;
}

/** Sheet names of the bundled management-sheet workbook ("01" … "33"). */
export async function managementSheetNames(): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(ROOT, 'assets', 'sample', 'management-sheets.xlsx'));
  return wb.worksheets.map((w) => w.name);
}

export interface Result {
  model: ProgressModel;
  analysis: Analysis;
}

/** Analyses a copy of the sample after `edit` (none: the clean sample). Options bypass the workbook's own sheets. */
export async function analyseSample(
  edit?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void | Promise<void>,
  options?: AnalyseOptions,
): Promise<Result> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(sampleBuffer() as unknown as ArrayBuffer);
  if (edit) await edit(wb.getWorksheet(SHEET)!, wb);
  const written = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(written);
  const snapshots = back.worksheets.map(snapshotFromWorksheet);
  const model = recognise(snapshots.filter((s) => s.sheet !== 'KPI定義'));
  const analysis = options ? analyse(model, options) : analyseWorkbook(model, snapshots);
  return { model, analysis };
}

/** Cells of one rule's findings, in order. */
export function cellsOf(r: Result, rule: RuleId): string[] {
  return r.analysis.findings.filter((f) => f.rule === rule).map((f) => f.cell);
}

export function findingAt(r: Result, rule: RuleId, cell: string) {
  return r.analysis.findings.find((f) => f.rule === rule && f.cell === cell);
}
