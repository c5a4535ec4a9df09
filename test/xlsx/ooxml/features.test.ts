/**
 * Nothing lost (issue #16): a workbook holding what real office files hold — a chart, a pivot table
 * and its cache, a VBA project (.xlsm), an external link, custom properties, threaded comments and
 * persons, an x14 cross-sheet list validation, sparklines, the sample's 14 manual page breaks,
 * fit-to-page and centring, notes in plain <t> text by real authors, a drop-down over one range, a
 * hyperlink with display text — goes through every writer and then undo. Every part the plan does
 * not edit keeps its bytes (uncompressed), and the listed sheet elements are still there.
 * Built by Debian's openpyxl (test/support/python/features-book.py) plus OOXML written by hand for
 * what openpyxl cannot make; sheet protection from a LibreOffice-saved file is tested below.
 */
import { execFileSync } from 'child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import JSZip from 'jszip';
import { main } from '../../../src/cli/main';
import { convertWithLibreOffice } from '../../support/libreoffice';
import { ROOT, SAMPLE_PROGRESS } from '../../support/sample';

const PY = '/usr/bin/python3';
const MANAGEMENT = join(ROOT, 'assets', 'sample', 'management-sheets.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'kpi-features-'));
const at = (n: string) => join(dir, n);

async function run(...argv: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const code = await main(argv, { out: () => undefined, err: (l) => err.push(l) });
  return { code, err: err.join('\n') };
}

const VBA = new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 37) % 253));
const CT_MACRO = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
const X14_MAIN = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const XM = 'http://schemas.microsoft.com/office/excel/2006/main';
const EXT =
  `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${X14_MAIN}"><x14:dataValidations count="1" xmlns:xm="${XM}"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>リスト!$A$1:$A$4</xm:f></x14:formula1><xm:sqref>M11:M40</xm:sqref></x14:dataValidation></x14:dataValidations></ext>` +
  `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="${X14_MAIN}"><x14:sparklineGroups xmlns:xm="${XM}"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:colorNegative rgb="FFD00000"/><x14:colorAxis rgb="FF000000"/><x14:colorMarkers rgb="FFD00000"/><x14:colorFirst rgb="FFD00000"/><x14:colorLast rgb="FFD00000"/><x14:colorHigh rgb="FFD00000"/><x14:colorLow rgb="FFD00000"/><x14:sparklines><x14:sparkline><xm:f>進捗状況一覧表!E11:K11</xm:f><xm:sqref>O11</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>`;

const HAND_PARTS: Record<string, string> = {
  'xl/pivotCache/pivotCacheDefinition1.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1" refreshOnLoad="1" recordCount="2"><cacheSource type="worksheet"><worksheetSource ref="A1:A4" sheet="リスト"/></cacheSource><cacheFields count="1"><cacheField name="A" numFmtId="0"><sharedItems count="3"><s v="B"/><s v="C"/><s v="D"/></sharedItems></cacheField></cacheFields></pivotCacheDefinition>',
  'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>',
  'xl/pivotCache/pivotCacheRecords1.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheRecords xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3"><r><x v="0"/></r><r><x v="1"/></r><r><x v="2"/></r></pivotCacheRecords>',
  'xl/pivotTables/pivotTable1.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="ピボット1" cacheId="7" dataCaption="値" createdVersion="6" updatedVersion="6"><location ref="C1:C5" firstHeaderRow="1" firstDataRow="1" firstDataCol="0"/><pivotFields count="1"><pivotField axis="axisRow" showAll="0"><items count="4"><item x="0"/><item x="1"/><item x="2"/><item t="default"/></items></pivotField></pivotFields><rowFields count="1"><field x="0"/></rowFields></pivotTableDefinition>',
  'xl/pivotTables/_rels/pivotTable1.xml.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>',
  'xl/externalLinks/externalLink1.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><externalBook r:id="rId1"><sheetNames><sheetName val="進捗状況一覧表"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="12"><cell r="E12" t="n"><v>0.5</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>',
  'xl/externalLinks/_rels/externalLink1.xml.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="前年度.xlsx" TargetMode="External"/></Relationships>',
  'xl/threadedComments/threadedComment1.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><threadedComment ref="C3" dT="2026-04-01T09:00:00.00" personId="{6B3B1F34-0C6C-4F7E-9D55-1E2B2A3C4D5E}" id="{0A1B2C3D-0000-4000-8000-000000000001}"><text>R2 の数値を確認してください</text></threadedComment></ThreadedComments>',
  'xl/persons/person.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><person displayName="山田 太郎" id="{6B3B1F34-0C6C-4F7E-9D55-1E2B2A3C4D5E}" userId="yamada@example.lg.jp" providerId="None"/></personList>',
  'docProps/custom.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="担当"><vt:lpwstr>企画政策課</vt:lpwstr></property></Properties>',
};

