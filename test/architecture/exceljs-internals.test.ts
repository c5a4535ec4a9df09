/**
 * exceljs's private fields are reached in one small adapter (src/xlsx/exceljs-internals.ts), written
 * for the exceljs version package.json pins exactly; an upgrade must re-check that file. The files of
 * exceljs and JSZip themselves (`exceljs/lib/…`, `jszip/lib/…`) are required only by the Node load's
 * load adapters below, each written for the pinned version it names.
 */
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { EXCELJS_VERSION, hasParseMergeCells, mergeAreas } from '../../src/xlsx/exceljs-internals';
import { JSZIP_VERSION } from '../../src/xlsx/native-inflate';

const ROOT = path.resolve(__dirname, '../..');
const ADAPTER = path.join('src', 'xlsx', 'exceljs-internals.ts');
/**
 * exceljs's document model alone (exceljs-workbook.ts), its cell and row load steps (cell-reconcile.ts,
 * row-model.ts), JSZip's inflate (native-inflate.ts), and exceljs's rules for a cell's value and formula
 * that the read-only reader follows (fast/exceljs-rules.ts).
 */
const LIB_ADAPTERS = ['exceljs-workbook.ts', 'cell-reconcile.ts', 'row-model.ts', 'native-inflate.ts', 'fast/exceljs-rules.ts'].map((f) => path.join('src', 'xlsx', f));

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    return statSync(path.join(ROOT, rel)).isDirectory() ? sources(rel) : /\.tsx?$/.test(name) ? [rel] : [];
  });
}

/** Code without comments, so that prose naming a field does not count. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

test('package.json pins the exceljs version the adapter was written for, and it is the one installed', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  expect(pkg.dependencies.exceljs).toBe(EXCELJS_VERSION);
  const installed = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'exceljs', 'package.json'), 'utf8')) as { version: string };
  expect(installed.version).toBe(EXCELJS_VERSION);
});

test('package.json pins the JSZip native-inflate.ts was written for, and it is the one exceljs uses', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  expect(pkg.dependencies.jszip).toBe(JSZIP_VERSION);
  const installed = JSON.parse(readFileSync(require.resolve('jszip/package.json', { paths: [path.dirname(require.resolve('exceljs/package.json', { paths: [ROOT] }))] }), 'utf8')) as { version: string };
  expect(installed.version).toBe(JSZIP_VERSION);
});

test('only the load adapters require a file inside exceljs or JSZip', () => {
  const offenders = sources('src')
    .filter((f) => !LIB_ADAPTERS.includes(f))
    .flatMap((f) => code(readFileSync(path.join(ROOT, f), 'utf8')).split('\n').map((line, i) => ({ f, i, line })))
    .filter(({ line }) => /['"`](exceljs|jszip)\/lib\//.test(line))
    .map(({ f, i, line }) => `${f}:${i + 1}: ${line.trim()}`);
  expect(offenders).toEqual([]);
  for (const f of LIB_ADAPTERS) expect(readFileSync(path.join(ROOT, f), 'utf8')).toMatch(/exceljs 4\.4\.0|jszip 3\.10\.2/);
});

test('no file but the adapter reads a private exceljs field (obj._field) or orderNo', () => {
  const offenders = sources('src')
    .filter((f) => f !== ADAPTER)
    .flatMap((f) => code(readFileSync(path.join(ROOT, f), 'utf8')).split('\n').map((line, i) => ({ f, i, line })))
    .filter(({ line }) => /[\w)\]]\._[A-Za-z]\w*|\borderNo\b/.test(line))
    .map(({ f, i, line }) => `${f}:${i + 1}: ${line.trim()}`);
  expect(offenders).toEqual([]);
});

test('the adapter still fits the installed exceljs', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('s');
  ws.mergeCells(2, 3, 4, 5);
  expect(Object.values(mergeAreas(ws)).map((m) => [m.top, m.left, m.bottom, m.right])).toEqual([[2, 3, 4, 5]]);
  // the load step the linear merge load (src/xlsx/linear-merges.ts) replaces exists in this exceljs
  expect(hasParseMergeCells()).toBe(true);
});
