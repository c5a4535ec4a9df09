/**
 * The .xlsx snapshot is read in one walk (src/xlsx/snapshot.ts): values, formulas, number formats and
 * the extras (fill, note, link) of the used range, as the two walks before it gave them.
 */
import ExcelJS from 'exceljs';
import { XlsxHost } from '../../src/xlsx/host';
import { snapshotFromWorksheet } from '../../src/xlsx/snapshot';

const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

async function reopened(build: (ws: ExcelJS.Worksheet) => void): Promise<XlsxHost> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('表'));
  return XlsxHost.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
}

describe('xlsx snapshot, one walk', () => {
  it('reads values, formulas and formats, keeps merged non-masters empty, and cuts at the last value', async () => {
    const host = await reopened((ws) => {
      ws.getCell('A1').value = 'KPI';
      ws.getCell('C1').value = 0.25;
      ws.getCell('C1').numFmt = '0.0%';
      ws.getCell('B2').value = { formula: 'C1*2', result: 0 } as ExcelJS.CellFormulaValue;
      ws.getCell('A3').value = '名称';
      ws.mergeCells('A3:B4');
      ws.getCell('F9').fill = solid('FF112233'); // style only: not part of the used range
    });
    const snap = await host.readSnapshot('表');
    expect(snap.values).toEqual([
      ['KPI', null, 0.25],
      [null, 0, null],
      ['名称', null, null],
      [null, null, null],
    ]);
    expect(snap.formulas[1]).toEqual([null, '=C1*2', null]);
    expect(snap.numberFormats[0][2]).toBe('0.0%');
    expect(snap.merges).toEqual([{ top: 3, left: 1, bottom: 4, right: 2 }]);
    expect(snap.truncated).toBeUndefined();
  });

  it('gives fills (also of cells a column or row style makes), notes on empty cells and links, inside the used range only', async () => {
    const host = await reopened((ws) => {
      ws.getColumn(2).fill = solid('FFFF0000');
      ws.getCell('A1').value = 'a';
      ws.getCell('D1').value = 'd'; // B1 and C1 are gaps of row 1: B1 takes column B's fill
      ws.getCell('A2').value = { text: 'シート01', hyperlink: "#'01'!A1" };
      ws.getCell('C2').note = '空のセルのメモ';
      ws.getCell('D2').value = 4;
      ws.getCell('D2').fill = solid('FF0000FF');
      ws.getCell('G2').note = '使用範囲の外';
    });
    const snap = await host.readSnapshot('表');
    expect(snap.values[0]).toHaveLength(4);
    expect(snap.extras).toEqual({
      '1,2': { fill: '#FF0000' },
      '2,1': { hyperlink: "#'01'!A1" },
      '2,2': { fill: '#FF0000' },
      '2,3': { note: '空のセルのメモ' },
      '2,4': { fill: '#0000FF' },
    });
  });

  it('reads no extras without asking, and a second read gives the same snapshot', async () => {
    const host = await reopened((ws) => {
      ws.getCell('A1').value = 'a';
      ws.getCell('A1').note = 'メモ';
    });
    const first = await host.readSnapshot('表');
    expect(first.extras).toEqual({ '1,1': { note: 'メモ' } });
    expect(await host.readSnapshot('表')).toEqual(first);
    expect(snapshotFromWorksheet(host.workbook.getWorksheet('表')!).extras).toBeUndefined();
  });
});
