/**
 * Links with a `location` that exceljs 4.4 parses and then drops are taken from exceljs's own parse
 * (src/xlsx/exceljs-internals.ts keepLocationLinks), not from a second unzip of every sheet.
 */
import JSZip from 'jszip';
import { loadWorkbookBytes } from '../../src/xlsx/load';
import { parsedLocationLinks } from '../../src/xlsx/exceljs-internals';
import { readBackFacts } from '../../src/xlsx/zip-fixes';
import { XlsxHost } from '../../src/xlsx/host';

const CT = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A package as Excel writes links: internal ones with `location` only, external ones with a relationship and a location. */
async function linkedPackage(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CT);
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"><sheets><sheet name="表" sheetId="1" r:id="rId1"/><sheet name="01" sheetId="2" r:id="rId2"/></sheets></workbook>`);
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`);
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>01</t></is></c><c r="B1" t="inlineStr"><is><t>外部</t></is></c></row></sheetData><hyperlinks><hyperlink ref="A1" location="'01'!A1"/><hyperlink ref="B1:B2" r:id="rId9" location="'02'!C3"/><hyperlink ref="C1" location="'01'!B2"/></hyperlinks></worksheet>`);
  zip.file('xl/worksheets/_rels/sheet1.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="${R}/hyperlink" Target="管理.xlsx" TargetMode="External"/></Relationships>`);
  zip.file('xl/worksheets/sheet2.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`);
  return zip.generateAsync({ type: 'uint8array' });
}

test('the load keeps each sheet\'s links with a location, with their relationship targets', async () => {
  const wb = await loadWorkbookBytes(await linkedPackage());
  expect(parsedLocationLinks(wb)).toEqual(new Map([
    ['表', [
      { ref: 'A1', location: "'01'!A1", relTarget: null },
      { ref: 'B1:B2', location: "'02'!C3", relTarget: '管理.xlsx' },
      { ref: 'C1', location: "'01'!B2", relTarget: null },
    ]],
    ['01', []],
  ]));
});

test('readBackFacts takes a sheet\'s links from the parse without reading its XML again', async () => {
  const bytes = await linkedPackage();
  const zip = await JSZip.loadAsync(bytes);
  const fromXml = await readBackFacts(zip);
  const wb = await loadWorkbookBytes(bytes);
  // the sheet XML no longer holds links: what comes back must come from the parse
  zip.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData/></worksheet>');
  const fromParse = await readBackFacts(zip, parsedLocationLinks(wb));
  expect(fromParse.links).toEqual(fromXml.links);
  expect(fromParse.links.get('表')).toEqual(new Map([['A1', "#'01'!A1"], ['B1', "管理.xlsx#'02'!C3"], ['C1', "#'01'!B2"]]));
});

test('the host shows the links exceljs dropped, also on a cell without a value', async () => {
  const host = await XlsxHost.fromBuffer(await linkedPackage());
  const snap = await host.readSnapshot('表');
  expect(snap.extras?.['1,1']).toEqual({ hyperlink: "#'01'!A1" });
  expect(snap.extras?.['1,2']).toEqual({ hyperlink: "管理.xlsx#'02'!C3" });
});
