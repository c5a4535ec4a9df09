/**
 * 担当課への照会 on a host that cannot hand the workbook over as a file (Excel without it): the distribute
 * button is disabled and the pane says why, in the user's language, instead of failing; the import
 * stays available. A host with the file gets an enabled button and no such text.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { loadWorkbook } from '../../src/app';
import { t } from '../../src/core/catalogue';
import type { ProgressHost } from '../../src/core/host';
import { RoundPanel } from '../../src/taskpane/components/RoundPanel';
import type { WorkbenchApi } from '../../src/taskpane/useWorkbench';
import { XlsxHost } from '../../src/xlsx/host';
import { SAMPLE_PROGRESS } from '../support/sample';
import { readFileSync } from 'fs';

const api = { busy: null, notify: () => undefined, apply: async () => null, undo: async () => undefined } as unknown as WorkbenchApi;

async function render(host: ProgressHost, lang: 'ja' | 'en'): Promise<string> {
  const workbook = await loadWorkbook(host, { lang });
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <RoundPanel workbook={workbook} lang={lang} host={host} api={api} />
    </FluentProvider>,
  );
}

const button = (html: string, id: string) => html.match(new RegExp(`<button[^>]*data-testid="${id}"[^>]*>`))![0];

test.each(['ja', 'en'] as const)('no workbook file (%s): distribute disabled with the reason; import available', async (lang) => {
  const host = await XlsxHost.fromBuffer(readFileSync(SAMPLE_PROGRESS));
  expect((host as ProgressHost).workbookFile).toBeUndefined();
  const html = await render(host, lang);
  expect(button(html, 'round-distribute')).toMatch(/disabled/);
  expect(button(html, 'round-import')).not.toMatch(/disabled/);
  expect(html).toContain(t(lang, 'round.no-file'));
  expect(t(lang, 'round.no-file')).not.toMatch(/--\w|kpi-progress/);
});

test('with the workbook file: distribute enabled, no reason shown', async () => {
  const inner = await XlsxHost.fromBuffer(readFileSync(SAMPLE_PROGRESS));
  const host = Object.assign(Object.create(inner) as XlsxHost, { workbookFile: async () => ({ name: 'x.xlsx', bytes: await inner.toBuffer() }) });
  const html = await render(host, 'ja');
  expect(button(html, 'round-distribute')).not.toMatch(/disabled/);
  expect(html).not.toContain(t('ja', 'round.no-file'));
});
