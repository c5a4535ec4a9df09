/**
 * KPI definitions: the `KPI定義` sheet a person reads and edits. One row per KPI (name, unit, direction,
 * cumulative, rate method, baseline & year, target & year, allowed range, sheet number, department),
 * then a grade-band block. When present it overrides inference and the table is checked against it.
 */
import type { CellValue, GridSnapshot } from './snapshot';
import { cellAddress } from './snapshot';
import type { Kpi, ProgressModel } from './model';
import type { RateMethod } from './rates';
import type { GradingMethod } from './status';
import { t, type MessageId, type ParamsOf } from './catalogue';
import { DEFINITION_WORDS } from './catalogue/words';
import { isDash, nameKey } from './text';
import { readNumberText } from './values';
import { formatYearLabel, parseYearLabel } from './years';
import { kpiBounds, kpiDirection, kpiUnit, rateMethod } from './rates';

export const DEFINITIONS_SHEET = 'KPI定義';

export interface KpiDefinition {
  name: string;
  unit: string | null;
  /** null: infer from the table. */
  direction: 'up' | 'down' | null;
  cumulative: boolean | null;
  /** null: infer (自動). */
  method: RateMethod | null;
  baseline: { value: number | null; year: number | null };
  target: { value: number | null; year: number | null };
  /** Allowed range of actuals, in the KPI's unit. */
  min: number | null;
  max: number | null;
  sheetNo: string | null;
  department: string | null;
  /** Worksheet row of this definition, for messages. */
  row: number;
}

/** A KPI定義 row that sets nothing: every field inferred from the table. */
export function emptyDefinition(name: string, row = 0): KpiDefinition {
  return {
    name,
    unit: null,
    direction: null,
    cumulative: null,
    method: null,
    baseline: { value: null, year: null },
    target: { value: null, year: null },
    min: null,
    max: null,
    sheetNo: null,
    department: null,
    row,
  };
}

/** Lower bounds of the grading figure (達成率, or actual ÷ expected), as fractions (A ≥ 1.0, B ≥ 0.8, C ≥ 0.5, else D). */
export interface GradeBands {
  A: number;
  B: number;
  C: number;
}

export const DEFAULT_BANDS: GradeBands = { A: 1, B: 0.8, C: 0.5 };

export interface DefinitionProblem {
  cell: string;
  ja: string;
  en: string;
}

export interface KpiDefinitions {
  sheet: string;
  kpis: KpiDefinition[];
  bands: GradeBands;
  /** How grades are given (評価の方法 in the 評価区分 block); undefined: the default (達成率の区分). */
  grading?: GradingMethod;
  /** Rows or cells that could not be read; the rest is still used. */
  problems: DefinitionProblem[];
}

/** Column headers, in the order definitionRows writes them. Reading finds them by text, any order. */
export const DEFINITION_HEADERS = [
  'KPI名', '単位', '方向', '累計', DEFINITION_WORDS.methodHeader, '基準値', '基準年度', '目標値', '目標年度',
  '下限', '上限', 'シートNo.', '担当課', '所在',
] as const;
type Field = 'name' | 'unit' | 'direction' | 'cumulative' | 'method' | 'baseline' | 'baselineYear' | 'target'
  | 'targetYear' | 'min' | 'max' | 'sheetNo' | 'department' | 'where';
const FIELDS: Field[] = ['name', 'unit', 'direction', 'cumulative', 'method', 'baseline', 'baselineYear', 'target',
  'targetYear', 'min', 'max', 'sheetNo', 'department', 'where'];

const BANDS_TITLE = '評価区分';
const GRADING_TITLE = DEFINITION_WORDS.gradingTitle;

