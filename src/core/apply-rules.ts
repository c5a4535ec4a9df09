/**
 * The rules of applying a plan, decided once for every host (issue #13): when a cell still holds what
 * the plan expected, why an edit is skipped (reason + sentence), how far a sheet is read, and what the
 * inverse of a structural edit is. Hosts (src/excel, src/xlsx) only read and write cells and call these.
 * Pure: no Office.js, exceljs, DOM or Node.
 */
import { t } from './catalogue';
import { linkTarget, parseLinkTarget, type CellEdit, type CellExpectation, type EditPlan, type SkippedEdit } from './plan';
import { cellAddress, columnLetter, type CellRange, type CellValue } from './snapshot';

/** Past these a sheet is cut when read and the snapshot's `truncated` says so (both hosts). */
export const MAX_ROWS = 100_000;
export const MAX_COLS = 200;

/** Two cell values are the same for an expectation: numbers within 1e-9 relative (a value read back
 *  through a file or Excel's double may differ in the last bits), empty text and empty cell alike
 *  (Excel has no empty text; a plan made from an .xlsx file may expect "" where Excel reads empty). */
export function sameValue(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  if ((a === null || a === '') && (b === null || b === '')) return true;
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return false;
}

/**
 * Does a cell (its shown value and its formula, null for a constant) still hold what the plan was
 * made on? A formula cell is judged by its formula text: its cached result may be stale or absent.
 */
export function matchesExpectation(value: CellValue, formula: string | null, expect: CellExpectation): boolean {
  if (expect.formula) return formula === expect.formula;
  return formula === null && sameValue(value, expect.value ?? null);
}

const at = (sheet: string, row: number, col: number) => `${sheet}!${cellAddress(row, col)}`;
const rangeText = (r: CellRange) => `${columnLetter(r.left)}${r.top}:${columnLetter(r.right)}${r.bottom}`;
const shown = (value: CellValue, formula: string | null) => formula ?? JSON.stringify(value);

/** A fill as "#RRGGBB" upper case, or null for none (Excel reports no fill as white). */
function normalFill(fill: string | null | undefined): string | null {
  if (!fill) return null;
  const hex = fill.replace('#', '').toUpperCase().slice(-6);
  return hex === 'FFFFFF' ? null : `#${hex}`;
}

/** Does the cell's fill (as the host reads it) still hold what an undo edit expects? */
export function fillMatches(current: string | null | undefined, expected: string | null): boolean {
  return normalFill(current) === normalFill(expected);
}

/** Notes are compared as text, line ends unified (Excel and files store CR LF or LF). */
export function noteMatches(current: string | null | undefined, expected: string | null): boolean {
  const norm = (n: string | null | undefined) => (n ?? '').replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  return norm(current) === norm(expected);
}

/** Link targets are compared in one spelling ("#'01'!A1"), so quoting differences do not count. */
export function linkMatches(current: string | null | undefined, expected: string | null): boolean {
  const norm = (t: string | null | undefined) => {
    if (!t) return '';
    const parsed = parseLinkTarget(t);
    return parsed ? linkTarget(parsed) : t;
  };
  return norm(current) === norm(expected);
}

/** Why an edit is skipped: one reason and one sentence per case, the same on every host. */
export const skip = {
  changed(edit: Extract<CellEdit, { kind: 'setCell' }>, found: { value: CellValue; formula: string | null }): SkippedEdit {
    const expect = edit.expect!;
    return { edit, reason: 'changed', detail: `${at(edit.sheet, edit.row, edit.col)}: expected ${shown(expect.value ?? null, expect.formula)}, found ${shown(found.value, found.formula)}` };
  },
  /** An undo edit whose cell no longer holds what the command wrote (a later edit is kept). */
  changedSince(edit: Extract<CellEdit, { row: number; col: number }>, what: string): SkippedEdit {
    return { edit, reason: 'changed', detail: `${at(edit.sheet, edit.row, edit.col)}: ${what} changed since; kept` };
  },
  insideMerge(edit: Extract<CellEdit, { row: number; col: number }>): SkippedEdit {
    return { edit, reason: 'unsupported', detail: `${at(edit.sheet, edit.row, edit.col)} is inside a merged area` };
  },
  /** The .xlsx format cannot keep a link on a formula cell; both hosts leave such cells alone. */
  linkOnFormula(edit: Extract<CellEdit, { kind: 'setHyperlink' }>): SkippedEdit {
    return { edit, reason: 'unsupported', detail: `${at(edit.sheet, edit.row, edit.col)} holds a formula; no link added` };
  },
  /** Excel refuses to merge over a merged area (and fails the batch); exceljs would corrupt the sheet. */
  mergeOverlaps(edit: Extract<CellEdit, { kind: 'merge' }>): SkippedEdit {
    return { edit, reason: 'exists', detail: `${edit.sheet}!${rangeText(edit.range)} overlaps a merged area` };
  },
  sheetExists(edit: CellEdit): SkippedEdit {
    return { edit, reason: 'exists', detail: `sheet "${edit.sheet}" already exists` };
  },
  sheetMissing(edit: CellEdit): SkippedEdit {
    return { edit, reason: 'missing', detail: `sheet "${edit.sheet}" does not exist` };
  },
  /** The host lacks an API the edit needs ("notes need ExcelApi 1.18"). */
  unsupported(edit: CellEdit, need: string): SkippedEdit {
    return { edit, reason: 'unsupported', detail: need };
  },
};

