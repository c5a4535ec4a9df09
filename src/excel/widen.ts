/**
 * WIDEN (src/core/plan.ts) on the Excel host. Excel itself widens what a column is inserted inside;
 * a year insert carrying `widen` also takes the ranges that end just left of it. This host widens:
 * - the workbook's names (NamedItem.formula, ExcelApi 1.7: the manifest's minimum);
 * - each sheet's print area (PageLayout, 1.9) and autofilter (Worksheet.autoFilter, 1.9: applied to
 *   the wider range, then each filtered column's criteria again — the docs do not say whether a new
 *   apply keeps them);
 * - conditional formats (ConditionalFormat.getRanges 1.9, setRanges 1.17).
 * On an older Excel each is left as Excel leaves it and the pane says so (capability.widen-*).
 * Validations are not widened here: Office.js cannot read the range a validation applies to (only a
 * range's own DataValidation), so which ones end at the newest year cannot be known; the .xlsx host
 * widens them.
 * Reads go into the verify sync; the ranges of conditional formats need their formats listed first,
 * so a widened sheet with conditional formats (on ExcelApi 1.17) costs one more sync. The new ranges
 * are computed as Excel will move them through the plan's column inserts and deletes (shiftFormula)
 * and written after the plan's writes. Undo needs nothing: deleting the column narrows them back.
 */
import type { CellEdit, EditPlan } from '../core/plan';
import { shiftFormula, type ColumnShift } from '../core/formula-refs';
import { cellAddress } from '../core/snapshot';
import { parseAreas } from './address';
import type { ExcelFeatures } from './capabilities';
import type { WriteOp } from './write';

type Context = Excel.RequestContext;

export interface WidenRead {
  names: Excel.NamedItemCollection;
  areas: { sheet: string; area: Excel.RangeAreas }[];
  filters: { sheet: string; range: Excel.Range; filter: Excel.AutoFilter }[];
  formats: { sheet: string; list: Excel.ConditionalFormatCollection }[];
  /** features.formatRanges when read (the formats' ranges are read only then). */
  formatRanges: boolean;
}

/** Plain data: what to set after the writes. */
export interface WidenWrites {
  names: { name: string; formula: string }[];
  printAreas: { sheet: string; area: string }[];
  /** The filter's new range and the criteria of its filtered columns (0-based). */
  filters: { sheet: string; range: string; criteria: { column: number; criteria: Excel.FilterCriteria }[] }[];
  formats: { sheet: string; id: string; ranges: string }[];
}

/** Is a column's criteria object a filter (Excel lists every column's, filtered or not)? */
function filtering(c: Excel.FilterCriteria | null | undefined): c is Excel.FilterCriteria {
  return !!c && (!!c.criterion1 || !!c.values?.length || !!c.color || !!c.dynamicCriteria || !!c.icon);
}

/** Queues the reads into the verify sync when the plan has a widening insert; null otherwise. */
export function queueWidenRead(context: Context, features: ExcelFeatures, plan: EditPlan): WidenRead | null {
  const sheets = [...new Set(plan.edits.filter((e) => e.kind === 'insertColumn' && e.widen).map((e) => e.sheet))];
  if (!sheets.length) return null;
  const names = context.workbook.names.load('items/name,items/formula');
  const ws = (sheet: string) => context.workbook.worksheets.getItem(sheet);
  const areas = features.printLayout ? sheets.map((sheet) => ({ sheet, area: ws(sheet).pageLayout.getPrintAreaOrNullObject().load('address') })) : [];
  const filters = features.filterRanges
    ? sheets.map((sheet) => {
        const filter = ws(sheet).autoFilter.load('criteria,isDataFiltered');
        return { sheet, filter, range: filter.getRangeOrNullObject().load('address') };
      })
    : [];
  const formats = features.formatRanges ? sheets.map((sheet) => ({ sheet, list: ws(sheet).getRange().conditionalFormats.load('items/id') })) : [];
  return { names, areas, filters, formats, formatRanges: features.formatRanges };
}

/** The areas of an address on one sheet, moved through the applied edits. */
function movedAreas(address: string, sheet: string, applied: CellEdit[]): { excel: string; widened: string }[] {
  return parseAreas(address).map((r) => through(`${cellAddress(r.top, r.left)}:${cellAddress(r.bottom, r.right)}`, sheet, applied));
}

/** The widened areas as one address list, areas deleted away left out. */
function joined(moved: { widened: string }[]): string {
  return moved
    .map((m) => m.widened)
    .filter((a) => !a.includes('#REF!'))
    .join(',');
}

