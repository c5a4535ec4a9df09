/**
 * Node only: exceljs's own rules for what a loaded cell holds (exceljs 4.4.0, pinned in package.json),
 * taken from its files rather than copied, so that the read-only reader (./read.ts) decides exactly as
 * exceljs's load does: which number formats make a number a Date (`utils.isDateFmt`) and the Date made
 * (`utils.excelToDate`), the second entity decoding of `t="str"` texts and sheet names
 * (`utils.xmlDecode`), the built-in number formats (`xlsx/defaultnumformats`) and a shared formula
 * moved to another cell (`utils/shared-formula` slideFormula, what `cell.formula` answers).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- exceljs's lib files (no types) */
const utils = require('exceljs/lib/utils/utils') as {
  isDateFmt(fmt: string | undefined): boolean;
  excelToDate(v: unknown, date1904: boolean): Date;
  xmlDecode(text: string): string;
};
const defaults = require('exceljs/lib/xlsx/defaultnumformats') as Record<number, { f?: string } | undefined>;
const { slideFormula } = require('exceljs/lib/utils/shared-formula') as { slideFormula(formula: string, from: string, to: string): string };
/* eslint-enable @typescript-eslint/no-require-imports */

export const isDateFmt = utils.isDateFmt;
export const excelToDate = utils.excelToDate;
export const xmlDecode = utils.xmlDecode;
export { slideFormula };

/** The code of a built-in number format id (exceljs's NumFmtXform.getDefaultFmtCode), or undefined. */
export function defaultFmtCode(id: number): string | undefined {
  const d = defaults[id];
  return d && d.f;
}
