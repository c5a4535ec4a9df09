/**
 * Editions of the progress table for the comparison tests (issue #15), built from the bundled R2
 * sample: the R1 edition as published a year earlier (no R2 figures, no R2 remarks) and an R3 edition
 * (R3 actuals and rates added, as the office would write them next year). `plantChanges` plants one
 * change of every kind in a copy and returns where each one is.
 */
import ExcelJS from 'exceljs';
import { recognise } from '../../src/core/recognise';
import type { ProgressModel } from '../../src/core/model';
import { snapshotFromWorksheet } from '../../src/xlsx/snapshot';
import { loadSampleWorkbook, SAMPLE_SHEET } from './sample';
import { COL, roundTrip } from './variants';

export { COL };

export function modelOf(wb: ExcelJS.Workbook): ProgressModel {
  return recognise(wb.worksheets.map(snapshotFromWorksheet));
}

function ws(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  return wb.getWorksheet(SAMPLE_SHEET)!;
}

const text = (v: ExcelJS.CellValue): string => (v === null || v === undefined ? '' : String(v));

/** The R1 edition: the R2 column empty (actuals and rates), R2 remarks not yet written. */
export async function r1Edition(): Promise<ExcelJS.Workbook> {
  const wb = await loadSampleWorkbook();
  const model = modelOf(wb);
  const sheet = ws(wb);
  sheet.getCell('A3').value = text(sheet.getCell('A3').value).replace('令和2年度', '令和元年度');
  for (const k of model.sheets[0].kpis) {
    sheet.getCell(k.row, COL.r2).value = null;
    sheet.getCell(k.rateRow, COL.r2).value = null;
    const remark = sheet.getCell(k.row, COL.remark);
    if (/^R2[:：]/.test(text(remark.value))) remark.value = null;
  }
  return roundTrip(wb);
}

function formatLike(value: number, like: string, unit: string): string {
  const decimals = /\.(\d+)/.exec(like)?.[1].length ?? 0;
  const digits = like.includes(',') ? value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }) : value.toFixed(decimals);
  return `${digits}${unit}`;
}

/** The R3 edition: every numeric KPI gets an R3 actual a little above R2, and its rate (actual ÷ target). */
export async function r3Edition(): Promise<ExcelJS.Workbook> {
  const wb = await loadSampleWorkbook();
  const model = modelOf(wb);
  const sheet = ws(wb);
  sheet.getCell('A3').value = text(sheet.getCell('A3').value).replace('令和2年度', '令和3年度');
  for (const k of model.sheets[0].kpis) {
    const r2 = k.actuals.get(2020);
    if (!r2 || r2.kind !== 'number' || r2.value === null || !r2.unit) continue;
    const decimals = /\.(\d+)/.exec(r2.text)?.[1].length ?? 0;
    const step = Math.max(1, Math.round(r2.value * 0.03 * 10 ** decimals)) / 10 ** decimals;
    const r3 = Math.round((r2.value + step) * 10 ** decimals) / 10 ** decimals;
    sheet.getCell(k.row, COL.r3).value = formatLike(r3, r2.text, r2.unit);
    if (k.target.value !== null && k.target.value > 0 && k.printedRates.get(2020)?.kind === 'rate') {
      sheet.getCell(k.rateRow, COL.r3).value = `${((r3 / k.target.value) * 100).toFixed(1)}%`;
    }
  }
  return roundTrip(wb);
}

/** One planted change: its rule, the cell of the current edition (of the previous one for kpi-removed), the KPI's name. */
export interface Planted {
  rule: string;
  cell: string;
  kpi: string;
  severity?: string;
}

/**
 * Plants one change of every kind in an R3 edition (compared with the R2 sample). Rows are those of the
 * sample; the KPI removed is the last one, so no row moves.
 */
