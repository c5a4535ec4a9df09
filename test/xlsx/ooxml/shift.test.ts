/**
 * Reference shifting for whole-column inserts and deletes, rule by rule, with the Excel behaviour
 * each follows:
 * [ins]  Microsoft Support, "Insert or delete cells, rows, and columns": inserted columns push the
 *        cells at and right of them to the right; Excel adjusts references to the moved cells.
 * [ref]  Microsoft Support, "How to correct a #REF! error": deleting the cells a formula refers to
 *        gives #REF!.
 * [name] J. Walkenbach, Excel 2007 Formulas, "How Excel Maintains Cell and Range Names": a column
 *        inserted left of a range moves it, inside it widens it; deleting inside narrows it; deleting
 *        all its columns leaves Sheet1!#REF!.
 * [abs]  Microsoft Support, "Switch between relative, absolute, and mixed references": $ fixes a
 *        reference against copying, not against inserted or deleted cells (they still move).
 */
import { shiftArea, shiftCell, shiftColumn, shiftFormula, shiftSqref, translateFormula } from '../../../src/xlsx/ooxml/shift';

const ins = (col: number, sheet = 'S') => ({ sheet, col, delta: 1 as const });
const del = (col: number, sheet = 'S') => ({ sheet, col, delta: -1 as const });

describe('cells and columns [ins][ref]', () => {
  test('a column at or right of an insert moves right; left of it stays', () => {
    expect(shiftColumn(2, ins(3))).toBe(2);
    expect(shiftColumn(3, ins(3))).toBe(4);
    expect(shiftColumn(9, ins(3))).toBe(10);
  });
  test('a deleted column is gone; right of it moves left', () => {
    expect(shiftColumn(3, del(3))).toBeNull();
    expect(shiftColumn(4, del(3))).toBe(3);
    expect(shiftColumn(2, del(3))).toBe(2);
  });
  test('cell addresses keep their $ and row', () => {
    expect(shiftCell('C5', ins(3))).toBe('D5');
    expect(shiftCell('$Z$12', ins(3))).toBe('$AA$12');
    expect(shiftCell('B5', ins(3))).toBe('B5');
    expect(shiftCell('C5', del(3))).toBeNull();
    expect(shiftCell('AA1', del(1))).toBe('Z1');
  });
});

describe('areas and sqref lists [name]', () => {
  test('a range across the inserted column widens; one ending left of it does not; one starting at it moves', () => {
    expect(shiftArea('A10:N412', ins(12))).toBe('A10:O412');
    expect(shiftArea('A1:B5', ins(3))).toBe('A1:B5');
    expect(shiftArea('C1:E5', ins(3))).toBe('D1:F5');
    expect(shiftArea('$A:$C', ins(2))).toBe('$A:$D');
  });
  test('a range whose right edge is left of the insert widens only when asked (add-year at a table end)', () => {
    expect(shiftArea('A10:N412', ins(15))).toBe('A10:N412');
    expect(shiftArea('A10:N412', ins(15), { widenRightEdge: true })).toBe('A10:O412');
    expect(shiftArea('N5:N9', ins(15), { widenRightEdge: true })).toBe('N5:O9');
    // a single cell is no range over the table
    expect(shiftArea('N5', ins(15), { widenRightEdge: true })).toBe('N5');
    expect(shiftSqref('B2 N5:N9 P1', ins(15), { widenRightEdge: true })).toBe('B2 N5:O9 Q1');
  });
  test('deleting inside a range narrows it; deleting at its left edge keeps its left; all deleted → gone', () => {
    expect(shiftArea('C3:E5', del(4))).toBe('C3:D5');
    expect(shiftArea('C3:E5', del(3))).toBe('C3:D5');
    expect(shiftArea('C3:E5', del(5))).toBe('C3:D5');
    expect(shiftArea('C3:C5', del(3))).toBeNull();
    expect(shiftArea('C:C', del(3))).toBeNull();
    expect(shiftSqref('C3:C5 E1 A1:F1', del(3))).toBe('D1 A1:E1');
    expect(shiftSqref('C3', del(3))).toBeNull();
  });
  test('insert then delete of the same column gives the ranges back', () => {
    for (const area of ['A10:N412', 'C1:E5', 'A1:B5', '$D$4', 'L:L']) expect(shiftArea(shiftArea(area, ins(12))!, del(12))).toBe(area);
  });
});

