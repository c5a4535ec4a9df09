/** What restores each edit: captured in the verify sync, returned as the plan's inverse. */
import { parseLinkTarget, type CellEdit, type LinkSpec } from '../core/plan';
import { deleteColumnInverse, insertColumnInverse, type CellMarks } from '../core/apply-rules';
import { linkTargetOf } from './extras';
import type { CellValue } from '../core/snapshot';
import { fromExcelFormula, fromExcelValue, pointsToChars } from './cell-input';
import { parseAreas } from './address';
import type { EditProbe, Probes } from './probes';
import type { CellState } from './state';

export function restoreCell(sheet: string, row: number, col: number, before: CellState, after: CellState): CellEdit {
  const content = before.formula
    ? { formula: before.formula, value: before.value, numberFormat: before.numberFormat ?? 'General' }
    : { value: before.value, numberFormat: before.numberFormat ?? 'General' };
  return { kind: 'setCell', sheet, row, col, expect: { value: after.value, formula: after.formula }, content };
}

export function restoreRows(sheet: string, top: number, left: number, values: unknown[][], formulas: unknown[][], formats?: unknown[][]): CellEdit[] {
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

export function inverseOf(edit: CellEdit, probe: EditProbe): CellEdit[] {
  switch (edit.kind) {
    case 'setFill': {
      const old = probe.fill ? probe.fill.color : null;
      // Excel reports an unfilled cell as white; restoring "no fill" is the safer reading.
      const fill = !old || /^#?FFFFFF$/i.test(old) ? null : old.toUpperCase();
      // A fresh edit: an undo plan's own expectation (expectFill …) is not the inverse's (the core
      // sets that from what this plan wrote).
      return [{ kind: 'setFill', sheet: edit.sheet, row: edit.row, col: edit.col, fill }];
    }
    case 'setNote':
      return [{ kind: 'setNote', sheet: edit.sheet, row: edit.row, col: edit.col, note: probe.note && !probe.note.isNullObject ? probe.note.content : null }];
    case 'setHyperlink': {
      const h = probe.link ? probe.link.hyperlink : null;
      return [{ kind: 'setHyperlink', sheet: edit.sheet, row: edit.row, col: edit.col, link: h ? linkFromExcel(h) : null }];
    }
    case 'insertColumn':
      return insertColumnInverse(edit);
    case 'deleteColumn': {
      // What was there, read in the verify sync; the order of the restoring edits is the core's.
      const used = probe.used;
      const inside = used && probe.merges && !probe.merges.isNullObject ? parseAreas(probe.merges.address).filter((r) => r.left === probe.col && r.right === probe.col) : [];
      const contents: CellEdit[] = [];
      if (used) {
        contents.push(...restoreRows(edit.sheet, used.rowIndex + 1, edit.col, used.values, used.formulas, used.numberFormat));
        probe.fills?.value.forEach((line, i) => {
          const colour = line[0]?.format?.fill?.color;
          const fill = colour && !/^#?FFFFFF$/i.test(colour) ? colour.toUpperCase() : null;
          contents.push({ kind: 'setFill', sheet: edit.sheet, row: used.rowIndex + 1 + i, col: edit.col, fill });
        });
      }
      return deleteColumnInverse(edit, {
        width: probe.width ? pointsToChars(probe.width.columnWidth) : null,
        merges: inside.map((r) => ({ ...r, left: edit.col, right: edit.col })),
        contents,
      });
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

/** Fill, note and link of an edit's cell as read in the verify sync, for the core's undo checks. */
export function probedMarks(probe: EditProbe): CellMarks {
  return {
    fill: probe.fill ? probe.fill.color : null,
    note: probe.note && !probe.note.isNullObject ? probe.note.content : null,
    link: probe.link && probe.link.hyperlink ? linkTargetOf(probe.link.hyperlink) : null,
  };
}

export function deleteSheetInverse(sheet: string, probe: EditProbe, probes: Probes): CellEdit[] {
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

/** An Excel hyperlink in the plan's terms; a web address (or anything else) is kept verbatim as url. */
export function linkFromExcel(h: Excel.RangeHyperlink): LinkSpec | null {
  const tooltip = h.screenTip ? { tooltip: h.screenTip } : {};
  const target = linkTargetOf(h);
  if (!target) return null;
  return { ...(parseLinkTarget(target) ?? { sheet: '', cell: '', url: target }), ...tooltip };
}
