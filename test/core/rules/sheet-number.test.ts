import { analyseSample, cellsOf, findingAt, managementSheetNames } from '../support/sample-analysis';
import { sheetNumber } from '../../../src/core/rules/sheet-number';

let managementSheets: string[];
beforeAll(async () => {
  managementSheets = await managementSheetNames();
});

test('clean sample with its 33 management sheets: every シートNo. is "-", a number that exists, or blank on a total', async () => {
  expect(managementSheets).toHaveLength(33);
  const r = await analyseSample(undefined, { managementSheets });
  expect(cellsOf(r, 'sheet-number')).toEqual([]);
});

test('planted: blank, malformed and unknown シートNo.', async () => {
  const r = await analyseSample((ws) => {
    ws.getCell('N63').value = null;
    ws.getCell('N65').value = '0l';
    ws.getCell('N72').value = '99';
  }, { managementSheets });
  expect(cellsOf(r, 'sheet-number')).toEqual(['N63', 'N65', 'N72']);
  expect(findingAt(r, 'sheet-number', 'N72')!.message).toContain('「99」に当たる進行管理シートがありません');
});

test('without known management sheets, numbers are not checked against them', async () => {
  const r = await analyseSample((ws) => { ws.getCell('N72').value = '99'; }, {});
  expect(cellsOf(r, 'sheet-number')).toEqual([]);
});

test('sheet names carry their number', () => {
  expect(sheetNumber('08')).toBe(8);
  expect(sheetNumber('シート08')).toBe(8);
  expect(sheetNumber('No.８')).toBe(8);
  expect(sheetNumber('メモ')).toBeNull();
});

test('other sheets that are not management sheets do not turn every number into a finding', async () => {
  const r = await analyseSample(undefined, { managementSheets: ['Sheet1', '2020年度', 'メモ', '01'] });
  expect(cellsOf(r, 'sheet-number')).toEqual([]);
  expect(sheetNumber('2020年度')).toBeNull();
});
