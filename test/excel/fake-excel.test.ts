/** The double must be as strict as Excel, or tests on it could pass where Excel fails. */
import { FakeExcel, FakeModel, WEB_PAYLOAD_LIMIT_BYTES, type FakePlatform } from '../support/fake-excel';

function setup(api?: string) {
  const excel = new FakeExcel(
    FakeModel.fromSnapshot({ sheet: '表', origin: { row: 1, col: 1 }, values: [['a', 1], ['b', 2]], merges: [{ top: 3, left: 1, bottom: 4, right: 1 }] }),
    { api },
  );
  return { excel, env: excel.env() };
}

describe('strict Excel double', () => {
  test('reading a property that was not loaded throws', async () => {
    const { env } = setup();
    await env.run({}, async (context) => {
      const range = context.workbook.worksheets.getItem('表').getRange('A1:B2');
      await context.sync();
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
    });
  });

  test('reading a loaded property before sync throws; after sync it is there', async () => {
    const { env, excel } = setup();
    await env.run({}, async (context) => {
      const range = context.workbook.worksheets.getItem('表').getRange('A1:B2');
      range.load('values');
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(range.values).toEqual([['a', 1], ['b', 2]]);
    });
    expect(excel.syncCount).toBe(1);
  });

  test('isNullObject is unknown until a sync', async () => {
    const { env } = setup();
    await env.run({}, async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject('ない');
      expect(() => ws.isNullObject).toThrow();
      await context.sync();
      expect(ws.isNullObject).toBe(true);
    });
  });

  test('writes take effect at sync, in queue order, and loads see the state at their place in the batch', async () => {
    const { env, excel } = setup();
    await env.run({}, async (context) => {
      const ws = context.workbook.worksheets.getItem('表');
      const before = ws.getRange('A1');
      before.load('values');
      ws.getRange('A1').values = [['x']];
      const after = ws.getRange('A1');
      after.load('values');
      expect(excel.model.sheet('表')!.cell(1, 1).value).toBe('a');
      await context.sync();
      expect(before.values).toEqual([['a']]);
      expect(after.values).toEqual([['x']]);
    });
    expect(excel.model.sheet('表')!.cell(1, 1).value).toBe('x');
  });

  test('Excel parses typed text: "=…" becomes a formula, "68.9%" a number; the apostrophe keeps text', async () => {
    const { env, excel } = setup();
    await env.run({}, async (context) => {
      context.workbook.worksheets.getItem('表').getRange('A1:D1').formulas = [['=B1*2', '68.9%', "'=B1*2", "'68.9%"]];
      await context.sync();
    });
    const s = excel.model.sheet('表')!;
    expect([s.cell(1, 1).formula, s.cell(1, 2).value, s.cell(1, 3).value, s.cell(1, 4).value]).toEqual(['=B1*2', 0.689, '=B1*2', '68.9%']);
  });

  test('a missing getItem fails the whole sync with ItemNotFound; a wrong-sized write fails too', async () => {
    const { env } = setup();
    await expect(
      env.run({}, async (context) => {
        context.workbook.worksheets.getItem('ない').getRange('A1').load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    await expect(
      env.run({}, async (context) => {
        context.workbook.worksheets.getItem('表').getRange('A1:B1').values = [['only one']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('writing into the hidden part of a merged area fails like Excel', async () => {
    const { env } = setup();
    await expect(
      env.run({}, async (context) => {
        context.workbook.worksheets.getItem('表').getRange('A4').values = [['x']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  test('APIs above the installed ExcelApi version throw when called', async () => {
    const { env } = setup('1.17');
    expect(env.isSetSupported('ExcelApi', '1.13')).toBe(true);
    expect(env.isSetSupported('ExcelApi', '1.18')).toBe(false);
    await env.run({}, async (context) => {
      const ws = context.workbook.worksheets.getItem('表');
      expect(() => ws.notes).toThrow(/1\.18/);
    });
    await expect(env.run({ mergeUndoGroup: true }, async () => undefined)).rejects.toThrow(/1\.20/);
  });

  test('inserting a column shifts cells, merges and widths; the payload cap refuses big batches', async () => {
    const { env, excel } = setup();
    excel.model.sheet('表')!.widths.set(2, 50);
    await env.run({}, async (context) => {
      context.workbook.worksheets.getItem('表').getRange('A:A').insert('Right');
      await context.sync();
    });
    const s = excel.model.sheet('表')!;
    expect([s.cell(1, 2).value, s.cell(1, 3).value, s.merges, s.widths.get(3)]).toEqual(['a', 1, [{ top: 3, left: 2, bottom: 4, right: 2 }], 50]);
    const capped = new FakeExcel(excel.model, { payloadLimitBytes: 100 });
    await expect(
      capped.env().run({}, async (context) => {
        context.workbook.worksheets.getItem('表').getRange('A1:A3').values = [['x'.repeat(60)], ['y'.repeat(60)], ['z']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  });

  test.each<FakePlatform>(['web', 'windows', 'mac'])('%s: a request over 5 MB is refused on the web only, before any of it runs (RequestPayloadSizeLimitExceeded)', async (platform) => {
    const model = FakeModel.fromSnapshot({ sheet: '表', origin: { row: 1, col: 1 }, values: [['a']] });
    const excel = new FakeExcel(model, { platform });
    const rows = Math.ceil(WEB_PAYLOAD_LIMIT_BYTES / 1000) + 10;
    const write = excel.env().run({}, async (context) => {
      const sheet = context.workbook.worksheets.getItem('表');
      sheet.getRange('A1').values = [['written first']];
      sheet.getRangeByIndexes(1, 0, rows, 1).values = Array.from({ length: rows }, () => ['x'.repeat(1000)]);
      await context.sync();
    });
    if (platform === 'web') {
      await expect(write).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
      expect(model.sheet('表')!.cell(1, 1).value).toBe('a');
    } else {
      await expect(write).resolves.toBeUndefined();
      expect(model.sheet('表')!.cell(rows + 1, 1).value).toBe('x'.repeat(1000));
    }
  });
});
