/** Every decision of src/core/years.ts (fast; `npm run mutation` runs these). */
import { formatYearLabel, parseYearLabel, yearInText } from '../../../src/core/years';

describe('parseYearLabel: styles kept for the next column', () => {
  test('era labels: template, era, 元年 and width', () => {
    expect(parseYearLabel('R1')).toEqual({ year: 2019, style: { template: 'R{n}', era: 'R', gannen: false, fullWidth: false } });
    expect(parseYearLabel('r2')).toEqual({ year: 2020, style: { template: 'R{n}', era: 'R', gannen: false, fullWidth: false } });
    expect(parseYearLabel('R元年度')).toEqual({ year: 2019, style: { template: 'R{n}年度', era: 'R', gannen: true, fullWidth: false } });
    expect(parseYearLabel('令和2年')).toEqual({ year: 2020, style: { template: '令和{n}年', era: 'R', gannen: true, fullWidth: false } });
    expect(parseYearLabel('h30')).toEqual({ year: 2018, style: { template: 'H{n}', era: 'H', gannen: false, fullWidth: false } });
    expect(parseYearLabel('平成31年度')).toEqual({ year: 2019, style: { template: '平成{n}年度', era: 'H', gannen: true, fullWidth: false } });
    expect(parseYearLabel('R07')).toEqual({ year: 2025, style: { template: 'R{nn}', era: 'R', gannen: false, fullWidth: false } });
    expect(parseYearLabel('R10')).toEqual({ year: 2028, style: { template: 'R{n}', era: 'R', gannen: false, fullWidth: false } });
    expect(parseYearLabel('Ｒ２')).toEqual({ year: 2020, style: { template: 'R{n}', era: 'R', gannen: false, fullWidth: true } });
  });

  test('era bounds: H1–H31, R1–R99', () => {
    expect(parseYearLabel('H1')?.year).toBe(1989);
    expect(parseYearLabel('H31')?.year).toBe(2019);
    expect(parseYearLabel('H32')).toBeNull();
    expect(parseYearLabel('R99')?.year).toBe(2117);
    expect(parseYearLabel('R100')).toBeNull();
    expect(parseYearLabel('R00')).toBeNull();
    expect(parseYearLabel('H0')).toBeNull();
  });

  test('western years 1989–2200, with FY, 年 or 年度', () => {
    expect(parseYearLabel('1989')).toEqual({ year: 1989, style: { template: '{y}', era: null, gannen: false, fullWidth: false } });
    expect(parseYearLabel('2200年')).toEqual({ year: 2200, style: { template: '{y}年', era: null, gannen: false, fullWidth: false } });
    expect(parseYearLabel('fy2020年度')).toEqual({ year: 2020, style: { template: 'FY{y}年度', era: null, gannen: false, fullWidth: false } });
    expect(parseYearLabel('1988')).toBeNull();
    expect(parseYearLabel('2201')).toBeNull();
    expect(parseYearLabel('２０２０')).toEqual({ year: 2020, style: { template: '{y}', era: null, gannen: false, fullWidth: true } });
  });

  test('two names of one year: both halves must agree, one era and one western', () => {
    expect(parseYearLabel('R1(2019)')).toEqual({ year: 2019, style: { template: 'R{n}(2019)'.replace('2019', '{y}'), era: 'R', gannen: false, fullWidth: false } });
    expect(parseYearLabel('2019(R元)')).toEqual({ year: 2019, style: { template: '{y}(R{n})', era: 'R', gannen: true, fullWidth: false } });
    expect(parseYearLabel('2019(2019)')).toBeNull();
    expect(parseYearLabel('R1(H31)')).toBeNull();
    expect(parseYearLabel('R1(2020)')).toBeNull();
    expect(parseYearLabel('R1(x)')).toBeNull();
    expect(parseYearLabel('x(2019)')).toBeNull();
    expect(parseYearLabel('R1((2019))')).toBeNull();
  });

  test('spaces anywhere in a label are ignored, as offices type them', () => {
    expect(parseYearLabel(' 令和 6 年度 ')).toEqual({ year: 2024, style: { template: '令和{n}年度', era: 'R', gannen: true, fullWidth: false } });
    expect(parseYearLabel('2019 ( R1 )')?.year).toBe(2019);
    expect(parseYearLabel('Ｒ　７')).toEqual({ year: 2025, style: { template: 'R{n}', era: 'R', gannen: false, fullWidth: true } });
  });

  test('a label with anything before or after it is no year label', () => {
    expect(parseYearLabel('第2019')).toBeNull();
    expect(parseYearLabel('x)R1(2019)')).toBeNull();
    expect(parseYearLabel('R1(2019)x')).toBeNull();
    expect(parseYearLabel('R1(2019))')).toBeNull();
  });

  test('anything else is no year label', () => {
    expect(parseYearLabel(42 as unknown as string)).toBeNull();
    expect(parseYearLabel('R1年度x')).toBeNull();
    expect(parseYearLabel('xR1')).toBeNull();
    expect(parseYearLabel('R123')).toBeNull();
    expect(parseYearLabel('FY19')).toBeNull();
    expect(parseYearLabel('20190')).toBeNull();
  });
});

