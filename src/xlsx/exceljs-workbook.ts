/**
 * exceljs's Workbook class, the one part of exceljs the app constructs (opening a file, the adapter's
 * prototype checks). In Node only exceljs's document model is loaded (`exceljs/lib/doc/workbook` of
 * exceljs 4.4.0, which package.json pins), not the package's main, which also loads the
 * streaming reader and writer: about 0.2 s of CPU at every CLI start that nothing here uses. The web
 * bundle takes exceljs-workbook.web.ts instead (webpack.config.js), exceljs's browser build. In Node the
 * package's parts are inflated by zlib instead of JSZip's pako (native-inflate.ts), and exceljs's step
 * for each cell skips the link and note lookups of sheets without any (cell-reconcile.ts), and its step
 * for each row reads plain cell addresses without decoding them into throw-away objects (row-model.ts).
 */
import type ExcelJS from 'exceljs';
import { useNativeInflate } from './native-inflate';
import { useQuickCellReconcile } from './cell-reconcile';
import { useQuickRowModel } from './row-model';

useNativeInflate();
useQuickCellReconcile();
useQuickRowModel();

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a file of the package, which ships no types for it
export const Workbook = require('exceljs/lib/doc/workbook') as typeof ExcelJS.Workbook;
