/**
 * Whole-column insert and delete on one sheet of an OOXML package, done the way Excel does it so
 * that nothing the plan does not mean to change is lost (issue #16). Besides the cells themselves,
 * every place that holds a reference to the sheet's columns moves with them (shift.ts says how):
 * - the sheet: cells (`<c r>`, formulas and their shared/array `ref`, row spans), `<cols>`,
 *   `<dimension>`, views (pane, selection), merges, conditional formats and validations (also the
 *   Excel 2010 ones in extLst, and sparklines), autofilter (with its filter columns and sort), sort
 *   state, hyperlinks, protected ranges, ignored errors, column page breaks;
 * - parts of the sheet: drawing anchors (shapes, charts), notes (comments + their VML shapes),
 *   threaded comments, tables;
 * - the workbook: defined names (print area, print titles, _FilterDatabase, the user's names),
 *   formulas on every sheet that name this one, chart series, pivot cache sources; calcChain is
 *   dropped (Excel rebuilds it; a stale one makes Excel repair the file).
 * A table whose columns the insert or delete would change is refused by name (adding a table column
 * needs a unique header the user did not write); a table to the right just moves.
 * Callers holding a SheetXml of the sheet open it again afterwards (its cell index is stale).
 */
import { t } from '../../core/catalogue';
import { mapRefs } from '../../core/formula-refs';
import { columnLetter, columnNumber } from '../../core/snapshot';
import { REL, type OoxmlPackage } from './package';
import { shiftArea, shiftCell, shiftColumn, shiftFormula, shiftSqref, translateFormula, type ColumnShift, type ShiftOptions } from './shift';
import { UnpatchableError } from './cells';
import { children, make, type Document, type Element, type Node } from './xml';

const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_TABLE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';
const REL_THREADED = 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment';
const NS_XM = 'http://schemas.microsoft.com/office/excel/2006/main';
const MAX_COLUMN = 16384;

/** Every element below `root` with this local name (document order). */
function all(root: Element | Document, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS('*', localName) as unknown as ArrayLike<Element>);
}

function textOf(e: Element): string {
  return e.textContent ?? '';
}

function setText(e: Element, text: string): void {
  while (e.firstChild) e.removeChild(e.firstChild);
  e.appendChild(e.ownerDocument!.createTextNode(text));
}

function remove(n: Node): void {
  n.parentNode?.removeChild(n);
}

function setCount(parent: Element | undefined, localName: string): void {
  if (parent?.hasAttribute('count')) parent.setAttribute('count', String(children(parent, localName).length));
}

/** Does this formula refer to `sheet` (unqualified references count when it is the formula's own)? */
function refersTo(formula: string, formulaSheet: string, sheet: string): boolean {
  let found = false;
  mapRefs(formula, formulaSheet, (ref) => {
    if (ref.sheet !== null && ref.sheet.toLowerCase() === sheet.toLowerCase() && ref.kind !== 'rows') found = true;
    return '';
  });
  return found;
}

function areaColumns(area: string): [number, number] {
  const [a, b = a] = area.split(':');
  const col = (s: string) => columnNumber(/[A-Za-z]+/.exec(s)?.[0] ?? 'A');
  return [col(a), col(b)];
}

function areaRows(area: string): [number, number] {
  const [a, b = a] = area.split(':');
  const row = (s: string) => Number(/\d+/.exec(s)?.[0] ?? 1);
  return [row(a), row(b)];
}

/** Refuses, before anything changes, an insert or delete that would change a table's own columns. */
async function refuseTables(pkg: OoxmlPackage, sheetPath: string, shift: ColumnShift): Promise<void> {
  for (const { path } of await pkg.related(sheetPath, REL_TABLE)) {
    const table = (await pkg.readXml(path)).documentElement!;
    const [left, right] = areaColumns(table.getAttribute('ref') ?? 'A1');
    const inside = shift.delta === 1 ? left < shift.col && shift.col <= right : left <= shift.col && shift.col <= right;
    if (!inside) continue;
    const name = table.getAttribute('displayName') ?? table.getAttribute('name') ?? path;
    const params = { sheet: shift.sheet, table: name, column: columnLetter(shift.col) };
    throw new UnpatchableError({ en: t('en', 'columns.table-inside', params), ja: t('ja', 'columns.table-inside', params) });
  }
}

