/**
 * `kpi-progress check` in-process: the summary, the --json contract, exit statuses, and garbage in
 * (empty workbook, random text, header only, #REF! cells, a giant used range, files that are no .xlsx).
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { SAMPLE_PROGRESS, SAMPLE_SHEET, loadSampleWorkbook } from '../support/sample';

const dir = mkdtempSync(join(tmpdir(), 'kpi-check-'));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function save(name: string, wb: ExcelJS.Workbook): Promise<string> {
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

function file(name: string, bytes: Uint8Array | string): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

/** No stack trace ever reaches the user. */
function expectNoStack(s: string): void {
  expect(s).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  expect(s).not.toMatch(/TypeError|ReferenceError|undefined is not/);
}

test('summary of the bundled sample in Japanese', async () => {
  const r = await run('check', SAMPLE_PROGRESS);
  expect(r.out).toContain(`シート「${SAMPLE_SHEET}」: KPI表 38 個、KPI 84 件、年度 R1–R6 (2019–2024)`);
  expect(r.out).toContain('表1 行10–24: KPI 7 件  全体目標 > 基本目標①');
  expect(r.out).toContain('内訳 5 件、再掲 5 件');
  expect([0, 1]).toContain(r.code);
  expectNoStack(r.err);
});

test('summary in English with --lang en (before or after the command)', async () => {
  for (const argv of [['--lang', 'en', 'check', SAMPLE_PROGRESS], ['check', SAMPLE_PROGRESS, '--lang=en']]) {
    const r = await run(...argv);
    expect(r.out).toContain(`Sheet "${SAMPLE_SHEET}": 38 KPI tables, 84 KPIs, years R1–R6 (2019–2024)`);
  }
});

test('--json: the contract of issue #3', async () => {
  const r = await run('check', SAMPLE_PROGRESS, '--json');
  const doc = JSON.parse(r.out);
  expect(doc.file).toBe(SAMPLE_PROGRESS);
  expect(doc.unrecognised).toEqual([]);
  expect(doc.sheets).toHaveLength(1);
  const s = doc.sheets[0];
  expect(s).toMatchObject({ sheet: SAMPLE_SHEET, tables: 38 });
  expect(s.kpis).toHaveLength(84);
  expect(s.kpis[0]).toMatchObject({
    id: `${SAMPLE_SHEET}!11`,
    name: '新規創業件数 (H27～累計)',
    row: 11,
    rateRow: 12,
    unit: '件',
    direction: 'up',
    cumulative: true,
    baseline: { year: 2018, value: 26, text: '26件' },
    target: { year: 2024, value: 45, text: '45件', qualifier: null },
    actuals: { 2019: 31, 2020: 34, 2021: null, 2022: null, 2023: null, 2024: null },
    printedRates: { 2019: 0.689, 2020: 0.756, 2021: null },
    sheetNo: null,
    department: '商工振興課',
    remark: null,
    breakdownOf: null,
    relistedFrom: null,
    path: ['全体目標', '基本目標①'],
  });
  expect(Object.keys(s.kpis[0].rates)).toEqual(['2019', '2020', '2021', '2022', '2023', '2024']);
  expect(s.kpis[0]).toHaveProperty('status');
  const breakdown = s.kpis[1];
  expect(breakdown).toMatchObject({ breakdownOf: `${SAMPLE_SHEET}!11`, sheetNo: '08' });
  const plan = s.kpis.find((k: { name: string }) => k.name === '都市計画マスタープラン見直し');
  expect(plan.printedRates).toMatchObject({ 2019: '-', 2020: '-' });
  expect(plan.target).toMatchObject({ value: null, text: '見直し完了' });
  const pct = s.kpis.find((k: { name: string }) => k.name === '市内高校卒業生のうち市内事業所への就職率');
  expect(pct).toMatchObject({ unit: '%', baseline: { value: 40.4 } });
  for (const f of s.findings) {
    expect(Object.keys(f).sort()).toEqual(['cell', 'kpi', 'kpiName', 'message', 'rule', 'severity', 'sheet', 'year', 'yearLabel']);
    expect(f.cell).toMatch(/^[A-Z]+\d+$/);
  }
  expect(r.code).toBe(s.findings.some((f: { severity: string }) => f.severity === 'error') ? 1 : 0);
});

