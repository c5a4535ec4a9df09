/** Grouping single cells into rectangles so a plan is written as a few 2-D blocks. */
export interface Rect<T> {
  top: number;
  left: number;
  /** items[r][c] for rows top.. and columns left.. */
  items: T[][];
}

/**
 * Runs of adjacent columns on a row, then runs with the same columns on adjacent rows, are merged.
 * Items must have distinct row/col; `sameGroup` keeps cells that must be written differently apart.
 */
export function toRects<T extends { row: number; col: number }>(cells: T[], sameGroup: (a: T, b: T) => boolean = () => true): Rect<T>[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: Rect<T>[] = [];
  for (const cell of sorted) {
    const run = runs[runs.length - 1];
    const line = run?.items[0];
    const last = line?.[line.length - 1];
    if (run && last && last.row === cell.row && last.col + 1 === cell.col && sameGroup(last, cell)) line.push(cell);
    else runs.push({ top: cell.row, left: cell.col, items: [[cell]] });
  }
  const rects: Rect<T>[] = [];
  const open = new Map<string, Rect<T>>();
  for (const run of runs) {
    const width = run.items[0].length;
    const key = `${run.left}:${width}`;
    const above = open.get(key);
    if (above && above.top + above.items.length === run.top && sameGroup(above.items[0][0], run.items[0][0])) {
      above.items.push(run.items[0]);
    } else {
      rects.push(run);
      open.set(key, run);
    }
  }
  return rects;
}