/** Shared formulas spanning several columns that the shift touches become one formula per cell. */
function unshare(ws: Element, formulaSheet: string, shift: ColumnShift, ownSheet: boolean): boolean {
  let changed = false;
  const masters = new Map<string, { row: number; col: number; text: string; unshare: boolean }>();
  const shared = all(ws, 'f').filter((f) => f.getAttribute('t') === 'shared');
  for (const f of shared) {
    const ref = f.getAttribute('ref');
    const text = textOf(f);
    if (!ref || !text) continue;
    const [left, right] = areaColumns(ref);
    const r = (f.parentNode as Element).getAttribute('r') ?? '';
    const crosses = ownSheet && left < shift.col + (shift.delta === 1 ? 0 : 1) && shift.col <= right;
    const wide = right > left;
    masters.set(f.getAttribute('si') ?? '', {
      row: Number(/\d+/.exec(r)?.[0]),
      col: columnNumber(/[A-Za-z]+/.exec(r)?.[0] ?? 'A'),
      text,
      unshare: (wide && refersTo(text, formulaSheet, shift.sheet)) || crosses,
    });
  }
  for (const f of shared) {
    const m = masters.get(f.getAttribute('si') ?? '');
    if (!m?.unshare) continue;
    const r = (f.parentNode as Element).getAttribute('r') ?? '';
    const row = Number(/\d+/.exec(r)?.[0]);
    const col = columnNumber(/[A-Za-z]+/.exec(r)?.[0] ?? 'A');
    if (!textOf(f)) setText(f, translateFormula(m.text, col - m.col, row - m.row));
    f.removeAttribute('t');
    f.removeAttribute('si');
    f.removeAttribute('ref');
    changed = true;
  }
  return changed;
}

/** Formula texts of a sheet (cells, rules, validations, extensions) that refer to the shifted sheet. */
function shiftFormulaTexts(ws: Element, formulaSheet: string, shift: ColumnShift, ownSheet: boolean): boolean {
  let changed = unshare(ws, formulaSheet, shift, ownSheet);
  for (const f of all(ws, 'f')) {
    const text = textOf(f);
    if (text) {
      const next = shiftFormula(text, formulaSheet, shift);
      if (next !== text) {
        setText(f, next);
        changed = true;
      }
    }
    if (ownSheet && f.namespaceURI !== NS_XM) {
      for (const attr of ['ref', 'r1', 'r2']) {
        const v = f.getAttribute(attr);
        if (v) {
          const moved = attr === 'ref' ? shiftArea(v, shift) : shiftCell(v, shift);
          if (moved) f.setAttribute(attr, moved);
        }
      }
    }
  }
  for (const name of ['formula', 'formula1', 'formula2']) {
    for (const e of all(ws, name)) {
      const text = textOf(e);
      const next = shiftFormula(text, formulaSheet, shift);
      if (next !== text) {
        setText(e, next);
        changed = true;
      }
    }
  }
  return changed;
}

/** `<cols>`: ranges split, moved, the new column taking the widths and style of `from`. */
function shiftCols(ws: Element, shift: ColumnShift, from: number | null): void {
  const cols = children(ws, 'cols')[0];
  if (!cols) return;
  const out: { min: number; max: number; el: Element }[] = [];
  let model: Element | null = null;
  for (const c of children(cols, 'col')) {
    const min = Number(c.getAttribute('min'));
    const max = Math.min(Number(c.getAttribute('max')), MAX_COLUMN);
    if (from !== null && min <= from && from <= max) model = c;
    const pieces: [number, number][] = [];
    if (shift.delta === 1) {
      if (min < shift.col) pieces.push([min, Math.min(max, shift.col - 1)]);
      if (max >= shift.col) pieces.push([Math.max(min, shift.col) + 1, Math.min(max + 1, MAX_COLUMN)]);
    } else {
      if (min < shift.col) pieces.push([min, Math.min(max, shift.col - 1)]);
      if (max > shift.col) pieces.push([Math.max(min, shift.col + 1) - 1, max - 1]);
    }
    for (const [a, b] of pieces) if (a <= b) out.push({ min: a, max: b, el: c.cloneNode(true) as Element });
  }
  if (model && shift.delta === 1) out.push({ min: shift.col, max: shift.col, el: model.cloneNode(true) as Element });
  while (cols.firstChild) cols.removeChild(cols.firstChild);
  out.sort((a, b) => a.min - b.min);
  for (const { min, max, el } of out) {
    el.setAttribute('min', String(min));
    el.setAttribute('max', String(max));
    cols.appendChild(el);
  }
  if (!out.length) remove(cols);
}

