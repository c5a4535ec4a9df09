import { analyse } from '../../../src/core/analyse';
import { makeKpi } from '../support/make-kpi';
import { analyseSample, cellsOf, findingAt, SHEET, type Result } from '../support/sample-analysis';

let clean: Result;
beforeAll(async () => {
  clean = await analyseSample();
});

test('the clean sample: only 市内への転入者数, whose printed rates divide by the baseline', () => {
  expect(cellsOf(clean, 'rate-mismatch')).toEqual(['E227', 'F227']);
  expect(findingAt(clean, 'rate-mismatch', 'E227')!.message).toContain('実績÷基準値（259人 ÷ 360人）');
  expect(clean.analysis.rounding[SHEET]).toEqual({ mode: 'half-up', decimals: 1 });
});

test('a wrong rate is found at its cell, with the fix', async () => {
  const r = await analyseSample((ws) => { ws.getCell('E12').value = '70.0%'; });
  const f = findingAt(r, 'rate-mismatch', 'E12')!;
  expect(f).toMatchObject({ severity: 'error', kpi: `${SHEET}!11` });
  expect(f.message).toContain('計算値 68.9%（31件 ÷ 45件）');
  expect(f.fix!.edits).toEqual([{ kind: 'setCell', sheet: SHEET, row: 12, col: 5, expect: { value: '70.0%', formula: null }, content: { value: '68.9%' } }]);
});

test('names the computation that reproduces the printed figure', async () => {
  const r = await analyseSample((ws) => {
    ws.getCell('F12').value = '75.5%'; // 34/45 = 75.56 truncated
    ws.getCell('E14').value = '80.0%'; // R1 cell showing R2's rate (24/30)
    ws.getCell('E16').value = '28.6%'; // progress (10−8)/(15−8) instead of 10/15
    ws.getCell('F30').value = '125.4%'; // 750/598: target ÷ actual
    ws.getCell('E66').value = '32.8%'; // the actual (a percentage) copied as its rate
  });
  expect(findingAt(r, 'rate-mismatch', 'F12')!.message).toContain('切り捨て');
  expect(findingAt(r, 'rate-mismatch', 'E14')!.message).toContain('R2の実績値');
  expect(findingAt(r, 'rate-mismatch', 'E16')!.message).toContain('進捗率');
  expect(findingAt(r, 'rate-mismatch', 'F30')!.message).toContain('目標÷実績（750人 ÷ 598人）');
  expect(findingAt(r, 'rate-mismatch', 'E66')!.message).toContain('実績値（32.8%）そのもの');
});

test('a rate no computation reproduces still says what it should be; English too', async () => {
  const r = await analyseSample((ws) => { ws.getCell('E12').value = '12.3%'; }, { lang: 'en' });
  const f = findingAt(r, 'rate-mismatch', 'E12')!;
  expect(f.message).toBe('Rate 12.3% differs from the computed 68.9% (31件 ÷ 45件). Correct it to 68.9%.');
});

test('a rate stored as a number with a percent format is judged the same way', async () => {
  const r = await analyseSample((ws) => {
    ws.getCell('E12').value = 0.689;
    ws.getCell('E12').numFmt = '0.0%';
    ws.getCell('F12').value = 0.7;
    ws.getCell('F12').numFmt = '0.0%';
  });
  expect(cellsOf(r, 'rate-mismatch')).toEqual(['F12', 'E227', 'F227']);
  expect(findingAt(r, 'rate-mismatch', 'F12')!.fix!.edits[0]).toMatchObject({ content: { value: 0.756, numberFormat: '0.0%' } });
});

test('a truncating sheet is judged by truncation', () => {
  const kpi = (row: number, actual: string, printed: string) =>
    ({ ...makeKpi({ baseline: '26件', target: '45件', actuals: { 2019: actual }, rates: { 2019: printed } }), id: `S!${row}`, row });
  // 31/45 = 68.88…, 34/45 = 75.55…, 40/45 = 88.88…: printed truncated; the last one rounded half-up.
  const kpis = [kpi(10, '31件', '68.8%'), kpi(12, '34件', '75.5%'), kpi(14, '40件', '88.8%'), kpi(16, '44件', '97.8%')];
  const a = analyse({ sheets: [{ sheet: 'S', tables: [], kpis, structure: [] }], unrecognised: [] });
  expect(a.rounding.S).toEqual({ mode: 'truncate', decimals: 1 });
  const found = a.findings.filter((f) => f.rule === 'rate-mismatch');
  expect(found.map((f) => f.kpi)).toEqual(['S!16']);
  expect(found[0].message).toContain('計算値 97.7%');
  expect(found[0].message).toContain('四捨五入');
});