const rel = (id: string, type: string, target: string, external = false) =>
  `<Relationship Id="${id}" Type="${type}" Target="${target}"${external ? ' TargetMode="External"' : ''}/>`;
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The openpyxl workbook with the hand-written parts added, as Excel would store them. */
async function featuresBook(): Promise<Uint8Array> {
  execFileSync(PY, [join(ROOT, 'test', 'support', 'python', 'features-book.py'), SAMPLE_PROGRESS, at('openpyxl.xlsx')]);
  const zip = await JSZip.loadAsync(readFileSync(at('openpyxl.xlsx')));
  const edit = async (p: string, f: (s: string) => string) => zip.file(p, f(await zip.file(p)!.async('string')));
  for (const [p, text] of Object.entries(HAND_PARTS)) zip.file(p, text);
  // the chart's drawing as Excel writes it (xdr: prefix); exceljs 4.4 cannot read openpyxl's unprefixed one
  await edit('xl/drawings/drawing1.xml', (s) =>
    s
      .replace(/<(\/?)(?!a:|c:)([A-Za-z]+)([\s>/])/g, '<$1xdr:$2$3')
      .replace('<xdr:wsDr xmlns="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"', '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"'),
  );
  zip.file('xl/vbaProject.bin', VBA);
  await edit('[Content_Types].xml', (s) =>
    s
      .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', CT_MACRO)
      .replace(
        '</Types>',
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' +
          '<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/>' +
          '<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml"/>' +
          '<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/>' +
          '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>' +
          '<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>' +
          '<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/>' +
          '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
      ),
  );
  await edit('xl/_rels/workbook.xml.rels', (s) =>
    s.replace(
      '</Relationships>',
      rel('rIdVba', 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', 'vbaProject.bin') +
        rel('rIdPc', `${R}/pivotCacheDefinition`, 'pivotCache/pivotCacheDefinition1.xml') +
        rel('rIdExt', `${R}/externalLink`, 'externalLinks/externalLink1.xml') +
        rel('rIdPer', 'http://schemas.microsoft.com/office/2017/10/relationships/person', 'persons/person.xml') +
        '</Relationships>',
    ),
  );
  await edit('_rels/.rels', (s) => s.replace('</Relationships>', `${rel('rIdCustom', `${R}/custom-properties`, 'docProps/custom.xml')}</Relationships>`));
  await edit('xl/workbook.xml', (s) => {
    // CT_Workbook order: … sheets, externalReferences, definedNames, calcPr, … pivotCaches
    let out = s.replace('</sheets>', '</sheets><externalReferences><externalReference r:id="rIdExt"/></externalReferences>');
    out = /<calcPr\b[^>]*\/>/.test(out) ? out.replace(/(<calcPr\b[^>]*\/>)/, '$1<pivotCaches><pivotCache cacheId="7" r:id="rIdPc"/></pivotCaches>') : out.replace('</workbook>', '<pivotCaches><pivotCache cacheId="7" r:id="rIdPc"/></pivotCaches></workbook>');
    return /<workbook\b[^>]*xmlns:r=/.test(out) ? out : out.replace(/<workbook\b/, `<workbook xmlns:r="${R}"`);
  });
  // the pivot table on the list sheet; the threaded comment on the progress sheet
  const list = 'xl/worksheets/sheet2.xml';
  zip.file('xl/worksheets/_rels/sheet2.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', `${R}/pivotTable`, '../pivotTables/pivotTable1.xml')}</Relationships>`);
  expect(zip.file(list)).not.toBeNull();
  await edit('xl/worksheets/_rels/sheet1.xml.rels', (s) => s.replace('</Relationships>', `${rel('rIdTc', 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment', '../threadedComments/threadedComment1.xml')}</Relationships>`));
  await edit('xl/comments/comment1.xml', (s) => s.replace('</commentList>', '<comment ref="C3" authorId="0" shapeId="0"><text><t>[Threaded comment]\nR2 の数値を確認してください</t></text></comment></commentList>'));
  await edit('xl/worksheets/sheet1.xml', (s) => {
    // an external-link formula in P1, and the extensions last in the sheet
    const withLink = s.replace(/(<row r="1"[^>]*>[\s\S]*?)(<\/row>)/, (_m, row: string, end: string) => `${row}<c r="P1"><f>[1]進捗状況一覧表!$E$12</f><v>0.5</v></c>${end}`);
    return withLink.replace('</worksheet>', `${EXT}</worksheet>`);
  });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function partsOf(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const [p, f] of Object.entries(zip.files)) if (!f.dir) out.set(p, Buffer.from(await f.async('uint8array')));
  return out;
}

/** What a plan may edit: the workbook's own parts, the progress sheet with its notes, new sheets. */
const EDITED = [
  '[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/calcChain.xml',
  'xl/worksheets/sheet1.xml', 'xl/worksheets/_rels/sheet1.xml.rels', 'xl/comments/comment1.xml', 'xl/drawings/commentsDrawing1.vml',
];
/** Parts holding references to the progress sheet's columns: a column insert moves them (w16's columns.ts). */
const MOVED_BY_COLUMNS = ['xl/drawings/drawing1.xml', 'xl/charts/chart1.xml', 'xl/threadedComments/threadedComment1.xml', 'xl/externalLinks/externalLink1.xml'];

function changedParts(before: Map<string, Buffer>, after: Map<string, Buffer>): string[] {
  return [...before.keys()].filter((p) => !after.get(p)?.equals(before.get(p)!)).sort();
}

async function text(bytes: Uint8Array, part: string): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(part)!.async('string');
}

/** The sheet elements the issue lists, as they read in the progress sheet and the workbook. */
async function listed(bytes: Uint8Array): Promise<Record<string, unknown>> {
  // the same text whether a writer escaped characters or not
  const sheet = (await text(bytes, 'xl/worksheets/sheet1.xml')).replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)));
  const one = (re: RegExp) => re.exec(sheet)?.[0] ?? null;
  const comments = await text(bytes, 'xl/comments/comment1.xml');
  const ct = await text(bytes, '[Content_Types].xml');
  const wb = await text(bytes, 'xl/workbook.xml');
  return {
    rowBreaks: one(/<rowBreaks\b[\s\S]*?<\/rowBreaks>/),
    fitToPage: one(/<pageSetUpPr\b[^>]*\/>/),
    fitToWidth: /<pageSetup\b[^>]*\bfitToWidth="1"[^>]*fitToHeight="0"|<pageSetup\b[^>]*\bfitToHeight="0"[^>]*fitToWidth="1"/.test(sheet),
    centring: one(/<printOptions\b[^>]*\/>/),
    dropDown: [...sheet.matchAll(/<dataValidation\b[^>]*\bsqref="([^"]*)"/g)].map((m) => m[1]),
    link: /<hyperlink\b[^>]*\bref="A3"[^>]*>/.exec(sheet)?.[0].match(/\b(display|tooltip|location)="[^"]*"/g)?.sort() ?? null,
    drawing: /<drawing\b/.test(sheet),
    legacyDrawing: /<legacyDrawing\b/.test(sheet),
    extensions: one(/<extLst>[\s\S]*<\/extLst>/),
    externalFormula: one(/<c r="P1"[^>]*>[\s\S]*?<\/c>/),
    authors: /<authors>[\s\S]*?<\/authors>/.exec(comments)?.[0],
    notes: [...comments.matchAll(/<comment ref="([A-Z]+\d+)"[^>]*>([\s\S]*?)<\/comment>/g)].filter((m) => /企画政策課|見直し|Threaded/.test(m[2])).map((m) => `${m[1]} ${m[2]}`),
    macroEnabled: ct.includes(`ContentType="${CT_MACRO}"`),
    pivotCaches: /<pivotCaches>[\s\S]*?<\/pivotCaches>/.exec(wb)?.[0] ?? null,
    externalReferences: /<externalReferences>[\s\S]*?<\/externalReferences>/.exec(wb)?.[0] ?? null,
  };
}

