/**
 * Recognition of the bundled sample against the published text: 38 tables, 84 KPIs, every KPI's
 * rows, name, figures, printed rates, sheet number, department, place in the structure and links.
 */
import { NO_VALUES } from '../../src/core/recognise/grid';
import type { Kpi, ProgressModel, SheetModel } from '../../src/core/model';
import { recognise } from '../../src/core/recognise';
import { publishedKpis, publishedTextSnapshot, sampleSnapshots, SAMPLE_SHEET, type PublishedKpi } from '../support/sample';

let model: ProgressModel;
let sheet: SheetModel;
const published = publishedKpis();

beforeAll(async () => {
  model = recognise(await sampleSnapshots());
  sheet = model.sheets[0];
});

/** Independent reading of a printed figure: "14,350人" → 14350, "3日以上" → 3, "-" → null. */
function leadingNumber(s: string): number | null {
  const m = /^(\d[\d,]*(?:\.\d+)?)/.exec(s);
  return m ? Number(m[1].replace(/,/g, '')) : null;
}

function printedFraction(s: string): number | null {
  const m = /^(\d+(?:\.\d+)?)%$/.exec(s);
  return m ? Number(m[1]) / 100 : null;
}

const byName = (name: string): Kpi[] => sheet.kpis.filter((k) => k.name === name);

test('the sample gives exactly one sheet with 38 tables and 84 KPIs', () => {
  expect(model.unrecognised).toEqual([]);
  expect(model.sheets.map((s) => s.sheet)).toEqual([SAMPLE_SHEET]);
  expect(sheet.tables).toHaveLength(38);
  expect(sheet.kpis).toHaveLength(84);
  expect(published).toHaveLength(84);
});

test('tables are counted per published header row and hold the published number of KPIs', () => {
  const perTable = (list: { table: number }[]) => list.reduce<number[]>((acc, k) => ((acc[k.table] = (acc[k.table] ?? 0) + 1), acc), []);
  expect(perTable(sheet.kpis.map((k) => ({ table: k.tableIndex })))).toEqual(perTable(published));
  for (const t of sheet.tables) {
    expect(t.baselineYear).toBe(2018);
    expect(t.targetYear).toBe(2024);
    expect(t.columns.years.map((y) => [y.year, y.label])).toEqual([[2019, 'R1'], [2020, 'R2'], [2021, 'R3'], [2022, 'R4'], [2023, 'R5'], [2024, 'R6']]);
    expect(t.columns.kpi).toBe(1);
    expect(t.columns.rowLabel).toBe(2);
    expect([t.columns.baseline, t.columns.target, t.columns.cost, t.columns.department, t.columns.remark, t.columns.sheetNo]).toEqual([3, 4, 7, 12, 13, 14]);
  }
});

describe.each(published.map((p) => [p.index + 1, p.name, p] as [number, string, PublishedKpi]))('KPI %i %s', (_n, _name, p) => {
  let k: Kpi;
  beforeAll(() => {
    k = sheet.kpis[p.index];
  });

  test('name, rows and table', () => {
    expect(k.name).toBe(p.name);
    expect(k.rateRow).toBe(k.row + 1);
    expect(k.id).toBe(`${SAMPLE_SHEET}!${k.row}`);
    expect(k.tableIndex).toBe(p.table);
    expect(k.nameCell).toEqual({ row: k.row, col: 1 });
  });

  test('baseline, target and actuals as printed', () => {
    expect(k.baseline.text).toBe(p.baseline);
    expect(k.target.text).toBe(p.target);
    expect(k.baseline.year).toBe(2018);
    expect(k.target.year).toBe(2024);
    expect(k.baseline.value).toBe(/^\d/.test(p.baseline) && !/[・校]\d/.test(p.baseline) ? leadingNumber(p.baseline) : null);
    const targetNumeric = /^\d[\d,.]*[^\d]*$/.test(p.target);
    expect(k.target.value).toBe(targetNumeric ? leadingNumber(p.target) : null);
    expect(k.actuals.get(2019)!.text).toBe(p.r1);
    expect(k.actuals.get(2020)!.text).toBe(p.r2);
    for (const y of [2021, 2022, 2023, 2024]) expect(k.actuals.get(y)!.kind).toBe('empty');
    const r1 = /^\d[\d,.]*[^\d]*$/.test(p.r1) ? leadingNumber(p.r1) : null;
    expect(k.actuals.get(2019)!.kind === 'number' ? k.actuals.get(2019)!.value : null).toBe(r1);
    if (targetNumeric) expect(k.unit).toBe(p.target.replace(/^[\d,.]+/, '').replace(/以上$/, '') || null);
  });

  test('printed rates', () => {
    for (const [year, printed] of [[2019, p.rate.r1], [2020, p.rate.r2]] as const) {
      const r = k.printedRates.get(year)!;
      expect(r.text).toBe(printed);
      const f = printedFraction(printed);
      if (f !== null) {
        expect(r.kind).toBe('rate');
        expect(r.value).toBeCloseTo(f, 10);
        expect(r.decimals).toBe(printed.includes('.') ? 1 : 0);
      } else {
        expect(r.kind).toBe(printed === '' ? 'empty' : printed === '-' ? 'none' : 'text');
      }
    }
    expect(k.rateRowOther.map((v) => v.text)).toEqual([p.rate.baselineCol, p.rate.targetCol].filter((x) => x !== ''));
  });

  test('department, remark, sheet number', () => {
    expect(k.department).toBe(p.department || null);
    expect(k.remark).toBe(p.remark || null);
    expect(k.sheetNo).toBe(p.sheetNo || null);
    expect(k.sheetNoCell).toEqual({ row: k.row, col: 14 });
  });
});

