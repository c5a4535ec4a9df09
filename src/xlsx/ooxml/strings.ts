/**
 * The shared string table (ECMA-376 Part 1, 18.4.9 sst), touched for one case only: an empty text.
 * cells.ts writes text as inline strings so the table keeps its bytes, but an inline string with no
 * characters has no text node, and exceljs (with our reader, which follows it) reads such a cell as
 * empty: a cell holding "" (undo putting one back) would come back empty. So "" goes in as a shared
 * string, the table's own empty entry or one appended (uniqueCount kept true, count raised with it).
 */
import { OoxmlPackage, REL } from './package';
import { child, children, make } from './xml';

/** Index of an empty entry in the workbook's shared strings (appended when missing); null without a table. */
export async function emptyStringIndex(pkg: OoxmlPackage): Promise<number | null> {
  const rel = (await pkg.related(await pkg.workbookPath(), REL.sharedStrings))[0];
  if (!rel || !pkg.has(rel.path)) return null;
  const doc = await pkg.readXml(rel.path);
  const sst = doc.documentElement!;
  const items = children(sst, 'si');
  const found = items.findIndex((si) => children(si, 'r').length === 0 && (child(si, 't')?.textContent ?? '') === '');
  if (found >= 0) return found;
  const si = make(doc, 'si');
  si.appendChild(make(doc, 't'));
  sst.appendChild(si);
  for (const a of ['count', 'uniqueCount']) {
    const n = Number(sst.getAttribute(a));
    if (sst.hasAttribute(a) && Number.isInteger(n)) sst.setAttribute(a, String(n + 1));
  }
  pkg.writeXml(rel.path, doc);
  return items.length;
}