describe('formatYearLabel', () => {
  test('元 only for year 1 of a style that writes it; two digits when padded', () => {
    const r = parseYearLabel('R2')!.style;
    expect(formatYearLabel(2019, r)).toBe('R1');
    expect(formatYearLabel(2019, parseYearLabel('R元')!.style)).toBe('R元');
    expect(formatYearLabel(2020, parseYearLabel('R元')!.style)).toBe('R2');
    expect(formatYearLabel(2019, parseYearLabel('R02')!.style)).toBe('R01');
    expect(formatYearLabel(2030, parseYearLabel('R02')!.style)).toBe('R12');
    expect(formatYearLabel(2018, parseYearLabel('H29')!.style)).toBe('H30');
    expect(formatYearLabel(2025, parseYearLabel('Ｒ２年度')!.style)).toBe('Ｒ７年度');
    expect(formatYearLabel(2025, parseYearLabel('ＦＹ２０２０')!.style)).toBe('ＦＹ２０２５');
    expect(formatYearLabel(2025, parseYearLabel('2020')!.style)).toBe('2025');
  });
});

describe('yearInText: a year written inside a header', () => {
  test('the first year label in the text', () => {
    expect(yearInText('R6目標')?.year).toBe(2024);
    expect(yearInText('目標値(R6)')?.year).toBe(2024);
    expect(yearInText('目標値（令和６年度）')?.year).toBe(2024);
    expect(yearInText('基準値 平成 30 年度')?.year).toBe(2018);
    expect(yearInText('FY2024目標')?.year).toBe(2024);
    expect(yearInText('2024年度目標')?.year).toBe(2024);
    expect(yearInText('目標(2024年)')?.year).toBe(2024);
    expect(yearInText('基準H30→目標R6')?.year).toBe(2018);
    expect(yearInText('R元年度')?.year).toBe(2019);
  });

  test('a whole label keeps its own style (both names of the year, FY, 年度)', () => {
    expect(yearInText('R1(2019)')).toEqual(parseYearLabel('R1(2019)'));
    expect(yearInText('R1(2019)')?.style.template).toBe('R{n}({y})');
    expect(yearInText('目標FY2024')?.style.template).toBe('FY{y}');
    expect(yearInText('目標FY2024年度まで')?.style.template).toBe('FY{y}年度');
  });

  test('years without 年 or 年度 inside a header', () => {
    expect(yearInText('目標令和6')).toEqual({ year: 2024, style: { template: '令和{n}', era: 'R', gannen: true, fullWidth: false } });
    expect(yearInText('目標2024')).toEqual({ year: 2024, style: { template: '{y}', era: null, gannen: false, fullWidth: false } });
    expect(yearInText('目標2024年')?.style.template).toBe('{y}年');
  });

  test('letters before R or H are words, not eras; impossible years are skipped', () => {
    expect(yearInText('FR6目標')).toBeNull();
    expect(yearInText('CH3')).toBeNull();
    expect(yearInText('H45 から R2')?.year).toBe(2020);
    expect(yearInText('3000年度から2020年度')?.year).toBe(2020);
    expect(yearInText('目標値')).toBeNull();
    expect(yearInText('')).toBeNull();
  });
});
