/**
 * Achievement rates (達成率): how a KPI's actual of a year reaches its target, and how a person rounds
 * and prints it. Pure; decimal-exact where rounding depends on it (187/2000 → 9.4 %, never 9.3 %).
 */
import type { Kpi, ParsedValue } from './model';
import type { KpiDefinition } from './definitions';
import { decimalQuotient, fromUnits, roundedUnits, wholeQuotient } from './rate-shortcuts';

export type RateMethod = 'ratio' | 'gap' | 'none';
export type RoundingMode = 'half-up' | 'truncate';

export interface RateResult {
  /** Fraction (0.689 for 68.9 %), or null when no rate can be computed. */
  value: number | null;
  method: RateMethod;
  /** Why value is null (or why a method was chosen), short English for logs and messages. */
  reason?: string;
}

/** A finite decimal n / 10^scale, so that rounding never meets binary floating point. */
interface Decimal {
  n: bigint;
  scale: number;
}

/** The decimal a person reads for x: JavaScript's shortest round-trip form ("0.0935"). */
function toDecimal(x: number): Decimal {
  // most figures are whole numbers: no text round trip (String(x) has no exponent below 1e21)
  // Stryker disable next-line ConditionalExpression: the text path reads a safe integer alike (no exponent below 1e21); this only saves time
  if (Number.isSafeInteger(x)) return { n: BigInt(x), scale: 0 };
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) throw new Error(`not a finite number: ${x}`);
  const frac = m[3] ?? '';
  let n = BigInt(m[2] + frac);
  let scale = frac.length - Number(m[4] ?? 0);
  if (scale < 0) {
    n *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { n: m[1] ? -n : n, scale };
}

function pow10(k: number): bigint {
  return 10n ** BigInt(k);
}

/** Rounds d to `decimals` places: half away from zero (as on paper) or towards zero. */
function roundDecimal(d: Decimal, decimals: number, mode: RoundingMode): Decimal {
  if (d.scale <= decimals) return { n: d.n * pow10(decimals - d.scale), scale: decimals };
  const div = pow10(d.scale - decimals);
  const neg = d.n < 0n;
  const abs = neg ? -d.n : d.n;
  let q = abs / div;
  if (mode === 'half-up' && (abs % div) * 2n >= div) q += 1n;
  return { n: neg ? -q : q, scale: decimals };
}

function decimalToString(d: Decimal): string {
  const neg = d.n < 0n;
  const digits = (neg ? -d.n : d.n).toString().padStart(d.scale + 1, '0');
  const int = digits.slice(0, digits.length - d.scale);
  const frac = digits.slice(digits.length - d.scale);
  // a bigint has no −0: a rate rounded to zero is never negative
  return (neg ? '-' : '') + int + (d.scale > 0 ? '.' + frac : '');
}

/** The percentage of a fraction rounded to `decimals` places, as an exact decimal. */
function roundedPercent(fraction: number, decimals: number, mode: RoundingMode): Decimal {
  const d = toDecimal(fraction);
  // the same digits two places on; a scale below 0 (0.5 → 50) is padded back by roundDecimal
  return roundDecimal({ n: d.n, scale: d.scale - 2 }, decimals, mode);
}

/** The fraction a printed rate shows: roundRate(187/2000, 1, 'half-up') = 0.094 (9.4 %). */
export function roundRate(fraction: number, decimals: number, mode: RoundingMode): number {
  // floats decide unless the figure sits on a rounding edge (rate-shortcuts.ts)
  const units = roundedUnits(fraction, decimals + 2, mode);
  // Stryker disable next-line ConditionalExpression: the exact path below gives the same answer; the shortcut only saves time
  if (units !== null) return fromUnits(units, decimals + 2);
  const p = roundedPercent(fraction, decimals, mode);
  return Number(decimalToString({ n: p.n, scale: p.scale + 2 }));
}

/** The rate as printed: formatRate(0.6888, 1, 'half-up') = "68.9%". */
export function formatRate(fraction: number, decimals: number, mode: RoundingMode): string {
  return decimalToString(roundedPercent(fraction, decimals, mode)) + '%';
}

/** Largest |rate| (as a fraction) treated as a rate: 100,000,000 %. */
export const MAX_RATE = 1e6;

