/**
 * The built web files: task pane bundle size (gzip ≤ 300 kB, no exceljs, no eval), the
 * Content-Security-Policy of every page, and the files the manifest points to.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { limitBytes, measureTaskpane } from '../../scripts/bundle-size';
import { dist } from './browser';

const root = join(__dirname, '../..');

function csp(page: string): string {
  const html = readFileSync(join(dist, page), 'utf8');
  const m = /http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]+)"/i.exec(html);
  if (!m) throw new Error(`${page} has no Content-Security-Policy`);
  return m[1];
}

beforeAll(() => {
  if (!existsSync(join(dist, 'taskpane.html'))) throw new Error('dist/ がありません。先に npm run build:web を実行してください / run npm run build:web first.');
});

test('the initial task pane bundle is at most 300 kB gzipped, without exceljs or eval', () => {
  const r = measureTaskpane(dist);
  console.log(`task pane initial bundle: ${(r.totalBytes / 1024).toFixed(1)} kB, gzip ${(r.totalGzip / 1024).toFixed(1)} kB`);
  expect(r.files.length).toBeGreaterThan(0);
  expect(r.totalGzip).toBeLessThanOrEqual(limitBytes);
  expect(r.hasExceljs).toBe(false);
  expect(r.usesEval).toBe(false);
});

test('add-in pages allow only their own origin and the Office.js CDN, never eval', () => {
  for (const page of ['taskpane.html', 'commands.html', 'status.html']) {
    const policy = csp(page);
    expect(policy).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(policy).toContain("default-src 'self' https://appsforoffice.microsoft.com");
    expect(policy).not.toMatch(/unsafe-eval|\*/);
    const hosts = [...policy.matchAll(/https?:\/\/[^\s;]+/g)].map((m) => m[0]);
    expect(new Set(hosts)).toEqual(new Set(['https://appsforoffice.microsoft.com']));
    expect(readFileSync(join(dist, page), 'utf8')).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
  }
  const preview = csp('preview.html');
  expect(preview).not.toMatch(/https?:|unsafe-eval/);
  expect(readFileSync(join(dist, 'preview.html'), 'utf8')).not.toContain('office.js');
});

test('every localhost:3000 URL of the manifest is a built file', () => {
  const manifest = readFileSync(join(root, 'manifest.xml'), 'utf8');
  const paths = [...new Set([...manifest.matchAll(/https:\/\/localhost:3000\/([^"<\s]+)/g)].map((m) => m[1]))];
  expect(paths).toEqual(expect.arrayContaining(['taskpane.html', 'commands.html']));
  for (const p of paths) expect(existsSync(join(dist, p))).toBe(true);
  expect(existsSync(join(dist, 'manifest.xml'))).toBe(true);
  expect(existsSync(join(dist, 'assets/sample/progress-sheet.xlsx'))).toBe(true);
});
