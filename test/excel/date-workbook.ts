/** A small workbook with dates (a plain and a Japanese-era format) and a number with a unit format. */
import ExcelJS from 'exceljs';

export function dateWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('日付');
  ws.getCell('A1').value = new Date(Date.UTC(2024, 3, 1));
  ws.getCell('A1').numFmt = 'yyyy/m/d';
  ws.getCell('B1').value = 26;
  ws.getCell('B1').numFmt = '#,##0"件"';
  ws.getCell('C1').value = new Date(Date.UTC(2025, 2, 31));
  ws.getCell('C1').numFmt = '[$-ja-JP]ggge"年"m"月"d"日"';
  return wb;
}