/** A formula moved through the applied column edits as Excel moves it, and as WIDEN moves it. */
function through(formula: string, formulaSheet: string, applied: CellEdit[]): { excel: string; widened: string } {
  let excel = formula;
  let widened = formula;
  for (const e of applied) {
    if (e.kind !== 'insertColumn' && e.kind !== 'deleteColumn') continue;
    const shift: ColumnShift = { sheet: e.sheet, col: e.col, delta: e.kind === 'insertColumn' ? 1 : -1 };
    excel = shiftFormula(excel, formulaSheet, shift);
    widened = shiftFormula(widened, formulaSheet, shift, { widenRightEdge: e.kind === 'insertColumn' && e.widen === true });
  }
  return { excel, widened };
}

/**
 * What to widen, from the verify sync's reads; the ranges of the conditional formats it listed are
 * read in one more sync (only when a widened sheet has any).
 */
export async function decideWiden(context: Context, read: WidenRead, applied: CellEdit[]): Promise<WidenWrites> {
  const out: WidenWrites = { names: [], printAreas: [], filters: [], formats: [] };
  if (!applied.some((e) => e.kind === 'insertColumn' && e.widen)) return out;
  try {
    read.names.items.forEach((n) => n.name);
  } catch {
    // the verify sync was repeated without these reads (a sheet of the plan was gone): nothing widened
    return out;
  }
  for (const n of read.names.items) {
    const f = typeof n.formula === 'string' ? n.formula : '';
    const { excel, widened } = through(f, '', applied);
    if (widened !== excel) out.names.push({ name: n.name, formula: widened });
  }
  for (const { sheet, area } of read.areas) {
    if (area.isNullObject) continue;
    // "'表'!$A$10:$N$412,'表'!$P$1:$P$2": the areas, each on this sheet (a sheet name may hold commas)
    const moved = movedAreas(area.address, sheet, applied);
    if (moved.some((m) => m.widened !== m.excel)) out.printAreas.push({ sheet, area: joined(moved) });
  }
  for (const { sheet, range, filter } of read.filters) {
    if (range.isNullObject) continue;
    const moved = movedAreas(range.address, sheet, applied);
    if (moved.length !== 1 || moved[0].widened === moved[0].excel || moved[0].widened.includes('#REF!')) continue;
    // the filter's columns keep their indexes: the new year is its new last column
    const criteria = filter.isDataFiltered ? filter.criteria.flatMap((c, column) => (filtering(c) ? [{ column, criteria: c }] : [])) : [];
    out.filters.push({ sheet, range: moved[0].widened, criteria });
  }
  const listed = read.formatRanges ? read.formats.flatMap(({ sheet, list }) => list.items.map((f) => ({ sheet, id: f.id, ranges: f.getRanges().load('address') }))) : [];
  if (!listed.length) return out;
  await context.sync();
  for (const { sheet, id, ranges } of listed) {
    const moved = movedAreas(ranges.address, sheet, applied);
    if (moved.some((m) => m.widened !== m.excel) && joined(moved)) out.formats.push({ sheet, id, ranges: joined(moved) });
  }
  return out;
}

/** The sets, queued after the plan's writes (their inserts have run by then). */
export function widenOps(context: Context, features: ExcelFeatures, writes: WidenWrites | undefined): WriteOp[] {
  if (!writes) return [];
  return [
    ...writes.names.map((n) => ({ bytes: 200 + n.formula.length * 3, queue: () => void (context.workbook.names.getItem(n.name).formula = n.formula) })),
    // PageLayout is ExcelApi 1.9: without it no print area was read, and none is set
    ...(features.printLayout ? writes.printAreas.map((p) => ({ bytes: 200 + p.area.length * 3, queue: () => context.workbook.worksheets.getItem(p.sheet).pageLayout.setPrintArea(p.area) })) : []),
    ...(features.filterRanges ? writes.filters.map((f) => ({ bytes: 200 + JSON.stringify(f).length * 2, queue: () => applyFilter(context, f) })) : []),
    ...(features.formatRanges
      ? writes.formats.map((f) => ({ bytes: 200 + f.ranges.length * 3, queue: () => context.workbook.worksheets.getItem(f.sheet).getRange().conditionalFormats.getItem(f.id).setRanges(f.ranges) }))
      : []),
  ];
}

/**
 * The filter over its wider range, each filtered column filtered again.
 * @requires ExcelApi 1.9
 */
function applyFilter(context: Context, f: WidenWrites['filters'][number]): void {
  const filter = context.workbook.worksheets.getItem(f.sheet).autoFilter;
  filter.apply(f.range);
  for (const c of f.criteria) filter.apply(f.range, c.column, c.criteria);
}
