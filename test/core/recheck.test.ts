/** recheckKpi: re-checking one edited KPI gives what a full recognise + analyse gives for it. */
import { analyse } from '../../src/core/analyse';
import { recheckKpi } from '../../src/core/recheck';
import { recognise } from '../../src/core/recognise';
import { buildIndex } from '../../src/core/rules/context';
import type { GridSnapshot } from '../../src/core/snapshot';
import { SAMPLE_SHEET, sampleSnapshots } from '../support/sample';

function edit(s: GridSnapshot, row: number, col: number, value: string | number | null): GridSnapshot {
  const values = s.values.map((line) => line.slice());
  values[row - s.origin.row][col - s.origin.col] = value;
  return { ...s, values };
}

const key = (f: { rule: string; cell: string; kpi: string | null }) => `${f.rule} ${f.cell} ${f.kpi}`;

test.each([
  ['an actual of a breakdown row (E13 18件→1件)', 13, 5, '1件'],
  ['a printed rate made wrong (F12 75.6%→99.9%)', 12, 6, '99.9%'],
  ['an actual turned into text (F11 34件→調査中)', 11, 6, '調査中'],
])('%s', async (_name, row, col, value) => {
  const snapshots = (await sampleSnapshots()).filter((s) => s.sheet === SAMPLE_SHEET);
  const model = recognise(snapshots);
  const analysis = analyse(model);
  const edited = edit(snapshots[0], row, col, value);
  const id = model.sheets[0].kpis.find((k) => k.row === row || k.rateRow === row)!.id;
  const r = recheckKpi(model, edited, id, { analysis })!;
  const full = analyse(recognise([edited]));
  expect(r.assessment).toEqual(full.kpis[id]);
  expect(r.kpi.actuals).toEqual(recognise([edited]).sheets[0].kpis.find((k) => k.id === id)!.actuals);
  const mine = new Set(r.kpis);
  const expected = full.findings.filter((f) => f.kpi !== null && mine.has(f.kpi)).map(key).sort();
  expect(r.findings.filter((f) => f.kpi !== null && mine.has(f.kpi)).map(key).sort()).toEqual(expected);
  // the edit changed something the re-check saw
  const before = analysis.findings.filter((f) => f.kpi !== null && mine.has(f.kpi)).map(key).sort();
  expect(JSON.stringify([r.assessment, expected])).not.toBe(JSON.stringify([analysis.kpis[id], before]));
});

test('a merged area reaching past the KPI rows (C11:D13) reads as in the whole sheet', async () => {
  const [sheet] = (await sampleSnapshots()).filter((s) => s.sheet === SAMPLE_SHEET);
  const snap = { ...sheet, merges: [...sheet.merges.filter((m) => m.bottom < 11 || m.top > 13 || m.right < 3 || m.left > 4), { top: 11, left: 3, bottom: 13, right: 4 }] };
  const model = recognise([snap]);
  const analysis = analyse(model);
  const edited = edit(snap, 11, 5, null);
  const id = `${SAMPLE_SHEET}!11`;
  const r = recheckKpi(model, edited, id, { analysis })!;
  const full = analyse(recognise([edited]));
  expect(full.kpis[id].method).toBe('ratio');
  expect(r.assessment).toEqual(full.kpis[id]);
});

test.each([
  ['without an index', false],
  ['with the index of the model before the edit', true],
])('a re-listed KPI is still compared with its twin (%s)', async (_name, withIndex) => {
  const [snap] = (await sampleSnapshots()).filter((s) => s.sheet === SAMPLE_SHEET);
  const model = recognise([snap]);
  const analysis = analyse(model);
  const edited = edit(snap, 355, 5, '');
  const id = `${SAMPLE_SHEET}!355`;
  const r = recheckKpi(model, edited, id, { analysis, ...(withIndex ? { index: buildIndex(model) } : {}) })!;
  const full = analyse(recognise([edited]));
  const messages = (fs: { kpi: string | null; rule: string; message: string }[]) => fs.filter((f) => f.kpi === id).map((f) => `${f.rule} ${f.message}`).sort();
  expect(messages(full.findings).join('\n')).toContain('F46');
  expect(messages(r.findings)).toEqual(messages(full.findings));
});
