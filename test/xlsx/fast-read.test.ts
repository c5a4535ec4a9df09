/**
 * The read-only reader (src/xlsx/fast) against the exceljs host it stands in for: every workbook here
 * is read both ways and the sheet lists and snapshots (without extras) must be deep-equal, field by
 * field: the samples, openpyxl's and LibreOffice's saves of the sample, the sample's layout variants,
 * fuzzed workbooks, and packages written by hand for what Excel writes and exceljs reads in its own way
 * (inline and rich text, t="str" decoded twice, 1904 dates, shared formulas, errors, booleans, styles
 * out of range, merged areas over values). Then each thing the reader leaves to exceljs does send the
 * whole workbook there, with the same result.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { XlsxHost } from '../../src/xlsx/host';
import { WorkbookLoadError } from '../../src/xlsx/load';
import { ReadOnlyXlsxHost } from '../../src/xlsx/read-only-host';
import { readFast, Unread } from '../../src/xlsx/fast/read';
import { readFromHost } from '../../src/app/load';
import { encodeRecord, UNDO_SHEET } from '../../src/core/undo';
import { ROOT, SAMPLE_PROGRESS } from '../support/sample';
import * as variants from '../support/variants';
import { convertWithLibreOffice } from '../support/libreoffice';
import { buildWorkbook, fuzzCaseArb, mutatedGrid } from '../fuzz/mutate';
import { loadSampleGrid } from '../fuzz/properties';

const SAMPLES = ['progress-sheet.xlsx', 'progress-sheet-blank-r2.xlsx', 'management-sheets.xlsx'].map((f) => join(ROOT, 'assets', 'sample', f));

async function exceljsRead(bytes: Uint8Array) {
  const host = await XlsxHost.fromBuffer(bytes, 'book.xlsx');
  const sheets = await host.listSheets();
  const snapshots = [];
  for (const s of sheets) snapshots.push(await host.readSnapshot(s.name, { extras: false }));
  return { sheets, snapshots };
}

function fastRead(bytes: Uint8Array) {
  const wb = readFast(bytes);
  return { sheets: wb.sheets, snapshots: wb.sheets.map((s) => wb.snapshot(s.name)) };
}

async function expectSame(bytes: Uint8Array): Promise<void> {
  const fast = fastRead(bytes); // throws Unread when the reader leaves the workbook to exceljs
  expect(fast).toStrictEqual(await exceljsRead(bytes));
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// ---- packages written by hand ------------------------------------------------------------------

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface HandSheet {
  name: string;
  state?: string;
  data: string;
  after?: string;
  rels?: string;
}

interface HandBook {
  sheets: HandSheet[];
  strings?: string[];
  numFmts?: string;
  xfs?: number[];
  workbookPr?: string;
  extraParts?: Record<string, string>;
}

/** An .xlsx written by hand: `data` goes inside <sheetData>, `strings` are <si> contents, `xfs` the numFmtIds of cellXfs. */
async function handPackage(b: HandBook): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>');
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  const sheets = b.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('');
  zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<workbook xmlns="${MAIN}" xmlns:r="${R}">${b.workbookPr ?? ''}<sheets>${sheets}</sheets></workbook>`);
  const rels = b.sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rIdS" Type="${R}/styles" Target="styles.xml"/></Relationships>`);
  const xfs = (b.xfs ?? [0]).map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}/>`).join('');
  zip.file(
    'xl/styles.xml',
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">${b.numFmts ?? ''}<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${(b.xfs ?? [0]).length}">${xfs}</cellXfs><dxfs count="1"><dxf><numFmt numFmtId="170" formatCode="yyyy"/></dxf></dxfs></styleSheet>`,
  );
  if (b.strings) zip.file('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${b.strings.length}" uniqueCount="${b.strings.length}">${b.strings.map((s) => `<si>${s}</si>`).join('')}</sst>`);
  b.sheets.forEach((s, i) => {
    zip.file(`xl/worksheets/sheet${i + 1}.xml`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"><selection activeCell="A1"/></sheetView></sheetViews><sheetData>${s.data}</sheetData>${s.after ?? ''}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`);
    if (s.rels) zip.file(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${s.rels}</Relationships>`);
  });
  for (const [name, text] of Object.entries(b.extraParts ?? {})) zip.file(name, text);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A workbook of one sheet holding most of what a cell can hold, by hand. */
const RICH: HandBook = {
  strings: [
    '<t>実績値</t>',
    '<t xml:space="preserve"> 前後に空白 </t>',
    '<r><rPr><b/><sz val="11"/><rFont val="ＭＳ Ｐゴシック"/></rPr><t>太字</t></r><r><t xml:space="preserve">と普通</t></r>',
    '<t>改行_x000D_あり&amp;&lt;記号&gt;</t><rPh sb="0" eb="2"><t>ジッセキ</t></rPh><phoneticPr fontId="1"/>',
    '<t/>',
    '<r><t></t></r>',
    '<t>&#x41;&#66;&quot;&apos;</t>',
  ],
  numFmts: '<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy/m/d"/><numFmt numFmtId="165" formatCode="0.0\\%"/><numFmt numFmtId="166" formatCode="[$-411]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>',
  xfs: [14, 0, 164, 165, 166, 10, 22, 3, 49],
  sheets: [
    {
      name: '進捗状況一覧表',
      data: [
        '<row r="1" spans="1:9"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c></row>',
        '<row r="2"><c r="A2" s="2"><v>43921</v></c><c r="B2" s="0"><v>43921</v></c><c r="C2" s="1"><v>43921</v></c><c r="D2" s="4"><v>44000.5</v></c><c r="E2" s="6"><v>1.25</v></c><c r="F2" s="3"><v>0.755</v></c><c r="G2" s="5"><v>0.5</v></c><c r="H2" s="99"><v>7</v></c><c r="I2" s="8"><v>12</v></c></row>',
        '<row r="3"><c r="A3" t="str"><v>&amp;lt;tag&amp;gt; &amp;amp;</v></c><c r="B3" t="inlineStr"><is><t>インライン&amp;</t></is></c><c r="C3" t="inlineStr"><is><r><rPr><i/></rPr><t>リッチ</t></r><r><t>_x0041_</t></r></is></c><c r="D3" t="inlineStr"><is><t>_x0041_</t></is></c><c r="E3" t="b"><v>1</v></c><c r="F3" t="b"><v>0</v></c><c r="G3" t="e"><v>#N/A</v></c><c r="H3" t="n"><v>-1.5E-3</v></c><c r="I3" t="d"><v>2020-04-01</v></c></row>',
        '<row r="4"><c r="A4"><f>SUM(A2:B2)</f><v>87842</v></c><c r="B4" t="str"><f>A1&amp;"!"</f><v>実績値!</v></c><c r="C4" t="b"><f>A2&gt;0</f><v>0</v></c><c r="D4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E4" s="2"><f>A2+1</f><v>43922</v></c><c r="F4"><f>0*1</f><v>0</v></c><c r="G4"><f>NOW()</f></c><c r="H4" s="2" t="str"><f>"x"</f><v>x</v></c><c r="I4" t="inlineStr"><is><t></t></is></c></row>',
        '<row r="5"><c r="A5"><f t="shared" ref="A5:A8" si="0">B5*2+$C$1+Sheet2!D5</f><v>1</v></c><c r="B5"><f t="array" ref="B5">SUM(C5:D5)</f><v>2</v></c><c r="C5" s="1"/><c r="D5" s="0"/><c r="E5"/><c r="F5"><v>   </v></c><c r="G5"><v></v></c><c r="H5"><v/></c></row>',
        '<row r="6" ht="20" customHeight="1"><c r="A6"><f t="shared" si="0"/><v>3</v></c><c r="B6"><f t="shared" si="7"/><v>4</v></c></row>',
        '<row r="7"/>',
        '<row r="8"><c r="A8"><f t="shared" si="0"/></c><c r="C8"><f t="shared" si="0">C7</f><v>5</v></c></row>',
        '<row r="10"><c r="A10" t="s"><v>0</v></c><c r="B10" t="s"><v>0</v></c><c r="C10"><v>1</v></c><c r="D10" s="1"/><c r="F10" t="s"><v>4</v></c><c r="H10" t="s"><v>4</v></c></row>',
        '<row r="11"><c r="A11"><v>2</v></c><c r="D11"><v>9</v></c></row>',
        '<row r="12"><c r="L12" t="s"><v>4</v></c><c r="M12" t="s"><v>5</v></c></row>',
      ].join('\n  '),
      // over values, over an empty master, over an empty-string master, and one reaching past the used range
      after: '<mergeCells count="5"><mergeCell ref="A10:B11"/><mergeCell ref="C10:D10"/><mergeCell ref="F10:G12"/><mergeCell ref="H10:J10"/><mergeCell ref="L12:N13"/></mergeCells>',
    },
    { name: 'hidden', state: 'hidden', data: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' },
    { name: 'very', state: 'veryHidden', data: '' },
    { name: 'A&amp;amp;B', data: '<row r="3"><c r="C3"><v>1</v></c></row>' },
  ],
};

describe('the read-only reader reads as the exceljs host does', () => {
  test('the bundled samples', async () => {
    for (const f of SAMPLES) await expectSame(new Uint8Array(readFileSync(f)));
  });

  test('a workbook by hand: strings, rich and inline text, dates, errors, booleans, formulas, shared formulas, styles, merges, sheet states', async () => {
    const bytes = await handPackage(RICH);
    await expectSame(bytes);
    const { sheets, snapshots } = fastRead(bytes);
    expect(sheets.map((s) => [s.name, s.visibility])).toEqual([['進捗状況一覧表', 'visible'], ['hidden', 'hidden'], ['very', 'veryHidden'], ['A&B', 'visible']]);
    const s = snapshots[0]!;
    // a few of the values, to show the comparison is about something
    expect(s.values[1][0]).toBe('2020-03-31'); // a number with a date format is a date
    expect(s.values[2][0]).toBe('<tag> &'); // t="str" is decoded twice
    expect(s.values[0][2]).toBe('太字と普通');
    expect(s.formulas[5][0]).toBe('=B6*2+$C$1+Sheet2!D6'); // a shared formula slid to its cell
    expect(s.values[9][1]).toBeNull(); // the merged-away cell
  });

  test('the same book in 1904 dates', async () => {
    const bytes = await handPackage({ ...RICH, workbookPr: '<workbookPr date1904="1"/>' });
    await expectSame(bytes);
    expect(fastRead(bytes).snapshots[0]!.values[1][0]).toBe('2024-04-01');
  });

  test('a sheet cut to the limits says so, as the exceljs host does', async () => {
    await expectSame(await handPackage({ sheets: [{ name: 'wide', data: '<row r="1"><c r="A1"><v>1</v></c><c r="ZZ1"><v>2</v></c></row>' }] }));
  });

  test('workbooks exceljs writes: one with every kind of value, the sample in 1904 dates', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('値');
    ws.getCell('A1').value = 'text & <more>';
    ws.getCell('B1').value = { richText: [{ text: 'rich ', font: { bold: true } }, { text: 'text' }] };
    ws.getCell('C1').value = new Date(Date.UTC(2021, 3, 1));
    ws.getCell('D1').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
    ws.getCell('E1').value = true;
    ws.getCell('F1').value = { formula: 'A1&"x"', result: 'text & <more>x' } as ExcelJS.CellFormulaValue;
    ws.getCell('G1').value = { formula: 'E1', result: false } as ExcelJS.CellFormulaValue;
    ws.getCell('H1').value = 0.125;
    ws.getCell('H1').numFmt = '0.0%';
    ws.getCell('A2').value = { formula: 'H1*2', result: 0.25, shareType: 'shared', ref: 'A2:A4' } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell('A3').value = { sharedFormula: 'A2', result: 0.5 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell('A4').value = { sharedFormula: 'A2', result: 1 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell('B5').value = '';
    ws.getCell('C6').numFmt = '0.00';
    ws.mergeCells('D5:E7');
    ws.getCell('D5').value = 3;
    wb.addWorksheet('隠し', { state: 'hidden' }).getCell('A1').value = 1;
    await expectSame(await bytesOf(wb));
    const sample = new ExcelJS.Workbook();
    await sample.xlsx.readFile(SAMPLE_PROGRESS);
    sample.properties.date1904 = true;
    await expectSame(await bytesOf(sample));
  });

  test("the sample as openpyxl and LibreOffice save it", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-fast-'));
    execFileSync('/usr/bin/python3', ['-c', `import openpyxl; wb = openpyxl.load_workbook(${JSON.stringify(SAMPLE_PROGRESS)}); wb.save(${JSON.stringify(join(dir, 'openpyxl.xlsx'))})`]);
    await expectSame(new Uint8Array(readFileSync(join(dir, 'openpyxl.xlsx'))));
    const [lo] = convertWithLibreOffice([SAMPLES[2]], join(dir, 'lo'));
    await expectSame(new Uint8Array(readFileSync(lo)));
  }, 180_000);

  test('the layout variants, merged and unmerged', async () => {
    const made = [variants.reorderedColumns, variants.westernYearHeaders, variants.sheetPerGoal, variants.numbersWithFormats, variants.ratesAsFormulas, () => variants.mergesRemoved(), variants.noLabelColumn, variants.sideBySide, variants.expectedRows, variants.twoRowHeaders];
    for (const make of made) await expectSame(await bytesOf(await make()));
  }, 120_000);

  test('fuzzed workbooks', async () => {
    const sample = await loadSampleGrid();
    let read = 0;
    for (const c of fc.sample(fuzzCaseArb, { numRuns: 30, seed: 20261207 })) {
      const bytes = await bytesOf(buildWorkbook(mutatedGrid(sample, c), c.management, true));
      try {
        readFast(bytes);
      } catch (e) {
        // a mutation adding notes or links: exceljs reads those (tested below)
        expect((e as Unread).reason).toMatch(/^part xl\/comments|hyperlink/);
        continue;
      }
      await expectSame(bytes);
      read++;
    }
    expect(read).toBeGreaterThan(15);
  }, 120_000);

  test('through the host: readFromHost gives the same read, and snapshots with extras come from exceljs', async () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE_PROGRESS));
    const fast = await ReadOnlyXlsxHost.open(bytes, 'p.xlsx');
    expect(fast).toBeInstanceOf(ReadOnlyXlsxHost);
    const slow = await XlsxHost.fromBuffer(bytes, 'p.xlsx');
    expect(await readFromHost(fast, { extras: false })).toStrictEqual(await readFromHost(slow, { extras: false }));
    const sheet = (await slow.listSheets())[0].name;
    expect(await fast.readSnapshot(sheet)).toStrictEqual(await slow.readSnapshot(sheet));
    await expect(fast.readSnapshot('no such sheet', { extras: false })).rejects.toMatchObject({ id: 'error.sheet-not-found' });
  });

  test("a workbook with the add-in's undo record is read without exceljs, the record too", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE_PROGRESS);
    const undo = wb.addWorksheet(UNDO_SHEET, { state: 'veryHidden' });
    encodeRecord({ version: 1, entries: [] }).forEach((row, i) => (undo.getCell(i + 1, 1).value = row[0]));
    const bytes = await bytesOf(wb);
    const opened = jest.spyOn(XlsxHost, 'fromBuffer');
    try {
      const fast = await ReadOnlyXlsxHost.open(bytes, 'u.xlsx');
      const read = await readFromHost(fast, { extras: false });
      expect(opened).not.toHaveBeenCalled();
      expect(read).toStrictEqual(await readFromHost(await XlsxHost.fromBuffer(bytes, 'u.xlsx'), { extras: false }));
      expect(read.record).toEqual({ version: 1, entries: [] });
    } finally {
      opened.mockRestore();
    }
  });
});

/** Replaces text in one part of a package. */
async function edit(bytes: Uint8Array, part: string, change: (xml: string) => string, add?: Record<string, string>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(part, change(await zip.file(part)!.async('string')));
  for (const [name, text] of Object.entries(add ?? {})) zip.file(name, text);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('what the reader leaves to exceljs sends the whole workbook there', () => {
  const plain = () => handPackage({ strings: ['<t>a</t>'], sheets: [{ name: 'S', data: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>' }, { name: 'T', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });
  const sheet1 = 'xl/worksheets/sheet1.xml';

  /** What a host makes of the bytes: its sheets and snapshots, or the error it fails with. */
  async function outcome(open: () => Promise<{ listSheets(): Promise<{ name: string }[]>; readSnapshot(s: string, o: { extras: false }): Promise<unknown> }>) {
    try {
      const host = await open();
      const sheets = await host.listSheets();
      const snapshots = [];
      for (const s of sheets) snapshots.push(await host.readSnapshot(s.name, { extras: false }));
      return { host, sheets, snapshots };
    } catch (e) {
      return { error: e };
    }
  }

  /** The reader leaves the bytes to exceljs (for `reason`), and the host gives exceljs's read, or its load error. */
  async function expectLeft(bytes: Uint8Array, reason: RegExp): Promise<void> {
    expect(() => readFast(bytes)).toThrow(Unread);
    expect(() => readFast(bytes)).toThrow(reason);
    const got = await outcome(() => ReadOnlyXlsxHost.open(bytes, 'book.xlsx'));
    const want = await outcome(() => XlsxHost.fromBuffer(bytes, 'book.xlsx'));
    if ('error' in want) expect(got).toStrictEqual(want);
    else {
      expect(got.host).toBeInstanceOf(XlsxHost);
      expect({ ...got, host: null }).toStrictEqual({ ...want, host: null });
    }
  }

  test('the plain package itself is read', async () => {
    await expectSame(await plain());
  });

  test('links, notes and tables', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = { text: '表へ', hyperlink: "#'S'!B2" };
    await expectLeft(await bytesOf(wb), /part|hyperlinks|relationship/);
    const noted = new ExcelJS.Workbook();
    noted.addWorksheet('S').getCell('A1').note = 'メモ';
    await expectLeft(await bytesOf(noted), /part/);
    const tabled = new ExcelJS.Workbook();
    tabled.addWorksheet('S').addTable({ name: 'T1', ref: 'A1', columns: [{ name: '列' }], rows: [[1]] });
    await expectLeft(await bytesOf(tabled), /part/);
    await expectLeft(await edit(await plain(), sheet1, (x) => x.replace('</sheetData>', '</sheetData><hyperlinks><hyperlink ref="A1" location="T!A1"/></hyperlinks>')), /hyperlinks/);
    await expectLeft(await handPackage({ sheets: [{ name: 'S', data: '<row r="1"><c r="A1"><v>1</v></c></row>', rels: `<Relationship Id="rId1" Type="${R}/comments" Target="../comments1.xml"/>` }] }), /relationship/);
  });

  test('strict OOXML, an unknown part', async () => {
    await expectLeft(await edit(await plain(), sheet1, (x) => x.replace(`xmlns="${MAIN}"`, 'xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"')), /root/);
    await expectLeft(await edit(await plain(), 'xl/workbook.xml', (x) => x.replace(`xmlns="${MAIN}"`, 'xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"')), /root/);
    await expectLeft(await edit(await plain(), 'xl/workbook.xml', (x) => x, { 'xl/metadata.xml': '<metadata/>' }), /part xl\/metadata\.xml/);
  });

  test('XML the scanner does not read: a carriage return, a comment, an unknown entity, a control character reference', async () => {
    await expectLeft(await edit(await plain(), 'xl/sharedStrings.xml', (x) => x.replace('<t>a</t>', '<t>a\r\nb</t>')), /odd characters/);
    await expectLeft(await edit(await plain(), sheet1, (x) => x.replace('<sheetData>', '<!-- note --><sheetData>')), /comment/);
    await expectLeft(await edit(await plain(), sheet1, (x) => x.replace('<row r="2">', '<!-- note --><row r="2">')), /other than <row>/);
    await expectLeft(await edit(await plain(), sheet1, (x) => x.replace('<v>2</v>', '<v><![CDATA[2]]></v>')), /odd characters/);
    await expectLeft(await edit(await plain(), 'xl/workbook.xml', (x) => x.replace('<sheets>', '<?pi x?><sheets>')), /processing instruction/);
    await expectLeft(await edit(await plain(), 'xl/sharedStrings.xml', (x) => x.replace('<t>a</t>', '<t>a]]&gt;</t>').replace('<si>', '<si>]]>')), /odd characters/);
    await expectLeft(await edit(await plain(), 'xl/sharedStrings.xml', (x) => x.replace('<t>a</t>', '<t>a&#x1;</t>')), /character reference/);
    await expectLeft(await edit(await plain(), 'xl/sharedStrings.xml', (x) => x.replace('<t>a</t>', '<t>a&amp</t>')), /entity/);
  });

  test('cells and rows out of the usual: no address, a lower-case or $ address, rows or cells out of order, an unknown element', async () => {
    const data = (d: string) => handPackage({ sheets: [{ name: 'S', data: d }] });
    await expectLeft(await data('<row r="1"><c><v>1</v></c></row>'), /cell without r/);
    await expectLeft(await data('<row r="1"><c r="a1"><v>1</v></c></row>'), /address/);
    await expectLeft(await data('<row r="1"><c r="$A$1"><v>1</v></c></row>'), /address/);
    await expectLeft(await data('<row r="2"><c r="A2"><v>1</v></c></row><row r="1"><c r="A1"><v>2</v></c></row>'), /row/);
    await expectLeft(await data('<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row>'), /out of order/);
    await expectLeft(await data('<row r="1"><c r="A1"><v>1</v><extLst/></c></row>'), /other than <v>, <f> or <is>/);
    await expectLeft(await data('<row r="1"><c r="A1"><v>1</v><v>2</v></c></row>'), /a second value/);
    await expectLeft(await data('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), /shared string index/);
  });

  test('merges exceljs reads otherwise or fails on: overlapping, one cell, with $', async () => {
    const merged = (refs: string) => handPackage({ sheets: [{ name: 'S', data: '<row r="1"><c r="A1"><v>1</v></c></row>', after: `<mergeCells>${refs}</mergeCells>` }] });
    await expectLeft(await merged('<mergeCell ref="A1:A1"/>'), /merge/);
    await expectLeft(await merged('<mergeCell ref="$A$1:$B$2"/>'), /merge/);
    const overlapping = await merged('<mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/>');
    expect(() => readFast(overlapping)).toThrow(/overlapping/);
    // exceljs fails on it: the same load error either way
    await expect(XlsxHost.fromBuffer(overlapping, 'o.xlsx')).rejects.toBeInstanceOf(WorkbookLoadError);
    await expect(ReadOnlyXlsxHost.open(overlapping, 'o.xlsx')).rejects.toMatchObject({ problem: 'corrupt' });
  });

  test('sheet names exceljs would reject or change, duplicate sheet ids, odd states', async () => {
    const named = (name: string, state?: string) => handPackage({ sheets: [{ name, state, data: '' }] });
    await expectLeft(await named('x'.repeat(32)), /sheet name/);
    await expectLeft(await named('S', 'shown'), /state/);
    await expect(ReadOnlyXlsxHost.open(await named('a:b'), 'n.xlsx')).rejects.toMatchObject({ problem: 'corrupt' });
  });

  test('files that are no workbook keep their load errors', async () => {
    for (const bytes of [new Uint8Array(), new TextEncoder().encode('a,b\n1,2\n'), new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3])]) {
      const fast = await ReadOnlyXlsxHost.open(bytes, 'f.xlsx').catch((e: unknown) => e);
      const slow = await XlsxHost.fromBuffer(bytes, 'f.xlsx').catch((e: unknown) => e);
      expect(fast).toBeInstanceOf(WorkbookLoadError);
      expect(fast).toStrictEqual(slow);
      expect((fast as WorkbookLoadError).problem).toBe((slow as WorkbookLoadError).problem);
    }
  });
});

test("check reads a workbook the reader reads without loading exceljs's document model or JSZip", () => {
  const code = `
    const { readFileForCheck } = require('./src/cli/commands/check');
    const loaded = () => Object.keys(require.cache).filter((k) => /node_modules\\/(exceljs\\/lib\\/(doc|xlsx\\/xlsx)|jszip)\\//.test(k)).length;
    const atStart = loaded();
    readFileForCheck(${JSON.stringify(SAMPLE_PROGRESS)}, 'ja').then(({ read }) => {
      process.stdout.write(JSON.stringify({ atStart, afterRead: loaded(), sheets: read.snapshots.length }));
    });`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', code], { cwd: ROOT, encoding: 'utf8' });
  expect(JSON.parse(out)).toEqual({ atStart: 0, afterRead: 0, sheets: 1 });
});
