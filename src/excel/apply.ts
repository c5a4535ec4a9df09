/**
 * Applying an EditPlan: one verify sync (probes.ts), then the writes as 2-D blocks, one sync per
 * ≤ budget block of requests. Edits whose cells changed since the plan was made are skipped.
 */
import type { ApplyResult, CellEdit, EditPlan, SkippedEdit } from '../core/plan';
import { cellAddress, type CellRange, type CellValue } from '../core/snapshot';
import type { ExcelFeatures } from './capabilities';
import { fromExcelFormula, fromExcelValue, matchesExpectation, pointsToChars } from './cell-input';
import { PlanLayout } from './layout';
import { cellStates, hiddenByMerge, queueProbes, type EditProbe, type Probes } from './probes';
import { EMPTY_CELL, type CellState } from './state';
import { PAYLOAD_BUDGET_BYTES } from './payload';
import { parseAreas, rangeA1 } from './address';
import { planWrites, type WriteOp } from './write';
import type { WriteGuard } from './guard';

type Context = Excel.RequestContext;

export interface ApplyOptions {
  budgetBytes?: number;
  guard?: WriteGuard;
}

function isItemNotFound(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'ItemNotFound';
}

async function verify(context: Context, features: ExcelFeatures, edits: CellEdit[]): Promise<{ probes: Probes; missing: Set<string> }> {
  const missing = new Set<string>();
  const probes = queueProbes(context, features, edits, missing);
  try {
    await context.sync();
    return { probes, missing };
  } catch (error) {
    if (!isItemNotFound(error)) throw error;
  }
  // A sheet the plan edits is gone: learn which (one more sync) and verify the rest again.
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const present = new Set(sheets.items.map((s) => s.name));
  for (const e of edits) if (!present.has(e.sheet)) missing.add(e.sheet);
  const again = queueProbes(context, features, edits, missing);
  await context.sync();
  return { probes: again, missing };
}

const key = (sheet: string, row: number, col: number) => `${sheet}\u0000${row},${col}`;

function restoreCell(sheet: string, row: number, col: number, before: CellState, after: CellState): CellEdit {
  const content = before.formula
    ? { formula: before.formula, value: before.value, numberFormat: before.numberFormat ?? 'General' }
    : { value: before.value, numberFormat: before.numberFormat ?? 'General' };
  return { kind: 'setCell', sheet, row, col, expect: { value: after.value, formula: after.formula }, content };
}

function restoreRows(sheet: string, top: number, left: number, values: unknown[][], formulas: unknown[][], formats?: unknown[][]): CellEdit[] {
  const out: CellEdit[] = [];
  values.forEach((line, i) =>
    line.forEach((v, j) => {
      const value = fromExcelValue(v);
      const formula = fromExcelFormula(formulas[i][j], v);
      const numberFormat = formats && typeof formats[i][j] === 'string' ? (formats[i][j] as string) : undefined;
      if (value === null && formula === null && (numberFormat === undefined || numberFormat === 'General')) return;
      const content = formula ? { formula, value, numberFormat } : { value, numberFormat };
      out.push({ kind: 'setCell', sheet, row: top + i, col: left + j, expect: null, content });
    }),
  );
  return out;
}

