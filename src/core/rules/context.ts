/** What every rule receives, and small helpers the rules share. */
import type { Kpi, KpiTable, ParsedValue, PrintedRate, SheetModel, ProgressModel } from '../model';
import type { Finding, Lang, RuleId, Severity } from '../findings';
import type { KpiDefinition, KpiDefinitions } from '../definitions';
import { formatRate, roundRate, type RoundingConvention } from '../rates';
import type { StatusResult } from '../status';
import type { CellEdit } from '../plan';
import { cellAddress } from '../snapshot';
import { definitionFor, eraYearLabel, normaliseName } from '../definitions';
import { message, type FindingMessageId, type MessageParams } from '../messages';
import { t } from '../catalogue';
import { normalise } from '../text';

export interface RuleContext {
  model: ProgressModel;
  sheet: SheetModel;
  lang: Lang;
  definitions?: KpiDefinitions;
  rounding: RoundingConvention;
  /**
   * Each KPI's status, by the KPI: a Map will do (the re-check, tests); analyse gives its sheet's
   * statuses by position (SheetStatuses). A record keyed by id strings is a dictionary whose every store
   * internalises and hashes the id, about 0.8 µs per KPI.
   */
  statuses: StatusLookup;
  /** Names of management sheets, when known. */
  managementSheets?: string[];
  index: ModelIndex;
}

/** What the rules ask of a KPI's status: its result, or undefined for a KPI without one. */
export interface StatusLookup {
  get(kpi: Kpi): StatusResult | undefined;
}

export type Rule = (ctx: RuleContext) => Finding[];

/** One rule's look at one KPI of the sheet: pushes its findings on `out`. */
export type KpiCheck = (kpi: Kpi, out: Finding[]) => void;

/**
 * A rule's check of each KPI of `ctx.sheet`, or null when the rule has nothing to look at on this
 * sheet. All rules look at a KPI in turn (one pass over the KPIs, the KPI's terms and lists at hand),
 * not each rule over every KPI.
 */
export type SheetRule = (ctx: RuleContext) => KpiCheck | null;

export interface RuleSpec {
  id: RuleId;
  severity: Severity;
  check: SheetRule;
}

/** One rule over every KPI of the sheet, on its own (tests, callers of a single rule). */
export function everyKpi(rule: SheetRule): Rule {
  return (ctx) => {
    const out: Finding[] = [];
    const check = rule(ctx);
    if (check) for (const kpi of ctx.sheet.kpis) check(kpi, out);
    return out;
  };
}

export function def(ctx: RuleContext, kpi: Kpi): KpiDefinition | undefined {
  return definitionFor(ctx.definitions, kpi);
}

export function tableOf(ctx: RuleContext, kpi: Kpi): KpiTable | undefined {
  // recognise numbers a sheet's tables by position: no search over thousands of tables per cell
  const at = ctx.sheet.tables[kpi.tableIndex];
  return at?.index === kpi.tableIndex ? at : ctx.sheet.tables.find((t) => t.index === kpi.tableIndex);
}

/** Builds a finding; `key` picks the message, `params` fill it. */
export function finding(
  ctx: RuleContext,
  rule: RuleId,
  severity: Severity,
  kpi: Kpi | null,
  at: { row: number; col: number },
  key: FindingMessageId,
  params: MessageParams,
  fix?: { label: string; edits: CellEdit[] },
): Finding {
  const f: Finding = {
    rule,
    severity,
    sheet: ctx.sheet.sheet,
    cell: cellAddress(at.row, at.col),
    kpi: kpi?.id ?? null,
    message: message(ctx.lang, key, params),
  };
  if (kpi) {
    f.kpiName = kpi.name;
    const year = findingYear(ctx, kpi, at.col);
    if (year !== null) {
      f.year = year;
      f.yearLabel = yearLabel(ctx, kpi, year);
    }
  }
  if (fix) f.fix = fix;
  return f;
}

/**
 * The fiscal year a finding is about: its cell's year column, the baseline's or the target's year for
 * those columns, else the latest year with an actual (what the KPI is judged on).
 */
