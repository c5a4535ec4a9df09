/**
 * The yearly round (issue #17): the planning division sends each 担当課 a copy of the table in which
 * only that department's cells of the round are open, and merges the answers back by KPI.
 * This file decides which cells belong to whom and what an answer changed; hosts write the copies.
 */
import type { Lang } from '../findings';
import type { Kpi, KpiTable, ProgressModel } from '../model';
import type { CellValue, GridSnapshot } from '../snapshot';
import { cellAddress, valueAt } from '../snapshot';
import { eraYearLabel } from '../definitions';
import { departments } from './figures';
import { t } from '../catalogue';
import { REQUEST_SHEET_NAME } from '../catalogue/words';

/** The first sheet of every copy: what to fill, by when, whom to ask. */
export const REQUEST_SHEET = REQUEST_SHEET_NAME;
/** veryHidden sheet of every copy: which master, department and year the copy belongs to. */
export const ROUND_SHEET = '_kpi_round';
const ROUND_MARK = 'kpi-progress round';
/** Light yellow of the department's rows in its copy. */
export const ROUND_HIGHLIGHT = '#FFF2CC';

export interface RoundOptions {
  /** Western fiscal year collected; default: the year after the newest year with any actual. */
  year?: number;
  /** Also open the year after (a forecast or an early figure). */
  nextYear?: boolean;
}

export interface RoundCell {
  sheet: string;
  row: number;
  col: number;
  kpi: string;
  what: 'actual' | 'next' | 'remark';
}

export interface DepartmentShare {
  department: string;
  kpis: Kpi[];
  /** Cells open for this department in its copy. */
  cells: RoundCell[];
  /** Rows to highlight: the KPI's rows across its table. */
  rows: { sheet: string; firstRow: number; lastRow: number; firstCol: number; lastCol: number }[];
}

export interface RoundPlan {
  year: number;
  nextYear: boolean;
  departments: DepartmentShare[];
}

function tables(model: ProgressModel): Map<string, KpiTable> {
  const m = new Map<string, KpiTable>();
  for (const s of model.sheets) for (const t of s.tables) m.set(`${s.sheet}\u0000${t.index}`, t);
  return m;
}

const tableKey = (k: Kpi) => `${k.sheet}\u0000${k.tableIndex}`;

/** The year a round collects by default: after the newest year that has any actual, else the newest column. */
export function defaultRoundYear(model: ProgressModel): number | null {
  let filled: number | null = null;
  let newest: number | null = null;
  const columns = new Set<number>();
  for (const s of model.sheets) {
    for (const t of s.tables) for (const y of t.columns.years) {
      columns.add(y.year);
      newest = Math.max(newest ?? y.year, y.year);
    }
    for (const k of s.kpis) for (const [y, v] of k.actuals.entries()) {
      if (v.kind !== 'empty') filled = Math.max(filled ?? Number(y), Number(y));
    }
  }
  if (filled !== null && columns.has(filled + 1)) return filled + 1;
  return newest;
}

/** Which department gets which KPIs and cells. A KPI of several departments ("商工振興課 農林課") goes to each. */
export function planRound(model: ProgressModel, options: RoundOptions = {}): RoundPlan {
  const year = options.year ?? defaultRoundYear(model);
  if (year === null) return { year: NaN, nextYear: !!options.nextYear, departments: [] };
  const byTable = tables(model);
  const shares = new Map<string, DepartmentShare>();
  for (const s of model.sheets) {
    for (const k of s.kpis) {
      const t = byTable.get(tableKey(k));
      if (!t) continue;
      for (const d of departments(k.department)) {
        const share = shares.get(d) ?? { department: d, kpis: [], cells: [], rows: [] };
        shares.set(d, share);
        share.kpis.push(k);
        const col = (y: number) => t.columns.years.find((c) => c.year === y)?.col ?? null;
        const at = (c: number | null, what: RoundCell['what']) => c && share.cells.push({ sheet: k.sheet, row: k.row, col: c, kpi: k.id, what });
        at(col(year), 'actual');
        if (options.nextYear) at(col(year + 1), 'next');
        at(t.columns.remark, 'remark');
        const last = Math.max(k.rateRow, k.expectedRow ?? 0, k.row);
        share.rows.push({ sheet: k.sheet, firstRow: k.row, lastRow: last, firstCol: t.firstCol, lastCol: t.lastCol });
      }
    }
  }
  return { year, nextYear: !!options.nextYear, departments: [...shares.values()] };
}

