/** Printed legends (凡例) of grades and trend marks, and the grade a legend gives a rate (issue #11). */
import { gradeFromLegend, parseLegendText, trendFromLegend } from '../../src/core/legend';

const bands = (text: string) => parseLegendText(text).map((l) => [l.kind, l.entries.map((e) => [e.symbol, e.label, e.min, e.max])]);

test('letters with conditions: bands from "以上", "80~99%", "50%未満"', () => {
  const [legend] = parseLegendText('A:順調(「実績値」が「期待値」以上), B+:概ね順調(…80~99%), B:やや遅れ(…50~79%), C:遅れ(…50%未満)');
  expect(legend.entries.map((e) => [e.symbol, e.min])).toEqual([['A', 1], ['B+', 0.8], ['B', 0.5], ['C', null]]);
  expect([1.2, 1, 0.999, 0.8, 0.799, 0.5, 0.49, 0].map((r) => gradeFromLegend(legend, r)?.symbol)).toEqual(['A', 'A', 'B+', 'B+', 'B', 'B', 'C', 'C']);
});

test('◎○△× with the four status words get the usual bands; full-width letters and 〇 are normalised', () => {
  expect(bands('評価: ◎順調 ○概ね順調 △やや遅れ ×遅れ')).toEqual([['grade', [['◎', '順調', 1, null], ['○', '概ね順調', 0.8, null], ['△', 'やや遅れ', 0.5, null], ['×', '遅れ', null, null]]]]);
  expect(bands('Ａ：順調、Ｂ：概ね順調、Ｃ：やや遅れ、Ｄ：遅れ')[0][1]).toEqual([['A', '順調', 1, null], ['B', '概ね順調', 0.8, null], ['C', 'やや遅れ', 0.5, null], ['D', '遅れ', null, null]]);
});

test('two sections: 改善・悪化 marks and 達成度 words without bands (no grade can be computed from them)', () => {
  const [trend, grade] = parseLegendText('改善・悪化:改善○,維持△,悪化×,未実施 / 達成度:順調A,要改善B,未実施-');
  expect(trend.kind).toBe('trend');
  expect(trendFromLegend(trend, 'improved')?.symbol).toBe('○');
  expect(trendFromLegend(trend, 'kept')?.symbol).toBe('△');
  expect(trendFromLegend(trend, 'worsened')?.symbol).toBe('×');
  expect(grade.entries.map((e) => e.symbol)).toEqual(['A', 'B']);
  expect(gradeFromLegend(grade, 1.5)).toBeNull();
});

test('ordinary cells are no legend', () => {
  for (const t of ['企業立地協定締結件数 10 件', '≪成果と見直し≫ 被害は改善したが遅れもある', '基本目標1 しごとをつくる', 'A', '順調']) expect(parseLegendText(t)).toEqual([]);
});

test('a text without a legend reads the same when asked again; legends found are fresh objects each time', () => {
  const heading = '基本目標① しごとをつくり、安心して働けるようにする';
  expect(parseLegendText(heading)).toEqual([]);
  expect(parseLegendText(heading)).toBe(parseLegendText(heading));
  // a status word without two entries is no legend either, asked twice
  expect(parseLegendText('進捗は順調です')).toEqual([]);
  expect(parseLegendText('進捗は順調です')).toEqual([]);
  const text = '達成度:順調A,要改善B,未実施-';
  const first = parseLegendText(text, 3, 4);
  const again = parseLegendText(text, 7, 8);
  expect(again).not.toBe(first);
  expect(again[0].entries).not.toBe(first[0].entries);
  expect([first[0].row, first[0].col, again[0].row, again[0].col]).toEqual([3, 4, 7, 8]);
  expect(again.map((l) => l.entries)).toEqual(first.map((l) => l.entries));
});