function findingYear(ctx: RuleContext, kpi: Kpi, col: number): number | null {
  const columns = tableOf(ctx, kpi)?.columns;
  if (columns) for (const y of columns.years) if (y.col === col) return y.year;
  if (columns && col === columns.baseline && kpi.baseline.year !== null) return kpi.baseline.year;
  if (columns && col === columns.target && kpi.target.year !== null) return kpi.target.year;
  const status = ctx.statuses.get(kpi);
  if (status?.year !== null && status?.year !== undefined) return status.year;
  const filled = kpi.actuals.years.filter((y) => kpi.actuals.get(y)?.text.trim());
  return filled.length ? Math.max(...filled) : null;
}

/** "R2" / "FY2020" for messages. */
export function yearName(ctx: RuleContext, year: number): string {
  return t(ctx.lang, 'year.fiscal', { year, era: eraYearLabel(year) });
}

/** The year column label as the table writes it, falling back to yearName. */
export function yearLabel(ctx: RuleContext, kpi: Kpi, year: number): string {
  const columns = tableOf(ctx, kpi)?.columns;
  if (columns) for (const y of columns.years) if (y.year === year) return y.label ?? yearName(ctx, year);
  return yearName(ctx, year);
}

/** Value as a person reads it: "259人", "-", "R6着手予定". */
export function shown(p: ParsedValue | null | undefined): string {
  if (!p) return '';
  return p.text.trim();
}

/** Same KPI in another place: linked by recognition, or names equal up to spacing, width, "の" and 再掲. */
export function looseKey(name: string): string {
  // every re-listing mark holds 再 and most names none: the marks' patterns only run where one can match
  const key = name.includes('再') ? normaliseName(name) : normalise(name);
  return /の/.test(key) ? key.replace(/の/g, '') : key;
}

export interface ModelIndex {
  /**
   * The KPIs other KPIs refer to (first listings, breakdown totals: most KPIs are neither), by id.
   * Not every KPI: a Map of every id hashed each new id string and grew with the model (10,000 stores
   * per analysis of 10,000 KPIs, for the few hundred lookups the rules make).
   */
  byId: Map<string, Kpi>;
  /** Breakdown rows by the id of their total. */
  parts: Map<string, Kpi[]>;
  /**
   * KPIs by looseKey of their name, and looseKey of each KPI's name, by the KPI. Both made when first
   * asked (recheck, which moves an edited KPI to its new name in them): an analysis finds a KPI's
   * namesakes in listedElsewhere, and made 10,000 entries and lists (most names are one KPI's) for
   * nobody to read.
   */
  byKey: Map<string, Kpi[]>;
  keyOf: Map<Kpi, string>;
  /** Relistings by the id of their first listing. */
  relists: Map<string, Kpi[]>;
  /**
   * The KPIs of the model with another listing (a KPI of the same looseKey, a relisting, or a first
   * listing they relist), each with the KPIs of its looseKey (itself among them, as in byKey), while
   * the index is as built: sameKpis answers every other KPI (most of them) without looking it up by
   * name. Dropped when keyOf changes (recheck moves an edited KPI there).
   */
  listedElsewhere?: Map<Kpi, readonly Kpi[]>;
  /** シートNo. numbers of all KPIs, computed once by the sheet-number rule (cleared when one changes). */
  sheetNumbers?: Set<number>;
}

/**
 * An index's keyOf: once it is made, a KPI set or deleted here (recheck's patchIndex moves an edited
 * KPI to its new name) drops the index's listedElsewhere, which holds only as built.
 */
class KeyOf extends Map<Kpi, string> {
  index: ModelIndex | null = null;

  override set(kpi: Kpi, key: string): this {
    if (this.index) this.index.listedElsewhere = undefined;
    return super.set(kpi, key);
  }

  override delete(kpi: Kpi): boolean {
    if (this.index) this.index.listedElsewhere = undefined;
    return super.delete(kpi);
  }
}

function push<K>(m: Map<K, Kpi[]>, key: K, k: Kpi): void {
  const list = m.get(key);
  if (list) list.push(k);
  else m.set(key, [k]);
}

interface Keyed {
  byKey: Map<string, Kpi[]>;
  keyOf: KeyOf;
}

