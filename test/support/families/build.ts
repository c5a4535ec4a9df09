/**
 * Test workbooks in the five layout families of issue #11, built with exceljs to look like office
 * files: a title, notes, merged group headers, borders, narrative rows and a printed legend. Each
 * plants one error of each kind the family can show; the tests name the cells.
 */
import ExcelJS from 'exceljs';

type Value = ExcelJS.CellValue;

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

/** Writes a row of values from column `from`, with borders (and the header look when asked). */
function row(ws: ExcelJS.Worksheet, r: number, values: Value[], opts: { from?: number; header?: boolean; numFmt?: Record<number, string> } = {}): void {
  const from = opts.from ?? 1;
  values.forEach((v, i) => {
    const cell = ws.getCell(r, from + i);
    if (v !== undefined) cell.value = v;
    cell.border = THIN;
    if (opts.header) {
      cell.fill = HEADER_FILL;
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
    const f = opts.numFmt?.[from + i];
    if (f) cell.numFmt = f;
  });
}

function title(ws: ExcelJS.Worksheet, text: string, width: number): void {
  ws.getCell(1, 1).value = text;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, width);
}

/**
 * Family 1, row-latest: 指標名 | 現状値 (H26) | H27 実績 | 改善・悪化 | 達成度 | 目標値 (H31), a narrative
 * row under a KPI, the legend below. Planted: 観光入込客数 fell but is marked 改善○ (D7, grade-mismatch);
 * 企業誘致件数 "5社" in a 件 KPI (C8, unit-mismatch).
 */
export function rowLatestSheet(wb: ExcelJS.Workbook, name = '評価一覧'): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.columns = [{ width: 40 }, { width: 12 }, { width: 12 }, { width: 10 }, { width: 8 }, { width: 12 }];
  title(ws, '総合戦略 重要業績評価指標(KPI)の達成状況（平成27年度）', 6);
  ws.getCell(2, 1).value = '基本目標1 しごとをつくり、安心して働けるようにする';
  row(ws, 3, ['指標名', '現状値 (H26)', 'H27 実績', '改善・悪化', '達成度', '目標値 (H31)'], { header: true });
  row(ws, 4, ['有害鳥獣による農作物年間被害額(千円)', 12000, 9500, '○', 'B', 8000], { numFmt: { 2: '#,##0', 3: '#,##0', 6: '#,##0' } });
  ws.getCell(5, 1).value = '≪成果と見直し≫ 防護柵の設置が進み被害額は減少した。引き続き捕獲体制を強化する。';
  ws.mergeCells(5, 1, 5, 6);
  row(ws, 6, ['新規就農者数(人)', '延べ 0', '延べ 2', '○', 'B', '延べ 20']);
  row(ws, 7, ['観光入込客数(千人)', 1200, 1150, '○', 'B', 1500], { numFmt: { 2: '#,##0', 3: '#,##0', 6: '#,##0' } });
  row(ws, 8, ['企業誘致件数(件)', 3, '5社', '○', 'A', 10]);
  ws.getCell(8, 3).note = '速報値';
  ws.getCell(10, 1).value = '改善・悪化:改善○,維持△,悪化×,未実施 / 達成度:順調A,要改善B,未実施-';
  ws.getCell(11, 1).value = '※ 現状値は平成26年度の値です。';
  return ws;
}

/**
 * Family 2, row-text: the KPI text repeated in the value cells, a rate column. Planted: 創業支援件数
 * printed 25.0% for 12 ÷ 50 = 24.0 % (E5, rate-mismatch); 移住相談件数 "40 人" in a 件 KPI (D7, unit-mismatch).
 */
export function rowTextSheet(wb: ExcelJS.Workbook, name = 'KPI達成状況'): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.columns = [{ width: 18 }, { width: 18 }, { width: 34 }, { width: 34 }, { width: 10 }];
  title(ws, 'まち・ひと・しごと創生総合戦略 KPI の達成状況', 5);
  ws.getCell(2, 5).value = '平成28年6月現在';
  row(ws, 3, ['具体的な施策', '具体的な取組み', 'KPI(平成32年3月まで)', 'KPI(平成27年度)', '達成率'], { header: true });
  row(ws, 4, ['企業誘致の推進', '企業立地の促進', '企業立地協定締結件数 10 件', '企業立地協定締結件数 1 件', '10.0%']);
  row(ws, 5, [undefined, '創業支援', '創業支援件数 50 件', '創業支援件数 12 件', '25.0%']);
  ws.mergeCells(4, 1, 5, 1);
  row(ws, 6, ['地産地消の推進', '学校給食での活用', '地産地消の実践割合 80%以上', '地産地消の実践割合 62%', '77.5%']);
  row(ws, 7, ['定住の促進', '移住相談窓口', '移住相談件数 100 件', '移住相談件数 40 人', '-']);
  ws.getCell(9, 1).value = '※ 達成率 = 平成27年度実績 ÷ 目標値';
  return ws;
}

