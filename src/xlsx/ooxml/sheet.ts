/**
 * One worksheet part opened for patching: its rows and cells found by number (ECMA-376 Part 1,
 * 18.3.1.73 row, 18.3.1.4 c), created in order when missing. Rows and cells may omit `r` (the
 * schema allows it: they follow the previous one); new ones always carry it.
 */
import type { OoxmlPackage } from './package';
import { children, make, sheetChild, type Document, type Element } from './xml';

export function colLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

export function cellRef(row: number, col: number): string {
  return `${colLetters(col)}${row}`;
}

/** "B12" / "$B$12" → {row, col}; null for anything else. */
export function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  return m ? { row: Number(m[2]), col: colNumber(m[1]) } : null;
}

export class SheetXml {
  readonly root: Element;
  readonly sheetData: Element;
  /** Row numbers in ascending order and their elements. */
  private readonly rowNumbers: number[] = [];
  private readonly rows = new Map<number, Element>();
  private readonly cells = new Map<Element, Map<number, Element>>();

  private constructor(
    readonly pkg: OoxmlPackage,
    readonly path: string,
    readonly doc: Document,
  ) {
    this.root = doc.documentElement!;
    this.sheetData = sheetChild(this.root, 'sheetData');
    let last = 0;
    for (const row of children(this.sheetData, 'row')) {
      const r = Number(row.getAttribute('r') ?? last + 1);
      last = r;
      if (!this.rows.has(r)) this.rowNumbers.push(r);
      this.rows.set(r, row);
    }
    this.rowNumbers.sort((a, b) => a - b);
  }

  static async open(pkg: OoxmlPackage, path: string): Promise<SheetXml> {
    return new SheetXml(pkg, path, await pkg.readXml(path));
  }

  touch(): void {
    this.pkg.writeXml(this.path, this.doc);
  }

  /** Rows as they are now, in order. */
  rowList(): { r: number; element: Element }[] {
    return this.rowNumbers.map((r) => ({ r, element: this.rows.get(r)! }));
  }

  row(r: number, create: boolean): Element | null {
    const found = this.rows.get(r);
    if (found || !create) return found ?? null;
    const row = make(this.doc, 'row', { r });
    // binary search for the first row after r
    let lo = 0;
    let hi = this.rowNumbers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.rowNumbers[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    const next = lo < this.rowNumbers.length ? this.rows.get(this.rowNumbers[lo])! : null;
    if (next) this.sheetData.insertBefore(row, next);
    else this.sheetData.appendChild(row);
    this.rowNumbers.splice(lo, 0, r);
    this.rows.set(r, row);
    return row;
  }

  private cellMap(row: Element): Map<number, Element> {
    let map = this.cells.get(row);
    if (!map) {
      map = new Map();
      let last = 0;
      for (const c of children(row, 'c')) {
        const ref = c.getAttribute('r');
        const col = ref ? (parseRef(ref)?.col ?? last + 1) : last + 1;
        last = col;
        map.set(col, c);
      }
      this.cells.set(row, map);
    }
    return map;
  }

  /** Cells of a row by column number. */
  cellsOf(row: Element): Map<number, Element> {
    return this.cellMap(row);
  }

  cell(r: number, col: number, create: boolean): Element | null {
    const row = this.row(r, create);
    if (!row) return null;
    const map = this.cellMap(row);
    const found = map.get(col);
    if (found || !create) return found ?? null;
    const c = make(this.doc, 'c', { r: cellRef(r, col) });
    // a new cell takes the row's style when the row has one, else its column's (as Excel and exceljs do)
    const s = row.getAttribute('customFormat') === '1' ? row.getAttribute('s') : this.columnStyle(col);
    if (s && s !== '0') c.setAttribute('s', s);
    const after = [...map.keys()].filter((k) => k > col).sort((a, b) => a - b)[0];
    if (after !== undefined) row.insertBefore(c, map.get(after)!);
    else {
      // extLst of a row, if any, stays last
      const ext = children(row, 'extLst')[0];
      if (ext) row.insertBefore(c, ext);
      else row.appendChild(c);
    }
    map.set(col, c);
    widenSpans(row, col);
    this.widenDimension(r, col);
    return c;
  }

  /** Forgets a removed cell. */
  dropCell(r: number, col: number): void {
    const row = this.rows.get(r);
    if (!row) return;
    const c = this.cellMap(row).get(col);
    if (c) row.removeChild(c);
    this.cellMap(row).delete(col);
  }

  /** Forgets the cell index of a row (after its cells were renumbered by a column move). */
  reindexRow(row: Element): void {
    this.cells.delete(row);
  }

  columnStyle(col: number): string | null {
    const cols = children(this.root, 'cols')[0];
    if (!cols) return null;
    for (const c of children(cols, 'col')) {
      if (Number(c.getAttribute('min')) <= col && col <= Number(c.getAttribute('max'))) return c.getAttribute('style');
    }
    return null;
  }

  private widenDimension(r: number, col: number): void {
    const dim = children(this.root, 'dimension')[0];
    const ref = dim?.getAttribute('ref');
    if (!dim || !ref) return;
    const [a, b = a] = ref.split(':');
    const from = parseRef(a);
    const to = parseRef(b);
    if (!from || !to) return;
    const top = Math.min(from.row, r);
    const left = Math.min(from.col, col);
    const bottom = Math.max(to.row, r);
    const right = Math.max(to.col, col);
    const next = top === bottom && left === right ? cellRef(top, left) : `${cellRef(top, left)}:${cellRef(bottom, right)}`;
    if (next !== ref) dim.setAttribute('ref', next);
  }
}

function widenSpans(row: Element, col: number): void {
  const spans = row.getAttribute('spans');
  const m = spans ? /^(\d+):(\d+)$/.exec(spans) : null;
  if (!m) return;
  const lo = Math.min(Number(m[1]), col);
  const hi = Math.max(Number(m[2]), col);
  if (lo !== Number(m[1]) || hi !== Number(m[2])) row.setAttribute('spans', `${lo}:${hi}`);
}
