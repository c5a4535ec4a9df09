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

/** A cell of a row: where its text is in the original content, and its element once parsed. */
interface Slot {
  col: number;
  /** Offsets in the original `<sheetData>` content; -1 for a cell an edit added. */
  start: number;
  end: number;
  element: Element | null;
  /** The parsed cell as elementXml wrote it before any edit (equal now → the original text is kept). */
  pristine: string | null;
  removed: boolean;
}

/** A row of `<sheetData>`: where its text is, its start tag once parsed, its cells once scanned. */
interface RowEntry {
  r: number;
  /** Qualified name (with the prefix the file uses). */
  name: string;
  /** Offsets in the original `<sheetData>` content; -1 for a row an edit added. */
  start: number;
  end: number;
  /** End of the start tag; start of the end tag (= end for a self-closing row). */
  openEnd: number;
  closeStart: number;
  /** The row's start tag as an element without children (for its attributes), parsed on demand. */
  element: Element | null;
  pristine: string | null;
  /** Cells in file order, and by column, once the row's text was scanned. */
  slots: Slot[] | null;
  cells: Map<number, Slot> | null;
}

/** Marks where the rows go in the skeleton's `<sheetData>` (a comment: no element sees it). */
const MARK = 'kpi-progress:sheetData';
const NAME = String.raw`(?:[A-Za-z_][\w.-]*:)?`;
const ATTRS = String.raw`((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(/?)>`;
/** A row start tag (any prefix): its name, attributes and whether it closes itself. */
const ROW_START = new RegExp(String.raw`<(${NAME}row)(?=[\s/>])` + ATTRS, 'g');
/** A cell start tag right at lastIndex. */
const CELL_START = new RegExp(String.raw`<(${NAME}c)(?=[\s/>])` + ATTRS, 'y');
const SHEETDATA = new RegExp(String.raw`<(${NAME}sheetData)(?=[\s/>])` + ATTRS);
const XMLNS = /\sxmlns(?::[\w.-]+)?\s*=\s*(?:"[^"]*"|'[^']*')/g;

/** Where the end tag `</name>` (optionally with spaces before ">") starts at or after `from`, or -1. */
function closeOf(text: string, name: string, from: number): number {
  for (let at = text.indexOf(`</${name}`, from); at >= 0; at = text.indexOf(`</${name}`, at + 1)) {
    let k = at + name.length + 2;
    while (text[k] === ' ' || text[k] === '\t' || text[k] === '\n' || text[k] === '\r') k++;
    if (text[k] === '>') return at;
  }
  return -1;
}

/** The end of the end tag that starts at `at`. */
function closeEnd(text: string, at: number): number {
  return text.indexOf('>', at) + 1;
}

