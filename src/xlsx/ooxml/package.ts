/**
 * An OOXML package (the zip of an .xlsx/.xlsm) opened for patching (issue #16): parts are read as
 * XML documents on demand, edited in place and serialised only when written; every other part goes
 * back as it came (same uncompressed bytes), with its relationships and content type. This is what
 * lets a save keep charts, pivots, VBA, extensions … that no in-memory model of ours understands.
 * Browser-safe: jszip + @xmldom/xmldom, no Node APIs (the preview's download saves the same way).
 */
import JSZip from 'jszip';
import { children, documentXml, make, NS_R, parseXml, serializeXml, type Document, type Element } from './xml';
import { relsPathOf, resolveTarget } from './paths';

export { relsPathOf, resolveTarget, relativeTarget } from './paths';

export interface Relationship {
  id: string;
  type: string;
  /** As written in the rels part (relative to the source part's folder, or absolute with "/"). */
  target: string;
  external: boolean;
}

export interface SheetEntry {
  name: string;
  /** Part path, e.g. "xl/worksheets/sheet1.xml". */
  path: string;
  rId: string;
  sheetId: number;
  /** The <sheet> element in xl/workbook.xml. */
  element: Element;
}

export const REL = {
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
  hyperlink: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
} as const;

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
} as const;

const EMPTY_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

export class OoxmlPackage {
  private readonly docs = new Map<string, Document>();
  private readonly dirty = new Set<string>();
  private readonly added = new Map<string, string | Uint8Array>();
  private readonly removed = new Set<string>();
  /** Parts written with `plain` (serialised by elementXml). */
  private readonly plain = new Set<string>();

  private constructor(private readonly zip: JSZip) {}

  static async open(bytes: Uint8Array | ArrayBuffer): Promise<OoxmlPackage> {
    return new OoxmlPackage(await JSZip.loadAsync(bytes));
  }

  /** Part paths in the package now (without folders). */
  paths(): string[] {
    const out = Object.keys(this.zip.files).filter((p) => !this.zip.files[p].dir && !this.removed.has(p));
    for (const p of this.added.keys()) if (!out.includes(p)) out.push(p);
    return out;
  }

  has(path: string): boolean {
    if (this.removed.has(path)) return false;
    return this.added.has(path) || this.docs.has(path) || (!!this.zip.file(path) && !this.zip.files[path].dir);
  }

  /** The part as a DOM document; the same object on every call until written or removed. */
  async readXml(path: string): Promise<Document> {
    const cached = this.docs.get(path);
    if (cached) return cached;
    const text = await this.readText(path);
    if (text === null) throw new Error(`${path}: no such part`);
    const doc = parseXml(text, path);
    this.docs.set(path, doc);
    return doc;
  }

  /** The part's text as stored (or as last written), or null when absent. */
  async readText(path: string): Promise<string | null> {
    if (this.removed.has(path)) return null;
    const doc = this.docs.get(path);
    if (doc && this.dirty.has(path)) return this.serialize(path, doc);
    const add = this.added.get(path);
    if (add !== undefined) return typeof add === 'string' ? add : new TextDecoder().decode(add);
    const f = this.zip.file(path);
    return f ? f.async('string') : null;
  }

  async readBytes(path: string): Promise<Uint8Array | null> {
    const text = this.dirty.has(path) || this.added.has(path) ? await this.readText(path) : null;
    if (text !== null) return new TextEncoder().encode(text);
    if (this.removed.has(path)) return null;
    const f = this.zip.file(path);
    return f ? f.async('uint8array') : null;
  }

  /**
   * Marks a (possibly new) part as changed; it is serialised by toBytes. `plain`: every element and
   * attribute added to the document uses a prefix its root declares (or none), so it can be written
   * by elementXml as parsed and made — several times faster than xmldom's serializer, which checks
   * namespaces node by node (a drawing with thousands of new note shapes). Any other write of the
   * part goes back to xmldom's serializer.
   */
  writeXml(path: string, doc: Document, options: { plain?: boolean } = {}): void {
    if (options.plain) this.plain.add(path);
    else this.plain.delete(path);
    this.docs.set(path, doc);
    this.dirty.add(path);
    this.removed.delete(path);
  }