/** (a − b) ÷ (c − d) computed on exact decimals, so (13.6 − 14.3) / (13.6 − 17.0) is exactly 0.2058… */
function exactQuotient(a: number, b: number, c: number, d: number): number | null {
  // whole figures (most of a sheet) need no decimals: the same division in doubles
  const whole = wholeQuotient(a, b, c, d);
  // Stryker disable next-line ConditionalExpression: the exact path below gives the same answer; the shortcut only saves time
  if (whole !== null) return Number.isNaN(whole) ? null : withinRates(whole);
  // figures of a few decimal places (40.4 %, 13.6 km): scaled to whole numbers, the same division in doubles
  const decimal = decimalQuotient(a, b, c, d);
  // Stryker disable next-line ConditionalExpression: the exact path below gives the same answer; the shortcut only saves time
  if (decimal !== null) return withinRates(decimal); // NaN (a zero divisor) is no rate there either
  const all = [a, b, c, d].map(toDecimal);
  const scale = Math.max(...all.map((x) => x.scale));
  const [sa, sb, sc, sd] = all.map((x) => x.n * pow10(scale - x.scale));
  const top = sa - sb;
  const bottom = sc - sd;
  if (bottom === 0n) return null;
  return withinRates(exactDivide(top, bottom));
}

/**
 * A rate beyond a million times the target is a data error, not a rate anyone prints (1e308 ÷ 0.5
 * would even overflow to Infinity): no rate, so fill never writes 300-digit text.
 */
function withinRates(q: number): number | null {
  return Math.abs(q) < MAX_RATE ? q : null;
}

/** Correctly rounded top / bottom for big integers (one rounding, at the very end). */
function exactDivide(top: bigint, bottom: bigint): number {
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  if ((top < 0n ? -top : top) <= max && (bottom < 0n ? -bottom : bottom) <= max) {
    return Number(top) / Number(bottom);
  }
  // Rare: long decimals. 30 significant digits are plenty for any rate.
  const q = (top * pow10(30)) / bottom;
  return Number(decimalToString({ n: q, scale: 30 }));
}

function numberOf(p: ParsedValue | null | undefined): number | null {
  return p && p.kind === 'number' && p.value !== null && Number.isFinite(p.value) ? p.value : null;
}

const units = new Map<string, string | null>();

/** Units compare after width and spacing normalisation ("ｋｍ" = "km"). */
export function normaliseUnit(u: string | null | undefined): string | null {
  if (!u) return null;
  // a sheet has a handful of units, read once per cell: remembered (bounded)
  const known = units.get(u);
  if (known !== undefined) return known;
  const s = u.normalize('NFKC').replace(/\s/g, '');
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the map only remembers answers; cleared at any size, or never, it gives the same ones
  if (units.size >= 4096) units.clear();
  units.set(u, s === '' ? null : s);
  return s === '' ? null : s;
}

/** What every rate of a KPI rests on, decided once per analysis (see withKpiTerms). */
interface KpiTerms {
  def: KpiDefinition | undefined;
  unit: string | null;
  /** kpiBounds, kept as two figures (no pair object per KPI for the analysis to carry). */
  baseline: number | null;
  target: number | null;
  direction: 'up' | 'down';
  method: RateMethod;
  /**
   * computeRate of each year with an actual cell, at that year's index in `kpi.actuals.years`, filled as
   * asked (status and rules ask again): one array of the KPI's size, no pairs grown by push, no Map.
   */
  rates: (RateResult | undefined)[];
  /** The KPI's readable actuals (kpi-facts.ts), made when first asked: kept here rather than in a table of their own. */
  readable: unknown[] | null;
}

/**
 * KpiTerms made by one constructor: the terms live as long as the analysis, so V8 pretenured an object
 * literal's allocation site in the middle of a cold run and threw away the optimised code of termsOf
 * and of every function that had inlined it (computeRate, rateMethod, kpiBaseline: 'code
 * dependencies'). A class's objects have no allocation site.
 */
class TermsRecord implements KpiTerms {
  declare def: KpiDefinition | undefined;
  declare unit: string | null;
  declare baseline: number | null;
  declare target: number | null;
  declare direction: 'up' | 'down';
  declare method: RateMethod;
  declare rates: (RateResult | undefined)[];
  declare readable: unknown[] | null;

  constructor(
    def: KpiDefinition | undefined, unit: string | null, baseline: number | null, target: number | null,
    direction: 'up' | 'down', method: RateMethod, rates: (RateResult | undefined)[],
  ) {
    this.def = def;
    this.unit = unit;
    this.baseline = baseline;
    this.target = target;
    this.direction = direction;
    this.method = method;
    this.rates = rates;
    this.readable = null;
  }
}

