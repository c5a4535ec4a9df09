import type ExcelJS from 'exceljs';
import { analyseSample, cellsOf, findingAt, SHEET, type Result } from '../support/sample-analysis';

let clean: Result;
beforeAll(async () => {
  clean = await analyseSample();
});

describe('relisted-mismatch', () => {
  test('clean sample: every (再掲) and repeated KPI matches its first listing', () => {
    // 錦鯉(再掲), 市民の家(再掲), 婚活 (twice), 市民協働 (twice), 第5次公共交通 (twice) are linked.
    expect(clean.model.sheets[0].kpis.filter((k) => k.relistedFrom).length).toBeGreaterThanOrEqual(5);
    expect(cellsOf(clean, 'relisted-mismatch')).toEqual([]);
  });
  test('planted: 錦鯉の海外展示出展数(再掲) R2 "1か国" against "0か国" in its first listing', async () => {
    const r = await analyseSample((ws) => { ws.getCell('F238').value = '1か国'; });
    expect(cellsOf(r, 'relisted-mismatch')).toEqual(['F238']);
    expect(findingAt(r, 'relisted-mismatch', 'F238')!.message).toContain(`最初の掲載 ${SHEET}!F97 の「0か国」`);
  });
  test('planted: a different target in the repeated 婚活 KPI', async () => {
    const r = await analyseSample((ws) => { ws.getCell('D295').value = '80組'; });
    expect(cellsOf(r, 'relisted-mismatch')).toEqual(['D295']);
  });
});

describe('breakdown-sum', () => {
  test('clean sample: 新規創業件数 = 18+8 …, 新規雇用・就業者数 = 297+15+15 … all add up', () => {
    expect(clean.model.sheets[0].kpis.filter((k) => k.breakdownOf).length).toBe(5);
    expect(cellsOf(clean, 'breakdown-sum')).toEqual([]);
  });
  test('planted: a breakdown actual changed — the total no longer adds up', async () => {
    const r = await analyseSample((ws) => { ws.getCell('E13').value = '22件'; });
    expect(cellsOf(r, 'breakdown-sum')).toEqual(['E11']);
    expect(findingAt(r, 'breakdown-sum', 'E11')!.message).toContain('合計 31件 が内訳の和 32件（22件 + 10件）');
  });
  test('planted: a breakdown target changed', async () => {
    const r = await analyseSample((ws) => { ws.getCell('D21').value = '50人'; });
    expect(cellsOf(r, 'breakdown-sum')).toEqual(['D17']);
  });
});

test('breakdown-sum: 事業費 of a total is the sum of its parts ("-" counts as nothing)', async () => {
  const r = await analyseSample((ws) => { ws.getCell('G13').value = '1,200'; });
  expect(cellsOf(r, 'breakdown-sum')).toEqual(['G11']);
  expect(findingAt(r, 'breakdown-sum', 'G11')!.message).toContain('事業費の合計 1,100 が内訳の和 1,200（1,200 + 0）');
});

test('relisted-mismatch across sheets: last year\'s copy may lack the new year, but shown figures must agree', async () => {
  const r = await analyseSample(async (ws, wb) => {
    const copy = wb.addWorksheet('R1版');
    ws.eachRow({ includeEmpty: true }, (row, n) => { copy.getRow(n).values = row.values as ExcelJS.CellValue[]; });
    copy.getCell('F11').value = null; // R2 not yet reported in the older edition
    copy.getCell('E13').value = '20件'; // but R1 differs: a real mismatch
  });
  const across = r.analysis.findings.filter((f) => f.rule === 'relisted-mismatch');
  expect(across.map((f) => `${f.sheet}!${f.cell}`)).toEqual(["R1版!E13"]);
});
