/**
 * A progress sheet with N KPIs built from the bundled sample's own rows: the sample's heading rows,
 * one header row, then the sample's KPI pairs (実績値 + 達成率 rows with their merges) repeated.
 * Built straight into the double's grid (exceljs needs minutes for 20,000 merges).
 */
import { recogniseSheet } from '../../src/core/recognise';
import { snapshotFromWorksheet } from '../../src/xlsx/snapshot';
import { FakeModel, FakeSheet } from '../support/fake-excel';
import { loadSampleWorkbook, SAMPLE_SHEET } from '../support/sample';

export async function buildBigModel(kpiCount: number): Promise<FakeModel> {
  const wb = await loadSampleWorkbook();
  const sample = FakeModel.fromExcelJs(wb).sheet(SAMPLE_SHEET)!;
  const recognised = recogniseSheet(snapshotFromWorksheet(wb.getWorksheet(SAMPLE_SHEET)!));
  if (!('kpis' in recognised)) throw new Error('sample not recognised');
  const header = recognised.tables[0].headerRow;
  const pairs = recognised.kpis.map((k) => k.row);

  const sheet = new FakeSheet(SAMPLE_SHEET);
  sheet.widths = new Map(sample.widths);
  const copyRow = (from: number, to: number, suffix = '') => {
    for (let col = 1; col <= 14; col++) {
      const cell = sample.cell(from, col);
      const value = col === 1 && typeof cell.value === 'string' && suffix ? `${cell.value}${suffix}` : cell.value;
      sheet.put(to, col, { ...cell, value });
    }
  };
  for (let r = 1; r <= header; r++) copyRow(r, r);
  const merges = [...sample.merges.filter((m) => m.bottom <= header)];
  let row = header + 1;
  for (let i = 0; i < kpiCount; i++) {
    const from = pairs[i % pairs.length];
    const round = Math.floor(i / pairs.length);
    copyRow(from, row, round ? ` #${round + 1}` : '');
    copyRow(from + 1, row + 1);
    for (const m of sample.merges) if (m.top === from && m.bottom === from + 1) merges.push({ top: row, left: m.left, bottom: row + 1, right: m.right });
    row += 2;
  }
  sheet.merges = merges;
  const model = new FakeModel();
  model.sheets.push(sheet);
  return model;
}
