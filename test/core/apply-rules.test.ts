import { deleteColumnInverse, matchesExpectation, sameValue, skip } from '../../src/core/apply-rules';
import type { CellEdit } from '../../src/core/plan';

describe('apply rules decided once in the core', () => {
  test('a cell matches its expectation: numbers within 1e-9 relative either way, "" as empty, formulas by text', () => {
    expect(sameValue(1e12, 1e12 + 1)).toBe(true);
    expect(sameValue(1e12 + 1, 1e12)).toBe(true);
    expect(sameValue(0.5, 0.5000001)).toBe(false);
    expect(sameValue('', null)).toBe(true);
    expect(sameValue('1', 1)).toBe(false);
    expect(matchesExpectation(0.7, '=A1/B1', { value: 0.1, formula: '=A1/B1' })).toBe(true);
    expect(matchesExpectation(0.7, '=A1/B2', { value: 0.7, formula: '=A1/B1' })).toBe(false);
    expect(matchesExpectation(0.7, '=A1/B1', { value: 0.7, formula: null })).toBe(false);
    expect(matchesExpectation(null, null, { value: '', formula: null })).toBe(true);
  });

  test('skip sentences name the sheet and cell the same way on every host', () => {
    const edit: Extract<CellEdit, { kind: 'setCell' }> = { kind: 'setCell', sheet: 'S', row: 3, col: 2, expect: { value: 1, formula: null }, content: { value: 2 } };
    expect(skip.changed(edit, { value: 5, formula: null })).toEqual({ edit, reason: 'changed', detail: 'S!B3: expected 1, found 5' });
    expect(skip.insideMerge(edit).detail).toBe('S!B3 is inside a merged area');
    expect(skip.sheetMissing(edit)).toMatchObject({ reason: 'missing', detail: 'sheet "S" does not exist' });
  });

  test('the inverse of a column delete: insert, width, merges within the column, then contents', () => {
    const content: CellEdit = { kind: 'setCell', sheet: 'S', row: 1, col: 4, expect: null, content: { value: 'R6' } };
    const inv = deleteColumnInverse({ kind: 'deleteColumn', sheet: 'S', col: 4 }, {
      width: 9,
      merges: [{ top: 1, left: 4, bottom: 2, right: 4 }, { top: 1, left: 3, bottom: 1, right: 4 }],
      contents: [content],
    });
    expect(inv.map((e) => e.kind)).toEqual(['insertColumn', 'setColumnWidth', 'merge', 'setCell']);
  });
});
