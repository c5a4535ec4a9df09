/** The ribbon commands' work over the strict Excel test double with the bundled sample. */
import { analyseWorkbook } from '../../src/core/analyse';
import { recognise } from '../../src/core/recognise';
import { addNextYear, checkWorkbook, completeAlways } from '../../src/commands/ribbon-actions';
import { ExcelHost } from '../../src/excel/host';
import { undoLastAction } from '../../src/app';
import { FakeExcel, FakeModel } from '../support/fake-excel';
import { loadSampleWorkbook, sampleSnapshots, SAMPLE_SHEET } from '../support/sample';

async function sampleExcel(): Promise<{ fake: FakeExcel; host: ExcelHost }> {
  const fake = new FakeExcel(FakeModel.fromExcelJs(await loadSampleWorkbook()), { api: '1.20' });
  return { fake, host: new ExcelHost(fake.env()) };
}

function headerRowTexts(fake: FakeExcel, row: number): string[] {
  const sheet = fake.model.sheet(SAMPLE_SHEET)!;
  const out: string[] = [];
  for (let col = 1; col <= 20; col++) out.push(String(sheet.cell(row, col).value ?? ''));
  return out;
}

test('チェック reports the same counts as analyse() and selects the first error', async () => {
  const snapshots = await sampleSnapshots();
  const findings = analyseWorkbook(recognise(snapshots), snapshots, { lang: 'ja' }).findings;
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  const { fake, host } = await sampleExcel();
  const text = await checkWorkbook(host, 'ja');
  expect(text).toContain(`誤り ${errors.length} 件`); // the pane's, CLI's and report's severity word
  expect(text).toContain(`注意 ${warnings.length} 件`);
  expect(text).toContain('KPI 84 件');
  expect(fake.model.selection).toEqual({ sheet: errors[0].sheet, address: errors[0].cell });
  expect(await checkWorkbook(host, 'en')).toMatch(/^Checked 84 KPIs: \d+ errors/);
});

test('年度列を追加 adds R7 after R6 in one click, says so, and undo restores the sheet', async () => {
  const { fake, host } = await sampleExcel();
  const header = 10;
  const before = headerRowTexts(fake, header);
  expect(before).toContain('R6');
  expect(before).not.toContain('R7');
  const text = await addNextYear(host, 'ja');
  const after = headerRowTexts(fake, header);
  expect(after.indexOf('R7')).toBe(before.indexOf('R6') + 1);
  expect(text).toMatch(/^「R7」の列を追加しました: 38 個の表/);
  expect(text).toContain('元に戻すには');
  expect(fake.model.selection?.sheet).toBe(SAMPLE_SHEET);
  const undone = await undoLastAction(host);
  expect(undone?.skipped).toEqual([]);
  expect(headerRowTexts(fake, header)).toEqual(before);
});

test('a command completes exactly once, also when its work or its report fails', async () => {
  const completed = jest.fn();
  const failed = await completeAlways({ completed }, 'ja', async () => { throw new Error('シートが保護されています。'); }, async () => undefined);
  expect(failed.ok).toBe(false);
  expect(failed.text).toContain('実行できませんでした: シートが保護されています。');
  expect(completed).toHaveBeenCalledTimes(1);

  const reportFails = await completeAlways({ completed }, 'en', async () => 'done', async () => { throw new Error('dialog blocked'); });
  expect(reportFails).toEqual({ text: 'done', ok: true });
  expect(completed).toHaveBeenCalledTimes(2);
});

test('年度列を追加 twice: the second click adds nothing while R7 is empty and says why', async () => {
  const { fake, host } = await sampleExcel();
  const header = 10;
  await addNextYear(host, 'ja');
  const once = headerRowTexts(fake, header);
  expect(once).toContain('R7');
  const text = await addNextYear(host, 'ja');
  expect(headerRowTexts(fake, header)).toEqual(once);
  expect(headerRowTexts(fake, header)).not.toContain('R8');
  expect(text).toContain('R7の実績がまだ入っていないため、R8の列は追加しませんでした。');
  expect(text).not.toMatch(/--/);
  expect(await addNextYear(host, 'en')).toContain('R7 has no actuals yet, so no R8 column was added.');
});
