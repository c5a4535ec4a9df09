/**
 * The bundled sample workbooks: regenerated from data/ into a temp dir, they must match the
 * committed files cell for cell, and the progress sheet must hold the published table's
 * 38 KPI tables and 84 KPI pairs (read directly, not through the recogniser).
 */
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { MANAGEMENT_FILE, PROGRESS_FILE, SAMPLE_DIR, buildSamples } from '../scripts/sample/build';
import { parseProgressTable, TableParseError } from '../scripts/sample/parse-table';

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Every cell value, merge and column width of a workbook, as comparable text lines. */
function dump(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  wb.eachSheet((ws) => {
    out.push(`sheet ${ws.name} ${ws.rowCount}x${ws.columnCount}`);
    for (let r = 1; r <= ws.rowCount; r++) {
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = ws.getCell(r, c);
        if (cell.value !== null && cell.type !== ExcelJS.ValueType.Merge) out.push(`${ws.name}!${cell.address}=${JSON.stringify(cell.value)}`);
      }
    }
    out.push(`merges ${[...ws.model.merges].sort().join(' ')}`);
    out.push(`widths ${ws.columns.map((col) => col.width).join(' ')}`);
  });
  return out;
}

const text = (ws: ExcelJS.Worksheet, r: number, c: number): string => {
  const v = ws.getCell(r, c).value;
  return v === null || v === undefined ? '' : String(v);
};

