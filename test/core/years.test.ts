import { formatYearLabel, parseYearLabel, yearInText } from '../../src/core/years';

test.each([
  ['R1', 2019],
  ['R元', 2019],
  ['令和元年度', 2019],
  ['令和6年度', 2024],
  ['H31', 2019],
  ['H30', 2018],
  ['平成27年度', 2015],
  ['2019', 2019],
  ['2019年度', 2019],
  ['FY2019', 2019],
  ['Ｒ１', 2019],
  ['Ｒ６年度', 2024],
  ['２０２０年度', 2020],
  [' R2 ', 2020],
  ['R1年度', 2019],
  ['R01', 2019],
  ['R1(2019)', 2019],
  ['2019（R1）', 2019],
])('%s is fiscal year %i', (label, year) => {
  expect(parseYearLabel(label)?.year).toBe(year);
});

test.each(['R1(2020)', 'R1(H31)', '', '実績値', 'R', 'H32', 'R0', '19', '12345', 'ＲⅠ', '基準値', '1,100', 'R6着手予定', '事業費(千円)'])('%s is not a year label', (label) => {
  expect(parseYearLabel(label)).toBeNull();
});

test.each([
  ['R1', 2025, 'R7'],
  ['R元', 2019, 'R元'],
  ['R元', 2020, 'R2'],
  ['令和元年度', 2025, '令和7年度'],
  ['令和2年度', 2019, '令和元年度'],
  ['2019年度', 2025, '2025年度'],
  ['FY2019', 2025, 'FY2025'],
  ['2019', 2021, '2021'],
  ['H30', 2018, 'H30'],
  ['Ｒ１', 2025, 'Ｒ７'],
  ['R1年度', 2030, 'R12年度'],
  ['R01', 2025, 'R07'],
  ['R1(2019)', 2025, 'R7(2025)'],
  ['2019(R元)', 2020, '2020(R2)'],
  ['令和元年度(2019年度)', 2024, '令和6年度(2024年度)'],
])('a new year in the style of %s: %i → %s', (label, year, expected) => {
  const parsed = parseYearLabel(label)!;
  expect(formatYearLabel(year, parsed.style)).toBe(expected);
  expect(parseYearLabel(expected)?.year).toBe(year);
});

test('years inside headers', () => {
  expect(yearInText('基準値 (H30)')?.year).toBe(2018);
  expect(yearInText('基準値(H30)')?.year).toBe(2018);
  expect(yearInText('目標値（令和6年度）')?.year).toBe(2024);
  expect(yearInText('目標値 (2024年度)')?.year).toBe(2024);
  expect(yearInText('現状値（Ｈ３０）')?.year).toBe(2018);
  expect(yearInText('目標値')).toBeNull();
  expect(yearInText('事業費 (千円)')).toBeNull();
});
