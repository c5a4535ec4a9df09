/**
 * The structure tree and header segments share what never changes: nodes without children or KPIs hold
 * one frozen empty list, tables under one heading share one path, a row of one header cluster answers the
 * grid's one segment list. What they read is the same as a tree of own lists would say.
 */
import { Grid } from '../../src/core/recognise/grid';
import { headerSegments } from '../../src/core/recognise/headers';
import { classifyHeading, StructureBuilder } from '../../src/core/recognise/structure';
import { isUnrecognised, recogniseSheet } from '../../src/core/recognise';
import type { CellValue, GridSnapshot } from '../../src/core/snapshot';

function snapshot(rows: CellValue[][]): GridSnapshot {
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...Array(width - r.length).fill(null)]);
  return { sheet: 's', origin: { row: 1, col: 1 }, values, formulas: values.map((r) => r.map(() => null)), numberFormats: values.map((r) => r.map(() => null)), merges: [] };
}

const HEADER = ['指標名', '区分', '基準値 (H30)', '目標値 (R6)', 'R1', 'R2', '担当課'];
const table = (n: number): CellValue[][] => [HEADER, [`指標${n}`, '実績値', '10件', '20件', '11件', '12件', '企画課'], [null, '達成率', null, null, '55%', '60%', null], []];

test('leaves and notes share one frozen empty list; tables under one heading share their path', () => {
  const rows: CellValue[][] = [['■全体目標'], ['基本目標① しごと'], ['《基本方針》 方針の文'], ['施策：一つ目'], ['事業等：事業A'], ...table(1), ...table(2), ['施策：二つ目'], ['施策：三つ目'], ...table(3)];
  const m = recogniseSheet(snapshot(rows));
  if (isUnrecognised(m)) throw new Error(m.reason);
  const goal = m.structure[0].children[0];
  const [policy, first, second, third] = goal.children;
  expect([policy.kind, first.kind, second?.kind, third?.kind]).toEqual(['policy', 'measure', 'measure', undefined]);
  // 施策：二つ目 holds nothing and was pruned; 三つ目 holds table 3
  expect(goal.children.map((n) => n.title)).toEqual(['《基本方針》 方針の文', '施策：一つ目', '施策：三つ目']);
  expect(first.kpis).toEqual([m.kpis[0].id, m.kpis[1].id]);
  const notes = first.children[0];
  expect(notes.kind).toBe('projects');
  expect(notes.children).toBe(policy.children);
  expect(notes.kpis).toBe(policy.kpis);
  expect(notes.kpis).toBe(goal.kpis);
  expect(Object.isFrozen(notes.kpis) && notes.kpis.length === 0).toBe(true);
  expect(m.tables[1].path).toBe(m.tables[0].path);
  expect(m.tables[2].path).not.toBe(m.tables[0].path);
  expect([m.tables[0].path, m.tables[2].path]).toEqual([
    ['全体目標', '基本目標①', '施策：一つ目'],
    ['全体目標', '基本目標①', '施策：三つ目'],
  ]);
});

test('a pruned branch leaves an empty list behind; the root keeps only branches holding KPIs', () => {
  const b = new StructureBuilder();
  b.add(classifyHeading('■全体目標')!, 1);
  b.add(classifyHeading('基本目標① 目次だけ')!, 2);
  b.add(classifyHeading('■個別目標')!, 3);
  b.add(classifyHeading('基本目標② 本文')!, 4);
  b.attach(['s!5']);
  const tree = b.result();
  expect(tree.map((n) => [n.title, n.children.map((c) => c.title)])).toEqual([['■個別目標', ['基本目標② 本文']]]);
  expect(b.roots[0].children).toEqual([]);
  expect(Object.isFrozen(b.roots[0].children)).toBe(true);
});

test('header segments: one cluster answers the grid’s whole row, clusters apart get their own ranges', () => {
  const g = new Grid(snapshot([HEADER, [...HEADER, null, null, ...HEADER], [], ['KPI', '基準値', '目標値', 'R1', 'KPI', '基準値', '目標値', 'R1']]));
  expect(headerSegments(g, 1)).toBe(g.wholeRow);
  expect(headerSegments(g, 3)).toBe(g.wholeRow);
  expect([...g.wholeRow]).toEqual([1, 16]);
  expect(headerSegments(g, 2)).toEqual([1, 9, 10, 16]);
  expect(headerSegments(g, 4)).toEqual([1, 4, 5, 16]);
});