test('--sheet picks one sheet; an unknown sheet is exit 2 with the sheet names', async () => {
  const ok = await run('check', SAMPLE_PROGRESS, '--sheet', SAMPLE_SHEET, '--json');
  expect(JSON.parse(ok.out).sheets[0].kpis).toHaveLength(84);
  const bad = await run('check', SAMPLE_PROGRESS, '--sheet', 'なし');
  expect(bad.code).toBe(2);
  expect(bad.err).toContain('シート「なし」がありません');
  expect(bad.err).toContain(SAMPLE_SHEET);
});

test('usage errors: no command, unknown command, unknown option, bad --lang, missing file argument', async () => {
  expect((await run()).code).toBe(2);
  const unknown = await run('frobnicate');
  expect(unknown.code).toBe(2);
  expect(unknown.err).toContain('不明なコマンドです: frobnicate');
  expect(unknown.err).toContain('check');
  const option = await run('check', SAMPLE_PROGRESS, '--colour');
  expect(option.code).toBe(2);
  expect(option.err).toContain('不明なオプションです: --colour');
  expect((await run('--lang', 'en', 'check', SAMPLE_PROGRESS, '--colour')).err).toContain('unknown option --colour');
  const noValue = await run('check', SAMPLE_PROGRESS, '--sheet');
  expect(noValue.code).toBe(2);
  expect(noValue.err).toContain('--sheet の値を指定してください');
  expect((await run('--lang', 'fr', 'check', SAMPLE_PROGRESS)).code).toBe(2);
  const noFile = await run('check');
  expect(noFile.code).toBe(2);
  expect(noFile.err).toContain('kpi-progress check <file.xlsx>');
  const help = await run('--help');
  expect(help.code).toBe(0);
  expect(help.out).toContain('check');
});

test('files that are not a readable .xlsx: one clear sentence, exit 2', async () => {
  const sample = readFileSync(SAMPLE_PROGRESS);
  const cfb = (marker: string) => {
    const b = new Uint8Array(2048);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    b.set([...marker].flatMap((ch) => [ch.charCodeAt(0), 0]), 1024);
    return b;
  };
  const cases: [string, string, RegExp][] = [
    [join(dir, 'missing.xlsx'), '', /が見つかりません/],
    [file('csv.xlsx', '重要業績評価指標,基準値,目標値\n新規創業件数,26件,45件\n'), '', /テキスト（CSV など）です/],
    [file('encrypted.xlsx', cfb('EncryptionInfo')), '', /パスワードで保護/],
    [file('old.xlsx', cfb('Workbook')), '', /Excel 97-2003 形式 \(\.xls\)/],
    [file('truncated.xlsx', sample.subarray(0, Math.floor(sample.length / 2))), '', /壊れているか途中で切れています/],
    [file('empty.xlsx', ''), '', /空のファイル/],
    [file('binary.xlsx', new Uint8Array([1, 2, 3, 0, 255, 254, 7, 0, 9])), '', /\.xlsx ファイルではありません/],
  ];
  for (const [path, , message] of cases) {
    const r = await run('check', path);
    expect({ path, code: r.code }).toEqual({ path, code: 2 });
    expect(r.err).toMatch(message);
    expect(r.err.split('\n')).toHaveLength(1);
    expectNoStack(r.err);
  }
  const en = await run('check', join(dir, 'missing.xlsx'), '--lang', 'en');
  expect(en.err).toMatch(/not found; check the path/);
});