/**
 * The terms' shape settled before any KPI, as status.ts settles its results': every field given each
 * kind of value it will hold (none, an object or text, a fraction, a whole number), so that no field's
 * representation or type widens in the middle of a sheet, throwing away the code that read it
 * (the readable list stored over a null did so for termsOf). The records are dropped.
 */
// Stryker disable all: settling the shape changes no value any terms hold (only V8's field representations)
function settleTermsShape(): void {
  const kinds: (number | null)[] = [null, 0.5, 1];
  for (const n of kinds) {
    const some = n !== null;
    const t = new TermsRecord(some ? ({} as KpiDefinition) : undefined, some ? '%' : null, n, n, 'up', 'ratio', []);
    t.readable = some ? [] : null;
  }
}

settleTermsShape();
// Stryker restore all

// a Map, not a WeakMap: it lives only as long as the analysis, and weak tables cost the garbage collector
let terms: Map<Kpi, KpiTerms> | null = null;
// status and rules ask about one KPI many times in a row: its terms are kept at hand
let lastTerms: KpiTerms | null = null;
let lastKpi: Kpi | null = null;

/**
 * Runs `f` with each KPI's unit, bounds, direction and method decided once (per KPI and definition)
 * instead of on every rate, rule and year. The KPIs must not change while `f` runs (analyse).
 */
export function withKpiTerms<T>(f: () => T): T {
  const outer = { terms, lastKpi, lastTerms };
  terms ??= new Map();
  try {
    return f();
  } finally {
    ({ terms, lastKpi, lastTerms } = outer);
  }
}

function termsOf(kpi: Kpi, def: KpiDefinition | undefined): KpiTerms | null {
  if (!terms) return null;
  // Stryker disable next-line ConditionalExpression: without the KPI at hand the Map gives the same terms; it only saves a lookup
  const known = kpi === lastKpi ? lastTerms : terms.get(kpi);
  lastKpi = kpi;
  if (known && known.def === def) return (lastTerms = known);
  const baseline = baselineOf(kpi, def);
  const target = targetOf(kpi, def);
  const direction = directionOf(kpi, def, baseline, target);
  const t = new TermsRecord(
    def, unitOf(kpi, def), baseline, target, direction, methodOf(kpi, def, target, baseline, direction),
    // Stryker disable next-line ArrayDeclaration: an empty array grows to the same slots as asked (the size only saves the growing)
    new Array(kpi.actuals.years.length),
  );
  terms.set(kpi, t);
  return (lastTerms = t);
}

function unitOf(kpi: Kpi, def?: KpiDefinition): string | null {
  return normaliseUnit(def?.unit ?? kpi.unit ?? kpi.target.parsed?.unit ?? kpi.baseline.parsed?.unit ?? null);
}

function baselineOf(kpi: Kpi, def: KpiDefinition | undefined): number | null {
  return def?.baseline.value ?? kpi.baseline.value ?? numberOf(kpi.baseline.parsed);
}

function targetOf(kpi: Kpi, def: KpiDefinition | undefined): number | null {
  return def?.target.value ?? kpi.target.value ?? numberOf(kpi.target.parsed);
}

function directionOf(kpi: Kpi, def: KpiDefinition | undefined, baseline: number | null, target: number | null): 'up' | 'down' {
  if (def?.direction) return def.direction;
  if (kpi.direction === 'up' || kpi.direction === 'down') return kpi.direction;
  if (kpi.target.qualifier === 'atMost' || kpi.target.qualifier === 'under') return 'down';
  return baseline !== null && target !== null && target < baseline ? 'down' : 'up';
}

function methodOf(kpi: Kpi, def: KpiDefinition | undefined, target: number | null, baseline: number | null, direction: 'up' | 'down'): RateMethod {
  // A qualitative target has no rate whatever method is asked for.
  if (target === null) return 'none';
  if (def?.method) return def.method;
  let negative = (baseline ?? 0) < 0 || target < 0;
  for (const a of kpi.actuals.values) {
    if ((numberOf(a) ?? 0) < 0) negative = true;
  }
  if (negative || target === 0 || direction === 'down') return 'gap';
  return 'ratio';
}

/**
 * A list of the KPI under `def` that kpi-facts.ts makes (its readable actuals): made by `make` once per
 * analysis and kept with the KPI's terms; afresh outside withKpiTerms.
 */