export interface RoundRecord {
  /** File stem of the master the copy was made from. */
  master: string;
  department: string;
  year: number;
  nextYear: boolean;
  /** "<master>/<year>/<department>". */
  id: string;
  due: string | null;
  contact: string | null;
}

export function roundId(master: string, year: number, department: string): string {
  return `${master}/${year}/${department}`;
}

export function roundRecordRows(r: RoundRecord): CellValue[][] {
  return [
    [ROUND_MARK, 1],
    ['id', r.id],
    ['master', r.master],
    ['department', r.department],
    ['year', r.year],
    ['nextYear', r.nextYear ? 1 : 0],
    ['due', r.due ?? ''],
    ['contact', r.contact ?? ''],
  ];
}

/** The round record of a copy, or null when the workbook is no copy of a round. */
export function readRoundRecord(snapshots: GridSnapshot[]): RoundRecord | null {
  const s = snapshots.find((x) => x.sheet === ROUND_SHEET);
  if (!s || valueAt(s, 1, 1) !== ROUND_MARK) return null;
  const get = (key: string): CellValue => {
    for (let r = 1; r <= s.values.length; r++) if (valueAt(s, r, 1) === key) return valueAt(s, r, 2);
    return null;
  };
  const year = Number(get('year'));
  const department = String(get('department') ?? '');
  if (!department || !Number.isFinite(year)) return null;
  const text = (v: CellValue) => (v === null || v === '' ? null : String(v));
  return { master: String(get('master') ?? ''), department, year, nextYear: Number(get('nextYear')) === 1, id: String(get('id') ?? ''), due: text(get('due')), contact: text(get('contact')) };
}

/** The rows of 「記入のお願い」: what to fill, by when, whom to ask, then one line per open cell. */
export function requestSheetRows(share: DepartmentShare, r: RoundRecord, lang: Lang): CellValue[][] {
  const fy = (year: number) => t(lang, 'round.copy.fy', { year, era: eraYearLabel(year) });
  const rows: CellValue[][] = [
    [t(lang, 'round.copy.title', { department: share.department })],
    [],
    [t(lang, 'round.copy.department'), share.department],
    [t(lang, 'round.copy.year'), t(lang, 'round.copy.years', { fy: fy(r.year), next: r.nextYear ? fy(r.year + 1) : null })],
    [t(lang, 'round.copy.due'), r.due ?? t(lang, 'round.copy.due-unknown')],
    [t(lang, 'round.copy.contact'), r.contact ?? t(lang, 'round.copy.contact-unknown')],
    [t(lang, 'round.copy.id'), r.id],
    [],
    [t(lang, 'round.copy.how', { era: eraYearLabel(r.year) })],
    [],
    [t(lang, 'round.copy.sheet'), t(lang, 'round.copy.cell'), 'KPI', t(lang, 'round.copy.what')],
  ];
  const names = new Map(share.kpis.map((k) => [k.id, k.name]));
  for (const c of share.cells) {
    const label = c.what === 'remark' ? t(lang, 'round.copy.remark') : t(lang, 'round.copy.actual', { era: eraYearLabel(c.what === 'next' ? r.year + 1 : r.year) });
    rows.push([c.sheet, cellAddress(c.row, c.col), names.get(c.kpi) ?? '', label]);
  }
  return rows;
}

/** The department an answer belongs to: its round record, else its file name ("<stem>_<担当課>.xlsx"). */
export function answerDepartment(file: string, record: RoundRecord | null, known: string[]): string | null {
  if (record && known.includes(record.department)) return record.department;
  const base = file.replace(/^.*[\\/]/, '').replace(/\.xlsx?m?$/i, '').normalize('NFKC');
  const hits = known.filter((d) => base.endsWith(`_${d}`) || base.includes(d));
  return hits.sort((a, b) => b.length - a.length)[0] ?? null;
}
