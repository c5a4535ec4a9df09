/**
 * How a sheet the add-in writes (点検結果, KPI定義) prints, in Excel: the plan's PrintLayout set through
 * Worksheet.pageLayout (ExcelApi 1.9; https://learn.microsoft.com/javascript/api/excel/excel.pagelayout),
 * queued with the apply's writes — no load, no sync of its own. Below 1.9 only the wrapped text is set
 * (Range.format, ExcelApi 1.1) and the pane says once that the page setup is left to the user
 * (capability.print-layout). The .xlsx host writes the same setup (src/xlsx/apply.ts).
 */
import type { PrintLayout } from '../core/plan';

/**
 * A header or footer section holds at most 255 characters (Excel's page setup dialog refuses longer
 * text; the Office.js reference is silent, the double refuses it as the stricter reading).
 */
export const HEADER_MAX = 255;

/** Text for a header section: "&" starts a format code (HeaderFooter.leftHeader links Excel's format codes), so it is doubled; cut to fit. */
export function headerText(text: string): string {
  let out = '';
  for (const ch of text) {
    const next = ch === '&' ? '&&' : ch;
    if (out.length + next.length > HEADER_MAX) break;
    out += next;
  }
  return out;
}

/** Request bytes of the queued page setup (a handful of property sets), for the apply's batching. */
export function printLayoutBytes(print: PrintLayout): number {
  return 1500 + (print.header?.length ?? 0) * 3 + print.wrapColumns.length * 300;
}

/**
 * Queues the page setup of a new sheet of `rows` rows. `printLayout`: this Excel has ExcelApi 1.9
 * (Worksheet.pageLayout); without it only the wrapping is set.
 */
export function queuePrintLayout(ws: Excel.Worksheet, print: PrintLayout, rows: number, printLayout: boolean): void {
  // Long texts wrap and sit at the top of their cell, on screen as on paper (Range.format, ExcelApi 1.1).
  if (rows >= print.wrapFrom) {
    for (const col of print.wrapColumns) {
      const format = ws.getRangeByIndexes(print.wrapFrom - 1, col - 1, rows - print.wrapFrom + 1, 1).format;
      format.wrapText = true;
      format.verticalAlignment = 'Top';
    }
  }
  if (!printLayout) return;
  const layout = ws.pageLayout;
  layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.paperSize = print.paper;
  if (print.fitToWidth) {
    // One page wide, as many tall as needed. Both counts are given: with horizontalFitToPages alone
    // Excel may leave the scaling unset (OfficeDev/office-js#1860). 0 pages tall is "automatic", as in
    // the file format's fitToHeight="0" (ECMA-376 Part 1, 18.3.1.63 pageSetup).
    layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  }
  // "The range must span the entire row to be valid" (@types/office-js, PageLayout.setPrintTitleRows).
  if (print.repeatRows) layout.setPrintTitleRows(`$${print.repeatRows[0]}:$${print.repeatRows[1]}`);
  layout.setPrintMargins('Inches', { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 });
  // The general header/footer is used on every page unless first/even pages are set (HeaderFooterGroup.defaultForAllPages).
  const all = layout.headersFooters.defaultForAllPages;
  if (print.header) all.leftHeader = headerText(print.header);
  all.centerFooter = '&P / &N';
}
