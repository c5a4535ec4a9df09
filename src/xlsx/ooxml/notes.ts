/**
 * Notes (legacy comments) patched into a sheet: the comments part (ECMA-376 Part 1, 18.7) and the
 * VML drawing that shows each note (Part 4 / [MS-OI29500] 2.1.1: Excel needs a VML shape per
 * comment). Only the note being written changes: other notes keep their authors, rich text and
 * shapes; the parts are created when the sheet has none and removed with its last note.
 */
import { inBoth } from '../../core/catalogue';
import { CONTENT_TYPE, REL, relativeTarget, resolveTarget } from './package';
import type { SheetXml } from './sheet';
import { cellRef } from './sheet';
import { UnpatchableError } from './cells';
import { append, child, children, make, NS_R, parseXml, removeNode, sheetChild, type Document, type Element } from './xml';

const NS_V = 'urn:schemas-microsoft-com:vml';
const NS_X = 'urn:schemas-microsoft-com:office:excel';
const NS_O = 'urn:schemas-microsoft-com:office:office';
const NS_XML = 'http://www.w3.org/XML/1998/namespace';

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function newVml(idmap: number): string {
  return `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idmap}"/></o:shapelayout>${SHAPETYPE}</xml>`;
}

const NEW_COMMENTS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author></author></authors><commentList/></comments>';

/** An element tree to build in a VML drawing: [qualified name, attributes, ...children]. */
type Spec = [string, Record<string, string>, ...(Spec | string)[]];
const PREFIXES: Record<string, string> = { v: NS_V, o: NS_O, x: NS_X };

/**
 * Builds `spec` in `doc` with the DOM's own calls: no fragment parsed or node imported per note
 * (each cost ~15 ms of a flag on 10,000 KPIs, BENCHMARKS.md "Saving by patching").
 */
function build(doc: Document, [name, attrs, ...kids]: Spec): Element {
  const e = doc.createElementNS(PREFIXES[name.split(':')[0]] ?? null, name);
  for (const [k, v] of Object.entries(attrs)) {
    const ns = k.includes(':') ? PREFIXES[k.split(':')[0]] : undefined;
    if (ns) e.setAttributeNS(ns, k, v);
    else e.setAttribute(k, v);
  }
  for (const k of kids) e.appendChild(typeof k === 'string' ? doc.createTextNode(k) : build(doc, k));
  return e;
}

/** The shape Excel writes for a hidden note beside its cell (anchor: 2 columns wide, 4 rows tall). */
function noteShape(doc: Document, id: number, row: number, col: number): Element {
  const r = row - 1;
  const c = col - 1;
  const style = `position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${id};visibility:hidden`;
  return build(doc, [
    'v:shape',
    { id: `_x0000_s${id}`, type: '#_x0000_t202', style, fillcolor: '#ffffe1', 'o:insetmode': 'auto' },
    ['v:fill', { color2: '#ffffe1' }],
    ['v:shadow', { on: 't', color: 'black', obscured: 't' }],
    ['v:path', { 'o:connecttype': 'none' }],
    ['v:textbox', { style: 'mso-direction-alt:auto' }, ['div', { style: 'text-align:left' }]],
    [
      'x:ClientData',
      { ObjectType: 'Note' },
      ['x:MoveWithCells', {}],
      ['x:SizeWithCells', {}],
      ['x:Anchor', {}, `${c + 1}, 15, ${Math.max(0, r - 1)}, 10, ${c + 3}, 15, ${r + 3}, 4`],
      ['x:AutoFill', {}, 'False'],
      ['x:Row', {}, String(r)],
      ['x:Column', {}, String(c)],
    ],
  ]);
}

async function vmlDoc(sheet: SheetXml, path: string): Promise<Document> {
  try {
    return await sheet.pkg.readXml(path);
  } catch {
    throw new UnpatchableError(inBoth('save.part.notes-drawing', { part: path }));
  }
}

function textOf(el: Element | null): string {
  return el?.textContent?.trim() ?? '';
}

interface VmlIndex {
  /** "row,col" (0-based, as VML counts) → the note's shape. */
  notes: Map<string, Element>;
  shapes: number;
  maxId: number;
  /** Whether the drawing has the note shape type, and its idmap block (shape ids start at idmap × 1024). */
  typed: boolean;
  idmap: number;
  /** The root declares v:, o: and x: as the shapes this writer adds use them (writeXml's `plain`). */
  plain: boolean;
}
/** One scan of a drawing per save: a workbook with thousands of notes must not be scanned per note. */
const vmlIndexes = new WeakMap<Document, VmlIndex>();