const R_ATTR = /(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')/;

/** The `r` attribute in a start tag's attribute text. */
function rOf(attrs: string): string | null {
  const m = R_ATTR.exec(attrs);
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
  /** Start tags that let a row be parsed alone: the root's namespace declarations, and `<sheetData>`. */
  private readonly wrapOpen: string;
  private readonly wrapClose: string;
  private changed = false;
  /** Whether an edit changed anything outside the rows (then the skeleton is serialised again). */
  private skeletonChanged = false;

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
    this.skeletonChanged = true;
    return el;
  }

  /** One pass over the rows' text: each row's number and offsets (its cells are scanned when needed). */
  private scanRows(): void {
    const text = this.content;
    const start = new RegExp(ROW_START.source, 'g');
    let last = 0;
    for (let m = start.exec(text); m; m = start.exec(text)) {
      const openEnd = m.index + m[0].length;
      let closeStart = openEnd;
      let stop = openEnd;
      if (!m[3]) {
        closeStart = closeOf(text, m[1], openEnd);
        if (closeStart < 0) malformed(`${this.head}${text}${this.tail}`, this.path, 'a row is not closed');
        stop = closeEnd(text, closeStart);
      }
      const rAttr = rOf(m[2]);
      const r = rAttr !== null ? Number(rAttr) : last + 1;
      last = r;
      const entry: RowEntry = { r, name: m[1], start: m.index, end: stop, openEnd, closeStart, element: null, pristine: null, slots: null, cells: null };
      this.entries.push(entry);
      if (!this.rows.has(r)) this.rowNumbers.push(r);
      this.rows.set(r, entry);
      start.lastIndex = stop;
    }
    this.rowNumbers.sort((a, b) => a - b);
  }

  /** A row's namespace declarations (rarely any), for parsing its cells alone. */
  private rowOpen(e: RowEntry): string {
    const tag = e.start >= 0 ? this.content.slice(e.start, e.openEnd) : '';
    return `<${e.name}${(tag.match(XMLNS) ?? []).join('')}>`;
  }

  /**
   * The row's start tag as an element (no children), parsed on first use. Parsed elements stay in
   * the small documents they were parsed in (importing would copy them again); elements made in
   * `doc` go into them, which xmldom allows, and elementXml writes them whatever their owner.
   */
  private rowElement(e: RowEntry): Element {
    if (e.element) return e.element;
    let tag = this.content.slice(e.start, e.openEnd);
    if (!tag.endsWith('/>')) tag = `${tag.slice(0, -1)}/>`;
    const row = children(children(parseXml(`${this.wrapOpen}${tag}${this.wrapClose}`, this.path).documentElement!)[0])[0];
    e.element = row;
    e.pristine = elementXml(row).join('');
    return row;
  }

  /** The cells of a row in file order: one scan of its text, stopping at anything that is not a cell (extLst). */
  private slotsOf(e: RowEntry): Slot[] {
    if (e.slots) return e.slots;
    const slots: Slot[] = [];
    const cells = new Map<number, Slot>();
    const text = this.content;
    const cell = new RegExp(CELL_START.source, 'y');
    let pos = e.start >= 0 ? e.openEnd : 0;
    const limit = e.start >= 0 ? e.closeStart : 0;
    let last = 0;
    while (pos < limit) {
      while (pos < limit && /\s/.test(text[pos])) pos++;
      if (text.startsWith('<!--', pos)) {
        const k = text.indexOf('-->', pos);
        if (k < 0 || k >= limit) break;
        pos = k + 3;
        continue;
      }
      cell.lastIndex = pos;
      const m = cell.exec(text);
      if (!m) break;
      let stop = pos + m[0].length;
      if (!m[3]) {
        const close = closeOf(text, m[1], stop);
        if (close < 0 || close >= limit) malformed(`${this.head}${text}${this.tail}`, this.path, 'a cell is not closed');
        stop = closeEnd(text, close);
      }
      const ref = rOf(m[2]);
      const col = ref ? (parseRef(ref)?.col ?? last + 1) : last + 1;
      last = col;
      const slot: Slot = { col, start: pos, end: stop, element: null, pristine: null, removed: false };
      slots.push(slot);
      cells.set(col, slot);
      pos = stop;
    }
    e.slots = slots;
    e.cells = cells;
    return slots;
  }

  /** A cell's element, parsed alone from its text on first use. */
  private cellElement(e: RowEntry, slot: Slot): Element {
    if (slot.element) return slot.element;
    const xml = `${this.wrapOpen}${this.rowOpen(e)}${this.content.slice(slot.start, slot.end)}</${e.name}>${this.wrapClose}`;
    const c = children(children(children(parseXml(xml, this.path).documentElement!)[0])[0])[0];
    slot.element = c;
    slot.pristine = elementXml(c).join('');
    return c;
  }

  /**
   * Parses the cells edits are about to reach, in one parse: parsing each cell alone costs a parse
   * of the root's declarations per cell (most of a fill on 10,000 KPIs). Cells not in the file yet
   * are left to cell().
   */
  prefetch(cells: Iterable<{ row: number; col: number }>): void {
    const todo: { e: RowEntry; slot: Slot }[] = [];
    const seen = new Set<Slot>();
    for (const { row, col } of cells) {
      const e = this.rows.get(row);
      if (!e || e.start < 0) continue;
      this.slotsOf(e);
      const slot = e.cells!.get(col);
      if (!slot || slot.element || slot.start < 0 || seen.has(slot)) continue;
      seen.add(slot);
      todo.push({ e, slot });
    }
    if (todo.length < 2) return;
    const xml = todo.map(({ e, slot }) => `${this.rowOpen(e)}${this.content.slice(slot.start, slot.end)}</${e.name}>`);
    const data = children(parseXml(`${this.wrapOpen}${xml.join('')}${this.wrapClose}`, this.path).documentElement!)[0];
    children(data).forEach((row, i) => {
      const c = children(row)[0];
      todo[i].slot.element = c;
      todo[i].slot.pristine = elementXml(c).join('');
    });
  }

  /**
   * Marks the part changed, outside its rows too: it is written back by flush(), the skeleton
   * serialised again. Every change to `root`'s elements must be followed by touch().
   */
  touch(): void {
    this.changed = true;
    this.skeletonChanged = true;
  }

  /** Marks a change to cells only (elements cell() gave): the skeleton keeps its bytes. */
  touchCells(): void {
    this.changed = true;
  }

  /** A row as text now: its original bytes where nothing in it changed. */
  private rowText(e: RowEntry): string {
    const text = this.content;
    const original = e.start >= 0;
    if (original && !e.element && !e.slots) return text.slice(e.start, e.end);
    const startNow = e.element ? elementXml(e.element).join('') : null;
    const startKept = original && (startNow === null || startNow === e.pristine);
    const out: string[] = [];
    let pos = original ? e.openEnd : 0;
    let cellsChanged = false;
    for (const slot of e.slots ?? []) {
      if (slot.start < 0) {
        if (!slot.removed) out.push(elementXml(slot.element!).join(''));
        cellsChanged = true;
        continue;
      }
      out.push(text.slice(pos, slot.start));
      pos = slot.end;
      if (slot.removed) {
        cellsChanged = true;
        continue;
      }
      const now = slot.element ? elementXml(slot.element).join('') : null;
      if (now !== null && now !== slot.pristine) cellsChanged = true;
      out.push(now === null || now === slot.pristine ? text.slice(slot.start, slot.end) : now);
    }
    if (startKept && !cellsChanged) return text.slice(e.start, e.end);
    if (original) out.push(text.slice(pos, e.closeStart));
    const body = out.join('');
    // the start tag: as it was, or written again (self-closing when the row is left without content)
    const open = startKept ? text.slice(e.start, e.openEnd).replace(/\s*\/>$/, '>') : (startNow ?? elementXml(this.rowElement(e)).join('')).replace(/\/>$/, '>');
    if (!body && (!original || e.closeStart === e.end)) return `${open.slice(0, -1)}/>`;
    const close = original && e.closeStart < e.end ? text.slice(e.closeStart, e.end) : `</${e.name}>`;
    return `${open}${body}${close}`;
  }

  /** The part as text now. */
  toText(): string {
    let head = this.head;
    let tail = this.tail;
    if (this.skeletonChanged || !this.head) {
      const skeleton = serializeXml(this.doc);
      const at = skeleton.indexOf(`<!--${MARK}-->`);
      head = skeleton.slice(0, at);
      tail = skeleton.slice(at + MARK.length + 7);
    }
    const out: string[] = [head];
    let pos = 0;
    for (const e of this.entries) {
      if (e.start >= 0) {
        out.push(this.content.slice(pos, e.start));
        pos = e.end;
      }
      out.push(this.rowText(e));
    }
    out.push(this.content.slice(pos), tail);
    return out.join('');
  }

  /** Writes the part into the package if an edit changed it. */
  flush(): void {
    if (this.changed) this.pkg.writeText(this.path, this.toText());
    this.changed = false;
  }

  /** The entry of row r, created in order when missing. */
  private entry(r: number, create: boolean): RowEntry | null {
    const found = this.rows.get(r);
    if (found || !create) return found ?? null;
    const row = make(this.doc, 'row', { r });
    const entry: RowEntry = { r, name: row.nodeName, start: -1, end: -1, openEnd: -1, closeStart: -1, element: row, pristine: null, slots: [], cells: new Map() };
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
    return entry;
  }

  /** The row's start tag as an element (attributes only: its cells are reached through cell()). */
  row(r: number, create: boolean): Element | null {
    const e = this.entry(r, create);
    return e ? this.rowElement(e) : null;
  }

  cell(r: number, col: number, create: boolean): Element | null {
    const e = this.entry(r, create);
    if (!e) return null;
    const slots = this.slotsOf(e);
    const found = e.cells!.get(col);
    if (found) return this.cellElement(e, found);
    if (!create) return null;
    const row = this.rowElement(e);
    const c = make(this.doc, 'c', { r: cellRef(r, col) });
    // a new cell takes the row's style when the row has one, else its column's (as Excel and exceljs do)
    const s = row.getAttribute('customFormat') === '1' ? row.getAttribute('s') : this.columnStyle(col);
    if (s && s !== '0') c.setAttribute('s', s);
    const slot: Slot = { col, start: -1, end: -1, element: c, pristine: null, removed: false };
    // before the first cell right of it (in file order); else last, before the row's extLst
    let at = slots.length;
    let best = Infinity;
    slots.forEach((x, i) => {
      if (!x.removed && x.col > col && x.col < best) {
        best = x.col;
        at = i;
      }
    });
    slots.splice(at, 0, slot);
    e.cells!.set(col, slot);
    widenSpans(row, col);
    this.widenDimension(r, col);
    this.changed = true;
    return c;
  }

  /** Forgets a removed cell. */
  dropCell(r: number, col: number): void {
    const e = this.rows.get(r);
    const slot = e?.cells?.get(col);
    if (!e || !slot) return;
    slot.removed = true;
    e.cells!.delete(col);
    this.changed = true;
  }

  /**
   * The `<f>` elements of the cells sharing formula `si` (18.3.1.40), each with its cell as parent.
   * Only cells whose text mentions the index are parsed.
   */
  sharedFormulas(si: string): Element[] {
    const mention = new RegExp(String.raw`\bsi\s*=\s*["']${si.replace(/[^\w]/g, '')}["']`);
    const out: Element[] = [];
    for (const e of this.entries) {
      if (!e.slots && !mention.test(this.content.slice(e.start, e.end))) continue;
      for (const slot of this.slotsOf(e)) {
        if (slot.removed || (!slot.element && !mention.test(this.content.slice(slot.start, slot.end)))) continue;
        for (const f of children(this.cellElement(e, slot), 'f')) if (f.getAttribute('t') === 'shared' && f.getAttribute('si') === si) out.push(f);
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
    if (next === ref) return;
    dim.setAttribute('ref', next);
    this.skeletonChanged = true;
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
