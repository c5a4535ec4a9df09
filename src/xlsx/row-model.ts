/**
 * Node only (installed by exceljs-workbook.ts, which the web build replaces): exceljs's load step for
 * each row, the `model` setter of `Row` (exceljs 4.4.0, lib/doc/row.js, pinned in package.json), which
 * turns the parsed cell models of a row into the row's Cell objects, without decoding each cell's
 * address through `colCache.decodeAddress`.
 *
 * Why: decodeAddress builds the column letters and the row digits of every address one character at
 * a time (a new string per character), then the address again, a `$A$1` form and an object, all
 * thrown away once the cell is made: for the 10,000-KPI sheet (328,000 cells) the step that makes the
 * rows took about 0.6 s of CPU, about 0.45 s without (measured in fresh processes, see the commit).
 *
 * How, without changing what is made: when every cell of a row (merge cells aside, which the step
 * skips) has a plain address — capital letters then digits, the form Excel writes — the column is read
 * from the letters and the cell made with exceljs's own `getCellEx` path (`new Cell(row, column,
 * address)`, then `cell.model = …`), in the same order, and the row's height, hidden, outline level
 * and style set as exceljs's step sets them; decodeAddress would have given the same column and the
 * same address text. Any other row (a cell without an address, `$A$1`, lower case)
 * goes through exceljs's step as it is. test/xlsx/row-model.test.ts compares the loaded sheets with
 * exceljs's own step.
 */

import { rowColumn, rowNumber, startRowCells } from './exceljs-internals';

interface CellModel {
  address?: string;
  type?: number;
}

interface RowModel {
  number: number;
  cells: (CellModel | undefined)[];
  height?: number;
  hidden?: boolean;
  outlineLevel?: number;
  style?: unknown;
}

interface CellLike {
  model: CellModel;
}

interface RowLike {
  height?: number;
  hidden?: boolean;
  outlineLevel: number;
  style: unknown;
}

type CellClass = new (row: RowLike, column: unknown, address: string) => CellLike;

/** exceljs's own setter, kept on the prototype once replaced (tests compare with it). */
export const ORIGINAL = Symbol.for('kpi-progress.rowModel');

/** The column number of a plain address ("AB12": 28), or 0 when the address is not plain or past XFD. */
export function plainColumn(address: string): number {
  const n = address.length;
  let col = 0;
  let i = 0;
  for (; i < n; i++) {
    const ch = address.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + ch - 64;
  }
  if (i === 0 || i === n || col > 16384) return 0;
  for (; i < n; i++) {
    const ch = address.charCodeAt(i);
    if (ch < 48 || ch > 57) return 0;
  }
  return col;
}

/** Makes exceljs's row step read plain addresses without decodeAddress; once per process. */
export function useQuickRowModel(): void {
  // everything looked up here, not at module level: exceljs-workbook.ts calls this while
  // exceljs-internals.ts (imported above, which imports exceljs-workbook.ts) may still be loading
  const key = Symbol.for('kpi-progress.rowModel');
  /* eslint-disable @typescript-eslint/no-require-imports -- exceljs's Row and Cell (no types for lib files) */
  const rowPrototype = require('exceljs/lib/doc/row').prototype as object & { [key]?: PropertyDescriptor };
  const Cell = require('exceljs/lib/doc/cell') as CellClass & { Types: { Merge: number } };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const MERGE = Cell.Types.Merge;
  if (rowPrototype[key]) return;
  const original = Object.getOwnPropertyDescriptor(rowPrototype, 'model');
  if (!original?.set || !original.get) throw new Error('exceljs Row has no model accessor: the pinned exceljs 4.4.0 is not the one installed');
  const set = original.set;
  Object.defineProperty(rowPrototype, 'model', {
    configurable: true,
    enumerable: original.enumerable,
    get: original.get,
    set(this: RowLike, value: RowModel) {
      const cells = value.cells;
      for (let i = 0; i < cells.length; i++) {
        const m = cells[i];
        if (!m || (m.type !== MERGE && !(typeof m.address === 'string' && plainColumn(m.address)))) return set.call(this, value);
      }
      if (value.number !== rowNumber(this)) throw new Error('Invalid row number in model');
      const made = startRowCells<CellLike>(this);
      for (let i = 0; i < cells.length; i++) {
        const m = cells[i]!;
        if (m.type === MERGE) continue;
        const address = m.address!;
        const col = plainColumn(address);
        let cell = made[col - 1];
        if (!cell) {
          cell = new Cell(this, rowColumn(this, col), address);
          made[col - 1] = cell;
        }
        cell.model = m;
      }
      // the rest of exceljs's step as it is
      if (value.height) this.height = value.height;
      else delete this.height;
      this.hidden = value.hidden;
      this.outlineLevel = value.outlineLevel || 0;
      this.style = (value.style && JSON.parse(JSON.stringify(value.style))) || {};
    },
  });
  rowPrototype[key] = original;
}
