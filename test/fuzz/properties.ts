/**
 * One fuzz case end to end through the .xlsx host: check (recognise + analyse), then fill, flag, link
 * and add-year through runCommand, then undo everything. Returns the broken properties as readable
 * lines (empty = all hold); a throw anywhere is itself a failure.
 */
import type ExcelJS from 'exceljs';
import type { CellEdit, EditPlan } from '../../src/core/plan';
import { parseAddress, lastRow, lastCol } from '../../src/core/snapshot';
import { loadWorkbook } from '../../src/app';
import type { PlanInput } from '../../src/core/plans/context';
import { planFill } from '../../src/core/plans/fill';
import { planFlag } from '../../src/core/plans/flag';
import { planLink } from '../../src/core/plans/link';
import { planAddYear } from '../../src/core/plans/add-year';
import { planDefinitions } from '../../src/core/plans/definitions';
import { planReport } from '../../src/core/plans/report';
import { runCommand, undoLast } from '../../src/core/session';
import { UNDO_SHEET } from '../../src/core/undo';
import { readUndoRecord } from '../../src/core/session';
import { XlsxHost } from '../../src/xlsx/host';
import { readFillColour, readFormula, readHyperlink, readNote, readShown } from '../../src/xlsx/cell-io';
import { diffWorkbooks } from '../support/workbook-diff';
import { buildWorkbook, mutatedGrid, snapshotValue, type FuzzCase } from './mutate';
import { recheckKpi } from '../../src/core/recheck';
import { recognise } from '../../src/core/recognise';
import { analyseWorkbook } from '../../src/core/analyse';
import { readFileSync } from 'fs';
import { SAMPLE_PROGRESS } from '../support/sample';
import { gridFromWorksheet, type GridSheet } from './grid';

/** recogniseSheet turns its own exceptions into this reason: for the fuzzer that is a throw. */
const SWALLOWED = /を読み取れませんでした|Could not read sheet/;

const COMMANDS: [string, (input: PlanInput) => EditPlan][] = [
  ['fill', (i) => planFill(i)],
  ['flag', planFlag],
  ['link', (i) => planLink(i)],
  ['add-year', planAddYear],
  ['definitions', planDefinitions],
  ['report', planReport],
];

interface Facts {
  value: unknown;
  formula: string | null;
  numFmt: string;
  fill: string | null;
  note: string | null;
  link: string | null;
}

/** Every non-blank cell of every sheet (but the undo record) by "sheet|row,col". */
export function factsOf(wb: ExcelJS.Workbook): Map<string, Facts> {
  const out = new Map<string, Facts>();
  for (const ws of wb.worksheets) {
    if (ws.name === UNDO_SHEET) continue;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const f: Facts = {
          value: readShown(cell),
          formula: readFormula(cell),
          numFmt: cell.style?.numFmt || 'General',
          fill: readFillColour(cell) ?? null,
          note: readNote(cell),
          link: readHyperlink(cell),
        };
        if (f.value === null || f.value === '') f.value = null;
        if (f.value !== null || f.formula || f.numFmt !== 'General' || f.fill || f.note !== null || f.link) out.set(`${ws.name}|${row.number},${col}`, f);
      }),
    );
  }
  return out;
}

/**
 * Where the plan may change cells: its cell edits, and the columns it inserts. Coordinates are
 * followed through later column inserts, as the host applies edits in order.
 */
function planFootprint(plan: EditPlan) {
  const touched: { sheet: string; row: number; col: number }[] = [];
  const inserted = new Map<string, number[]>();
  const sheets = new Set<string>();
  for (const e of plan.edits as CellEdit[]) {
    if (e.kind === 'addSheet' || e.kind === 'deleteSheet') sheets.add(e.sheet);
    else if (e.kind === 'insertColumn') {
      for (const t of touched) if (t.sheet === e.sheet && t.col >= e.col) t.col++;
      const cols = (inserted.get(e.sheet) ?? []).map((c) => (c >= e.col ? c + 1 : c));
      inserted.set(e.sheet, [...cols, e.col]);
    } else if (e.kind === 'setCell' || e.kind === 'setFill' || e.kind === 'setNote' || e.kind === 'setHyperlink') {
      touched.push({ sheet: e.sheet, row: e.row, col: e.col });
    }
  }
  return { touched: new Set(touched.map((t) => `${t.sheet}|${t.row},${t.col}`)), inserted, sheets };
}

function withoutRefs(f: Facts | undefined): Facts | undefined {
  return f && f.formula ? { ...f, formula: f.formula.replace(/\$?[A-Z]{1,3}\$?\d+/g, 'REF') } : f;
}