export async function applyEdits(context: Context, features: ExcelFeatures, plan: EditPlan, options: ApplyOptions = {}): Promise<ApplyResult> {
  const { probes, missing } = await verify(context, features, plan.edits);
  const existing = new Set(probes.sheets.items.map((s) => s.name));
  for (const m of missing) existing.delete(m);
  const states = cellStates(probes);
  const hidden = hiddenByMerge(probes);
  const written = new Map<string, CellState>();
  const layout = new PlanLayout();
  const skipped: SkippedEdit[] = [];
  const inverses: CellEdit[][] = [];
  const toWrite: { edit: CellEdit; probe: EditProbe; before?: CellState }[] = [];

  const holdsFormula = (sheet: string, row: number, probe: EditProbe): boolean => {
    const earlier = probe.col === null ? undefined : written.get(key(sheet, row, probe.col));
    if (earlier) return earlier.formula !== null;
    return !!probe.link && fromExcelFormula(probe.link.formulas[0][0], probe.link.values[0][0]) !== null;
  };
  const merges = new PlanMerges();
  const skip = (edit: CellEdit, reason: SkippedEdit['reason'], detail: string) => skipped.push({ edit, reason, detail });
  const sheetThere = (name: string) => existing.has(name) || layout.isNew(name);

  plan.edits.forEach((edit, i) => {
    const probe = probes.perEdit[i];
    if (edit.kind === 'addSheet') {
      if (sheetThere(edit.sheet)) return skip(edit, 'exists', `sheet "${edit.sheet}" already exists`);
      inverses.push([{ kind: 'deleteSheet', sheet: edit.sheet }]);
    } else if (!sheetThere(edit.sheet)) {
      return skip(edit, 'missing', `sheet "${edit.sheet}" does not exist`);
    } else if (edit.kind === 'deleteSheet') {
      inverses.push(deleteSheetInverse(edit.sheet, probe, probes));
      existing.delete(edit.sheet);
    } else if (edit.kind === 'setCell') {
      const k = probe.col === null ? null : key(edit.sheet, edit.row, probe.col);
      const prior = k ? written.get(k) : undefined;
      if ((k && hidden.has(k)) || widenedOver(probe)) return skip(edit, 'unsupported', `${edit.sheet}!${cellAddress(edit.row, edit.col)} is inside a merged area`);
      const read = k ? states.get(k) : undefined;
      const before = prior ?? (read ? { ...read, formula: layout.adjustFormula(read.formula, edit.sheet) } : EMPTY_CELL);
      if (edit.expect && !prior && !matchesExpectation(before.shown ?? before.value, before.formula, edit.expect)) {
        return skip(edit, 'changed', `${edit.sheet}!${cellAddress(edit.row, edit.col)}: expected ${edit.expect.formula ?? JSON.stringify(edit.expect.value)}, found ${before.formula ?? JSON.stringify(before.value)}`);
      }
      const after: CellState = {
        value: edit.content.value ?? null,
        formula: edit.content.formula ?? null,
        numberFormat: edit.content.numberFormat ?? before.numberFormat,
      };
      if (k) written.set(k, after);
      inverses.push([restoreCell(edit.sheet, edit.row, edit.col, before, after)]);
      toWrite.push({ edit, probe, before });
    } else if (edit.kind === 'setNote' && !features.notes) {
      return skip(edit, 'unsupported', 'notes need ExcelApi 1.18');
    } else if (edit.kind === 'setHyperlink' && !features.hyperlinks) {
      return skip(edit, 'unsupported', 'hyperlinks need ExcelApi 1.7');
    } else if (edit.kind === 'setHyperlink' && holdsFormula(edit.sheet, edit.row, probe)) {
      // The .xlsx format cannot keep a link on a formula cell; both hosts leave such cells alone.
      return skip(edit, 'unsupported', `${edit.sheet}!${cellAddress(edit.row, edit.col)} holds a formula; no link added`);
    } else if (edit.kind === 'merge' && merges.overlaps(edit.sheet, edit.range, probe)) {
      // Excel refuses to merge over a merged area (and fails the batch).
      return skip(edit, 'exists', `${edit.sheet}!${rangeA1(edit.range)} overlaps a merged area`);
    } else {
      inverses.push(inverseOf(edit, probe));
    }
    if (edit.kind === 'merge' || edit.kind === 'unmerge') merges.record(edit);
    if (edit.kind !== 'setCell') toWrite.push({ edit, probe });
    layout.record(edit);
  });

  const budget = options.budgetBytes ?? PAYLOAD_BUDGET_BYTES;
  const ops: WriteOp[] = planWrites(context, features, toWrite, probes, options.guard, budget);
  const batches: WriteOp[][] = [];
  let size = Infinity;
  for (const op of ops) {
    if (size + op.bytes > budget) {
      batches.push([]);
      size = 0;
    }
    batches[batches.length - 1].push(op);
    size += op.bytes;
  }
  for (const batch of batches) {
    for (const op of batch) op.queue();
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ≤5 MB block of writes, by design
    await context.sync();
  }
  return { applied: plan.edits.length - skipped.length, skipped, inverse: inverses.reverse().flat() };
}

/** A new column's cell that a merged area spanning its left neighbour and beyond now covers. */
function widenedOver(probe: EditProbe): boolean {
  if (!probe.around || probe.around.isNullObject || probe.aroundCol === undefined) return false;
  return parseAreas(probe.around.address).some((a) => a.right > (probe.aroundCol as number));
}

