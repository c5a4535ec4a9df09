import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import JSZip from 'jszip';
import { XlsxHost } from '../../../src/xlsx/host';
import { loadWorkbook } from '../../../src/app';
import { managementSheetNumber, planLink } from '../../../src/core/plans/link';
import { runCommand } from '../../../src/core/session';
import { cellAddress } from '../../../src/core/snapshot';
import { convertWithLibreOffice } from '../../support/libreoffice';
import { SAMPLE_PROGRESS } from '../../support/sample';

const MANAGEMENT = join(__dirname, '../../../assets/sample/management-sheets.xlsx');

/** <hyperlink> elements of a sheet: ref → { location, target of its relationship }. */
async function linksInXml(bytes: Uint8Array): Promise<Map<string, { location: string | null; target: string | null }>> {
  const zip = await JSZip.loadAsync(bytes);
  const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const rels = (await zip.file('xl/worksheets/_rels/sheet1.xml.rels')?.async('string')) ?? '';
  const unq = (s: string) => s.replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const out = new Map<string, { location: string | null; target: string | null }>();
  for (const tag of sheet.match(/<hyperlink [^>]*>/g) ?? []) {
    const ref = /ref="([^"]+)"/.exec(tag)![1];
    const location = /location="([^"]*)"/.exec(tag)?.[1];
    const rid = /r:id="([^"]+)"/.exec(tag)?.[1];
    const target = rid ? new RegExp(`Id="${rid}"[^>]*Target="([^"]*)"`).exec(rels)?.[1] : undefined;
    out.set(ref, { location: location ? unq(location) : null, target: target ? unq(target) : null });
  }
  return out;
}

test('management sheet names in the usual styles', () => {
  expect(['01', '1', 'No.01', 'NO 1', 'シート01', '進行管理シート１', 'シートNo.01', '№1'].map(managementSheetNumber)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
  expect(['Sheet1', '進捗状況一覧表', 'KPI定義', '2024'].map(managementSheetNumber)).toEqual([null, null, null, null]);
});

describe('link', () => {
  const styles = (n: number) => [String(n).padStart(2, '0'), String(n), `No.${String(n).padStart(2, '0')}`, `シート${String(n).padStart(2, '0')}`][n % 4];

  test('in one workbook: every シートNo. links internally to its sheet; missing and unused sheets are reported; LibreOffice keeps the links', async () => {
    const host = await XlsxHost.fromBuffer(readFileSync(SAMPLE_PROGRESS));
    for (let n = 1; n <= 33; n++) if (n !== 5) host.workbook.addWorksheet(styles(n)).getCell('A1').value = `進行管理シート ${n}`;
    host.workbook.addWorksheet('34').getCell('A1').value = '使われないシート';
    host.modelEdited(); // sheets added to the model directly
    const input = await loadWorkbook(await XlsxHost.fromBuffer(await host.toBuffer()));
    const plan = planLink(input);
    const kpis = input.model.sheets[0].kpis.filter((k) => k.sheetNoCell && /^\d+$/.test(k.sheetNo ?? ''));
    const withFive = kpis.filter((k) => Number(k.sheetNo) === 5);
    expect(withFive.length).toBeGreaterThan(0);
    expect(plan.edits).toHaveLength(kpis.length - withFive.length);
    expect(plan.notices.join('\n')).toContain(`進行管理シートが無いシートNo. 1 個: 05 (${withFive.map((k) => `進捗状況一覧表!${cellAddress(k.sheetNoCell!.row, k.sheetNoCell!.col)}`).join(', ')})`);
    expect(plan.notices.join('\n')).toContain('どのKPIからも参照されない進行管理シート: 34');

    await runCommand(host, plan);
    const bytes = await host.toBuffer();
    const xml = await linksInXml(bytes);
    for (const k of kpis) {
      const ref = cellAddress(k.sheetNoCell!.row, k.sheetNoCell!.col);
      const n = Number(k.sheetNo);
      if (n === 5) expect(xml.has(ref)).toBe(false);
      else expect([ref, xml.get(ref)]).toEqual([ref, { location: `'${styles(n)}'!A1`, target: null }]);
    }
    // LibreOffice reads them as internal links and writes them back as internal links
    const dir = mkdtempSync(join(tmpdir(), 'kpi-link-'));
    writeFileSync(join(dir, 'linked.xlsx'), bytes);
    const [lo] = convertWithLibreOffice([join(dir, 'linked.xlsx')], join(dir, 'lo'));
    const back = await linksInXml(readFileSync(lo));
    for (const [ref, link] of xml) expect([ref, back.get(ref)]).toEqual([ref, link]);
  });

  test('across two files: links to the management workbook, relative to the table file', async () => {
    const host = await XlsxHost.fromBuffer(readFileSync(SAMPLE_PROGRESS));
    const mgmt = await XlsxHost.fromBuffer(readFileSync(MANAGEMENT));
    const sheets = (await mgmt.listSheets()).map((s) => s.name);
    const input = await loadWorkbook(host);
    const plan = planLink(input, { management: { file: 'management-sheets.xlsx', sheets } });
    const kpis = input.model.sheets[0].kpis.filter((k) => k.sheetNoCell && /^\d+$/.test(k.sheetNo ?? ''));
    expect(plan.edits).toHaveLength(kpis.length);
    await runCommand(host, plan);
    const dir = mkdtempSync(join(tmpdir(), 'kpi-link2-'));
    writeFileSync(join(dir, 'progress.xlsx'), await host.toBuffer());
    writeFileSync(join(dir, 'management-sheets.xlsx'), readFileSync(MANAGEMENT));
    const xml = await linksInXml(readFileSync(join(dir, 'progress.xlsx')));
    for (const k of kpis) {
      const ref = cellAddress(k.sheetNoCell!.row, k.sheetNoCell!.col);
      expect(sheets).toContain(k.sheetNo);
      expect([ref, xml.get(ref)]).toEqual([ref, { location: `'${k.sheetNo}'!A1`, target: 'management-sheets.xlsx' }]);
    }
    const [lo] = convertWithLibreOffice([join(dir, 'progress.xlsx')], join(dir, 'lo'));
    const back = await linksInXml(readFileSync(lo));
    // LibreOffice writes the target relative to its own output folder (one level down)
    for (const [ref, link] of xml) expect([ref, back.get(ref)]).toEqual([ref, { ...link, target: '../management-sheets.xlsx' }]);
  });
});