/** Cells changed outside the plan's footprint (columns after inserted ones compared shifted). */
export function changesOutsidePlan(before: Map<string, Facts>, after: Map<string, Facts>, plan: EditPlan): string[] {
  const { touched, inserted, sheets } = planFootprint(plan);
  const planned = (key: string) => touched.has(key) || sheets.has(key.split('|')[0]);
  const out: string[] = [];
  const seen = new Set<string>();
  const originalKey = (key: string): string | null => {
    const [sheet, rc] = key.split('|');
    const [row, col] = rc.split(',').map(Number);
    const ins = inserted.get(sheet) ?? [];
    if (ins.includes(col)) return null;
    return `${sheet}|${row},${col - ins.filter((c) => c < col).length}`;
  };
  for (const [key, f] of after) {
    if (planned(key)) continue;
    const orig = originalKey(key);
    if (orig === null) {
      // an inserted column takes formats from its neighbour, never content
      if (f.value !== null || f.formula || f.note !== null || f.link) out.push(`${plan.command}: ${key} in an inserted column holds ${JSON.stringify(f)}`);
      continue;
    }
    seen.add(orig);
    const b = before.get(orig);
    // an inserted column rewrites references in formulas (E11 → F11): compare formulas without them
    const same = inserted.size ? JSON.stringify(withoutRefs(b)) === JSON.stringify(withoutRefs(f)) : JSON.stringify(b) === JSON.stringify(f);
    if (!same) out.push(`${plan.command}: ${key} (was ${orig}) changed outside the plan: ${JSON.stringify(b)} → ${JSON.stringify(f)}`);
  }
  for (const [key, b] of before) {
    if (seen.has(key) || planned(key)) continue;
    // gone: either planned (at its shifted place) or lost
    const [sheet, rc] = key.split('|');
    const [row, col] = rc.split(',').map(Number);
    const ins = inserted.get(sheet) ?? [];
    let now = col;
    for (const c of [...ins].sort((x, y) => x - y)) if (c <= now) now++;
    if (!touched.has(`${sheet}|${row},${now}`)) out.push(`${plan.command}: ${key} lost outside the plan: ${JSON.stringify(b)}`);
  }
  return out;
}

function findingProblems(input: PlanInput): string[] {
  const out: string[] = [];
  for (const u of input.model.unrecognised) if (SWALLOWED.test(u.reason)) out.push(`recognition threw: ${u.reason}`);
  for (const f of input.analysis.findings) {
    const s = input.snapshots.find((x) => x.sheet === f.sheet);
    const at = parseAddress(f.cell);
    if (!s || !at || at.row < 1 || at.col < 1 || at.row > lastRow(s) || at.col > lastCol(s)) {
      out.push(`finding ${f.rule} points to ${f.sheet}!${f.cell}, outside the sheet's cells`);
    }
  }
  return out;
}

/** recheckKpi after one edit must agree with recognise + analyse of the whole edited workbook. */
function recheckProblems(input: PlanInput, edit: NonNullable<FuzzCase['edit']>): string[] | null {
  const kpis = input.model.sheets.flatMap((s) => s.kpis);
  if (!kpis.length) return null;
  const kpi = kpis[edit.kpi % kpis.length];
  const sheet = input.model.sheets.find((s) => s.sheet === kpi.sheet)!;
  const years = sheet.tables[kpi.tableIndex].columns.years;
  const snap = input.snapshots.find((s) => s.sheet === kpi.sheet)!;
  if (!years.length) return null;
  const row = (edit.rateRow ? kpi.rateRow : kpi.row) - snap.origin.row;
  const col = years[edit.year % years.length].col - snap.origin.col;
  if (!snap.values[row] || col >= snap.values[row].length) return null;
  const values = snap.values.slice();
  values[row] = values[row].slice();
  values[row][col] = snapshotValue(edit.cell);
  const edited = { ...snap, values };
  const snapshots = input.snapshots.map((s) => (s === snap ? edited : s));
  const others = snapshots.map((s) => s.sheet).filter((n) => !input.model.sheets.some((m) => m.sheet === n));
  const r = recheckKpi(input.model, edited, kpi.id, { analysis: input.analysis, lang: input.lang, managementSheets: others.length ? others : undefined });
  const fullModel = recognise(snapshots);
  const full = analyseWorkbook(fullModel, snapshots, { lang: input.lang });
  const again = fullModel.sheets.find((s) => s.sheet === kpi.sheet)?.kpis.find((k) => k.id === kpi.id);
  // the edit changed the table's shape or the KPI's links: a full re-check is the only answer then
  if (!r || !again || again.rateRow !== kpi.rateRow || again.breakdownOf !== kpi.breakdownOf || again.relistedFrom !== kpi.relistedFrom) return null;
  const where = `recheck of ${kpi.id} after ${JSON.stringify(edit.cell)} at row ${row + snap.origin.row}, column ${col + snap.origin.col}`;
  const out: string[] = [];
  if (JSON.stringify(r.assessment) !== JSON.stringify(full.kpis[kpi.id])) out.push(`${where}: assessment ${JSON.stringify(r.assessment)} ≠ full ${JSON.stringify(full.kpis[kpi.id])}`);
  if (JSON.stringify(full.rounding[kpi.sheet]) !== JSON.stringify(input.analysis.rounding[kpi.sheet])) return out;
  const key = (f: { rule: string; cell: string; message: string }) => `${f.rule} ${f.cell} ${f.message}`;
  const mine = r.findings.filter((f) => f.kpi === kpi.id).map(key).sort();
  const theirs = full.findings.filter((f) => f.kpi === kpi.id).map(key).sort();
  if (JSON.stringify(mine) !== JSON.stringify(theirs)) out.push(`${where}: findings ${JSON.stringify(mine)} ≠ full ${JSON.stringify(theirs)}`);
  return out;
}

