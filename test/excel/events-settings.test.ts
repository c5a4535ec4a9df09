/** Live checking (onChanged without the add-in's own writes), selection, sheet list, workbook settings. */
import { translateError } from '../../src/core/catalogue';
import { ExcelHost } from '../../src/excel/host';
import { COMMAND_STATUS_KEY, WorkbookSettingsStore, saveCommandStatus, takeCommandStatus, type DocumentSettings } from '../../src/excel/settings';
import { WriteGuard } from '../../src/excel/guard';
import type { CellChange } from '../../src/excel/events';
import { FakeExcel, FakeModel } from '../support/fake-excel';
import { loadSampleWorkbook, SAMPLE_SHEET } from '../support/sample';

const S = SAMPLE_SHEET;
const tick = () => new Promise((r) => setTimeout(r, 5));

async function sample(reportTriggerSource = false) {
  const excel = new FakeExcel(FakeModel.fromExcelJs(await loadSampleWorkbook()), { reportTriggerSource });
  return { excel, host: new ExcelHost(excel.env()) };
}

describe('live checking', () => {
  test.each([false, true])('user edits are reported, the add-in\'s own writes are not (triggerSource reported: %s)', async (reported) => {
    const { excel, host } = await sample(reported);
    const seen: CellChange[] = [];
    const stop = await host.onChanged((c) => seen.push(c), [S]);
    excel.userEdit(S, 'E11', 30);
    await tick();
    expect(seen).toEqual([{ sheet: S, address: 'E11' }]);

    await host.applyPlan({ command: 'fill', summary: '', notices: [], edits: [{ kind: 'setCell', sheet: S, row: 12, col: 5, expect: null, content: { value: '66.7%' } }] });
    await tick();
    expect(seen).toHaveLength(1);

    await stop();
    excel.userEdit(S, 'E13', 1);
    await tick();
    expect(seen).toHaveLength(1);
  });

  test('the guard forgets own writes after its window, so a later user edit of the same cell counts', () => {
    let now = 1000;
    const guard = new WriteGuard(() => now);
    guard.begin();
    guard.note(S, { top: 12, left: 5, bottom: 12, right: 5 });
    guard.end();
    expect(guard.isOwn(S, 'E12')).toBe(true);
    expect(guard.isOwn(S, 'E11')).toBe(false);
    expect(guard.isOwn('other', 'E12')).toBe(false);
    now += 5000;
    expect(guard.isOwn(S, 'E12')).toBe(false);
  });
});

describe('sheets and selection', () => {
  test('listSheets gives names and visibility in 1 sync; selectCell activates and selects', async () => {
    const { excel, host } = await sample();
    excel.model.sheets.push(new (excel.model.sheets[0].constructor as typeof import('../support/fake-excel').FakeSheet)('_kpi_undo', 'VeryHidden'));
    excel.resetCounts();
    expect(await host.listSheets()).toEqual([
      { name: S, visibility: 'visible' },
      { name: '_kpi_undo', visibility: 'veryHidden' },
    ]);
    expect(excel.syncCount).toBe(1);
    await host.selectCell(S, 'F12');
    expect(excel.model.selection).toEqual({ sheet: S, address: 'F12' });
  });
});

describe('workbook settings', () => {
  function memory(failing = false): DocumentSettings & { stored: Record<string, unknown>; saved: number } {
    const stored: Record<string, unknown> = {};
    const settings = {
      stored,
      saved: 0,
      get: (k: string) => stored[k] ?? null,
      set: (k: string, v: unknown) => void (stored[k] = v),
      remove: (k: string) => void delete stored[k],
      saveAsync(cb?: (r: { status: string; error?: { message: string } }) => void) {
        if (!failing) settings.saved++;
        cb?.(failing ? { status: 'failed', error: { message: 'read-only' } } : { status: 'succeeded' });
      },
    };
    return settings;
  }

  test('saved as one JSON value in the document and loaded back; damaged values load as {}', async () => {
    const doc = memory();
    const store = new WorkbookSettingsStore<{ gradeBands: { A: number }; lang: string }>(doc);
    expect(await store.load()).toEqual({});
    await store.save({ gradeBands: { A: 95 }, lang: 'en' });
    expect(doc.saved).toBe(1);
    expect(typeof doc.stored['kpiProgress.settings']).toBe('string');
    expect(await store.load()).toEqual({ gradeBands: { A: 95 }, lang: 'en' });
    doc.stored['kpiProgress.settings'] = '{broken';
    expect(await store.load()).toEqual({});
  });

  test('a failed save is one clear message', async () => {
    const store = new WorkbookSettingsStore<{ lang: string }>(memory(true));
    const error = await store.save({ lang: 'ja' }).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ id: 'error.settings-not-saved' });
    expect(translateError('ja', error)).toMatch(/設定をブックに保存できませんでした.*read-only/);
    expect(translateError('en', error)).toMatch(/Could not save the settings in the workbook.*read-only/);
  });

  test('the ribbon command status line is saved in the document, taken once by the task pane, then gone', async () => {
    const doc = memory();
    expect(await takeCommandStatus(doc)).toBeNull();
    await saveCommandStatus(doc, '年度列 R7 を追加しました', new Date('2026-11-25T10:00:00Z'));
    expect(doc.saved).toBe(1);
    expect(await takeCommandStatus(doc)).toEqual({ text: '年度列 R7 を追加しました', at: new Date('2026-11-25T10:00:00Z') });
    expect(doc.stored[COMMAND_STATUS_KEY]).toBeUndefined();
    expect(await takeCommandStatus(doc)).toBeNull();
    doc.stored[COMMAND_STATUS_KEY] = '{broken';
    expect(await takeCommandStatus(doc)).toBeNull();
  });
});

