import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { XlsxHost } from '../../../src/xlsx/host';
import { loadWorkbook } from '../../../src/app';
import { planFill } from '../../../src/core/plans/fill';
import { runCommand } from '../../../src/core/session';
import { formatRate, roundRate } from '../../../src/core/rates';
import { cellAddress } from '../../../src/core/snapshot';
import { UNDO_SHEET } from '../../../src/core/undo';
import { diffWorkbooks } from '../../support/workbook-diff';
import { convertWithLibreOffice } from '../../support/libreoffice';
import { SAMPLE_PROGRESS, SAMPLE_SHEET } from '../../support/sample';
import { numbersWithFormats } from '../../support/variants';

/** The workbook with every printed rate that is a figure (not "-") removed, as a fresh year would be. */
async function withoutRates(wb: ExcelJS.Workbook): Promise<{ host: XlsxHost; cleared: Map<string, ExcelJS.CellValue> }> {
  const host = XlsxHost.fromWorkbook(wb);
  const input = await loadWorkbook(host);
  const ws = wb.getWorksheet(SAMPLE_SHEET)!;
  const cleared = new Map<string, ExcelJS.CellValue>();
  for (const kpi of input.model.sheets[0].kpis) {
    for (const [year, p] of kpi.printedRates.entries()) {
      if (p.kind !== 'rate') continue;
      const { row, col } = kpi.printedRates.cell(year);
      cleared.set(cellAddress(row, col), ws.getCell(row, col).value);
      ws.getCell(row, col).value = null;
    }
  }
  return { host: await XlsxHost.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer())), cleared };
}

async function sampleWorkbook(): Promise<ExcelJS.Workbook> {
  return (await XlsxHost.fromBuffer(readFileSync(SAMPLE_PROGRESS))).workbook;
}

describe('fill on the sample (rates stored as text "68.9%")', () => {
  test('writes every computable rate in the sheet style; reproduces the published figures except the wrong ones; changes nothing else', async () => {
    const { host, cleared } = await withoutRates(await sampleWorkbook());
    const before = await host.toBuffer();
    const input = await loadWorkbook(host);
    const plan = planFill(input);
    const written = new Map<string, unknown>();
    for (const e of plan.edits) {
      expect(e.kind).toBe('setCell');
      if (e.kind === 'setCell') written.set(cellAddress(e.row, e.col), e.content.value);
    }
    expect(plan.edits.length).toBe(140);
    // each written text equals the engine's rounded rate
    for (const kpi of input.model.sheets[0].kpis) {
      for (const [year, rate] of input.analysis.kpis[kpi.id].rates.entries()) {
        if (rate === null) continue;
        const col = input.model.sheets[0].tables[kpi.tableIndex].columns.years.find((y) => y.year === Number(year))!.col;
        const at = cellAddress(kpi.rateRow, col);
        if (written.has(at)) expect(written.get(at)).toBe(formatRate(rate, 1, 'half-up'));
      }
    }
    const differs = [...written].filter(([at, v]) => cleared.get(at) !== v).map(([at, v]) => `${at} ${String(cleared.get(at))}→${String(v)}`);
    // the two rates the rules find wrong, and one printed without the sheet's decimal
    expect(differs).toEqual(['E227 71.9%→68.2%', 'F227 89.2%→84.5%', 'F344 100%→100.0%']);

    const r = await runCommand(host, plan);
    expect(r.skipped).toEqual([]);
    const after = await host.toBuffer();
    const diff = await diffWorkbooks(before, after, { ignoreSheets: [UNDO_SHEET], limit: 1000 });
    expect(diff).toHaveLength(140);
    for (const line of diff) expect(written.has(/!([A-Z]+\d+) value:/.exec(line)![1])).toBe(true);
  });

  test('fills only empty cells and its own; --fix corrects wrong printed rates; never touches "-"', async () => {
    const host = await XlsxHost.fromBuffer(readFileSync(SAMPLE_PROGRESS));
    const input = await loadWorkbook(host);
    expect(planFill(input).edits).toHaveLength(0);
    const fix = planFill(input, { fix: true });
    expect(fix.edits.map((e) => (e.kind === 'setCell' ? `${cellAddress(e.row, e.col)}=${String(e.content.value)}` : ''))).toEqual(['E227=68.2%', 'F227=84.5%']);
    const dashes = input.model.sheets[0].kpis.flatMap((k) => k.printedRates.entries().filter(([, p]) => p.kind === 'none').map(([year]) => k.printedRates.cell(year)));
    expect(dashes.length).toBeGreaterThan(0);
    for (const e of fix.edits) if (e.kind === 'setCell') expect(dashes.some((d) => d.row === e.row && d.col === e.col)).toBe(false);
  });

  test('a second fill refreshes the cells it wrote (after an actual changed) and keeps cells a person overwrote', async () => {
    const { host } = await withoutRates(await sampleWorkbook());
    await runCommand(host, planFill(await loadWorkbook(host)));
    const ws = host.workbook.getWorksheet(SAMPLE_SHEET)!;
    expect(ws.getCell('E12').value).toBe('68.9%');
    ws.getCell('E11').value = '36件'; // actual corrected: 36 / 45 = 80.0%
    ws.getCell('F12').value = '手入力'; // a person wrote here
    host.modelEdited();
    const reopened = await XlsxHost.fromBuffer(await host.toBuffer());
    const plan = planFill(await loadWorkbook(reopened));
    expect(plan.edits.map((e) => (e.kind === 'setCell' ? `${cellAddress(e.row, e.col)}=${String(e.content.value)}` : ''))).toEqual(['E12=80.0%']);
  });
});