/** The cells of `<sheetData>`: renumbered, the deleted column's cells gone, the new column styled like `from`. */
function shiftCells(ws: Element, shift: ColumnShift, from: number | null): void {
  const data = children(ws, 'sheetData')[0];
  if (!data) return;
  const doc = ws.ownerDocument!;
  let lastRow = 0;
  for (const row of children(data, 'row')) {
    const r = Number(row.getAttribute('r') ?? lastRow + 1);
    lastRow = r;
    let last = 0;
    let model: Element | null = null;
    let before: Element | null = null;
    let lo = Infinity;
    let hi = 0;
    for (const c of children(row, 'c')) {
      const ref = c.getAttribute('r');
      const col = ref ? columnNumber(/[A-Za-z]+/.exec(ref)?.[0] ?? 'A') : last + 1;
      last = col;
      if (from !== null && col === from) model = c;
      if (before === null && col >= shift.col) before = c;
      const next = shiftColumn(col, shift);
      if (next === null) {
        remove(c);
        continue;
      }
      c.setAttribute('r', `${columnLetter(next)}${r}`);
      lo = Math.min(lo, next);
      hi = Math.max(hi, next);
    }
    const style = model?.getAttribute('s');
    if (shift.delta === 1 && style && style !== '0') {
      const c = make(doc, 'c', { r: `${columnLetter(shift.col)}${r}`, s: style });
      if (before) row.insertBefore(c, before);
      else {
        const ext = children(row, 'extLst')[0];
        if (ext) row.insertBefore(c, ext);
        else row.appendChild(c);
      }
      lo = Math.min(lo, shift.col);
      hi = Math.max(hi, shift.col);
    }
    if (row.hasAttribute('spans') && hi > 0) row.setAttribute('spans', `${lo}:${hi}`);
  }
}

function shiftAttr(e: Element, attr: string, how: (v: string) => string | null, orRemove?: Element | null): void {
  const v = e.getAttribute(attr);
  if (v === null) return;
  const next = how(v);
  if (next !== null) e.setAttribute(attr, next);
  else if (orRemove) remove(orRemove);
}