describe('formulas', () => {
  test('relative and absolute references both move [ins][abs]', () => {
    expect(shiftFormula('=IFERROR(E15/$D15,"")', 'S', ins(3))).toBe('=IFERROR(F15/$E15,"")');
    expect(shiftFormula('=$C$1+C1+B1', 'S', ins(3))).toBe('=$D$1+D1+B1');
    expect(shiftFormula('SUM(A1:D1)+B2', 'S', ins(3))).toBe('SUM(A1:E1)+B2');
  });
  test('sheet-qualified: the shifted sheet moves (names compare case-insensitively), others stay', () => {
    expect(shiftFormula("='S'!C1+Other!C1", 'T', ins(3))).toBe("='S'!D1+Other!C1");
    expect(shiftFormula('=s!C1', 'T', ins(3))).toBe('=s!D1');
    expect(shiftFormula("='R6 実績''s'!C1+C1", 'T', ins(3, "R6 実績's"))).toBe("='R6 実績''s'!D1+C1");
    expect(shiftFormula('=進捗!C1', 'T', ins(3, '進捗'))).toBe('=進捗!D1');
    expect(shiftFormula('=Other!C1+C1', 'S', ins(3))).toBe('=Other!C1+D1');
  });
  test('string literals, function names and defined names are no references', () => {
    expect(shiftFormula('="C1"&C1&"say ""D1"""', 'S', ins(3))).toBe('="C1"&D1&"say ""D1"""');
    expect(shiftFormula('=LOG10(C2)+ATAN2(1,2)', 'S', ins(3))).toBe('=LOG10(D2)+ATAN2(1,2)');
    expect(shiftFormula('=Rate2024*C1+_xlfn.XLOOKUP(C1,TAXES1,C:C)', 'S', ins(3))).toBe('=Rate2024*D1+_xlfn.XLOOKUP(D1,TAXES1,D:D)');
    // XFE1 is past the last column (XFD): a name, not a cell; XFC1 moves onto the last column
    expect(shiftFormula('=XFE1+XFC1', 'S', ins(3))).toBe('=XFE1+XFD1');
    expect(shiftFormula('=TRUE+1.5E+3+C1', 'S', ins(3))).toBe('=TRUE+1.5E+3+D1');
  });
  test('structured references, other workbooks and 3-D references are left alone', () => {
    expect(shiftFormula('=表1[[#This Row],[C1]]+SUM(表1[C1])+C1', 'S', ins(3))).toBe('=表1[[#This Row],[C1]]+SUM(表1[C1])+D1');
    expect(shiftFormula("=[1]S!C1+'[2]S'!C1+'[Book.xlsx]S'!C1", 'S', ins(3))).toBe("=[1]S!C1+'[2]S'!C1+'[Book.xlsx]S'!C1");
    expect(shiftFormula("=SUM(S:T!C1)+SUM('S:T'!C1)", 'S', ins(3))).toBe("=SUM(S:T!C1)+SUM('S:T'!C1)");
  });
  test('whole rows do not move with columns; whole columns do', () => {
    expect(shiftFormula('=SUM(S!$1:$3)+COUNT(C:C)', 'S', ins(3))).toBe('=SUM(S!$1:$3)+COUNT(D:D)');
  });
  test('deleting a referenced column gives #REF! (keeping its sheet), ranges narrow [ref][name]', () => {
    expect(shiftFormula('=C1+D1', 'S', del(3))).toBe('=#REF!+C1');
    expect(shiftFormula('=SUM(B1:D1)', 'S', del(3))).toBe('=SUM(B1:C1)');
    expect(shiftFormula("='S'!$C$3:$C$9", 'T', del(3))).toBe("='S'!#REF!");
    expect(shiftFormula('=S!#REF!+S!E1', 'T', del(3))).toBe('=S!#REF!+S!D1');
  });
  test('print titles: column part moves, row part stays', () => {
    expect(shiftFormula("'S'!$B:$C,'S'!$1:$3", '', ins(2))).toBe("'S'!$C:$D,'S'!$1:$3");
  });
  test('translate copies relative parts only', () => {
    expect(translateFormula('=IFERROR(E15/$D15,"")', 1)).toBe('=IFERROR(F15/$D15,"")');
    expect(translateFormula('=E15/E$14+S!A1', 0, 2)).toBe('=E17/E$14+S!A3');
    expect(translateFormula('="E15"&LOG10(E15)', 1)).toBe('="E15"&LOG10(F15)');
  });
});
