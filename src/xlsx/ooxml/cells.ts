/**
 * Cell contents written into a worksheet part (ECMA-376 Part 1, 18.3.1.4 c): values, formulas with
 * their cached result, number formats. Text goes in as an inline string (t="inlineStr", 18.3.1.53
 * is), so xl/sharedStrings.xml, often the largest part after the sheets, stays byte for byte as it
 * was; Excel turns inline strings into shared ones the next time it saves. An empty text is the one
 * exception (strings.ts).
 */
import type { CellContent } from '../../core/plan';
import type { CellValue } from '../../core/snapshot';
import { parseRef, type SheetXml } from './sheet';
import { translateFormula } from './shift';
import type { Styles } from './styles';
import { child, children, make, removeNode, type Element } from './xml';

export class UnpatchableError extends Error {
  constructor(
    /** What cannot be kept, in English and Japanese (for the refusal message). */
    readonly what: { en: string; ja: string },
  ) {
    super(what.en);
    this.name = 'UnpatchableError';
  }
}

/** Does writing this content change whether, or which, formula the cell holds? (calcChain must go) */
export function touchesFormula(c: Element | null, content: CellContent): boolean {
  return !!content.formula || !!(c && child(c, 'f'));
}

function textElement(c: Element, name: string, text: string): Element {
  const e = make(c.ownerDocument!, name);
  e.appendChild(c.ownerDocument!.createTextNode(text));
  c.appendChild(e);
  return e;
}

function writeValue(c: Element, value: CellValue, formula: boolean, emptyText: number | null): void {
  if (value === null || value === undefined) return;
  if (value === '' && !formula && emptyText !== null) {
    // an inline string without characters reads back as an empty cell (strings.ts)
    c.setAttribute('t', 's');
    textElement(c, 'v', String(emptyText));
    return;
  }
  if (typeof value === 'number') {
    textElement(c, 'v', Number.isFinite(value) ? String(value) : '0');
  } else if (typeof value === 'boolean') {
    c.setAttribute('t', 'b');
    textElement(c, 'v', value ? '1' : '0');
  } else if (formula) {
    c.setAttribute('t', 'str');
    textElement(c, 'v', value);
  } else {
    c.setAttribute('t', 'inlineStr');
    const is = make(c.ownerDocument!, 'is');
    const t = make(c.ownerDocument!, 't');
    if (/^\s|\s$|\n/.test(value)) t.setAttribute('xml:space', 'preserve');
    t.appendChild(c.ownerDocument!.createTextNode(value));
    is.appendChild(t);
    c.appendChild(is);
  }
}

/** Whether a cell holds a shared formula other cells take theirs from (18.3.1.40 f, t="shared" with ref). */
function isSharedMaster(c: Element): boolean {
  const f = child(c, 'f');
  return !!f && f.getAttribute('t') === 'shared' && !!f.getAttribute('ref');
}

/**
 * The cells sharing the formula of `master` (which is about to be overwritten) get their own
 * formula each, translated from the master's as Excel reads a shared formula (18.3.1.40: relative
 * references move by the cell's offset from the master).
 */
function unshareGroup(sheet: SheetXml, master: Element): void {
  const f = child(master, 'f')!;
  const si = f.getAttribute('si');
  const text = f.textContent ?? '';
  const at = parseRef(master.getAttribute('r') ?? '');
  if (!at) return;
  for (const g of sheet.sharedFormulas(si ?? '')) {
    const cell = parseRef((g.parentNode as Element).getAttribute('r') ?? '');
    if (!cell) continue;
    if (!g.textContent) g.appendChild(sheet.doc.createTextNode(translateFormula(text, cell.col - at.col, cell.row - at.row)));
    for (const a of ['t', 'si', 'ref']) g.removeAttribute(a);
  }
}

/**
 * Writes content into cell (row, col) of a sheet part. Keeps the cell's style except its number
 * format, and its own extLst. Mirrors exceljs (the in-memory model the host reads back): a
 * non-text value replaces a hyperlink's cell value, so the caller drops the link then (returns true).
 */
/** `emptyText`: the shared string index an empty text is written as (strings.ts), null for none. */
export function writeCell(sheet: SheetXml, styles: Styles, row: number, col: number, content: CellContent, emptyText: number | null = null): { formulaChanged: boolean } {
  const existing = sheet.cell(row, col, false);
  if (existing && isSharedMaster(existing)) unshareGroup(sheet, existing);
  const empty = (content.value === null || content.value === undefined) && !content.formula;
  const formulaChanged = touchesFormula(existing, content);
  if (!existing && empty && (content.numberFormat === undefined || content.numberFormat === 'General')) return { formulaChanged };
  const c = existing ?? sheet.cell(row, col, true)!;
  for (const n of [...children(c, 'f'), ...children(c, 'v'), ...children(c, 'is')]) removeNode(n);
  // t: the value's type; cm/vm: metadata of the old value (dynamic arrays, rich data)
  for (const a of ['t', 'cm', 'vm']) c.removeAttribute(a);
  const ext = child(c, 'extLst');
  if (ext) c.removeChild(ext);
  if (content.formula) textElement(c, 'f', content.formula.replace(/^=/, ''));
  writeValue(c, content.value ?? null, !!content.formula, emptyText);
  if (ext) c.appendChild(ext);
  if (content.numberFormat !== undefined) {
    const s = Number(c.getAttribute('s') ?? 0);
    const next = styles.withNumberFormat(s, content.numberFormat);
    if (next !== s) {
      if (next === 0) c.removeAttribute('s');
      else c.setAttribute('s', String(next));
    }
  }
  // an empty cell without style is no cell (exceljs would read it as part of a merge)
  if (empty && !c.getAttribute('s') && !c.firstChild) sheet.dropCell(row, col);
  sheet.touchCells();
  return { formulaChanged };
}

/** Sets the style of cell (row, col) through a style transformation, creating the cell when needed. */
export function restyleCell(sheet: SheetXml, row: number, col: number, change: (s: number) => number): void {
  const c = sheet.cell(row, col, true)!;
  const next = change(Number(c.getAttribute('s') ?? 0));
  if (next === 0) c.removeAttribute('s');
  else c.setAttribute('s', String(next));
  if (!c.getAttribute('s') && !c.firstChild) sheet.dropCell(row, col);
  sheet.touchCells();
}

/** Clears the value (not the style) of a cell: merged-away cells, as Excel clears them. */
export function clearValue(sheet: SheetXml, row: number, col: number): void {
  const c = sheet.cell(row, col, false);
  if (!c) return;
  for (const n of [...children(c, 'f'), ...children(c, 'v'), ...children(c, 'is')]) removeNode(n);
  for (const a of ['t', 'cm', 'vm']) c.removeAttribute(a);
  sheet.touchCells();
}
