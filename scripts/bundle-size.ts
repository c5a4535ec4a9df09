/**
 * Measures the initial task pane bundle: the scripts dist/taskpane.html loads from the add-in's own
 * origin, gzipped. Limit 300 kB. Also reports whether exceljs or eval slipped in.
 * Usage: npx tsx scripts/bundle-size.ts [dist]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const limitBytes = 300 * 1024;

export interface BundleReport {
  files: { file: string; bytes: number; gzip: number }[];
  totalBytes: number;
  totalGzip: number;
  /** Traces of exceljs (it belongs in the preview only). */
  hasExceljs: boolean;
  /** eval / new Function, which the Content-Security-Policy forbids. */
  usesEval: boolean;
}

export function measureTaskpane(dist: string): BundleReport {
  const html = join(dist, 'taskpane.html');
  if (!existsSync(html)) throw new Error(`${html} がありません。先に npm run build:web を実行してください / run npm run build:web first`);
  const srcs = [...readFileSync(html, 'utf8').matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)].map((m) => m[1] ?? m[2] ?? m[3]).filter((s) => !/^https?:/.test(s));
  const files = srcs.map((src) => {
    const body = readFileSync(join(dist, src.replace(/^\.?\//, '')));
    return { file: src, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length, text: body.toString('utf8') };
  });
  const text = files.map((f) => f.text).join('\n');
  return {
    files: files.map(({ file, bytes, gzip }) => ({ file, bytes, gzip })),
    totalBytes: files.reduce((n, f) => n + f.bytes, 0),
    totalGzip: files.reduce((n, f) => n + f.gzip, 0),
    hasExceljs: /exceljs|xl\/worksheets\/sheet/i.test(text),
    usesEval: /[^\w.]eval\(|new Function\(/.test(text),
  };
}

function kb(n: number): string {
  return `${(n / 1024).toFixed(1)} kB`;
}

if (require.main === module) {
  const dist = resolve(process.argv[2] ?? join(__dirname, '..', 'dist'));
  try {
    const r = measureTaskpane(dist);
    for (const f of r.files) console.log(`${f.file}\t${kb(f.bytes)}\tgzip ${kb(f.gzip)}`);
    console.log(`task pane initial bundle: ${kb(r.totalBytes)}, gzip ${kb(r.totalGzip)} (limit ${kb(limitBytes)})`);
    console.log(`exceljs: ${r.hasExceljs ? 'FOUND' : 'absent'}; eval: ${r.usesEval ? 'FOUND' : 'absent'}`);
    process.exitCode = r.totalGzip <= limitBytes && !r.hasExceljs && !r.usesEval ? 0 : 1;
  } catch (e) {
    console.error((e as Error).message);
    process.exitCode = 2;
  }
}