export function plantChanges(wb: ExcelJS.Workbook): Planted[] {
  const s = ws(wb);
  const set = (cell: string, v: string) => (s.getCell(cell).value = v);
  const planted: Planted[] = [];
  // kpi-renamed: same figures, same place, new wording.
  set('A11', '新規創業件数 (平成27年度からの累計)');
  planted.push({ rule: 'kpi-renamed', cell: 'A11', kpi: '新規創業件数 (平成27年度からの累計)' });
  // rate-revised: the R1 rate printed differently though nothing under it changed.
  set('E12', '69.0%');
  planted.push({ rule: 'rate-revised', cell: 'E12', kpi: '新規創業件数 (平成27年度からの累計)' });
  // sheet-number-changed
  set('N13', '09');
  planted.push({ rule: 'sheet-number-changed', cell: 'N13', kpi: '(内訳) 創業、第二創業及び開業' });
  // actual-revised without a word in 備考: an error.
  set('E17', '410人');
  planted.push({ rule: 'actual-revised', cell: 'E17', kpi: '新規雇用・就業者数 (H27～累計)', severity: 'error' });
  // department-changed
  set('L21', '農林振興課');
  planted.push({ rule: 'department-changed', cell: 'L21', kpi: '(内訳) 新規就農支援' });
  // baseline-changed
  set('C29', '700人');
  planted.push({ rule: 'baseline-changed', cell: 'C29', kpi: '転入者数(単年度)【県人口移動調査(前年10～9月)】' });
  // target-changed (value)
  set('D31', '125万人');
  planted.push({ rule: 'target-changed', cell: 'D31', kpi: '観光入込者数(単年度)【県観光統計(1～12月)】' });
  // actual-revised with 備考 saying so: info.
  set('E37', '230人');
  set('M37', 'R1実績値を確定値に修正');
  planted.push({ rule: 'actual-revised', cell: 'E37', kpi: '出生数(単年度)【県人口移動調査(前年10～9月)】', severity: 'info' });
  // unit-changed: 組 → 件 everywhere in the KPI's row, figures the same.
  for (const col of ['C', 'D', 'E', 'F', 'H']) {
    const v = text(s.getCell(`${col}39`).value);
    if (v.endsWith('組')) set(`${col}39`, v.replace(/組$/, '件'));
  }
  planted.push({ rule: 'unit-changed', cell: 'D39', kpi: '婚活支援事業による成婚数(H21～累計)' });
  // kpi-removed + kpi-added: a different KPI where 企業見学交流バスツアー was.
  set('A180', 'オンライン企業説明会の参加企業数/年');
  set('C180', '-');
  set('D180', '20社');
  set('E180', '-');
  set('F180', '-');
  set('H180', '12社');
  s.getCell('E181').value = null;
  s.getCell('F181').value = null;
  s.getCell('H181').value = '60.0%';
  planted.push({ rule: 'kpi-added', cell: 'A180', kpi: 'オンライン企業説明会の参加企業数/年' });
  planted.push({ rule: 'kpi-removed', cell: 'A180', kpi: '企業見学交流バスツアーの実施回数/年' });
  // target-changed (year): the single-KPI table's header says R7.
  set('D394', '目標値 (R7)');
  planted.push({ rule: 'target-changed', cell: 'D395', kpi: '優良宅地供給区画数' });
  // target-changed (qualifier)
  set('D402', '17.0km以上');
  planted.push({ rule: 'target-changed', cell: 'D402', kpi: '消雪パイプリフレッシュ実施延長' });
  // kpi-removed: the last KPI is gone (its two rows cleared, merges undone).
  for (const ref of [...(s.model.merges ?? [])]) if (/^[A-Z]+41[12]:/.test(ref)) s.unMergeCells(ref);
  for (const r of [411, 412]) for (let c = 1; c <= 14; c++) s.getCell(r, c).value = null;
  planted.push({ rule: 'kpi-removed', cell: 'A411', kpi: '高齢者対応型投雪口整備（累計）' });
  return planted;
}
