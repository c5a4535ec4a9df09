/** Comparing the double's grid with a workbook from the .xlsx host, cell by cell. */
import type ExcelJS from 'exceljs';
import { diffWorkbooks, type DiffOptions } from '../support/workbook-diff';
import type { FakeExcel } from '../support/fake-excel';

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
