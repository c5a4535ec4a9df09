/** snapshotFromWorksheet: what recognition sees of a real .xlsx, written and read back with exceljs. */
import ExcelJS from 'exceljs';
import { snapshotFromWorksheet, MAX_ROWS } from '../../src/xlsx/snapshot';
import { recogniseSheet, isUnrecognised } from '../../src/core/recognise';
import { roundTrip } from '../support/variants';

async function sheetOf(build: (ws: ExcelJS.Worksheet) => void): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('s'));
  return (await roundTrip(wb)).getWorksheet('s')!;
}

test('values as shown: rich text, formula results, dates, errors, booleans; formulas and formats kept', async () => {
  const ws = await sheetOf((ws) => {
    ws.getCell('A1').value = { richText: [{ text: '新規' }, { text: '創業', font: { bold: true } }] };
    ws.getCell('B1').value = { formula: 'C1/D1', result: 0.689 };
    ws.getCell('B1').numFmt = '0.0%';
    ws.getCell('C1').value = new Date(Date.UTC(2020, 2, 31));
    ws.getCell('D1').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
    ws.getCell('E1').value = true;
    ws.getCell('F1').value = 26;
    ws.getCell('F1').numFmt = '#,##0"件"';
    ws.getCell('A2').value = { text: 'リンク', hyperlink: 'https://example.invalid/' };
    ws.getCell('B2').value = { formula: 'C1-C1', result: 0 };
    ws.getCell('C2').value = { formula: 'C1>D1', result: false };
  });
  const s = snapshotFromWorksheet(ws);
  expect(s.values[0]).toEqual(['新規創業', 0.689, '2020-03-31', '#REF!', true, 26]);
  expect(s.formulas[0][1]).toBe('=C1/D1');
  expect(s.formulas[0][0]).toBeNull();
  expect(s.numberFormats[0][1]).toBe('0.0%');
  expect(s.numberFormats[0][5]).toBe('#,##0"件"');
  expect(s.values[1][0]).toBe('リンク');
  // exceljs's cell.value drops falsy formula results; the snapshot keeps them.
  expect(s.values[1].slice(1, 3)).toEqual([0, false]);
  expect(s.formulas[1].slice(1, 3)).toEqual(['=C1-C1', '=C1>D1']);
  expect(s.origin).toEqual({ row: 1, col: 1 });
});

test('merged areas are reported and only their top-left cell holds the value', async () => {
  const ws = await sheetOf((ws) => {
    ws.getCell('A1').value = 'KPI';
    ws.mergeCells('A1:A2');
    ws.getCell('B2').value = 'x';
  });
  const s = snapshotFromWorksheet(ws);
  expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 1 }]);
  expect(s.values).toEqual([['KPI', null], [null, 'x']]);
});

test('trailing style-only rows and columns are trimmed', async () => {
  const ws = await sheetOf((ws) => {
    ws.getCell('B2').value = 'x';
    ws.getCell('H40').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } };
    ws.getCell('H40').border = { top: { style: 'thin' } };
  });
  const s = snapshotFromWorksheet(ws);
  expect(s.values).toEqual([[null, null], [null, 'x']]);
  expect(s.truncated).toBeUndefined();
});

test('a 1,000,000-row used range is cut and says so; recognition still answers', async () => {
  const ws = await sheetOf((ws) => {
    ws.getCell('A1').value = 'メモ';
    ws.getCell('A1000000').value = 'x';
  });
  const s = snapshotFromWorksheet(ws);
  expect(s.values).toHaveLength(MAX_ROWS);
  expect(s.truncated).toMatchObject({ rows: MAX_ROWS, cols: 1 });
  expect(s.truncated!.reason).toContain('1000000');
  const r = recogniseSheet(s);
  expect(isUnrecognised(r) && r.reason).toContain('KPI表が見つかりません');
});