/** "見込み値（按分）に対する実績の区分", "見込み", "期待値" → expected; "達成率…" → rate. */
function readGrading(how: string): GradingMethod | null {
  if (/見込|期待|按分|expected/i.test(how)) return 'path';
  if (/達成率|実績÷目標|rate/i.test(how)) return 'rate';
  return null;
}
const DIRECTION_WORDS: Record<string, 'up' | 'down' | null> = {
  増加: 'up', 上昇: 'up', up: 'up', 減少: 'down', 低下: 'down', down: 'down', 自動: null, auto: null, '': null,
};
const CUMULATIVE_WORDS: Record<string, boolean | null> = {
  累計: true, 延べ: true, yes: true, cumulative: true, 単年度: false, 単年: false, no: false, 'per year': false,
  自動: null, auto: null, '': null,
};
const METHOD_WORDS: Record<string, RateMethod | null> = {
  '実績÷目標': 'ratio', 比率: 'ratio', ratio: 'ratio', 差分: 'gap', 'gap': 'gap', '(基準-実績)÷(基準-目標)': 'gap',
  [DEFINITION_WORDS.none]: 'none', none: 'none', 自動: null, auto: null, '': null,
};
const DIRECTION_LABEL = { up: '増加', down: '減少' } as const;
const METHOD_LABEL: Record<RateMethod, string> = { ratio: '実績÷目標', gap: '差分', none: DEFINITION_WORDS.none };

/** Names match as recognition matches relisted KPIs: width, spacing and 再掲 marks ignored. */
export const normaliseName = nameKey;

/** Position of each name in a definitions list; rebuilt when the list grows or a name moved. */
const nameIndexes = new WeakMap<KpiDefinition[], { length: number; at: Map<string, number> }>();

function nameIndex(list: KpiDefinition[]): Map<string, number> {
  let index = nameIndexes.get(list);
  if (!index || index.length !== list.length) {
    const at = new Map<string, number>();
    list.forEach((d, i) => { if (!at.has(normaliseName(d.name))) at.set(normaliseName(d.name), i); });
    index = { length: list.length, at };
    nameIndexes.set(list, index);
  }
  return index.at;
}

/** The definition of a KPI, matched by name (the first row of that name). */
export function definitionFor(defs: KpiDefinitions | undefined, kpi: Kpi): KpiDefinition | undefined {
  if (!defs) return undefined;
  const key = normaliseName(kpi.name);
  const i = nameIndex(defs.kpis).get(key);
  if (i === undefined) return undefined;
  const d = defs.kpis[i];
  if (normaliseName(d.name) === key) return d;
  nameIndexes.delete(defs.kpis);
  return defs.kpis.find((x) => normaliseName(x.name) === key);
}

function text(v: CellValue): string {
  return v === null || v === undefined ? '' : String(v).normalize('NFKC').trim();
}

/** "26", 26, "1,105", "▲2,530", "3以上", "40.4%" → number; "" or "-" → null; otherwise undefined (unreadable). */
export function looseNumber(v: CellValue): number | null | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  const s = text(v);
  if (s === '' || isDash(s)) return null;
  return readNumberText(s)?.value;
}

/** 2018, "2018", "2018年度", "H30", "R6", "令和元年度", "FY2020" → western fiscal year. */
export function looseYear(v: CellValue): number | null | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v > 1900 && v < 2200 ? v : undefined;
  const s = text(v);
  if (s === '' || s === '-') return null;
  return parseYearLabel(s)?.year;
}

const ERA_STYLE = { R: { template: 'R{n}', era: 'R', gannen: false, fullWidth: false }, H: { template: 'H{n}', era: 'H', gannen: false, fullWidth: false } } as const;

/** "R6" / "H30" for a western fiscal year, as the tables label years. */
export function eraYearLabel(year: number | null): string {
  if (year === null) return '';
  return formatYearLabel(year, year >= 2019 ? ERA_STYLE.R : ERA_STYLE.H);
}

/** Grade band: "100%", 100, 1 (as 100 %), "80" → fraction. */
function bandValue(v: CellValue): number | undefined {
  if (typeof v === 'number') return v > 2 ? v / 100 : v;
  const n = looseNumber(v);
  if (n === null || n === undefined) return undefined;
  return text(v).endsWith('%') || n > 2 ? n / 100 : n;
}

