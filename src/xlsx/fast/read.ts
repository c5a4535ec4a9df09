/**
 * The read-only reader: an .xlsx's sheets and their snapshots (without extras) read from the package
 * directly, identical in every field to what the exceljs host reads (src/xlsx/host.ts with
 * snapshotFromWorksheet), or Unread when the package holds anything it does not read exactly so.
 *
 * Why a reader of our own: `kpi-progress check` only reads, yet opening through exceljs builds a Row,
 * a Cell and a value object per cell, a style per cell and its merge bookkeeping, and the snapshot then
 * reads them back: for the 10,000-KPI sheet (328,000 cells) about 1.9 s of check's 3.6 s of CPU, 49
 * collections on the main thread. Patching exceljs's steps one by one (row-model.ts, cell-reconcile.ts,
 * linear-merges.ts) took that down only so far; reading the parts straight into the snapshot builds
 * none of those objects (figures in the commit that made this). exceljs stays for writing and for every
 * workbook this reader leaves to it, so the output cannot differ: test/xlsx/fast-read.test.ts reads
 * fixtures, samples and generated workbooks both ways and compares the snapshots.
 */
import type { SheetInfo } from '../../core/host';
import type { GridSnapshot } from '../../core/snapshot';
import { readBook, readRels, readSharedStrings, readStyles, type BookSheet } from './book';
import { unread } from './fallback';
import { readSheet, type SheetContext } from './sheet';
import { ZipParts } from './zip';

export { Unread } from './fallback';

export interface FastWorkbook {
  sheets: SheetInfo[];
  /** The sheet's snapshot without extras; each is read once, when first asked for. */
  snapshot(name: string): GridSnapshot | undefined;
}

function relsOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

/**
 * Reads every sheet of the package (so that one the reader leaves to exceljs sends the whole workbook
 * there), keeping the snapshots until asked for; throws Unread.
 */
export function readFast(bytes: Uint8Array): FastWorkbook {
  const zip = ZipParts.open(bytes);
  const book = readBook(zip);
  const styles = readStyles(zip);
  const strings = readSharedStrings(zip);
  const read = (s: BookSheet): GridSnapshot => {
    // a sheet's relationships other than its printer settings (notes, links, drawings) are exceljs's to read
    readRels(zip, relsOf(s.part), (type) => type.endsWith('/printerSettings'));
    const xml = zip.textOf(s.part);
    if (xml === null) unread(`no ${s.part}`);
    const ctx: SheetContext = { name: s.name, styles, strings, date1904: book.date1904 };
    return readSheet(xml, ctx);
  };
  const kept = new Map<string, GridSnapshot>();
  for (const s of book.sheets) kept.set(s.name, read(s));
  return {
    sheets: book.sheets.map((s) => ({ name: s.name, visibility: s.visibility })),
    snapshot(name) {
      const s = book.sheets.find((b) => b.name === name);
      if (!s) return undefined;
      const snap = kept.get(name);
      kept.delete(name);
      return snap ?? read(s);
    },
  };
}
