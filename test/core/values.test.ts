import { displayNumber, parseRate, parseValue, unitFromFormat } from '../../src/core/values';

test.each([
  ['26件', 26, '件', null],
  ['14,350人', 14350, '人', null],
  ['2経営体', 2, '経営体', null],
  ['477t', 477, 't', null],
  ['1か国', 1, 'か国', null],
  ['695百万円', 695, '百万円', null],
  ['3日以上', 3, '日', 'atLeast'],
  ['40.4%', 40.4, '%', null],
  ['100%', 100, '%', null],
  ['5回', 5, '回', null],
  ['64世帯', 64, '世帯', null],
  ['7団体', 7, '団体', null],
  ['40組', 40, '組', null],
  ['3事業', 3, '事業', null],
  ['4コース', 4, 'コース', null],
  ['2か所以上', 2, 'か所', 'atLeast'],
  ['15区画', 15, '区画', null],
  ['13.6km', 13.6, 'km', null],
  ['2,739棟', 2739, '棟', null],
  ['604千㎡', 604, '千㎡', null],
  ['112万人', 112, '万人', null],
  ['4.17ha', 4.17, 'ha', null],
  ['3校', 3, '校', null],
  ['12ポイント', 12, 'ポイント', null],
  ['1,100', 1100, null, null],
  ['▲2,530', -2530, null, null],
  ['△12人', -12, '人', null],
  ['-5', -5, null, null],
  ['１２３件', 123, '件', null],
  ['５０人以下', 50, '人', 'atMost'],
  ['10件超', 10, '件', 'over'],
  ['3人未満', 3, '人', 'under'],
  [' 26 件 ', 26, '件', null],
])('%s → %s %s %s', (text, value, unit, qualifier) => {
  expect(parseValue(text)).toMatchObject({ kind: 'number', value, unit, qualifier, text: text.trim() });
});

test.each(['-', '－', '―', 'ー'])('%s is none', (text) => {
  expect(parseValue(text)).toMatchObject({ kind: 'none', value: null });
});

test.each(['見直し完了', 'R6着手予定', '着手', '各校1回以上', '1回以上13校', '4校・13回', '整備完了 運営開始', '約3件'])('%s stays text', (text) => {
  expect(parseValue(text)).toMatchObject({ kind: 'text', value: null, text });
});

test('bracketed reference figures', () => {
  expect(parseValue('(4件)')).toMatchObject({ kind: 'reference', value: 4, unit: '件' });
  expect(parseValue('（１件）')).toMatchObject({ kind: 'reference', value: 1, unit: '件' });
  expect(parseValue('(参考)')).toMatchObject({ kind: 'text' });
});

test('errors, blanks and booleans', () => {
  for (const e of ['#REF!', '#DIV/0!', '#N/A', '#VALUE!', '#NAME?']) expect(parseValue(e).kind).toBe('error');
  expect(parseValue(null).kind).toBe('empty');
  expect(parseValue('  ').kind).toBe('empty');
  expect(parseValue(true).kind).toBe('text');
  expect(parseValue(Number.NaN).kind).toBe('error');
});

test('numbers take their unit from the number format', () => {
  expect(parseValue(26, '#,##0"件"')).toMatchObject({ kind: 'number', value: 26, unit: '件', text: '26件' });
  expect(parseValue(14350, '#,##0"人"')).toMatchObject({ value: 14350, unit: '人', text: '14,350人' });
  expect(parseValue(604, '0"千㎡"')).toMatchObject({ unit: '千㎡' });
  expect(parseValue(0.404, '0.0%')).toMatchObject({ kind: 'number', value: 40.4, unit: '%', text: '40.4%' });
  expect(parseValue(1100, '#,##0')).toMatchObject({ value: 1100, unit: null, text: '1,100' });
  expect(parseValue(12, 'General')).toMatchObject({ value: 12, unit: null });
  expect(parseValue(5, '0\\件')).toMatchObject({ unit: '件' });
  expect(parseValue(26, '#,##0"件";[Red]-#,##0"件"', '=B3+1')).toMatchObject({ unit: '件', formula: '=B3+1' });
});

test('unit and display helpers', () => {
  expect(unitFromFormat('0.0%')).toBe('%');
  expect(unitFromFormat('#,##0"万人"')).toBe('万人');
  expect(unitFromFormat('"約"0')).toBeNull();
  expect(unitFromFormat(null)).toBeNull();
  expect(displayNumber(0.689, '0.0%')).toBe('68.9%');
  expect(displayNumber(1234567, '#,##0')).toBe('1,234,567');
});

test('printed rates: text, numbers formatted as percent, formulas, dashes, other text', () => {
  expect(parseRate('68.9%')).toMatchObject({ kind: 'rate', value: 0.689, decimals: 1, storage: 'text' });
  expect(parseRate('100%')).toMatchObject({ kind: 'rate', value: 1, decimals: 0 });
  expect(parseRate('２００．０％')).toMatchObject({ kind: 'rate', value: 2, decimals: 1 });
  expect(parseRate(0.689, '0.0%')).toMatchObject({ kind: 'rate', value: 0.689, decimals: 1, storage: 'number', text: '68.9%' });
  expect(parseRate(0.6888888, '0.0%', '=E5/D5')).toMatchObject({ kind: 'rate', storage: 'formula', decimals: 1 });
  expect(parseRate(0.75)).toMatchObject({ kind: 'rate', value: 0.75, decimals: null });
  expect(parseRate(75.6)).toMatchObject({ kind: 'rate', value: 0.756 });
  expect(parseRate('-')).toMatchObject({ kind: 'none', value: null });
  expect(parseRate(null)).toMatchObject({ kind: 'empty', storage: 'none' });
  expect(parseRate('0ha')).toMatchObject({ kind: 'text', value: null });
  expect(parseRate('#DIV/0!', null, '=E5/D5')).toMatchObject({ kind: 'error', storage: 'formula' });
});

test('a quoted "%" in the format is a unit, not a percent scale', () => {
  expect(parseValue(40.4, '0.0"%"')).toMatchObject({ value: 40.4, unit: '%', text: '40.4%' });
  expect(parseRate(68.9, '0.0"%"')).toMatchObject({ kind: 'rate', value: 0.689, decimals: 1, text: '68.9%' });
  expect(parseRate(5, '0.0"%"')).toMatchObject({ value: 0.05 });
  expect(parseRate(0.05, '0.0%')).toMatchObject({ value: 0.05, text: '5.0%' });
});
