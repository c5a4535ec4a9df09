/**
 * exceljs's cell step without the link and note lookups on sheets that have neither
 * (src/xlsx/cell-reconcile.ts) loads every sheet exactly as exceljs's own step: values, shared
 * formulas and their masters, links, notes, styles.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { ORIGINAL, useQuickCellReconcile } from '../../src/xlsx/cell-reconcile';
import { loadWorkbookBytes } from '../../src/xlsx/load';
import { XlsxHost } from '../../src/xlsx/host';
import { ROOT } from '../support/sample';
import { FAMILIES, familyBuffer, type FamilyName } from '../support/families/build';
import { buildWorkbook, fuzzCaseArb, mutatedGrid } from '../fuzz/mutate';
import { loadSampleGrid } from '../fuzz/properties';

useQuickCellReconcile();

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the prototype the step lives on
const cellXform = require('exceljs/lib/xlsx/xform/sheet/cell-xform').prototype as { reconcile: unknown; [ORIGINAL]?: unknown };

/** Every sheet's model as exceljs holds it after loading the bytes, as JSON. */
async function loaded(bytes: Uint8Array): Promise<string> {
  const wb = await loadWorkbookBytes(bytes, 'x.xlsx');
  return JSON.stringify(wb.worksheets.map((ws) => ({ name: ws.name, model: ws.model })));
}

/** The same with exceljs's own cell step. */
async function loadedByExceljs(bytes: Uint8Array): Promise<string> {
  const quick = cellXform.reconcile;
  cellXform.reconcile = cellXform[ORIGINAL];
  try {
    return await loaded(bytes);
  } finally {
    cellXform.reconcile = quick;
  }
}

/** Shared formulas on a sheet without links or notes, one with links, one with notes, one with both. */
async function mixedBook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const name of ['plain', 'links', 'notes', 'both']) {
    const ws = wb.addWorksheet(name);
    for (let r = 1; r <= 6; r++) {
      ws.getCell(r, 1).value = r * 3;
      ws.getCell(r, 3).value = `text ${r}`;
    }
    ws.getCell('B1').value = { formula: 'A1*2', shareType: 'shared', ref: 'B1:B6', result: 6 } as ExcelJS.CellValue;
    for (let r = 2; r <= 6; r++) ws.getCell(r, 2).value = { sharedFormula: 'B1', result: r * 6 } as ExcelJS.CellValue;
    ws.getCell('D1').value = { formula: 'SUM(A1:A6)', result: 63 };
    ws.getCell('E1').value = new Date(Date.UTC(2020, 3, 1));
    ws.getCell('E1').numFmt = 'yyyy/mm/dd';
    if (name === 'links' || name === 'both') {
      ws.getCell('C2').value = { text: 'site', hyperlink: 'https://example.jp/' };
      ws.getCell('B3').value = { text: 'B3 link', hyperlink: 'https://example.jp/b3' };
    }
    if (name === 'notes' || name === 'both') {
      ws.getCell('C4').note = 'a note';
      ws.getCell('B5').note = 'a note on a shared formula';
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test('the quick step is installed and keeps exceljs\'s own', () => {
  expect(typeof cellXform[ORIGINAL]).toBe('function');
  expect(cellXform.reconcile).not.toBe(cellXform[ORIGINAL]);
});

test('shared formulas, links, notes and dates load as with exceljs\'s own step', async () => {
  const bytes = await mixedBook();
  const ours = await loaded(bytes);
  expect(ours).toBe(await loadedByExceljs(bytes));
  // the case the quick step takes: a shared formula's master noted at its own address
  const wb = await loadWorkbookBytes(bytes, 'x.xlsx');
  const plain = wb.getWorksheet('plain')!;
  expect(plain.getCell('B4').formula).toBe('A4*2');
  expect(wb.getWorksheet('links')!.getCell('C2').hyperlink).toBe('https://example.jp/');
  expect(wb.getWorksheet('notes')!.getCell('C4').note).toBe('a note');
});

test('the sample workbooks, the layout families and fuzz workbooks load as with exceljs\'s own step', async () => {
  const books: Uint8Array[] = ['progress-sheet', 'progress-sheet-blank-r2', 'management-sheets'].map((f) => new Uint8Array(readFileSync(join(ROOT, `assets/sample/${f}.xlsx`))));
  for (const f of Object.keys(FAMILIES) as FamilyName[]) books.push(new Uint8Array(await familyBuffer(f)));
  const grid = await loadSampleGrid();
  for (const c of fc.sample(fuzzCaseArb, { numRuns: 8, seed: 29 })) {
    books.push(await XlsxHost.fromWorkbook(buildWorkbook(mutatedGrid(grid, c), c.management, c.secondSheet)).toBuffer());
  }
  for (const bytes of books) expect(await loaded(bytes)).toBe(await loadedByExceljs(bytes));
}, 120_000);
