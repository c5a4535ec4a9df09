/**
 * Every decision of the number parser in src/core/values.ts (fast; `npm run mutation` runs these).
 */
import {
  decimalsFromFormat, displayNumber, isPercentFormat, KNOWN_UNITS, parseRate, parseValue, readNumberText, unitFromFormat,
} from '../../../src/core/values';

describe('readNumberText: one number with a unit, or nothing', () => {
  test('"1,5件" is not 15: a comma groups exactly three digits', () => {
    expect(readNumberText('1,5件')).toBeNull();
    expect(parseValue('1,5件')).toMatchObject({ kind: 'text', value: null });
    expect(readNumberText('1,50件')).toBeNull();
    expect(readNumberText('1,500件')).toEqual({ value: 1500, unit: '件', qualifier: null });
    expect(readNumberText('12,345,678人')).toEqual({ value: 12345678, unit: '人', qualifier: null });
    expect(readNumberText('１，５００件')).toEqual({ value: 1500, unit: '件', qualifier: null });
  });

  test('numbers in exponent form are no figures a sheet writes as text', () => {
    expect(readNumberText('1e3')).toBeNull();
    expect(readNumberText('1.5E-7')).toBeNull();
    expect(parseValue('2e5件')).toMatchObject({ kind: 'text' });
  });

  test('numeric cells in exponent form keep their value and show as JavaScript writes them', () => {
    expect(parseValue(1e-7)).toMatchObject({ kind: 'number', value: 1e-7, text: '1e-7' });
    expect(parseValue(1e21)).toMatchObject({ kind: 'number', value: 1e21, text: '1e+21' });
    expect(parseValue(2.5e-3, '0.0%')).toMatchObject({ kind: 'number', value: 0.25, unit: '%', text: '0.3%' });
  });

  test('signs: ▲ △ - − － are negative; a lone sign or a trailing point is no number', () => {
    for (const sign of ['▲', '△', '-', '−', '－']) expect(readNumberText(`${sign}12件`)).toEqual({ value: -12, unit: '件', qualifier: null });
    expect(readNumberText('▲')).toBeNull();
    expect(readNumberText('+12')).toBeNull();
    expect(readNumberText('.5ha')).toEqual({ value: 0.5, unit: 'ha', qualifier: null });
    expect(readNumberText('.55ha')).toEqual({ value: 0.55, unit: 'ha', qualifier: null });
    expect(readNumberText('-.5')).toEqual({ value: -0.5, unit: null, qualifier: null });
  });

  test('minus zero is zero', () => {
    const z = readNumberText('▲0件')!;
    expect(Object.is(z.value, 0)).toBe(true);
    expect(Object.is(parseValue('-0').value, 0)).toBe(true);
  });

  test('spaces anywhere and full-width digits are read', () => {
    expect(readNumberText(' 1 2 件 ')).toEqual({ value: 12, unit: '件', qualifier: null });
    expect(readNumberText('１２．５ｋｍ')).toEqual({ value: 12.5, unit: 'km', qualifier: null });
  });

  test('a unit is short, without digits or sentence punctuation', () => {
    expect(readNumberText('3コース以上')).toEqual({ value: 3, unit: 'コース', qualifier: 'atLeast' });
    expect(readNumberText('3ABCDEFG')).toBeNull(); // 7 characters
    expect(readNumberText('3ABCDEF')).toEqual({ value: 3, unit: 'ABCDEF', qualifier: null });
    for (const bad of ['3校・13回', '3人、', '3人。', '3(人)', '3（人）', '3人:', '3人：', '1回以上13校', '3 人 2']) {
      expect(readNumberText(bad)).toBeNull();
    }
  });

  test('qualifiers: 以上 以下 未満 超, and a qualifier alone has no unit', () => {
    expect(readNumberText('3以上')).toEqual({ value: 3, unit: null, qualifier: 'atLeast' });
    expect(readNumberText('3以下')).toEqual({ value: 3, unit: null, qualifier: 'atMost' });
    expect(readNumberText('3未満')).toEqual({ value: 3, unit: null, qualifier: 'under' });
    expect(readNumberText('3超')).toEqual({ value: 3, unit: null, qualifier: 'over' });
    expect(readNumberText('3人以上')).toEqual({ value: 3, unit: '人', qualifier: 'atLeast' });
  });

  test('a figure too large for a number is no number', () => {
    expect(readNumberText('9'.repeat(400))).toBeNull();
    expect(readNumberText('9'.repeat(300))).toEqual({ value: Number('9'.repeat(300)), unit: null, qualifier: null });
  });

  test('the known units are the ones real sheets use', () => {
    expect(KNOWN_UNITS).toEqual(expect.arrayContaining(['件', '人', '%', '千円', 'ha', 'か所']));
  });

  test('the known units are all read as units', () => {
    for (const u of KNOWN_UNITS) expect(readNumberText(`7${u}`)).toEqual({ value: 7, unit: u, qualifier: null });
  });
});

