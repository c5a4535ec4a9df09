/**
 * Inputs that broke the writers (issue #16): a table saved without style info (LibreOffice), HTML and
 * bidi controls in Markdown output, texts longer than a cell holds.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { XlsxHost } from '../../src/xlsx/host';
import { fitCellText, MAX_CELL_TEXT } from '../../src/core/apply-rules';
import { mdText } from '../../src/core/plans/report';
import type { EditPlan } from '../../src/core/plan';

test('a table without <tableStyleInfo> (as LibreOffice saves it) opens, is written and keeps its look', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('S').addTable({ name: 'T1', ref: 'A1', headerRow: true, columns: [{ name: 'a' }, { name: 'b' }], rows: [[1, 2], [3, 4]] });
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const part = Object.keys(zip.files).find((n) => /^xl\/tables\/.*\.xml$/.test(n))!;
  zip.file(part, (await zip.file(part)!.async('string')).replace(/<tableStyleInfo[^>]*\/>/, ''));
  const host = await XlsxHost.fromBuffer(await zip.generateAsync({ type: 'uint8array' }));
  await host.applyPlan({ command: 'fill', summary: '', notices: [], edits: [{ kind: 'setCell', sheet: 'S', row: 5, col: 1, expect: null, content: { value: 'x' } }] });
  const out = await JSZip.loadAsync(await host.toBuffer());
  const table = await out.file(part)!.async('string');
  expect(table).toContain('ref="A1:B3"');
  expect(table).not.toMatch(/<tableStyleInfo[^>]*name=/);
});

test('Markdown output escapes HTML and drops bidi controls', () => {
  expect(mdText('<script>alert(1)</script> & |x|')).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp; \\|x\\|');
  expect(mdText('abc\u202Efdp.exe\u2066x\u200F')).toBe('abcfdp.exex');
});

test('texts longer than 32,767 characters are cut with a notice naming the cell', () => {
  const long = 'あ'.repeat(40_000);
  const plan: EditPlan = {
    command: 'definitions',
    summary: '',
    notices: [],
    edits: [
      { kind: 'addSheet', sheet: 'KPI定義', visibility: 'visible', rows: [['KPI名'], [long]] },
      { kind: 'setCell', sheet: 'S', row: 3, col: 2, expect: null, content: { value: long } },
    ],
  };
  const fit = fitCellText(plan, 'ja');
  const add = fit.edits[0] as Extract<EditPlan['edits'][number], { kind: 'addSheet' }>;
  expect((add.rows![1][0] as string).length).toBe(MAX_CELL_TEXT);
  expect(((fit.edits[1] as Extract<EditPlan['edits'][number], { kind: 'setCell' }>).content.value as string).length).toBe(MAX_CELL_TEXT);
  expect(fit.notices).toEqual(['セルに入る文字数（32,767 文字）を超える 2 件の文字列を切り詰めました: KPI定義!A2, S!B3']);
  expect(fitCellText({ ...plan, edits: [] }, 'en')).toEqual({ ...plan, edits: [] });
});