describe('bundled sample workbooks', () => {
  let dir: string;
  let fresh: ExcelJS.Workbook;
  let committed: ExcelJS.Workbook;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kpi-sample-'));
    await buildSamples(dir);
    fresh = await load(join(dir, PROGRESS_FILE));
    committed = await load(join(SAMPLE_DIR, PROGRESS_FILE));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('regenerating gives the committed progress sheet, cell for cell', () => {
    const a = dump(fresh);
    expect(a.length).toBeGreaterThan(1000);
    expect(a).toEqual(dump(committed));
  });

  test('regenerating gives byte-identical files (fixed dates), so npm run sample leaves git clean', () => {
    for (const file of [PROGRESS_FILE, MANAGEMENT_FILE]) {
      expect(readFileSync(join(dir, file)).equals(readFileSync(join(SAMPLE_DIR, file)))).toBe(true);
    }
  });

  test('regenerating gives the committed management workbook, cell for cell', async () => {
    const a = dump(await load(join(dir, MANAGEMENT_FILE)));
    expect(a).toEqual(dump(await load(join(SAMPLE_DIR, MANAGEMENT_FILE))));
  });

  test('the progress sheet holds 38 header rows and 84 KPI pairs, name/担当課/備考/シートNo. merged over each pair', () => {
    const ws = committed.getWorksheet('進捗状況一覧表')!;
    expect(committed.worksheets.map((w) => w.name)).toEqual(['進捗状況一覧表']);
    const merges = new Set(ws.model.merges);
    let headers = 0;
    let pairs = 0;
    for (let r = 1; r <= ws.rowCount; r++) {
      if (text(ws, r, 1).startsWith('重要業績評価指標')) {
        headers++;
        expect(text(ws, r, 12)).toBe('担当課');
      }
      if (text(ws, r, 2) === '実績値') {
        pairs++;
        expect(text(ws, r + 1, 2)).toBe('達成率');
        for (const col of ['A', 'L', 'M', 'N']) expect(merges.has(`${col}${r}:${col}${r + 1}`)).toBe(true);
        expect(ws.getCell(r, 1).border?.top?.style).toBe('thin');
      }
    }
    expect(headers).toBe(38);
    expect(pairs).toBe(84);
  });

  test('printed values are text exactly as published, quirks kept', () => {
    const ws = committed.getWorksheet('進捗状況一覧表')!;
    const rowOf = (name: string, from = 1): number => {
      for (let r = from; r <= ws.rowCount; r++) if (text(ws, r, 1) === name) return r;
      throw new Error(`no row ${name}`);
    };
    const first = rowOf('新規創業件数 (H27～累計)');
    expect([3, 4, 5, 6, 7].map((c) => ws.getCell(first, c).value)).toEqual(['26件', '45件', '31件', '34件', '1,100']);
    expect(ws.getCell(first + 1, 5).value).toBe('68.9%');
    const land = rowOf('新規工業用地造成箇所・面積');
    expect(ws.getCell(land + 1, 3).value).toBe('4.17ha'); // misplaced in the 基準値 column, as printed
    expect(ws.getCell(rowOf('市内中学生一人当たり職場体験実施日数'), 14).value).toBe('01');
    const headerTexts = new Set<string>();
    for (let r = 1; r <= ws.rowCount; r++) if (text(ws, r, 1).startsWith('重要業績評価指標')) headerTexts.add(`${text(ws, r, 3)}|${text(ws, r, 13)}|${text(ws, r, 14)}`);
    expect(headerTexts).toEqual(new Set(['基準値 (H30)|備考|シート No.', '基準値 (H30)|備 考|シート No.', '基準値(H30)|備考|シートNo.']));
    const policies = [...Array(ws.rowCount).keys()].map((i) => text(ws, i + 1, 1)).filter((t) => t.startsWith('《基本方針》'));
    expect(policies).toHaveLength(14);
    expect(policies[1]).toContain('\nまた、農業へのICT等を活用した技術導入');
  });

  test('the table of contents is left out, the notes and parts are in', () => {
    const ws = committed.getWorksheet('進捗状況一覧表')!;
    const column = [...Array(ws.rowCount).keys()].map((i) => text(ws, i + 1, 1));
    expect(column).not.toContain('目 次');
    expect(column.filter((t) => /^■/.test(t))).toEqual(['■全体目標', '■個別目標']);
    expect(column.filter((t) => t.startsWith('- '))).toHaveLength(2);
    expect(column.some((t) => /P\. \d/.test(t))).toBe(false);
  });

  test('one management sheet per sheet number of the table, with its measure and KPIs', async () => {
    const wb = await load(join(SAMPLE_DIR, MANAGEMENT_FILE));
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(Array.from({ length: 33 }, (_, i) => String(i + 1).padStart(2, '0')));
    const s01 = wb.getWorksheet('01')!;
    const col = (c: number): string[] => [...Array(s01.rowCount).keys()].map((i) => text(s01, i + 1, c));
    expect(col(2)).toContain('キャリア教育の推進');
    expect(col(1)).toContain('市内中学生一人当たり職場体験実施日数');
    const s20 = wb.getWorksheet('20')!; // listed twice in the table (再掲): one KPI row
    expect([...Array(s20.rowCount).keys()].filter((i) => text(s20, i + 1, 1) === '市民協働センターを含む市民団体等による連携事業数')).toHaveLength(1);
  });

  test('LibreOffice opens both files and reads the same table (no repair, 84 KPI pairs)', () => {
    const profile = mkdtempSync(join(tmpdir(), 'kpi-lo-profile-'));
    const out = join(dir, 'csv');
    const r = spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', out, join(SAMPLE_DIR, PROGRESS_FILE), join(SAMPLE_DIR, MANAGEMENT_FILE)], { encoding: 'utf8', timeout: 120000 });
    rmSync(profile, { recursive: true, force: true });
    if (r.error) throw new Error(`soffice is missing (apt-get install libreoffice-calc-nogui): ${r.error.message}`);
    const progress = readFileSync(join(out, 'progress-sheet.csv'), 'utf8').split('\n');
    expect(progress.filter((l) => l.split(',')[1] === '実績値')).toHaveLength(84);
    expect(progress.filter((l) => l.startsWith(',達成率,'))).toHaveLength(84);
    expect(progress).toContain('新規創業件数 (H27～累計),実績値,26件,45件,31件,34件,"1,100",,,,,商工振興課,,');
    expect(readFileSync(join(out, 'management-sheets.csv'), 'utf8')).toContain('施策,キャリア教育の推進');
  });

  test('a line that fits nothing is reported with its line number', () => {
    const bad = 'タイトル\n- 注記\n■全体目標\n重要業績評価指標 (KPI)\t\t基準値\n名前\t実績値\t1件\n';
    expect(() => parseProgressTable(bad)).toThrow(TableParseError);
    expect(() => parseProgressTable(bad)).toThrow(/line 5: 実績値 row not followed by a 達成率 row/);
  });

  test('a KPI name wrapped onto its own text line is rejoined', () => {
    const wrapped = 'タイトル\n- 注記\n■全体目標\n重要業績評価指標 (KPI)\t\t基準値\n長いKPIの\n名前(累計)\t実績値\t1件\n\t達成率\t\n';
    const kpis = parseProgressTable(wrapped).blocks.filter((b) => b.kind === 'kpi');
    expect(kpis.map((b) => (b.kind === 'kpi' ? b.actual[0] : ''))).toEqual(['長いKPIの名前(累計)']);
  });
});
