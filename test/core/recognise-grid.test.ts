/**
 * The recogniser's grid reads each cell once and parses each distinct value once per sheet: what it
 * answers must stay what the snapshot and the parsers say, cell by cell. Parsed values and printed
 * rates carry no position, so cells showing the same one share one object, which is frozen: nothing
 * may change it.
 */
import { Grid, textOf } from '../../src/core/recognise/grid';
import type { GridSnapshot } from '../../src/core/snapshot';
import { valueAt } from '../../src/core/snapshot';
import { cellText } from '../../src/core/text';
import { parseRate, parseValue } from '../../src/core/values';
import { sampleSnapshots } from '../support/sample';

const snap: GridSnapshot = {
  sheet: 'S',
  origin: { row: 3, col: 2 },
  values: [
    ['  名前 ', 26, '26件', null],
    [null, '26件', '68.9%', 0.689],
    ['-', -0, 0, '=x'],
  ],
  formulas: [
    [null, null, null, null],
    [null, null, null, '=C4/D4'],
    [null, null, null, null],
  ],
  numberFormats: [
    [null, '0"件"', null, null],
    [null, null, null, '0.0%'],
    [null, null, null, null],
  ],
  merges: [{ top: 3, left: 2, bottom: 4, right: 2 }],
};

test('texts: own text trimmed, a merged cell shows its master, outside the snapshot is empty', () => {
  const g = new Grid(snap);
  expect(g.ownText(3, 2)).toBe('名前');
  expect(g.ownText(4, 2)).toBe('');
  expect(g.text(4, 2)).toBe('名前');
  expect(g.masterOf(4, 2)).toEqual({ row: 3, col: 2 });
  expect(g.masterOf(3, 2)).toBeNull();
  expect(g.text(2, 2)).toBe('');
  expect(g.text(3, 9)).toBe('');
  expect(g.masterOf(99, 99)).toBeNull();
  expect(g.firstFilled(4)).toBe(3);
  expect(g.firstFilled(4, 4)).toBe(4);
  expect(g.isBlankRow(4, 2, 2)).toBe(true);
  expect(g.rowCells(3)).toEqual([
    [2, '名前'],
    [3, '26'],
    [4, '26件'],
  ]);
});

test('parsed values and rates equal the parsers, cell by cell; equal ones are shared and cannot change', () => {
  const g = new Grid(snap);
  for (let r = 3; r <= 5; r++) {
    for (let c = 2; c <= 5; c++) {
      const v = g.parsedValue(r, c);
      const rate = g.parsedRate(r, c);
      expect(v).toEqual(parseValue(g.value(r, c), g.numberFormat(r, c), g.formula(r, c)));
      expect(rate).toEqual(parseRate(g.raw(r, c), g.numberFormat(r, c), g.formula(r, c)));
      expect(Object.isFrozen(v) && Object.isFrozen(rate)).toBe(true);
      // a placed value is the parsed one with its cell, a copy of its own
      const p = g.placedValue(r, c);
      expect(p).toEqual({ ...v, row: r, col: c });
      expect(Object.keys(p).slice(0, 7)).toEqual(['text', 'kind', 'value', 'unit', 'qualifier', 'row', 'col']);
      expect(p).not.toBe(g.placedValue(r, c));
    }
  }
  // "26件" in two cells: one ParsedValue; the formula cell's value keeps its formula
  expect(g.parsedValue(3, 4)).toBe(g.parsedValue(4, 3));
  expect(g.parsedValue(4, 5).formula).toBe('=C4/D4');
  // "26件" in two cells: one PrintedRate; a formula's rate is kept apart from the same value typed
  expect(g.parsedRate(3, 4)).toBe(g.parsedRate(4, 3));
  expect(g.parsedRate(4, 5).storage).toBe('formula');
  expect(() => {
    (g.parsedRate(3, 4) as { text: string }).text = 'x';
  }).toThrow(TypeError);
  expect(() => {
    (g.parsedValue(3, 4) as { value: number }).value = 1;
  }).toThrow(TypeError);
  expect(g.parsedValue(4, 3).value).toBe(26);
  // -0 is kept apart from 0 (one Map key)
  expect(Object.is(g.parsedValue(5, 3).value, -0)).toBe(true);
  expect(Object.is(g.parsedValue(5, 4).value, 0)).toBe(true);
});

