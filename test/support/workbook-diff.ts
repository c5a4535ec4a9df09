/**
 * Cell-by-cell comparison of two workbooks: every cell's value, formula, number format, fill, note
 * and hyperlink, each sheet's merges, column widths and visibility. Returns readable differences
 * ("表!F12 value: "68.9%" → 0.689"), empty when the workbooks are identical in those respects.
 * Reads through XlsxHost so location-only links and notes on empty cells are seen.
 */
import type ExcelJS from 'exceljs';
import { XlsxHost } from '../../src/xlsx/host';
import { readFillColour, readFormula, readHyperlink, readNote, readShown } from '../../src/xlsx/cell-io';
import { listMerges } from '../../src/xlsx/columns';
import { cellAddress } from '../../src/core/snapshot';

export interface DiffOptions {
  /** Sheets to leave out (e.g. the undo record "_kpi_undo"). */
  ignoreSheets?: string[];
  /** Only these sheets. */
  sheets?: string[];
  /** Stop after this many differences. */
  limit?: number;
}

type Source = ExcelJS.Workbook | XlsxHost | Uint8Array | Buffer;

async function workbookOf(src: Source): Promise<ExcelJS.Workbook> {
  if (src instanceof XlsxHost) return src.workbook;
  if (src instanceof Uint8Array) return (await XlsxHost.fromBuffer(src)).workbook;
  return src;
}

function fillOf(cell: ExcelJS.Cell): string | null {
  const fill = cell.style?.fill as { type?: string; pattern?: string } | undefined;
  if (!fill || (fill.type === 'pattern' && fill.pattern === 'none')) return null;
  return readFillColour(cell) ?? JSON.stringify(fill);
}

function cellFacts(cell: ExcelJS.Cell | undefined): Record<string, unknown> {
  if (!cell) return { value: null, formula: null, numFmt: 'General', fill: null, note: null, link: null };
  return {
    value: readShown(cell),
    formula: readFormula(cell),
    numFmt: cell.style?.numFmt || 'General',
    fill: fillOf(cell),
    note: readNote(cell),
    link: readHyperlink(cell),
  };
}

function extent(ws: ExcelJS.Worksheet): { rows: number; cols: number } {
  let cols = 0;
  ws.eachRow({ includeEmpty: true }, (row) => {
    cols = Math.max(cols, row.cellCount);
  });
  return { rows: ws.rowCount, cols };
}

function widthOf(ws: ExcelJS.Worksheet, c: number): number {
  const col = ws.getColumn(c);
  return Math.round((col.width ?? 9) * 100) / 100 + (col.hidden ? 1000 : 0);
}

export async function diffWorkbooks(a: Source, b: Source, options: DiffOptions = {}): Promise<string[]> {
  const [wa, wb] = [await workbookOf(a), await workbookOf(b)];
  const limit = options.limit ?? 200;
  const out: string[] = [];
  const push = (s: string): boolean => {
    out.push(s);
    return out.length >= limit;
  };
  const keep = (name: string): boolean => !(options.ignoreSheets ?? []).includes(name) && (!options.sheets || options.sheets.includes(name));
  const names = (w: ExcelJS.Workbook): string[] => w.worksheets.map((s) => `${s.name}:${s.state ?? 'visible'}`).filter((n) => keep(n.split(':')[0]));
  if (names(wa).join('|') !== names(wb).join('|')) push(`sheets: ${names(wa).join(', ')} → ${names(wb).join(', ')}`);
  for (const sa of wa.worksheets) {
    if (!keep(sa.name)) continue;
    const sb = wb.getWorksheet(sa.name);
    if (!sb) continue;
    const ea = extent(sa);
    const eb = extent(sb);
    const rows = Math.max(ea.rows, eb.rows);
    const cols = Math.max(ea.cols, eb.cols);
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= cols; c++) {
        const fa = cellFacts(sa.findCell(r, c));
        const fb = cellFacts(sb.findCell(r, c));
        for (const k of Object.keys(fa)) {
          if (JSON.stringify(fa[k]) !== JSON.stringify(fb[k]) && push(`${sa.name}!${cellAddress(r, c)} ${k}: ${JSON.stringify(fa[k])} → ${JSON.stringify(fb[k])}`)) return out;
        }
      }
    }
    const ma = listMerges(sa).map((m) => `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`).sort();
    const mb = listMerges(sb).map((m) => `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`).sort();
    const onlyA = ma.filter((m) => !mb.includes(m));
    const onlyB = mb.filter((m) => !ma.includes(m));
    if ((onlyA.length || onlyB.length) && push(`${sa.name} merges: -[${onlyA.join(' ')}] +[${onlyB.join(' ')}]`)) return out;
    for (let c = 1; c <= cols; c++) {
      if (widthOf(sa, c) !== widthOf(sb, c) && push(`${sa.name} column ${c} width: ${widthOf(sa, c)} → ${widthOf(sb, c)}`)) return out;
    }
  }
  return out;
}