describe('parseValue', () => {
  test('a reference figure in brackets "(4件)" is a reference, never an actual', () => {
    expect(parseValue('(4件)')).toMatchObject({ kind: 'reference', value: 4, unit: '件' });
    expect(parseValue('（ 4件 ）')).toMatchObject({ kind: 'reference', value: 4, unit: '件' });
    expect(parseValue('(予定)')).toMatchObject({ kind: 'text', value: null });
    expect(parseValue('(4件')).toMatchObject({ kind: 'text' });
    expect(parseValue('4件)')).toMatchObject({ kind: 'text' });
    expect(parseValue('(4件)x')).toMatchObject({ kind: 'text', value: null });
  });

  test('what a sheet writes instead of numbers', () => {
    expect(parseValue(null, null)).toEqual({ text: '', kind: 'empty', value: null, unit: null, qualifier: null });
    expect(parseValue('  ')).toMatchObject({ kind: 'empty', text: '' });
    expect(parseValue(true)).toMatchObject({ kind: 'text', text: 'TRUE' });
    expect(parseValue(false)).toMatchObject({ kind: 'text', text: 'FALSE' });
    expect(parseValue('#DIV/0!')).toMatchObject({ kind: 'error', value: null });
    expect(parseValue('－')).toMatchObject({ kind: 'none', value: null });
    expect(parseValue(Number.NaN)).toMatchObject({ kind: 'error', text: 'NaN' });
    expect(parseValue(Infinity)).toMatchObject({ kind: 'error', text: 'Infinity' });
  });

  test('the formula is kept; no formula key without one, and no position (a value is shared by its cells)', () => {
    expect(parseValue('5件', null, '=A1')).toMatchObject({ formula: '=A1' });
    expect('formula' in parseValue('5件', null)).toBe(false);
    expect('formula' in parseValue(5, null, null)).toBe(false);
    expect(parseValue(5, null, '=B2')).toMatchObject({ formula: '=B2' });
    expect('row' in parseValue(5, null, '=B2') || 'col' in parseValue('5件')).toBe(false);
  });

  test('numbers: units and qualifiers from the format, percent formats in percent points', () => {
    expect(parseValue(26, '#,##0"件"')).toMatchObject({ kind: 'number', value: 26, unit: '件', qualifier: null, text: '26件' });
    expect(parseValue(3, '0"日以上"')).toMatchObject({ value: 3, unit: '日', qualifier: 'atLeast' });
    expect(parseValue(3, '0"以上"')).toMatchObject({ value: 3, unit: null, qualifier: 'atLeast' });
    expect(parseValue(0.404, '0.0%')).toMatchObject({ value: 40.4, unit: '%', text: '40.4%' });
    expect(parseValue(0.1 + 0.2, '0%')).toMatchObject({ value: 30 });
    expect(parseValue(12, null)).toMatchObject({ value: 12, unit: null, text: '12' });
  });

  test('text numbers take the format\'s unit only when they have none', () => {
    expect(parseValue('26', '0"件"')).toMatchObject({ kind: 'number', value: 26, unit: '件' });
    expect(parseValue('26人', '0"件"')).toMatchObject({ kind: 'number', value: 26, unit: '人' });
  });

  test('figures with a note in brackets, after or before', () => {
    expect(parseValue('7,077 (速報値)')).toMatchObject({ kind: 'number', value: 7077, annotation: '速報値' });
    expect(parseValue('12,345[H26]')).toMatchObject({ kind: 'number', value: 12345, annotation: 'H26' });
    expect(parseValue('[令和元年度] 50件')).toMatchObject({ kind: 'number', value: 50, unit: '件', annotation: '令和元年度' });
    expect(parseValue('50 (2019年度)', '0"人"')).toMatchObject({ value: 50, unit: '人', annotation: '2019年度' });
    // each way offices write the note
    for (const note of ['速報', '見込', '見込値', '見込み値', '暫定', '推計', '確定値', 'H 26', 'R2 年度', 'H26年', '平成 26 年', '平成26年度', '令和 2 年', '令和元年度', '令和10年度', '2019 年', '2019年度']) {
      expect(parseValue(`12,345 (${note})`)).toMatchObject({ kind: 'number', value: 12345, annotation: note });
    }
    expect(parseValue('見直し (速報値)')).toMatchObject({ kind: 'text' });
    expect(parseValue('50 (見直し)')).toMatchObject({ kind: 'text' });
  });
});