/** byKey and keyOf of the model's KPIs, in the model's order, as buildIndex keyed them (the model does not change). */
function keyModel(model: ProgressModel, index: ModelIndex): Keyed {
  const keyed: Keyed = { byKey: new Map(), keyOf: new KeyOf() };
  for (const sheet of model.sheets) {
    for (const k of sheet.kpis) {
      const key = looseKey(k.name);
      keyed.keyOf.set(k, key);
      push(keyed.byKey, key, k);
    }
  }
  keyed.keyOf.index = index;
  return keyed;
}

/** Lookups over all KPIs of the model, built once per analysis (rules run per sheet, per cell). */
export function buildIndex(model: ProgressModel): ModelIndex {
  let keyed: Keyed | null = null;
  const index: ModelIndex = {
    byId: new Map(), parts: new Map(), relists: new Map(),
    get byKey() {
      return (keyed ??= keyModel(model, index)).byKey;
    },
    get keyOf() {
      return (keyed ??= keyModel(model, index)).keyOf;
    },
  };
  // each looseKey's first KPI, and the keys of two or more KPIs with all of theirs, in the model's order
  const firstNamed = new Map<string, Kpi>();
  const namesakes = new Map<string, Kpi[]>();
  // the ids KPIs refer to: only those KPIs go into byId
  let referenced: Set<string> | null = null;
  // index loops: this runs once per analysis, mostly before it is optimised, where for…of makes an iterator result per KPI
  for (let s = 0; s < model.sheets.length; s++) {
    const kpis = model.sheets[s].kpis;
    for (let i = 0; i < kpis.length; i++) {
      const k = kpis[i];
      if (k.breakdownOf) {
        push(index.parts, k.breakdownOf, k);
        (referenced ??= new Set()).add(k.breakdownOf);
      }
      if (k.relistedFrom) {
        push(index.relists, k.relistedFrom, k);
        (referenced ??= new Set()).add(k.relistedFrom);
      }
      const key = looseKey(k.name);
      const first = firstNamed.get(key);
      if (first === undefined) firstNamed.set(key, k);
      else {
        const named = namesakes.get(key);
        if (named) named.push(k);
        else namesakes.set(key, [first, k]);
      }
    }
  }
  const elsewhere = new Set<Kpi>();
  if (referenced) {
    for (let s = 0; s < model.sheets.length; s++) {
      const kpis = model.sheets[s].kpis;
      for (let i = 0; i < kpis.length; i++) {
        const k = kpis[i];
        if (!referenced.has(k.id)) continue;
        index.byId.set(k.id, k);
        // relisted by others
        if (index.relists.has(k.id)) elsewhere.add(k);
      }
    }
  }
  // relistings of a KPI in the model
  for (const relistings of index.relists.values()) for (const k of relistings) if (index.byId.has(k.relistedFrom!)) elsewhere.add(k);
  // the KPIs sharing a looseKey, with all of theirs, and those (the only KPI of their key)
  const listed = new Map<Kpi, readonly Kpi[]>();
  namesakes.forEach((named) => {
    for (const k of named) listed.set(k, named);
  });
  for (const k of elsewhere) if (!listed.has(k)) listed.set(k, [k]);
  index.listedElsewhere = listed;
  return index;
}

const NONE: readonly Kpi[] = Object.freeze([]);

/** The other listings of `kpi`, one of the index's KPIs. */
export function sameKpis(ctx: RuleContext, kpi: Kpi): readonly Kpi[] {
  const index = ctx.index;
  // most KPIs are listed once: known without their name looked up, while the index is as built
  const listed = index.listedElsewhere;
  const byKey = listed ? listed.get(kpi) : index.byKey.get(index.keyOf.get(kpi) ?? looseKey(kpi.name));
  if (listed && !byKey) return NONE;
  const first = kpi.relistedFrom ? index.byId.get(kpi.relistedFrom) : undefined;
  // most KPIs are listed once: nothing to gather (asked per rate by several rules)
  const relists = index.relists.get(kpi.id);
  if (!first && !relists && (!byKey || (byKey.length === 1 && byKey[0] === kpi))) return NONE;
  // the same name's KPIs, those relisting this one, and its first listing: each once, in that order, without itself
  const out: Kpi[] = [];
  if (byKey) addOthers(out, kpi, byKey);
  if (relists) addOthers(out, kpi, relists);
  if (first) addOthers(out, kpi, [first]);
  return out;
}