/** Merged areas as the plan's own merge/unmerge edits leave them, over what the verify sync saw. */
class PlanMerges {
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

function inverseOf(edit: CellEdit, probe: EditProbe): CellEdit[] {
  switch (edit.kind) {
    case 'setFill': {
      const old = probe.fill ? probe.fill.color : null;
      // Excel reports an unfilled cell as white; restoring "no fill" is the safer reading.
      const fill = !old || /^#?FFFFFF$/i.test(old) ? null : old.toUpperCase();
      return [{ ...edit, fill }];
    }
    case 'setNote':
      return [{ ...edit, note: probe.note && !probe.note.isNullObject ? probe.note.content : null }];
    case 'setHyperlink': {
      const h = probe.link ? probe.link.hyperlink : null;
      return [{ ...edit, link: h ? linkFromExcel(h) : null }];
    }
    case 'insertColumn':
      return [{ kind: 'deleteColumn', sheet: edit.sheet, col: edit.col }];
    case 'deleteColumn': {
      // As the .xlsx host: re-insert taking formats from the column that moved into its place, then
      // put back width, merged areas, contents and fills.
      const restore: CellEdit[] = [{ kind: 'insertColumn', sheet: edit.sheet, col: edit.col, formatFrom: edit.col }];
      if (probe.width) restore.push({ kind: 'setColumnWidth', sheet: edit.sheet, col: edit.col, width: pointsToChars(probe.width.columnWidth) });
      const used = probe.used;
      if (!used) return restore;
      if (probe.merges && !probe.merges.isNullObject) {
        for (const range of parseAreas(probe.merges.address)) {
          if (range.left === probe.col && range.right === probe.col) restore.push({ kind: 'merge', sheet: edit.sheet, range: { ...range, left: edit.col, right: edit.col } });
        }
      }
      restore.push(...restoreRows(edit.sheet, used.rowIndex + 1, edit.col, used.values, used.formulas, used.numberFormat));
      probe.fills?.value.forEach((line, i) => {
        const colour = line[0]?.format?.fill?.color;
        const fill = colour && !/^#?FFFFFF$/i.test(colour) ? colour.toUpperCase() : null;
        restore.push({ kind: 'setFill', sheet: edit.sheet, row: used.rowIndex + 1 + i, col: edit.col, fill });
      });
      return restore;
    }
    case 'merge': {
      const undo: CellEdit[] = [{ kind: 'unmerge', sheet: edit.sheet, range: edit.range }];
      const c = probe.cells;
      if (c) {
        // A merge keeps only the top-left cell; the others are put back on undo.
        const rest = restoreRows(edit.sheet, edit.range.top, edit.range.left, c.values, c.formulas);
        undo.push(...rest.filter((e) => !(e.kind === 'setCell' && e.row === edit.range.top && e.col === edit.range.left)));
      }
      return undo;
    }
    case 'unmerge':
      return [{ kind: 'merge', sheet: edit.sheet, range: edit.range }];
    case 'setColumnWidth':
      return [{ ...edit, width: probe.width ? pointsToChars(probe.width.columnWidth) : null }];
    default:
      return [];
  }
}

function deleteSheetInverse(sheet: string, probe: EditProbe, probes: Probes): CellEdit[] {
  const info = probes.sheets.items.find((s) => s.name === sheet);
  const visibility = info?.visibility === 'VeryHidden' ? 'veryHidden' : info?.visibility === 'Hidden' ? 'hidden' : 'visible';
  const used = probe.used;
  if (!used || used.isNullObject) return [{ kind: 'addSheet', sheet, visibility }];
  const rows: CellValue[][] = [];
  for (let r = 0; r < used.rowIndex; r++) rows.push([]);
  used.values.forEach((line) => rows.push([...Array<CellValue>(used.columnIndex).fill(null), ...line.map(fromExcelValue)]));
  const formulas = restoreRows(sheet, used.rowIndex + 1, used.columnIndex + 1, used.values, used.formulas).filter(
    (e) => e.kind === 'setCell' && e.content.formula,
  );
  return [{ kind: 'addSheet', sheet, visibility, rows }, ...formulas];
}

/** "#'01'!A1" style link back into the plan's terms. */
export function linkFromExcel(h: Excel.RangeHyperlink): { sheet: string; cell: string; file?: string; tooltip?: string } | null {
  const tooltip = h.screenTip ? { tooltip: h.screenTip } : {};
  const split = (ref: string) => {
    const m = /^'?((?:[^']|'')*?)'?!(.+)$/.exec(ref);
    return m ? { sheet: m[1].replace(/''/g, "'"), cell: m[2] } : { sheet: '', cell: ref };
  };
  if (h.documentReference) return { ...split(h.documentReference.replace(/^#/, '')), ...tooltip };
  if (h.address) {
    const [file, sub] = h.address.split('#');
    return sub ? { ...split(sub), file, ...tooltip } : { sheet: '', cell: '', file, ...tooltip };
  }
  return null;
}
