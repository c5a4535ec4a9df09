/**
 * Merging the answers of a round (issue #17) by KPI, not by cell address: each answer's KPIs are
 * matched to the master's (the matching of editions), what the department changed in its own open
 * cells becomes one plan; anything else, and two answers that disagree, become conflicts.
 */
import type { Lang } from '../findings';
import type { Kpi, KpiTable, ProgressModel } from '../model';
import type { CellEdit, EditPlan } from '../plan';
import { cellAddress, formulaAt, valueAt, type CellValue, type GridSnapshot } from '../snapshot';
import { normalise } from '../text';
import { departments, sameFigure } from './figures';
import { matchKpis } from './match';
import { answerDepartment, planRound, readRoundRecord, type RoundPlan } from './round';
import { t } from '../catalogue';

export interface Edition {
  model: ProgressModel;
  snapshots: GridSnapshot[];
}

export interface Answer extends Edition {
  file: string;
}

export type ConflictReason = 'other-department' | 'not-asked' | 'answers-disagree' | 'kpi-added' | 'kpi-removed' | 'unknown-department';

export interface MergedCell {
  sheet: string;
  row: number;
  col: number;
  cell: string;
  kpi: string;
  kpiName: string;
  value: CellValue;
  master: CellValue;
}

export interface MergeConflict {
  file: string;
  department: string | null;
  sheet: string;
  cell: string;
  kpi: string | null;
  kpiName: string;
  reason: ConflictReason;
  master: CellValue;
  answer: CellValue;
}

export interface MergeResult {
  year: number;
  merged: { department: string; file: string; cells: MergedCell[] }[];
  conflicts: MergeConflict[];
  missing: { department: string; kpis: string[] }[];
  plan: EditPlan;
}

interface Change {
  field: 'actual' | 'remark' | 'baseline' | 'target' | 'rate' | 'name' | 'department' | 'sheetNo';
  year: number | null;
  /** Master cell (row, col) and the answer's cell. */
  at: { row: number; col: number };
  from: { row: number; col: number };
}

class Tables {
  private m = new Map<string, KpiTable>();
  constructor(model: ProgressModel) {
    for (const s of model.sheets) for (const t of s.tables) this.m.set(`${s.sheet}\u0000${t.index}`, t);
  }
  of(k: Kpi): KpiTable | undefined {
    return this.m.get(`${k.sheet}\u0000${k.tableIndex}`);
  }
}

/** Every cell where the answer's KPI says something else than the master's. */
function changes(m: Kpi, a: Kpi, mt: Tables, at: Tables): Change[] {
  const out: Change[] = [];
  const col = (t: KpiTable | undefined, c: 'remark' | 'department' | 'sheetNo' | 'baseline' | 'target') => t?.columns[c] ?? null;
  for (const [y, mv] of m.actuals.entries()) {
    const av = a.actuals.get(Number(y));
    if (av && !sameFigure(mv, av)) out.push({ field: 'actual', year: Number(y), at: m.actuals.cell(y), from: a.actuals.cell(y) });
  }
  for (const [y, mr] of m.printedRates.entries()) {
    const ar = a.printedRates.get(Number(y));
    if (ar && normalise(mr.text) !== normalise(ar.text)) out.push({ field: 'rate', year: Number(y), at: m.printedRates.cell(y), from: a.printedRates.cell(y) });
  }
  const cells = (field: Change['field'], c: 'remark' | 'department' | 'sheetNo' | 'baseline' | 'target', same: boolean) => {
    const mc = col(mt.of(m), c);
    const ac = col(at.of(a), c);
    if (!same && mc && ac) out.push({ field, year: null, at: { row: m.row, col: mc }, from: { row: a.row, col: ac } });
  };
  cells('remark', 'remark', normalise(m.remark ?? '') === normalise(a.remark ?? ''));
  cells('baseline', 'baseline', sameFigure(m.baseline.parsed, a.baseline.parsed));
  cells('target', 'target', sameFigure(m.target.parsed, a.target.parsed));
  cells('department', 'department', normalise(m.department ?? '') === normalise(a.department ?? ''));
  cells('sheetNo', 'sheetNo', normalise(m.sheetNo ?? '') === normalise(a.sheetNo ?? ''));
  if (normalise(m.name) !== normalise(a.name)) out.push({ field: 'name', year: null, at: m.nameCell, from: a.nameCell });
  return out;
}

function snapshotOf(e: Edition, sheet: string): GridSnapshot | undefined {
  return e.snapshots.find((s) => s.sheet === sheet);
}

/** Departments of the master, in the order of their first KPI. */
export function masterDepartments(model: ProgressModel): string[] {
  const out: string[] = [];
  for (const s of model.sheets) for (const k of s.kpis) for (const d of departments(k.department)) if (!out.includes(d)) out.push(d);
  return out;
}

