import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { XlsxHost } from '../../src/xlsx/host';
import { diffWorkbooks } from '../support/workbook-diff';
import { shiftFormula } from '../../src/core/formula-refs';

const SAMPLE = path.join(__dirname, '../../assets/sample/progress-sheet.xlsx');

describe('formula shifting', () => {
  const ins = { sheet: 'S', col: 3, delta: 1 as const };
  test('moves references at or right of the inserted column, widens ranges across it', () => {
    expect(shiftFormula('=IFERROR(E15/$D15,"")', 'S', ins)).toBe('=IFERROR(F15/$E15,"")');
    expect(shiftFormula('=SUM(A1:D1)+B2', 'S', ins)).toBe('=SUM(A1:E1)+B2');
    expect(shiftFormula("='S'!C1+Other!C1+\"C1\"", 'S', ins)).toBe("='S'!D1+Other!C1+\"C1\"");
    expect(shiftFormula('=LOG10(C2)', 'S', ins)).toBe('=LOG10(D2)');
    expect(shiftFormula('=S!C1', 'T', ins)).toBe('=S!D1');
  });
  test('deleting a referenced column gives #REF!, ranges narrow', () => {
    const del = { sheet: 'S', col: 3, delta: -1 as const };
    expect(shiftFormula('=C1+D1', 'S', del)).toBe('=#REF!+C1');
    expect(shiftFormula('=SUM(B1:D1)', 'S', del)).toBe('=SUM(B1:C1)');
  });
});

describe('insertColumn / deleteColumn on an exceljs sheet', () => {
  test('shifts values, styles, formulas, merges, widths, notes and links; delete restores exactly', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    wb.addWorksheet('01');
    const other = wb.addWorksheet('他');
    ws.getCell('A1').value = 'title';
    ws.mergeCells('A1:F1');
    ws.getCell('C2').value = 'R1';
    ws.getCell('D2').value = 'R2';
    ws.mergeCells('D2:D3');
    ws.getCell('E2').value = '担当課';
    ws.getCell('C4').value = 10;
    ws.getCell('D4').value = 20;
    ws.getCell('D4').border = { left: { style: 'thin' }, right: { style: 'thin' } };
    ws.getCell('D4').numFmt = '0.0%';
    ws.getCell('E4').value = { formula: 'D4/C4', result: 2 };
    ws.getCell('F4').value = { text: '01', hyperlink: "#'01'!A1" };
    ws.getCell('F5').note = 'メモ';
    ws.getColumn(4).width = 12;
    ws.getColumn(5).width = 20;
    other.getCell('A1').value = { formula: "'表'!E4*2", result: 4 };
    const before = await XlsxHost.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
    const host = await XlsxHost.fromBuffer(await before.toBuffer());

    const r = await host.applyPlan({ command: 'add-year', summary: '', notices: [], edits: [{ kind: 'insertColumn', sheet: '表', col: 5, formatFrom: 4 }] });
    expect(r.applied).toBe(1);
    const s = host.workbook.getWorksheet('表')!;
    expect(s.getCell('F2').value).toBe('担当課');
    expect(s.getCell('F4').formula).toBe('D4/C4');
    expect(s.getCell('G4').hyperlink).toBe("#'01'!A1");
    expect(s.getCell('G5').note).toBe('メモ');
    expect(s.getCell('E4').value).toBeNull();
    expect(s.getCell('E4').numFmt).toBe('0.0%');
    expect(s.getCell('E4').border?.left?.style).toBe('thin');
    expect(s.getColumn(5).width).toBe(12);
    expect(s.getColumn(6).width).toBe(20);
    expect(host.workbook.getWorksheet('他')!.getCell('A1').formula).toBe("'表'!F4*2");
    const merges = Object.keys((s as unknown as { _merges: object })._merges).sort();
    expect(merges).toEqual(['A1', 'D2', 'E2']);
    expect((s as unknown as { _merges: Record<string, { range: string }> })._merges.A1.range).toBe('A1:G1');

    // survives a save and reopen, then deleting the column gives back the original
    const reopened = await XlsxHost.fromBuffer(await host.toBuffer());
    expect(reopened.workbook.getWorksheet('表')!.getCell('G4').hyperlink).toBe("#'01'!A1");
    const back = await reopened.applyPlan({ command: 'undo', summary: '', notices: [], edits: r.inverse });
    expect(back.skipped).toEqual([]);
    expect(await diffWorkbooks(before, reopened)).toEqual([]);
  });

  test('conditional formats, data validations, shared formulas and defined names move with their cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    for (let r = 1; r <= 4; r++) {
      ws.getCell(r, 2).value = r;
      ws.getCell(r, 4).value = r * 10;
    }
    ws.getCell('E1').value = { formula: 'D1/B1', result: 10 };
    ws.getCell('E2').value = { sharedFormula: 'E1', result: 10 };
    ws.addConditionalFormatting({ ref: 'D1:D4', rules: [{ type: 'expression', priority: 1, formulae: ['D1>$B1*5'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } } }] });
    (ws as unknown as { dataValidations: { add(ref: string, v: object): void } }).dataValidations.add('D1:D4', { type: 'decimal', operator: 'greaterThan', formulae: [0], allowBlank: true });
    wb.definedNames.add("'表'!$D$1:$D$4", 'actuals');
    const host = await XlsxHost.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
    await host.applyPlan({ command: 'add-year', summary: '', notices: [], edits: [{ kind: 'insertColumn', sheet: '表', col: 3, formatFrom: 2 }] });
    const back = await XlsxHost.fromBuffer(await host.toBuffer());
    const s = back.workbook.getWorksheet('表')!;
    expect(s.getCell('F1').formula).toBe('E1/B1');
    expect(s.getCell('F2').formula).toBe('E2/B2');
    const cf = (s as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    expect(cf.map((c) => [c.ref, c.rules[0].formulae[0]])).toEqual([['E1:E4', 'E1>$B1*5']]);
    const dv = (s as unknown as { dataValidations: { model: object } }).dataValidations;
    expect(Object.keys(dv.model).sort()).toEqual(['E1', 'E2', 'E3', 'E4']);
    expect(back.workbook.definedNames.getRanges('actuals').ranges).toEqual(["'表'!$E$1:$E$4"]);
  });

  test('sample: insert after R6 and delete again leaves every cell as it was', async () => {
    const bytes = await fs.readFile(SAMPLE);
    const host = await XlsxHost.fromBuffer(bytes);
    const r = await host.applyPlan({ command: 'add-year', summary: '', notices: [], edits: [{ kind: 'insertColumn', sheet: '進捗状況一覧表', col: 12, formatFrom: 11 }] });
    const ws = host.workbook.getWorksheet('進捗状況一覧表')!;
    expect(ws.getCell('M10').value).toBe('担当課');
    expect(ws.getCell('L11').border).toEqual(ws.getCell('K11').border);
    expect((ws as unknown as { _merges: Record<string, { range: string }> })._merges.A1.range).toBe('A1:O1');
    const reopened = await XlsxHost.fromBuffer(await host.toBuffer());
    const changed = await diffWorkbooks(bytes, reopened, { limit: 5000 });
    expect(changed.length).toBeGreaterThan(100);
    expect(changed).toContain('進捗状況一覧表!L10 value: "担当課" → null');
    await reopened.applyPlan({ command: 'undo', summary: '', notices: [], edits: r.inverse });
    expect(await diffWorkbooks(bytes, reopened)).toEqual([]);
  });
});
