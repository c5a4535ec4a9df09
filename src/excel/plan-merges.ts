/** Merged areas during one plan: what the verify sync saw, changed by the plan's own edits. */
import type { CellEdit } from '../core/plan';
import type { CellRange } from '../core/snapshot';
import { parseAreas } from './address';
import type { EditProbe } from './probes';

/** A new column's cell that a merged area spanning its left neighbour and beyond now covers. */
export function widenedOver(probe: EditProbe): boolean {
  if (!probe.around || probe.around.isNullObject || probe.aroundCol === undefined) return false;
  return parseAreas(probe.around.address).some((a) => a.right > (probe.aroundCol as number));
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

  overlaps(sheet: string, range: CellRange, probe: EditProbe): boolean {
    const shift = probe.col === null ? 0 : range.left - probe.col;
    const seen = probe.merges && !probe.merges.isNullObject ? parseAreas(probe.merges.address) : [];
    const before = seen
      .map((a) => ({ ...a, left: a.left + shift, right: a.right + shift }))
      .filter((a) => !this.unmerged.some((u) => u.sheet === sheet && intersects(u.range, a)));
    return [...before, ...this.merged.filter((m) => m.sheet === sheet).map((m) => m.range)].some((a) => intersects(a, range));
  }
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

