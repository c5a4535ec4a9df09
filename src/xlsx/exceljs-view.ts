/**
 * A copy of a package laid out the way exceljs 4.4 can read it, for files other writers made
 * (openpyxl, scripts): exceljs finds notes only at xl/commentsN.xml and xl/drawings/vmlDrawingN.vml
 * through relative targets, and fails on a drawing without the xdr: prefix ("reading 'anchors'").
 * Used only when exceljs cannot read the file as it is, and only for exceljs's in-memory model:
 * saving patches the original bytes (src/xlsx/ooxml), so nothing moved or dropped here is lost.
 * Browser-safe (jszip only).
 */
import JSZip from 'jszip';
import { resolveTarget as resolve } from './ooxml/paths';

const COMMENTS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const VML = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing';
const DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';

function freeName(zip: JSZip, make: (n: number) => string): string {
  let n = 1;
  while (zip.file(make(n))) n++;
  return make(n);
}

export async function exceljsView(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const relsPath of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/.test(p))) {
    const sheetPath = relsPath.replace('_rels/', '').replace(/\.rels$/, '');
    let rels = await zip.file(relsPath)!.async('string');
    let sheet = (await zip.file(sheetPath)?.async('string')) ?? null;
    for (const tag of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
      const type = /\bType="([^"]*)"/.exec(tag)?.[1];
      const target = /\bTarget="([^"]*)"/.exec(tag)?.[1] ?? '';
      const id = /\bId="([^"]*)"/.exec(tag)?.[1] ?? '';
      const part = resolve(sheetPath, target);
      if (type === COMMENTS && !/^xl\/comments\d+\.xml$/.test(part)) {
        const to = freeName(zip, (n) => `xl/comments${n}.xml`);
        zip.file(to, await zip.file(part)!.async('uint8array'));
        zip.remove(part);
        rels = rels.replace(tag, tag.replace(/\bTarget="[^"]*"/, `Target="../${to.slice(3)}"`));
      } else if (type === VML && !/^xl\/drawings\/vmlDrawing\d+\.vml$/.test(part)) {
        const to = freeName(zip, (n) => `xl/drawings/vmlDrawing${n}.vml`);
        zip.file(to, await zip.file(part)!.async('uint8array'));
        zip.remove(part);
        rels = rels.replace(tag, tag.replace(/\bTarget="[^"]*"/, `Target="../${to.slice(3)}"`));
      } else if (type === DRAWING) {
        // shapes and charts are not part of the model: exceljs does not see them
        rels = rels.replace(tag, '');
        if (sheet) sheet = sheet.replace(new RegExp(`<drawing\\b[^>]*\\br:id="${id}"[^>]*/>`), '');
        const drawingRels = part.replace(/([^/]+)$/, '_rels/$1.rels');
        zip.remove(part);
        zip.remove(drawingRels);
      }
    }
    zip.file(relsPath, rels);
    if (sheet !== null) zip.file(sheetPath, sheet);
  }
  return zip.generateAsync({ type: 'uint8array' });
}
