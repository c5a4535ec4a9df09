/**
 * Fills and links for hosts that leave them out of readSnapshot (the Excel host): read only for the
 * cells planners look at — sheet-number cells (link), the rate cells flag would mark, and the cells
 * of earlier flag/link edits in the undo record (unflag) — and merged into the snapshots.
 */
import type { CellAt, ProgressHost } from '../host';
import type { PlanInput } from './context';
import { planFlag } from './flag';

export function cellsPlannersRead(input: PlanInput): CellAt[] {
  const cells: CellAt[] = [];
  for (const sheet of input.model.sheets) for (const k of sheet.kpis) if (k.sheetNoCell) cells.push({ sheet: sheet.sheet, ...k.sheetNoCell });
  for (const e of planFlag(input).edits) if (e.kind === 'setFill') cells.push({ sheet: e.sheet, row: e.row, col: e.col });
  for (const entry of input.record.entries)
    for (const e of entry.inverse) if (e.kind === 'setFill' || e.kind === 'setNote' || e.kind === 'setHyperlink') cells.push({ sheet: e.sheet, row: e.row, col: e.col });
  const known = new Set(input.snapshots.map((s) => s.sheet));
  const seen = new Set<string>();
  return cells.filter((c) => {
    const k = `${c.sheet}\u0000${c.row},${c.col}`;
    if (!known.has(c.sheet) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The input with the host's fills and links of those cells put into its snapshots' extras. */
export async function withHostExtras<T extends PlanInput>(host: ProgressHost, input: T): Promise<T> {
  if (!host.readExtras) return input;
  const cells = cellsPlannersRead(input);
  if (!cells.length) return input;
  const found = await host.readExtras(cells);
  const snapshots = input.snapshots.map((s) => {
    const add = found[s.sheet];
    if (!add || !Object.keys(add).length) return s;
    const extras = { ...s.extras };
    for (const [k, e] of Object.entries(add)) extras[k] = { ...extras[k], ...e };
    return { ...s, extras };
  });
  return { ...input, snapshots };
}
