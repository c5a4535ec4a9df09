/**
 * The deployment package as an office's server would get it: `scripts/package.ts` zips dist/ for a
 * sample origin; the zip is unpacked with unzip(1), served on a loopback HTTP port under the origin's
 * path, its manifest validated offline, every URL the manifest names fetched from that server (origin
 * rewritten to the loopback one) with 200, and the task pane opened in Debian's Chromium with Office.js
 * unavailable, where it shows its explanatory message. Nothing leaves the machine: every request to
 * another origin is blocked and recorded. Needs dist/ (npm run build:web).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { serveDir, type StaticServer } from '../../scripts/static-server';
import { manifestUrls, ROOT } from '../../scripts/production-manifest';

jest.setTimeout(180_000);

const ORIGIN = 'https://kpi.example.lg.jp/addin/';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const SCHEMA = join(ROOT, 'schemas', 'office-addin-manifest', 'OfficeAppManifestV1_1.xsd');
const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let work: string;
let zipPath: string;
let printed: string;
let site: string; // the unpacked package, below the origin's path
let server: StaticServer;
let browser: Browser;
const foreign: string[] = [];

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path).map((f) => `${name}/${f}`) : [name];
  });
}

/** The loopback URL for a URL of the production origin. */
const local = (url: string) => url.replace(/^https:\/\/kpi\.example\.lg\.jp\//, `${server.url}/`);

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'pages.json'))) throw new Error('dist/ がありません。先に npm run build:web を実行してください / run npm run build:web first.');
  work = mkdtempSync(join(tmpdir(), 'kpi-package-'));
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/package.ts'), '--out', join(work, 'package')], {
    cwd: work,
    env: { ...process.env, ADDIN_ORIGIN: ORIGIN, ADDIN_ID: '' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`scripts/package.ts failed (${r.status}):\n${r.stdout}${r.stderr}`);
  printed = r.stdout.trim();
  zipPath = join(work, 'package', `kpi-progress-addin-${version}.zip`);
  site = join(work, 'www', 'addin');
  mkdirSync(site, { recursive: true });
  const unzip = spawnSync('unzip', ['-q', zipPath, '-d', site], { encoding: 'utf8' });
  if (unzip.error || unzip.status !== 0) throw new Error(`unzip failed: ${unzip.error?.message ?? ''}${unzip.stderr}`);
  server = await serveDir(join(work, 'www'));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('prints the path of package/kpi-progress-addin-<version>.zip, which unzip -t accepts', () => {
  expect(printed).toBe(join('package', `kpi-progress-addin-${version}.zip`));
  const t = spawnSync('unzip', ['-t', zipPath], { encoding: 'utf8' });
  expect(t.stdout).toContain('No errors detected');
});

test('holds exactly what must be served, the manifest and README-配布.txt at its root', () => {
  const files = listFiles(site).sort();
  expect(files).toEqual(expect.arrayContaining(['manifest.xml', 'README-配布.txt', 'taskpane.html', 'commands.html', 'status.html', 'assets/icon-16.png', 'assets/icon-64.png', 'assets/add-year-80.png']));
  // the pages' scripts, nothing for the preview, no source maps, no sample workbooks, no build notes
  const pages = JSON.parse(readFileSync(join(ROOT, 'dist', 'pages.json'), 'utf8')) as Record<string, string[]>;
  const expected = new Set(['manifest.xml', 'README-配布.txt', 'taskpane.html', 'commands.html', 'status.html', ...pages['taskpane.html'], ...pages['commands.html'], ...pages['status.html']]);
  const manifest = readFileSync(join(site, 'manifest.xml'), 'utf8');
  for (const url of manifestUrls(manifest)) if (url.startsWith(ORIGIN)) expected.add(url.slice(ORIGIN.length));
  for (const f of [...expected]) if (existsSync(join(ROOT, 'dist', `${f}.LICENSE.txt`))) expected.add(`${f}.LICENSE.txt`);
  expect(files).toContain(`${pages['taskpane.html'][0]}.LICENSE.txt`);
  expect(files).toEqual([...expected].sort());
  expect(files.filter((f) => /preview|\.map$|\.xlsx$|pages\.json/.test(f))).toEqual([]);
  expect(pages['taskpane.html'].some((f) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f))).toBe(true);
});

test('README-配布.txt says where files go, which headers to send and how to check', () => {
  const text = readFileSync(join(site, 'README-配布.txt'), 'utf8');
  for (const phrase of ['ファイルの置き場所', 'HTTPS', 'Content-Security-Policy', 'X-Frame-Options', 'https://appsforoffice.microsoft.com', '確認のしかた', `${ORIGIN}taskpane.html`, `${ORIGIN}assets/icon-16.png`]) {
    expect(text).toContain(phrase);
  }
});