function addOthers(out: Kpi[], kpi: Kpi, ks: readonly Kpi[]): void {
  // a handful each (a KPI and its relistings): a scan is cheaper than a Set
  if (out.length + ks.length > 64) {
    const seen = new Set(out);
    for (const k of ks) {
      if (k === kpi || seen.has(k)) continue;
      seen.add(k);
      out.push(k);
    }
    return;
  }
  for (const k of ks) if (k !== kpi && !out.includes(k)) out.push(k);
}

/** Rounds for comparisons of summed figures (0.1 + 0.2 = 0.3). */
export function near(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

const formats = new Map<number, Intl.NumberFormat>();

/**
 * 2865.666… → "2,865.7", as a person writes a computed figure: Intl.NumberFormat('ja-JP', {
 * maximumFractionDigits: digits }) to the character (half away from zero on the figure's shortest
 * decimal form, trailing zeros dropped, "-0" for a negative that rounds to nothing), without its cost:
 * the first format object of a process costs about 20 ms (ICU), and missing-remark writes a figure
 * for most KPIs. Figures whose shortest form has an exponent (or none at all) are left to Intl.
 */
export function amount(x: number, digits = 1): string {
  const abs = Math.abs(x);
  if (abs === 0) return Object.is(x, -0) ? '-0' : '0';
  if (!(abs >= 1e-6 && abs < 1e15)) return intlAmount(x, digits);
  const s = String(abs);
  const dot = s.indexOf('.');
  let int = dot < 0 ? s : s.slice(0, dot);
  let frac = dot < 0 ? '' : s.slice(dot + 1);
  if (frac.length > digits) {
    // '5' or more in the first dropped place rounds the kept digits up (a shortest form has no trailing zeros)
    const up = frac.charCodeAt(digits) >= 53;
    frac = frac.slice(0, digits);
    if (up) {
      const n = plusOne(int + frac);
      int = n.slice(0, n.length - digits);
      frac = n.slice(n.length - digits);
    }
    frac = withoutTrailingZeros(frac);
  }
  return (x < 0 ? '-' : '') + grouped(int) + (frac ? `.${frac}` : '');
}

/**
 * A run of decimal digits plus one, as long as it was unless the carry leaves it ("0999" → "1000",
 * "05" → "06", "99" → "100"): the carry done on the digits (a BigInt, its text and the padding were
 * made for every figure rounded up).
 */
function plusOne(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits.charCodeAt(i) === 57) i--;
  if (i < 0) return `1${'0'.repeat(digits.length)}`;
  return digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + '0'.repeat(digits.length - 1 - i);
}

function withoutTrailingZeros(digits: string): string {
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
  return end === digits.length ? digits : digits.slice(0, end);
}

/** Whole digits in groups of three ("1234567" → "1,234,567"), without a regular expression run per figure. */
function grouped(int: string): string {
  if (int.length <= 3) return int;
  const first = int.length % 3 || 3;
  let out = int.slice(0, first);
  for (let i = first; i < int.length; i += 3) out += `,${int.slice(i, i + 3)}`;
  return out;
}

function intlAmount(x: number, digits: number): string {
  let f = formats.get(digits);
  if (!f) formats.set(digits, (f = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: digits })));
  return f.format(x);
}

/** A fix writing `value` into a printed-rate cell the way the cell stores rates (text or number). */
export function rateFix(ctx: RuleContext, kpi: Kpi, p: PrintedRate, at: { row: number; col: number }, value: number, decimals: number): { label: string; edits: CellEdit[] } | undefined {
  if (p.storage === 'formula' || p.storage === 'none') return undefined;
  const text = formatRate(value, decimals, ctx.rounding.mode);
  const content = p.storage === 'text'
    ? { value: text }
    : { value: roundRate(value, decimals, ctx.rounding.mode), numberFormat: decimals > 0 ? `0.${'0'.repeat(decimals)}%` : '0%' };
  const expectValue = p.storage === 'text' ? p.text : p.value;
  return {
    label: t(ctx.lang, 'rule.fix.rate', { rate: text }),
    edits: [{ kind: 'setCell', sheet: kpi.sheet, row: at.row, col: at.col, expect: { value: expectValue, formula: null }, content }],
  };
}