/** Everything in the worksheet outside the cells that holds its own areas. */
function shiftSheetAreas(ws: Element, shift: ColumnShift, from: number | null, options: ShiftOptions): void {
  const area = (v: string) => shiftArea(v, shift);
  const dim = children(ws, 'dimension')[0];
  if (dim) shiftAttr(dim, 'ref', (v) => area(v) ?? 'A1');
  for (const pane of all(ws, 'pane')) shiftAttr(pane, 'topLeftCell', (v) => shiftCell(v, shift) ?? v);
  for (const sel of all(ws, 'selection')) {
    const active = sel.getAttribute('activeCell');
    const moved = active ? (shiftCell(active, shift) ?? active) : null;
    if (moved) sel.setAttribute('activeCell', moved);
    shiftAttr(sel, 'sqref', (v) => shiftSqref(v, shift) ?? moved ?? 'A1');
  }
  // merges: shifted, gone when all their cells go or one is left; the model column's vertical merges repeated
  const merges = children(ws, 'mergeCells')[0];
  if (merges) {
    const modelAt = from === null ? null : shiftColumn(from, shift);
    for (const m of children(merges, 'mergeCell')) {
      const ref = m.getAttribute('ref') ?? '';
      const next = area(ref);
      if (!next || !next.includes(':')) {
        remove(m);
        continue;
      }
      m.setAttribute('ref', next);
      const [l, r] = areaColumns(next);
      const [top, bottom] = areaRows(next);
      if (shift.delta === 1 && modelAt !== null && l === r && l === modelAt && bottom > top) {
        merges.appendChild(make(ws.ownerDocument!, 'mergeCell', { ref: `${columnLetter(shift.col)}${top}:${columnLetter(shift.col)}${bottom}` }));
      }
    }
    setCount(merges, 'mergeCell');
    if (!children(merges, 'mergeCell').length) remove(merges);
  }
  // conditional formats and validations: what spans the table widens (options); all deleted → gone
  for (const cf of children(ws, 'conditionalFormatting')) shiftAttr(cf, 'sqref', (v) => shiftSqref(v, shift, options), cf);
  const dvs = children(ws, 'dataValidations')[0];
  if (dvs) {
    for (const dv of children(dvs, 'dataValidation')) shiftAttr(dv, 'sqref', (v) => shiftSqref(v, shift, options), dv);
    setCount(dvs, 'dataValidation');
    if (!children(dvs, 'dataValidation').length) remove(dvs);
  }
  for (const filter of children(ws, 'autoFilter')) shiftFilter(filter, shift, options);
  for (const sort of children(ws, 'sortState')) shiftSort(sort, shift);
  const links = children(ws, 'hyperlinks')[0];
  if (links) {
    for (const h of children(links, 'hyperlink')) shiftAttr(h, 'ref', area, h);
    if (!children(links, 'hyperlink').length) remove(links);
  }
  for (const name of ['protectedRange', 'ignoredError']) for (const e of all(ws, name)) shiftAttr(e, 'sqref', (v) => shiftSqref(v, shift), e);
  const breaks = children(ws, 'colBreaks')[0];
  if (breaks) {
    // <brk id="n">: a break after column n (1-based; ECMA-376 18.3.1.2 counts from 0 the column it precedes)
    const seen = new Set<number>();
    for (const brk of children(breaks, 'brk')) {
      const id = Number(brk.getAttribute('id'));
      const next = shift.delta === 1 ? (id >= shift.col ? id + 1 : id) : id >= shift.col ? id - 1 : id;
      if (next < 1 || seen.has(next)) remove(brk);
      else brk.setAttribute('id', String(next));
      seen.add(next);
    }
    setCount(breaks, 'brk');
    if (breaks.hasAttribute('manualBreakCount')) breaks.setAttribute('manualBreakCount', String(children(breaks, 'brk').filter((b) => b.getAttribute('man') === '1').length));
  }
  // Excel 2010+ extensions: x14 validations and conditional formats, sparklines
  const ext = children(ws, 'extLst')[0];
  if (ext) {
    for (const sq of all(ext, 'sqref')) {
      const next = shiftSqref(textOf(sq), shift, sq.parentNode && ['sparkline'].includes((sq.parentNode as Element).localName ?? '') ? {} : options);
      if (next !== null) setText(sq, next);
      else remove(sq.parentNode!);
    }
  }
}

function shiftFilter(filter: Element, shift: ColumnShift, options: ShiftOptions): void {
  const ref = filter.getAttribute('ref');
  if (!ref) return;
  const next = shiftArea(ref, shift, options);
  if (!next) {
    remove(filter);
    return;
  }
  const [left] = areaColumns(ref);
  const [newLeft] = areaColumns(next);
  filter.setAttribute('ref', next);
  // filterColumn colId counts from the filter's left column
  for (const fc of children(filter, 'filterColumn')) {
    const col = left + Number(fc.getAttribute('colId'));
    const moved = shiftColumn(col, shift);
    if (moved === null) remove(fc);
    else fc.setAttribute('colId', String(moved - newLeft));
  }
  for (const sort of children(filter, 'sortState')) shiftSort(sort, shift);
}

function shiftSort(sort: Element, shift: ColumnShift): void {
  shiftAttr(sort, 'ref', (v) => shiftArea(v, shift), sort);
  for (const c of children(sort, 'sortCondition')) shiftAttr(c, 'ref', (v) => shiftArea(v, shift), c);
}

