/**
 * Values by fiscal year (年度, docs/GLOSSARY.md): a KPI's actuals, printed rates, expected values,
 * targets, printed grades and trends.
 *
 * Why not `Record<number, T>`: fiscal years (2019…) are integer keys above 1,024, for which V8 keeps an
 * object's elements as a dictionary (hash table): building one costs 5–8× an array and reading it
 * several times more (BENCHMARKS.md, issue #13). Here the years and their values are two parallel
 * arrays in ascending year order; a KPI has a handful of years, so a lookup is a short scan.
 *
 * Iteration (`years`, `values`, `forEach`, `entries`) is in ascending year order, as `Object.keys` of
 * the old record was, and `toJSON()` gives the old record's form, so the model's JSON is unchanged.
 */
export class ByYear<T> {
  /**
   * Years ascending, each once, and their values (ofColumns); with no arguments, empty. The years
   * array is never changed in place (a year added makes a new one), so the KPIs of a table can share
   * their table's one list.
   */
  constructor(
    private ys: readonly number[] = [],
    private readonly vs: T[] = [],
  ) {}

  /** The years of a table's year columns when they ascend, each once (for `ofColumns`); else null. */
  static yearsOf(columns: readonly { year: number }[]): number[] | null {
    const out: number[] = [];
    for (let i = 0; i < columns.length; i++) {
      if (i > 0 && !(columns[i - 1].year < columns[i].year)) return null;
      out.push(columns[i].year);
    }
    return out;
  }

  /**
   * Values read in the order of a table's year columns, by their years: aligned with `years` (the
   * columns' ByYear.yearsOf, made once per table and shared by its KPIs) when the columns ascend.
   */
  static ofColumns<T>(columns: readonly { year: number }[], years: readonly number[] | null, values: T[]): ByYear<T> {
    if (years) return new ByYear(years, values);
    const out = new ByYear<T>();
    for (let i = 0; i < columns.length; i++) out.set(columns[i].year, values[i]);
    return out;
  }

  /** From a `{ 2019: v, … }` record (the JSON form) or [year, value] pairs. */
  static from<T>(source: Readonly<Record<number, T>> | Iterable<readonly [number, T]>): ByYear<T> {
    const out = new ByYear<T>();
    if (Symbol.iterator in source) for (const [y, v] of source as Iterable<readonly [number, T]>) out.set(y, v);
    else for (const key of Object.keys(source)) out.set(Number(key), (source as Record<number, T>)[Number(key)]);
    return out;
  }

  /** Number of years held. */
  get size(): number {
    return this.ys.length;
  }

  /** The years held, ascending. Do not change the array. */
  get years(): readonly number[] {
    return this.ys;
  }

  /** The values, in the order of `years`. Do not change the array. */
  get values(): readonly T[] {
    return this.vs;
  }

  get(year: number): T | undefined {
    const ys = this.ys;
    for (let i = 0; i < ys.length; i++) if (ys[i] === year) return this.vs[i];
    return undefined;
  }

  has(year: number): boolean {
    return this.ys.includes(year);
  }

  /** Sets a year's value: replaces it when the year is held, else inserts it in year order. */
  set(year: number, value: T): this {
    const ys = this.ys;
    let i = ys.length;
    while (i > 0 && ys[i - 1] > year) i--;
    if (i > 0 && ys[i - 1] === year) this.vs[i - 1] = value;
    else {
      // a new array: ys may be a table's list shared with its other KPIs
      this.ys = [...ys.slice(0, i), year, ...ys.slice(i)];
      this.vs.splice(i, 0, value);
    }
    return this;
  }

  forEach(fn: (value: T, year: number) => void): void {
    const ys = this.ys;
    const vs = this.vs;
    for (let i = 0; i < ys.length; i++) fn(vs[i], ys[i]);
  }

  /** [year, value] pairs, ascending. */
  entries(): [number, T][] {
    const out: [number, T][] = [];
    for (let i = 0; i < this.ys.length; i++) out.push([this.ys[i], this.vs[i]]);
    return out;
  }

  /** The JSON form: `{ "2019": v, … }`, as the model's year records always were. */
  toJSON(): Record<number, T> {
    const out: Record<number, T> = {};
    for (let i = 0; i < this.ys.length; i++) out[this.ys[i]] = this.vs[i];
    return out;
  }
}
