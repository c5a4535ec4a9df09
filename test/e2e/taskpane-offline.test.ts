/** taskpane.html outside Office with Office.js unreachable: one clear message, not a blank pane. */
import { startSession, type Session } from './browser';

jest.setTimeout(120_000);
let s: Session;

beforeAll(async () => {
  s = await startSession();
});

afterAll(async () => {
  await s?.close();
});

test('says Office.js could not be loaded, and asks no other origin for anything', async () => {
  const page = await s.open('/taskpane.html');
  await page.locator('#root', { hasText: 'Office.js を読み込めませんでした' }).waitFor();
  expect(await page.locator('#root').textContent()).toContain('check the network connection');
  expect(s.foreign).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
});