/** One block sheet of family 3 (期待値 / 実績値 / 達成率 / 評価 under 項 目 [単位] | 基準値 | H27 … | 目標値 H31). */
function blockSheet(wb: ExcelJS.Workbook, name: string, kpi: string, baseline: Value, expected: Value[], actual: Value[], rates: Value[], grades: Value[], target: Value): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.columns = [{ width: 28 }, { width: 10 }, { width: 14 }, ...expected.map(() => ({ width: 14 })), { width: 12 }];
  const last = 3 + expected.length + 1;
  title(ws, '基本目標1 地域の魅力を高め、交流人口を増やす', last);
  ws.getCell(2, 1).value = '施策：観光振興';
  row(ws, 4, ['項 目 [単位]', undefined, '基準値', ...expected.map((_, i) => `H${27 + i}`), '目標値 H31'], { header: true });
  ws.mergeCells(4, 1, 4, 2);
  const fmt = Object.fromEntries(expected.map((_, i) => [4 + i, '#,##0']));
  row(ws, 5, [kpi, '期待値', baseline, ...expected, target], { numFmt: { ...fmt, [last]: '#,##0' } });
  row(ws, 6, [undefined, '実績値', undefined, ...actual], { numFmt: fmt });
  row(ws, 7, [undefined, '達成率', undefined, ...rates]);
  row(ws, 8, [undefined, '評価', undefined, ...grades]);
  for (let r = 6; r <= 8; r++) row(ws, r, [undefined], { from: last });
  ws.mergeCells(5, 1, 8, 1);
  ws.mergeCells(5, 3, 8, 3);
  ws.mergeCells(5, last, 8, last);
  ws.getCell(10, 1).value = '評価 A:順調(「実績値」が「期待値」以上), B+:概ね順調(「実績値」が「期待値」の80~99%), B:やや遅れ(「実績値」が「期待値」の50~79%), C:遅れ(「実績値」が「期待値」の50%未満)';
  ws.getCell(11, 1).value = '※ 達成率は小数点第2位以下を切り捨て';
  return ws;
}

/**
 * Family 3, block: a cover sheet and one sheet per KPI; rates against each year's 期待値, truncated.
 * Planted: KPI2's H28 graded "A" for 90.0 % (E8, grade-mismatch: B+), KPI2's H27 printed 95.0 % for
 * 470 ÷ 500 = 94.0 % (D7, rate-mismatch).
 */
export function blockSheets(wb: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  const cover = wb.addWorksheet('表紙');
  cover.getCell(2, 2).value = '総合戦略 施策の評価シート';
  cover.getCell(4, 2).value = '1 観光入込客数';
  cover.getCell(5, 2).value = '2 宿泊者数';
  cover.getCell(8, 2).value = '平成29年9月 企画政策課';
  return [
    cover,
    // 1,230 ÷ 1,240 = 99.19…%: truncated 99.1%, rounded 99.2%, so the sheet's convention shows
    blockSheet(wb, 'KPI1', '観光入込客数 [千人]', '1,000 [H26]', [1080, 1160, 1240, 1320], [1100, '1,230 (速報値)', '調査中', undefined], ['101.8%', '106.0%', '-', undefined], ['A', 'A', '-', undefined], 1400),
    blockSheet(wb, 'KPI2', '宿泊者数 [人]', 450, [500, 520, 540, 560], [470, 468, undefined, undefined], ['95.0%', '90.0%', undefined, undefined], ['B+', 'A', undefined, undefined], 600),
  ];
}

const YEARS = ['H27', 'H28', 'H29', 'H30', 'H31'];

/**
 * Family 4, side-by-side: 成果指標名 | 単位 | 施策目標 (H27…H31) | 施策目標の達成状況 (H27…H31), merged group
 * headers over two rows, no rate column. Planted: 農地集積面積 "98人" in a ha KPI (I7, unit-mismatch).
 */
