/**
 * `check --json` writes its document in pieces (src/cli/json-stream.ts): the text must stay
 * JSON.stringify(doc, null, 2)'s, byte for byte, and no piece may be the whole document.
 */
import { main } from '../../src/cli/main';
import { writeJson } from '../../src/cli/json-stream';
import { SAMPLE_PROGRESS } from '../support/sample';

const pieces = (value: unknown, depth?: number): string[] => {
  const out: string[] = [];
  writeJson(value, (p) => out.push(p), depth);
  return out;
};

test('the same text as JSON.stringify(value, null, 2), at every depth it opens', () => {
  const cases: unknown[] = [
    { a: 1 }, [], {}, 'text', 5, null, true,
    { a: [], b: {}, c: [{ x: [1, { y: [] }] }, null, 'line\nbreak "quoted" \\ slash'], d: undefined, e: () => 1, f: Symbol('s') },
    [[[[[1, 2, { a: { b: [3] } }]]]]],
    { t: new Date(0), u: [undefined, () => 1, NaN, -0, 1e21], v: { toJSON: () => ({ w: [1] }) } },
    { sheets: [{ kpis: Array.from({ length: 700 }, (_, i) => ({ id: `k${i}`, rates: { 2020: i / 3 }, e: [], o: {} })), findings: [] }] },
  ];
  for (const value of cases) {
    for (const depth of [0, 1, 2, 3, 4, 6]) expect(pieces(value, depth).join('')).toBe(JSON.stringify(value, null, 2));
  }
});

test('a long document goes out in pieces of about 64 K characters', () => {
  const doc = { sheets: [{ kpis: Array.from({ length: 5000 }, (_, i) => ({ id: `k${i}`, name: `KPI ${i}`, actuals: { 2020: i, 2021: null } })) }] };
  const out = pieces(doc);
  const text = JSON.stringify(doc, null, 2);
  expect(out.join('')).toBe(text);
  expect(out.length).toBeGreaterThan(5);
  expect(Math.max(...out.map((p) => p.length))).toBeLessThan(2 * 65536);
});

test('check --json written piece by piece is the text given line-wise to out', async () => {
  const lines: string[] = [];
  expect([0, 1]).toContain(await main(['check', SAMPLE_PROGRESS, '--json'], { out: (l) => lines.push(l), err: () => {} }));
  const written: string[] = [];
  const out: string[] = [];
  await main(['check', SAMPLE_PROGRESS, '--json'], { out: (l) => out.push(l), err: () => {}, write: (p) => written.push(p) });
  expect(out).toEqual([]);
  expect(written.length).toBeGreaterThan(2);
  expect(written.join('')).toBe(`${lines.join('\n')}\n`);
  expect(JSON.parse(written.join('')).sheets[0].kpis).toHaveLength(84);
});
