/**
 * @jest-environment jsdom
 *
 * 担当課ごとに配布 in the task pane over the Excel host (issue #17): the pane reads the workbook through
 * getFileAsync (the double of test/support/fake-office-file.ts) and downloads one copy per 担当課 —
 * the same copies, cell by cell and lock by lock, as `kpi-progress split` writes from the same
 * workbook. When getFileAsync fails the pane says so in the catalogue's words and the workbook is
 * not touched.
 */
import '../support/jsdom-node-globals';
import { Blob as NodeBlob } from 'buffer';
import { mkdtempSync, readFileSync, readdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import ExcelJS from 'exceljs';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { loadWorkbook } from '../../src/app';
import { t } from '../../src/core/catalogue';
import { main } from '../../src/cli/main';
import { ExcelHost } from '../../src/excel/host';
import { RoundPanel } from '../../src/taskpane/components/RoundPanel';
import type { WorkbenchApi } from '../../src/taskpane/useWorkbench';
import { FakeExcel, FakeModel } from '../support/fake-excel';
import { FakeOfficeDocument, withDocument } from '../support/fake-office-file';
import { loadSampleWorkbook, SAMPLE_PROGRESS } from '../support/sample';
import { diffWorkbooks } from '../support/workbook-diff';

jest.setTimeout(240_000);
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Downloads the pane starts: <a download> clicks on blob URLs, caught here. */
const blobs = new Map<string, Blob>();
let downloads: { name: string; blob: Blob }[] = [];
beforeAll(() => {
  // Node's Blob can be read back (jsdom's has no arrayBuffer in every version)
  (globalThis as { Blob: unknown }).Blob = NodeBlob;
  let n = 0;
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${++n}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href)! });
  };
});

function apiSpy() {
  const notes: { intent: string; text: string }[] = [];
  const api = { busy: null, notify: (intent: string, text: string) => notes.push({ intent, text }), apply: async () => null, undo: async () => undefined } as unknown as WorkbenchApi;
  return { api, notes };
}

async function excelPane(doc: Partial<ConstructorParameters<typeof FakeOfficeDocument>[0]>) {
  const excel = new FakeExcel(FakeModel.fromExcelJs(await loadSampleWorkbook()));
  // the workbook as Excel holds it: unchanged since it was opened from the sample file
  const office = new FakeOfficeDocument({ bytes: async () => new Uint8Array(readFileSync(SAMPLE_PROGRESS)), url: 'C:\\総合戦略\\progress-sheet.xlsx', ...doc });
  const host = new ExcelHost(withDocument(excel.env(), office));
  const workbook = await loadWorkbook(host, { lang: 'ja' });
  const { api, notes } = apiSpy();
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <RoundPanel workbook={workbook} lang="ja" host={host} api={api} />
      </FluentProvider>,
    );
  });
  const distribute = async () => {
    const button = container.querySelector<HTMLButtonElement>('[data-testid=round-distribute]')!;
    expect(button.disabled).toBe(false);
    await act(async () => button.click());
    for (let i = 0; i < 600 && notes.length === 0; i++) await act(() => new Promise((r) => setTimeout(r, 100)));
  };
  return { excel, office, container, notes, distribute, unmount: () => act(async () => root.unmount()) };
}

/** Per sheet: is it protected, and which cells are unlocked. */
async function locks(bytes: Uint8Array): Promise<Record<string, { protected: boolean; open: string[] }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out: Record<string, { protected: boolean; open: string[] }> = {};
  wb.eachSheet((ws) => {
    const open: string[] = [];
    ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => {
      if (cell.style?.protection?.locked === false) open.push(cell.address);
    }));
    out[ws.name] = { protected: !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet, open };
  });
  return out;
}

test('担当課ごとに配布 in Excel: one copy per 担当課, identical to kpi-progress split of the same workbook', async () => {
  downloads = [];
  const pane = await excelPane({});
  await pane.distribute();
  expect(pane.notes.map((n) => n.intent)).toEqual(['success']);
  expect(pane.office.open).toBe(0);
  await pane.unmount();

  const dir = mkdtempSync(join(tmpdir(), 'kpi-split-'));
  const cli: string[] = [];
  expect(await main(['split', SAMPLE_PROGRESS, '-o', dir], { out: (l) => cli.push(l), err: (l) => cli.push(l) })).toBe(0);
  const files = readdirSync(dir).sort();
  expect(files.length).toBeGreaterThan(5);
  expect(downloads.map((d) => d.name).sort()).toEqual(files);
  for (const d of downloads) {
    const mine = new Uint8Array(await d.blob.arrayBuffer());
    const theirs = new Uint8Array(readFileSync(join(dir, d.name)));
    expect(await diffWorkbooks(mine, theirs)).toEqual([]);
    expect(await locks(mine)).toEqual(await locks(theirs));
  }
  const sample = await locks(new Uint8Array(await downloads[0].blob.arrayBuffer()));
  expect(Object.values(sample).some((s) => s.protected && s.open.length > 0)).toBe(true);
});

test('getFileAsync fails: the pane says so in the catalogue words, nothing is downloaded, the workbook is untouched', async () => {
  downloads = [];
  const pane = await excelPane({ failOpen: 'the document is busy' });
  const before = await pane.excel.model.toExcelJs().xlsx.writeBuffer();
  pane.excel.resetCounts();
  await pane.distribute();
  expect(pane.notes).toEqual([{ intent: 'error', text: t('ja', 'file.read-failed', { detail: '5001 the document is busy' }) }]);
  expect(downloads).toEqual([]);
  expect(pane.excel.syncCount).toBe(0);
  expect(await diffWorkbooks(new Uint8Array(before), new Uint8Array(await pane.excel.model.toExcelJs().xlsx.writeBuffer()))).toEqual([]);
  await pane.unmount();
});

test('Excel on the web (no compressed file): the button is disabled and the pane says why', async () => {
  const pane = await excelPane({ platform: 'web' });
  expect(pane.container.querySelector<HTMLButtonElement>('[data-testid=round-distribute]')!.disabled).toBe(true);
  expect(pane.container.textContent).toContain(t('ja', 'round.no-file'));
  await pane.unmount();
});
