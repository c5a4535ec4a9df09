/**
 * src/xlsx/exceljs-workbook.ts: the app constructs exceljs's Workbook from exceljs's document model
 * alone in Node (not the package's main, which also loads the streaming reader and writer, ~0.2 s of
 * CPU at every CLI start), and the web bundle swaps in exceljs's browser build.
 */
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as path from 'path';
import { Workbook } from '../../src/xlsx/exceljs-workbook';
import { Workbook as WebWorkbook } from '../../src/xlsx/exceljs-workbook.web';

const ROOT = path.resolve(__dirname, '../..');

test("the Workbook the app constructs is exceljs's own", () => {
  expect(Workbook).toBe(ExcelJS.Workbook);
  expect(WebWorkbook).toBe(ExcelJS.Workbook);
  const wb = new Workbook();
  wb.addWorksheet('s').getCell('A1').value = 1;
  expect(wb.getWorksheet('s')!.getCell('A1').value).toBe(1);
});

test("the CLI loads exceljs's document model without its streaming reader and writer or the package's main", () => {
  // every command's module, as the help loads them (the registry loads a command only when it runs)
  const script = [
    "require('./src/cli/main');",
    "require('./src/cli/commands/index').allCommands().then(() => {",
    "const ks = Object.keys(require.cache).map((k) => k.split(require('path').sep).join('/'));",
    "console.log(JSON.stringify({ stream: ks.filter((k) => k.includes('/exceljs/lib/stream/')), main: ks.filter((k) => /\\/exceljs\\/(excel|lib\\/exceljs\\.nodejs)\\.js$/.test(k)), workbook: ks.some((k) => k.endsWith('/exceljs/lib/doc/workbook.js')) }));",
    "});",
  ].join('\n');
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ stream: [], main: [], workbook: true });
});

test('the web build replaces exceljs-workbook by its browser variant, however it is imported', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the webpack config is CommonJS
  const config = (require(path.join(ROOT, 'webpack.config.js')) as (env: unknown, argv: { mode: string }) => { plugins: unknown[] })({}, { mode: 'production' });
  const replacements = config.plugins.filter((p): p is { resourceRegExp: RegExp; newResource: string } => !!p && typeof p === 'object' && 'resourceRegExp' in p);
  const swap = replacements.find((p) => p.resourceRegExp.test('./exceljs-workbook'));
  expect(swap).toBeDefined();
  expect(swap!.resourceRegExp.test('../xlsx/exceljs-workbook')).toBe(true);
  expect(swap!.resourceRegExp.test('./exceljs-workbook.web')).toBe(false);
  expect(path.resolve(ROOT, swap!.newResource)).toBe(path.join(ROOT, 'src', 'xlsx', 'exceljs-workbook.web.ts'));
});

test('check reads a workbook without loading the XML DOM that only saving needs; a save loads it', () => {
  const script = [
    "const xmldom = () => Object.keys(require.cache).some((k) => k.split(require('path').sep).join('/').includes('/@xmldom/xmldom/'));",
    "const { readFileForCheck, analyseForCheck } = require('./src/cli/commands/check');",
    "const { openXlsxHostFile } = require('./src/xlsx/node');",
    "const file = 'assets/sample/progress-sheet.xlsx';",
    "readFileForCheck(file, 'ja').then(async ({ read }) => {",
    "  const kpis = analyseForCheck(read, 'ja').model.sheets[0].kpis.length;",
    "  const afterCheck = xmldom();",
    "  await (await openXlsxHostFile(file)).toBuffer();",
    "  console.log(JSON.stringify({ kpis, afterCheck, afterSave: xmldom() }));",
    "});",
  ].join('\n');
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ kpis: 84, afterCheck: false, afterSave: true });
});
