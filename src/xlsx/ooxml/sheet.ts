/**
 * One worksheet part opened for patching: its rows and cells found by number (ECMA-376 Part 1,
 * 18.3.1.73 row, 18.3.1.4 c), created in order when missing. Rows and cells may omit `r` (the
 * schema allows it: they follow the previous one); new ones always carry it.
 *
 * Why the rows stay text (issue #16, BENCHMARKS.md "Saving by patching"): `<sheetData>` is nearly
 * all of a sheet part, and building a DOM of it with @xmldom/xmldom cost 5–8 × exceljs's whole
 * save. So the part is split once: everything outside `<sheetData>` (merges, links, formats …) is
 * parsed as the skeleton document `doc`, while `<sheetData>`'s content stays text with an index of
 * where each row starts and ends, found by one scan. A row is parsed (alone, inside a copy of the
 * root's namespace declarations) only when an edit needs it, and written back by splicing: rows no
 * edit touched — and rows an edit parsed but left as they were — keep their bytes, as does the
 * text between rows; the skeleton keeps its bytes unless an edit changed it.
 */
import type { OoxmlPackage } from './package';
import { children, elementXml, escapeAttr, make, parseXml, serializeXml, XmlPartError, type Document, type Element } from './xml';

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

/** A row of `<sheetData>`: where its text is in the original content, and its element once parsed. */
interface RowEntry {
  r: number;
  /** Offsets in the original `<sheetData>` content; -1 for a row an edit added. */
  start: number;
  end: number;
  element: Element | null;
  /** The parsed row as elementXml wrote it before any edit (equal now → the original text is kept). */
  pristine: string | null;
  cells: Map<number, Element> | null;
}

/** Marks where the rows go in the skeleton's `<sheetData>` (a comment: no element sees it). */
const MARK = 'kpi-progress:sheetData';
const ATTRS = String.raw`((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(/?)>`;
/** A row start tag (any prefix), its attributes and whether it closes itself. */
const ROW_START = new RegExp(String.raw`<(?:[A-Za-z_][\w.-]*:)?row(?=[\s/>])` + ATTRS, 'g');
const ROW_END = /<\/(?:[A-Za-z_][\w.-]*:)?row\s*>/g;
const SHEETDATA = new RegExp(String.raw`<((?:[A-Za-z_][\w.-]*:)?sheetData)(?=[\s/>])` + ATTRS);

