/**
 * Helpers to load the bundled sample and to read the published text independently of the recogniser,
 * so that tests compare recognition against the source figures.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { GridSnapshot } from '../../src/core/snapshot';
import { snapshotFromWorksheet } from '../../src/xlsx/snapshot';

export const ROOT = join(__dirname, '..', '..');
export const SAMPLE_PROGRESS = join(ROOT, 'assets', 'sample', 'progress-sheet.xlsx');
export const PUBLISHED_TEXT = join(ROOT, 'data', 'ojiya-progress-table-r2.txt');
export const SAMPLE_SHEET = '進捗状況一覧表';

export async function loadSampleWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE_PROGRESS);
  return wb;
}

export async function sampleSnapshots(): Promise<GridSnapshot[]> {
  return (await loadSampleWorkbook()).worksheets.map(snapshotFromWorksheet);
}

export async function workbookSnapshots(wb: ExcelJS.Workbook): Promise<GridSnapshot[]> {
  return wb.worksheets.map(snapshotFromWorksheet);
}

/** One KPI pair as printed in the published text (14 TAB-separated columns per row). */
export interface PublishedKpi {
  /** 0-based order in the document. */
  index: number;
  /** 0-based KPI table it belongs to. */
  table: number;
  name: string;
  baseline: string;
  target: string;
  r1: string;
  r2: string;
  cost: string;
  department: string;
  remark: string;
  sheetNo: string;
  rate: { r1: string; r2: string; baselineCol: string; targetCol: string };
}

/** Reads the 84 KPI pairs of the published text, in order (header rows start "重要業績評価指標"). */
export function publishedKpis(): PublishedKpi[] {
  const lines = readFileSync(PUBLISHED_TEXT, 'utf8').split(/\r?\n/);
  const out: PublishedKpi[] = [];
  let table = -1;
  for (let i = 0; i < lines.length; i++) {
    const cols = lines[i].split('\t').map((c) => c.trim());
    if (cols[0].startsWith('重要業績評価指標')) table++;
    if (cols[1] !== '実績値') continue;
    const rate = (lines[i + 1] ?? '').split('\t').map((c) => c.trim());
    if (rate[1] !== '達成率') throw new Error(`line ${i + 2}: 達成率 row expected`);
    out.push({
      index: out.length,
      table,
      name: cols[0],
      baseline: cols[2],
      target: cols[3],
      r1: cols[4],
      r2: cols[5],
      cost: cols[6],
      department: cols[11] ?? '',
      remark: cols[12] ?? '',
      sheetNo: cols[13] ?? '',
      rate: { r1: rate[4] ?? '', r2: rate[5] ?? '', baselineCol: rate[2] ?? '', targetCol: rate[3] ?? '' },
    });
  }
  return out;
}

/** The published text as a grid: one line per row, TAB-separated columns from A (table of contents included). */
export function publishedTextSnapshot(sheet = 'text'): GridSnapshot {
  const rows = readFileSync(PUBLISHED_TEXT, 'utf8').split(/\r?\n/).map((line) => line.split('\t'));
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] === undefined || r[i].trim() === '' ? null : r[i])));
  return { sheet, origin: { row: 1, col: 1 }, values, formulas: values.map((r) => r.map(() => null)), numberFormats: values.map((r) => r.map(() => null)), merges: [] };
}
