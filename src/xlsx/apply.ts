/**
 * Applies an EditPlan to an exceljs workbook, edit by edit, and returns the exact inverse.
 * A setCell whose cell no longer holds what the plan expected is skipped and reported.
 */
import type ExcelJS from 'exceljs';
import { linkTarget, parseLinkTarget, type ApplyResult, type CellEdit, type CellExpectation, type EditPlan, type PrintLayout, type SkippedEdit } from '../core/plan';
import { addSheetInverse, deleteColumnInverse, insertColumnInverse, marksConflict, matchesExpectation as coreMatches, skip } from '../core/apply-rules';
import {
  readContent,
  readFillColour,
  readFormula,
  readHyperlink,
  readNote,
  readShown,
  readValue,
  setStyle,
  writeContent,
  writeHyperlink,
  writeNote,
} from './cell-io';
import { deleteColumn, insertColumn, listMerges } from './columns';

type Inverse = CellEdit[];

/** Does the cell still hold what the plan expected? The rule is the core's (src/core/apply-rules.ts). */
export function matchesExpectation(cell: ExcelJS.Cell, expect: CellExpectation): boolean {
  return coreMatches(readShown(cell), readFormula(cell), expect);
}

function setCell(ws: ExcelJS.Worksheet, e: Extract<CellEdit, { kind: 'setCell' }>): Inverse | SkippedEdit {
  const cell = ws.getCell(e.row, e.col);
  if (cell.type === 1 /* merged slave */) return skip.insideMerge(e);
  if (e.expect && !matchesExpectation(cell, e.expect)) return skip.changed(e, { value: readShown(cell), formula: readFormula(cell) });
  const prior = readContent(cell);
  const priorLink = readHyperlink(cell);
  const priorTooltip = (cell.value as { tooltip?: string } | null)?.tooltip;
  writeContent(cell, e.content);
  const after: CellExpectation = { value: readShown(cell), formula: readFormula(cell) };
  const inverse: Inverse = [{ kind: 'setCell', sheet: e.sheet, row: e.row, col: e.col, expect: after, content: prior }];
  // exceljs keeps a link only on text: a formula or number written over a linked cell drops it, so
  // undo puts it back after the value (Excel keeps the link: Range.hyperlink is apart from the value)
  if (priorLink && !readHyperlink(cell)) inverse.push({ kind: 'setHyperlink', sheet: e.sheet, row: e.row, col: e.col, link: { sheet: '', cell: '', url: priorLink, ...(priorTooltip ? { tooltip: priorTooltip } : {}) } });
  return inverse;
}

