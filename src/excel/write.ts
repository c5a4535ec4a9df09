/**
 * Turning decided edits into queued Excel writes. Each WriteOp knows its request size so the caller
 * can sync once per ≤5 MB block; runs of setCell edits become rectangles written as 2-D arrays.
 */
import type { CellEdit, CellContent } from '../core/plan';
import { cellAddress, type CellValue } from '../core/snapshot';
import type { ExcelFeatures } from './capabilities';
import { charsToPoints, toExcelInput } from './cell-input';
import { entireColumn } from './probes';
import { jsonBytes, PAYLOAD_BUDGET_BYTES } from './payload';
import { toRects } from './rects';
import type { Segments } from './insert-formats';
import type { WriteGuard } from './guard';
import { quoteSheet } from './address';
import { printLayoutBytes, queuePrintLayout } from './print';

type Context = Excel.RequestContext;
type SetCell = Extract<CellEdit, { kind: 'setCell' }>;

export interface WriteOp {
  bytes: number;
  queue(): void;
  /** The same writes as two smaller requests (a block of rows cut in half); absent when it cannot be cut. */
  split?(): WriteOp[];
}

/**
 * A write of a block of rows, `write(offset, rows)` queuing rows[offset…]; it can be cut in halves by
 * rows when Excel refuses its request as too large (writeDecided), down to single rows.
 */
export function rowsOp<T>(rows: T[][], overhead: number, write: (offset: number, rows: T[][]) => void, offset = 0): WriteOp {
  return {
    bytes: jsonBytes(rows) + overhead,
    queue: () => write(offset, rows),
    ...(rows.length > 1
      ? {
          split: () => {
            const half = Math.ceil(rows.length / 2);
            return [rowsOp(rows.slice(0, half), overhead, write, offset), rowsOp(rows.slice(half), overhead, write, offset + half)];
          },
        }
      : {}),
  };
}

/**
 * An edit decided in the verify sync with what its write needs to know of that read, as plain data:
 * the writes may run in another Excel.run (another request context), where the verify's proxies
 * cannot be used.
 */
export interface WriteItem {
  edit: CellEdit;
  /** setNote: the cell has a note now. */
  noteExists?: boolean;
  /** insertColumn: the width (points) of the column formats are taken from. */
  sourceWidth?: number | null;
  /** insertColumn: the rows to copy formats in, when merged areas forbid copying the whole column. */
  segments?: Segments;
}

/** Office.js's own request envelope per write (range lookup + property set), estimated generously. */
const OP_OVERHEAD = 300;
const DEFAULT_WIDTH_CHARS = 8.43;

/** Splits rows so each part's JSON stays under a fraction of the budget. */
export function rowChunks<T>(rows: T[][], budget: number): { offset: number; rows: T[][] }[] {
  const out: { offset: number; rows: T[][] }[] = [];
  let start = 0;
  let size = 0;
  rows.forEach((row, i) => {
    const b = jsonBytes(row);
    if (i > start && size + b > budget / 2) {
      out.push({ offset: start, rows: rows.slice(start, i) });
      start = i;
      size = 0;
    }
    size += b;
  });
  if (start < rows.length) out.push({ offset: start, rows: rows.slice(start) });
  return out;
}

