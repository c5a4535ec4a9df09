/** ByYear: the model's values by fiscal year, in year order, with the JSON of the record it replaces. */
import { ByYear } from '../../../src/core/by-year';

test('years in ascending order whatever order they are set in; a year set again is replaced', () => {
  const b = new ByYear<string>();
  b.set(2021, 'c').set(2019, 'a').set(2020, 'b').set(2023, 'e').set(2022, 'd').set(2020, 'B');
  expect(b.years).toEqual([2019, 2020, 2021, 2022, 2023]);
  expect(b.values).toEqual(['a', 'B', 'c', 'd', 'e']);
  expect(b.entries()).toEqual([[2019, 'a'], [2020, 'B'], [2021, 'c'], [2022, 'd'], [2023, 'e']]);
  expect(b.size).toBe(5);
  const seen: [number, string][] = [];
  b.forEach((v, y) => seen.push([y, v]));
  expect(seen).toEqual(b.entries());
});

test('get and has answer for the years held only', () => {
  const b = ByYear.from({ 2019: 'a', 2020: 'b' });
  expect(b.get(2019)).toBe('a');
  expect(b.get(2020)).toBe('b');
  expect(b.get(2021)).toBeUndefined();
  expect(b.has(2020)).toBe(true);
  expect(b.has(2018)).toBe(false);
  expect(new ByYear<number>().get(2019)).toBeUndefined();
});

test('the JSON is the record form the model always had, byte for byte', () => {
  const record: Record<number, { v: number }> = {};
  const b = new ByYear<{ v: number }>();
  for (const y of [2024, 2019, 2021, 2020, 2023, 2022]) {
    record[y] = { v: y - 2000 };
    b.set(y, { v: y - 2000 });
  }
  expect(JSON.stringify({ actuals: b })).toBe(JSON.stringify({ actuals: record }));
  expect(b.toJSON()).toEqual(record);
  expect(JSON.stringify(new ByYear())).toBe('{}');
});

test('from() takes the JSON form back, and [year, value] pairs', () => {
  const b = ByYear.from(JSON.parse('{"2020":"b","2019":"a"}') as Record<number, string>);
  expect(b.entries()).toEqual([[2019, 'a'], [2020, 'b']]);
  expect(ByYear.from([[2021, 'x'], [2019, 'y']] as [number, string][]).entries()).toEqual([[2019, 'y'], [2021, 'x']]);
});

test('ofColumns: the KPIs of a table share its years; a year added to one is not added to the others', () => {
  const columns = [{ year: 2019 }, { year: 2020 }, { year: 2021 }];
  const years = ByYear.yearsOf(columns)!;
  const a = ByYear.ofColumns(columns, years, ['a19', 'a20', 'a21']);
  const b = ByYear.ofColumns(columns, years, ['b19', 'b20', 'b21']);
  expect(a.years).toBe(b.years);
  a.set(2022, 'a22').set(2018, 'a18').set(2020, 'A20');
  expect(a.entries()).toEqual([[2018, 'a18'], [2019, 'a19'], [2020, 'A20'], [2021, 'a21'], [2022, 'a22']]);
  expect(b.entries()).toEqual([[2019, 'b19'], [2020, 'b20'], [2021, 'b21']]);
  expect(years).toEqual([2019, 2020, 2021]);
});

test('ofColumns: columns out of year order or with a year twice are sorted, the later column of a year winning', () => {
  const columns = [{ year: 2020 }, { year: 2019 }, { year: 2020 }];
  expect(ByYear.yearsOf(columns)).toBeNull();
  expect(ByYear.yearsOf([{ year: 2019 }, { year: 2019 }])).toBeNull();
  expect(ByYear.ofColumns(columns, null, ['x', 'y', 'z']).entries()).toEqual([[2019, 'y'], [2020, 'z']]);
});

test('placed values: ofColumns with a row answers each year\'s cell; the table\'s columns stay shared and unchanged', () => {
  const columns = [{ year: 2019, col: 5 }, { year: 2020, col: 6 }, { year: 2021, col: 8 }];
  const years = ByYear.yearsOf(columns)!;
  const a = ByYear.ofColumns(columns, years, ['a19', 'a20', 'a21'], 11);
  const b = ByYear.ofColumns(columns, years, ['b19', 'b20', 'b21'], 13);
  expect([a.placed, a.row, a.cellOf(2020), a.colOf(2021), a.cellOf(2018)]).toEqual([true, 11, { row: 11, col: 6 }, 8, undefined]);
  expect(b.cell(2019)).toEqual({ row: 13, col: 5 });
  expect(() => b.cell(2030)).toThrow();
  a.set(2022, 'a22', 9).set(2018, 'a18', 4).set(2020, 'A20', 7);
  expect(a.entries()).toEqual([[2018, 'a18'], [2019, 'a19'], [2020, 'A20'], [2021, 'a21'], [2022, 'a22']]);
  expect(a.years.map((y) => a.colOf(y))).toEqual([4, 5, 7, 8, 9]);
  expect(b.years.map((y) => b.colOf(y))).toEqual([5, 6, 8]);
  // JSON keeps the record form: the place is the record's, not the values'
  expect(JSON.stringify(b)).toBe('{"2019":"b19","2020":"b20","2021":"b21"}');
});

test('placed values need their column and unplaced ones take none: a value without its cell throws', () => {
  const placed = ByYear.onRow<string>(11);
  expect(() => placed.set(2019, 'x')).toThrow(/column/);
  expect(placed.set(2019, 'x', 5).cell(2019)).toEqual({ row: 11, col: 5 });
  const plain = new ByYear<string>();
  expect(() => plain.set(2019, 'x', 5)).toThrow(/column/);
  expect(plain.set(2019, 'x').cellOf(2019)).toBeUndefined();
  expect(() => plain.cell(2019)).toThrow();
  // out of year order, the later column of a year wins, with its cell
  const columns = [{ year: 2020, col: 5 }, { year: 2019, col: 6 }, { year: 2020, col: 7 }];
  const c = ByYear.ofColumns(columns, null, ['x', 'y', 'z'], 3);
  expect(c.entries()).toEqual([[2019, 'y'], [2020, 'z']]);
  expect([c.colOf(2019), c.colOf(2020)]).toEqual([6, 7]);
});
