/**
 * analyse(): the recognised model in, rates, status, grade and findings out. Definitions (KPI定義)
 * override inference when given; every sheet is judged by its own rounding convention.
 */
import type { GradeLegend, Kpi, ProgressModel, SheetModel } from './model';
import { ByYear } from './by-year';
import type { Finding, Lang } from './findings';
import type { KpiDefinition, KpiDefinitions } from './definitions';
import type { GridSnapshot } from './snapshot';
import { definitionFor, DEFAULT_BANDS, DEFINITIONS_SHEET, readDefinitions } from './definitions';
import { computeRate, detectRounding, rateMethod, withKpiTerms, type RateMethod } from './rates';
import { assessStatus, type Grade, type GradeBasis, type GradeOptions, type Status, type StatusResult } from './status';
import { runRules } from './rules';
import { actualYears } from './kpi-facts';
import { buildIndex, type StatusLookup } from './rules/context';
import { definitionProblems } from './rules/definition-drift';

export interface KpiAssessment {
  /**
   * Computed rate (fraction) by western fiscal year, for every year with an actual cell; null where
   * none can be computed. A ByYear, not a record keyed by year (V8 keeps those as dictionaries, 1.3–3 µs
   * per KPI to build); its JSON is the record's `{ "2019": … }`.
   */
  rates: ByYear<number | null>;
  status: Status;
  grade: Grade | null;
  /** 進捗率 of the latest year with an actual. */
  progress: number | null;
  method: RateMethod;
  /** Year judged (latest with a readable actual). */
  year: number | null;
  /** Path value (見込み値): the value on the straight line from baseline to target in that year. */
  pathValue: number | null;
  /** The figures behind the grade (shown as one line: gradeLine in grade-line.ts); null without a grade. */
  basis: GradeBasis | null;
}

export interface Analysis {
  kpis: Record<string, KpiAssessment>;
  findings: Finding[];
  rounding: Record<string, { mode: 'half-up' | 'truncate'; decimals: number }>;
}

export interface AnalyseOptions {
  lang?: Lang;
  definitions?: KpiDefinitions;
  /** Names of the management sheets (進行管理シート) when known, for the sheet-number rule. */
  managementSheets?: string[];
}

/**
 * A printed rate with the computed one. Made by a constructor, not an object literal: a sheet's samples
 * live until its rounding is judged, so V8 pretenured a literal's allocation site in the middle of a
 * cold run and threw away the optimised code allocating there (roundingSamples, analyseModel).
 */
class RoundingSample {
  constructor(readonly computed: number, readonly printed: number, readonly decimals: number | null) {}
}

/** A KPI's printed rates with the computed ones, from which the sheet's rounding is judged (detectRounding). */
function roundingSamples(kpi: Kpi, def: KpiDefinition | undefined, samples: RoundingSample[]): void {
  const { years, values } = kpi.printedRates;
  for (let i = 0; i < years.length; i++) {
    const p = values[i];
    if (p.kind !== 'rate' || p.value === null) continue;
    const computed = computeRate(kpi, years[i], def).value;
    samples.push(new RoundingSample(computed ?? p.value, p.value, p.decimals));
  }
}

/** The sheet's printed grade legend, when it has one: it decides the grades. */
export function gradeLegend(sheet: SheetModel): GradeLegend | undefined {
  return sheet.legends?.find((l) => l.kind === 'grade');
}

/** Rates, status and grade of one KPI (also used by the live re-check of a single KPI). */
export function assessKpi(kpi: Kpi, defs?: KpiDefinitions, legend?: GradeLegend): { assessment: KpiAssessment; status: StatusResult } {
  const def = definitionFor(defs, kpi);
  const status = assessStatus(kpi, def, gradeOptions(defs, legend));
  return { assessment: assessmentOf(kpi, def, status), status };
}

function gradeOptions(defs: KpiDefinitions | undefined, legend: GradeLegend | undefined): GradeOptions {
  return { bands: defs?.bands ?? DEFAULT_BANDS, method: defs?.grading, legend };
}

