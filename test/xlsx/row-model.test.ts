/**
 * exceljs's row step without decodeAddress for plain addresses (src/xlsx/row-model.ts) loads every
 * sheet exactly as exceljs's own step: cells at their columns with their values, formulas, styles and
 * addresses, row heights, hidden rows, outline levels and row styles; rows it does not take (a cell
 * without an address, `$A$1`) go through exceljs's step.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fc from 'fast-check';
import { ORIGINAL, plainColumn, useQuickRowModel } from '../../src/xlsx/row-model';
import { loadWorkbookBytes } from '../../src/xlsx/load';
import { XlsxHost } from '../../src/xlsx/host';
import { ROOT } from '../support/sample';
import { FAMILIES, familyBuffer, type FamilyName } from '../support/families/build';
import { buildWorkbook, fuzzCaseArb, mutatedGrid } from '../fuzz/mutate';
import { loadSampleGrid } from '../fuzz/properties';

useQuickRowModel();

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the prototype the step lives on
const rowPrototype = require('exceljs/lib/doc/row').prototype as { [ORIGINAL]?: PropertyDescriptor };

interface RowInside {
  _cells: (ExcelJS.Cell | undefined)[];
  height?: number;
  hidden: boolean;
  outlineLevel: number;
  style: unknown;
}

/** Every sheet as exceljs holds it after loading the bytes: its model, and each row's cells by column with their address, type, value and style. */
async function loaded(bytes: Uint8Array): Promise<string> {
  const wb = await loadWorkbookBytes(bytes, 'x.xlsx');
  return JSON.stringify(
    wb.worksheets.map((ws) => {
      const rows: unknown[] = [];
      ws.eachRow({ includeEmpty: true }, (row, n) => {
        const inside = row as unknown as RowInside;
        rows.push([n, inside.height ?? 'none', inside.hidden, inside.outlineLevel, inside.style, inside._cells.map((c) => (c ? [c.address, c.col, c.type, c.value, c.formula, c.style] : null))]);
      });
      return { name: ws.name, model: ws.model, rows };
    }),
  );
}

/** The same with exceljs's own row step. */
async function loadedByExceljs(bytes: Uint8Array): Promise<string> {
  const quick = Object.getOwnPropertyDescriptor(rowPrototype, 'model')!;
  Object.defineProperty(rowPrototype, 'model', rowPrototype[ORIGINAL]!);
  try {
    return await loaded(bytes);
  } finally {
    Object.defineProperty(rowPrototype, 'model', quick);
  }
}

/** Values of every kind, merged cells, a tall hidden row with a style, an outline level. */
async function mixedBook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('mixed');
  for (let r = 1; r <= 6; r++) {
    ws.getCell(r, 1).value = r * 3;
    ws.getCell(r, 3).value = `text ${r}`;
  }
  ws.getCell('B1').value = { formula: 'A1*2', shareType: 'shared', ref: 'B1:B6', result: 6 } as ExcelJS.CellValue;
  for (let r = 2; r <= 6; r++) ws.getCell(r, 2).value = { sharedFormula: 'B1', result: r * 6 } as ExcelJS.CellValue;
  ws.getCell('D1').value = { richText: [{ text: '実績' }, { text: '値', font: { bold: true } }] };
  ws.getCell('E1').value = new Date(Date.UTC(2020, 3, 1));
  ws.getCell('E1').numFmt = 'yyyy/mm/dd';
  ws.getCell('F1').value = true;
  ws.getCell('G1').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
  ws.getCell('AB2').value = { text: 'site', hyperlink: 'https://example.jp/' };
  ws.getCell('XFD3').value = 'last column';
  ws.mergeCells('H1:J2');
  ws.getCell('H1').value = 'merged';
  ws.getRow(4).height = 30;
  ws.getRow(4).hidden = true;
  ws.getRow(4).font = { bold: true };
  ws.getRow(5).outlineLevel = 1;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The sheet XML of `bytes` changed by `edit` (cells without an address, or with `$`). */
async function withSheetXml(bytes: Uint8Array, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const part = 'xl/worksheets/sheet1.xml';
  zip.file(part, edit(await zip.file(part)!.async('string')));
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}

test('the quick step is installed and keeps exceljs\'s own', () => {
  expect(rowPrototype[ORIGINAL]?.set).toBeInstanceOf(Function);
  expect(Object.getOwnPropertyDescriptor(rowPrototype, 'model')!.set).not.toBe(rowPrototype[ORIGINAL]!.set);
});

test('plain addresses give their column; anything else is left to exceljs', () => {
  expect(plainColumn('A1')).toBe(1);
  expect(plainColumn('AB12')).toBe(28);
  expect(plainColumn('XFD1048576')).toBe(16384);
  expect(plainColumn('A01')).toBe(1);
  for (const other of ['XFE1', '$A$1', 'A$1', 'a1', 'A', '1', '', 'A1B', 'Ａ1']) expect(plainColumn(other)).toBe(0);
});

test('values of every kind, merges and row settings load as with exceljs\'s own step', async () => {
  const bytes = await mixedBook();
  const ours = await loaded(bytes);
  expect(ours).toBe(await loadedByExceljs(bytes));
  const ws = (await loadWorkbookBytes(bytes, 'x.xlsx')).getWorksheet('mixed')!;
  expect(ws.getCell('B4').formula).toBe('A4*2');
  expect(ws.getCell('AB2').address).toBe('AB2');
  expect(ws.getCell('XFD3').value).toBe('last column');
  expect(ws.getRow(4).hidden).toBe(true);
  expect(ws.getRow(4).height).toBe(30);
});

test('rows with a cell without an address, or with $ in one, load as with exceljs\'s own step', async () => {
  const bytes = await mixedBook();
  const noAddress = await withSheetXml(bytes, (xml) => xml.replace(/<c r="C2"/, '<c'));
  const dollar = await withSheetXml(bytes, (xml) => xml.replace(/<c r="C3"/, '<c r="$C$3"'));
  expect(noAddress).not.toEqual(bytes);
  expect(dollar).not.toEqual(bytes);
  for (const b of [noAddress, dollar]) expect(await loaded(b)).toBe(await loadedByExceljs(b));
  expect((await loadWorkbookBytes(noAddress, 'x.xlsx')).getWorksheet('mixed')!.getCell('C2').value).toBe('text 2');
});

test('the sample workbooks, the layout families and fuzz workbooks load as with exceljs\'s own step', async () => {
  const books: Uint8Array[] = ['progress-sheet', 'progress-sheet-blank-r2', 'management-sheets'].map((f) => new Uint8Array(readFileSync(join(ROOT, `assets/sample/${f}.xlsx`))));
  for (const f of Object.keys(FAMILIES) as FamilyName[]) books.push(new Uint8Array(await familyBuffer(f)));
  const grid = await loadSampleGrid();
  for (const c of fc.sample(fuzzCaseArb, { numRuns: 8, seed: 31 })) {
    books.push(await XlsxHost.fromWorkbook(buildWorkbook(mutatedGrid(grid, c), c.management, c.secondSheet)).toBuffer());
  }
  for (const bytes of books) expect(await loaded(bytes)).toBe(await loadedByExceljs(bytes));
}, 120_000);
