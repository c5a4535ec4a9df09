/**
 * Garbage in: random grids built from progress-sheet words, numbers, errors and merges. Recognition
 * must answer every time (a model or a reason) and never fall into its internal-error path.
 */
import fc from 'fast-check';
import { isUnrecognised, recognise, recogniseSheet } from '../../src/core/recognise';
import type { CellValue, GridSnapshot } from '../../src/core/snapshot';

const WORDS = [
  '重要業績評価指標 (KPI)', '基準値 (H30)', '目標値 (R6)', 'R1', 'R2', '令和3年度', '2022', '事業費 (千円)', '担当課', '備 考', 'シート No.',
  '実績値', '達成率', '26件', '68.9%', '-', '(4件)', '▲2,530', '3日以上', '見直し完了', '#REF!', '#DIV/0!', '(内訳) 内訳', '(再掲)',
  '基本目標①', '■全体目標', 'i 人材', '施策：', '事業等：', '《基本方針》', '', '   ', 'R元', 'H31', 'FY2019', '１２３', '～累計',
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.constant(null),
  fc.double({ noNaN: false }),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.boolean(),
  fc.string({ maxLength: 8 }),
);

const snapshot: fc.Arbitrary<GridSnapshot> = fc
  .record({
    rows: fc.integer({ min: 0, max: 25 }),
    cols: fc.integer({ min: 0, max: 16 }),
    originRow: fc.integer({ min: 1, max: 5 }),
    originCol: fc.integer({ min: 1, max: 5 }),
    seed: fc.array(cell, { minLength: 400, maxLength: 400 }),
    merges: fc.array(fc.record({ top: fc.integer({ min: -2, max: 30 }), left: fc.integer({ min: -2, max: 20 }), h: fc.integer({ min: 0, max: 3 }), w: fc.integer({ min: 0, max: 3 }) }), { maxLength: 6 }),
    formats: fc.array(fc.constantFrom(null, 'General', '0.0%', '#,##0"件"', '0"日以上"', '@'), { minLength: 1, maxLength: 5 }),
  })
  .map(({ rows, cols, originRow, originCol, seed, merges, formats }) => ({
    sheet: 'fuzz',
    origin: { row: originRow, col: originCol },
    values: Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => seed[(r * cols + c) % seed.length])),
    formulas: Array.from({ length: rows }, () => Array.from({ length: cols }, () => null)),
    numberFormats: Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => formats[(r + c) % formats.length])),
    merges: merges.map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w })),
  }));

test('random grids: a model or a clear reason, never an internal error', () => {
  fc.assert(
    fc.property(snapshot, (s) => {
      const r = recogniseSheet(s);
      if (isUnrecognised(r)) {
        expect(r.reason).not.toContain('読み取れませんでした');
        expect(r.reason.length).toBeGreaterThan(5);
      } else {
        for (const k of r.kpis) {
          // Two-row tables keep the rate under the actual; one-row layouts on the same row (or none);
          // blocks further down the KPI's own rows.
          const layout = r.tables[k.tableIndex]?.layout ?? 'two-row';
          if (layout === 'two-row') expect(k.rateRow).toBe(k.row + 1);
          else if (layout === 'block') expect(k.rateRow === null || k.rateRow > k.row).toBe(true);
          else expect(k.rateRow === null || k.rateRow === k.row).toBe(true);
        }
      }
    }),
    { numRuns: 400, seed: 20261125 },
  );
});

test('a table of random cells under a real header row', () => {
  const header: CellValue[] = ['重要業績評価指標 (KPI)', null, '基準値 (H30)', '目標値 (R6)', 'R1', 'R2', '担当課'];
  fc.assert(
    fc.property(fc.array(fc.array(cell, { minLength: 7, maxLength: 7 }), { maxLength: 12 }), (rows) => {
      const values = [header, ...rows.map((r, i) => [r[0], i % 2 ? '達成率' : '実績値', ...r.slice(2)])];
      const s: GridSnapshot = { sheet: 't', origin: { row: 1, col: 1 }, values, formulas: values.map((r) => r.map(() => null)), numberFormats: values.map((r) => r.map(() => null)), merges: [] };
      const m = recognise([s]);
      for (const u of m.unrecognised) expect(u.reason).not.toContain('読み取れませんでした');
    }),
    { numRuns: 300, seed: 7 },
  );
});

test('malformed snapshots: ragged rows, missing arrays', () => {
  const ragged = { sheet: 'r', origin: { row: 1, col: 1 }, values: [['重要業績評価指標', '基準値', '目標値', 'R1'], ['x'], []], formulas: [], numberFormats: [], merges: [] } as GridSnapshot;
  const r = recogniseSheet(ragged) as { sheet: string; reason?: string };
  expect(r.sheet).toBe('r');
  expect(r.reason ?? '').not.toContain('読み取れませんでした');
  const hollow = { sheet: 'h', origin: { row: 1, col: 1 }, values: [], formulas: [], numberFormats: [] } as unknown as GridSnapshot;
  expect(recogniseSheet(hollow)).toEqual({ sheet: 'h', reason: 'シート「h」は空です。', reasonEn: 'Sheet "h" is empty.' });
});