test('units as written, including ones outside any list', () => {
  const unit = (name: string) => byName(name)[0].unit;
  expect(unit('観光入込者数(単年度)【県観光統計(1～12月)】')).toBe('万人');
  expect(unit('都市公園面積')).toBe('千㎡');
  expect(unit('錦鯉の輸出額/年')).toBe('百万円');
  expect(unit('小千谷産米の海外市場流通量/年')).toBe('t');
  expect(unit('錦鯉の海外展示出展数')).toBe('か国');
  expect(unit('市内高校卒業生のうち市内事業所への就職率')).toBe('%');
  expect(unit('消雪パイプリフレッシュ実施延長')).toBe('km');
  expect(unit('地域コミュニティバス運行地区数')).toBe('地区');
  expect(unit('都市計画マスタープラン見直し')).toBeNull();
});

test('qualifiers, qualitative and unreadable values, reference figures, misplaced values', () => {
  const days = byName('市内中学生一人当たり職場体験実施日数')[0];
  expect(days.target).toMatchObject({ value: 3, qualifier: 'atLeast' });
  expect(days.direction).toBe('up');
  const land = byName('新規工業用地造成箇所・面積')[0];
  expect(land.target).toMatchObject({ value: 2, qualifier: 'atLeast', text: '2か所以上' });
  expect(land.rateRowOther[0]).toMatchObject({ text: '4.17ha', kind: 'number', value: 4.17, unit: 'ha', col: 3, row: land.rateRow });
  expect(land.printedRates.get(2019)).toMatchObject({ text: '0ha', kind: 'text' });
  // the cells of values that carry none: the KPI's rows under the year columns
  expect(land.printedRates.cell(2019)).toEqual({ row: land.rateRow, col: land.actuals.colOf(2019) });
  expect(land.actuals.cell(2019).row).toBe(land.row);
  // KPIs with nothing misplaced share one frozen empty list
  expect(days.rateRowOther).toBe(NO_VALUES);
  expect(Object.isFrozen(NO_VALUES) && NO_VALUES.length === 0).toBe(true);
  const plan = byName('都市計画マスタープラン見直し')[0];
  expect(plan.target.parsed?.kind).toBe('text');
  expect(plan.actuals.get(2020)).toMatchObject({ kind: 'text', text: 'R6着手予定' });
  expect(plan.baseline.parsed?.kind).toBe('none');
  expect(plan.direction).toBe('none');
  const exchange = byName('留学生との交流事業/年(小中学校)')[0];
  expect(exchange.actuals.get(2019)).toMatchObject({ kind: 'text', text: '1回以上13校', value: null });
  expect(exchange.baseline.parsed).toMatchObject({ kind: 'text', text: '4校・13回' });
  expect(exchange.target.parsed).toMatchObject({ kind: 'text', text: '各校1回以上' });
  const found = byName('地域資源発見・活用事業の実施')[0];
  expect(found.actuals.get(2019)).toMatchObject({ kind: 'reference', value: 4, unit: '件' });
  const fans = byName('おぢやファンクラブ登録者数(H19～累計)')[0];
  expect(fans.baseline.value).toBe(14350);
  expect(fans.cost).toMatchObject({ kind: 'none' });
  expect(byName('ふるさと納税者数/年')[0].cost).toMatchObject({ kind: 'number', value: 250692, unit: null });
});

test('direction and cumulation', () => {
  expect(byName('新規創業件数 (H27～累計)')[0]).toMatchObject({ direction: 'up', cumulative: true, cumulativeFrom: 2015 });
  expect(byName('小千谷鉄工電子協同組合技能士合格者数 (H19～累計)')[0].cumulativeFrom).toBe(2007);
  expect(byName('婚活支援事業による成婚数(H21～累計)')[0].cumulativeFrom).toBe(2009);
  expect(byName('スマート農業による省力・精密化取組件数(累計)')[0]).toMatchObject({ cumulative: true, cumulativeFrom: 2020 });
  expect(byName('空き家バンク登録件数(累計)')[0]).toMatchObject({ cumulative: true, cumulativeFrom: null });
  expect(byName('転入者数(単年度)【県人口移動調査(前年10～9月)】')[0]).toMatchObject({ direction: 'up', cumulative: false });
  // Equal baseline and target without a qualifier: the direction cannot be told.
  expect(byName('保育園受入定員数/年')[0].direction).toBe('none');
  expect(sheet.kpis.filter((k) => k.cumulative)).toHaveLength(19);
});

