/**
 * One department's copy of the master for the yearly round (issue #17): the whole workbook, a first
 * sheet 「記入のお願い」, the round record (veryHidden), the department's rows highlighted, every progress
 * sheet protected with only the department's cells of the round unlocked. Browser-safe (pane and CLI).
 */
import { setSheetOrder } from './exceljs-internals';
import type ExcelJS from 'exceljs';
import type { Lang } from '../core/findings';
import type { ProgressModel } from '../core/model';
import {
  REQUEST_SHEET, ROUND_HIGHLIGHT, ROUND_SHEET, requestSheetRows, roundRecordRows, type DepartmentShare, type RoundRecord,
} from '../core/compare/round';
import { setStyle } from './cell-io';
import { XlsxHost } from './host';

export interface CopyOptions {
  lang: Lang;
  /** Sheet protection password; none by default (protection guards against slips, not people). */
  password?: string;
}

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/** Puts a sheet first in the tab order (exceljs orders worksheets by orderNo). */
function moveFirst(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet): void {
  const others = wb.worksheets.filter((w) => w !== ws);
  setSheetOrder(ws, 0);
  others.forEach((w, i) => setSheetOrder(w, i + 1));
}

export async function writeRoundCopy(master: Uint8Array, model: ProgressModel, share: DepartmentShare, record: RoundRecord, options: CopyOptions): Promise<Uint8Array> {
  const host = await XlsxHost.fromBuffer(master);
  const wb = host.workbook;
  for (const name of [REQUEST_SHEET, ROUND_SHEET]) {
    const old = wb.getWorksheet(name);
    if (old) wb.removeWorksheet(old.id);
  }
  const request = wb.addWorksheet(REQUEST_SHEET);
  requestSheetRows(share, record, options.lang).forEach((row, i) => row.forEach((v, j) => (request.getCell(i + 1, j + 1).value = v)));
  request.getCell(1, 1).font = { bold: true, size: 14 };
  [18, 10, 60, 16].forEach((w, i) => (request.getColumn(i + 1).width = w));
  moveFirst(wb, request);
  const rec = wb.addWorksheet(ROUND_SHEET, { state: 'veryHidden' });
  roundRecordRows(record).forEach((row, i) => row.forEach((v, j) => (rec.getCell(i + 1, j + 1).value = v)));

  const fill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(ROUND_HIGHLIGHT) } };
  for (const r of share.rows) {
    const ws = wb.getWorksheet(r.sheet);
    if (!ws) continue;
    for (let row = r.firstRow; row <= r.lastRow; row++) for (let col = r.firstCol; col <= r.lastCol; col++) setStyle(ws.getCell(row, col), { fill });
  }
  for (const c of share.cells) {
    const ws = wb.getWorksheet(c.sheet);
    if (ws) setStyle(ws.getCell(c.row, c.col), { protection: { locked: false } });
  }
  for (const s of model.sheets) {
    const ws = wb.getWorksheet(s.sheet);
    // Formats, widths and filters stay usable; cells stay selectable; rows cannot be inserted or deleted.
    if (ws) await ws.protect(options.password ?? '', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true });
  }
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  // built on the exceljs model directly (sheets reordered, protection set), not by an edit plan
  host.modelEdited();
  return host.toBuffer();
}