export function keptWithTerms<T>(kpi: Kpi, def: KpiDefinition | undefined, make: (kpi: Kpi, def: KpiDefinition | undefined) => T[]): T[] {
  const t = termsOf(kpi, def);
  if (!t) return make(kpi, def);
  return (t.readable ??= make(kpi, def)) as T[];
}

/** The KPI's unit: its definition, the recognised unit, or the target's. */
export function kpiUnit(kpi: Kpi, def?: KpiDefinition): string | null {
  const t = termsOf(kpi, def);
  return t ? t.unit : unitOf(kpi, def);
}

/** Baseline and target values, a definition overriding the table. */
export function kpiBounds(kpi: Kpi, def?: KpiDefinition): { baseline: number | null; target: number | null } {
  return { baseline: kpiBaseline(kpi, def), target: kpiTarget(kpi, def) };
}

/** The baseline value of kpiBounds, without making the pair (status asks it of every KPI). */
export function kpiBaseline(kpi: Kpi, def?: KpiDefinition): number | null {
  const t = termsOf(kpi, def);
  return t ? t.baseline : baselineOf(kpi, def);
}

/** The target value of kpiBounds, without making the pair. */
export function kpiTarget(kpi: Kpi, def?: KpiDefinition): number | null {
  const t = termsOf(kpi, def);
  return t ? t.target : targetOf(kpi, def);
}

/** 'down' when the KPI should fall (accidents, waiting lists): its definition, recognition, or target < baseline. */
export function kpiDirection(kpi: Kpi, def?: KpiDefinition): 'up' | 'down' {
  const t = termsOf(kpi, def);
  return t ? t.direction : directionOf(kpi, def, baselineOf(kpi, def), targetOf(kpi, def));
}

/** Which method the KPI's rate uses, before looking at any year. */
export function rateMethod(kpi: Kpi, def?: KpiDefinition): RateMethod {
  const t = termsOf(kpi, def);
  if (t) return t.method;
  const baseline = baselineOf(kpi, def);
  const target = targetOf(kpi, def);
  return methodOf(kpi, def, target, baseline, directionOf(kpi, def, baseline, target));
}

/**
 * The achievement rate of `year`: ratio actual ÷ target (as the published tables print it), or gap
 * (baseline − actual) ÷ (baseline − target) for decrease-type KPIs, a target of 0 and negative figures.
 * "3日以上" is reached at 3 (the ratio is 100 %). No rate for qualitative targets, unreadable actuals
 * or an actual in another unit than the KPI's.
 */
export function computeRate(kpi: Kpi, year: number, def?: KpiDefinition): RateResult {
  const t = termsOf(kpi, def);
  if (!t) return rateOf(kpi, year, def);
  const years = kpi.actuals.years;
  // Stryker disable next-line EqualityOperator: years[years.length] is undefined, never a year
  for (let i = 0; i < years.length; i++) if (years[i] === year) return (t.rates[i] ??= rateOf(kpi, year, def));
  // a year without an actual cell: rateOf's one shared "no rate" answer, nothing made or kept
  return rateOf(kpi, year, def);
}

function rateOf(kpi: Kpi, year: number, def: KpiDefinition | undefined): RateResult {
  const method = rateMethod(kpi, def);
  if (method === 'none') return noRate(method, 'qualitative target');
  const actualCell = kpi.actuals.get(year);
  const actual = numberOf(actualCell);
  if (actual === null) return noRate(method, actualCell ? ACTUAL_IS[actualCell.kind] : 'no such year');
  const unit = kpiUnit(kpi, def);
  const actualUnit = normaliseUnit(actualCell!.unit);
  if (unit && actualUnit && unit !== actualUnit) {
    return { value: null, method, reason: `actual unit ${actualUnit} differs from KPI unit ${unit}` };
  }
  const baseline = kpiBaseline(kpi, def);
  const finalTarget = kpiTarget(kpi, def);
  // Per-year targets (期待値 of a block, 施策目標 side by side) are what the year's rate is against.
  const target = yearTarget(kpi, year) ?? finalTarget;
  // Stryker disable next-line ConditionalExpression: the method is 'none' when the KPI's target is null, so target is a number here
  if (target === null) return noRate('none', 'qualitative target');
  if (method === 'ratio') {
    const value = exactQuotient(actual, 0, target, 0);
    return value === null ? noRate(method, 'target is 0') : new RateRecord(value, method);
  }
  if (baseline === null) return noRate(method, 'gap method needs a baseline');
  const value = exactQuotient(baseline, actual, baseline, target);
  return value === null ? noRate(method, 'baseline equals target') : new RateRecord(value, method);
}