/** Drawing anchors (0-based columns): shapes and charts right of the change move, across it stretch. */
function shiftDrawing(doc: Document, shift: ColumnShift): void {
  const at = shift.col - 1;
  for (const anchor of [...all(doc, 'twoCellAnchor'), ...all(doc, 'oneCellAnchor')]) {
    const from = children(anchor, 'from')[0];
    const to = children(anchor, 'to')[0];
    const fromCol = from ? children(from, 'col')[0] : undefined;
    const toCol = to ? children(to, 'col')[0] : undefined;
    const f = fromCol ? Number(textOf(fromCol)) : null;
    if (fromCol && f !== null) {
      if (shift.delta === 1 && f >= at) setText(fromCol, String(f + 1));
      if (shift.delta === -1 && f > at) setText(fromCol, String(f - 1));
    }
    if (toCol) {
      const c = Number(textOf(toCol));
      const next = shift.delta === 1 ? (c >= at ? c + 1 : c) : c > at ? c - 1 : c;
      setText(toCol, String(Math.max(next, fromCol ? Number(textOf(fromCol)) : 0)));
    }
  }
}

/** VML note shapes: <x:Column> and the column parts of <x:Anchor> (0-based); a deleted note's shape goes. */
function shiftVml(text: string, shift: ColumnShift): string {
  const at = shift.col - 1;
  const move = (c: number) => (shift.delta === 1 ? (c >= at ? c + 1 : c) : c > at ? c - 1 : c);
  // VML prefixes vary by writer (v:/x: from Excel, ns0:/ns2: from openpyxl): matched by local name
  return text.replace(/<([\w]+:)?shape\b[\s\S]*?<\/\1shape>/g, (shape) => {
    const col = /<([\w]+:)?Column>\s*(\d+)\s*<\/\1Column>/.exec(shape);
    if (col && shift.delta === -1 && Number(col[2]) === at) return '';
    return shape
      .replace(/(<([\w]+:)?Column>\s*)(\d+)(\s*<\/\2Column>)/, (_m, a: string, _p: string, n: string, b: string) => `${a}${move(Number(n))}${b}`)
      .replace(/(<([\w]+:)?Anchor>)([^<]*)(<\/\2Anchor>)/, (_m, a: string, _p: string, list: string, b: string) => {
        const n = list.split(',').map((x) => x.trim());
        if (n.length === 8) {
          n[0] = String(move(Number(n[0])));
          n[4] = String(Math.max(move(Number(n[4])), Number(n[0])));
        }
        return `${a}${n.join(', ')}${b}`;
      });
  });
}

async function shiftSheetParts(pkg: OoxmlPackage, sheetPath: string, shift: ColumnShift): Promise<void> {
  for (const { path } of await pkg.related(sheetPath, REL_DRAWING)) {
    const doc = await pkg.readXml(path);
    shiftDrawing(doc, shift);
    pkg.writeXml(path, doc);
  }
  for (const { path } of await pkg.related(sheetPath, REL.comments)) {
    const doc = await pkg.readXml(path);
    for (const c of all(doc, 'comment')) shiftAttr(c, 'ref', (v) => shiftCell(v, shift), c);
    pkg.writeXml(path, doc);
  }
  for (const { path } of await pkg.related(sheetPath, REL.vmlDrawing)) {
    const text = await pkg.readText(path);
    if (text !== null) {
      const next = shiftVml(text, shift);
      if (next !== text) pkg.writeText(path, next);
    }
  }
  for (const { path } of await pkg.related(sheetPath, REL_THREADED)) {
    const doc = await pkg.readXml(path);
    for (const c of all(doc, 'threadedComment')) shiftAttr(c, 'ref', (v) => shiftCell(v, shift), c);
    pkg.writeXml(path, doc);
  }
  for (const { path } of await pkg.related(sheetPath, REL_TABLE)) {
    const doc = await pkg.readXml(path);
    const table = doc.documentElement!;
    shiftAttr(table, 'ref', (v) => shiftArea(v, shift) ?? v);
    for (const f of children(table, 'autoFilter')) shiftFilter(f, shift, {});
    for (const s of children(table, 'sortState')) shiftSort(s, shift);
    pkg.writeXml(path, doc);
  }
}

