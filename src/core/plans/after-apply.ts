/**
 * The workbook's snapshots after a plan was applied, from the plan itself: what the task pane shows
 * after 適用 without reading every sheet again (on Excel that read is 2 syncs a sheet, more than the
 * apply). Only the edits that were applied count (`skipped` are left out). Pure: the same edits the
 * hosts write, put into the grids the way the hosts would read them back.
 */
import { shiftFormula, type ColumnShift } from '../formula-refs';
import type { SheetInfo } from '../host';
import { linkTarget, type CellEdit, type EditPlan, type SkippedEdit } from '../plan';
import { cellKey, type CellExtras, type CellRange, type CellValue, type GridSnapshot } from '../snapshot';
import { DEFINITIONS_SHEET } from '../definitions';
import { OWN_SHEETS } from './input';

export interface WorkbookSnapshots {
  sheets: SheetInfo[];
  /** Snapshots of the sheets read for the model (not the product's own). */
  snapshots: GridSnapshot[];
  /** The KPI定義 sheet, when there is one. */
  definitions: GridSnapshot | null;
}

type Grid = { -readonly [K in keyof GridSnapshot]: GridSnapshot[K] };

function copy(s: GridSnapshot): Grid {
  return {
    ...s,
    values: s.values.map((r) => r.slice()),
    formulas: s.formulas.map((r) => r.slice()),
    numberFormats: s.numberFormats.map((r) => r.slice()),
    merges: s.merges.map((m) => ({ ...m })),
    ...(s.extras ? { extras: { ...s.extras } } : {}),
  };
}

/** Grows the grid (every row the same length) so that worksheet cell (row, col) is inside it. */
function cover(g: Grid, row: number, col: number): void {
  const rows = Math.max(g.values.length, row - g.origin.row + 1);
  const cols = Math.max(g.values[0]?.length ?? 0, col - g.origin.col + 1);
  for (const grid of [g.values, g.formulas, g.numberFormats] as (unknown[] | null)[][][]) {
    while (grid.length < rows) grid.push([]);
    for (const line of grid) while (line.length < cols) line.push(null);
  }
}

function fromRows(sheet: string, rows: CellValue[][]): GridSnapshot {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...Array<CellValue>(width - r.length).fill(null)].map((v) => (v === '' ? null : v)));
  return { sheet, origin: { row: 1, col: 1 }, values, formulas: values.map((r) => r.map(() => null)), numberFormats: values.map((r) => r.map(() => null)), merges: [] };
}

function setExtra(g: Grid, row: number, col: number, patch: Partial<Record<keyof CellExtras, string | null>>): void {
  const k = cellKey(row, col);
  const next: CellExtras = { ...g.extras?.[k] };
  for (const [name, v] of Object.entries(patch) as [keyof CellExtras, string | null][]) {
    if (v === null) delete next[name];
    else next[name] = v;
  }
  const extras = { ...g.extras };
  if (Object.keys(next).length) extras[k] = next;
  else delete extras[k];
  g.extras = extras;
}

/** Columns at or right of `col` move by `delta` (+1 insert, -1 delete) in one sheet's grid. */
function shiftColumns(g: Grid, col: number, delta: 1 | -1, formatFrom?: number): void {
  const at = col - g.origin.col;
  const width = g.values[0]?.length ?? 0;
  if (at <= width && at >= 0) {
    for (const grid of [g.values, g.formulas, g.numberFormats] as (unknown | null)[][][]) {
      for (const line of grid) {
        if (delta === 1) line.splice(at, 0, null);
        else if (at < line.length) line.splice(at, 1);
      }
    }
    // An inserted column takes the number formats of the column the plan names (the hosts copy its formats).
    if (delta === 1 && formatFrom !== undefined) {
      const from = (formatFrom >= col ? formatFrom + 1 : formatFrom) - g.origin.col;
      g.numberFormats.forEach((line) => (line[at] = line[from] ?? null));
    }
  }
  const moved: CellRange[] = [];
  for (const m of g.merges) {
    if (m.right < col) moved.push(m);
    else if (delta === 1) moved.push(m.left >= col ? { ...m, left: m.left + 1, right: m.right + 1 } : { ...m, right: m.right + 1 });
    else if (m.left > col) moved.push({ ...m, left: m.left - 1, right: m.right - 1 });
    else if (m.right > m.left || m.bottom > m.top) {
      const right = m.right - 1;
      if (right > m.left || m.bottom > m.top) moved.push({ ...m, right: Math.max(m.left, right) });
    }
  }
  // The source column's merges come along (copyFrom "Formats" copies merged areas wholly inside it).
  if (delta === 1 && formatFrom !== undefined) {
    const from = formatFrom >= col ? formatFrom + 1 : formatFrom;
    for (const m of moved.filter((x) => x.left === from && x.right === from)) moved.push({ ...m, left: col, right: col });
  }
  g.merges = moved.filter((m) => m.bottom > m.top || m.right > m.left);
  if (g.extras) {
    const extras: Record<string, CellExtras> = {};
    for (const [k, e] of Object.entries(g.extras)) {
      const [r, c] = k.split(',').map(Number);
      if (c < col) extras[k] = e;
      else if (delta === 1) extras[cellKey(r, c + 1)] = e;
      else if (c > col) extras[cellKey(r, c - 1)] = e;
    }
    g.extras = extras;
  }
}

