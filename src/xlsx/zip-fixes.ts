/**
 * Repairs of exceljs 4.4 file handling, done on the zip (see ../shared/TOOLCHAIN.md):
 * - on write, internal links are real internal links (`location` only, no relationship) and
 *   external links to "file.xlsx#'01'!A1" become Target="file.xlsx" + location="'01'!A1";
 * - on read, exceljs drops `location`-only links and notes on empty cells: we read them back here.
 * Browser-safe: jszip only.
 */
import JSZip from 'jszip';
import { resolveTarget as resolve } from './ooxml/paths';
import type { ParsedLocationLink } from './exceljs-internals';

export interface SheetPart {
  name: string;
  path: string; // "xl/worksheets/sheet1.xml"
}

const unescapeXml = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : null;
}

function relsPath(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

async function readRels(zip: JSZip, part: string): Promise<Map<string, { target: string; tag: string }>> {
  const map = new Map<string, { target: string; tag: string }>();
  const xml = await zip.file(relsPath(part))?.async('string');
  if (!xml) return map;
  for (const tag of xml.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (id && target !== null) map.set(id, { target, tag });
  }
  return map;
}

export async function sheetParts(zip: JSZip): Promise<SheetPart[]> {
  const wbXml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = await readRels(zip, 'xl/workbook.xml');
  const out: SheetPart[] = [];
  for (const tag of wbXml.match(/<sheet\b[^>]*>/g) ?? []) {
    const name = attr(tag, 'name');
    const rid = attr(tag, 'r:id');
    const rel = rid ? rels.get(rid) : undefined;
    if (name && rel) out.push({ name, path: resolve('xl/workbook.xml', rel.target) });
  }
  return out;
}

/** Write-side repair of hyperlinks in every sheet of a zip written by exceljs. */
export async function fixHyperlinksForWrite(zip: JSZip): Promise<void> {
  for (const { path } of await sheetParts(zip)) {
    const file = zip.file(path);
    if (!file) continue;
    let xml = await file.async('string');
    if (!xml.includes('<hyperlink ')) continue;
    const rels = await readRels(zip, path);
    const relsFile = relsPath(path);
    let relsXml = (await zip.file(relsFile)?.async('string')) ?? '';
    xml = xml.replace(/<hyperlink\b[^>]*\/>/g, (tag) => {
      const rid = attr(tag, 'r:id');
      const rel = rid ? rels.get(rid) : undefined;
      if (!rid || !rel) return tag;
      const ref = attr(tag, 'ref') ?? '';
      const tooltip = attr(tag, 'tooltip');
      const tip = tooltip ? ` tooltip="${escapeXml(tooltip)}"` : '';
      const hash = rel.target.indexOf('#');
      if (hash === 0) {
        relsXml = relsXml.replace(rel.tag, '');
        return `<hyperlink ref="${ref}" location="${escapeXml(rel.target.slice(1))}"${tip}/>`;
      }
      if (hash > 0) {
        const fixed = rel.tag.replace(/Target="[^"]*"/, `Target="${escapeXml(rel.target.slice(0, hash))}"`);
        relsXml = relsXml.replace(rel.tag, fixed);
        return `<hyperlink ref="${ref}" r:id="${rid}" location="${escapeXml(rel.target.slice(hash + 1))}"${tip}/>`;
      }
      return tag.replace(/\slocation="[^"]*"/, '');
    });
    zip.file(path, xml);
    if (relsXml) zip.file(relsFile, relsXml);
  }
}

export interface ReadBackFacts {
  /** Links by sheet name and cell address: "#'01'!A1" or "file.xlsx#'01'!A1". */
  links: Map<string, Map<string, string>>;
  /** Notes by sheet name and cell address. */
  notes: Map<string, Map<string, string>>;
}

/** A link's target as the host keeps it: "#place", or "file#place" (exceljs writes the whole of it into the relationship). */
function linkTarget(relTarget: string, location: string): string {
  return relTarget.includes('#') ? relTarget : `${relTarget}#${location.replace(/^#/, '')}`;
}

/**
 * Facts exceljs loses on read: location links and all notes (the host re-attaches missing ones).
 * `parsed`: the links with a location exceljs's own parse saw (exceljs-internals.ts
 * keepLocationLinks), by sheet name; a sheet found there is not unzipped again for its links.
 */
export async function readBackFacts(zip: JSZip, parsed?: Map<string, ParsedLocationLink[]>): Promise<ReadBackFacts> {
  const links = new Map<string, Map<string, string>>();
  const notes = new Map<string, Map<string, string>>();
  for (const { name, path } of await sheetParts(zip)) {
    const known = parsed?.get(name);
    const xml = known ? '' : await zip.file(path)?.async('string');
    if (!known && !xml) continue;
    const rels = await readRels(zip, path);
    const sheetLinks = new Map<string, string>();
    for (const link of known ?? []) sheetLinks.set(link.ref.split(':')[0], linkTarget(link.relTarget ?? '', link.location));
    for (const tag of xml?.match(/<hyperlink\b[^>]*>/g) ?? []) {
      const ref = attr(tag, 'ref');
      const location = attr(tag, 'location');
      const rid = attr(tag, 'r:id');
      if (!ref || location === null) continue;
      sheetLinks.set(ref.split(':')[0], linkTarget(rid ? (rels.get(rid)?.target ?? '') : '', location));
    }
    links.set(name, sheetLinks);
    const sheetNotes = new Map<string, string>();
    for (const rel of rels.values()) {
      // by type only: other writers name the part otherwise (openpyxl: xl/comments/comment1.xml)
      if (!rel.tag.includes('/relationships/comments"')) continue;
      const cxml = await zip.file(resolve(path, rel.target))?.async('string');
      for (const m of cxml?.matchAll(/<comment\b([^>]*)>([\s\S]*?)<\/comment>/g) ?? []) {
        const ref = attr(m[1], 'ref');
        const text = [...m[2].matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => unescapeXml(t[1])).join('');
        if (ref) sheetNotes.set(ref, text);
      }
    }
    notes.set(name, sheetNotes);
  }
  return { links, notes };
}