function word<T>(table: Record<string, T>, v: CellValue): T | undefined {
  const key = text(v).toLowerCase();
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Records an unreadable cell (sheet rows and columns from 0) with its catalogue message. */
type Problem = <K extends MessageId>(r: number, c: number, id: K, ...params: ParamsOf<K>) => void;

/** Reads a `KPI定義` sheet leniently: unreadable cells become problems and fall back to inference. */
export function readDefinitions(s: GridSnapshot): KpiDefinitions {
  const out: KpiDefinitions = { sheet: s.sheet, kpis: [], bands: { ...DEFAULT_BANDS }, problems: [] };
  const at = (r: number, c: number) => s.values[r]?.[c] ?? null;
  const problem: Problem = (r, c, id, ...params) =>
    out.problems.push({ cell: cellAddress(r + s.origin.row, c + s.origin.col), ja: t('ja', id, ...params), en: t('en', id, ...params) });

  const headerIndex = s.values.findIndex((line) => line.some((v) => text(v) === 'KPI名'));
  if (headerIndex < 0) {
    problem(0, 0, 'definitions.no-header');
    return out;
  }
  const cols = new Map<Field, number>();
  s.values[headerIndex].forEach((v, c) => {
    const i = (DEFINITION_HEADERS as readonly string[]).indexOf(text(v));
    if (i >= 0) cols.set(FIELDS[i], c);
  });
  const get = (r: number, f: Field) => (cols.has(f) ? at(r, cols.get(f)!) : null);

  let r = headerIndex + 1;
  for (; r < s.values.length; r++) {
    const name = text(get(r, 'name'));
    if (name === '' || name === BANDS_TITLE) break;
    const row = r + s.origin.row;
    const def: KpiDefinition = {
      name, unit: text(get(r, 'unit')) || null, direction: null, cumulative: null, method: null,
      baseline: { value: null, year: null }, target: { value: null, year: null }, min: null, max: null,
      sheetNo: text(get(r, 'sheetNo')) || null, department: text(get(r, 'department')) || null, row,
    };
    const pick = <T>(f: Field, table: Record<string, T>, allowed: string): T | null => {
      const v = word(table, get(r, f));
      if (v !== undefined) return v;
      problem(r, cols.get(f)!, 'definitions.unreadable-word', { value: text(get(r, f)), allowed });
      return null;
    };
    def.direction = pick('direction', DIRECTION_WORDS, '増加 / 減少 / 自動');
    def.cumulative = pick('cumulative', CUMULATIVE_WORDS, '累計 / 単年度 / 自動');
    def.method = pick('method', METHOD_WORDS, ['実績÷目標', '差分', DEFINITION_WORDS.none, '自動'].join(' / '));
    const num = (f: Field, reader: (v: CellValue) => number | null | undefined, what: string): number | null => {
      const v = reader(get(r, f));
      if (v !== undefined) return v;
      problem(r, cols.get(f)!, 'definitions.not-a-number', { what, value: text(get(r, f)) });
      return null;
    };
    // Excel stores a typed "100%" as 1 with a percent format; KPIs count percent points (100).
    const amount = (f: Field) => (v: CellValue) => {
      const n = looseNumber(v);
      const format = cols.has(f) ? s.numberFormats[r]?.[cols.get(f)!] : null;
      return typeof v === 'number' && n != null && format?.includes('%') ? Number((n * 100).toPrecision(12)) : n;
    };
    // A text target ("見直し完了") is a qualitative KPI, not a problem.
    def.target.value = amount('target')(get(r, 'target')) ?? null;
    def.baseline.value = num('baseline', amount('baseline'), '基準値');
    def.baseline.year = num('baselineYear', looseYear, '基準年度');
    def.target.year = num('targetYear', looseYear, '目標年度');
    def.min = num('min', amount('min'), '下限');
    def.max = num('max', amount('max'), '上限');
    out.kpis.push(def);
  }
  readBands(s, r, out, problem);
  return out;
}

function readBands(
  s: GridSnapshot, from: number, out: KpiDefinitions, problem: Problem,
): void {
  for (let r = from; r < s.values.length; r++) {
    const c = s.values[r].findIndex((v) => text(v) === BANDS_TITLE);
    if (c < 0) continue;
    for (let k = r + 1; k < s.values.length; k++) {
      if (text(s.values[k][c]) === GRADING_TITLE) {
        const how = text(s.values[k][c + 1] ?? null);
        const method = readGrading(how);
        if (method) out.grading = method;
        else if (how) {
          // The sheet's words are Japanese in both languages: they are what the cell must say.
          problem(k, c + 1, 'definitions.grading-unreadable', { how, rate: t('ja', 'grading.rate'), path: t('ja', 'grading.path') });
        }
        continue;
      }
      const grade = text(s.values[k][c]).toUpperCase();
      if (grade !== 'A' && grade !== 'B' && grade !== 'C') continue;
      const v = bandValue(s.values[k][c + 1] ?? null);
      if (v === undefined) {
        problem(k, c + 1, 'definitions.band-unreadable', { grade });
      } else out.bands[grade] = v;
    }
    if (!(out.bands.A >= out.bands.B && out.bands.B >= out.bands.C)) {
      problem(r, c, 'definitions.bands-order');
      out.bands = { ...DEFAULT_BANDS };
    }
    return;
  }
}

/**
 * The rows of a new `KPI定義` sheet (from A1): a note, the header, one row per KPI (relisted KPIs once),
 * then the grade bands. Method and cumulative come from the analysis when given.
 */
export function definitionRows(
  model: ProgressModel,
  analysis?: { kpis: Record<string, { method: RateMethod }>; bands?: GradeBands; grading?: GradingMethod },
): CellValue[][] {
  const rows: CellValue[][] = [
    // The sheet is written in Japanese whatever the user's language: its words are read back.
    [t('ja', 'definitions.sheet-note')],
    [],
    [...DEFINITION_HEADERS],
  ];
  const seen = new Set<string>();
  for (const sheet of model.sheets) {
    for (const kpi of sheet.kpis) {
      const key = normaliseName(kpi.name);
      if (kpi.relistedFrom || seen.has(key)) continue;
      seen.add(key);
      rows.push(kpiRow(kpi, analysis?.kpis[kpi.id]?.method ?? rateMethod(kpi)));
    }
  }
  const bands = analysis?.bands ?? DEFAULT_BANDS;
  const grading = analysis?.grading ?? 'rate';
  rows.push([], [BANDS_TITLE, t('ja', `definitions.bands.${grading}`)],
    [GRADING_TITLE, t('ja', `grading.${grading}`)],
    ['A', `${bands.A * 100}%`], ['B', `${bands.B * 100}%`], ['C', `${bands.C * 100}%`], ['D', '上記未満']);
  return rows.map((r) => padRow(r, DEFINITION_HEADERS.length));
}

function kpiRow(kpi: Kpi, method: RateMethod): CellValue[] {
  const { baseline, target } = kpiBounds(kpi);
  const unit = kpiUnit(kpi);
  const percent = unit === '%';
  return [
    kpi.name,
    unit ?? '',
    DIRECTION_LABEL[kpiDirection(kpi)],
    kpi.cumulative ? '累計' : '単年度',
    METHOD_LABEL[method],
    baseline ?? '',
    eraYearLabel(kpi.baseline.year),
    target ?? kpi.target.text,
    eraYearLabel(kpi.target.year),
    percent ? 0 : '',
    percent ? 100 : '',
    kpi.sheetNo ?? '',
    kpi.department ?? '',
    `${kpi.sheet}!${cellAddress(kpi.nameCell.row, kpi.nameCell.col)}`,
  ];
}

function padRow(r: CellValue[], n: number): CellValue[] {
  const out = r.map((v) => (v === '' ? null : v));
  while (out.length < n) out.push(null);
  return out;
}
