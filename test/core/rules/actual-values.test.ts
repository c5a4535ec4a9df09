import { analyseSample, cellsOf, findingAt, type Result } from '../support/sample-analysis';

let clean: Result;
beforeAll(async () => {
  clean = await analyseSample();
});

describe('unit-mismatch', () => {
  test('clean sample: インターンシップ実施支援件数 R1 "57人" in a 件 KPI', () => {
    expect(cellsOf(clean, 'unit-mismatch')).toEqual(['E63']);
    expect(findingAt(clean, 'unit-mismatch', 'E63')!.message).toContain('「57人」の単位「人」がKPIの単位「件」と違います');
  });
  test('planted: "34人" in 新規創業件数 R2', async () => {
    const r = await analyseSample((ws) => { ws.getCell('F11').value = '34人'; });
    expect(cellsOf(r, 'unit-mismatch')).toEqual(['F11', 'E63']);
    // No rate is computed across units, so no second finding on the printed rate.
    expect(cellsOf(r, 'rate-mismatch')).not.toContain('F12');
  });
  test('planted: baseline and target in different units', async () => {
    const r = await analyseSample((ws) => { ws.getCell('C11').value = '26人'; });
    expect(findingAt(r, 'unit-mismatch', 'C11')!.message).toContain('基準値「26人」と目標値「45件」');
  });
});

describe('not-a-number', () => {
  test('clean sample: text in qualitative KPIs ("R6着手予定", "1回以上13校") is not flagged', () => {
    expect(cellsOf(clean, 'not-a-number')).toEqual([]);
  });
  test('planted: "集計中" and "#REF!" in numeric KPIs', async () => {
    const r = await analyseSample((ws) => {
      ws.getCell('F11').value = '集計中';
      ws.getCell('E29').value = '#REF!';
    });
    expect(cellsOf(r, 'not-a-number')).toEqual(['F11', 'E29']);
    expect(findingAt(r, 'not-a-number', 'F11')).toMatchObject({ severity: 'warning' });
  });
});

describe('percent-out-of-range', () => {
  test('clean sample: every percentage within 0–100 % (100% included)', () => {
    expect(cellsOf(clean, 'percent-out-of-range')).toEqual([]);
  });
  test('planted: 142.4% as a share of graduates', async () => {
    const r = await analyseSample((ws) => { ws.getCell('F65').value = '142.4%'; });
    expect(cellsOf(r, 'percent-out-of-range')).toEqual(['F65']);
  });
});

describe('year-gap', () => {
  test('clean sample: "-" in R1 of KPIs that start later is not a gap', () => {
    expect(cellsOf(clean, 'year-gap')).toEqual([]);
  });
  test('planted: R1 cleared while R2 is filled', async () => {
    const r = await analyseSample((ws) => { ws.getCell('E29').value = null; });
    expect(cellsOf(r, 'year-gap')).toEqual(['E29']);
    expect(findingAt(r, 'year-gap', 'E29')!.message).toContain('R1の実績値が空なのに、後の R2 は記入済み');
  });
});

test('year-gap: a KPI without baseline that starts later is no gap; a hole after its first year is', async () => {
  const r = await analyseSample((ws) => {
    ws.getCell('E106').value = null; // スマート農業 (baseline "-"): R1 "-" → empty, R2 3件
    ws.getCell('H106').value = '5件'; // R3 …
    ws.getCell('J106').value = '8件'; // … R5 with R4 (I106) empty: a gap
  });
  expect(cellsOf(r, 'year-gap')).toEqual(['I106']);
});