export function sideBySideSheet(wb: ExcelJS.Workbook, name = '成果指標'): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.columns = [{ width: 30 }, { width: 8 }, ...YEARS.map(() => ({ width: 10 })), ...YEARS.map(() => ({ width: 12 }))];
  title(ws, '成果指標の施策目標と達成状況', 12);
  ws.getCell(2, 12).value = '（平成29年度末現在）';
  row(ws, 3, ['成果指標名', '単位', '施策目標', undefined, undefined, undefined, undefined, '施策目標の達成状況'], { header: true });
  row(ws, 4, [undefined, undefined, ...YEARS, ...YEARS], { header: true });
  for (let c = 9; c <= 12; c++) row(ws, 3, [undefined], { from: c, header: true });
  ws.mergeCells(3, 1, 4, 1);
  ws.mergeCells(3, 2, 4, 2);
  ws.mergeCells(3, 3, 3, 7);
  ws.mergeCells(3, 8, 3, 12);
  const fmt = Object.fromEntries([...Array(10).keys()].map((i) => [3 + i, '#,##0']));
  row(ws, 5, ['転入者数', '人', 4000, 4100, 4200, 4300, 4400, 3950, 4120, '調査中', '-', '-'], { numFmt: fmt });
  row(ws, 6, ['観光消費額', '万円', 52000, 53000, 54000, 55000, 56000, 50000, 54590, 53000, undefined, undefined], { numFmt: fmt });
  row(ws, 7, ['農地集積面積', 'ha', 100, 110, 120, 130, 140, 95, '98人', 118, undefined, undefined]);
  row(ws, 8, ['年間イベント参加者数', '人/年', 30000, 30000, 31000, 31000, 32000, '2,211(H26)※調査時点変更により未公表', 29800, 31500, undefined, undefined], { numFmt: fmt });
  ws.getCell(10, 1).value = '※ 「-」は未集計、「調査中」は集計作業中を示す。';
  return ws;
}

/**
 * Family 5, row-years: 指標名 | 単位 | 基準値 (H30) | 目標値 (R6) | R1実績 | R1達成率 | R2実績 | R2達成率 | 担当課,
 * rates as numbers with a percent format. Planted: 自主防災組織の結成率 R2 printed 90.0 % for 86 ÷ 100 (I6, rate-mismatch).
 */
export function rowYearsSheet(wb: ExcelJS.Workbook, name = 'KPI実績'): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.columns = [{ width: 6 }, { width: 30 }, { width: 8 }, { width: 12 }, { width: 12 }, ...[1, 2, 3, 4].map(() => ({ width: 10 })), { width: 12 }];
  title(ws, '第2期総合戦略 KPI 実績一覧', 10);
  ws.getCell(2, 1).value = '基本目標① 稼ぐ地域をつくる';
  row(ws, 3, ['No.', '指標名', '単位', '基準値 (H30)', '目標値 (R6)', 'R1実績', 'R1達成率', 'R2実績', 'R2達成率', '担当課'], { header: true });
  const pct = { 7: '0.0%', 9: '0.0%' };
  row(ws, 4, [1, '新規創業件数', '件', 26, 45, 31, 0.689, 34, 0.756, '商工振興課'], { numFmt: pct });
  row(ws, 5, [2, '観光入込客数', '千人', 1100, 1300, 1180, 0.908, 860, 0.662, '観光交流課'], { numFmt: pct });
  row(ws, 6, [3, '自主防災組織の結成率', '%', 80, 100, 84, 0.84, 86, 0.9, '危機管理課'], { numFmt: pct });
  row(ws, 7, [4, '空き家バンク登録件数', '件', 12, 40, 20, 0.5, undefined, undefined, '企画政策課'], { numFmt: pct });
  ws.getCell(9, 2).value = '※ 達成率 = 実績 ÷ 目標値（小数点第2位を四捨五入）';
  return ws;
}

/** A small two-row table (実績値 / 達成率), the family read before issue #11. */
export function twoRowSheet(wb: ExcelJS.Workbook, name = '進捗状況一覧表'): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  title(ws, '進捗状況一覧表', 8);
  ws.getCell(2, 1).value = '■全体目標';
  ws.getCell(3, 1).value = '基本目標①';
  row(ws, 4, ['重要業績評価指標(KPI)', undefined, '基準値(H30)', '目標値(R6)', 'R1', 'R2', '担当課', '備考'], { header: true });
  row(ws, 5, ['新規創業件数', '実績値', '26件', '45件', '31件', '34件', '商工振興課', undefined]);
  row(ws, 6, [undefined, '達成率', undefined, undefined, '68.9%', '75.6%', undefined, undefined]);
  ws.mergeCells(5, 1, 6, 1);
  return ws;
}

export function familyWorkbook(build: (wb: ExcelJS.Workbook) => unknown): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '企画政策課';
  build(wb);
  return wb;
}

export const FAMILIES = {
  'row-latest': () => familyWorkbook((wb) => rowLatestSheet(wb)),
  'row-text': () => familyWorkbook((wb) => rowTextSheet(wb)),
  block: () => familyWorkbook((wb) => blockSheets(wb)),
  'side-by-side': () => familyWorkbook((wb) => sideBySideSheet(wb)),
  'row-years': () => familyWorkbook((wb) => rowYearsSheet(wb)),
  mixed: () => familyWorkbook((wb) => {
    twoRowSheet(wb);
    rowLatestSheet(wb);
    rowTextSheet(wb);
    blockSheets(wb);
    sideBySideSheet(wb);
    rowYearsSheet(wb);
  }),
};

export type FamilyName = keyof typeof FAMILIES;

/** The workbook written as a real .xlsx and read back. */
export async function familyBuffer(name: FamilyName): Promise<Buffer> {
  return Buffer.from(await FAMILIES[name]().xlsx.writeBuffer());
}