export interface CaseResult {
  problems: string[];
  /** True when a live re-check was compared with a full one. */
  rechecked: boolean;
  /** Edits applied per command, for statistics. */
  applied: Record<string, number>;
  kpis: number;
}

export async function runCase(sample: GridSheet, c: FuzzCase): Promise<CaseResult> {
  const grid = mutatedGrid(sample, c);
  const problems: string[] = [];
  let host = XlsxHost.fromWorkbook(buildWorkbook(grid, c.management, c.secondSheet));
  /** With roundTrip: the saved file, re-opened, must hold what was in memory. */
  const reopen = async (step: string): Promise<void> => {
    if (!c.roundTrip) return;
    const saved = await XlsxHost.fromBuffer(await host.toBuffer());
    problems.push(...(await diffWorkbooks(host.workbook, saved, { limit: 10 })).map((d) => `${step}, saved and re-opened: ${d}`));
    host = saved;
  };
  const reference = buildWorkbook(grid, c.management, c.secondSheet);
  const applied: Record<string, number> = {};
  let kpis = 0;
  let done = 0;
  let facts: Map<string, Facts> | null = null;
  let rechecked = false;
  const commandBefore = new Map<string, Map<string, Facts>>();
  await reopen('the mutated workbook');
  for (const [name, planner] of COMMANDS) {
    const input = await loadWorkbook(host);
    if (name === 'fill') {
      kpis = input.model.sheets.reduce((n, s) => n + s.kpis.length, 0);
      problems.push(...findingProblems(input));
      const recheck = c.edit ? recheckProblems(input, c.edit) : null;
      if (recheck) {
        rechecked = true;
        problems.push(...recheck);
      }
    }
    const plan = planner(input);
    // the undo record is left out of the facts, so one command's after is the next one's before
    const before = facts ?? factsOf(host.workbook);
    commandBefore.set(plan.command, before);
    const result = await runCommand(host, plan);
    applied[name] = result.applied;
    if (result.entry !== null) done++;
    facts = factsOf(host.workbook);
    problems.push(...changesOutsidePlan(before, facts, plan));
    await reopen(name);
  }
  for (let i = 0; i < done; i++) {
    const newest = (await readUndoRecord(host)).entries.at(-1);
    const later = c.later && newest?.command === COMMANDS[c.later.at][0] ? await userEdits(host, newest.inverse, c.later.edits) : null;
    const u = await undoLast(host);
    if (later?.length) {
      applied.later = later.length;
      // the user's work survives, the rest of the command is undone, and the record keeps what was not
      problems.push(...laterWorkProblems(host.workbook, later, u.partial, newest!.command));
      if (u.partial && !(await readUndoRecord(host)).entries.some((e) => e.partial)) problems.push(`undo ${newest!.command}: partly undone but not kept in the record`);
      const touched = new Set([...later.map((l) => l.key), ...u.skipped.flatMap((s) => ('row' in s.edit ? [`${s.edit.sheet}|${s.edit.row},${s.edit.col}`] : []))]);
      if (!u.skipped.some((s) => s.edit.kind === 'deleteColumn' || s.edit.kind === 'deleteSheet')) {
        const now = factsOf(host.workbook);
        const was = commandBefore.get(newest!.command)!;
        for (const k of new Set([...was.keys(), ...now.keys()]))
          if (!touched.has(k) && JSON.stringify(was.get(k)) !== JSON.stringify(now.get(k))) problems.push(`undo ${newest!.command} after user edits: ${k} not restored`);
      }
      return { problems, applied, kpis, rechecked };
    }
    for (const s of u.skipped) problems.push(`undo ${u.undone?.command}: skipped ${s.reason}: ${s.detail}`);
    await reopen(`undo ${u.undone?.command}`);
  }
  const left = await undoLast(host);
  if (left.undone) problems.push(`undo record still holds ${left.undone.command} after undoing every command`);
  problems.push(...(await diffWorkbooks(reference, host.workbook, { limit: 20 })).map((d) => `after undo: ${d}`));
  return { problems, applied, kpis, rechecked };
}