/** What a host knows about a column just before deleting it, so that its inverse restores it. */
export interface DeletedColumn {
  /** Width in characters, null for the default. */
  width: number | null;
  /** Merged areas lying within the column (one column wide), in sheet coordinates. */
  merges: CellRange[];
  /** Edits putting back its cells: values, formulas, formats, notes, fills, links (expect: null). */
  contents: CellEdit[];
}

/** The inverse of inserting a column: delete it again. */
export function insertColumnInverse(edit: Extract<CellEdit, { kind: 'insertColumn' }>): CellEdit[] {
  return [{ kind: 'deleteColumn', sheet: edit.sheet, col: edit.col }];
}

/**
 * The inverse of deleting a column: re-insert one taking formats from the column that moved into its
 * place, then put back width, the merged areas within it and its contents — in this order on every host.
 */
export function deleteColumnInverse(edit: Extract<CellEdit, { kind: 'deleteColumn' }>, was: DeletedColumn): CellEdit[] {
  const { sheet, col } = edit;
  return [
    { kind: 'insertColumn', sheet, col, formatFrom: col },
    { kind: 'setColumnWidth', sheet, col, width: was.width },
    ...was.merges.filter((m) => m.left === col && m.right === col).map((range): CellEdit => ({ kind: 'merge', sheet, range })),
    ...was.contents,
  ];
}

/** The inverse of adding a sheet. */
export function addSheetInverse(edit: Extract<CellEdit, { kind: 'addSheet' }>): CellEdit[] {
  return [{ kind: 'deleteSheet', sheet: edit.sheet }];
}

/** What a host reads of a cell for an undo edit's check; read lazily (only guarded edits need it). */
export interface CellMarks {
  fill: string | null;
  note: string | null;
  link: string | null;
}

/**
 * An undo edit of a fill, note or link whose cell no longer holds what the command wrote (the user
 * recoloured it, appended to the note, or a row moved it): the skip, or null when it may be applied.
 * Edits without an expectation (plans, records older than this rule) are never held back.
 */
export function marksConflict(edit: CellEdit, read: () => CellMarks): SkippedEdit | null {
  if (edit.kind === 'setFill' && edit.expectFill !== undefined) return fillMatches(read().fill, edit.expectFill) ? null : skip.changedSince(edit, 'fill');
  if (edit.kind === 'setNote' && edit.expectNote !== undefined) return noteMatches(read().note, edit.expectNote) ? null : skip.changedSince(edit, 'note');
  if (edit.kind === 'setHyperlink' && edit.expectLink !== undefined) return linkMatches(read().link, edit.expectLink) ? null : skip.changedSince(edit, 'link');
  return null;
}

/** Excel's limit of characters in one cell. */
export const MAX_CELL_TEXT = 32_767;

/**
 * The plan with every text longer than a cell holds cut to 32,767 characters, and a notice naming
 * each cut cell (Excel would refuse the file or cut it silently).
 */
export function fitCellText(plan: EditPlan, lang: 'ja' | 'en'): EditPlan {
  const cuts: string[] = [];
  const cut = (v: CellValue, sheet: string, row: number, col: number): CellValue => {
    if (typeof v !== 'string' || v.length <= MAX_CELL_TEXT) return v;
    cuts.push(at(sheet, row, col));
    return v.slice(0, MAX_CELL_TEXT);
  };
  const edits = plan.edits.map((e): CellEdit => {
    if (e.kind === 'setCell' && e.content.value !== undefined && !e.content.formula) return { ...e, content: { ...e.content, value: cut(e.content.value, e.sheet, e.row, e.col) } };
    if (e.kind === 'addSheet' && e.rows) return { ...e, rows: e.rows.map((line, r) => line.map((v, c) => cut(v, e.sheet, r + 1, c + 1))) };
    if (e.kind === 'setNote' && e.note !== null && e.note.length > MAX_CELL_TEXT) return { ...e, note: (cuts.push(at(e.sheet, e.row, e.col)), e.note.slice(0, MAX_CELL_TEXT)) };
    return e;
  });
  if (!cuts.length) return plan;
  const list = cuts.slice(0, 5).join(', ') + (cuts.length > 5 ? ' …' : '');
  const notice = t(lang, 'plan.text-cut', { n: cuts.length, list });
  return { ...plan, edits, notices: [...plan.notices, notice] };
}