test('(内訳) rows are breakdowns of the KPI above them', () => {
  const total = byName('新規創業件数 (H27～累計)')[0];
  const jobs = byName('新規雇用・就業者数 (H27～累計)')[0];
  const breakdowns = sheet.kpis.filter((k) => k.breakdownOf);
  expect(breakdowns.map((k) => [k.name, k.breakdownOf])).toEqual([
    ['(内訳) 創業、第二創業及び開業', total.id],
    ['(内訳) 空き店舗開業支援', total.id],
    ['(内訳) 新規創業や開店、事業所や工場の増床等による新規雇用', jobs.id],
    ['(内訳) 新規就農支援', jobs.id],
    ['(内訳) 地域しごと創業支援', jobs.id],
  ]);
});

test('(再掲) and repeated KPIs link to their first occurrence', () => {
  const relisted = sheet.kpis.filter((k) => k.relistedFrom).map((k) => [k.name, sheet.kpis.find((o) => o.id === k.relistedFrom)!.name]);
  expect(relisted).toEqual([
    ['錦鯉の海外展示出展数(再掲)', '錦鯉の海外展示出展数'],
    ['市民の家等合宿利用団体数(市外)/年（再掲）', '市民の家等合宿利用団体数(市外)／年'],
    ['婚活支援事業による成婚数（H21～累計）', '婚活支援事業による成婚数(H21～累計)'],
    ['市民協働センターを含む市民団体等による連携事業数', '市民協働センターを含む市民団体等による連携事業数'],
    ['第5次公共交通確保計画策定', '第5次公共交通確保計画策定'],
  ]);
  for (const k of sheet.kpis.filter((x) => x.relistedFrom)) expect(Number(k.relistedFrom!.split('!')[1])).toBeLessThan(k.row);
});

test('every KPI knows where it sits in the structure', () => {
  expect(sheet.kpis[0].path).toEqual(['全体目標', '基本目標①']);
  expect(byName('都市計画マスタープラン見直し')[0].path).toEqual(['全体目標', '基本目標④']);
  expect(byName('市内中学生一人当たり職場体験実施日数')[0].path).toEqual(['個別目標', '基本目標①', 'i 人材育成、技術能力向上支援', '施策：キャリア教育の推進']);
  expect(byName('高齢者対応型投雪口整備（累計）')[0].path).toEqual(['個別目標', '基本目標④', 'iii 安心の雪国生活支援', '施策：高齢化に適応した屋根雪処理等の推進']);
  const parts = sheet.structure.filter((n) => n.kind === 'part');
  expect(parts.map((n) => n.title)).toEqual(['■全体目標', '■個別目標']);
  const individual = parts[1];
  expect(individual.children.filter((n) => n.kind === 'goal')).toHaveLength(4);
  const goal1 = individual.children[0];
  expect(goal1.children.filter((n) => n.kind === 'area').map((n) => n.title.split(' ')[0])).toEqual(['i', 'ii', 'iii', 'iv']);
  const area1 = goal1.children[0];
  expect(area1.children.map((n) => n.kind)).toEqual(['policy', 'measure', 'measure']);
  expect(area1.children[0].title.startsWith('《基本方針》')).toBe(true);
  expect(area1.children[1].children.map((n) => n.kind)).toEqual(['projects']);
  expect(area1.children[1].kpis).toHaveLength(3);
  // Every KPI is attached exactly once somewhere in the tree.
  const attached: string[] = [];
  const walk = (ns: typeof sheet.structure) => ns.forEach((n) => (attached.push(...n.kpis), walk(n.children)));
  walk(sheet.structure);
  expect(attached.sort()).toEqual(sheet.kpis.map((k) => k.id).sort());
});

test('the published text itself (with its table of contents, no merges) gives the same KPIs and places', () => {
  const text = recognise([publishedTextSnapshot()]);
  const s = text.sheets[0];
  expect(s.tables).toHaveLength(38);
  expect(s.kpis.map((k) => [k.name, k.path, k.baseline.text, k.target.text, k.sheetNo])).toEqual(sheet.kpis.map((k) => [k.name, k.path, k.baseline.text, k.target.text, k.sheetNo]));
  // The contents list repeats the headings; only headings that hold KPIs stay in the tree.
  const titles: string[] = [];
  const walk = (ns: typeof s.structure) => ns.forEach((n) => (titles.push(n.title), walk(n.children)));
  walk(s.structure);
  expect(titles.filter((t) => t === '■全体目標')).toHaveLength(1);
  expect(titles.some((t) => t.includes('P. 3'))).toBe(false);
});