/** The bundled sample's progress sheet as a grid, read once per process. */
export async function loadSampleGrid(): Promise<GridSheet> {
  const host = await XlsxHost.fromBuffer(readFileSync(SAMPLE_PROGRESS));
  return gridFromWorksheet(host.workbook.worksheets[0]);
}

interface UserEdit {
  key: string;
  sheet: string;
  row: number;
  col: number;
  value?: string;
  fill?: string;
  note?: string;
}

/** The user's edits on cells the newest command wrote (its inverse names them), applied as typing would. */
async function userEdits(host: XlsxHost, inverse: CellEdit[], wanted: NonNullable<FuzzCase['later']>['edits']): Promise<UserEdit[]> {
  const out: UserEdit[] = [];
  const cellsOf = (kind: CellEdit['kind']) => inverse.filter((e): e is Extract<CellEdit, { row: number; col: number }> => e.kind === kind && 'row' in e);
  for (const w of wanted) {
    const column = inverse.find((e) => e.kind === 'deleteColumn');
    let target: { sheet: string; row: number; col: number } | undefined;
    if (w.how === 'typeInNewColumn') target = column && column.kind === 'deleteColumn' ? { sheet: column.sheet, row: 1 + (w.pick % 40), col: column.col } : undefined;
    else {
      const list = cellsOf(w.how === 'type' ? 'setCell' : w.how === 'recolour' ? 'setFill' : 'setNote');
      target = list[w.pick % Math.max(1, list.length)];
    }
    if (!target) continue;
    const ws = host.workbook.getWorksheet(target.sheet);
    if (!ws) continue;
    const cell = ws.getCell(target.row, target.col);
    if (cell.type === 1 /* inside a merged area: nobody can type there */) continue;
    const at = { sheet: target.sheet, row: target.row, col: target.col, key: `${target.sheet}|${target.row},${target.col}` };
    if (out.some((o) => o.key === at.key)) continue;
    let edit: CellEdit;
    let mine: UserEdit;
    if (w.how === 'recolour') {
      edit = { kind: 'setFill', ...at, fill: '#00B050' };
      mine = { ...at, fill: '#00B050' };
    } else if (w.how === 'appendNote') {
      const note = `${readNote(cell) ?? ''} 追記`;
      edit = { kind: 'setNote', ...at, note };
      mine = { ...at, note };
    } else {
      edit = { kind: 'setCell', ...at, expect: null, content: { value: 'ユーザー入力' } };
      mine = { ...at, value: 'ユーザー入力' };
    }
    const r = await host.applyPlan({ command: 'fill', summary: 'the user', edits: [edit], notices: [] });
    if (r.skipped.length === 0) out.push(mine);
  }
  return out;
}

function laterWorkProblems(wb: ExcelJS.Workbook, later: UserEdit[], partial: boolean, command: string): string[] {
  const out: string[] = [];
  if (!partial) out.push(`undo ${command} after user edits: not reported as partly undone`);
  for (const l of later) {
    const cell = wb.getWorksheet(l.sheet)?.getCell(l.row, l.col);
    const got = cell ? { value: readShown(cell), fill: readFillColour(cell), note: readNote(cell) } : null;
    if (!got) out.push(`undo ${command}: sheet ${l.sheet} with the user's edit is gone`);
    else if (l.value !== undefined && got.value !== l.value) out.push(`undo ${command}: ${l.key} typed ${l.value}, now ${JSON.stringify(got.value)}`);
    else if (l.fill !== undefined && got.fill !== l.fill) out.push(`undo ${command}: ${l.key} recoloured ${l.fill}, now ${got.fill}`);
    else if (l.note !== undefined && got.note !== l.note) out.push(`undo ${command}: ${l.key} note ${JSON.stringify(l.note)}, now ${JSON.stringify(got.note)}`);
  }
  return out;
}
