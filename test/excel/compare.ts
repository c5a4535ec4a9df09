/** Comparing the double's grid with a workbook from the .xlsx host, cell by cell. */
import type ExcelJS from 'exceljs';
import { diffWorkbooks, type DiffOptions } from '../support/workbook-diff';
import type { FakeExcel } from '../support/fake-excel';
import type { GridSnapshot } from '../../src/core/snapshot';

/**
 * diffWorkbooks of the double's grid against `other`. The double does not calculate, so a formula it
 * holds without a result takes the other side's cached result when both hold the same formula; and
 * Excel has no empty text, so an empty cell equals a cell holding "" in the .xlsx file.
 */
export async function diffWithXlsx(excel: FakeExcel, other: ExcelJS.Workbook, options: DiffOptions = {}): Promise<string[]> {
  const mine = excel.model.toExcelJs();
  for (const ws of mine.worksheets) {
    const theirs = other.getWorksheet(ws.name);
    if (!theirs) continue;
    theirs.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value === '' && ws.getCell(cell.address).value === null) ws.getCell(cell.address).value = '';
      }),
    );
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as ExcelJS.CellFormulaValue | null;
        if (!v || typeof v !== 'object' || !('formula' in v) || v.result !== undefined) return;
        const o = theirs.getCell(cell.address);
        if (o.formula === v.formula) cell.value = { formula: v.formula, result: (o.value as ExcelJS.CellFormulaValue).result } as ExcelJS.CellFormulaValue;
      }),
    );
  }
  return diffWorkbooks(mine, other, { limit: 10, ...options });
}

/**
 * A snapshot as the Excel host reads it, for comparing with the .xlsx host's: (1) fills and links are
 * not in readSnapshot (ExcelHost.readExtras gives them for the cells planners read); (2) number
 * formats are read only for formula and number cells — the core reads formats of numbers only
 * (units, percentages, dates, zero-padded sheet numbers), so a text or empty cell's format is null.
 */
export function asExcelReads(s: GridSnapshot): GridSnapshot {
  const numberFormats = s.numberFormats.map((line, r) => line.map((f, c) => (typeof s.values[r]?.[c] === 'number' || s.formulas[r]?.[c] ? f : null)));
  const notes = Object.entries(s.extras ?? {}).filter(([, e]) => e.note !== undefined).map(([k, e]) => [k, { note: e.note }]);
  const rest: GridSnapshot = { ...s, numberFormats };
  delete rest.extras;
  return notes.length ? { ...rest, extras: Object.fromEntries(notes) } : rest;
}
