/**
 * In Node the parts of an .xlsx are inflated by zlib instead of JSZip's pako
 * (src/xlsx/native-inflate.ts, installed by exceljs-workbook.ts): the same bytes out, and a damaged
 * part read or refused exactly as pako's worker did.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import zlib from 'zlib';
import JSZip from 'jszip';
import { useNativeInflate } from '../../src/xlsx/native-inflate';
import type ExcelJS from 'exceljs';
import { Workbook } from '../../src/xlsx/exceljs-workbook';
import { ROOT, SAMPLE_PROGRESS } from '../support/sample';

const dir = mkdtempSync(join(tmpdir(), 'kpi-inflate-'));

useNativeInflate();

/** JSZip as it comes, with pako's worker: a fresh copy of its modules. */
function pakoJSZip(): typeof JSZip {
  let fresh: typeof JSZip | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a second, unpatched JSZip
    fresh = require('jszip');
  });
  return fresh!;
}

const texts: Record<string, string> = {
  'empty.xml': '',
  'short.xml': '<a/>',
  'multibyte.xml': `<t>${'進捗状況一覧表 ▲2,530 令和元年度 😀 '.repeat(2000)}</t>`,
  'large.xml': Array.from({ length: 60000 }, (_, i) => `<c r="A${i}"><v>${(i * 7919) % 10007}</v></c>`).join(''),
};

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Each entry as text, or the error reading it gave. */
async function readAll(Zip: typeof JSZip, bytes: Uint8Array): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  let zip: JSZip;
  try {
    zip = await Zip.loadAsync(bytes);
  } catch (e) {
    return { load: `threw ${String(e)}` };
  }
  for (const name of Object.keys(zip.files).sort()) {
    try {
      out[name] = await zip.file(name)!.async('string');
    } catch (e) {
      out[name] = `threw ${String(e)}`;
    }
  }
  return out;
}

test('zlib inflates the parts: the same texts as written and as pako reads them', async () => {
  const spy = jest.spyOn(zlib, 'inflateRawSync');
  try {
    const bytes = await zipOf(texts);
    const native = await readAll(JSZip, bytes);
    expect(native).toEqual(texts);
    expect(spy).toHaveBeenCalled();
    expect(await readAll(pakoJSZip(), bytes)).toEqual(native);
    const sample = new Uint8Array(readFileSync(SAMPLE_PROGRESS));
    expect(await readAll(JSZip, sample)).toEqual(await readAll(pakoJSZip(), sample));
  } finally {
    spy.mockRestore();
  }
});

test('a damaged or cut part gives what pako gave: the same text or the same error', async () => {
  const bytes = await zipOf(texts);
  const zip = await JSZip.loadAsync(bytes);
  const buf = Buffer.from(bytes);
  const LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
  /** Where an entry's compressed data starts: after its local header (30 bytes, its name, its extra field). */
  const compressedAt = (name: string) => {
    for (let pos = buf.indexOf(LOCAL); pos >= 0; pos = buf.indexOf(LOCAL, pos + 4)) {
      const nameLength = buf.readUInt16LE(pos + 26);
      if (buf.subarray(pos + 30, pos + 30 + nameLength).toString() === name) return pos + 30 + nameLength + buf.readUInt16LE(pos + 28);
    }
    throw new Error(name);
  };
  expect(zip.file('large.xml')).not.toBeNull();
  const damaged: Uint8Array[] = [];
  for (const [name, offset] of [['large.xml', 10], ['large.xml', 2000], ['multibyte.xml', 3], ['short.xml', 0]] as const) {
    const copy = bytes.slice();
    const at = compressedAt(name) + offset;
    copy[at] ^= 0xff;
    copy[at + 1] ^= 0x5a;
    damaged.push(copy);
  }
  for (const copy of damaged) expect(await readAll(JSZip, copy)).toEqual(await readAll(pakoJSZip(), copy));
  // a damaged sample workbook: exceljs with pako and the app's load refuse it (or read it) alike
  const sample = new Uint8Array(readFileSync(SAMPLE_PROGRESS));
  // plain JavaScript: it also runs in the child
  const outcome = async function (load: () => Promise<ExcelJS.Workbook>): Promise<string> {
    try {
      const wb = await load();
      return `read ${wb.worksheets.map((ws) => `${ws.name} ${ws.rowCount} ${String(ws.getCell(5, 1).value)}`).join(', ')}`;
    } catch (e) {
      return `threw ${String(e)}`;
    }
  };
  for (const at of [0.3, 0.5, 0.8]) {
    const cut = sample.slice();
    const from = Math.floor(cut.length * at);
    cut.fill(0x41, from, from + 64);
    expect(await readAll(JSZip, cut)).toEqual(await readAll(pakoJSZip(), cut));
    const file = join(dir, `cut-${at}.xlsx`);
    writeFileSync(file, cut);
    // exceljs as it comes, with pako, in a process of its own
    const viaPako = spawnSync(process.execPath, ['-e', `const E=require('exceljs');(${outcome.toString()})(()=>new E.Workbook().xlsx.load(require('fs').readFileSync(process.argv[1]))).then((o)=>process.stdout.write(o))`, file], { cwd: ROOT, encoding: 'utf8' });
    expect(await outcome(() => new Workbook().xlsx.load(cut as unknown as ArrayBuffer))).toBe(viaPako.stdout);
  }
});