function attrOf(attrs: string, name: string): string | null {
  const m = new RegExp(String.raw`(?:^|\s)${name}\s*=\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? (m[1] ?? m[2]) : null;
}

/** The namespace declarations on an element, as attribute text. */
function declarations(e: Element): string {
  let out = '';
  for (let i = 0; i < e.attributes.length; i++) {
    const a = e.attributes.item(i)!;
    if (a.nodeName === 'xmlns' || a.nodeName.startsWith('xmlns:')) out += ` ${a.nodeName}="${escapeAttr(a.value)}"`;
  }
  return out;
}

/** Stops on a part whose rows cannot be split out: the parser names the fault when it finds one. */
function malformed(text: string, path: string, detail: string): never {
  parseXml(text, path);
  throw new XmlPartError(path, detail);
}

export class SheetXml {
  /** The skeleton: the part without the rows of `<sheetData>`. */
  readonly doc: Document;
  readonly root: Element;
  readonly sheetData: Element;
  private readonly entries: RowEntry[] = [];
  /** Row numbers in ascending order and their entries (the last one of a number the file repeats). */
  private readonly rowNumbers: number[] = [];
  private readonly rows = new Map<number, RowEntry>();
  private readonly head: string;
  private readonly tail: string;
  private readonly content: string;
  private readonly pristineSkeleton: string;
  /** Start tags that let a row be parsed alone: the root's namespace declarations, and `<sheetData>`. */
  private readonly wrapOpen: string;
  private readonly wrapClose: string;
  private changed = false;

  private constructor(
    readonly pkg: OoxmlPackage,
    readonly path: string,
    private readonly text: string,
  ) {
    const m = SHEETDATA.exec(text);
    if (!m) {
      // no <sheetData>: the whole part is the skeleton (sheetChild below creates the element)
      this.head = '';
      this.tail = '';
      this.content = '';
      this.doc = parseXml(text, path);
    } else {
      const [open, name, attrs, selfClosing] = m;
      const openEnd = m.index + open.length;
      const closeTag = `</${name}>`;
      const closeStart = selfClosing ? openEnd : text.indexOf(closeTag, openEnd);
      if (closeStart < 0) malformed(text, path, `${closeTag} missing`);
      this.head = selfClosing ? `${text.slice(0, m.index)}<${name}${attrs}>` : text.slice(0, openEnd);
      this.tail = selfClosing ? `${closeTag}${text.slice(openEnd)}` : text.slice(closeStart);
      this.content = text.slice(openEnd, closeStart);
      this.doc = parseXml(`${this.head}<!--${MARK}-->${this.tail}`, path);
    }
    this.root = this.doc.documentElement!;
    this.sheetData = children(this.root, 'sheetData')[0] ?? this.createSheetData();
    this.pristineSkeleton = serializeXml(this.doc);
    this.wrapOpen = `<${this.root.nodeName}${declarations(this.root)}><${this.sheetData.nodeName}${declarations(this.sheetData)}>`;
    this.wrapClose = `</${this.sheetData.nodeName}></${this.root.nodeName}>`;
    this.scanRows();
  }

  static async open(pkg: OoxmlPackage, path: string): Promise<SheetXml> {
    const text = await pkg.readText(path);
    if (text === null) throw new Error(`${path}: no such part`);
    return new SheetXml(pkg, path, text);
  }

  private createSheetData(): Element {
    // a worksheet without <sheetData> (the schema requires one): made in schema order, then split on
    const el = make(this.doc, 'sheetData');
    el.appendChild(this.doc.createComment(MARK));
    const later = ['sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];
    const next = children(this.root).find((c) => later.includes(c.localName!));
    if (next) this.root.insertBefore(el, next);
    else this.root.appendChild(el);
    this.changed = true;
    return el;
  }

  /** One pass over the rows' text: each row's number and offsets. */
  private scanRows(): void {
    const text = this.content;
    const start = new RegExp(ROW_START.source, 'g');
    const end = new RegExp(ROW_END.source, 'g');
    let last = 0;
    for (let m = start.exec(text); m; m = start.exec(text)) {
      let stop = m.index + m[0].length;
      if (!m[2]) {
        end.lastIndex = stop;
        const close = end.exec(text);
        if (!close) malformed(`${this.head}${text}${this.tail}`, this.path, 'a row is not closed');
        stop = close.index + close[0].length;
      }
      const rAttr = attrOf(m[1], 'r');
      const r = rAttr !== null ? Number(rAttr) : last + 1;
      last = r;
      const entry: RowEntry = { r, start: m.index, end: stop, element: null, pristine: null, cells: null };
      this.entries.push(entry);
      if (!this.rows.has(r)) this.rowNumbers.push(r);
      this.rows.set(r, entry);
      start.lastIndex = stop;
    }
    this.rowNumbers.sort((a, b) => a - b);
  }

  /**
   * The row's element, parsed from its text on first use. It stays in the small document it was
   * parsed in (importing it would copy it again); elements made in `doc` are inserted into it, which
   * xmldom allows, and elementXml writes it whatever its owner.
   */
  private element(entry: RowEntry): Element {
    if (entry.element) return entry.element;
    const wrapped = parseXml(`${this.wrapOpen}${this.content.slice(entry.start, entry.end)}${this.wrapClose}`, this.path);
    const row = children(children(wrapped.documentElement!)[0])[0];
    entry.element = row;
    entry.pristine = elementXml(row).join('');
    return row;
  }

  /** Marks the part changed: it is written back by flush(). */
  touch(): void {
    this.changed = true;
  }

  /** The part as text now. */
  toText(): string {
    const skeleton = serializeXml(this.doc);
    let head = this.head;
    let tail = this.tail;
    if (skeleton !== this.pristineSkeleton || !this.head) {
      const at = skeleton.indexOf(`<!--${MARK}-->`);
      head = skeleton.slice(0, at);
      tail = skeleton.slice(at + MARK.length + 7);
    }
    const out: string[] = [head];
    let pos = 0;
    for (const e of this.entries) {
      const xml = e.element ? elementXml(e.element).join('') : null;
      if (e.start >= 0) {
        out.push(this.content.slice(pos, e.start));
        pos = e.end;
        out.push(xml === null || xml === e.pristine ? this.content.slice(e.start, e.end) : xml);
      } else out.push(xml!);
    }
    out.push(this.content.slice(pos), tail);
    return out.join('');
  }

  /** Writes the part into the package if an edit changed it. */
  flush(): void {
    if (this.changed) this.pkg.writeText(this.path, this.toText());
    this.changed = false;
  }

  row(r: number, create: boolean): Element | null {
    const found = this.rows.get(r);
    if (found || !create) return found ? this.element(found) : null;
    const row = make(this.doc, 'row', { r });
    const entry: RowEntry = { r, start: -1, end: -1, element: row, pristine: null, cells: null };
    // binary search for the first row after r; the new row goes just before it in the file
    let lo = 0;
    let hi = this.rowNumbers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.rowNumbers[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    const next = lo < this.rowNumbers.length ? this.rows.get(this.rowNumbers[lo])! : null;
    if (next) this.entries.splice(this.entries.indexOf(next), 0, entry);
    else this.entries.push(entry);
    this.rowNumbers.splice(lo, 0, r);
    this.rows.set(r, entry);
    this.changed = true;
    return row;
  }

  private cellMap(r: number): Map<number, Element> | null {
    const entry = this.rows.get(r);
    if (!entry) return null;
    if (!entry.cells) {
      const map = new Map<number, Element>();
      let last = 0;
      for (const c of children(this.element(entry), 'c')) {
        const ref = c.getAttribute('r');
        const col = ref ? (parseRef(ref)?.col ?? last + 1) : last + 1;
        last = col;
        map.set(col, c);
      }
      entry.cells = map;
    }
    return entry.cells;
  }

  cell(r: number, col: number, create: boolean): Element | null {
    const row = this.row(r, create);
    if (!row) return null;
    const map = this.cellMap(r)!;
    const found = map.get(col);
    if (found || !create) return found ?? null;
    const c = make(this.doc, 'c', { r: cellRef(r, col) });
    // a new cell takes the row's style when the row has one, else its column's (as Excel and exceljs do)
    const s = row.getAttribute('customFormat') === '1' ? row.getAttribute('s') : this.columnStyle(col);
    if (s && s !== '0') c.setAttribute('s', s);
    let after: number | undefined;
    for (const k of map.keys()) if (k > col && (after === undefined || k < after)) after = k;
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
    this.changed = true;
    return c;
  }

  /** Forgets a removed cell. */
  dropCell(r: number, col: number): void {
    const map = this.cellMap(r);
    const c = map?.get(col);
    if (c) c.parentNode?.removeChild(c);
    map?.delete(col);
    this.changed = true;
  }

  /**
   * The `<f>` elements of the cells sharing formula `si` (18.3.1.40), each with its cell as parent.
   * Only rows whose text mentions the index are parsed.
   */
  sharedFormulas(si: string): Element[] {
    const mention = new RegExp(String.raw`\bsi\s*=\s*["']${si.replace(/[^\w]/g, '')}["']`);
    const out: Element[] = [];
    for (const e of this.entries) {
      if (!e.element && !mention.test(this.content.slice(e.start, e.end))) continue;
      for (const f of Array.from(this.element(e).getElementsByTagNameNS(this.root.namespaceURI, 'f'))) {
        if (f.getAttribute('t') === 'shared' && f.getAttribute('si') === si) out.push(f);
      }
    }
    return out;
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