  /** A new part from text (parsed when read as XML later). */
  writeText(path: string, text: string): void {
    this.docs.delete(path);
    this.dirty.delete(path);
    this.added.set(path, text);
    this.removed.delete(path);
  }

  remove(path: string): void {
    this.docs.delete(path);
    this.dirty.delete(path);
    this.added.delete(path);
    this.removed.add(path);
  }

  /** Parts written since opening (what a test may expect to differ). */
  changedParts(): string[] {
    return [...new Set([...this.dirty, ...this.added.keys(), ...this.removed])];
  }

  private serialize(path: string, doc: Document): string {
    return this.plain.has(path) ? documentXml(doc) : serializeXml(doc);
  }

  // ---- relationships -------------------------------------------------------------------------

  async rels(part: string): Promise<Relationship[]> {
    const path = relsPathOf(part);
    if (!this.has(path)) return [];
    const doc = await this.readXml(path);
    return children(doc.documentElement!, 'Relationship').map((r) => ({
      id: r.getAttribute('Id') ?? '',
      type: r.getAttribute('Type') ?? '',
      target: r.getAttribute('Target') ?? '',
      external: r.getAttribute('TargetMode') === 'External',
    }));
  }

  /** Parts related from `part` by one relationship type, resolved to package paths. */
  async related(part: string, type: string): Promise<{ id: string; path: string }[]> {
    return (await this.rels(part)).filter((r) => r.type === type && !r.external).map((r) => ({ id: r.id, path: resolveTarget(part, r.target) }));
  }

  private async relsDoc(part: string): Promise<Document> {
    const path = relsPathOf(part);
    if (!this.has(path)) this.writeText(path, EMPTY_RELS);
    return this.readXml(path);
  }

  /** Adds a relationship and returns its new id (rIdN not used in that rels part). */
  async addRel(part: string, type: string, target: string, external = false): Promise<string> {
    const doc = await this.relsDoc(part);
    const root = doc.documentElement!;
    const ids = new Set(children(root, 'Relationship').map((r) => r.getAttribute('Id')));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    root.appendChild(make(doc, 'Relationship', { Id: id, Type: type, Target: target, TargetMode: external ? 'External' : undefined }));
    this.writeXml(relsPathOf(part), doc);
    return id;
  }

  async setRelTarget(part: string, id: string, target: string, external: boolean): Promise<void> {
    const doc = await this.relsDoc(part);
    const r = children(doc.documentElement!, 'Relationship').find((e) => e.getAttribute('Id') === id);
    if (!r) return;
    r.setAttribute('Target', target);
    if (external) r.setAttribute('TargetMode', 'External');
    else r.removeAttribute('TargetMode');
    this.writeXml(relsPathOf(part), doc);
  }

  async removeRel(part: string, id: string): Promise<void> {
    const path = relsPathOf(part);
    if (!this.has(path)) return;
    const doc = await this.readXml(path);
    for (const r of children(doc.documentElement!, 'Relationship')) if (r.getAttribute('Id') === id) doc.documentElement!.removeChild(r);
    // a part's rels part with no relationship left goes (what Excel writes for a part without any)
    if (children(doc.documentElement!, 'Relationship').length || path === '_rels/.rels') this.writeXml(path, doc);
    else this.remove(path);
  }

  // ---- content types -------------------------------------------------------------------------

  async contentType(part: string): Promise<string | null> {
    const root = (await this.readXml('[Content_Types].xml')).documentElement!;
    const o = children(root, 'Override').find((e) => e.getAttribute('PartName') === `/${part}`);
    if (o) return o.getAttribute('ContentType');
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    return children(root, 'Default').find((e) => e.getAttribute('Extension')?.toLowerCase() === ext)?.getAttribute('ContentType') ?? null;
  }

  async setOverride(part: string, type: string): Promise<void> {
    const doc = await this.readXml('[Content_Types].xml');
    const root = doc.documentElement!;
    const o = children(root, 'Override').find((e) => e.getAttribute('PartName') === `/${part}`);
    if (o) o.setAttribute('ContentType', type);
    else root.appendChild(make(doc, 'Override', { PartName: `/${part}`, ContentType: type }));
    this.writeXml('[Content_Types].xml', doc);
  }

