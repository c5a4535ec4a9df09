/**
 * WIDEN (src/core/plan.ts) on the Excel host. Excel itself widens what a column is inserted inside;
 * a year insert carrying `widen` also takes the ranges that end just left of it. This host widens the
 * workbook's names (NamedItem.formula, ExcelApi 1.7: the manifest's minimum) and each sheet's print
 * area (PageLayout, 1.9; skipped on older Excel). Autofilter, conditional formats and validations
 * have no Office.js call that changes their range on the Excel versions users have (a format's
 * setRanges needs ExcelApi 1.17), so they stay as Excel leaves them; the .xlsx host widens those too.
 * No sync of its own: names and print areas are read in the verify sync, the new ones computed as
 * Excel will move them through the plan's column inserts and deletes (shiftFormula), and written
 * after the plan's writes. Undo needs nothing: deleting the column narrows them back.
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
}

/** Plain data: what to set after the writes. */
export interface WidenWrites {
  names: { name: string; formula: string }[];
  printAreas: { sheet: string; area: string }[];
}

/** Queues the reads into the verify sync when the plan has a widening insert; null otherwise. */
export function queueWidenRead(context: Context, features: ExcelFeatures, plan: EditPlan): WidenRead | null {
  const sheets = [...new Set(plan.edits.filter((e) => e.kind === 'insertColumn' && e.widen).map((e) => e.sheet))];
  if (!sheets.length) return null;
  const names = context.workbook.names.load('items/name,items/formula');
  const areas = features.printLayout ? sheets.map((sheet) => ({ sheet, area: context.workbook.worksheets.getItem(sheet).pageLayout.getPrintAreaOrNullObject().load('address') })) : [];
  return { names, areas };
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

export function decideWiden(read: WidenRead, applied: CellEdit[]): WidenWrites {
  const out: WidenWrites = { names: [], printAreas: [] };
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
    const parts = parseAreas(area.address).map((r) => `${cellAddress(r.top, r.left)}:${cellAddress(r.bottom, r.right)}`);
    const moved = parts.map((a) => through(a, sheet, applied));
    if (moved.some((m) => m.widened !== m.excel)) out.printAreas.push({ sheet, area: moved.map((m) => m.widened).filter((a) => !a.includes('#REF!')).join(',') });
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
  ];
}
