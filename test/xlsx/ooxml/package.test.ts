/**
 * The OOXML package the patching save works on (issue #16): untouched parts come back with the same
 * bytes; relationships, content types and sheet lookups follow the package's own relationships.
 */
import { readFileSync } from 'fs';
import JSZip from 'jszip';
import { OoxmlPackage, relativeTarget, relsPathOf, resolveTarget, CONTENT_TYPE, REL } from '../../../src/xlsx/ooxml/package';
import { children } from '../../../src/xlsx/ooxml/xml';
import { SAMPLE_PROGRESS, SAMPLE_SHEET } from '../../support/sample';

async function parts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const [p, f] of Object.entries(zip.files)) if (!f.dir) out.set(p, Buffer.from(await f.async('uint8array')));
  return out;
}

test('paths resolve as OPC says', () => {
  expect(relsPathOf('xl/worksheets/sheet1.xml')).toBe('xl/worksheets/_rels/sheet1.xml.rels');
  expect(relsPathOf('')).toBe('_rels/.rels');
  expect(resolveTarget('xl/worksheets/sheet1.xml', '../drawings/vmlDrawing1.vml')).toBe('xl/drawings/vmlDrawing1.vml');
  expect(resolveTarget('xl/workbook.xml', '/xl/worksheets/sheet2.xml')).toBe('xl/worksheets/sheet2.xml');
  expect(resolveTarget('', 'xl/workbook.xml')).toBe('xl/workbook.xml');
  expect(relativeTarget('xl/worksheets/sheet1.xml', 'xl/comments1.xml')).toBe('../comments1.xml');
  expect(relativeTarget('xl/workbook.xml', 'xl/worksheets/sheet3.xml')).toBe('worksheets/sheet3.xml');
});

test('opened and saved untouched: every part has the same bytes', async () => {
  const bytes = new Uint8Array(readFileSync(SAMPLE_PROGRESS));
  const pkg = await OoxmlPackage.open(bytes);
  await pkg.readXml('xl/worksheets/sheet1.xml'); // read, not written
  const out = await parts(await pkg.toBytes());
  const before = await parts(bytes);
  expect([...out.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [p, b] of before) expect([p, out.get(p)!.equals(b)]).toEqual([p, true]);
});

test('sheet lookup, relationships and content types; only the written parts change', async () => {
  const bytes = new Uint8Array(readFileSync(SAMPLE_PROGRESS));
  const pkg = await OoxmlPackage.open(bytes);
  expect(await pkg.sheetPart(SAMPLE_SHEET)).toBe('xl/worksheets/sheet1.xml');
  expect(await pkg.sheetPart('no such sheet')).toBeNull();
  const [s] = await pkg.sheets();
  expect([s.name, s.sheetId]).toEqual([SAMPLE_SHEET, 1]);
  const id = await pkg.addRel('xl/worksheets/sheet1.xml', REL.comments, '../comments1.xml');
  expect(id).toBe('rId1');
  pkg.writeText('xl/comments1.xml', '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
  await pkg.setOverride('xl/comments1.xml', CONTENT_TYPE.comments);
  await pkg.ensureDefault('vml', CONTENT_TYPE.vml);
  expect(await pkg.related('xl/worksheets/sheet1.xml', REL.comments)).toEqual([{ id: 'rId1', path: 'xl/comments1.xml' }]);
  expect(await pkg.contentType('xl/comments1.xml')).toBe(CONTENT_TYPE.comments);
  expect(await pkg.contentType('xl/drawings/x.vml')).toBe(CONTENT_TYPE.vml);
  expect(pkg.freePath('xl/worksheets/sheet', '.xml')).toBe('xl/worksheets/sheet2.xml');
  const out = await parts(await pkg.toBytes());
  const before = await parts(bytes);
  const changed = [...out.keys()].filter((p) => !before.get(p)?.equals(out.get(p)!)).sort();
  expect(changed).toEqual(['[Content_Types].xml', 'xl/comments1.xml', 'xl/worksheets/_rels/sheet1.xml.rels']);
  const again = await OoxmlPackage.open(await pkg.toBytes());
  const ct = (await again.readXml('[Content_Types].xml')).documentElement!;
  expect(children(ct, 'Default').map((d) => d.getAttribute('Extension'))).toContain('vml');
  await again.removePart('xl/comments1.xml', { part: 'xl/worksheets/sheet1.xml', id });
  expect(again.has('xl/comments1.xml')).toBe(false);
  expect(await again.rels('xl/worksheets/sheet1.xml')).toEqual([]);
  expect(await again.contentType('xl/comments1.xml')).toBe('application/xml'); // the override gone, the package's default for .xml left
});
