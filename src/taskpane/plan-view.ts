/** Which cell a plan edit touches, for the Actions preview and its cell count (pure, unit-tested). */
import type { CellEdit, EditPlan } from '../core/plan';
import { cellAddress } from '../core/snapshot';

/** "Sheet!E11" for cell edits; the sheet name for column and sheet edits. */
export function editTarget(edit: CellEdit): string {
  if ('row' in edit) return `${edit.sheet}!${cellAddress(edit.row, edit.col)}`;
  if ('col' in edit) return `${edit.sheet}!col${edit.col}`;
  if ('range' in edit) return `${edit.sheet}!${cellAddress(edit.range.top, edit.range.left)}`;
  return edit.sheet;
}

/** Cells a plan changed once applied: the preview's count less the cells whose every edit was skipped. */
export function appliedCellCount(plan: EditPlan, skipped: readonly { edit: CellEdit }[]): number {
  const skippedEdits = new Set(skipped.map((s) => s.edit));
  return new Set(plan.edits.filter((e) => !skippedEdits.has(e)).map(editTarget)).size;
}

/** Number of distinct cells (or columns/sheets) a plan touches. */
export function changedCellCount(plan: EditPlan): number {
  return new Set(plan.edits.map(editTarget)).size;
}
