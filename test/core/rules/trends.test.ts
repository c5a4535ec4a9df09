import { analyseSample, cellsOf, findingAt, type Result } from '../support/sample-analysis';

let clean: Result;
beforeAll(async () => {
  clean = await analyseSample();
});

describe('cumulative-decrease', () => {
  test('clean sample: every 累計 KPI grows or stays', () => {
    expect(cellsOf(clean, 'cumulative-decrease')).toEqual([]);
  });
  test('planted: 新規創業件数 (H27～累計) falls from 31件 to 29件', async () => {
    const r = await analyseSample((ws) => { ws.getCell('F11').value = '29件'; });
    expect(cellsOf(r, 'cumulative-decrease')).toEqual(['F11']);
    expect(findingAt(r, 'cumulative-decrease', 'F11')!.message).toContain('R1 の 31件 から R2 の 29件 に減っています');
  });
  test('planted: below the baseline in the first year', async () => {
    const r = await analyseSample((ws) => { ws.getCell('E11').value = '25件'; });
    expect(cellsOf(r, 'cumulative-decrease')).toEqual(['E11']);
  });
  test('a per-year KPI may fall', () => {
    // 転入者数(単年度) falls 684 → 598 in the sample without a cumulative-decrease finding.
    expect(clean.model.sheets[0].kpis.find((k) => k.row === 29)!.cumulative).toBe(false);
  });
});

describe('missing-remark', () => {
  test('clean sample: falling or clearly behind (grade C/D) KPIs without 備考', () => {
    expect(cellsOf(clean, 'missing-remark')).toEqual(CLEAN_MISSING_REMARK);
  });
  test('planted: the remark of 錦鯉の海外展示出展数 (1→0か国) removed', async () => {
    const r = await analyseSample((ws) => { ws.getCell('M97').value = null; });
    expect(cellsOf(r, 'missing-remark')).toContain('M97');
    expect(findingAt(r, 'missing-remark', 'M97')!.message).toContain('実績が R1 の 1か国 から R2 の 0か国 に悪化している');
  });
  test('a remark written clears it', async () => {
    const r = await analyseSample((ws) => { ws.getCell('M29').value = 'R2:感染症の影響'; });
    expect(cellsOf(r, 'missing-remark')).not.toContain('M29');
    expect(cellsOf(r, 'missing-remark')).toHaveLength(CLEAN_MISSING_REMARK.length - 1);
  });
});

/** See sample-findings.test.ts for why each is right. */
const CLEAN_MISSING_REMARK = [
  'M29', 'M31', 'M37', 'M72', 'M88', 'M95', 'M99', 'M155', 'M174', 'M217', 'M224', 'M226', 'M251',
  'M258', 'M270', 'M297', 'M307', 'M320', 'M327', 'M329', 'M339', 'M383', 'M385', 'M395', 'M409',
];