test('an empty workbook and a sheet of random text: exit 2 with the missing headers named', async () => {
  const empty = new ExcelJS.Workbook();
  empty.addWorksheet('Sheet1');
  const r1 = await run('check', await save('blank.xlsx', empty), '--json');
  expect(r1.code).toBe(2);
  expect(JSON.parse(r1.out).unrecognised).toEqual([{ sheet: 'Sheet1', reason: 'シート「Sheet1」は空です。' }]);

  const none = new ExcelJS.Workbook();
  const r0 = await run('check', await save('no-sheets.xlsx', none));
  expect(r0.code).toBe(2);
  expectNoStack(r0.err);

  const random = new ExcelJS.Workbook();
  const ws = random.addWorksheet('メモ');
  const words = ['会議', '予定', 'R1', '45件', '担当', '#REF!', '雑記', 'ABC', '12.5%', 'メモ'];
  for (let r = 1; r <= 60; r++) for (let c = 1; c <= 8; c++) ws.getCell(r, c).value = words[(r * 7 + c * 3) % words.length];
  const r2 = await run('check', await save('random.xlsx', random));
  expect(r2.code).toBe(2);
  expect(r2.out).toMatch(/シート「メモ」にKPI表が見つかりません: 見出し行に .*(目標値|年度の列)/);
  expect(r2.err).toContain('進捗状況一覧表（KPI表）が見つかりません');
  expectNoStack(r2.err + r2.out);
});

test('a header-only table says the KPI rows are missing', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('見出しだけ');
  ws.addRow(['重要業績評価指標 (KPI)', '', '基準値 (H30)', '目標値 (R6)', 'R1', 'R2', '担当課']);
  const r = await run('check', await save('header-only.xlsx', wb), '--json');
  expect(r.code).toBe(2);
  expect(JSON.parse(r.out).unrecognised[0].reason).toContain('1行目に見出し行がありますが');
});

test('#REF! cells and a 1,000,000-row used range give a partial result, not a failure', async () => {
  const wb = await loadSampleWorkbook();
  const ws = wb.getWorksheet(SAMPLE_SHEET)!;
  ws.getCell('E11').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
  ws.getCell('F12').value = '#DIV/0!';
  ws.getCell('A1000000').value = '迷子のセル';
  const r = await run('check', await save('broken.xlsx', wb), '--json');
  expect([0, 1]).toContain(r.code);
  const doc = JSON.parse(r.out);
  expect(doc.sheets[0].kpis).toHaveLength(84);
  expect(doc.sheets[0].kpis[0].actuals['2019']).toBeNull();
  expect(doc.sheets[0].kpis[0].actualTexts['2019']).toBe('#REF!');
  expect(doc.sheets[0].kpis[0].printedRates['2020']).toBe('#DIV/0!');
  expect(doc.truncated).toEqual([expect.objectContaining({ sheet: SAMPLE_SHEET, rows: 100000 })]);
  const text = await run('check', join(dir, 'broken.xlsx'));
  expect(text.out).toContain('使用範囲が大きすぎるため');
});

test('sheets failing for the same reason share one summary line; --json keeps one entry per sheet', async () => {
  const wb = new ExcelJS.Workbook();
  for (const name of ['01', '02', '03', '10', '20']) wb.addWorksheet(name).getCell('B2').value = `進行管理シート ${name}`;
  const other = wb.addWorksheet('メモ');
  other.getCell('A1').value = '目標値';
  other.getCell('B1').value = 'R1';
  const path = await save('many.xlsx', wb);
  const r = await run('check', path);
  expect(r.code).toBe(2);
  expect(r.out).toContain('  - 5 シート (01, 02, 03 … 20): シート「01」にKPI表が見つかりません');
  expect(r.out).toContain('  - メモ: シート「メモ」にKPI表が見つかりません');
  const doc = JSON.parse((await run('check', path, '--json')).out);
  expect(doc.unrecognised.map((u: { sheet: string }) => u.sheet)).toEqual(['01', '02', '03', '10', '20', 'メモ']);
});