export function planWrites(
  context: Context,
  features: ExcelFeatures,
  items: WriteItem[],
  standardWidths: Map<string, number>,
  guard?: WriteGuard,
  budget = PAYLOAD_BUDGET_BYTES,
): WriteOp[] {
  const sheets = new Map<string, Excel.Worksheet>();
  const ws = (name: string): Excel.Worksheet => {
    let w = sheets.get(name);
    if (!w) {
      w = context.workbook.worksheets.getItem(name);
      sheets.set(name, w);
    }
    return w;
  };
  const standardWidth = (name: string) => standardWidths.get(name) ?? DEFAULT_WIDTH_CHARS;
  const ops: WriteOp[] = [];
  const op = (bytes: number, queue: () => void) => ops.push({ bytes: bytes + OP_OVERHEAD, queue });

  const writeCells = (run: SetCell[]) => {
    const bySheet = new Map<string, SetCell[]>();
    for (const e of run) bySheet.set(e.sheet, [...(bySheet.get(e.sheet) ?? []), e]);
    for (const [name, edits] of bySheet) {
      const last = new Map(edits.map((e) => [`${e.row},${e.col}`, e]));
      const rects = toRects([...last.values()], (a, b) => (a.content.numberFormat === undefined) === (b.content.numberFormat === undefined));
      for (const rect of rects) {
        const inputs = rect.items.map((row) => row.map((e) => toExcelInput(e.content)));
        const withFormat = rect.items[0][0].content.numberFormat !== undefined;
        // Each row carries its inputs and, when the rectangle sets them, its number formats.
        const lines = inputs.map((row, i) => ({ inputs: row, formats: withFormat ? rect.items[i].map((e) => e.content.numberFormat as string) : null }));
        for (const chunk of rowChunks(lines.map((l) => [l]), budget)) {
          ops.push(
            rowsOp(chunk.rows, OP_OVERHEAD, (offset, part) => {
              const top = rect.top + chunk.offset + offset;
              const width = part[0][0].inputs.length;
              const range = ws(name).getRangeByIndexes(top - 1, rect.left - 1, part.length, width);
              range.formulas = part.map(([l]) => l.inputs);
              if (withFormat) range.numberFormat = part.map(([l]) => l.formats as string[]);
              guard?.note(name, { top, left: rect.left, bottom: top + part.length - 1, right: rect.left + width - 1 });
            }),
          );
        }
      }
    }
  };

  let run: SetCell[] = [];
  const flush = () => {
    if (run.length) writeCells(run);
    run = [];
  };
  for (const item of items) {
    const { edit } = item;
    if (edit.kind === 'setCell') {
      run.push(edit);
      continue;
    }
    flush();
    queueEdit(edit, item);
  }
  flush();
  return ops;

  function cell(name: string, row: number, col: number): Excel.Range {
    guard?.note(name, { top: row, left: col, bottom: row, right: col });
    return ws(name).getRangeByIndexes(row - 1, col - 1, 1, 1);
  }

  function queueEdit(edit: CellEdit, item: WriteItem): void {
    switch (edit.kind) {
      case 'setFill':
        return void op(50, () => {
          const fill = cell(edit.sheet, edit.row, edit.col).format.fill;
          if (edit.fill) fill.color = edit.fill;
          else fill.clear();
        });
      case 'setNote':
        return void op(jsonBytes(edit.note), () => {
          // apply.ts skips notes without 1.18 before they get here; checked again where the API is called.
          if (!features.notes) return;
          const existing = item.noteExists ? ws(edit.sheet).notes.getItem(cellAddress(edit.row, edit.col)) : null;
          if (edit.note === null) existing?.delete();
          else if (existing) existing.content = edit.note;
          else ws(edit.sheet).notes.add(cell(edit.sheet, edit.row, edit.col), edit.note);
        });
      case 'setHyperlink':
        return void op(jsonBytes(edit.link), () => {
          const range = cell(edit.sheet, edit.row, edit.col);
          if (!edit.link) return range.clear('Hyperlinks');
          const { sheet, cell: at, file, tooltip, url } = edit.link;
          const sub = sheet ? `${quoteSheet(sheet)}!${at || 'A1'}` : at;
          // A place in this workbook is a documentReference, never an address ("address sends the user
          // to an external URL", office-scripts-docs-reference#323): also a verbatim "#…" target an
          // inverse restores (a link to a defined name).
          const target: Excel.RangeHyperlink = url
            ? url.startsWith('#')
              ? { documentReference: url.slice(1) }
              : { address: url }
            : file
              ? { address: sub ? `${file}#${sub}` : file }
              : { documentReference: sub };
          if (tooltip) target.screenTip = tooltip;
          range.hyperlink = target;
        });
      case 'insertColumn':
        return void op(0, () => {
          guard?.note(edit.sheet, null);
          const w = ws(edit.sheet);
          const inserted = entireColumn(w, edit.col).insert('Right');
          const from = edit.formatFrom >= edit.col ? edit.formatFrom + 1 : edit.formatFrom;
          // Excel gives a new column its left neighbour's formats but not its merged areas; copyFrom
          // (1.9) copies the planned column's formats with its merges, as the .xlsx host does.
          if (features.copyFrom && item.segments) {
            for (const { top, bottom } of item.segments) {
              const rows = bottom - top + 1;
              w.getRangeByIndexes(top - 1, edit.col - 1, rows, 1).copyFrom(w.getRangeByIndexes(top - 1, from - 1, rows, 1), 'Formats');
            }
          } else if (features.copyFrom) inserted.copyFrom(entireColumn(w, from), 'Formats');
          // A source at the sheet's standard width is left alone, so the new column stays "default".
          const width = item.sourceWidth;
          if (typeof width === 'number' && Math.abs(width - charsToPoints(standardWidth(edit.sheet))) > 0.5) inserted.format.columnWidth = width;
        });
      case 'deleteColumn':
        return void op(0, () => {
          guard?.note(edit.sheet, null);
          entireColumn(ws(edit.sheet), edit.col).delete('Left');
        });
      case 'merge':
      case 'unmerge':
        return void op(0, () => {
          guard?.note(edit.sheet, edit.range);
          const { top, left, bottom, right } = edit.range;
          const range = ws(edit.sheet).getRangeByIndexes(top - 1, left - 1, bottom - top + 1, right - left + 1);
          if (edit.kind === 'merge') range.merge(false);
          else range.unmerge();
        });
      case 'setColumnWidth':
        return void op(0, () => {
          entireColumn(ws(edit.sheet), edit.col).format.columnWidth = charsToPoints(edit.width ?? standardWidth(edit.sheet));
        });
      case 'addSheet':
        return addSheet(edit);
      case 'deleteSheet':
        return void op(0, () => {
          guard?.note(edit.sheet, null);
          const w = ws(edit.sheet);
          w.visibility = 'Visible';
          w.delete();
          sheets.delete(edit.sheet);
        });
    }
  }

  function addSheet(edit: Extract<CellEdit, { kind: 'addSheet' }>): void {
    op(0, () => {
      guard?.note(edit.sheet, null);
      const w = context.workbook.worksheets.add(edit.sheet);
      if (edit.visibility !== 'visible') w.visibility = edit.visibility === 'veryHidden' ? 'VeryHidden' : 'Hidden';
      sheets.set(edit.sheet, w);
    });
    const print = edit.print;
    if (print) op(printLayoutBytes(print), () => queuePrintLayout(ws(edit.sheet), print, edit.rows?.length ?? 0, !!features.printLayout));
    const rows = edit.rows ?? [];
    const width = Math.max(0, ...rows.map((r) => r.length));
    if (!rows.length || !width) return;
    const matrix = rows.map((r) => [...r, ...Array<CellValue>(width - r.length).fill(null)].map((value) => toExcelInput({ value } as CellContent)));
    for (const chunk of rowChunks(matrix, budget)) {
      ops.push(
        rowsOp(chunk.rows, OP_OVERHEAD, (offset, part) => {
          ws(edit.sheet).getRangeByIndexes(chunk.offset + offset, 0, part.length, width).formulas = part;
        }),
      );
    }
  }
}
