/**
 * analyse() on mangled copies of the sample: whatever people type into the cells, the engine gives
 * findings (never a throw), every finding names a real cell with a message, and the KPI定義 reader
 * survives any grid.
 */
import fc from 'fast-check';
import { analyse } from '../../src/core/analyse';
import { readDefinitions } from '../../src/core/definitions';
import { recognise } from '../../src/core/recognise';
import type { CellValue, GridSnapshot } from '../../src/core/snapshot';
import { parseAddress } from '../../src/core/snapshot';
import { sampleSnapshots } from '../support/sample';

let base: GridSnapshot;
beforeAll(async () => {
  base = (await sampleSnapshots())[0];
});

const cellText = fc.oneof(
  fc.constantFrom('-', '', '▲12件', '0件', '0', '100%', '1e300', '#REF!', '3日以上', '(4件)', '0.0%', '見直し完了', '=SUM(A1)', '－', '12,345.6千㎡'),
  fc.string({ maxLength: 6 }),
);
const cellValue: fc.Arbitrary<CellValue> = fc.oneof(cellText, fc.double({ noNaN: false }), fc.integer(), fc.constant(null), fc.boolean());

test('mangled progress sheets: no throw, every finding at a real cell with a message', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(), cellValue), { minLength: 1, maxLength: 40 }), fc.constantFrom<'ja' | 'en'>('ja', 'en'), (edits, lang) => {
      const values = base.values.map((r) => [...r]);
      for (const [r, c, v] of edits) {
        // Mostly inside the KPI tables' columns (A–N), where the rules look.
        values[r % values.length][c % Math.min(14, values[0].length)] = v;
      }
      const model = recognise([{ ...base, values }]);
      const a = analyse(model, { lang });
      for (const f of a.findings) {
        const at = parseAddress(f.cell);
        expect(at).not.toBeNull();
        expect(at!.row).toBeGreaterThanOrEqual(1);
        expect(at!.row).toBeLessThanOrEqual(values.length);
        expect(f.message.length).toBeGreaterThan(20);
        expect(f.message).not.toMatch(/undefined|\[object/);
      }
      for (const k of Object.values(a.kpis)) for (const r of k.rates.values) expect(r === null || Number.isFinite(r)).toBe(true);
    }),
    { numRuns: 40, seed: 4 },
  );
});

test('readDefinitions on any grid: no throw, problems name cells', () => {
  fc.assert(
    fc.property(fc.array(fc.array(cellValue, { minLength: 1, maxLength: 15 }), { minLength: 1, maxLength: 12 }), fc.boolean(), (rows, withHeader) => {
      const width = 15;
      const grid = (withHeader ? [['KPI名', '単位', '方向', '累計', '達成率の計算', '基準値', '基準年度', '目標値', '目標年度', '下限', '上限'] as CellValue[], ...rows] : rows)
        .map((r) => [...r, ...Array(width - r.length).fill(null)].slice(0, width));
      const s: GridSnapshot = { sheet: 'KPI定義', origin: { row: 1, col: 1 }, values: grid, formulas: grid.map((r) => r.map(() => null)), numberFormats: grid.map((r) => r.map(() => null)), merges: [] };
      const d = readDefinitions(s);
      for (const p of d.problems) expect(parseAddress(p.cell)).not.toBeNull();
      expect(d.bands.A).toBeGreaterThanOrEqual(d.bands.B);
      expect(d.bands.B).toBeGreaterThanOrEqual(d.bands.C);
    }),
    { numRuns: 200, seed: 4 },
  );
});
