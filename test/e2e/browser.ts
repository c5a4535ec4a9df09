/**
 * E2E support: serve dist/ on 127.0.0.1, drive Debian's Chromium with playwright-core, and record
 * every request that leaves the page's own origin (they are blocked and make the test fail).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveDir, type StaticServer } from '../../scripts/static-server';

export const dist = resolve(__dirname, '../../dist');
export const screenshots = resolve(__dirname, '../../docs/screenshots');

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Session {
  server: StaticServer;
  browser: Browser;
  /** Requests to other origins, blocked. */
  foreign: string[];
  /** Uncaught page errors and console errors. */
  errors: string[];
  open(path?: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startSession(): Promise<Session> {
  if (!existsSync(join(dist, 'preview.html'))) {
    throw new Error(`${dist}/preview.html がありません。先に npm run build:web を実行してください / build dist first (npm run build:web).`);
  }
  const server = await serveDir(dist);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  const foreign: string[] = [];
  const errors: string[] = [];
  const pages: Page[] = [];
  return {
    server,
    browser,
    foreign,
    errors,
    async open(path = '/preview.html') {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ja-JP', acceptDownloads: true });
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(server.url + '/') || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
        foreign.push(url);
        return route.abort();
      });
      const page = await context.newPage();
      // route() does not see WebSockets: record those to other origins too
      page.on('websocket', (ws) => {
        if (!ws.url().startsWith(server.url.replace(/^http/, 'ws') + '/')) foreign.push(ws.url());
      });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
      pages.push(page);
      await page.goto(server.url + path);
      return page;
    },
    async close() {
      for (const p of pages) await p.context().close();
      await browser.close();
      await server.close();
    },
  };
}

/** One browser session for a test file: started before its tests, closed after them. */
export function sessionForFile(): () => Session {
  let session: Session | undefined;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error('browser session not started');
    return session;
  };
}
