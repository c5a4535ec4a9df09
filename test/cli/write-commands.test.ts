/**
 * The writing commands in-process over real files: fill, flag, link, add-year, definitions, report,
 * undo, clean — chained, previewed, undone step by step back to the input, and bad input.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { XlsxHost } from '../../src/xlsx/host';
import { readUndoRecord } from '../../src/core/session';
import { diffWorkbooks } from '../support/workbook-diff';
import { convertWithLibreOffice } from '../support/libreoffice';
import { SAMPLE_PROGRESS } from '../support/sample';

const MANAGEMENT = join(__dirname, '../../assets/sample/management-sheets.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'kpi-write-'));
const at = (name: string) => join(dir, name);
copyFileSync(SAMPLE_PROGRESS, at('in.xlsx'));
copyFileSync(MANAGEMENT, at('management-sheets.xlsx'));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('kpi-progress write commands', () => {
  test('add-year + fill + flag + link + definitions + report, then undo step by step gives back the input exactly; outputs open in LibreOffice', async () => {
    const steps: [string, string[]][] = [
      ['add-year', ['1.xlsx']],
      ['fill', ['2.xlsx', '--fix']],
      ['flag', ['3.xlsx']],
      ['link', ['4.xlsx', '--management', at('management-sheets.xlsx')]],
      ['definitions', ['5.xlsx']],
      ['report', ['6.xlsx']],
    ];
    let input = at('in.xlsx');
    for (const [cmd, [out, ...rest]] of steps) {
      const r = await run(cmd, input, '-o', at(out), ...rest);
      expect([cmd, r.code, r.err]).toEqual([cmd, 0, '']);
      expect(r.out).toContain(`${at(out)} に保存しました`);
      input = at(out);
    }
    const six = await XlsxHost.fromBuffer(readFileSync(at('6.xlsx')));
    expect((await readUndoRecord(six)).entries.map((e) => e.command)).toEqual(['add-year', 'fill', 'flag', 'link', 'definitions', 'report']);
    expect((await six.listSheets()).map((s) => `${s.name}:${s.visibility}`)).toEqual(['進捗状況一覧表:visible', '_kpi_undo:veryHidden', 'KPI定義:visible', '点検結果:visible']);
    // 点検結果: one row per finding, its cell column linked (internally) to the cell
    const report = six.workbook.getWorksheet('点検結果')!;
    expect(report.getCell('A4').value).toBe('重要度');
    let linked = 0;
    for (let r = 5; r <= report.rowCount; r++) {
      const sheet = report.getCell(r, 3).value;
      const cell = report.getCell(r, 4);
      expect(cell.hyperlink).toBe(`#'${String(sheet)}'!${(cell.value as { text: string }).text}`);
      linked++;
    }
    expect(linked).toBeGreaterThan(30);
    const check = await run('check', at('6.xlsx'));
    expect(check.out).toContain('KPI表 38 個、KPI 84 件、年度 R1–R7 (2019–2025)');
    expect(check.out).not.toContain('_kpi_undo');

    // undo one step at a time, each from the file the previous one wrote
    let current = at('6.xlsx');
    for (let i = 1; i <= 6; i++) {
      const r = await run('undo', current, '-o', at(`u${i}.xlsx`));
      expect([i, r.code, r.err]).toEqual([i, 0, '']);
      current = at(`u${i}.xlsx`);
    }
    expect((await run('undo', current, '-o', at('u7.xlsx'))).out).toContain('取り消せる記録はありません');
    expect(await diffWorkbooks(readFileSync(SAMPLE_PROGRESS), readFileSync(current))).toEqual([]);
    // and u5 (only add-year left) still differs: the comparison can see a change
    expect((await diffWorkbooks(readFileSync(SAMPLE_PROGRESS), readFileSync(at('u5.xlsx')))).length).toBeGreaterThan(0);

    const files = ['1.xlsx', '2.xlsx', '3.xlsx', '4.xlsx', '5.xlsx', '6.xlsx', 'u6.xlsx'].map(at);
    const converted = convertWithLibreOffice(files, at('lo'), { to: 'ods' });
    expect(converted.every((f) => existsSync(f))).toBe(true);
  });

  test('--dry-run prints counts and cells and writes nothing', async () => {
    const r = await run('add-year', at('in.xlsx'), '-o', at('dry.xlsx'), '--dry-run');
    expect(r.code).toBe(0);
    expect(r.out).toContain('38 個の表に年度列を追加');
    expect(r.out).toContain('列の挿入 1、セルの値 38');
    expect(r.out).toContain('R7 年度の見出し（進捗状況一覧表!L10）: 空欄 → R7');
    expect(existsSync(at('dry.xlsx'))).toBe(false);
    const en = await run('fill', at('in.xlsx'), '--fix', '--dry-run', '--lang', 'en');
    expect(en.out).toContain('fill 2 rate cells (0 empty, 0 refreshed, 2 corrected)');
    expect(en.out).toMatch(/^ {2}- ".+" R\d rate \(進捗状況一覧表!E227\): 71\.9% → 68\.2%$/m);
  });

  test('report as Markdown (stdout or file) and JSON', async () => {
    const md = await run('report', at('in.xlsx'));
    expect(md.code).toBe(0);
    expect(md.out).toMatch(/^# 点検結果: /);
    expect(md.out).toContain('| 重要度 | 規則 | シート | セル | KPI | 年度 | 内容 |');
    expect(md.out).toContain('| 誤り | 達成率の不一致 | 進捗状況一覧表 | E227 |');
    expect((await run('report', at('in.xlsx'), '-o', at('r.json'))).code).toBe(0);
    const doc = JSON.parse(readFileSync(at('r.json'), 'utf8'));
    expect(doc.sheets).toEqual([{ sheet: '進捗状況一覧表', tables: 38, kpis: 84 }]);
    expect(doc.findings.find((f: { cell: string }) => f.cell === 'E227')).toMatchObject({ rule: 'rate-mismatch', severity: 'error' });
    expect((await run('report', at('in.xlsx'), '-o', at('r.md'))).code).toBe(0);
    expect(readFileSync(at('r.md'), 'utf8')).toContain('達成率の不一致');
  });

  test('clean removes the undo record', async () => {
    await run('flag', at('in.xlsx'), '-o', at('c1.xlsx'));
    const r = await run('clean', at('c1.xlsx'), '-o', at('c2.xlsx'));
    expect(r.out).toContain('取り消し記録 1 件を削除');
    const host = await XlsxHost.fromBuffer(readFileSync(at('c2.xlsx')));
    expect((await host.listSheets()).map((s) => s.name)).toEqual(['進捗状況一覧表']);
  });

  test('a damaged undo record: undo and the writers say so (exit 2), clean still removes it', async () => {
    await run('flag', at('in.xlsx'), '-o', at('d1.xlsx'));
    const host = await XlsxHost.fromBuffer(readFileSync(at('d1.xlsx')));
    host.workbook.getWorksheet('_kpi_undo')!.getCell('A2').value = '書き換えられた';
    host.modelEdited();
    writeFileSync(at('d2.xlsx'), await host.toBuffer());
    const undo = await run('undo', at('d2.xlsx'), '-o', at('d3.xlsx'));
    expect([undo.code, undo.err]).toEqual([2, '取り消し記録（非表示シート _kpi_undo）が読めません: 2行目が記録の形式ではありません。取り消しはできません。kpi-progress clean で記録を消せます。']);
    const fill = await run('fill', at('d2.xlsx'), '-o', at('d3.xlsx'), '--lang', 'en');
    expect(fill.code).toBe(2);
    expect(fill.err).toContain('The undo record (hidden sheet _kpi_undo) cannot be read');
    expect(existsSync(at('d3.xlsx'))).toBe(false);
    expect((await run('clean', at('d2.xlsx'), '-o', at('d4.xlsx'))).code).toBe(0);
    expect((await (await XlsxHost.fromBuffer(readFileSync(at('d4.xlsx')))).listSheets()).map((x) => x.name)).toEqual(['進捗状況一覧表']);
  });

  test('bad input: one clear message and exit 2, no stack trace, no file written', async () => {
    const before = readdirSync(dir).length;
    const noOut = await run('fill', at('in.xlsx'));
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('出力先 -o <出力.xlsx> を指定してください');
    const missing = await run('flag', at('nope.xlsx'), '-o', at('x.xlsx'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('が見つかりません');
    expect(missing.err).not.toMatch(/\n\s+at /);
    const badSheet = await run('add-year', at('in.xlsx'), '-o', at('x.xlsx'), '--sheet', '無い');
    expect([badSheet.code, badSheet.err]).toEqual([2, 'シート「無い」がありません（あるシート: 進捗状況一覧表）。']);
    const noTable = await run('fill', at('management-sheets.xlsx'), '-o', at('x.xlsx'));
    expect(noTable.code).toBe(2);
    expect(noTable.err).toContain('進捗状況一覧表（KPI表）が見つかりません');
    const badYear = await run('add-year', at('in.xlsx'), '-o', at('x.xlsx'), '--year', 'next');
    expect(badYear.code).toBe(2);
    const badExt = await run('report', at('in.xlsx'), '-o', at('x.txt'));
    expect(badExt.err).toContain('-o は .md / .json / .xlsx');
    expect(readdirSync(dir).length).toBe(before);
  });
});
