/**
 * Opening workbook bytes with one clear sentence when they are not a readable .xlsx: an encrypted
 * workbook, an old .xls, a CSV renamed .xlsx, a truncated download. Browser-safe (no Node APIs).
 */
import type ExcelJS from 'exceljs';
import { Workbook } from './exceljs-workbook';
import { sniffWorkbook, WorkbookLoadError } from './sniff';
import { useLinearMergeLoad } from './linear-merges';
import { exceljsView } from './exceljs-view';
import { keepLocationLinks } from './exceljs-internals';

const LOCATION_LINKS = Symbol.for('kpi-progress.locationLinks');

export { sniffWorkbook, WorkbookLoadError, type WorkbookProblem } from './sniff';

/** Loads an .xlsx from bytes, or throws WorkbookLoadError with a one-sentence reason. */
export async function loadWorkbookBytes(bytes: Uint8Array, name = 'ファイル'): Promise<ExcelJS.Workbook> {
  const problem = sniffWorkbook(bytes, name);
  if (problem) throw problem;
  useLinearMergeLoad(); // exceljs's own merge step is quadratic in a sheet's merged areas
  keepLocationLinks(LOCATION_LINKS); // the host puts back the links exceljs parses and then drops
  let wb = new Workbook();
  try {
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      // written by another tool (openpyxl …): exceljs reads it once its notes and drawings are where it looks
      wb = new Workbook();
      await wb.xlsx.load((await exceljsView(bytes)) as unknown as ArrayBuffer);
    }
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0].slice(0, 120) : String(e);
    throw new WorkbookLoadError('corrupt', 'file.corrupt', { name, detail });
  }
  return wb;
}
