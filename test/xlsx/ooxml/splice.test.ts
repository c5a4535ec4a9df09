/**
 * The patching save splices edited rows into the text of `<sheetData>` instead of re-serialising
 * the sheet part (src/xlsx/ooxml/sheet.ts, issue #16). What a splice could get wrong, on sheet
 * parts written by hand the ways other programs write them: rows and cells out of order or
 * missing, rows without `r`, self-closing rows and `<sheetData/>`, inline strings, shared formulas,
 * attributes in other orders or quoted with ', namespace prefixes, x14ac attributes, CRLF or no
 * whitespace at all. Every row no edit changed must keep its bytes, and so must the text around.
 */
import JSZip from 'jszip';
import type { CellContent, CellEdit } from '../../../src/core/plan';
import { patchPackage } from '../../../src/xlsx/ooxml/patch';
import { children, parseXml, type Element } from '../../../src/xlsx/ooxml/xml';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SHEET = 'xl/worksheets/sheet1.xml';
const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/></font></fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>';

/** A one-sheet package around a hand-written worksheet part. */
async function book(sheetXml: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
  );
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file('xl/styles.xml', STYLES);
  zip.file(SHEET, sheetXml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const set = (row: number, col: number, content: CellContent): CellEdit => ({ kind: 'setCell', sheet: 'S', row, col, expect: null, content });
const fill = (row: number, col: number, colour: string): CellEdit => ({ kind: 'setFill', sheet: 'S', row, col, fill: colour });

/** The sheet part after patching `sheetXml` with `edits`. */
async function patched(sheetXml: string, edits: CellEdit[]): Promise<string> {
  const out = await JSZip.loadAsync(await patchPackage(await book(sheetXml), edits));
  return out.file(SHEET)!.async('string');
}

/** The cells of the patched part by reference: what a reader finds there (the part must parse). */
function cells(xml: string): Map<string, Element> {
  const ws = parseXml(xml, SHEET).documentElement!;
  const out = new Map<string, Element>();
  for (const row of children(children(ws, 'sheetData')[0], 'row')) for (const c of children(row, 'c')) out.set(c.getAttribute('r') ?? '?', c);
  return out;
}

const valueOf = (c: Element | undefined) => (c ? children(c, 'v')[0]?.textContent ?? children(c, 'is')[0]?.textContent ?? null : undefined);
const formulaOf = (c: Element | undefined) => (c ? children(c, 'f')[0]?.textContent ?? null : undefined);

/** `xml` with `from` replaced by `to` is `after` exactly: nothing else moved by a byte. */
function onlyChanged(before: string, after: string, from: string, to: string): void {
  expect(before).toContain(from);
  expect(after).toBe(before.replace(from, to));
}

test('CRLF between rows, attributes quoted with \' and entities: untouched rows keep every byte, the edited cell is spliced in', async () => {
  const row1 = `<row r='1' spans='1:3'><c r='A1' t='inlineStr'><is><t>a&#10;b &amp; c</t></is></c></row>`;
  const row2 = '<row r="2" spans="1:3"><c r="A2"><v>1</v></c><c r="B2" s="1"><v>2</v></c></row>';
  const row3 = `<row r="3"><c r="A3" t="inlineStr"><is><t xml:space='preserve'> x </t></is></c></row>`;
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="${MAIN}">\r\n  <dimension ref='A1:C3'/>\r\n  <sheetData>\r\n    ${row1}\r\n    ${row2}\r\n    ${row3}\r\n  </sheetData>\r\n  <pageMargins left='0.7' right='0.7' top='0.75' bottom='0.75' header='0.3' footer='0.3'/>\r\n</worksheet>`;
  const out = await patched(xml, [set(2, 2, { value: 5 })]);
  onlyChanged(xml, out, '<c r="B2" s="1"><v>2</v></c>', '<c r="B2" s="1"><v>5</v></c>');
});

test('a row an edit parsed but left as it was keeps its bytes', async () => {
  const row = `<row r='4' ht='20' customHeight='1'><c r='B4' s='1'/></row>`;
  const xml = `<worksheet xmlns="${MAIN}"><sheetData>${row}<row r="5"><c r="A5"><v>5</v></c></row></sheetData></worksheet>`;
  // an empty value into an empty cell: row 4 is read and nothing in it changes; row 5 changes
  const out = await patched(xml, [set(4, 3, { value: null }), set(5, 1, { value: 6 })]);
  onlyChanged(xml, out, '<c r="A5"><v>5</v></c>', '<c r="A5"><v>6</v></c>');
});

test('no whitespace, rows missing and out of order: a new row goes just before the next higher row, the rest as it was', async () => {
  const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="5"><c r="A5"><v>5</v></c></row><row r="9"><c r="A9"><v>9</v></c></row><row r="7"><c r="A7"><v>7</v></c></row></sheetData></worksheet>`;
  const out = await patched(xml, [set(3, 2, { value: 'x' }), set(6, 1, { value: 6 }), set(12, 1, { value: 12 }), set(9, 1, { value: 90 })]);
  expect(out).toBe(
    `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="3"><c r="B3" t="inlineStr"><is><t>x</t></is></c></row><row r="5"><c r="A5"><v>5</v></c></row><row r="9"><c r="A9"><v>90</v></c></row><row r="6"><c r="A6"><v>6</v></c></row><row r="7"><c r="A7"><v>7</v></c></row><row r="12"><c r="A12"><v>12</v></c></row></sheetData></worksheet>`,
  );
});

test('cells out of order and cells without r: each edit lands on its own cell', async () => {
  // C1 before A1; in row 2 the cells carry no r (A2, B2, C2 by position, 18.3.1.4)
  const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="C1"><v>3</v></c><c r="A1"><v>1</v></c></row><row r="2"><c><v>10</v></c><c><v>20</v></c><c><v>30</v></c></row></sheetData></worksheet>`;
  const out = await patched(xml, [set(1, 1, { value: 100 }), set(1, 2, { value: 200 }), set(2, 2, { value: 21 })]);
  const found = cells(out);
  expect(valueOf(found.get('A1'))).toBe('100');
  expect(valueOf(found.get('B1'))).toBe('200');
  expect(valueOf(found.get('C1'))).toBe('3');
  expect(out).toContain('<row r="2"><c><v>10</v></c><c><v>21</v></c><c><v>30</v></c></row>');
});

test('rows without r follow the previous row', async () => {
  const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="4"><c r="A4"><v>4</v></c></row><row><c r="A5"><v>5</v></c></row><row><c r="A6"><v>6</v></c></row></sheetData></worksheet>`;
  const out = await patched(xml, [set(6, 1, { value: 60 })]);
  onlyChanged(xml, out, '<c r="A6"><v>6</v></c>', '<c r="A6"><v>60</v></c>');
});

test('self-closing <row/> and <sheetData/> take new cells', async () => {
  const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="1" spans="1:1" ht="30" customHeight="1"/><row r="2"><c r="A2"><v>2</v></c></row></sheetData></worksheet>`;
  const out = await patched(xml, [set(1, 3, { value: 7 })]);
  onlyChanged(xml, out, '<row r="1" spans="1:1" ht="30" customHeight="1"/>', '<row r="1" spans="1:3" ht="30" customHeight="1"><c r="C1"><v>7</v></c></row>');
  const empty = `<worksheet xmlns="${MAIN}"><dimension ref="A1"/><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  const filled = await patched(empty, [set(2, 2, { value: 'y' })]);
  expect(filled).toBe(
    `<worksheet xmlns="${MAIN}"><dimension ref="A1:B2"/><sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>y</t></is></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
  );
});

test('an inline string overwritten by a number, a number by text, attributes in another order kept', async () => {
  const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c t="inlineStr" s="2" r="A1"><is><t>old</t></is></c><c s="1" r="B1" t="n"><v>4</v></c></row></sheetData></worksheet>`;
  const out = await patched(xml, [set(1, 1, { value: 0.5, numberFormat: '0.00%' }), set(1, 2, { value: '四' })]);
  onlyChanged(xml, out, '<c t="inlineStr" s="2" r="A1"><is><t>old</t></is></c><c s="1" r="B1" t="n"><v>4</v></c>', '<c s="3" r="A1"><v>0.5</v></c><c s="1" r="B1" t="inlineStr"><is><t>四</t></is></c>');
});

test('a shared formula\'s master overwritten: the cells sharing it get their own formulas, rows not sharing it keep their bytes', async () => {
  const rows = [
    '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><f t="shared" ref="B2:B5" si="0">A2*2</f><v>2</v></c></row>',
    '<row r="3"><c r="A3"><v>2</v></c><c r="B3"><f t="shared" si="0"/><v>4</v></c></row>',
    '<row r="4"><c r="A4"><v>3</v></c><c r="B4"><f t="shared" ref="B4:C4" si="1">A4+1</f><v>4</v></c><c r="C4"><f t="shared" si="1"/><v>5</v></c></row>',
    '<row r="5"><c r="A5"><v>4</v></c><c r="B5"><f t="shared" si="0"/><v>8</v></c></row>',
  ];
  const xml = `<worksheet xmlns="${MAIN}"><sheetData>${rows.join('\n')}</sheetData></worksheet>`;
  const out = await patched(xml, [set(2, 2, { value: 9 })]);
  const found = cells(out);
  expect([formulaOf(found.get('B2')), valueOf(found.get('B2'))]).toEqual([null, '9']);
  expect(formulaOf(found.get('B3'))).toBe('A3*2');
  expect(formulaOf(found.get('B5'))).toBe('A5*2');
  for (const r of ['B3', 'B5']) expect(found.get(r)!.getElementsByTagName('f')[0].getAttribute('t')).toBeNull();
  expect(out).toContain(rows[2]); // si="1" is another group: its row is not even parsed
});

test('namespace prefixes: an x:-prefixed part gets x:-prefixed cells, and no declaration is added to a row', async () => {
  const xml = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
  const out = await patched(xml, [set(1, 2, { value: 3 }), set(3, 1, { value: 'z' })]);
  expect(out).toBe(
    `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1"><x:v>3</x:v></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>2</x:v></x:c></x:row><x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>z</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
  );
});

test('x14ac attributes on rows (declared on the root, ignorable) stay, without declarations copied onto the row', async () => {
  const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
  const X14AC = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac';
  const xml = `<worksheet xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="${MC}" mc:Ignorable="x14ac" xmlns:x14ac="${X14AC}"><sheetData><row r="1" spans="1:2" x14ac:dyDescent="0.25"><c r="A1"><v>1</v></c></row><row r="2" spans="1:2" x14ac:dyDescent="0.25"><c r="A2"><v>2</v></c></row></sheetData></worksheet>`;
  const out = await patched(xml, [fill(1, 2, '#FFC7CE')]);
  // a fill needs a new style (s="4"); the cell is new, so the row's spans stay 1:2 and only B1 is added
  onlyChanged(xml, out, '<c r="A1"><v>1</v></c></row>', '<c r="A1"><v>1</v></c><c r="B1" s="4"/></row>');
});

test('a row attribute holding ">" does not end the row early', async () => {
  const xml = `<worksheet xmlns="${MAIN}" xmlns:e="urn:example"><sheetData><row r="1" e:note="a>b"><c r="A1"><v>1</v></c></row><row r="2" e:note='c/>d'><c r="A2"><v>2</v></c></row><row r="3"><c r="A3"><v>3</v></c></row></sheetData></worksheet>`;
  const out = await patched(xml, [set(3, 1, { value: 30 }), set(2, 2, { value: null })]);
  onlyChanged(xml, out, '<c r="A3"><v>3</v></c>', '<c r="A3"><v>30</v></c>');
});

test('in an edited row, the other cells, a comment between cells and the row\'s extLst keep their bytes; a new last cell goes before the extLst', async () => {
  const row = `<row r='1' spans='1:2'><c r='A1' t='inlineStr'><is><t>a</t></is></c><!-- c r="B1" --> <c r='B1'><v>2</v></c><extLst><ext uri="{X}"><c r="Z1"/></ext></extLst></row>`;
  const xml = `<worksheet xmlns="${MAIN}"><sheetData>${row}</sheetData></worksheet>`;
  const out = await patched(xml, [set(1, 2, { value: 3 }), set(1, 4, { value: 4 })]);
  expect(out).toBe(
    `<worksheet xmlns="${MAIN}"><sheetData><row r="1" spans="1:4"><c r='A1' t='inlineStr'><is><t>a</t></is></c><!-- c r="B1" --> <c r="B1"><v>3</v></c><c r="D1"><v>4</v></c><extLst><ext uri="{X}"><c r="Z1"/></ext></extLst></row></sheetData></worksheet>`,
  );
});

test('a note added to a drawing whose root names VML with other prefixes: the drawing is serialised with the declarations its new shape needs', async () => {
  const VML = '<xml xmlns:vv="urn:schemas-microsoft-com:vml" xmlns:oo="urn:schemas-microsoft-com:office:office" xmlns:xx="urn:schemas-microsoft-com:office:excel"><oo:shapelayout vv:ext="edit"><oo:idmap vv:ext="edit" data="1"/></oo:shapelayout><vv:shape id="_x0000_s1025" type="#_x0000_t202"><xx:ClientData ObjectType="Note"><xx:Row>0</xx:Row><xx:Column>0</xx:Column></xx:ClientData></vv:shape></xml>';
  const COMMENTS = `<comments xmlns="${MAIN}"><authors><author>A</author></authors><commentList><comment ref="A1" authorId="0"><text><t>old</t></text></comment></commentList></comments>`;
  const zip = await JSZip.loadAsync(await book(`<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><legacyDrawing r:id="rId2"/></worksheet>`));
  zip.file('xl/worksheets/_rels/sheet1.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/comments" Target="../comments1.xml"/><Relationship Id="rId2" Type="${R}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>`);
  zip.file('xl/comments1.xml', COMMENTS);
  zip.file('xl/drawings/vmlDrawing1.vml', VML);
  const bytes = await zip.generateAsync({ type: 'uint8array' });
  const out = await JSZip.loadAsync(await patchPackage(bytes, [{ kind: 'setNote', sheet: 'S', row: 2, col: 2, note: '確認' }]));
  const vml = parseXml(await out.file('xl/drawings/vmlDrawing1.vml')!.async('string'), 'vml');
  const shapes = vml.getElementsByTagNameNS('urn:schemas-microsoft-com:vml', 'shape');
  expect(shapes.length).toBe(2);
  const rows = Array.from(vml.getElementsByTagNameNS('urn:schemas-microsoft-com:office:excel', 'Row')).map((r) => r.textContent);
  expect(rows).toEqual(['0', '1']);
  const comments = await out.file('xl/comments1.xml')!.async('string');
  expect(comments).toContain('<comment ref="A1" authorId="0"><text><t>old</t></text></comment>');
  expect(parseXml(comments, 'comments').getElementsByTagName('comment').length).toBe(2);
});
