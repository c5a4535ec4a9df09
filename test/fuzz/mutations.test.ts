/**
 * Property: for any mutation of the bundled sample, check + fill + flag + link + add-year + undo
 * through the .xlsx host never throw, change no cell outside their plans, point findings only at
 * existing cells, and undo restores every cell. Fixed seed here (FUZZ_SEED / FUZZ_RUNS override);
 * `npm run fuzz` runs 10,000+ with fresh seeds.
 */
import fc from 'fast-check';
import { emptyStats, fuzzProperty } from './property';
import { loadSampleGrid } from './properties';
import { buildWorkbook, FAMILY_NAMES, fuzzCaseArb, mutatedGrid, type FuzzCase } from './mutate';
import { changesOutsidePlan, factsOf, runCase } from './properties';
import { XlsxHost } from '../../src/xlsx/host';
import type { EditPlan } from '../../src/core/plan';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);

describe('mutated workbooks', () => {
  test('the harness itself sees changes: a mutated cell differs and a planned edit is tracked', async () => {
    const sample = await loadSampleGrid();
    const c: FuzzCase = { window: { from: 0, count: 1 }, mutations: [{ op: 'clearRates', table: 0 }], management: ['08'] };
    const r = await runCase(sample, c);
    expect(r.problems).toEqual([]);
    expect(r.kpis).toBe(7);
    expect(r.applied.fill).toBeGreaterThan(0);
    expect(r.applied['add-year']).toBeGreaterThan(0);
    expect(r.applied.link).toBeGreaterThan(0);
    const wb = buildWorkbook(mutatedGrid(sample, c), c.management);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['進捗状況一覧表', '08']);
  });

  test('the no-change-outside-the-plan check catches a stray change and follows inserted columns', async () => {
    const sample = await loadSampleGrid();
    const wb = buildWorkbook(mutatedGrid(sample, { window: { from: 0, count: 1 }, mutations: [], management: [] }), []);
    const ws = wb.worksheets[0];
    const sheet = ws.name;
    const plan = (edits: EditPlan['edits']): EditPlan => ({ command: 'fill', summary: '', edits, notices: [] });
    const before = factsOf(wb);
    const host = XlsxHost.fromWorkbook(wb);
    await host.applyPlan(plan([{ kind: 'setCell', sheet, row: 5, col: 5, expect: null, content: { value: '1%' } }]));
    expect(changesOutsidePlan(before, factsOf(wb), plan([{ kind: 'setCell', sheet, row: 5, col: 5, expect: null, content: { value: '1%' } }]))).toEqual([]);
    expect(changesOutsidePlan(before, factsOf(wb), plan([]))).toEqual([expect.stringContaining(`${sheet}|5,5`)]);
    const shifted = factsOf(wb);
    const insert = plan([{ kind: 'insertColumn', sheet, col: 3, formatFrom: 2 }]);
    await host.applyPlan(insert);
    expect(changesOutsidePlan(shifted, factsOf(wb), insert)).toEqual([]);
    ws.getCell(4, 8).value = 'stray';
    expect(changesOutsidePlan(shifted, factsOf(wb), insert)).toEqual([expect.stringContaining(`${sheet}|4,8`)]);
  });

  test.each(FAMILY_NAMES)('the %s layout family: as built, then mutated', async (family) => {
    const sample = await loadSampleGrid();
    const plain = await runCase(sample, { window: { from: 0, count: 1 }, mutations: [], management: [], family });
    expect(plain.problems).toEqual([]);
    expect(plain.kpis).toBeGreaterThan(0);
    const stats = emptyStats();
    const runs = Math.max(10, Math.round(RUNS / 25));
    await fc.assert(fc.asyncProperty(fuzzCaseArb.map((c) => ({ ...c, family })), async (c) => {
      const r = await runCase(sample, c);
      stats.cases++;
      stats.kpis += r.kpis;
      if (r.problems.length) throw new Error(r.problems.slice(0, 8).join('\n'));
    }), { numRuns: runs, seed: SEED });
    expect(stats.kpis).toBeGreaterThan(0);
  }, 300000);

  test(`${RUNS} random cases (seed ${SEED})`, async () => {
    const sample = await loadSampleGrid();
    const stats = emptyStats();
    const started = Date.now();
    await fc.assert(fuzzProperty(sample, stats), { numRuns: RUNS, seed: SEED });
    const seconds = (Date.now() - started) / 1000;
    // printed so CI logs show what was covered and how long it took
    console.log(`fuzz: ${stats.cases} cases in ${seconds.toFixed(1)} s; ${stats.kpis} KPIs; applied ${JSON.stringify(stats.applied)}`);
    expect(stats.cases).toBeGreaterThanOrEqual(RUNS);
    expect(stats.applied.fill).toBeGreaterThan(0);
    expect(stats.applied.flag).toBeGreaterThan(0);
    expect(stats.applied.link).toBeGreaterThan(0);
    expect(stats.applied['add-year']).toBeGreaterThan(0);
    // the user's own edits between a command and its undo (issue #16)
    expect(stats.applied.later).toBeGreaterThan(RUNS / 10);
    expect(stats.rechecked).toBeGreaterThan(RUNS / 4);
  }, 600000);
});