describe('number formats', () => {
  test('unitFromFormat: a quoted or escaped suffix; % as percent; prefixes and digits are no units', () => {
    expect(unitFromFormat('0.0%')).toBe('%');
    expect(unitFromFormat('0.0"%"')).toBe('%');
    expect(unitFromFormat('#,##0"件";[Red]-#,##0"件"')).toBe('件');
    expect(unitFromFormat('[$-411]0"人"')).toBe('人');
    expect(unitFromFormat('"約"0')).toBeNull();
    expect(unitFromFormat('0"12"')).toBeNull();
    expect(unitFromFormat('0" "')).toBeNull();
    expect(unitFromFormat('0\\h\\a')).toBe('ha');
    expect(unitFromFormat('0\\')).toBeNull();
    expect(unitFromFormat('General')).toBeNull();
    expect(unitFromFormat('')).toBeNull();
    expect(unitFromFormat(null)).toBeNull();
    expect(unitFromFormat('0;0"%"')).toBeNull();
    expect(unitFromFormat('?"人"')).toBe('人');
    // a percent sign inside quoted text is no percent; nor is quoted text before the digits a unit
    expect(unitFromFormat('"約%"0')).toBeNull();
    expect(unitFromFormat('0"件"0')).toBeNull();
    expect(unitFromFormat('0"件" ')).toBe('件');
    // an escaped prefix is no unit either
    expect(unitFromFormat('\\約0')).toBeNull();
    // bracketed tokens (colours, conditions, locales) are skipped wherever they stand, even between digits and unit
    expect(unitFromFormat('#,##0[$-411]"件"')).toBe('件');
    expect(unitFromFormat('0[Red]"人"')).toBe('人');
  });

  test('decimalsFromFormat', () => {
    expect(decimalsFromFormat('0.0%')).toBe(1);
    expect(decimalsFromFormat('#,##0.00"件"')).toBe(2);
    expect(decimalsFromFormat('0.##')).toBe(2);
    expect(decimalsFromFormat('#,##0')).toBe(0);
    expect(decimalsFromFormat('0%')).toBe(0);
    expect(decimalsFromFormat('"0.00"@')).toBeNull();
    expect(decimalsFromFormat('General')).toBeNull();
    expect(decimalsFromFormat('general')).toBeNull();
    expect(decimalsFromFormat('@')).toBeNull();
    expect(decimalsFromFormat(null)).toBeNull();
    expect(decimalsFromFormat('0;0.000')).toBe(0);
    // only a format that is General as a whole has no fixed decimals; a later General section does not count
    expect(decimalsFromFormat('#,##0;-#,##0;General')).toBe(0);
  });

  test('isPercentFormat: a real percent, not a quoted or escaped one, first section only', () => {
    expect(isPercentFormat('0.0%')).toBe(true);
    expect(isPercentFormat('0.0"%"')).toBe(false);
    expect(isPercentFormat('0.0\\%')).toBe(false);
    expect(isPercentFormat('0"(%)"')).toBe(false);
    expect(isPercentFormat('0;0%')).toBe(false);
    expect(isPercentFormat(null)).toBe(false);
    expect(isPercentFormat('')).toBe(false);
  });

  test('displayNumber: decimals, grouping and unit as the format shows them', () => {
    expect(displayNumber(0.689, '0.0%')).toBe('68.9%');
    expect(displayNumber(14350, '#,##0"人"')).toBe('14,350人');
    expect(displayNumber(1234567.891, '#,##0.00')).toBe('1,234,567.89');
    expect(displayNumber(1234567, '#,#')).toBe('1,234,567');
    expect(displayNumber(1234567, '0')).toBe('1234567');
    expect(displayNumber(0.1 + 0.2, null)).toBe('0.3');
    expect(displayNumber(123, 'General')).toBe('123');
    expect(displayNumber(-1234.5, '#,##0.0')).toBe('-1,234.5');
  });
});