async function shiftWorkbook(pkg: OoxmlPackage, shift: ColumnShift, options: ShiftOptions): Promise<void> {
  const wbPath = await pkg.workbookPath();
  const wb = await pkg.readXml(wbPath);
  let changed = false;
  for (const n of all(wb, 'definedName')) {
    const text = textOf(n);
    // names always name their sheet; print titles' row part and other sheets stay
    const next = shiftFormula(text, '', shift, options);
    if (next !== text) {
      setText(n, next);
      changed = true;
    }
  }
  if (changed) pkg.writeXml(wbPath, wb);
  // calcChain lists formula cells by address: stale after a column move, and Excel rebuilds it
  for (const rel of await pkg.rels(wbPath)) {
    if (rel.type === REL.calcChain) await pkg.removePart(resolveIn(wbPath, rel.target), { part: wbPath, id: rel.id });
  }
  for (const path of pkg.paths()) {
    if (/^xl\/charts\/chart[^/]*\.xml$/.test(path)) {
      const doc = await pkg.readXml(path);
      let touched = false;
      for (const f of all(doc, 'f')) {
        const v = textOf(f);
        const next = shiftFormula(v, '', shift);
        if (next !== v) {
          setText(f, next);
          touched = true;
        }
      }
      if (touched) pkg.writeXml(path, doc);
    } else if (/^xl\/pivotCache\/pivotCacheDefinition[^/]*\.xml$/.test(path)) {
      const doc = await pkg.readXml(path);
      let touched = false;
      for (const src of all(doc, 'worksheetSource')) {
        if ((src.getAttribute('sheet') ?? '').toLowerCase() !== shift.sheet.toLowerCase() || src.hasAttribute('r:id')) continue;
        shiftAttr(src, 'ref', (v) => shiftArea(v, shift) ?? v);
        touched = true;
      }
      if (touched) pkg.writeXml(path, doc);
    }
  }
}

function resolveIn(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = source.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg) parts.push(seg);
  }
  return parts.join('/');
}

async function shiftColumns(pkg: OoxmlPackage, sheetName: string, shift: ColumnShift, from: number | null, options: ShiftOptions): Promise<void> {
  const sheets = await pkg.sheets();
  const own = sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
  if (!own) throw new Error(`no sheet ${sheetName}`);
  shift = { ...shift, sheet: own.name };
  await refuseTables(pkg, own.path, shift);
  for (const s of sheets) {
    const ownSheet = s.path === own.path;
    // another sheet can only refer to this one with a "!" (names may be stored as character references)
    if (!ownSheet && !(await pkg.readText(s.path))?.includes('!')) continue;
    const doc = await pkg.readXml(s.path);
    const ws = doc.documentElement!;
    const changed = shiftFormulaTexts(ws, s.name, shift, ownSheet);
    if (ownSheet) {
      shiftCells(ws, shift, from);
      shiftCols(ws, shift, from);
      shiftSheetAreas(ws, shift, from, options);
    }
    if (ownSheet || changed) pkg.writeXml(s.path, doc);
  }
  await shiftSheetParts(pkg, own.path, shift);
  await shiftWorkbook(pkg, shift, options);
}

/**
 * Inserts an empty column at `col` (1-based; cells at and right of it move right) on `sheet`, its
 * cells styled and its width set like column `formatFrom` (given before the insert), with that
 * column's vertical merges repeated, as src/xlsx/columns.ts did on the exceljs model.
 * `options.widenRightEdge`: ranges ending just left of `col` widen over it (see ShiftOptions).
 */
export async function insertColumn(pkg: OoxmlPackage, sheet: string, col: number, formatFrom: number, options: ShiftOptions = {}): Promise<void> {
  await shiftColumns(pkg, sheet, { sheet, col, delta: 1 }, formatFrom, options);
}

/** Deletes column `col` of `sheet`: cells right of it move left, references to it become #REF!. */
export async function deleteColumn(pkg: OoxmlPackage, sheet: string, col: number): Promise<void> {
  await shiftColumns(pkg, sheet, { sheet, col, delta: -1 }, null, {});
}