/** The assessment of a KPI whose status is `st`: its rates of every year with an actual cell, and the status's figures. */
function assessmentOf(kpi: Kpi, def: KpiDefinition | undefined, st: StatusResult): KpiAssessment {
  // the KPI's own years (ByYear never changes a years list in place): only the values are a new list
  const years = actualYears(kpi);
  const values: (number | null)[] = new Array(years.length);
  for (let i = 0; i < years.length; i++) values[i] = computeRate(kpi, years[i], def).value;
  return new AssessmentRecord(new ByYear(years, values), st, rateMethod(kpi, def));
}

/**
 * A KpiAssessment, made by one constructor for the same reason as RoundingSample (the assessments are
 * kept for the whole analysis): the literal's own properties in the literal's order, so JSON and
 * spreads see the same record.
 */
class AssessmentRecord implements KpiAssessment {
  declare rates: ByYear<number | null>;
  declare status: Status;
  declare grade: Grade | null;
  declare progress: number | null;
  declare method: RateMethod;
  declare year: number | null;
  declare pathValue: number | null;
  declare basis: GradeBasis | null;

  constructor(rates: ByYear<number | null>, st: StatusResult, method: RateMethod) {
    this.rates = rates;
    this.status = st.status;
    this.grade = st.grade;
    this.progress = st.progress;
    this.method = method;
    this.year = st.year;
    this.pathValue = st.pathValue;
    this.basis = st.basis;
  }
}

export function analyse(model: ProgressModel, options: AnalyseOptions = {}): Analysis {
  // each KPI's unit, bounds, direction and method decided once, not per year and rule
  // (and its lists, kpi-facts.ts, kept with them)
  return withKpiTerms(() => analyseModel(model, options));
}

/**
 * An empty record keyed by KPI id. Without a prototype V8 makes it a hash table at once; a `{}` takes
 * a new hidden class for each of its first thousand keys before turning into one (about 20 ms of a
 * cold run for 10,000 KPIs, per record).
 */
function byId<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * Gives `analysis` its `kpis` record of `assessed[i]` by `ids[i]` (in that order, a later id winning,
 * as stores in turn would), made when first read or replaced: an own, enumerable property in its
 * place, so spreads, JSON and assignments see a plain record. Each store in a record keyed by id
 * internalises the id (a string table entry, the id new with every recognition) and grows a hash
 * table: about 1–2 µs per KPI, which callers that never read the record (check without --json) paid
 * all the same; now only those that read it pay, the same amount.
 */
function kpisWhenRead(analysis: Analysis, ids: string[], assessed: KpiAssessment[]): void {
  const settle = (kpis: Record<string, KpiAssessment>) => {
    Object.defineProperty(analysis, 'kpis', { value: kpis, writable: true, enumerable: true, configurable: true });
    return kpis;
  };
  Object.defineProperty(analysis, 'kpis', {
    enumerable: true,
    configurable: true,
    get() {
      const kpis = byId<KpiAssessment>();
      for (let i = 0; i < ids.length; i++) kpis[ids[i]] = assessed[i];
      return settle(kpis);
    },
    set: settle,
  });
}

/** A placeholder in `kpis`' place, so that the analysis is made with its properties in their order. */
const NO_KPIS: Record<string, KpiAssessment> = Object.freeze(byId<KpiAssessment>());

function analyseModel(model: ProgressModel, options: AnalyseOptions): Analysis {
  const lang = options.lang ?? 'ja';
  const defs = options.definitions;
  const analysis: Analysis = { kpis: NO_KPIS, findings: [], rounding: {} };
  // the record by id made when first read (kpisWhenRead): here each KPI's id and assessment, in turn
  const ids: string[] = [];
  const assessed: KpiAssessment[] = [];
  const index = buildIndex(model);
  for (const sheet of model.sheets) {
    const samples: RoundingSample[] = [];
    const statuses = assessSheet(sheet, defs, samples, ids, assessed);
    const rounding = detectRounding(samples);
    analysis.rounding[sheet.sheet] = rounding;
    const ctx = {
      model, sheet, lang, definitions: defs, rounding, statuses: new SheetStatuses(sheet.kpis, statuses), managementSheets: options.managementSheets, index,
    };
    const found = runRules(ctx);
    for (let i = 0; i < found.length; i++) analysis.findings.push(found[i]);
  }
  analysis.findings.push(...definitionProblems(defs, lang));
  kpisWhenRead(analysis, ids, assessed);
  return analysis;
}

