/**
 * WIDEN (src/core/plan.ts) on the Excel host. Excel itself widens what a column is inserted inside;
 * a year insert carrying `widen` also takes the ranges that end just left of it. This host widens:
 * - the workbook's names (NamedItem.formula, ExcelApi 1.7: the manifest's minimum);
 * - each sheet's print area (PageLayout, 1.9) and autofilter (Worksheet.autoFilter, 1.9: applied to
 *   the wider range, then each filtered column's criteria again — the docs do not say whether a new
 *   apply keeps them);
 * - conditional formats (ConditionalFormat.getRanges 1.9, setRanges 1.17).
 * - data validation (Range.dataValidation, ExcelApi 1.8, learn.microsoft.com/javascript/api/excel/excel.datavalidation).
 *   Office.js cannot read the range a validation applies to, only a range's own DataValidation, so the
 *   previous year column (the insert's formatFrom) is read per table of the sheet: its rows below the
 *   table's year header down to the next table's header or the used range's end. Where their `type`
 *   is one rule (not "None", "MixedCriteria" or "Inconsistent": excel.datavalidationtype), the new
 *   column's same rows get that rule, errorAlert, prompt and ignoreBlanks, after clear() (the docs'
 *   sample clears before setting a rule). The .xlsx host widens the validations' own ranges.
 * On an older Excel each is left as Excel leaves it and the pane says so (capability.widen-*).
 * Reads go into the verify sync (a validation's rows are the used range intersected within the batch:
 * no sync of their own); the ranges of conditional formats need their formats listed first, so a
 * widened sheet with conditional formats (on ExcelApi 1.17) costs one more sync. The new ranges are
 * computed as Excel will move them through the plan's column inserts and deletes (shiftFormula) and
 * written after the plan's writes. Undo needs nothing: deleting the column narrows them back.
 */
import type { CellEdit, EditPlan } from '../core/plan';
import { shiftFormula, type ColumnShift } from '../core/formula-refs';
import { cellAddress } from '../core/snapshot';
import { parseAreas } from './address';
import type { ExcelFeatures } from './capabilities';
import { PlanLayout } from './layout';
import type { WriteOp } from './write';

type Context = Excel.RequestContext;

export interface WidenRead {
  names: Excel.NamedItemCollection;
  areas: { sheet: string; area: Excel.RangeAreas }[];
  filters: { sheet: string; range: Excel.Range; filter: Excel.AutoFilter }[];
  formats: { sheet: string; list: Excel.ConditionalFormatCollection }[];
  /** The previous year column's validation, per widening insert (ExcelApi 1.8). */
  validations: { edit: CellEdit; sheet: string; rows: Excel.Range; validation: Excel.DataValidation }[];
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
  /** The new year column's rows ("L12:L412") and the previous year's one rule over them. */
  validations: { sheet: string; range: string; rule: Excel.DataValidationRule; errorAlert: Excel.DataValidationErrorAlert; prompt: Excel.DataValidationPrompt; ignoreBlanks: boolean }[];
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
  const validations = features.validationRules ? queueValidationRead(context, plan) : [];
  return { names, areas, filters, formats, validations, formatRanges: features.formatRanges };
}

/**
 * Each widening insert's source column (formatFrom, the previous year), in the sheet as read: its rows
 * each table's rows below its year header row (the plan's year-header cells), and their validation.
 * @requires ExcelApi 1.8
 */
function queueValidationRead(context: Context, plan: EditPlan): WidenRead['validations'] {
  const layout = new PlanLayout();
  const out: WidenRead['validations'] = [];
  for (const edit of plan.edits) {
    if (edit.kind === 'insertColumn' && edit.widen) {
      const from = layout.originalCol(edit.sheet, edit.formatFrom);
      const headers = plan.edits.flatMap((e) => (e.kind === 'setCell' && e.sheet === edit.sheet && e.about?.field === 'year-header' ? [e.row] : []));
      // each table's rows: below its header row, down to the next table's header or the used range's end
      const tops = [...new Set(headers)].sort((x, y) => x - y);
      if (from !== null) {
        const ws = context.workbook.worksheets.getItem(edit.sheet);
        tops.forEach((h, i) => {
          const last = i + 1 < tops.length ? tops[i + 1] - 1 : 1048576;
          if (last <= h) return;
          const rows = ws.getUsedRange().getIntersectionOrNullObject(`${cellAddress(h + 1, from)}:${cellAddress(last, from)}`).load('rowIndex,rowCount');
          out.push({ edit, sheet: edit.sheet, rows, validation: rows.dataValidation.load('type,rule,errorAlert,prompt,ignoreBlanks') });
        });
      }
    }
    layout.record(edit);
  }
  return out;
}

/** Where an applied insert's new column ends up after the applied column edits that follow it, or null. */
function finalColumn(edit: CellEdit & { kind: 'insertColumn' }, applied: CellEdit[]): number | null {
  let col: number | null = edit.col;
  for (const e of applied.slice(applied.indexOf(edit) + 1)) {
    if (col === null || e.sheet !== edit.sheet) continue;
    if (e.kind === 'insertColumn' && e.col <= col) col++;
    else if (e.kind === 'deleteColumn') col = e.col === col ? null : e.col < col ? col - 1 : col;
  }
  return col;
}

/** The validations to copy: the previous year's rows held one rule. */
function decideValidations(read: WidenRead, applied: CellEdit[]): WidenWrites['validations'] {
  const out: WidenWrites['validations'] = [];
  for (const { edit, sheet, rows, validation } of read.validations) {
    if (edit.kind !== 'insertColumn' || !applied.includes(edit) || rows.isNullObject) continue;
    if (validation.type === 'None' || validation.type === 'MixedCriteria' || validation.type === 'Inconsistent') continue;
    const col = finalColumn(edit, applied);
    if (col === null) continue;
    const range = `${cellAddress(rows.rowIndex + 1, col)}:${cellAddress(rows.rowIndex + rows.rowCount, col)}`;
    out.push({ sheet, range, rule: validation.rule, errorAlert: validation.errorAlert, prompt: validation.prompt, ignoreBlanks: validation.ignoreBlanks });
  }
  return out;
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
  const out: WidenWrites = { names: [], printAreas: [], filters: [], formats: [], validations: [] };
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
  out.validations = decideValidations(read, applied);
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
    ...(features.validationRules ? writes.validations.map((v) => ({ bytes: 200 + JSON.stringify(v).length * 2, queue: () => setValidation(context, v) })) : []),
  ];
}

/**
 * The previous year's rule on the new column's rows: cleared first (a rule is not set over another).
 * @requires ExcelApi 1.8
 */
function setValidation(context: Context, v: WidenWrites['validations'][number]): void {
  const dv = context.workbook.worksheets.getItem(v.sheet).getRange(v.range).dataValidation;
  dv.clear();
  dv.rule = v.rule;
  dv.errorAlert = v.errorAlert;
  dv.prompt = v.prompt;
  dv.ignoreBlanks = v.ignoreBlanks;
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
