/**
 * Manual page breaks so that a printed KPI table is not cut across pages: Excel and LibreOffice
 * break wherever a page is full. A unit is a run of rows kept together (headings and their table).
 */
import type ExcelJS from 'exceljs';

export interface PrintUnit {
  /** First row of the unit (its heading); the break goes after the row before it. */
  row: number;
  /** Always start this unit on a new page. */
  forced: boolean;
}

/** Default row height in points when a row has none set. */
const DEFAULT_ROW_POINTS = 15;

/**
 * Printable A4-landscape height in row points at fit-to-width scale, for a sheet `widthUnits`
 * character units wide, by Excel's metric (a unit is 7 px with Calibri 11, plus 5 px per column):
 * page 595 pt minus 72 pt of margins. LibreOffice scales smaller (about 0.61 instead of 0.83 here),
 * so its pages look less full; breaking by Excel's larger scale cuts a table in neither.
 */
export function pageCapacity(widthUnits: number, columns: number): number {
  const sheetPoints = (widthUnits * 7 + columns * 5) * 0.75;
  const scale = Math.min(1, (841.9 - 57.6) / sheetPoints);
  return ((595.3 - 72) / scale) * 0.95;
}

export function addPageBreaks(ws: ExcelJS.Worksheet, units: PrintUnit[], lastRow: number, capacity: number): number {
  const height = (r: number) => ws.getRow(r).height ?? DEFAULT_ROW_POINTS;
  const span = (from: number, to: number) => {
    let sum = 0;
    for (let r = from; r < to; r++) sum += height(r);
    return sum;
  };
  let used = span(1, units[0]?.row ?? lastRow + 1);
  let breaks = 0;
  units.forEach((unit, i) => {
    const size = span(unit.row, units[i + 1]?.row ?? lastRow + 1);
    if (unit.forced || (used > 0 && used + size > capacity)) {
      ws.getRow(unit.row - 1).addPageBreak();
      breaks++;
      used = 0;
    }
    used += size;
  });
  return breaks;
}
