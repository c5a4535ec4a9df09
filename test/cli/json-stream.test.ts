/**
 * `check --json` writes its document in pieces (src/cli/json-stream.ts): the text must stay
 * JSON.stringify(doc, null, 2)'s, byte for byte, and no piece may be the whole document.
 */
import { main } from '../../src/cli/main';
import fc from 'fast-check';
import { stringText, valueText, writeJson, type JsonText } from '../../src/cli/json-stream';
import { buildCheckDocument, analyseForCheck, readFileForCheck } from '../../src/cli/commands/check';
import { ByYear } from '../../src/core/by-year';
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

/** JSON.stringify(x, null, 2)'s text of x as it stands at indent level n (inside n arrays), without its leading spaces. */
function atLevel(x: unknown, n: number): string {
  let wrapped = x;
  for (let i = 0; i < n; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  return text.slice(n * n + 3 * n, text.length - n * n - n);
}

test('valueText is JSON.stringify(x, null, 2) placed at its level; undefined where a member is left out', () => {
  const cases: unknown[] = ['a"b\\c\n', 0, -0, 1.5e-7, 1e21, NaN, Infinity, true, false, null, [], {}, [1, 'x', null, undefined, () => 1, [[]], { a: {} }], { a: 1, b: undefined, c: [{ d: 'e' }], 2020: 3, 1: 'one' }, new Date(0), { toJSON: () => [1, 2] }];
  for (const x of cases) {
    for (const n of [0, 1, 4]) expect(valueText(x, n)).toBe(atLevel(x, n));
  }
  for (const x of [undefined, () => 1, Symbol('s')]) expect(valueText(x, 2)).toBeUndefined();
});

test('an item that writes its own text (JsonText) is asked for it at its level; JSON.stringify keeps its toJSON', () => {
  const asked: number[] = [];
  const item = (i: number): JsonText => ({
    toJSON: () => ({ i, by: { 2020: i } }),
    jsonText: (level) => {
      asked.push(level);
      return atLevel({ i, by: { 2020: i } }, level);
    },
  });
  const doc = { sheets: [{ kpis: [item(0), { plain: 1 }, item(2), ...Array.from({ length: 600 }, (_, i) => ({ plain: i })), item(3)] }], top: item(9) };
  const text = pieces(doc).join('');
  expect(text).toBe(JSON.stringify(doc, null, 2));
  expect(asked).toEqual([4, 4, 4, 1]);
});

test('check --json: each KPI written as text is the text of its object form, years in any order and odd values too', async () => {
  const { read } = await readFileForCheck(SAMPLE_PROGRESS, 'ja');
  const { model, snapshots, analysis } = analyseForCheck(read, 'ja');
  const kpis = model.sheets[0].kpis;
  // years a record would not keep in ByYear's order, a missing text, odd numbers
  kpis[0].actuals = new ByYear([2021, -1, 2019.5], [{ ...kpis[0].actuals.values[0], kind: 'number', value: NaN }, { ...kpis[0].actuals.values[0], text: undefined as unknown as string }, kpis[0].actuals.values[0]]);
  kpis[1].expected = ByYear.from([[2020, { kind: 'number', value: -0, text: '-0' }]]) as typeof kpis[1]['expected'];
  kpis[1].expectedRow = undefined;
  kpis[2].printedGrades = new ByYear([], []);
  const doc = buildCheckDocument(SAMPLE_PROGRESS, model, analysis, 'ja', snapshots);
  expect(typeof (doc.sheets[0].kpis[0] as unknown as JsonText).jsonText).toBe('function');
  expect(pieces(doc).join('')).toBe(JSON.stringify(doc, null, 2));
  expect(JSON.stringify(doc, null, 2)).toContain('"2019.5": ');
});

test('stringText is JSON.stringify of the string, escapes and all', () => {
  for (const x of ['', 'plain', '進捗状況一覧表 ▲2,530', '😀 pair', '\ud800 lone', 'lone \udfff', '\u2028\u2029', '\u007f', '\u0000\u001f', 'tab\t', 'quote"', 'back\\slash', '</script>']) {
    expect(stringText(x)).toBe(JSON.stringify(x));
  }
  fc.assert(fc.property(fc.string({ unit: 'binary' }), (x) => stringText(x) === JSON.stringify(x)), { numRuns: 2000, seed: 3 });
  fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }), (x) => stringText(x) === JSON.stringify(x)), { numRuns: 2000, seed: 5 });
});
