/**
 * add-year's copy of a column's formats onto the column it inserts (Range.copyFrom, ExcelApi 1.9).
 * "copyFrom has the same limitation as UI behavior" (Microsoft on office-js#4800): like a paste in
 * the UI it is refused, failing the whole batch, when it would change part of a merged cell — the new
 * column sits inside every horizontal merge that spanned the insert point (Excel widens it), and a
 * source column cut by a horizontal merge is no whole area to copy. So formats are copied over the
 * sheet's used rows only (below them there are none to copy; a merged area there, which the used
 * range may not count, is not touched), in row segments around the rows under such merges.
 * The used rows are known for sure only after the verify sync, and merged areas are returned only by
 * their top-left cell (#3611): when the verify already asked the areas down to the used bottom (the
 * host knew the rows from its last read, probes.ts RowsHint) they are taken from it; otherwise one
 * more read sync (only for plans that insert columns).
 */
import type { CellEdit } from '../core/plan';
import type { CellRange } from '../core/snapshot';
import { parseAreas } from './address';
import type { ExcelFeatures } from './capabilities';
import type { EditProbe } from './probes';

type Context = Excel.RequestContext;
type Insert = Extract<CellEdit, { kind: 'insertColumn' }>;

/** Row segments (1-based, inclusive) of a column insert's format copy; null: copy the whole column. */
export type Segments = { top: number; bottom: number }[] | null;

const BAND_CELLS = 1024;

/**
 * The second read sync: merged areas of each inserting sheet from A1 to its used bottom and the
 * farthest column involved. Returns each insert's segments, by the index of its edit in the plan.
 */
export async function insertSegments(
  context: Context,
  features: ExcelFeatures,
  edits: CellEdit[],
  probes: EditProbe[],
  verified?: { reach: Map<string, { bottom: number; right: number }>; merges: Map<string, CellRange[]> },
): Promise<Map<number, Segments>> {
  const out = new Map<number, Segments>();
  if (!features.copyFrom || !features.merges) return out;
  const need = new Map<string, { bottom: number; right: number }>();
  edits.forEach((e, i) => {
    const p = probes[i];
    const col = p.col ?? p.insertAt;
    if (e.kind !== 'insertColumn' || !p.extent || col == null || p.fromCol == null) return;
    const n = need.get(e.sheet) ?? { bottom: 0, right: 0 };
    need.set(e.sheet, { bottom: Math.max(n.bottom, p.extent.rowIndex + p.extent.rowCount), right: Math.max(n.right, col, p.fromCol) });
  });
  if (!need.size) return out;
  const covered = [...need].every(([sheet, n]) => {
    const r = verified?.reach.get(sheet);
    return r && r.bottom >= n.bottom && r.right >= n.right;
  });
  if (covered && verified) {
    edits.forEach((e, i) => {
      const p = probes[i];
      const col = p.col ?? p.insertAt;
      if (e.kind !== 'insertColumn' || !p.extent || col == null || p.fromCol == null) return;
      out.set(i, segmentsFor(e, col, p.fromCol, p.extent.rowIndex + p.extent.rowCount, verified.merges.get(e.sheet) ?? []));
    });
    return out;
  }
  const queued = new Map<string, Excel.RangeAreas[]>();
  for (const [sheet, { bottom, right }] of need) {
    const ws = context.workbook.worksheets.getItem(sheet);
    const band = Math.max(1, Math.floor(BAND_CELLS / right));
    const list: Excel.RangeAreas[] = [];
    for (let top = 0; top < bottom; top += band) {
      const areas = ws.getRangeByIndexes(top, 0, Math.min(band, bottom - top), right).getMergedAreasOrNullObject();
      areas.load('address');
      list.push(areas);
    }
    queued.set(sheet, list);
  }
  await context.sync();
  edits.forEach((e, i) => {
    const p = probes[i];
    const col = p.col ?? p.insertAt;
    if (e.kind !== 'insertColumn' || !p.extent || col == null || p.fromCol == null) return;
    const merges = (queued.get(e.sheet) ?? []).flatMap((a) => (a.isNullObject ? [] : parseAreas(a.address)));
    out.set(i, segmentsFor(e, col, p.fromCol, p.extent.rowIndex + p.extent.rowCount, merges));
  });
  return out;
}

/** Rows whose format copy would change part of a merged area are left out (pre-plan coordinates). */
export function segmentsFor(_edit: Insert, col: number, from: number, bottom: number, merges: CellRange[]): Segments {
  const excluded = merges.filter(
    (m) => (m.left < col && m.right >= col) || (m.left <= from && m.right >= from && (m.left < from || m.right > from)),
  );
  const skip = new Set<number>();
  for (const m of excluded) for (let r = m.top; r <= m.bottom; r++) skip.add(r);
  const segments: { top: number; bottom: number }[] = [];
  for (let r = 1; r <= bottom; r++) {
    if (skip.has(r)) continue;
    const last = segments[segments.length - 1];
    if (last && last.bottom === r - 1) last.bottom = r;
    else segments.push({ top: r, bottom: r });
  }
  return segments;
}
