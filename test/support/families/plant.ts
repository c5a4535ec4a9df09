/** Changes planted in a layout family's workbook for the edition comparison (issue #15). */
import type ExcelJS from 'exceljs';
import { cellAddress } from '../../../src/core/snapshot';
import { targetCell } from '../../../src/core/cells';
import type { modelOf } from '../editions';

/** Plants a revised actual and a changed target in the family's workbook; returns "rule sheet!cell" of each. */
export function plantFamilyChanges(wb: ExcelJS.Workbook, prev: ReturnType<typeof modelOf>): string[] {
  const kpis = prev.sheets.flatMap((s) => s.kpis);
  const bump = (sheet: string, row: number, col: number) => {
    const cell = wb.getWorksheet(sheet)!.getCell(row, col);
    const v = cell.value;
    cell.value = typeof v === 'number' ? v + 1 : String(v).replace(/\d+/, (d) => String(Number(d) + 1));
  };
  const withActual = kpis.find((k) => k.actuals.values.some((a) => a.kind === 'number'))!;
  const actual = withActual.actuals.cell(withActual.actuals.years.find((y) => withActual.actuals.get(y)!.kind === 'number')!);
  bump(withActual.sheet, actual.row, actual.col);
  // a target in a cell of its own (side by side, the last year's target is also a year's cell)
  const withTarget = kpis.find((k) => k !== withActual && k.target.parsed?.kind === 'number' && targetCell(k) && !k.actuals.years.some((y) => k.actuals.colOf(y) === targetCell(k)!.col))!;
  const p = targetCell(withTarget)!;
  bump(withTarget.sheet, p.row, p.col);
  return [`actual-revised ${withActual.sheet}!${cellAddress(actual.row, actual.col)}`, `target-changed ${withTarget.sheet}!${cellAddress(p.row, p.col)}`];
}