test('every cell of the sample reads as the snapshot says', async () => {
  for (const s of await sampleSnapshots()) {
    const g = new Grid(s);
    for (let r = g.firstRow; r <= g.lastRow; r++) {
      for (let c = g.firstCol; c <= g.lastCol; c++) {
        expect(g.ownText(r, c)).toBe(cellText(valueAt(s, r, c)));
        const m = g.masterOf(r, c);
        expect(g.text(r, c)).toBe(cellText(m ? valueAt(s, m.row, m.col) : valueAt(s, r, c)));
        expect(g.parsedValue(r, c)).toEqual(parseValue(g.value(r, c), g.numberFormat(r, c), g.formula(r, c)));
      }
    }
  }
});

test('texts are read from the snapshot when asked: short rows, numbers, booleans and cells past the width', () => {
  // rows may be shorter than the first (hosts promise equal lengths; the grid does not rely on it)
  const ragged: GridSnapshot = {
    sheet: 'R',
    origin: { row: 1, col: 1 },
    values: [['  a ', 1.5, true, ' '], [null, '\u3000b'], ['c', null, null, null, 'past the width']],
    formulas: [],
    numberFormats: [],
    merges: [{ top: 1, left: 2, bottom: 2, right: 2 }],
  };
  const g = new Grid(ragged);
  expect([g.ownText(1, 1), g.ownText(1, 2), g.ownText(1, 3), g.ownText(1, 4)]).toEqual(['a', '1.5', 'TRUE', '']);
  // own text of a cell merged into another is its own value; the cell shows its master's text
  expect([g.ownText(2, 1), g.ownText(2, 2), g.ownText(2, 3), g.ownText(2, 4)]).toEqual(['', 'b', '', '']);
  // past a short row's end a cell is empty
  expect([g.text(2, 2), g.text(2, 3)]).toEqual(['1.5', '']);
  expect(g.ownText(3, 5)).toBe('past the width');
  expect([g.firstFilled(2), g.firstFilled(2, 3), g.firstFilled(3, 2), g.firstFilled(1, 4)]).toEqual([2, -1, -1, -1]);
  expect(g.rowCells(1)).toEqual([
    [1, 'a'],
    [2, '1.5'],
    [3, 'TRUE'],
  ]);
  expect([...g.lineOf(2)].map((v) => textOf(v))).toEqual(['', 'b']);
  expect([textOf(undefined), textOf(null), textOf(0), textOf(false), textOf(' x ')]).toEqual(['', '', '0', 'FALSE', 'x']);
});

test('0 and -0 cells share one frozen value per sign and number format (one Map key elsewhere), as parsed alone', () => {
  const values = [[0, -0, 0, -0, 0, 0, -0]];
  const formats = [['0.0', '0.0', '0.0', '0.0', '0%', '0.0', '0.0']];
  const formulas = [[null, null, null, null, null, '=A1-A1', null]];
  const g = new Grid({ sheet: 'Z', origin: { row: 1, col: 1 }, values, formulas, numberFormats: formats, merges: [] });
  const v = (c: number) => g.parsedValue(1, c);
  const r = (c: number) => g.parsedRate(1, c);
  expect(v(1)).toBe(v(3));
  expect(v(2)).toBe(v(4));
  expect(v(1)).not.toBe(v(2));
  expect(v(1)).not.toBe(v(5));
  expect(Object.isFrozen(v(1)) && Object.isFrozen(v(2))).toBe(true);
  expect(r(1)).toBe(r(3));
  expect(r(2)).toBe(r(7));
  expect(r(1)).not.toBe(r(2));
  expect(r(1)).not.toBe(r(6));
  for (let c = 1; c <= 7; c++) {
    expect(v(c)).toEqual(parseValue(values[0][c - 1], formats[0][c - 1], formulas[0][c - 1]));
    expect(r(c)).toEqual(parseRate(values[0][c - 1], formats[0][c - 1], formulas[0][c - 1]));
    expect(Object.is(v(c).value, parseValue(values[0][c - 1], formats[0][c - 1]).value)).toBe(true);
  }
});