const writers: [string, string[], boolean][] = [
  ['fill --fix', ['fill', '--fix'], false],
  ['flag', ['flag'], false],
  ['link', ['link', '--management', MANAGEMENT], false],
  ['add-year', ['add-year'], true],
  ['definitions', ['definitions'], false],
  ['report', ['report'], false],
];

const withPython = existsSync(PY) ? describe : describe.skip;
withPython('every writer and its undo keep what the workbook holds', () => {
  let book: Uint8Array;
  beforeAll(async () => {
    book = await featuresBook();
    writeFileSync(at('features.xlsm'), book);
  }, 120000);

  test.each(writers)('%s then undo', async (name, [command, ...extra], movesColumns) => {
    const file = at(`${name.replace(/\W+/g, '-')}.xlsm`);
    copyFileSync(at('features.xlsm'), file);
    const before = await partsOf(book);
    const expected = await listed(book);

    const done = await run(command, file, '-o', file, ...extra);
    expect([done.code, done.err]).toEqual([0, '']);
    const written = readFileSync(file);
    const after = await partsOf(written);
    const may = new Set([...EDITED, ...(movesColumns ? MOVED_BY_COLUMNS : [])]);
    expect(changedParts(before, after).filter((p) => !may.has(p))).toEqual([]);
    expect(Buffer.from(await (await JSZip.loadAsync(written)).file('xl/vbaProject.bin')!.async('uint8array')).equals(Buffer.from(VBA))).toBe(true);
    const listedNow = await listed(written);
    // the real authors stay; a writer's own notes may add one unnamed author after them
    const now = { ...listedNow, authors: String(listedNow.authors).replace('<author/></authors>', '</authors>') };
    if (!movesColumns) expect(now).toEqual(expected);
    else {
      // the column insert moved what lies right of it (M19's note to N19, the drop-down, the sparkline …): compared after undo
      const unmoved = (v: Record<string, unknown>) => ({ ...v, dropDown: null, extensions: null, link: null, externalFormula: null, notes: (v.notes as string[]).map((n) => n.replace(/^\S+ /, '')) });
      expect(unmoved(now)).toEqual(unmoved(expected));
    }

    const undone = await run('undo', file, '-o', file);
    expect([undone.code, undone.err]).toEqual([0, '']);
    const back = readFileSync(file);
    expect(changedParts(before, await partsOf(back)).filter((p) => !may.has(p))).toEqual([]);
    expect(await listed(back)).toEqual(expected);
  });
});