/**
 * The snapshots after `plan`, without its `skipped` edits. Formulas in every sheet move with inserted
 * and deleted columns, as Excel moves them; a formula's value is the cached result the plan gives.
 */
export function snapshotsAfterPlan(book: WorkbookSnapshots, plan: EditPlan, skipped: SkippedEdit[]): WorkbookSnapshots {
  const left = new Set(skipped.map((s) => s.edit));
  let sheets = book.sheets.slice();
  const grids = new Map<string, Grid>();
  const order: string[] = book.snapshots.map((s) => s.sheet);
  let definitions: Grid | null = book.definitions ? copy(book.definitions) : null;
  for (const s of book.snapshots) grids.set(s.sheet, copy(s));
  const grid = (sheet: string): Grid | null => (sheet === DEFINITIONS_SHEET ? definitions : (grids.get(sheet) ?? null));
  const shift = (s: ColumnShift, formatFrom?: number) => {
    for (const g of [...grids.values(), ...(definitions ? [definitions] : [])]) {
      g.formulas = g.formulas.map((line) => line.map((f) => (f ? shiftFormula(f, g.sheet, s) : f)));
      if (g.sheet === s.sheet) shiftColumns(g, s.col, s.delta, formatFrom);
    }
  };

  for (const edit of plan.edits as CellEdit[]) {
    if (left.has(edit)) continue;
    if (edit.kind === 'addSheet') {
      sheets = [...sheets.filter((s) => s.name !== edit.sheet), { name: edit.sheet, visibility: edit.visibility }];
      const made = copy(fromRows(edit.sheet, edit.rows ?? []));
      if (edit.sheet === DEFINITIONS_SHEET) definitions = made;
      else if (edit.visibility !== 'veryHidden' && !OWN_SHEETS.includes(edit.sheet)) {
        grids.set(edit.sheet, made);
        order.push(edit.sheet);
      }
      continue;
    }
    if (edit.kind === 'deleteSheet') {
      sheets = sheets.filter((s) => s.name !== edit.sheet);
      if (edit.sheet === DEFINITIONS_SHEET) definitions = null;
      grids.delete(edit.sheet);
      continue;
    }
    if (edit.kind === 'insertColumn' || edit.kind === 'deleteColumn') {
      shift({ sheet: edit.sheet, col: edit.col, delta: edit.kind === 'insertColumn' ? 1 : -1 }, edit.kind === 'insertColumn' ? edit.formatFrom : undefined);
      continue;
    }
    const g = grid(edit.sheet);
    if (!g) continue;
    switch (edit.kind) {
      case 'setCell': {
        cover(g, edit.row, edit.col);
        const r = edit.row - g.origin.row;
        const c = edit.col - g.origin.col;
        const value = edit.content.value ?? null;
        g.values[r][c] = value === '' ? null : value;
        g.formulas[r][c] = edit.content.formula ?? null;
        if (edit.content.numberFormat !== undefined) g.numberFormats[r][c] = edit.content.numberFormat === 'General' ? null : edit.content.numberFormat;
        break;
      }
      case 'setFill':
        setExtra(g, edit.row, edit.col, { fill: edit.fill ? `#${edit.fill.replace('#', '').toUpperCase()}` : null });
        break;
      case 'setNote':
        setExtra(g, edit.row, edit.col, { note: edit.note });
        break;
      case 'setHyperlink':
        setExtra(g, edit.row, edit.col, { hyperlink: edit.link ? linkTarget(edit.link) : null });
        break;
      case 'merge': {
        cover(g, edit.range.bottom, edit.range.right);
        const { top, left: l, bottom, right } = edit.range;
        for (let r = top; r <= bottom; r++)
          for (let c = l; c <= right; c++) {
            if (r === top && c === l) continue;
            g.values[r - g.origin.row][c - g.origin.col] = null;
            g.formulas[r - g.origin.row][c - g.origin.col] = null;
          }
        g.merges = [...g.merges, { ...edit.range }].sort((a, b) => a.top - b.top || a.left - b.left);
        break;
      }
      case 'unmerge': {
        const r = edit.range;
        g.merges = g.merges.filter((m) => !(m.top <= r.bottom && r.top <= m.bottom && m.left <= r.right && r.left <= m.right));
        break;
      }
      case 'setColumnWidth':
        break;
    }
  }
  return { sheets, snapshots: order.filter((n) => grids.has(n)).map((n) => grids.get(n)!), definitions };
}
