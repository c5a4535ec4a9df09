/**
 * Saving keeps what exceljs does not model (issue #16): the VBA project of an .xlsm, custom document
 * properties and manual page breaks come back byte for byte; anything else that would be lost stops
 * the save before a byte is written, naming it. Workbooks are made by hand (OOXML parts added to the
 * sample's package) and by Debian's openpyxl, never by exceljs alone.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { XlsxHost } from '../../src/xlsx/host';
import { SAMPLE_PROGRESS } from '../support/sample';

const dir = mkdtempSync(join(tmpdir(), 'kpi-keep-'));
const at = (n: string) => join(dir, n);

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The sample with parts added by hand, as Excel would store them. */
async function sampleWith(add: (zip: JSZip) => Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(readFileSync(SAMPLE_PROGRESS));
  await add(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const VBA = new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 31) % 251));
const CUSTOM = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="担当"><vt:lpwstr>企画政策課</vt:lpwstr></property></Properties>';

async function macroBook(): Promise<Uint8Array> {
  return sampleWith(async (zip) => {
    zip.file('xl/vbaProject.bin', VBA);
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'));
    const ct = (await zip.file('[Content_Types].xml')!.async('string'))
      .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
      .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>');
    zip.file('[Content_Types].xml', ct);
    zip.file('docProps/custom.xml', CUSTOM);
    const root = await zip.file('_rels/.rels')!.async('string');
    zip.file('_rels/.rels', root.replace('</Relationships>', '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>'));
  });
}

test('.xlsm: add-year then undo keep the VBA project and custom properties byte for byte, macro-enabled; page breaks stay', async () => {
  writeFileSync(at('book.xlsm'), await macroBook());
  expect((await run('add-year', at('book.xlsm'), '-o', at('book.xlsm'))).code).toBe(0);
  expect((await run('undo', at('book.xlsm'), '-o', at('book.xlsm'))).code).toBe(0);
  const zip = await JSZip.loadAsync(readFileSync(at('book.xlsm')));
  expect(Buffer.from(await zip.file('xl/vbaProject.bin')!.async('uint8array')).equals(Buffer.from(VBA))).toBe(true);
  expect(await zip.file('docProps/custom.xml')!.async('string')).toBe(CUSTOM);
  const ct = await zip.file('[Content_Types].xml')!.async('string');
  expect(ct).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>');
  expect(await zip.file('xl/_rels/workbook.xml.rels')!.async('string')).toContain('relationships/vbaProject');
  expect(await zip.file('_rels/.rels')!.async('string')).toContain('relationships/custom-properties');
  // the sample's 14 manual page breaks
  const original = await (await JSZip.loadAsync(readFileSync(SAMPLE_PROGRESS))).file('xl/worksheets/sheet1.xml')!.async('string');
  const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  expect(/<rowBreaks\b[\s\S]*?<\/rowBreaks>/.exec(sheet)?.[0]).toBe(/<rowBreaks\b[\s\S]*?<\/rowBreaks>/.exec(original)?.[0]);
  expect(sheet.match(/<brk /g)?.length).toBe(14);
});

test('a chart part no plan touches is saved byte for byte (it was refused before saving patched the package)', async () => {
  const chart = '<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>';
  const bytes = await sampleWith(async (zip) => {
    zip.file('xl/charts/chart1.xml', chart);
  });
  const host = await XlsxHost.fromBuffer(bytes);
  expect(await (await JSZip.loadAsync(await host.toBuffer())).file('xl/charts/chart1.xml')!.async('string')).toBe(chart);
  writeFileSync(at('chart.xlsx'), bytes);
  const r = await run('flag', at('chart.xlsx'), '-o', at('chart-out.xlsx'), '--lang', 'en');
  expect([r.code, r.err]).toEqual([0, '']);
  expect(await (await JSZip.loadAsync(readFileSync(at('chart-out.xlsx')))).file('xl/charts/chart1.xml')!.async('string')).toBe(chart);
});

test('an x14 extension (hand-written OOXML) survives add-year and its undo (it was refused before saving patched the package)', async () => {
  const ext = '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="0"/></ext></extLst>';
  const bytes = await sampleWith(async (zip) => {
    const part = 'xl/worksheets/sheet1.xml';
    const xml = await zip.file(part)!.async('string');
    zip.file(part, xml.replace('</worksheet>', `${ext}</worksheet>`));
  });
  writeFileSync(at('x14.xlsx'), bytes);
  expect((await run('add-year', at('x14.xlsx'), '-o', at('x14.xlsx'))).code).toBe(0);
  expect((await run('undo', at('x14.xlsx'), '-o', at('x14.xlsx'))).code).toBe(0);
  const sheet = await (await JSZip.loadAsync(readFileSync(at('x14.xlsx')))).file('xl/worksheets/sheet1.xml')!.async('string');
  expect(/<extLst>[\s\S]*<\/extLst>/.exec(sheet)?.[0]).toBe(ext);
});

const PY = '/usr/bin/python3';
(existsSync(PY) ? test : test.skip)('openpyxl: sheet protection with unlocked input cells survives add-year and undo', async () => {
  const script = `
import openpyxl, sys
from openpyxl.styles import Protection
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
ws.protection.sheet = True
ws.protection.password = 'kpi'
for r in range(11, 40):
    ws.cell(row=r, column=11).protection = Protection(locked=False)
wb.save(sys.argv[2])
`;
  writeFileSync(at('protect.py'), script);
  execFileSync(PY, [at('protect.py'), SAMPLE_PROGRESS, at('protected.xlsx')]);
  const r = await run('add-year', at('protected.xlsx'), '-o', at('protected-out.xlsx'));
  expect([r.code, r.err]).toEqual([0, '']);
  const check = `
import openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
print(ws.protection.sheet, bool(ws.protection.password), sum(1 for r in range(11, 40) if not ws.cell(row=r, column=11).protection.locked))
`;
  writeFileSync(at('check.py'), check);
  expect(execFileSync(PY, [at('check.py'), at('protected-out.xlsx')]).toString().trim()).toBe('True True 29');
  expect((await run('undo', at('protected-out.xlsx'), '-o', at('protected-undone.xlsx'))).code).toBe(0);
  expect(execFileSync(PY, [at('check.py'), at('protected-undone.xlsx')]).toString().trim()).toBe('True True 29');
  const password = async (f: string) => /<sheetProtection\b[^>]*\/>/.exec(await (await JSZip.loadAsync(readFileSync(f))).file('xl/worksheets/sheet1.xml')!.async('string'))?.[0];
  expect(await password(at('protected-undone.xlsx'))).toBe(await password(at('protected.xlsx')));
});
