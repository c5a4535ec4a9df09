/**
 * The web bundle's exceljs-workbook.ts (webpack.config.js swaps them): the Workbook of exceljs's
 * browser build, which is one file holding all of exceljs anyway.
 */
import ExcelJS from 'exceljs';

export const Workbook = ExcelJS.Workbook;