function setFill(ws: ExcelJS.Worksheet, e: Extract<CellEdit, { kind: 'setFill' }>): Inverse {
  const cell = ws.getCell(e.row, e.col);
  const prior = cell.style?.fill ? JSON.parse(JSON.stringify(cell.style.fill)) : null;
  const priorColour = prior?.type === 'pattern' && prior.pattern === 'solid' && prior.fgColor?.argb ? `#${String(prior.fgColor.argb).slice(-6)}` : null;
  if (e.spec !== undefined) setStyle(cell, { fill: (e.spec as unknown as ExcelJS.Fill | null) ?? undefined });
  else if (e.fill === null) setStyle(cell, { fill: undefined });
  else setStyle(cell, { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${e.fill.replace('#', '').toUpperCase()}` } } });
  return [{ kind: 'setFill', sheet: e.sheet, row: e.row, col: e.col, fill: priorColour, spec: prior }];
}

function setNote(ws: ExcelJS.Worksheet, e: Extract<CellEdit, { kind: 'setNote' }>): Inverse {
  const cell = ws.getCell(e.row, e.col);
  const prior = readNote(cell);
  writeNote(cell, e.note);
  return [{ kind: 'setNote', sheet: e.sheet, row: e.row, col: e.col, note: prior }];
}

function setHyperlink(ws: ExcelJS.Worksheet, e: Extract<CellEdit, { kind: 'setHyperlink' }>): Inverse | SkippedEdit {
  const cell = ws.getCell(e.row, e.col);
  const priorTarget = readHyperlink(cell);
  const priorValue = readValue(cell);
  const priorTooltip = (cell.value as { tooltip?: string } | null)?.tooltip;
  const ok = writeHyperlink(cell, e.link ? linkTarget(e.link) : null, e.link?.tooltip);
  if (!ok) return skip.linkOnFormula(e);
  const inverse: Inverse = [];
  const priorLink = priorTarget ? parseLinkTarget(priorTarget) : null;
  if (priorTarget && (!priorLink || linkTarget(priorLink) !== priorTarget)) {
    // a web address, or a link written differently (other.xlsx#Sheet1!B2 unquoted): restore it verbatim
    inverse.push({ kind: 'setHyperlink', sheet: e.sheet, row: e.row, col: e.col, link: { sheet: '', cell: '', url: priorTarget, ...(priorTooltip ? { tooltip: priorTooltip } : {}) } });
  } else {
    inverse.push({ kind: 'setHyperlink', sheet: e.sheet, row: e.row, col: e.col, link: priorLink ? { ...priorLink, ...(priorTooltip ? { tooltip: priorTooltip } : {}) } : null });
  }
  if (typeof priorValue !== 'string' && priorValue !== null) {
    inverse.push({ kind: 'setCell', sheet: e.sheet, row: e.row, col: e.col, expect: null, content: { value: priorValue } });
  }
  return inverse;
}

/** Edits that put back the contents of cells (all columns, or one): values, formulas, formats, notes, fills, links. */
function cellContents(ws: ExcelJS.Worksheet, only?: number): Inverse {
  const out: Inverse = [];
  // rows holding only a fill or a note count as empty to exceljs: visit them too
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      if ((only !== undefined && col !== only) || cell.type === 1) return;
      const at = { sheet: ws.name, row: row.number, col };
      const content = readContent(cell);
      const link = readHyperlink(cell);
      if (content.value !== null || content.formula || content.numberFormat !== 'General') out.push({ kind: 'setCell', ...at, expect: null, content });
      if (link) out.push({ kind: 'setHyperlink', ...at, link: parseLinkTarget(link) ?? { sheet: '', cell: '', url: link } });
      const note = readNote(cell);
      if (note !== null) out.push({ kind: 'setNote', ...at, note });
      const fill = cell.style?.fill;
      if (fill) out.push({ kind: 'setFill', ...at, fill: null, spec: JSON.parse(JSON.stringify(fill)) });
    });
  });
  return out;
}

/** Page setup of a sheet the add-in wrote: A4 landscape, one page wide, header rows on every page. */
function applyPrintLayout(ws: ExcelJS.Worksheet, print: PrintLayout, rows: number): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4 (ECMA-376 Part 1, 18.3.1.63 paperSize)
    orientation: print.orientation,
    ...(print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
    ...(print.repeatRows ? { printTitlesRow: `${print.repeatRows[0]}:${print.repeatRows[1]}` } : {}),
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = {
    ...(print.header ? { oddHeader: `&L${print.header.replace(/&/g, '&&')}` } : {}),
    oddFooter: '&C&P / &N',
  };
  for (let r = print.wrapFrom; r <= rows; r++) {
    for (const c of print.wrapColumns) ws.getCell(r, c).alignment = { wrapText: true, vertical: 'top' };
  }
}

function applyOne(wb: ExcelJS.Workbook, e: CellEdit): Inverse | SkippedEdit {
  if (e.kind === 'addSheet') {
    if (wb.getWorksheet(e.sheet)) return skip.sheetExists(e);
    const ws = wb.addWorksheet(e.sheet, { state: e.visibility });
    (e.rows ?? []).forEach((line, i) => line.forEach((v, j) => {
      // an empty string is an empty cell, as when Excel is given "" through Range.values (and as the patched save writes it)
      if (v !== null && v !== '') writeContent(ws.getCell(i + 1, j + 1), { value: v });
    }));
    if (e.print) applyPrintLayout(ws, e.print, e.rows?.length ?? 0);
    return addSheetInverse(e);
  }
  const ws = wb.getWorksheet(e.sheet);
  if (!ws) return skip.sheetMissing(e);
  switch (e.kind) {
    case 'setCell':
      return setCell(ws, e);
    case 'setFill':
    case 'setNote':
    case 'setHyperlink': {
      const cell = ws.getCell(e.row, e.col);
      const conflict = marksConflict(e, () => ({ fill: readFillColour(cell), note: readNote(cell), link: readHyperlink(cell) }));
      if (conflict) return conflict;
      return e.kind === 'setFill' ? setFill(ws, e) : e.kind === 'setNote' ? setNote(ws, e) : setHyperlink(ws, e);
    }
    case 'insertColumn':
      insertColumn(ws, e.col, e.formatFrom, e.widen === true);
      return insertColumnInverse(e);
    case 'deleteColumn': {
      const was = { width: ws.getColumn(e.col).width ?? null, merges: listMerges(ws), contents: cellContents(ws, e.col) };
      deleteColumn(ws, e.col);
      return deleteColumnInverse(e, was);
    }
    case 'merge': {
      const { top, left, bottom, right } = e.range;
      if (listMerges(ws).some((m) => m.top <= bottom && top <= m.bottom && m.left <= right && left <= m.right)) return skip.mergeOverlaps(e);
      ws.mergeCellsWithoutStyle(top, left, bottom, right);
      return [{ kind: 'unmerge', sheet: e.sheet, range: e.range }];
    }
    case 'unmerge': {
      const { top, left } = e.range;
      const master = ws.getCell(top, left);
      const styles = new Map<string, Partial<ExcelJS.Style>>();
      for (let r = e.range.top; r <= e.range.bottom; r++) for (let c = e.range.left; c <= e.range.right; c++) styles.set(`${r},${c}`, ws.getCell(r, c).style);
      ws.unMergeCells(master.address);
      for (const [k, s] of styles) {
        const [r, c] = k.split(',').map(Number);
        ws.getCell(r, c).style = s;
      }
      return [{ kind: 'merge', sheet: e.sheet, range: e.range }];
    }
    case 'setColumnWidth': {
      const column = ws.getColumn(e.col);
      const prior = column.width ?? null;
      column.width = e.width ?? undefined;
      return [{ kind: 'setColumnWidth', sheet: e.sheet, col: e.col, width: prior }];
    }
    case 'deleteSheet': {
      // put back as a sheet with the same cells, links, notes, fills, merges and column widths
      const state = (ws.state ?? 'visible') as 'visible' | 'hidden' | 'veryHidden';
      const restore: Inverse = [{ kind: 'addSheet', sheet: e.sheet, visibility: state }, ...cellContents(ws)];
      for (const range of listMerges(ws)) restore.push({ kind: 'merge', sheet: e.sheet, range });
      for (let c = 1; c <= ws.columnCount; c++) {
        const width = ws.getColumn(c).width;
        if (width !== undefined) restore.push({ kind: 'setColumnWidth', sheet: e.sheet, col: c, width });
      }
      wb.removeWorksheet(ws.id);
      return restore;
    }
  }
}

/** Applies a plan; the inverse lists the restoring edits in the order they must run. */
export function applyPlanToWorkbook(wb: ExcelJS.Workbook, plan: EditPlan): ApplyResult {
  const skipped: SkippedEdit[] = [];
  const inverses: Inverse[] = [];
  let applied = 0;
  for (const edit of plan.edits) {
    const r = applyOne(wb, edit);
    if (Array.isArray(r)) {
      applied++;
      inverses.push(r);
    } else skipped.push(r);
  }
  return { applied, skipped, inverse: inverses.reverse().flat() };
}
