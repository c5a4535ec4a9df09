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
   * their table's one list. `cols` (the worksheet column of each year's cell, aligned with the years,
   * shared the same way) and `row` place the values on the sheet (`cellOf`): a KPI's actuals, printed
   * rates, expected values and targets are cells of one row, and their values (ParsedValue,
   * PrintedRate) are parsed once per distinct cell content and shared, so they carry no position.
   */
  constructor(
    private ys: readonly number[] = [],
    private readonly vs: T[] = [],
    private cs: readonly number[] | null = null,
    /** The worksheet row of the values when they are placed (`cols` given); 0 otherwise. */
    readonly row: number = 0,
  ) {}

  /** An empty ByYear of cells on `row`: each value is set with its column (`set(year, value, col)`). */
  static onRow<T>(row: number): ByYear<T> {
    return new ByYear<T>([], [], [], row);
  }

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
   * With `row`, the values are the cells of that row under the columns (`cellOf`).
   */
  static ofColumns<T>(columns: readonly { year: number }[], years: readonly number[] | null, values: T[]): ByYear<T>;
  static ofColumns<T>(columns: readonly { year: number; col: number }[], years: readonly number[] | null, values: T[], row: number): ByYear<T>;
  static ofColumns<T>(columns: readonly { year: number; col?: number }[], years: readonly number[] | null, values: T[], row?: number): ByYear<T> {
    if (row === undefined) {
      if (years) return new ByYear(years, values);
      const out = new ByYear<T>();
      for (let i = 0; i < columns.length; i++) out.set(columns[i].year, values[i]);
      return out;
    }
    if (years) return new ByYear(years, values, colsOf(columns as readonly { col: number }[]), row);
    const out = ByYear.onRow<T>(row);
    for (let i = 0; i < columns.length; i++) out.set(columns[i].year, values[i], columns[i].col!);
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

  /** Whether the values are cells of the sheet (`cellOf` answers). */
  get placed(): boolean {
    return this.cs !== null;
  }

  /** The worksheet column of the year's cell; undefined when the year is not held or the values are not placed. */
  colOf(year: number): number | undefined {
    const cs = this.cs;
    if (cs === null) return undefined;
    const ys = this.ys;
    for (let i = 0; i < ys.length; i++) if (ys[i] === year) return cs[i];
    return undefined;
  }

  /** The worksheet cell of the year's value; undefined when the year is not held or the values are not placed. */
  cellOf(year: number): { row: number; col: number } | undefined {
    const col = this.colOf(year);
    return col === undefined ? undefined : { row: this.row, col };
  }

  /** The worksheet cell of the year's value, which must be held and placed (it throws otherwise). */
  cell(year: number): { row: number; col: number } {
    const col = this.colOf(year);
    if (col === undefined) throw new Error(`ByYear.cell: no placed value for ${year}`);
    return { row: this.row, col };
  }

  /**
   * Sets a year's value: replaces it when the year is held, else inserts it in year order. Placed
   * values (`cellOf`) need the cell's column, and unplaced ones none: a value set without its
   * place, or with one nobody reads, is a mistake, so it throws.
   */
  set(year: number, value: T, col?: number): this {
    if ((this.cs !== null) !== (col !== undefined)) throw new Error(`ByYear.set: ${this.cs !== null ? 'a placed value needs its column' : 'a column for unplaced values'} (${year})`);
    const ys = this.ys;
    let i = ys.length;
    while (i > 0 && ys[i - 1] > year) i--;
    if (i > 0 && ys[i - 1] === year) {
      this.vs[i - 1] = value;
      if (this.cs !== null && this.cs[i - 1] !== col) this.cs = [...this.cs.slice(0, i - 1), col!, ...this.cs.slice(i)];
    } else {
      // new arrays: ys and cs may be a table's lists shared with its other KPIs
      this.ys = [...ys.slice(0, i), year, ...ys.slice(i)];
      this.vs.splice(i, 0, value);
      if (this.cs !== null) this.cs = [...this.cs.slice(0, i), col!, ...this.cs.slice(i)];
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

/** The columns of a list of year columns, made once per list and shared (never changed). */
const colLists = new WeakMap<readonly { col: number }[], readonly number[]>();

function colsOf(columns: readonly { col: number }[]): readonly number[] {
  let cols = colLists.get(columns);
  if (cols === undefined) colLists.set(columns, (cols = columns.map((c) => c.col)));
  return cols;
}
