/**
 * Bad files through the built CLI (`node bin/kpi-progress.js`, as staff run it): each gives one clear
 * sentence on stderr and exit status 2 — or, for a giant used range or a sheet of 50,000 formulas
 * next to the table, a partial result — and never a stack trace.
 */
import { execFile, execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ROOT, SAMPLE_PROGRESS } from '../support/sample';

const BIN = join(ROOT, 'bin', 'kpi-progress.js');
const dir = mkdtempSync(join(tmpdir(), 'kpi-bad-'));

interface Run {
  code: number;
  out: string;
  err: string;
  seconds: number;
}

function cli(...args: string[]): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile('node', [BIN, ...args], { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, KPI_PROGRESS_DEBUG: '' } }, (error, out, err) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, out, err, seconds: (Date.now() - started) / 1000 });
    });
  });
}

function put(name: string, bytes: Uint8Array | string): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

/** One line on stderr, a sentence, no stack frames, no raw JS error names. */
function expectOneSentence(err: string): void {
  const lines = err.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0].length).toBeGreaterThan(15);
  expect(err).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(err).not.toMatch(/TypeError|ReferenceError|RangeError|SyntaxError|undefined|\[object /);
}

/** A compound-file (CFB/OLE2) container: header, then a directory sector naming the streams. */
function compoundFile(streams: string[]): Uint8Array {
  const bytes = new Uint8Array(512 * 3);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set([0x3e, 0x00, 0x03, 0x00, 0xfe, 0xff, 0x09, 0x00, 0x06, 0x00], 24);
  ['Root Entry', ...streams].forEach((name, i) => {
    const at = 512 + i * 128;
    [...name].forEach((ch, j) => {
      bytes[at + j * 2] = ch.charCodeAt(0);
    });
    bytes[at + 64] = (name.length + 1) * 2;
    bytes[at + 66] = i === 0 ? 5 : 2;
  });
  return bytes;
}

async function sampleWithExtraSheet(name: string, fill: (ws: ExcelJS.Worksheet) => void): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE_PROGRESS);
  fill(wb.addWorksheet(name));
  return wb;
}

/** 50,000 formulas without cached results: 2,500 rows × 20 columns. */
function fiftyThousandFormulas(ws: ExcelJS.Worksheet): void {
  for (let r = 1; r <= 2500; r++) {
    for (let c = 1; c <= 20; c++) {
      ws.getCell(r, c).value = { formula: c === 1 ? 'ROW()*2' : `${String.fromCharCode(64 + c - 1)}${r}+1` } as ExcelJS.CellFormulaValue;
    }
  }
}

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: 'uint8array' });
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'node', 'kpi-progress.js'))) execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT });
}, 120000);