(existsSync(PY) ? test : test.skip)('a LibreOffice-saved sheet protection with a password and unlocked input cells survives every writer and undo', async () => {
  const script = `
import openpyxl, sys
from openpyxl.styles import Protection
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
ws.protection.sheet = True
ws.protection.password = 'kpi'
for r in range(11, 413):
    for c in (5, 6, 8, 9, 10, 11):
        ws.cell(row=r, column=c).protection = Protection(locked=False)
wb.save(sys.argv[2])
`;
  writeFileSync(at('protect.py'), script);
  execFileSync(PY, [at('protect.py'), SAMPLE_PROGRESS, at('protected-openpyxl.xlsx')]);
  const [saved] = convertWithLibreOffice([at('protected-openpyxl.xlsx')], join(dir, 'lo'));
  const count = `
import openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
print(ws.protection.sheet, bool(ws.protection.password), sum(1 for row in ws.iter_rows(min_row=11, max_row=412) for c in row if not c.protection.locked))
`;
  writeFileSync(at('count.py'), count);
  const expected = execFileSync(PY, [at('count.py'), saved]).toString().trim();
  expect(expected).toMatch(/^True True \d{4}$/);
  const protection = async (f: string) => /<sheetProtection\b[^>]*\/>/.exec(await text(readFileSync(f), 'xl/worksheets/sheet1.xml'))?.[0];
  const original = await protection(saved);
  expect(original).toContain('password');
  for (const [name, [command, ...extra]] of writers) {
    const file = at(`lo-${name.replace(/\W+/g, '-')}.xlsx`);
    copyFileSync(saved, file);
    expect((await run(command, file, '-o', file, ...extra)).code).toBe(0);
    expect(await protection(file)).toBe(original);
    if (command !== 'add-year') expect(execFileSync(PY, [at('count.py'), file]).toString().trim()).toBe(expected);
    expect((await run('undo', file, '-o', file)).code).toBe(0);
    expect([name, await protection(file)]).toEqual([name, original]);
    expect([name, execFileSync(PY, [at('count.py'), file]).toString().trim()]).toEqual([name, expected]);
  }
}, 300000);