describe('fill on numbers with percent formats: live formulas, checked by LibreOffice', () => {
  test('formulas recalculated by LibreOffice equal the engine rounded rates', async () => {
    const { host } = await withoutRates(await numbersWithFormats());
    const input = await loadWorkbook(host);
    const plan = planFill(input);
    const formulas = plan.edits.filter((e) => e.kind === 'setCell' && e.content.formula);
    expect(formulas.length).toBeGreaterThan(100);
    const first = formulas.find((e) => e.kind === 'setCell' && e.row === 12 && e.col === 5);
    expect(first).toMatchObject({ content: { formula: '=IF(E11="","",IFERROR(ROUND(E11/$D11,3),""))', numberFormat: '0.0%' } });
    await runCommand(host, plan);
    // poison the cached results: only a real recalculation gives the expected figures
    const sheet = host.workbook.getWorksheet(SAMPLE_SHEET)!;
    for (const e of formulas) if (e.kind === 'setCell') sheet.getCell(e.row, e.col).value = { formula: e.content.formula!.slice(1), result: -1 };
    const dir = mkdtempSync(join(tmpdir(), 'kpi-fill-'));
    const file = join(dir, 'filled.xlsx');
    writeFileSync(file, await host.toBuffer());
    const [recalculated] = convertWithLibreOffice([file], join(dir, 'lo'), { recalc: true });
    // read LibreOffice's cached results from the sheet XML (exceljs drops a cached result of 0)
    const zip = await JSZip.loadAsync(readFileSync(recalculated));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const cells = new Map<string, { f: string | null; v: number | null }>();
    for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const f = /<f[^>]*>([\s\S]*?)<\/f>/.exec(m[2] ?? '');
      const v = /<v>([^<]*)<\/v>/.exec(m[2] ?? '');
      cells.set(m[1], { f: f ? f[1] : null, v: v ? Number(v[1]) : null });
    }
    const expected = new Map<string, number>();
    for (const kpi of input.model.sheets[0].kpis) {
      for (const [year, rate] of input.analysis.kpis[kpi.id].rates.entries()) {
        if (rate === null) continue;
        const col = input.model.sheets[0].tables[kpi.tableIndex].columns.years.find((y) => y.year === Number(year))!.col;
        expected.set(cellAddress(kpi.rateRow, col), roundRate(rate, 1, 'half-up'));
      }
    }
    let checked = 0;
    for (const e of formulas) {
      if (e.kind !== 'setCell') continue;
      const at = cellAddress(e.row, e.col);
      const cell = cells.get(at);
      expect(cell?.f).toBeTruthy();
      expect([at, cell?.v]).toEqual([at, expected.get(at)]);
      checked++;
    }
    expect(checked).toBe(formulas.length);
  });
});
