/** Plain descriptions of plan edits for the Actions preview (pure, unit-tested). */
import type { CellEdit, EditPlan } from '../core/plan';
import { cellAddress, columnLetter } from '../core/snapshot';

export interface EditLine {
  where: string;
  what: string;
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return '(空)';
  const s = String(value);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

export function describeEdit(edit: CellEdit): EditLine {
  switch (edit.kind) {
    case 'setCell':
      return { where: `${edit.sheet}!${cellAddress(edit.row, edit.col)}`, what: edit.content.formula ?? shown(edit.content.value) };
    case 'setFill':
      return { where: `${edit.sheet}!${cellAddress(edit.row, edit.col)}`, what: edit.fill ? `■ ${edit.fill}` : '■ ×' };
    case 'setNote':
      return { where: `${edit.sheet}!${cellAddress(edit.row, edit.col)}`, what: edit.note === null ? '✎ ×' : `✎ ${shown(edit.note)}` };
    case 'setHyperlink':
      return { where: `${edit.sheet}!${cellAddress(edit.row, edit.col)}`, what: edit.link ? `→ ${edit.link.file ? `[${edit.link.file}]` : ''}${edit.link.sheet}!${edit.link.cell}` : '→ ×' };
    case 'insertColumn':
      return { where: `${edit.sheet}!${columnLetter(edit.col)}:${columnLetter(edit.col)}`, what: '+ column' };
    case 'deleteColumn':
      return { where: `${edit.sheet}!${columnLetter(edit.col)}:${columnLetter(edit.col)}`, what: '− column' };
    case 'merge':
    case 'unmerge':
      return {
        where: `${edit.sheet}!${cellAddress(edit.range.top, edit.range.left)}:${cellAddress(edit.range.bottom, edit.range.right)}`,
        what: edit.kind,
      };
    case 'setColumnWidth':
      return { where: `${edit.sheet}!${columnLetter(edit.col)}`, what: `width ${edit.width ?? 'auto'}` };
    case 'addSheet':
      return { where: edit.sheet, what: `+ sheet (${edit.rows?.length ?? 0} rows)` };
    case 'deleteSheet':
      return { where: edit.sheet, what: '− sheet' };
  }
}

/** Number of distinct cells (or columns/sheets) a plan touches. */
export function changedCellCount(plan: EditPlan): number {
  return new Set(plan.edits.map((e) => describeEdit(e).where)).size;
}