test('the manifest validates offline and names only the origin', () => {
  const path = join(site, 'manifest.xml');
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, path], { encoding: 'utf8' });
  expect(`${r.stdout}${r.stderr}`).toContain('validates');
  expect(r.status).toBe(0);
  const xml = readFileSync(path, 'utf8');
  expect(xml).not.toMatch(/localhost/);
  for (const url of manifestUrls(xml)) expect(url.startsWith('https://kpi.example.lg.jp')).toBe(true);
});

test('every URL the manifest names is served with 200', async () => {
  const xml = readFileSync(join(site, 'manifest.xml'), 'utf8');
  // AppDomains name an origin, not a resource; the rest are pages and icons
  const urls = manifestUrls(xml).filter((u) => u !== 'https://kpi.example.lg.jp');
  expect(urls.length).toBeGreaterThanOrEqual(12);
  const statuses = await Promise.all(urls.map(async (u) => [u.slice(ORIGIN.length), (await fetch(local(u))).status] as const));
  expect(statuses.filter(([, s]) => s !== 200)).toEqual([]);
  // and the server does say 404 for what is not there (the check can fail)
  expect((await fetch(local(`${ORIGIN}assets/no-such-icon.png`))).status).toBe(404);
});

/** A browser context that blocks and records every request leaving the loopback server. */
async function context(options: { javaScriptEnabled?: boolean; officeJs?: string } = {}): Promise<{ ctx: BrowserContext; page: Page; notFound: string[]; errors: string[] }> {
  const ctx = await browser.newContext({ locale: 'ja-JP', viewport: { width: 420, height: 700 }, javaScriptEnabled: options.javaScriptEnabled ?? true });
  await ctx.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.url}/`)) return route.continue();
    if (url === OFFICE_JS && options.officeJs) return route.fulfill({ status: 200, contentType: 'text/javascript', body: options.officeJs });
    foreign.push(url);
    return route.abort();
  });
  const page = await ctx.newPage();
  const notFound: string[] = [];
  const errors: string[] = [];
  page.on('response', (r) => r.status() >= 400 && notFound.push(`${r.status()} ${r.url()}`));
  page.on('pageerror', (e) => errors.push(e.message));
  return { ctx, page, notFound, errors };
}

test('the task pane without Office.js (CDN unreachable) shows its message at once, in Japanese and English', async () => {
  const before = foreign.length;
  const { ctx, page, notFound, errors } = await context();
  try {
    await page.goto(local(`${ORIGIN}taskpane.html`));
    const notice = page.locator('#no-office');
    // the script showed it (not the 5 s CSS fallback)
    await page.waitForFunction(() => document.documentElement.classList.contains('office-missing'), null, { timeout: 10_000 });
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.locator('p[lang="ja"]').textContent()).toContain('Office.js を読み込めませんでした');
    expect(await notice.locator('p[lang="en"]').textContent()).toContain('check the network connection');
    expect(await notice.locator('h1').textContent()).toBe('KPI進捗アシスタントを表示できません');
    expect(foreign.slice(before)).toEqual([OFFICE_JS]);
    expect(notFound).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await ctx.close();
  }
});

test('with no script running at all the message still appears (CSS only, after 5 s), so the page is never blank', async () => {
  const { ctx, page } = await context({ javaScriptEnabled: false });
  try {
    await page.goto(local(`${ORIGIN}taskpane.html`));
    const notice = page.locator('#no-office');
    expect(await notice.isVisible()).toBe(false); // hidden while Office would still be starting
    await notice.waitFor({ state: 'visible', timeout: 10_000 });
  } finally {
    await ctx.close();
  }
});

test('opened outside Office (Office.js loads, no host) it shows the message too; the page CSP has no inline script', async () => {
  const stub = 'window.Office = { onReady: (cb) => { const info = { host: null, platform: null }; setTimeout(() => cb && cb(info), 50); return Promise.resolve(info); } };';
  const { ctx, page, errors } = await context({ officeJs: stub });
  try {
    await page.goto(local(`${ORIGIN}taskpane.html`));
    await page.waitForFunction(() => document.documentElement.classList.contains('office-missing'), null, { timeout: 10_000 });
    expect(await page.locator('#no-office').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    const html = readFileSync(join(site, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBe(2);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\ssrc=/);
      expect(body.trim()).toBe('');
    }
    expect(html).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com[;"]/);
  } finally {
    await ctx.close();
  }
});

test('while Office is still starting (Office.js loaded, onReady pending) the message stays hidden, also after 5 s', async () => {
  const { ctx, page, errors } = await context({ officeJs: 'window.Office = { onReady: () => new Promise(() => {}) };' });
  try {
    await page.goto(local(`${ORIGIN}taskpane.html`));
    await page.waitForFunction(() => document.documentElement.classList.contains('office-starting'), null, { timeout: 10_000 });
    await page.waitForTimeout(6000);
    expect(await page.locator('#no-office').isVisible()).toBe(false);
    expect(errors).toEqual([]);
  } finally {
    await ctx.close();
  }
});
