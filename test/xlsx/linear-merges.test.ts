/**
 * The linear load step for merged areas (src/xlsx/linear-merges.ts) leaves the workbook exactly as
 * exceljs's own quadratic one does, and still refuses overlapping areas.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { XlsxHost } from '../../src/xlsx/host';
import { areaOf } from '../../src/xlsx/linear-merges';
import { loadWorkbookBytes, WorkbookLoadError } from '../../src/xlsx/load';

type Merges = Record<string, { top: number; left: number; bottom: number; right: number }>;
const mergesOf = (ws: ExcelJS.Worksheet) => (ws as unknown as { _merges: Merges })._merges;

async function bookWithMerges(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  for (let r = 1; r <= 12; r++) for (let c = 1; c <= 6; c++) ws.getCell(r, c).value = r * 10 + c;
  ws.mergeCells('A1:A2');
  ws.mergeCells('B3:D5');
  ws.mergeCells('F1:F12');
  ws.mergeCells('C7:E7');
  ws.mergeCells('A9:B9');
  wb.addWorksheet('空');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Every cell of the sheet: its type, its master's address and its value, as exceljs reports them. */
function cells(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  for (let r = 1; r <= 12; r++) for (let c = 1; c <= 6; c++) {
    const cell = ws.getCell(r, c);
    out.push(`${cell.address} ${cell.type} ${cell.master.address} ${cell.isMerged} ${JSON.stringify(cell.value)}`);
  }
  return out;
}

async function withMergeXml(bytes: Uint8Array, refs: string[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const path = 'xl/worksheets/sheet1.xml';
  const xml = (await zip.file(path)!.async('string')).replace(/<mergeCells[^>]*>.*<\/mergeCells>/s, `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`);
  zip.file(path, xml);
  return zip.generateAsync({ type: 'uint8array' });
}

test('a load leaves cells, masters and merged areas exactly as exceljs merges them', async () => {
  const bytes = await bookWithMerges();
  // exceljs's own step first: this file's exceljs prototype is not patched until loadWorkbookBytes runs
  const plain = new ExcelJS.Workbook();
  await plain.xlsx.load(bytes as unknown as ArrayBuffer);
  const ours = await loadWorkbookBytes(bytes);
  const a = plain.getWorksheet('表')!;
  const b = ours.getWorksheet('表')!;
  // the linear step is the one in use (exceljs's own gives the same result, quadratically)
  expect((Object.getPrototypeOf(b) as { _parseMergeCells: { name: string } })._parseMergeCells.name).toBe('parseMergeCellsLinear');
  expect(Object.keys(mergesOf(b)).sort()).toEqual(['A1', 'A9', 'B3', 'C7', 'F1']);
  expect(JSON.parse(JSON.stringify(mergesOf(b)))).toEqual(JSON.parse(JSON.stringify(mergesOf(a))));
  expect(cells(b)).toEqual(cells(a));
  expect(b.getCell('D5').master.address).toBe('B3');
  expect(b.getCell('D5').isMerged).toBe(true);
  expect(b.getCell('E5').isMerged).toBe(false);
  // the host's snapshot sees the same areas, and later merges still get exceljs's own check
  const snap = await (await XlsxHost.fromBuffer(bytes)).readSnapshot('表');
  expect(snap.merges).toHaveLength(5);
  expect(() => b.mergeCells('E5:E6')).not.toThrow();
  expect(() => b.mergeCells('C4:C8')).toThrow('Cannot merge already merged cells');
});

test('overlapping merged areas in a file are refused as before (a damaged file)', async () => {
  const bytes = await withMergeXml(await bookWithMerges(), ['A1:B2', 'C3:D4', 'B2:C3']);
  const plain = new ExcelJS.Workbook();
  await expect(plain.xlsx.load(bytes as unknown as ArrayBuffer)).rejects.toThrow('Cannot merge already merged cells');
  const err = await loadWorkbookBytes(bytes, 'book.xlsx').catch((e: unknown) => e);
  expect(err).toBeInstanceOf(WorkbookLoadError);
  expect((err as WorkbookLoadError).problem).toBe('corrupt');
  expect((err as Error).message).toContain('Cannot merge already merged cells');
});

test('merged areas written with $ signs, reversed corners or one cell load like exceljs loads them', async () => {
  const bytes = await withMergeXml(await bookWithMerges(), ['$A$1:$B$2', 'D4:C3', 'E5', 'A10:F11']);
  const plain = new ExcelJS.Workbook();
  await plain.xlsx.load(bytes as unknown as ArrayBuffer);
  const ours = await loadWorkbookBytes(bytes);
  expect(JSON.parse(JSON.stringify(mergesOf(ours.getWorksheet('表')!)))).toEqual(JSON.parse(JSON.stringify(mergesOf(plain.getWorksheet('表')!))));
  expect(cells(ours.getWorksheet('表')!)).toEqual(cells(plain.getWorksheet('表')!));
});

test('areaOf reads a <mergeCell ref> and leaves anything else to exceljs', () => {
  expect(areaOf('B3:D5')).toEqual({ top: 3, left: 2, bottom: 5, right: 4 });
  expect(areaOf('$AA$10:AB11')).toEqual({ top: 10, left: 27, bottom: 11, right: 28 });
  expect(areaOf('D4:C3')).toEqual({ top: 3, left: 3, bottom: 4, right: 4 });
  expect(areaOf('XFD1')).toEqual({ top: 1, left: 16384, bottom: 1, right: 16384 });
  expect(areaOf('表!A1:B2')).toBeNull();
  expect(areaOf('A:B')).toBeNull();
});