export function planMerge(master: Edition, answers: Answer[], options: { year?: number; lang?: Lang } = {}): MergeResult {
  const lang = options.lang ?? 'ja';
  const known = masterDepartments(master.model);
  const mt = new Tables(master.model);
  const byId = new Map(master.model.sheets.flatMap((s) => s.kpis).map((k) => [k.id, k]));
  // The year comes from the copies' round records when they carry one.
  const records = answers.map((a) => readRoundRecord(a.snapshots));
  const year = options.year ?? records.find((r) => r)?.year ?? planRound(master.model).year;
  const nextYear = records.some((r) => r?.nextYear);
  const round: RoundPlan = planRound(master.model, { year, nextYear });
  const open = new Map<string, Set<string>>();
  for (const d of round.departments) open.set(d.department, new Set(d.cells.map((c) => `${c.sheet}!${cellAddress(c.row, c.col)}`)));
  const conflicts: MergeConflict[] = [];
  const merged: MergeResult['merged'] = [];
  /** Master cell → the answers that write it. */
  const writes = new Map<string, { file: string; department: string; cell: MergedCell }[]>();
  const answered = new Set<string>();

  answers.forEach((answer, i) => {
    const department = answerDepartment(answer.file, records[i], known);
    const at = new Tables(answer.model);
    const aById = new Map(answer.model.sheets.flatMap((s) => s.kpis).map((k) => [k.id, k]));
    const conflict = (sheet: string, row: number, col: number, kpi: Kpi | null, reason: ConflictReason, masterValue: CellValue, answerValue: CellValue) =>
      conflicts.push({ file: answer.file, department, sheet, cell: cellAddress(row, col), kpi: kpi?.id ?? null, kpiName: kpi?.name ?? '', reason, master: masterValue, answer: answerValue });
    if (!department) {
      conflict(answer.snapshots[0]?.sheet ?? '', 1, 1, null, 'unknown-department', null, answer.file);
      return;
    }
    answered.add(department);
    merged.push({ department, file: answer.file, cells: [] });
    const own = open.get(department) ?? new Set<string>();
    const matching = matchKpis(master.model, answer.model);
    for (const m of matching.matches) {
      const mk = byId.get(m.previous)!;
      const ak = aById.get(m.current)!;
      const ms = snapshotOf(master, mk.sheet);
      const as = snapshotOf(answer, ak.sheet);
      if (!ms || !as) continue;
      for (const c of changes(mk, ak, mt, at)) {
        const masterValue = valueAt(ms, c.at.row, c.at.col);
        const answerValue = valueAt(as, c.from.row, c.from.col);
        const key = `${mk.sheet}!${cellAddress(c.at.row, c.at.col)}`;
        const mine = departments(mk.department).includes(department);
        if (!mine || !own.has(key)) {
          conflict(mk.sheet, c.at.row, c.at.col, mk, mine ? 'not-asked' : 'other-department', masterValue, answerValue);
          continue;
        }
        const cell: MergedCell = { sheet: mk.sheet, row: c.at.row, col: c.at.col, cell: cellAddress(c.at.row, c.at.col), kpi: mk.id, kpiName: mk.name, value: answerValue, master: masterValue };
        writes.set(key, [...(writes.get(key) ?? []), { file: answer.file, department, cell }]);
      }
    }
    for (const k of matching.added) conflict(k.sheet, k.nameCell.row, k.nameCell.col, k, 'kpi-added', null, k.name);
    for (const k of matching.removed) if (departments(k.department).includes(department)) conflict(k.sheet, k.nameCell.row, k.nameCell.col, k, 'kpi-removed', k.name, null);
  });

  const edits: CellEdit[] = [];
  for (const list of writes.values()) {
    const values = new Set(list.map((w) => JSON.stringify(w.cell.value)));
    if (values.size > 1) {
      for (const w of list) conflicts.push({ file: w.file, department: w.department, sheet: w.cell.sheet, cell: w.cell.cell, kpi: w.cell.kpi, kpiName: w.cell.kpiName, reason: 'answers-disagree', master: w.cell.master, answer: w.cell.value });
      continue;
    }
    for (const w of list) merged.find((x) => x.file === w.file)!.cells.push(w.cell);
    const c = list[0].cell;
    const s = snapshotOf(master, c.sheet)!;
    edits.push({ kind: 'setCell', sheet: c.sheet, row: c.row, col: c.col, expect: { value: valueAt(s, c.row, c.col), formula: formulaAt(s, c.row, c.col) }, content: { value: c.value } });
  }
  for (const m of merged) m.cells.sort((a, b) => a.row - b.row || a.col - b.col);

  const missing = round.departments
    .filter((d) => !answered.has(d.department))
    .map((d) => ({
      department: d.department,
      kpis: d.kpis.filter((k) => {
        const v = k.actuals.get(round.year);
        return v !== undefined && v.kind === 'empty';
      }).map((k) => k.id),
    }));
  const n = edits.length;
  const files = merged.length;
  const summary = t(lang, 'round.merge.summary', { n, files, conflicts: conflicts.length });
  return { year: round.year, merged, conflicts, missing, plan: { command: 'merge', summary, edits, notices: [] } };
}
