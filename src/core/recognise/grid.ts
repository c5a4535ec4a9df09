/** Read helpers over a GridSnapshot with merged areas resolved (a merged cell reads as its top-left). */
import type { CellRange, CellValue, GridSnapshot } from '../snapshot';
import { formulaAt, lastCol, lastRow, numberFormatAt, valueAt } from '../snapshot';
import { cellText } from '../text';

/** Excel has 16,384 columns: a unique number per cell (rows up to 2^53 / 16,385). */
const cellKeyOf = (row: number, col: number) => row * 16_385 + col;

export class Grid {
  readonly firstRow: number;
  readonly firstCol: number;
  readonly lastRow: number;
  readonly lastCol: number;
  // number keys: a string key built per cell read was 13 % of recognise + analyse at 10,000 KPIs
  private readonly mergeMaster = new Map<number, { row: number; col: number }>();

  constructor(readonly s: GridSnapshot) {
    this.firstRow = s.origin.row;
    this.firstCol = s.origin.col;
    this.lastRow = lastRow(s);
    this.lastCol = lastCol(s);
    for (const m of s.merges ?? []) this.addMerge(m);
  }

  private addMerge(m: CellRange): void {
    // Only merges inside the snapshot matter; cap their size so a whole-column merge cannot blow up.
    const top = Math.max(m.top, this.firstRow);
    const bottom = Math.min(m.bottom, this.lastRow, m.top + 200);
    const left = Math.max(m.left, this.firstCol);
    const right = Math.min(m.right, this.lastCol, m.left + 200);
    const master = { row: m.top, col: m.left };
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        if (r !== m.top || c !== m.left) this.mergeMaster.set(cellKeyOf(r, c), master);
      }
    }
  }

  /** Top-left cell of the merge holding (row, col), or null when the cell is not merged into another. */
  masterOf(row: number, col: number): { row: number; col: number } | null {
    if (this.mergeMaster.size === 0) return null;
    return this.mergeMaster.get(cellKeyOf(row, col)) ?? null;
  }

  /** Raw value of the cell itself (a merged non-master cell is null). */
  raw(row: number, col: number): CellValue {
    return valueAt(this.s, row, col);
  }

  /** Value as the user sees it: merged cells show their master's value. */
  value(row: number, col: number): CellValue {
    const m = this.masterOf(row, col);
    return m ? valueAt(this.s, m.row, m.col) : valueAt(this.s, row, col);
  }

  text(row: number, col: number): string {
    return cellText(this.value(row, col));
  }

  ownText(row: number, col: number): string {
    return cellText(this.raw(row, col));
  }

  formula(row: number, col: number): string | null {
    return formulaAt(this.s, row, col);
  }

  numberFormat(row: number, col: number): string | null {
    return numberFormatAt(this.s, row, col);
  }

  /** Non-empty cells of a row as [col, text], left to right (own values only). */
  rowCells(row: number, fromCol = this.firstCol, toCol = this.lastCol): [number, string][] {
    const out: [number, string][] = [];
    for (let c = Math.max(fromCol, this.firstCol); c <= Math.min(toCol, this.lastCol); c++) {
      const t = this.ownText(row, c);
      if (t !== '') out.push([c, t]);
    }
    return out;
  }

  isBlankRow(row: number, fromCol = this.firstCol, toCol = this.lastCol): boolean {
    return this.rowCells(row, fromCol, toCol).length === 0;
  }
}
