/**
 * A plan's later edits speak in coordinates after its earlier column inserts/deletes and new sheets.
 * The verify sync reads the workbook before any write, so each edit's cells are mapped back to
 * where they are now ("original" coordinates); cells that do not exist yet map to null.
 */
import type { CellEdit } from '../core/plan';
import { shiftFormula, type ColumnShift } from '../core/formula-refs';

type ColumnOp = { insert: boolean; col: number };

export class PlanLayout {
  private ops = new Map<string, ColumnOp[]>();
  /** Sheets created by the plan so far (they have no original cells). */
  private added = new Set<string>();
  /** Every column insert/delete so far, in order: Excel rewrites formulas of all sheets for each. */
  private shifts: ColumnShift[] = [];

  /** Call after deciding to apply an edit, so later edits are mapped through it. */
  record(edit: CellEdit): void {
    if (edit.kind === 'insertColumn' || edit.kind === 'deleteColumn') {
      const list = this.ops.get(edit.sheet) ?? [];
      list.push({ insert: edit.kind === 'insertColumn', col: edit.col });
      this.ops.set(edit.sheet, list);
      this.shifts.push({ sheet: edit.sheet, col: edit.col, delta: edit.kind === 'insertColumn' ? 1 : -1 });
    } else if (edit.kind === 'addSheet') {
      this.added.add(edit.sheet);
      this.ops.delete(edit.sheet);
    } else if (edit.kind === 'deleteSheet') {
      this.added.delete(edit.sheet);
    }
  }

  /** A formula read before the plan, as it reads after the plan's column inserts/deletes so far. */
  adjustFormula(formula: string | null, formulaSheet: string): string | null {
    let f = formula;
    for (const shift of this.shifts) if (f) f = shiftFormula(f, formulaSheet, shift);
    return f;
  }

  isNew(sheet: string): boolean {
    return this.added.has(sheet);
  }

  hasColumnOps(sheet: string): boolean {
    return (this.ops.get(sheet)?.length ?? 0) > 0;
  }

  /** The column's current (pre-plan) index, or null for a column the plan inserted. */
  originalCol(sheet: string, col: number): number | null {
    if (this.added.has(sheet)) return null;
    const list = this.ops.get(sheet) ?? [];
    let c = col;
    for (let i = list.length - 1; i >= 0; i--) {
      const op = list[i];
      if (op.insert) {
        if (c === op.col) return null;
        if (c > op.col) c--;
      } else if (c >= op.col) {
        c++;
      }
    }
    return c;
  }
}
