/** The product's own sheets. (Workbooks are read into a PlanInput by the app layer: src/app/load.ts.) */
import { DEFINITIONS_SHEET } from '../definitions';
import { UNDO_SHEET } from '../undo';
import { REQUEST_SHEET, ROUND_SHEET } from '../compare/round';

/** Sheets the product writes itself: never recognised as progress sheets. */
export const REPORT_SHEET = '点検結果';
export const OWN_SHEETS = [UNDO_SHEET, DEFINITIONS_SHEET, REPORT_SHEET, REQUEST_SHEET, ROUND_SHEET];
