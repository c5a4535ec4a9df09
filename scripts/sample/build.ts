/** Builds both sample workbooks from the published table text; used by `npm run sample` and the test. */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { createRequire } from 'module';
import { join } from 'path';
import { parseProgressTable, type ParsedTable } from './parse-table';
import { addProgressSheet } from './progress-sheet';
import { addManagementSheet, managementSheetsOf } from './management-sheets';
import { SAMPLE_DATE, setFixedProperties } from './style';

export const SAMPLE_DATA = join(__dirname, '..', '..', 'data', 'ojiya-progress-table-r2.txt');
export const SAMPLE_DIR = join(__dirname, '..', '..', 'assets', 'sample');
export const PROGRESS_FILE = 'progress-sheet.xlsx';
export const MANAGEMENT_FILE = 'management-sheets.xlsx';
/** The sample with its R2 達成率 cells left blank: 達成率を記入 has work to do in the preview. */
export const BLANK_R2_FILE = 'progress-sheet-blank-r2.xlsx';

export function readSampleTable(path = SAMPLE_DATA): ParsedTable {
  return parseProgressTable(readFileSync(path, 'utf8'));
}

export function progressWorkbook(table: ParsedTable): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  setFixedProperties(wb);
  addProgressSheet(wb, table);
  return wb;
}

export function managementWorkbook(table: ParsedTable): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  setFixedProperties(wb);
  for (const m of managementSheetsOf(table)) addManagementSheet(wb, m);
  return wb;
}

/** The progress workbook as a clerk has it before filling R2's rates: the R2 cells of every 達成率 row empty. */
export function blankR2Workbook(table: ParsedTable): ExcelJS.Workbook {
  const wb = progressWorkbook(table);
  const ws = wb.worksheets[0];
  let r2: number | null = null;
  ws.eachRow((row) => {
    row.eachCell((cell, col) => {
      if (cell.value === 'R2') r2 = col;
    });
    if (r2 !== null && row.getCell(2).value === '達成率') row.getCell(r2).value = null;
  });
  return wb;
}

/** Writes the workbooks into `outDir`; returns the paths written. */
export async function buildSamples(outDir: string, dataPath = SAMPLE_DATA): Promise<string[]> {
  const table = readSampleTable(dataPath);
  const out: string[] = [];
  for (const [file, wb] of [
    [PROGRESS_FILE, progressWorkbook(table)],
    [MANAGEMENT_FILE, managementWorkbook(table)],
    [BLANK_R2_FILE, blankR2Workbook(table)],
  ] as const) {
    const path = join(outDir, file);
    await withFixedZipDates(() => wb.xlsx.writeFile(path));
    out.push(path);
  }
  return out;
}

/**
 * exceljs zips with the JSZip it depends on, which stamps every entry with the current time;
 * pinning JSZip's default date makes the files byte-identical run after run (clean git diffs).
 */
async function withFixedZipDates<T>(write: () => Promise<T>): Promise<T> {
  const jszip = createRequire(require.resolve('exceljs'))('jszip') as { defaults: { date: Date | null } };
  const before = jszip.defaults.date;
  jszip.defaults.date = SAMPLE_DATE;
  try {
    return await write();
  } finally {
    jszip.defaults.date = before;
  }
}
