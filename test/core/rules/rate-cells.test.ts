import { analyseSample, cellsOf, findingAt, SHEET, type Result } from '../support/sample-analysis';

let clean: Result;
beforeAll(async () => {
  clean = await analyseSample();
});

describe('misplaced-value', () => {
  test('clean sample: 新規工業用地造成箇所・面積 has "4.17ha", "0ha", "0ha" in its 達成率 row', () => {
    expect(cellsOf(clean, 'misplaced-value')).toEqual(['C124', 'E124', 'F124']);
  });
  test('planted: an actual typed into the 達成率 row', async () => {
    const r = await analyseSample((ws) => { ws.getCell('E100').value = '509百万円'; });
    expect(cellsOf(r, 'misplaced-value')).toEqual(['E100', 'C124', 'E124', 'F124']);
  });
});

describe('qualitative-rate', () => {
  test('clean sample: 留学生との交流事業 (target 各校1回以上) and 都市計画マスタープランの見直し ("0.0%" here, "-" in 全体目標)', () => {
    expect(cellsOf(clean, 'qualitative-rate')).toEqual(['E342', 'F342', 'F356']);
    expect(findingAt(clean, 'qualitative-rate', 'F356')!.message).toContain(`${SHEET}!F46 では「-」`);
  });
  test('planted: "0.0%" for 第5次公共交通確保計画策定, shown "-" where it is repeated', async () => {
    const r = await analyseSample((ws) => { ws.getCell('F48').value = '0.0%'; });
    expect(cellsOf(r, 'qualitative-rate')).toEqual(['F48', 'E342', 'F342', 'F356']);
    expect(findingAt(r, 'qualitative-rate', 'F48')!.message).toContain(`${SHEET}!F382 では「-」`);
  });
  test('planted: a numeric KPI shown "-" in one listing and as a rate in the other', async () => {
    const r = await analyseSample((ws) => { ws.getCell('F239').value = '-'; });
    expect(findingAt(r, 'qualitative-rate', 'F98')!.message).toContain(`${SHEET}!F239 では「-」なのに、ここでは 0.0%`);
  });
});

describe('rate-format', () => {
  test('clean sample: 児童生徒用学習端末の整備率 R2 "100%" among "x.x%"', () => {
    expect(cellsOf(clean, 'rate-format')).toEqual(['F344']);
    expect(findingAt(clean, 'rate-format', 'F344')!.fix).toEqual({
      label: '達成率を 100.0% に直す',
      edits: [{ kind: 'setCell', sheet: SHEET, row: 344, col: 6, expect: { value: '100%', formula: null }, content: { value: '100.0%' } }],
    });
  });
  test('planted: "68.90%"', async () => {
    const r = await analyseSample((ws) => { ws.getCell('E12').value = '68.90%'; });
    expect(cellsOf(r, 'rate-format')).toEqual(['E12', 'F344']);
    expect(cellsOf(r, 'rate-mismatch')).not.toContain('E12');
  });
});

describe('large-overshoot', () => {
  test('clean sample: 200.0%, 170.0%, 217.3%, 160.0% (≥ 150 %)', () => {
    expect(cellsOf(clean, 'large-overshoot')).toEqual(['F85', 'F133', 'E146', 'F179']);
    expect(findingAt(clean, 'large-overshoot', 'E146')).toMatchObject({ severity: 'info' });
  });
  test('planted: 70件 of 45件 (155.6 %)', async () => {
    const r = await analyseSample((ws) => {
      ws.getCell('F11').value = '70件';
      ws.getCell('F12').value = '155.6%';
    });
    expect(cellsOf(r, 'large-overshoot')).toEqual(['F12', 'F85', 'F133', 'E146', 'F179']);
  });
});