/**
 * One pass over a sheet's KPIs: each KPI's printed rates sampled for the sheet's rounding (into
 * `samples`) and the KPI assessed (its id and assessment into `ids` and `assessed`), its terms at hand;
 * the KPIs' statuses by position. A function of its own, not a loop inside analyseModel: V8 compiled
 * that loop in the middle of the cold run (on-stack replacement) without feedback for the code after
 * it, threw it away there, and compiled analyseModel 7–8 times in 12 runs.
 */
function assessSheet(
  sheet: SheetModel, defs: KpiDefinitions | undefined, samples: RoundingSample[], ids: string[], assessed: KpiAssessment[],
): StatusResult[] {
  const statuses: StatusResult[] = new Array(sheet.kpis.length);
  const grading = gradeOptions(defs, gradeLegend(sheet));
  // an index loop: once per sheet, mostly before optimisation, where for…of makes an iterator result per KPI
  for (let i = 0; i < sheet.kpis.length; i++) {
    const kpi = sheet.kpis[i];
    const def = definitionFor(defs, kpi);
    roundingSamples(kpi, def, samples);
    const status = assessStatus(kpi, def, grading);
    statuses[i] = status;
    ids.push(kpi.id);
    assessed.push(assessmentOf(kpi, def, status));
  }
  return statuses;
}

/**
 * A sheet's statuses by the position of their KPI (`results[i]` is `kpis[i]`'s), for the rules: they
 * ask of the KPI they look at, in the sheet's order, which a cursor finds at once, or of one a few rows
 * away (a finding placed on a breakdown's total), found by searching outwards from the cursor. Not a
 * Map of the sheet's KPIs, which stored 10,000 entries to look up each once or twice; not a search from
 * the sheet's top, which read half the sheet for each such KPI (about 1,700 of the 10,000-KPI sheet's).
 */
export class SheetStatuses implements StatusLookup {
  private at = 0;

  constructor(private readonly kpis: readonly Kpi[], private readonly results: readonly StatusResult[]) {}

  get(kpi: Kpi): StatusResult | undefined {
    if (this.kpis[this.at] !== kpi) {
      const i = indexNear(this.kpis, kpi, this.at);
      if (i < 0) return undefined;
      this.at = i;
    }
    return this.results[this.at];
  }
}

/** The position of `kpi` in `kpis` nearest `from` (the later one at equal distance), or -1. */
function indexNear(kpis: readonly Kpi[], kpi: Kpi, from: number): number {
  for (let d = 1; from - d >= 0 || from + d < kpis.length; d++) {
    if (from + d < kpis.length && kpis[from + d] === kpi) return from + d;
    if (from - d >= 0 && kpis[from - d] === kpi) return from - d;
  }
  return -1;
}

/**
 * analyse() for a whole workbook as a host reads it: the `KPI定義` sheet (if any) supplies the
 * definitions; management sheets are those given, else the workbook's other unrecognised sheets.
 */
export function analyseWorkbook(
  model: ProgressModel,
  snapshots: GridSnapshot[],
  options: { lang?: Lang; managementSheets?: string[] } = {},
): Analysis {
  const defSnapshot = snapshots.find((s) => s.sheet === DEFINITIONS_SHEET);
  const recognised = new Set(model.sheets.map((s) => s.sheet));
  const others = snapshots.map((s) => s.sheet).filter((n) => !recognised.has(n) && n !== DEFINITIONS_SHEET);
  return analyse(model, {
    lang: options.lang,
    definitions: defSnapshot ? readDefinitions(defSnapshot) : undefined,
    managementSheets: options.managementSheets ?? (others.length ? others : undefined),
  });
}
