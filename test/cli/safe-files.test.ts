/**
 * Files are replaced safely (issue #16): temp file beside the target + rename, mode kept, symlinks
 * written through, read-only targets, Excel's lock file, an input changed since it was read, and two
 * writers on one file are refused. Each case runs the real CLI (or the writer) on real files.
 */
import { chmodSync, copyFileSync, lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { spawn } from 'child_process';
import { main } from '../../src/cli/main';
import { fingerprintFile, lockForWriting, writeFileSafely, writerLockFile } from '../../src/cli/safe-file';
import { SAMPLE_PROGRESS } from '../support/sample';

const dir = mkdtempSync(join(tmpdir(), 'kpi-safe-'));
const at = (name: string) => join(dir, name);
let n = 0;
const fresh = (name = `book${++n}.xlsx`) => (copyFileSync(SAMPLE_PROGRESS, at(name)), at(name));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('the output is written to a temporary file beside it and renamed: a new inode, no temporary file left, the mode kept (640)', async () => {
  const book = fresh();
  chmodSync(book, 0o640);
  const before = statSync(book);
  const r = await run('flag', book, '-o', book);
  expect(r.code).toBe(0);
  const after = statSync(book);
  expect(after.ino).not.toBe(before.ino);
  expect(after.mode & 0o777).toBe(0o640);
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'))).toEqual([]);
});

test('a symlink stays a symlink: the book it points to is written', async () => {
  const real = fresh('real.xlsx');
  symlinkSync('real.xlsx', at('link.xlsx'));
  const before = readFileSync(real);
  const r = await run('flag', at('link.xlsx'), '-o', at('link.xlsx'));
  expect(r.code).toBe(0);
  expect(lstatSync(at('link.xlsx')).isSymbolicLink()).toBe(true);
  expect(readlinkSync(at('link.xlsx'))).toBe('real.xlsx');
  expect(readFileSync(real).equals(before)).toBe(false);
});

test('a read-only target is refused (exit 2) and left as it was', async () => {
  const book = fresh();
  chmodSync(book, 0o444);
  const before = readFileSync(book);
  const r = await run('flag', book, '-o', book);
  expect(r.code).toBe(2);
  expect(r.err).toContain('読み取り専用');
  expect(readFileSync(book).equals(before)).toBe(true);
  expect(statSync(book).mode & 0o777).toBe(0o444);
});

test("a book open in Excel (its lock file ~$name.xlsx beside it) is refused, by the writers and by undo", async () => {
  const book = fresh('open.xlsx');
  writeFileSync(at('~$open.xlsx'), 'owner');
  const before = readFileSync(book);
  const r = await run('add-year', book, '-o', book);
  expect([r.code, r.err]).toEqual([2, expect.stringContaining('Excel で開かれています')]);
  expect(readFileSync(book).equals(before)).toBe(true);
  const u = await run('undo', book, '-o', book);
  expect(u.code).toBe(2);
});

test('an input that changed between reading and writing (another program saved it) is not overwritten', async () => {
  const book = fresh();
  const source = (await fingerprintFile(book))!;
  // another program saves the book: same size, new content
  const bytes = readFileSync(book);
  bytes[bytes.length - 30] ^= 1;
  writeFileSync(book, bytes);
  await expect(writeFileSafely(book, new Uint8Array([1, 2, 3]), { source })).rejects.toThrow(/読み込んだ後に変更されました/);
  expect(readFileSync(book).equals(bytes)).toBe(true);
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  // unchanged: written
  const again = (await fingerprintFile(book))!;
  await writeFileSafely(book, new Uint8Array([1, 2, 3]), { source: again });
  expect([...readFileSync(book)]).toEqual([1, 2, 3]);
});

test('never two writers on one file: a second run is refused while the first holds the lock; a lock left by a dead process is taken over', async () => {
  const book = fresh();
  const lock = await lockForWriting([book]);
  const r = await run('flag', book, '-o', book);
  expect([r.code, r.err]).toEqual([2, expect.stringContaining('別の kpi-progress が書き込み中')]);
  await lock.release();
  // a stale lock: a pid that is not running
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((done) => child.on('exit', done));
  writeFileSync(writerLockFile(book), String(child.pid));
  expect((await run('flag', book, '-o', book)).code).toBe(0);
});

test('two writers started together on the same output: one writes, the other is refused — never both "saved"', async () => {
  const book = fresh();
  const [a, b] = await Promise.all([run('flag', book, '-o', book), run('add-year', book, '-o', book)]);
  expect([a.code, b.code].sort()).toEqual([0, 2]);
});