describe('parseRate: a 達成率 cell', () => {
  test('numbers: a percent format is a fraction; a bare number ≤ 10 a fraction, above 10 percent points', () => {
    expect(parseRate(0.689, '0.0%')).toMatchObject({ kind: 'rate', value: 0.689, decimals: 1, storage: 'number', text: '68.9%' });
    expect(parseRate(68.9, '0.0%')).toMatchObject({ value: 68.9 });
    expect(parseRate(10, null)).toMatchObject({ value: 10, decimals: null });
    expect(parseRate(-10, null)).toMatchObject({ value: -10 });
    expect(parseRate(10.5, null)).toMatchObject({ value: 0.105 });
    expect(parseRate(-10.5, null)).toMatchObject({ value: -0.105 });
    expect(parseRate(0.5, '0"%"')).toMatchObject({ value: 0.005, decimals: 0 });
    expect(parseRate(68.9, '0.0"%"')).toMatchObject({ value: 0.689 });
    expect(parseRate(0.1 + 0.2, '0%')).toMatchObject({ value: 0.3 });
  });

  test('formula cells, non-finite numbers', () => {
    expect(parseRate(0.5, '0%', '=E3/D3')).toMatchObject({ storage: 'formula', value: 0.5 });
    expect(parseRate(Infinity, '0%')).toMatchObject({ kind: 'error', value: null, storage: 'number' });
    expect(parseRate(Number.NaN, null, '=1/0')).toMatchObject({ kind: 'error', storage: 'formula' });
  });

  test('text: "68.9%", full width, signs and grouping; decimals as shown', () => {
    expect(parseRate('68.9%')).toMatchObject({ kind: 'rate', value: 0.689, decimals: 1, storage: 'text' });
    expect(parseRate('１００％')).toMatchObject({ kind: 'rate', value: 1, decimals: 0 });
    expect(parseRate('1,234.50%')).toMatchObject({ value: 12.345, decimals: 2 });
    expect(parseRate('▲5.0%')).toMatchObject({ value: -0.05, decimals: 1 });
    expect(parseRate('△5%')).toMatchObject({ value: -0.05 });
    expect(parseRate('-5%')).toMatchObject({ value: -0.05 });
    expect(parseRate('−5%')).toMatchObject({ value: -0.05 });
    expect(parseRate(' 6 8 . 9 % ')).toMatchObject({ value: 0.689 });
  });

  test('a reference figure "(4件)" and other text are never a rate', () => {
    expect(parseRate('(4件)')).toMatchObject({ kind: 'text', value: null });
    expect(parseRate('(40%)')).toMatchObject({ kind: 'text', value: null });
    expect(parseRate('68.9')).toMatchObject({ kind: 'text' });
    expect(parseRate('68.9%以上')).toMatchObject({ kind: 'text' });
    expect(parseRate('約68.9%')).toMatchObject({ kind: 'text' });
    expect(parseRate('.5%')).toMatchObject({ kind: 'text' });
    expect(parseRate('5.%')).toMatchObject({ kind: 'text' });
    expect(parseRate(`${'9'.repeat(309)}%`)).toMatchObject({ kind: 'text', value: null });
  });

  test('blank, error and dash cells; storage says formula, none or text', () => {
    expect(parseRate('', null)).toEqual({ text: '', value: null, kind: 'empty', decimals: null, storage: 'none' });
    expect(parseRate(null, null, '=""')).toMatchObject({ kind: 'empty', storage: 'formula' });
    expect(parseRate('#REF!')).toMatchObject({ kind: 'error', storage: 'text' });
    expect(parseRate('-')).toMatchObject({ kind: 'none', storage: 'text' });
    expect(parseRate('-', null, '=IF(A1="","-",A1)')).toMatchObject({ kind: 'none', storage: 'formula' });
    expect(parseRate(true)).toMatchObject({ kind: 'text', text: 'TRUE' });
  });
});
