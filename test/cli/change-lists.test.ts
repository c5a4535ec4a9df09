/**
 * Every change names its KPI and fiscal year (issue #12): the --dry-run change lists of fill, flag,
 * link, add-year and definitions on the bundled sample, in Japanese and English.
 */
import { join } from 'path';
import { main } from '../../src/cli/main';
import { SAMPLE_PROGRESS } from '../support/sample';

const BLANK_R2 = join(__dirname, '../../assets/sample/progress-sheet-blank-r2.xlsx');
const MANAGEMENT = join(__dirname, '../../assets/sample/management-sheets.xlsx');

async function dryRun(...argv: string[]): Promise<string[]> {
  const out: string[] = [];
  const code = await main([...argv, '--dry-run'], { out: (l) => out.push(l), err: (l) => out.push(l) });
  expect(code).toBe(0);
  return out;
}

/** The change lines ("  - …") of a dry run. */
const changes = (out: string[]) => out.filter((l) => l.startsWith('  - ')).map((l) => l.slice(4));

describe('--dry-run change lists name the KPI and the fiscal year', () => {
  test('fill on the blank-R2 sample: 「KPI」R2 達成率（sheet!cell）: 空欄 → rate; English too', async () => {
    const ja = await dryRun('fill', BLANK_R2);
    const lines = changes(ja);
    expect(lines).toHaveLength(75);
    expect(lines[0]).toBe('「新規創業件数 (H27～累計)」R2 達成率（進捗状況一覧表!F12）: 空欄 → 75.6%');
    for (const l of lines) expect(l).toMatch(/^「[^」]+」R2 達成率（進捗状況一覧表![A-Z]+\d+）: 空欄 → \d+(\.\d)?%$/);
    expect(ja[1]).toBe('  セルの値 75');
    const en = await dryRun('fill', BLANK_R2, '--lang', 'en');
    expect(changes(en)[0]).toBe('"新規創業件数 (H27～累計)" R2 rate (進捗状況一覧表!F12): empty → 75.6%');
    expect(en[1]).toBe('  75 values');
  });

  test('flag: fill and note of each behind KPI name it and its year; no internal edit kinds', async () => {
    const out = await dryRun('flag', SAMPLE_PROGRESS);
    const lines = changes(out);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/^「[^」]+」R\d+ (達成率|実績値)（進捗状況一覧表![A-Z]+\d+）: (塗りつぶし #[0-9A-F]{6}|メモ「【KPI進捗アシスタント】.+」)$/);
    expect(out.join('\n')).not.toMatch(/setFill|setNote|setCell/);
    expect(out[1]).toMatch(/^ {2}塗りつぶし \d+、メモ \d+$/);
  });

  test('link: each シートNo. cell names its KPI', async () => {
    const lines = changes(await dryRun('link', SAMPLE_PROGRESS, '--management', MANAGEMENT));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/^「[^」]+」(ほか\d+件の)?シートNo.（進捗状況一覧表!N\d+）: リンク → management-sheets\.xlsx#'\d+'!A1$/);
  });

  test('add-year: the column insert and the headers say in words which year they add', async () => {
    const ja = changes(await dryRun('add-year', SAMPLE_PROGRESS));
    expect(ja[0]).toBe('R7 年度列（進捗状況一覧表!L:L）: L列に列を挿入（書式は K列から）');
    expect(ja).toContain('R7 年度の見出し（進捗状況一覧表!L10）: 空欄 → R7');
    const en = changes(await dryRun('add-year', SAMPLE_PROGRESS, '--lang', 'en'));
    expect(en[0]).toBe('R7 year column (進捗状況一覧表!L:L): insert a column at L (formats from K)');
    expect(en).toContain('R7 year header (進捗状況一覧表!L10): empty → R7');
  });

  test('definitions: the new sheet and its column widths in words', async () => {
    const out = await dryRun('definitions', SAMPLE_PROGRESS);
    expect(out[1]).toBe('  シートの追加 1、列幅 14');
    expect(changes(out)[0]).toMatch(/^シート「KPI定義」を追加（\d+ 行）$/);
    expect(changes(out)[1]).toBe('KPI定義: A列の幅を 48 に');
  });
});
