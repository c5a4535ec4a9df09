import type ExcelJS from 'exceljs';
import { DEFINITIONS_SHEET, definitionFor, definitionRows, readDefinitions, looseYear } from '../../src/core/definitions';
import type { GridSnapshot } from '../../src/core/snapshot';
import { analyseSample, cellsOf, findingAt, SHEET, type Result } from './support/sample-analysis';

/** Adds a KPI定義 sheet generated from the sample itself, then lets `edit` change it as a person would. */
function withDefinitions(rows: ReturnType<typeof definitionRows>, edit?: (defs: ExcelJS.Worksheet, ws: ExcelJS.Worksheet) => void) {
  return (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => {
    const defs = wb.addWorksheet(DEFINITIONS_SHEET);
    defs.addRows(rows);
    edit?.(defs, ws);
  };
}

/** Row of a KPI in the generated sheet (header on row 3, KPIs from row 4). */
function defRow(rows: ReturnType<typeof definitionRows>, name: string): number {
  return rows.findIndex((r) => r[0] === name) + 1;
}

let clean: Result;
let rows: ReturnType<typeof definitionRows>;
beforeAll(async () => {
  clean = await analyseSample();
  rows = definitionRows(clean.model, clean.analysis);
});

test('definitionRows: a note, the header, one row per KPI (relisted once), the grade bands', () => {
  expect(rows[2]).toEqual(['KPI名', '単位', '方向', '累計', '達成率の計算', '基準値', '基準年度', '目標値', '目標年度', '下限', '上限', 'シートNo.', '担当課', '所在']);
  expect(rows[3]).toEqual(['新規創業件数 (H27～累計)', '件', '増加', '累計', '実績÷目標', 26, 'H30', 45, 'R6', null, null, null, '商工振興課', `${SHEET}!A11`]);
  const names = rows.slice(3).map((r) => r[0]);
  expect(names.filter((n) => n === '錦鯉の海外展示出展数')).toHaveLength(1);
  expect(names).not.toContain('錦鯉の海外展示出展数(再掲)');
  expect(rows.find((r) => r[0] === '都市計画マスタープラン見直し')!.slice(4, 9)).toEqual(['なし', null, 'H30', '見直し完了', 'R6']);
  expect(rows.find((r) => r[0] === '市内高校卒業生のうち市内事業所への就職率')!.slice(9, 11)).toEqual([0, 100]);
  expect(rows.slice(-5).map((r) => r.slice(0, 2))).toEqual([['評価の方法', '達成率（実績÷目標）の区分'], ['A', '100%'], ['B', '80%'], ['C', '50%'], ['D', '上記未満']]);
});

test('the sample with its own generated KPI定義: read back whole, no drift, same judgement', async () => {
  const r = await analyseSample(withDefinitions(rows));
  expect(cellsOf(r, 'definition-drift')).toEqual([]);
  expect(r.analysis.findings).toEqual(clean.analysis.findings);
  expect(r.analysis.kpis).toEqual(clean.analysis.kpis);
});

test('definition-drift: a target and a year that differ from the definitions', async () => {
  const row = defRow(rows, '新規創業件数 (H27～累計)');
  const r = await analyseSample(withDefinitions(rows, (defs) => {
    defs.getCell(`H${row}`).value = 50;
    defs.getCell(`G${row}`).value = '平成29年度';
  }));
  expect(cellsOf(r, 'definition-drift')).toEqual(['D11', 'C11']);
  expect(findingAt(r, 'definition-drift', 'D11')!.message).toBe(
    `目標値「45件」が KPI定義（KPI定義!A${row}）の「50」と違います。表か KPI定義 のどちらかを直してください。`,
  );
  expect(findingAt(r, 'definition-drift', 'C11')!.message).toContain('基準年度「H30」');
});

test('definition-drift: actuals outside the allowed range', async () => {
  const row = defRow(rows, '新規創業件数 (H27～累計)');
  const r = await analyseSample(withDefinitions(rows, (defs) => { defs.getCell(`K${row}`).value = 32; }));
  expect(cellsOf(r, 'definition-drift')).toEqual(['F11']);
  expect(findingAt(r, 'definition-drift', 'F11')!.message).toContain('許容範囲 ～32');
});

test('definitions override inference: method, direction and grade bands', async () => {
  const kpi = `${SHEET}!11`;
  const row = defRow(rows, '新規創業件数 (H27～累計)');
  const bandsRow = rows.findIndex((r) => r[0] === 'B') + 1;
  const r = await analyseSample(withDefinitions(rows, (defs) => {
    defs.getCell(`E${row}`).value = '差分';
    defs.getCell(`B${bandsRow - 1}`).value = '80%'; // A from 80 %
    defs.getCell(`B${bandsRow}`).value = '60%'; // B from 60 %
  }));
  expect(clean.analysis.kpis[kpi]).toMatchObject({ method: 'ratio' });
  expect(r.analysis.kpis[kpi].method).toBe('gap');
  // (34 − 26) ÷ (45 − 26) = 42.1 %, so the printed ratio 75.6 % no longer matches.
  expect(r.analysis.kpis[kpi].rates.get(2020)).toBeCloseTo(8 / 19, 12);
  expect(findingAt(r, 'rate-mismatch', 'F12')!.message).toContain('計算値 42.1%');
  // 技能士合格者数: 達成率 176 ÷ 220 = 80 %: B by default, A with A ≥ 80 %.
  expect(clean.analysis.kpis[`${SHEET}!72`].grade).toBe('B');
  expect(r.analysis.kpis[`${SHEET}!72`].grade).toBe('A');
});

test('評価の方法 in KPI定義 chooses the grading: 見込み値（按分）に対する実績の区分', async () => {
  const methodRow = rows.findIndex((r) => r[0] === '評価の方法') + 1;
  expect(rows[methodRow - 1][1]).toBe('達成率（実績÷目標）の区分');
  const r = await analyseSample(withDefinitions(rows, (defs) => {
    defs.getCell(`B${methodRow}`).value = '見込み値（按分）に対する実績の区分';
  }));
  // 新規創業件数: 達成率 34 ÷ 45 = 75.6 % → C; against the expected 32.3 (R2 of H30→R6) → A.
  expect(clean.analysis.kpis[`${SHEET}!11`].grade).toBe('C');
  expect(r.analysis.kpis[`${SHEET}!11`]).toMatchObject({ grade: 'A', basis: { method: 'path' } });
  const bad = await analyseSample(withDefinitions(rows, (defs) => { defs.getCell(`B${methodRow}`).value = '適当'; }));
  expect(bad.analysis.findings.find((f) => f.sheet === DEFINITIONS_SHEET)!.message).toContain('評価の方法「適当」は読めません');
});

test('unreadable definition cells are reported on the KPI定義 sheet; the rest is still used', async () => {
  const row = defRow(rows, '新規創業件数 (H27～累計)');
  const r = await analyseSample(withDefinitions(rows, (defs) => {
    defs.getCell(`C${row}`).value = '上がる';
    defs.getCell(`H${row}`).value = 50;
  }));
  const bad = r.analysis.findings.find((f) => f.sheet === DEFINITIONS_SHEET)!;
  expect(bad).toMatchObject({ rule: 'definition-drift', severity: 'warning', cell: `C${row}` });
  expect(bad.message).toContain('「上がる」は読めません。増加 / 減少 / 自動 のいずれかを書いてください');
  expect(cellsOf(r, 'definition-drift')).toContain('D11');
});

function snapshot(values: (string | number | null)[][]): GridSnapshot {
  const width = Math.max(...values.map((r) => r.length));
  const full = values.map((r) => [...r, ...Array(width - r.length).fill(null)]);
  return { sheet: DEFINITIONS_SHEET, origin: { row: 1, col: 1 }, values: full, formulas: full.map((r) => r.map(() => null)), numberFormats: full.map((r) => r.map(() => null)), merges: [] };
}

test('readDefinitions is lenient: columns in any order, years in any style, bad bands fall back', () => {
  const d = readDefinitions(snapshot([
    ['単位', 'KPI名', '目標値', '目標年度', '基準値', '基準年度', '方向'],
    ['件', '相談件数', '10件以上', '令和6年度', '▲2', 2018, '減少'],
    [null, null],
    ['評価区分'],
    ['A', 1], ['B', '90%'], ['C', '95%'],
  ]));
  expect(d.kpis).toEqual([expect.objectContaining({
    name: '相談件数', unit: '件', direction: 'down', target: { value: 10, year: 2024 }, baseline: { value: -2, year: 2018 }, row: 2,
  })]);
  expect(d.bands).toEqual({ A: 1, B: 0.8, C: 0.5 });
  expect(d.problems.map((p) => p.cell)).toEqual(['A4']);
  expect(readDefinitions(snapshot([['名前']])).problems[0].ja).toContain('見出し「KPI名」の行が見つかりません');
  expect([looseYear('R元'), looseYear('H31'), looseYear('FY2020'), looseYear('x')]).toEqual([2019, 2019, 2020, undefined]);
});

test('a percentage typed as "100%" in Excel (1 with a percent format) counts as 100 percent points', () => {
  const s = snapshot([['KPI名', '単位', '目標値', '下限', '上限'], ['就職率', '%', 0.44, 0, 1]]);
  s.numberFormats[1] = [null, null, '0.0%', '0%', '0%'];
  expect(readDefinitions(s).kpis[0]).toMatchObject({ target: { value: 44 }, min: 0, max: 100 });
});

test('definitionFor follows a definitions list edited in place (rows added or replaced)', () => {
  const kpi = clean.model.sheets[0].kpis[0];
  const defs = readDefinitions(snapshot([['KPI名', '単位'], ['other', '件']]));
  expect(definitionFor(defs, kpi)).toBeUndefined();
  defs.kpis.push({ ...defs.kpis[0], name: kpi.name });
  expect(definitionFor(defs, kpi)!.unit).toBe('件');
  defs.kpis[1] = { ...defs.kpis[1], method: 'gap' };
  expect(definitionFor(defs, kpi)!.method).toBe('gap');
  expect(readDefinitions(snapshot([['KPI名', '方向'], ['x', 'toString']])).kpis[0].direction).toBeNull();
});