function vmlIndex(vml: Document): VmlIndex {
  let index = vmlIndexes.get(vml);
  if (index) return index;
  const idmapEl = vml.getElementsByTagNameNS(NS_O, 'idmap')[0];
  const typed = Array.from(vml.getElementsByTagNameNS(NS_V, 'shapetype')).some((t) => t.getAttribute('id') === '_x0000_t202');
  const root = vml.documentElement!;
  const plain = Object.entries(PREFIXES).every(([p, ns]) => root.getAttribute(`xmlns:${p}`) === ns);
  index = { notes: new Map(), shapes: 0, maxId: 0, typed, idmap: Number(/\d+/.exec(idmapEl?.getAttribute('data') ?? '')?.[0] ?? 1), plain };
  for (const data of Array.from(vml.getElementsByTagNameNS(NS_X, 'ClientData'))) {
    if (data.getAttribute('ObjectType') !== 'Note') continue;
    const r = textOf(children(data, 'Row')[0] ?? null);
    const c = textOf(children(data, 'Column')[0] ?? null);
    index.notes.set(`${Number(r)},${Number(c)}`, data.parentNode as Element);
  }
  for (const s of Array.from(vml.getElementsByTagNameNS(NS_V, 'shape'))) {
    index.shapes++;
    index.maxId = Math.max(index.maxId, Number(/_x0000_s(\d+)/.exec(s.getAttribute('id') ?? '')?.[1] ?? 0));
  }
  vmlIndexes.set(vml, index);
  return index;
}

/** The note shape of a cell in a VML drawing, if any. */
function shapeOf(vml: Document, row: number, col: number): Element | null {
  return vmlIndex(vml).notes.get(`${row - 1},${col - 1}`) ?? null;
}

function removeShape(vml: Document, row: number, col: number): void {
  const index = vmlIndex(vml);
  const shape = index.notes.get(`${row - 1},${col - 1}`);
  if (!shape) return;
  removeNode(shape);
  index.notes.delete(`${row - 1},${col - 1}`);
  index.shapes--;
}

/** comments part → ref → comment, scanned once per save. */
const commentIndexes = new WeakMap<Element, Map<string, Element>>();
function commentIndex(list: Element): Map<string, Element> {
  let index = commentIndexes.get(list);
  if (!index) {
    index = new Map(children(list, 'comment').map((c) => [c.getAttribute('ref') ?? '', c]));
    commentIndexes.set(list, index);
  }
  return index;
}

/** A VML idmap number not used by another drawing of the package ([MS-OI29500]: shape ids are unique per workbook). */
async function freeIdmap(sheet: SheetXml): Promise<number> {
  // a drawing's idmap never changes during a save: each drawing's text is read once (a drawing
  // with thousands of new shapes would otherwise be serialised again for every sheet given notes)
  let known = idmaps.get(sheet.pkg);
  if (!known) idmaps.set(sheet.pkg, (known = new Map()));
  let max = 0;
  for (const p of sheet.pkg.paths()) {
    if (!p.endsWith('.vml')) continue;
    let most = known.get(p);
    if (most === undefined) {
      most = 0;
      const text = (await sheet.pkg.readText(p)) ?? '';
      for (const m of text.matchAll(/<o:idmap\b[^>]*\bdata="([\d,\s]+)"/g)) for (const n of m[1].split(/[,\s]+/)) most = Math.max(most, Number(n) || 0);
      known.set(p, most);
    }
    max = Math.max(max, most);
  }
  return max + 1;
}
const idmaps = new WeakMap<object, Map<string, number>>();

