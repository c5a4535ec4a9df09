/**
 * Hyperlinks, merged areas and column widths patched into a worksheet part (ECMA-376 Part 1:
 * 18.3.1.47 hyperlink, 18.3.1.55 mergeCell, 18.3.1.13 col). Elements of other cells stay as they
 * are, with every attribute the writer does not set (a link's display text, a column's style …).
 */
import { REL } from './package';
import { cellRef, parseRef, type SheetXml } from './sheet';
import { clearValue } from './cells';
import { append, child, children, make, NS_R, removeNode, sheetChild, type Element } from './xml';
import type { CellRange } from '../../core/snapshot';

function rangeRef(r: CellRange): string {
  const a = cellRef(r.top, r.left);
  const b = cellRef(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

/** The cells' first address of a ref ("B2:C3" → B2). */
function firstCell(ref: string | null): string {
  return (ref ?? '').split(':')[0].replace(/\$/g, '').toUpperCase();
}

function dropEmpty(sheet: SheetXml, name: string, item: string): void {
  const el = child(sheet.root, name);
  if (el && !children(el, item).length) removeNode(el);
  else if (el && el.hasAttribute('count')) el.setAttribute('count', String(children(el, item).length));
}

/**
 * Sets (target "#'01'!A1", "file.xlsx#'01'!A1", "https://…") or removes (null) the link of a cell.
 * A target with a file or address goes into an external relationship, the part after "#" into
 * `location` (as Excel writes them); a link's display text and other attributes stay.
 */
export async function setHyperlink(sheet: SheetXml, row: number, col: number, target: string | null, tooltip?: string): Promise<void> {
  const ref = cellRef(row, col);
  const list = child(sheet.root, 'hyperlinks');
  const old = list ? children(list, 'hyperlink').find((h) => firstCell(h.getAttribute('ref')) === ref) ?? null : null;
  const display = old?.getAttribute('display') ?? null;
  if (old) {
    const rid = old.getAttributeNS(NS_R, 'id');
    removeNode(old);
    const shared = rid && list && children(list, 'hyperlink').some((h) => h.getAttributeNS(NS_R, 'id') === rid);
    if (rid && !shared) await sheet.pkg.removeRel(sheet.path, rid);
  }
  if (target !== null) {
    const link = append(sheetChild(sheet.root, 'hyperlinks'), make(sheet.doc, 'hyperlink', { ref }));
    const hash = target.indexOf('#');
    const file = hash < 0 ? target : target.slice(0, hash);
    const location = hash < 0 ? null : target.slice(hash + 1);
    if (file) link.setAttributeNS(NS_R, 'r:id', await sheet.pkg.addRel(sheet.path, REL.hyperlink, file, true));
    if (location !== null) link.setAttribute('location', location);
    if (tooltip) link.setAttribute('tooltip', tooltip);
    if (display !== null) link.setAttribute('display', display);
    mirrorLinkText(sheet, row, col);
  }
  dropEmpty(sheet, 'hyperlinks', 'hyperlink');
  sheet.touch();
}

/** exceljs (the in-memory model the host reads) holds a linked cell's value as its text: so does the file. */
function mirrorLinkText(sheet: SheetXml, row: number, col: number): void {
  const c = sheet.cell(row, col, false);
  const v = c && !child(c, 'f') ? child(c, 'v') : null;
  const t = c?.getAttribute('t');
  if (!c || !v || (t && t !== 'n' && t !== 'b')) return;
  const text = t === 'b' ? (v.textContent === '1' ? 'true' : 'false') : String(Number(v.textContent));
  removeNode(v);
  c.setAttribute('t', 'inlineStr');
  const is = append(c, make(sheet.doc, 'is'));
  append(is, make(sheet.doc, 't')).appendChild(sheet.doc.createTextNode(text));
}

export function merge(sheet: SheetXml, range: CellRange): void {
  const list = sheetChild(sheet.root, 'mergeCells');
  append(list, make(sheet.doc, 'mergeCell', { ref: rangeRef(range) }));
  list.setAttribute('count', String(children(list, 'mergeCell').length));
  // the cells merged away lose their values, as in Excel (their formats stay)
  for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) if (r !== range.top || c !== range.left) clearValue(sheet, r, c);
  sheet.touch();
}

export function unmerge(sheet: SheetXml, range: CellRange): void {
  const list = child(sheet.root, 'mergeCells');
  const want = rangeRef(range);
  for (const m of list ? children(list, 'mergeCell') : []) {
    const ref = (m.getAttribute('ref') ?? '').replace(/\$/g, '').toUpperCase();
    if (ref === want || (ref.split(':')[0] === want.split(':')[0] && sameArea(ref, range))) removeNode(m);
  }
  dropEmpty(sheet, 'mergeCells', 'mergeCell');
  sheet.touch();
}

function sameArea(ref: string, r: CellRange): boolean {
  const [a, b = a] = ref.split(':');
  const p = parseRef(a);
  const q = parseRef(b);
  return !!p && !!q && p.row === r.top && p.col === r.left && q.row === r.bottom && q.col === r.right;
}

/**
 * Sets (or, null, clears) the width of one column. A <col> spanning several columns is split so
 * its other columns keep theirs; style and other attributes stay on every piece.
 */
export function setColumnWidth(sheet: SheetXml, col: number, width: number | null): void {
  const cols = sheetChild(sheet.root, 'cols');
  let own: Element | null = null;
  for (const c of children(cols, 'col')) {
    const min = Number(c.getAttribute('min'));
    const max = Number(c.getAttribute('max'));
    if (col < min || col > max) continue;
    if (min < col) {
      const before = c.cloneNode(true) as Element;
      before.setAttribute('max', String(col - 1));
      cols.insertBefore(before, c);
    }
    if (max > col) {
      const after = c.cloneNode(true) as Element;
      after.setAttribute('min', String(col + 1));
      if (c.nextSibling) cols.insertBefore(after, c.nextSibling);
      else cols.appendChild(after);
    }
    c.setAttribute('min', String(col));
    c.setAttribute('max', String(col));
    own = c;
    break;
  }
  if (!own) {
    if (width === null) {
      dropEmpty(sheet, 'cols', 'col');
      return;
    }
    own = make(sheet.doc, 'col', { min: col, max: col });
    const next = children(cols, 'col').find((c) => Number(c.getAttribute('min')) > col);
    if (next) cols.insertBefore(own, next);
    else cols.appendChild(own);
  }
  if (width === null) {
    own.removeAttribute('width');
    own.removeAttribute('customWidth');
    // a <col> that says nothing else goes
    if ([...Array.from(own.attributes)].every((a) => a.name === 'min' || a.name === 'max')) removeNode(own);
  } else {
    own.setAttribute('width', String(width));
    own.setAttribute('customWidth', '1');
  }
  dropEmpty(sheet, 'cols', 'col');
  sheet.touch();
}
