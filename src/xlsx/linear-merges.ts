/**
 * A load of merged areas linear in their number (exceljs 4.4.0 private API; re-check on upgrade).
 *
 * exceljs applies a sheet's <mergeCells> on load through `Worksheet._parseMergeCells`, which calls
 * `mergeCellsWithoutStyle` per area; that compares the new area with every earlier one of the sheet
 * (`_mergeCellsInternal`, lib/doc/worksheet.js:612): quadratic. One sheet of 10,000 KPIs with 40,000
 * merged areas took 198 s to check, the same sheet without merges 3.7 s (BENCHMARKS.md).
 *
 * The replacement finds overlaps through a set of the merged cells (linear in the cells merged, which
 * exceljs visits anyway) and lets exceljs merge each area against an empty area list, so the cells,
 * their master and `_merges` end up exactly as before, and overlapping areas still fail the load with
 * exceljs's own "Cannot merge already merged cells". Chosen over reading <mergeCells> from the sheet
 * XML ourselves (a second unzip and XML parse of every sheet, and exceljs would still merge them) and
 * over another reader (the writer and the planners work on exceljs's model). Only the load step is
 * replaced: merges made later through the public API keep exceljs's own check. Commands that only
 * read (check, diff, split) now go through such a reader when it reads the file (src/xlsx/fast, whose
 * sheet scanner reads <mergeCells> itself); this step serves the exceljs host, which writes.
 */
import type ExcelJS from 'exceljs';
import { mergeAreas, replaceParseMergeCells, setMergeAreas, type MergeArea as Area } from './exceljs-internals';

const PATCHED = Symbol.for('kpi-progress.linearMerges');

/** Column letters and row of "AB12" (a $ allowed); null when it is no cell reference. */
function cellOf(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

/** The area of a "<mergeCell ref>" ("A1:B2", or one cell); null when exceljs should judge it. */
export function areaOf(ref: string): Area | null {
  const [a, b = a] = ref.split(':');
  const p = cellOf(a);
  const q = cellOf(b);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

// 16,384 columns in a sheet: a number key per cell
const key = (row: number, col: number) => row * 16_385 + col;

function occupy(taken: Set<number>, area: Area): boolean {
  for (let r = area.top; r <= area.bottom; r++) {
    for (let c = area.left; c <= area.right; c++) if (taken.has(key(r, c))) return false;
  }
  for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) taken.add(key(r, c));
  return true;
}

function parseMergeCellsLinear(this: ExcelJS.Worksheet, model: { mergeCells?: string[] }): void {
  const refs = model.mergeCells ?? [];
  if (refs.length === 0) return;
  const all = mergeAreas(this);
  const taken = new Set<number>();
  for (const area of Object.values(all)) occupy(taken, area);
  try {
    for (const ref of refs) {
      const area = areaOf(ref);
      if (area && !occupy(taken, area)) throw new Error('Cannot merge already merged cells');
      if (!area) {
        // not a plain reference: exceljs parses it and checks it against every area, as before
        setMergeAreas(this, all);
        const before = new Set(Object.keys(all));
        this.mergeCellsWithoutStyle(ref);
        for (const [master, merged] of Object.entries(all)) if (!before.has(master)) occupy(taken, merged);
        continue;
      }
      setMergeAreas(this, {});
      this.mergeCellsWithoutStyle(ref);
      Object.assign(all, mergeAreas(this));
    }
  } finally {
    setMergeAreas(this, all);
  }
}

/** Replaces exceljs's load step for merged areas once per process (idempotent; browser-safe). */
export function useLinearMergeLoad(): void {
  replaceParseMergeCells(parseMergeCellsLinear, PATCHED);
}