  async removeOverride(part: string): Promise<void> {
    const doc = await this.readXml('[Content_Types].xml');
    const root = doc.documentElement!;
    for (const o of children(root, 'Override')) if (o.getAttribute('PartName') === `/${part}`) root.removeChild(o);
    this.writeXml('[Content_Types].xml', doc);
  }

  async ensureDefault(ext: string, type: string): Promise<void> {
    const doc = await this.readXml('[Content_Types].xml');
    const root = doc.documentElement!;
    if (children(root, 'Default').some((e) => e.getAttribute('Extension')?.toLowerCase() === ext.toLowerCase())) return;
    // after the other defaults, before the overrides (the order Excel writes; the schema allows any)
    const firstOverride = children(root, 'Override')[0];
    const d = make(doc, 'Default', { Extension: ext, ContentType: type });
    if (firstOverride) root.insertBefore(d, firstOverride);
    else root.appendChild(d);
    this.writeXml('[Content_Types].xml', doc);
  }

  /** Removes a part with its own rels part, its content-type override and `from`'s relationship to it. */
  async removePart(path: string, from?: { part: string; id: string }): Promise<void> {
    this.remove(path);
    if (this.has(relsPathOf(path))) this.remove(relsPathOf(path));
    await this.removeOverride(path);
    if (from) await this.removeRel(from.part, from.id);
  }

  /** A part path not in use: `${prefix}${n}${suffix}` with the smallest n ≥ 1. */
  freePath(prefix: string, suffix: string): string {
    const used = new Set(this.paths().map((p) => p.toLowerCase()));
    let n = 1;
    while (used.has(`${prefix}${n}${suffix}`.toLowerCase())) n++;
    return `${prefix}${n}${suffix}`;
  }

  // ---- the workbook --------------------------------------------------------------------------

  /** The workbook part (from the package relationship; "xl/workbook.xml" in practice). */
  async workbookPath(): Promise<string> {
    const main = (await this.rels('')).find((r) => r.type === REL.officeDocument);
    return main ? resolveTarget('', main.target) : 'xl/workbook.xml';
  }

  async sheets(): Promise<SheetEntry[]> {
    const wbPath = await this.workbookPath();
    const wb = (await this.readXml(wbPath)).documentElement!;
    const rels = new Map((await this.rels(wbPath)).map((r) => [r.id, r]));
    const sheets = children(wb, 'sheets')[0];
    if (!sheets) return [];
    const out: SheetEntry[] = [];
    for (const s of children(sheets, 'sheet')) {
      const rId = s.getAttributeNS(NS_R, 'id') ?? '';
      const rel = rels.get(rId);
      if (!rel) continue;
      out.push({ name: s.getAttribute('name') ?? '', path: resolveTarget(wbPath, rel.target), rId, sheetId: Number(s.getAttribute('sheetId')), element: s });
    }
    return out;
  }

  /** The worksheet part of a sheet by name (case-insensitive, as Excel compares sheet names), or null. */
  async sheetPart(name: string): Promise<string | null> {
    const lower = name.toLowerCase();
    return (await this.sheets()).find((s) => s.name.toLowerCase() === lower)?.path ?? null;
  }

  /** The package as bytes: untouched parts as they came, changed parts serialised, removed ones gone. */
  async toBytes(): Promise<Uint8Array> {
    for (const p of this.removed) this.zip.remove(p);
    // no folder entries for new parts: Excel's packages have none
    // text goes in as UTF-8 bytes: the platform's encoder, not jszip's (several times slower on a large sheet)
    const bytes = (v: string | Uint8Array) => (typeof v === 'string' ? new TextEncoder().encode(v) : v);
    for (const [p, v] of this.added) if (!this.dirty.has(p)) this.zip.file(p, bytes(v), { createFolders: false });
    for (const p of this.dirty) this.zip.file(p, bytes(this.serialize(p, this.docs.get(p)!)), { createFolders: false });
    this.added.clear();
    this.dirty.clear();
    this.removed.clear();
    return this.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }
}
