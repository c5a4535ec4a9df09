/**
 * Few ranges for many small areas (getSpecialCells lists every run of formula or number cells):
 * areas spanning the same columns are joined while the joined range holds at most twice their cells,
 * so rates on every other row become one range per column span, not one per KPI.
 */
import type { CellRange } from '../core/snapshot';

const cells = (r: CellRange) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

export function groupAreas(areas: CellRange[]): CellRange[] {
  const byColumns = new Map<string, CellRange[]>();
  for (const a of areas) {
    const k = `${a.left}:${a.right}`;
    const list = byColumns.get(k);
    if (list) list.push(a);
    else byColumns.set(k, [a]);
  }
  const out: CellRange[] = [];
  for (const list of byColumns.values()) {
    list.sort((a, b) => a.top - b.top);
    let box = null as CellRange | null;
    let held = 0;
    for (const a of list) {
      const joined: CellRange | null = box ? { ...box, bottom: Math.max(box.bottom, a.bottom) } : null;
      if (joined && cells(joined) <= 2 * (held + cells(a))) {
        box = joined;
        held += cells(a);
        continue;
      }
      if (box) out.push(box);
      box = { ...a };
      held = cells(a);
    }
    if (box) out.push(box);
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}