/** Why a cell of each kind gives no rate (one text per kind, not one per cell). */
const ACTUAL_IS: Record<ParsedValue['kind'], string> = {
  number: 'actual is number', none: 'actual is none', empty: 'actual is empty', text: 'actual is text',
  reference: 'actual is reference', error: 'actual is error',
};

/**
 * "No rate", one shared result per method and reason: most years of a sheet have no actual yet, and
 * every one of them made an object and a reason text. Results are read, never changed.
 */
const noRates: Record<RateMethod, Map<string, RateResult>> = { ratio: new Map(), gap: new Map(), none: new Map() };

/**
 * A computed rate (a value, no reason), made by one constructor: the rates are kept with the KPI's terms
 * for the analysis, so V8 pretenured an object literal's allocation site in the middle of a cold run
 * and threw away every optimised function that had inlined rateOf (computeRate's callers: the
 * analysis's assessmentOf, gradeBasis, assessStatus). A class's objects have no allocation site; the
 * same own properties in the same order as the literal.
 */
class RateRecord implements RateResult {
  declare value: number | null;
  declare method: RateMethod;

  constructor(value: number | null, method: RateMethod) {
    this.value = value;
    this.method = method;
  }
}

/**
 * A field holding only numbers is kept by V8 as a mutable box of its own per object (a double field):
 * each read of `value` that is stored elsewhere (a KPI's rates by year, the rules' figures) boxed it
 * anew, and a whole number first, then a fraction, widened the field and threw away the code that
 * read it. One record made with a null before any KPI keeps the field tagged from the start (the
 * number's box made once, then shared); the record is dropped.
 */
// Stryker disable next-line all: settling the shape changes no value any result holds (only V8's field representation)
void new RateRecord(null, 'none');

function noRate(method: RateMethod, reason: string): RateResult {
  const known = noRates[method];
  let r = known.get(reason);
  // Stryker disable next-line ConditionalExpression: a fresh result is equal to the shared one (the sharing only saves objects)
  if (r === undefined) known.set(reason, (r = { value: null, method, reason }));
  return r;
}

/** The target the sheet prints for `year` (kpi.targets), when it is a number; else null. */
export function yearTarget(kpi: Kpi, year: number): number | null {
  return kpi.targets ? numberOf(kpi.targets.get(year)) : null;
}

/** The progress rate (進捗率): (actual − baseline) ÷ (target − baseline); null when undefined. */
export function progressRate(actual: number, baseline: number, target: number): number | null {
  return exactQuotient(actual, baseline, target, baseline);
}

/** Exact a ÷ b on the decimals a person reads (0.3 ÷ 0.1 = 3, not 2.9999999999999996). */
export function divideExact(a: number, b: number): number | null {
  return exactQuotient(a, 0, b, 0);
}

/** Does `printed` (a fraction) equal `fraction` shown with `decimals` places under `mode`? */
export function printsAs(fraction: number, printed: number, decimals: number, mode: RoundingMode): boolean {
  return roundRate(fraction, decimals, mode) === roundRate(printed, decimals, 'half-up');
}

export interface RoundingConvention {
  mode: RoundingMode;
  decimals: number;
}

/**
 * The rounding a sheet uses, judged from its printed rates: decimals are the most common shown;
 * truncation only when printed rates that tell the two apart favour it. Default half-up, 1 place.
 */
export function detectRounding(
  samples: { computed: number; printed: number; decimals: number | null }[],
): RoundingConvention {
  const decimalCounts = new Map<number, number>();
  for (const s of samples) if (s.decimals !== null) decimalCounts.set(s.decimals, (decimalCounts.get(s.decimals) ?? 0) + 1);
  let decimals = 1;
  let best = 0;
  for (const [d, c] of decimalCounts) if (c > best || (c === best && d > decimals)) [decimals, best] = [d, c];
  let halfUp = 0;
  let truncate = 0;
  for (const s of samples) {
    const d = s.decimals ?? decimals;
    const h = printsAs(s.computed, s.printed, d, 'half-up');
    // Stryker disable next-line StringLiteral: every mode but 'half-up' truncates (roundedUnits, roundDecimal), so "" judges the same
    const t = printsAs(s.computed, s.printed, d, 'truncate');
    if (h && !t) halfUp++;
    if (t && !h) truncate++;
  }
  return { mode: truncate > halfUp ? 'truncate' : 'half-up', decimals };
}