describe('files that are no readable .xlsx: one sentence, exit 2', () => {
  const sample = readFileSync(SAMPLE_PROGRESS);
  const cases: [string, () => string | Promise<string>, RegExp, RegExp][] = [
    ['not a zip (random bytes)', () => put('random.xlsx', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), /\.xlsx ファイルではありません/, /not an \.xlsx file/],
    ['a truncated .xlsx', () => put('truncated.xlsx', sample.subarray(0, Math.floor(sample.length * 0.6))), /壊れているか途中で切れています/, /damaged or truncated/],
    ['a zip cut to its first 100 bytes', () => put('stub.xlsx', sample.subarray(0, 100)), /壊れているか途中で切れています/, /damaged or truncated/],
    ['a zip that holds no workbook', async () => put('other.xlsx', await zipOf({ 'readme.txt': 'hello' })), /zip ファイルですが Excel ブックではありません/, /zip file but not an Excel workbook/],
    ['an encrypted workbook', () => put('encrypted.xlsx', compoundFile(['EncryptionInfo', 'EncryptedPackage'])), /パスワードで保護（暗号化）されています/, /password-protected/],
    ['an old .xls', () => put('old.xls', compoundFile(['Workbook', 'SummaryInformation'])), /Excel 97-2003 形式 \(\.xls\)/, /Excel 97-2003/],
    ['a CSV renamed .xlsx', () => put('table.xlsx', '重要業績評価指標 (KPI),,基準値 (H30),目標値 (R6),R1,R2\n新規創業件数,実績値,26件,45件,31件,34件\n'), /テキスト（CSV など）です/, /text file \(CSV/],
    ['a Shift_JIS CSV renamed .xlsx', () => put('sjis.xlsx', Buffer.from('8f64977682c88e7793572c3236818c0d0a', 'hex')), /テキスト（CSV など）です/, /text file \(CSV/],
    ['an empty file', () => put('empty.xlsx', ''), /空のファイル/, /empty file/],
  ];
  test.each(cases)('%s', async (_name, make, ja, en) => {
    const file = await make();
    const r = await cli('check', file);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(ja);
    expectOneSentence(r.err);
    const e = await cli('check', file, '--json', '--lang', 'en');
    expect(e.code).toBe(2);
    expect(e.out).toBe('');
    expect(e.err).toMatch(en);
    expectOneSentence(e.err);
  }, 60000);
});

describe('the writing commands refuse bad files the same way and write nothing', () => {
  test.each(['fill', 'flag', 'link', 'add-year', 'definitions', 'report', 'undo'])('%s', async (command) => {
    const inputs = [put(`${command}-csv.xlsx`, 'a,b\n1,2\n'), put(`${command}-enc.xlsx`, compoundFile(['EncryptionInfo', 'EncryptedPackage']))];
    for (const input of inputs) {
      const out = join(dir, `${command}-out.xlsx`);
      const r = await cli(command, input, '-o', out);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/テキスト（CSV など）です|パスワードで保護/);
      expectOneSentence(r.err);
      expect(existsSync(out)).toBe(false);
    }
  }, 60000);
});

describe('huge files: a partial result with a clear note, or one sentence', () => {
  test('a 1,000,000-row used range (1,000,000 row elements): the table is read, the note says what was cut', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE_PROGRESS);
    wb.worksheets[0].getCell('N1000000').value = '迷子のセル';
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const name = Object.keys(zip.files).find((n) => /worksheets\/sheet1\.xml$/.test(n))!;
    const xml = await zip.file(name)!.async('string');
    const rows: string[] = [];
    for (let r = 500; r < 1000000; r++) rows.push(`<row r="${r}" spans="1:14" ht="18" customHeight="1"/>`);
    zip.file(name, xml.replace('<row r="1000000"', `${rows.join('')}<row r="1000000"`));
    const file = put('million-rows.xlsx', await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));

    const r = await cli('check', file, '--json');
    expect([0, 1]).toContain(r.code);
    expect(r.err).toBe('');
    const doc = JSON.parse(r.out);
    expect(doc.sheets[0].kpis).toHaveLength(84);
    expect(doc.truncated).toEqual([expect.objectContaining({ rows: 100000 })]);
    const text = await cli('check', file);
    expect(text.out).toMatch(/使用範囲が大きすぎるため先頭 100000 行/);
    console.log(`1,000,000-row used range: check --json took ${r.seconds.toFixed(1)} s`);
  }, 180000);

  test('a sheet of 50,000 formulas next to the table: the table is checked, the formula sheet is named', async () => {
    const file = put('formulas.xlsx', new Uint8Array(await (await sampleWithExtraSheet('計算', fiftyThousandFormulas)).xlsx.writeBuffer()));
    const r = await cli('check', file, '--json');
    expect([0, 1]).toContain(r.code);
    expect(r.err).toBe('');
    const doc = JSON.parse(r.out);
    expect(doc.sheets.map((s: { sheet: string }) => s.sheet)).toEqual(['進捗状況一覧表']);
    expect(doc.sheets[0].kpis).toHaveLength(84);
    expect(doc.unrecognised.map((u: { sheet: string }) => u.sheet)).toEqual(['計算']);
    console.log(`50,000 formulas: check --json took ${r.seconds.toFixed(1)} s`);
  }, 120000);

  test('a workbook of only 50,000 formulas: exit 2 and one sentence saying no progress table was found', async () => {
    const wb = new ExcelJS.Workbook();
    fiftyThousandFormulas(wb.addWorksheet('計算'));
    const file = put('only-formulas.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = await cli('check', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/進捗状況一覧表（KPI表）が見つかりません/);
    expectOneSentence(r.err);
    expect(r.out).toMatch(/シート「計算」にKPI表が見つかりません/);
  }, 120000);
});
