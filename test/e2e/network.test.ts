/**
 * The network guard of the browser tests, tested: requests to other origins (fetch, images, scripts,
 * WebSockets) are caught and blocked, so preview.test.ts's "no foreign request" can fail; the task
 * pane page outside Office asks other origins for nothing but Office.js from Microsoft's CDN.
 */
import type { Page } from 'playwright-core';
import { startSession, type Session } from './browser';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
jest.setTimeout(120_000);

let s: Session;

beforeAll(async () => {
  s = await startSession();
});

afterAll(async () => {
  await s?.close();
});

/** Foreign requests recorded while `act` runs. */
async function foreignDuring(act: () => Promise<void>): Promise<string[]> {
  const before = s.foreign.length;
  await act();
  return s.foreign.slice(before);
}

const LEAKS = ['https://example.com/leak?kpi=1', 'http://example.org/pixel.gif', 'https://cdn.example.net/lib.js', 'wss://example.com/socket'];

/** Tries every kind of request to LEAKS; returns how each ended. */
function tryLeaks(page: Page) {
  return page.evaluate(async (urls) => {
    const [api, pixel, lib, socketUrl] = urls;
    const fetched = await fetch(api).then(() => 'reached', () => 'blocked');
    const img = await new Promise<string>((done) => {
      const i = new Image();
      i.onload = () => done('reached');
      i.onerror = () => done('blocked');
      i.src = pixel;
    });
    const script = await new Promise<string>((done) => {
      const el = document.createElement('script');
      el.onload = () => done('reached');
      el.onerror = () => done('blocked');
      el.src = lib;
      document.head.appendChild(el);
    });
    const socket = await new Promise<string>((done) => {
      try {
        const ws = new WebSocket(socketUrl);
        ws.onopen = () => done('reached');
        ws.onerror = () => done('blocked');
      } catch {
        done('blocked');
      }
    });
    return { fetched, img, script, socket };
  }, LEAKS);
}

test('inside the task pane, the page CSP refuses every foreign request and each refusal is an error the e2e test sees', async () => {
  const page = await s.open('/preview.html');
  await page.getByTestId('overview').waitFor({ timeout: 60_000 });
  const errorsBefore = s.errors.length;
  expect(await tryLeaks(page)).toEqual({ fetched: 'blocked', img: 'blocked', script: 'blocked', socket: 'blocked' });
  const refused = s.errors.slice(errorsBefore).join('\n');
  // preview.test.ts fails on any console error, so an attempted leak fails it even though CSP stops it first
  for (const url of LEAKS) expect(`${refused}\n${s.foreign.join('\n')}`).toContain(new URL(url).host);
  s.errors.splice(errorsBefore);
  await page.context().close();
});

test('without a CSP, the route guard catches and blocks the same requests', async () => {
  const before = s.foreign.length;
  const page = await s.open('/preview.html');
  // a page of the same server without the add-in's CSP (the static server's 404 page)
  await page.goto(`${s.server.url}/no-such-page-without-csp`);
  expect(await tryLeaks(page)).toEqual({ fetched: 'blocked', img: 'blocked', script: 'blocked', socket: expect.any(String) });
  const seen = s.foreign.slice(before);
  expect(seen).toEqual(expect.arrayContaining(LEAKS));
  s.foreign.splice(before);
  await page.context().close();
});

test('the task pane page asks no other origin for anything but Office.js', async () => {
  const seen = await foreignDuring(async () => {
    const page = await s.open('/taskpane.html');
    await page.waitForLoadState('networkidle');
    await page.context().close();
  });
  expect(seen.filter((u) => u !== OFFICE_JS)).toEqual([]);
});
