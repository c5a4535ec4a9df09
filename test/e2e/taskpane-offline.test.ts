/** taskpane.html outside Office with Office.js unreachable: one clear message, not a blank pane. */
import { sessionForFile } from './browser';

jest.setTimeout(120_000);
const session = sessionForFile();

test('says Office.js could not be loaded, and asks no other origin for anything', async () => {
  const page = await session().open('/taskpane.html');
  await page.locator('#root', { hasText: 'Office.js を読み込めませんでした' }).waitFor();
  expect(await page.locator('#root').textContent()).toContain('check the network connection');
  expect(session().foreign).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
});