/** Sets (text) or removes (null) the note of cell (row, col). */
export async function setNote(sheet: SheetXml, row: number, col: number, note: string | null): Promise<void> {
  const pkg = sheet.pkg;
  const ref = cellRef(row, col);
  const rels = await pkg.rels(sheet.path);
  let commentsRel = rels.find((r) => r.type === REL.comments);
  const legacy = child(sheet.root, 'legacyDrawing');
  const legacyId = legacy?.getAttributeNS(NS_R, 'id') ?? null;
  let vmlRel = rels.find((r) => r.id === legacyId) ?? null;
  if (!commentsRel && note === null) return;

  if (!commentsRel) {
    const path = pkg.freePath('xl/comments', '.xml');
    pkg.writeText(path, NEW_COMMENTS);
    await pkg.setOverride(path, CONTENT_TYPE.comments);
    const id = await pkg.addRel(sheet.path, REL.comments, relativeTarget(sheet.path, path));
    commentsRel = { id, type: REL.comments, target: relativeTarget(sheet.path, path), external: false };
  }
  if (!vmlRel && note !== null) {
    const path = pkg.freePath('xl/drawings/vmlDrawing', '.vml');
    const idmap = await freeIdmap(sheet);
    idmaps.get(pkg)?.set(path, idmap);
    pkg.writeText(path, newVml(idmap));
    await pkg.ensureDefault('vml', CONTENT_TYPE.vml);
    const id = await pkg.addRel(sheet.path, REL.vmlDrawing, relativeTarget(sheet.path, path));
    vmlRel = { id, type: REL.vmlDrawing, target: relativeTarget(sheet.path, path), external: false };
    const el = sheetChild(sheet.root, 'legacyDrawing');
    el.setAttributeNS(NS_R, 'r:id', id);
    sheet.touch();
  }

  const commentsPath = resolveTarget(sheet.path, commentsRel.target);
  const doc = await pkg.readXml(commentsPath);
  const root = doc.documentElement!;
  const list = child(root, 'commentList') ?? append(root, make(doc, 'commentList'));
  const comments = commentIndex(list);
  const current = comments.get(ref) ?? null;

  const vmlPath = vmlRel ? resolveTarget(sheet.path, vmlRel.target) : null;
  const vml = vmlPath ? await vmlDoc(sheet, vmlPath) : null;

  if (note === null) {
    removeNode(current);
    comments.delete(ref);
    if (current) dropUnusedAuthor(doc, current.getAttribute('authorId'), comments);
    if (vml) removeShape(vml, row, col);
  } else {
    const comment = current ?? append(list, make(doc, 'comment', { ref, authorId: authorFor(doc) }));
    comments.set(ref, comment);
    const old = child(comment, 'text');
    const text = make(doc, 'text');
    // one rich-text run, as Excel writes notes (and as exceljs reads them)
    const run = append(text, make(doc, 'r'));
    const t = append(run, make(doc, 't'));
    t.setAttributeNS(NS_XML, 'xml:space', 'preserve');
    t.appendChild(doc.createTextNode(note));
    if (old) comment.replaceChild(text, old);
    else comment.insertBefore(text, comment.firstChild);
    if (vml && !shapeOf(vml, row, col)) addShape(vml, row, col);
  }
  // new elements of the comments part are made in its root's namespace and prefix (make)
  pkg.writeXml(commentsPath, doc, { plain: true });
  if (vml && vmlPath) pkg.writeXml(vmlPath, vml, { plain: vmlIndex(vml).plain });

  // the last note gone: the parts go too (an empty commentList is not what Excel writes)
  if (!comments.size) await pkg.removePart(commentsPath, { part: sheet.path, id: commentsRel.id });
  if (vml && vmlPath && vmlRel && !vmlIndex(vml).shapes) {
    await pkg.removePart(vmlPath, { part: sheet.path, id: vmlRel.id });
    removeNode(child(sheet.root, 'legacyDrawing'));
    sheet.touch();
  }
}

/** The unnamed author this writer added (the last one) goes with its last note; other authors stay. */
function dropUnusedAuthor(doc: Document, authorId: string | null, comments: Map<string, Element>): void {
  const root = doc.documentElement!;
  const authors = child(root, 'authors');
  const list = authors ? children(authors, 'author') : [];
  const last = list[list.length - 1];
  if (!authors || !last || (last.textContent ?? '') !== '' || Number(authorId) !== list.length - 1) return;
  for (const c of comments.values()) if (c.getAttribute('authorId') === authorId) return;
  authors.removeChild(last);
}

/** The author index for a new note: an unnamed author (appended when the part has none). */
function authorFor(doc: Document): number {
  const root = doc.documentElement!;
  const authors = child(root, 'authors') ?? (root.insertBefore(make(doc, 'authors'), root.firstChild) as Element);
  const list = children(authors, 'author');
  const i = list.findIndex((a) => (a.textContent ?? '') === '');
  if (i >= 0) return i;
  authors.appendChild(make(doc, 'author'));
  return list.length;
}

function addShape(vml: Document, row: number, col: number): void {
  const root = vml.documentElement!;
  // the drawing's walks are done once per save (vmlIndex): a note costs no scan of the drawing
  const index = vmlIndex(vml);
  if (!index.typed) {
    const holder = parseXml(`<x xmlns:v="${NS_V}" xmlns:o="urn:schemas-microsoft-com:office:office">${SHAPETYPE}</x>`, 'shapetype');
    const type = vml.importNode(holder.documentElement!.firstChild!, true) as Element;
    root.appendChild(type);
    index.typed = true;
  }
  const max = Math.max(index.idmap * 1024, index.maxId);
  const shape = noteShape(vml, max + 1, row, col);
  root.appendChild(shape);
  index.notes.set(`${row - 1},${col - 1}`, shape);
  index.shapes++;
  index.maxId = max + 1;
}
