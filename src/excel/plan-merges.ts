/** Merged areas during one plan: what the verify sync saw, changed by the plan's own edits. */
import type { CellEdit } from '../core/plan';
import type { CellRange } from '../core/snapshot';
import type { EditProbe } from './probes';

/** A new column's cell (at `row`) that a merged area spanning its left neighbour and beyond now covers. */
export function widenedOver(probe: EditProbe, row: number, merges: CellRange[]): boolean {
  const left = probe.aroundCol;
  if (left === undefined) return false;
  return merges.some((a) => a.top <= row && a.bottom >= row && a.left <= left && a.right > left);
}

/** Merged areas as the plan's own merge/unmerge edits leave them, over what the verify sync saw. */
export class PlanMerges {
  private merged: { sheet: string; range: CellRange }[] = [];
  private unmerged: { sheet: string; range: CellRange }[] = [];

  record(edit: Extract<CellEdit, { kind: 'merge' | 'unmerge' }>): void {
    const { sheet, range } = edit;
    if (edit.kind === 'merge') this.merged.push({ sheet, range });
    else {
      this.merged = this.merged.filter((m) => m.sheet !== sheet || !intersects(m.range, range));
      this.unmerged.push({ sheet, range });
    }
  }

  /** `seen`: the sheet's merged areas as the verify sync read them (pre-plan coordinates). */
  overlaps(sheet: string, range: CellRange, probe: EditProbe, seen: CellRange[]): boolean {
    const shift = probe.col === null ? 0 : range.left - probe.col;
    const before = seen
      .map((a) => ({ ...a, left: a.left + shift, right: a.right + shift }))
      .filter((a) => !this.unmerged.some((u) => u.sheet === sheet && intersects(u.range, a)));
    return [...before, ...this.merged.filter((m) => m.sheet === sheet).map((m) => m.range)].some((a) => intersects(a, range));
  }
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

