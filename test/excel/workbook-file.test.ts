/**
 * The Excel host's workbookFile (issue #17): the open workbook read through getFileAsync slice by
 * slice on the double of test/support/fake-office-file.ts, the file always closed, failures as a
 * catalogue message, nothing written; absent where Excel cannot give a compressed file (the web).
 */
import { translateError, isMessageError } from '../../src/core/catalogue';
import { ExcelHost } from '../../src/excel/host';
import { MAX_SLICE_BYTES, readWorkbookFile, workbookFileName } from '../../src/excel/file';
import { FakeExcel, FakeModel } from '../support/fake-excel';
import { FakeOfficeDocument, withDocument } from '../support/fake-office-file';
import { loadSampleWorkbook } from '../support/sample';
import { diffWorkbooks } from '../support/workbook-diff';

async function excelWith(options: Partial<ConstructorParameters<typeof FakeOfficeDocument>[0]> = {}) {
  const excel = new FakeExcel(FakeModel.fromExcelJs(await loadSampleWorkbook()));
  const current = async () => new Uint8Array(await excel.model.toExcelJs().xlsx.writeBuffer());
  // the package as Excel would hand it over now (exceljs stamps each write: one write, kept)
  const saved = await current();
  const doc = new FakeOfficeDocument({ bytes: async () => saved, url: 'C:\\総合戦略\\進捗状況一覧表.xlsx', ...options });
  return { excel, doc, current: async () => saved, model: current, host: new ExcelHost(withDocument(excel.env(), doc)) };
}

test('reads every slice in order, gives the workbook as Excel holds it, closes the file; a second read works', async () => {
  const { doc, current, host } = await excelWith();
  const expected = await current();
  const file = await host.workbookFile!();
  expect(file.name).toBe('進捗状況一覧表.xlsx');
  expect(Buffer.from(file.bytes).equals(Buffer.from(expected))).toBe(true);
  expect(doc.calls).toEqual([{ fileType: 'compressed', sliceSize: MAX_SLICE_BYTES }]);
  expect(doc.open).toBe(0);
  // small slices: many of them, the same bytes
  const sliced = await readWorkbookFile(doc, 4096);
  expect(Math.ceil(expected.length / 4096)).toBeGreaterThan(3);
  expect(Buffer.from(sliced.bytes).equals(Buffer.from(expected))).toBe(true);
  expect(doc.open).toBe(0);
  // a slice size above Office's 4 MB is never asked for
  await readWorkbookFile(doc, 10 * MAX_SLICE_BYTES);
  expect(doc.calls[2].sliceSize).toBe(MAX_SLICE_BYTES);
});

test('the double: a slice above 4 MB fails, and a file left open makes the next getFileAsync fail', async () => {
  const { doc } = await excelWith();
  const ask = (sliceSize: number) => new Promise<{ status: string; value: { closeAsync(cb: () => void): void } }>((resolve) => doc.getFileAsync('compressed', { sliceSize }, resolve as never));
  expect((await ask(MAX_SLICE_BYTES + 1)).status).toBe('failed');
  const first = await ask(65536);
  expect(first.status).toBe('succeeded');
  expect((await ask(65536)).status).toBe('failed');
  await new Promise<void>((resolve) => first.value.closeAsync(resolve));
  expect((await ask(65536)).status).toBe('succeeded');
});

test('a slice that fails: the file is still closed, a catalogue message in both languages, the next read works', async () => {
  const { doc } = await excelWith({ failSlice: 1 });
  const error = await readWorkbookFile(doc, 4096).catch((e: unknown) => e);
  expect(isMessageError(error) && error.id).toBe('file.read-failed');
  expect(translateError('ja', error)).toMatch(/^ブックをファイルとして読み出せませんでした（5001 slice 1 could not be read）。ブックは変更していません。/);
  expect(translateError('en', error)).toMatch(/^The workbook could not be read as a file \(5001 slice 1 could not be read\); nothing in it was changed\./);
  expect(doc.open).toBe(0);
});

test('getFileAsync fails: a catalogue message, nothing opened, the workbook untouched', async () => {
  const { excel, doc, model, host } = await excelWith({ failOpen: 'the document is busy' });
  const before = await model();
  excel.resetCounts();
  const error = await host.workbookFile!().catch((e: unknown) => e);
  expect(translateError('ja', error)).toContain('ブックは変更していません');
  expect(excel.syncCount).toBe(0);
  expect(doc.open).toBe(0);
  expect(await diffWorkbooks(Buffer.from(before), Buffer.from(await model()))).toEqual([]);
});

test('no workbookFile where Excel gives no compressed file (Excel on the web) or there is no document', async () => {
  expect((await excelWith({ platform: 'web' })).host.workbookFile).toBeUndefined();
  expect((await excelWith({ platform: 'mac' })).host.workbookFile).toBeInstanceOf(Function);
  const excel = new FakeExcel(FakeModel.fromExcelJs(await loadSampleWorkbook()));
  expect(new ExcelHost(excel.env()).workbookFile).toBeUndefined();
});

test('file names from the document url', () => {
  expect(workbookFileName('https://x.sharepoint.com/sites/k/Shared%20Documents/%E9%80%B2%E6%8D%97.xlsx?web=1')).toBe('進捗.xlsx');
  expect(workbookFileName('')).toBe('Book.xlsx');
  expect(workbookFileName(undefined)).toBe('Book.xlsx');
});
