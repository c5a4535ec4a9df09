/**
 * Live checking's write: the rate cells of one re-checked KPI in a single sync, without the verify
 * read. Safe only because the caller's snapshot is current: it was read once and every user edit
 * since came with its new value (onChanged details), so the cells the plan expects empty or owned
 * are known to be so. Constant cell writes only; anything else goes through applyEdits.
 */
import type { ApplyResult, CellEdit, EditPlan } from '../core/plan';
import { toExcelInput } from './cell-input';
import type { WriteGuard } from './guard';

type ConstantWrite = Extract<CellEdit, { kind: 'setCell' }>;

export function isConstantWrite(e: CellEdit): e is ConstantWrite {
  return e.kind === 'setCell' && !e.content.formula;
}

export async function writeKnownCells(context: Excel.RequestContext, plan: EditPlan, guard: WriteGuard): Promise<ApplyResult> {
  const edits = plan.edits.filter(isConstantWrite);
  for (const e of edits) {
    const cell = context.workbook.worksheets.getItem(e.sheet).getRangeByIndexes(e.row - 1, e.col - 1, 1, 1);
    if (e.content.numberFormat) cell.numberFormat = [[e.content.numberFormat]];
    cell.formulas = [[toExcelInput(e.content)]];
    guard.note(e.sheet, { top: e.row, left: e.col, bottom: e.row, right: e.col });
  }
  await context.sync();
  return { applied: edits.length, skipped: [], inverse: [] };
}
