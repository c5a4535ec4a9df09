/** Read helpers over a GridSnapshot with merged areas resolved (a merged cell reads as its top-left). */
import type { ParsedValue, PlacedValue, PrintedRate } from '../model';
import type { CellRange, CellValue, GridSnapshot } from '../snapshot';
import { cellText } from '../text';
import { parseRate, parseValue } from '../values';

/**
 * A cell's own text from its snapshot value (cellText, its common cases inline; undefined is a cell past a
 * short row's end). Loops over a row's cells read lineOf(row) and skip null cells before asking.
 */
export function textOf(v: CellValue | undefined): string {
  return typeof v === 'string' ? v.trim() : v === null || v === undefined ? '' : cellText(v);
}

/** Excel has 16,384 columns: a unique number per cell (rows up to 2^53 / 16,385). */
const cellKeyOf = (row: number, col: number) => row * 16_385 + col;

export class Grid {
  readonly firstRow: number;
  readonly firstCol: number;
  readonly lastRow: number;
  readonly lastCol: number;
  /** Columns per row of the flat per-cell arrays below (index (row - firstRow) * width + col - firstCol). */
  readonly width: number;
  /** [firstCol, lastCol]: the header segments of a row of one cluster (read only, shared). */
  readonly wholeRow: readonly number[];
  /**
   * "Sheet!", the start of every KPI id read on this sheet ("Sheet!row"), made once: a template literal per
   * KPI made this string anew each time, and an id of 13 characters or more holds it (a cons string).
   */
  readonly kpiIdPrefix: string;
  /** Header role code of each cell's own text for headers.ts (0 = not read yet): header rows are read several times. */
  readonly roleCodes: Uint8Array;
  /** 1 where the cell is merged into another cell (its text is its master's). */
  private readonly merged: Uint8Array;
  // number keys: a string key built per cell read was 13 % of recognise + analyse at 10,000 KPIs
  private readonly mergeMaster = new Map<number, { row: number; col: number }>();
  private readonly values = new Map<string | null, Map<CellValue, ParsedValue>>();
  private readonly rates = new Map<string | null, Map<CellValue, PrintedRate>>();
  private readonly formulaRates = new Map<string | null, Map<CellValue, PrintedRate>>();
  /** The values of 0 and -0 cells by number format (one Map key for both elsewhere). */
  private readonly zeros = new Map<string | null, ParsedValue>();
  private readonly negativeZeros = new Map<string | null, ParsedValue>();
  /** The printed rates of 0 and -0 cells by number format: without a formula (0, -0), with one (2, 3). */
  private readonly zeroRates = [new Map<string | null, PrintedRate>(), new Map<string | null, PrintedRate>(), new Map<string | null, PrintedRate>(), new Map<string | null, PrintedRate>()];
  /** The number format parsedValue saw last and its values (a table's figures share a few formats). */
  private lastFormat: string | null | undefined = undefined;
  private lastValues: Map<CellValue, ParsedValue> | undefined = undefined;
  /** The same for parsedRate's cells without a formula. */
  private lastRateFormat: string | null | undefined = undefined;
  private lastRates: Map<CellValue, PrintedRate> | undefined = undefined;

  constructor(readonly s: GridSnapshot) {
    this.firstRow = s.origin.row;
    this.firstCol = s.origin.col;
    this.lastRow = s.origin.row + s.values.length - 1;
    this.lastCol = s.origin.col + (s.values[0]?.length ?? 0) - 1;
    const width = Math.max(0, this.lastCol - this.firstCol + 1);
    this.width = width;
    this.wholeRow = Object.freeze([this.firstCol, this.lastCol]);
    this.kpiIdPrefix = `${s.sheet}!`;
    // cell texts are read from the snapshot when asked: a text per cell of the sheet made up front was
    // 671,000 strings per run of the 10,000-KPI sheet (5.4 MB), most of them never asked for
    const cells = s.values.length * width;
    this.merged = new Uint8Array(cells);
    this.roleCodes = new Uint8Array(cells);
    for (const m of s.merges ?? []) this.addMerge(m);
  }

  private addMerge(m: CellRange): void {
    // Only merges inside the snapshot matter; cap their size so a whole-column merge cannot blow up.
    const top = Math.max(m.top, this.firstRow);
    const bottom = Math.min(m.bottom, this.lastRow, m.top + 200);
    const left = Math.max(m.left, this.firstCol);
    const right = Math.min(m.right, this.lastCol, m.left + 200);
    const master = { row: m.top, col: m.left };
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        if (r === m.top && c === m.left) continue;
        this.mergeMaster.set(cellKeyOf(r, c), master);
        this.merged[(r - this.firstRow) * this.width + c - this.firstCol] = 1;
      }
    }
  }

  /** Index of (row, col) in the per-cell arrays, or -1 outside the snapshot. */
  index(row: number, col: number): number {
    if (row < this.firstRow || row > this.lastRow || col < this.firstCol || col > this.lastCol) return -1;
    return (row - this.firstRow) * this.width + col - this.firstCol;
  }

  /** Top-left cell of the merge holding (row, col), or null when the cell is not merged into another. */
  masterOf(row: number, col: number): { row: number; col: number } | null {
    const i = this.index(row, col);
    if (i < 0 || this.merged[i] === 0) return null;
    return this.mergeMaster.get(cellKeyOf(row, col)) ?? null;
  }

  /** Raw value of the cell itself (a merged non-master cell is null). */
  raw(row: number, col: number): CellValue {
    const r = row - this.firstRow;
    const c = col - this.firstCol;
    if (r < 0 || c < 0 || r >= this.s.values.length) return null;
    const line = this.s.values[r];
    return c < line.length ? line[c] : null;
  }

  /** Value as the user sees it: merged cells show their master's value. */
  value(row: number, col: number): CellValue {
    const m = this.masterOf(row, col);
    return m ? this.raw(m.row, m.col) : this.raw(row, col);
  }

  text(row: number, col: number): string {
    const i = this.index(row, col);
    if (i < 0 || this.merged[i] === 0) return this.ownText(row, col);
    const m = this.mergeMaster.get(cellKeyOf(row, col))!;
    return this.ownText(m.row, m.col);
  }

  /** The cell's own value as text, trimmed ("" for empty or outside the snapshot). */
  ownText(row: number, col: number): string {
    const r = row - this.firstRow;
    const c = col - this.firstCol;
    if (r < 0 || c < 0 || r >= this.s.values.length) return '';
    return textOf(this.s.values[r][c]);
  }

  formula(row: number, col: number): string | null {
    return this.s.formulas[row - this.firstRow]?.[col - this.firstCol] ?? null;
  }

  numberFormat(row: number, col: number): string | null {
    return this.s.numberFormats[row - this.firstRow]?.[col - this.firstCol] ?? null;
  }

  /**
   * The snapshot's values of a worksheet row inside the snapshot (index col - firstCol; a short row
   * ends early): for loops over many cells of one row, with textOf.
   */
  lineOf(row: number): readonly CellValue[] {
    return this.s.values[row - this.firstRow];
  }

  /** Non-empty cells of a row as [col, text], left to right (own values only). */
  rowCells(row: number, fromCol = this.firstCol, toCol = this.lastCol): [number, string][] {
    const out: [number, string][] = [];
    const from = Math.max(fromCol, this.firstCol);
    const to = Math.min(toCol, this.lastCol);
    if (row < this.firstRow || row > this.lastRow) {
      for (let c = from; c <= to; c++) {
        const t = this.ownText(row, c);
        if (t !== '') out.push([c, t]);
      }
      return out;
    }
    const line = this.s.values[row - this.firstRow];
    for (let c = from, i = from - this.firstCol; c <= to; c++, i++) {
      const t = textOf(line[i]);
      if (t !== '') out.push([c, t]);
    }
    return out;
  }

  /** Leftmost column of the row with own text in [fromCol, toCol], or -1. */
  firstFilled(row: number, fromCol = this.firstCol, toCol = this.lastCol): number {
    const from = Math.max(fromCol, this.firstCol);
    const to = Math.min(toCol, this.lastCol);
    if (row < this.firstRow || row > this.lastRow) {
      for (let c = from; c <= to; c++) if (this.ownText(row, c) !== '') return c;
      return -1;
    }
    const line = this.s.values[row - this.firstRow];
    for (let c = from, i = from - this.firstCol; c <= to; c++, i++) {
      const v = line[i];
      if (v !== null && v !== undefined && textOf(v) !== '') return c;
    }
    return -1;
  }

  /**
   * parseValue of the cell as the user sees it. A sheet of thousands of KPIs repeats a few hundred
   * texts ("-", "26件", "68.9%"): each value and number format is parsed once, and that one frozen
   * object returned for every such cell (its place is the KPI's: ByYear.cellOf). A formula cell's
   * value keeps its formula and is its own.
   */
  parsedValue(row: number, col: number): ParsedValue {
    // value(), numberFormat() and formula() inline: once per figure of every KPI, and a cold run
    // (kpi-progress check's one) pays for each call
    const r = row - this.firstRow;
    const c = col - this.firstCol;
    const i = this.index(row, col);
    let v: CellValue;
    if (i >= 0 && this.merged[i] === 0) {
      const line = this.s.values[r];
      v = c < line.length ? line[c] : null;
    } else v = this.value(row, col);
    const format = this.s.numberFormats[r]?.[c] ?? null;
    const formula = this.s.formulas[r]?.[c] ?? null;
    // a formula is kept in the result: its own value
    if (formula) return Object.freeze(parseValue(v, format, formula));
    // -0 and 0 are one Map key (and show as "-0" and "0"): each has its own per format
    if (v === 0) return this.zeroValue(v, format);
    let byValue = format === this.lastFormat ? this.lastValues : this.values.get(format);
    if (!byValue) this.values.set(format, (byValue = new Map()));
    this.lastFormat = format;
    this.lastValues = byValue;
    let p = byValue.get(v);
    // shared by every cell showing it: frozen, so no reader can change it
    if (!p) byValue.set(v, (p = Object.freeze(parseValue(v, format, null))));
    return p;
  }

  /** The parsed value of a 0 or -0 cell in a number format, parsed once per sign and format and shared. */
  private zeroValue(v: number, format: string | null): ParsedValue {
    const zeros = Object.is(v, -0) ? this.negativeZeros : this.zeros;
    let p = zeros.get(format);
    if (!p) zeros.set(format, (p = Object.freeze(parseValue(v, format, null))));
    return p;
  }

  /** The printed rate of a 0 or -0 cell in a number format, with or without a formula, parsed once per each and shared. */
  private zeroRate(v: number, format: string | null, formula: string | null): PrintedRate {
    const zeros = this.zeroRates[(formula ? 2 : 0) + (Object.is(v, -0) ? 1 : 0)];
    let p = zeros.get(format);
    if (!p) zeros.set(format, (p = Object.freeze(parseRate(v, format, formula))));
    return p;
  }

  /** parsedValue of the cell with the cell itself (a KPI's baseline, target, cost): a copy of its own. */
  placedValue(row: number, col: number): PlacedValue {
    return placed(this.parsedValue(row, col), row, col);
  }

  /**
   * parseRate of the cell's own value, parsed once per value, number format and formula-or-not, and
   * that one object returned for every such cell (its place is the KPI's: ByYear.cellOf).
   */
  parsedRate(row: number, col: number): PrintedRate {
    // raw(), numberFormat() and formula() inline, as in parsedValue
    const r = row - this.firstRow;
    const c = col - this.firstCol;
    const line = r >= 0 && c >= 0 ? this.s.values[r] : undefined;
    const v = line === undefined ? null : c < line.length ? line[c] : null;
    const format = this.s.numberFormats[r]?.[c] ?? null;
    const formula = this.s.formulas[r]?.[c] ?? null;
    if (v === 0) return this.zeroRate(v, format, formula);
    let byValue: Map<CellValue, PrintedRate> | undefined;
    if (formula) {
      byValue = this.formulaRates.get(format);
      if (!byValue) this.formulaRates.set(format, (byValue = new Map()));
    } else {
      byValue = format === this.lastRateFormat ? this.lastRates : this.rates.get(format);
      if (!byValue) this.rates.set(format, (byValue = new Map()));
      this.lastRateFormat = format;
      this.lastRates = byValue;
    }
    let p = byValue.get(v);
    // shared by every cell showing it (a PrintedRate has no position): frozen, so no reader can change it
    if (!p) byValue.set(v, (p = Object.freeze(parseRate(v, format, formula))));
    return p;
  }

  isBlankRow(row: number, fromCol = this.firstCol, toCol = this.lastCol): boolean {
    return this.firstFilled(row, fromCol, toCol) < 0;
  }
}

/** No values: one frozen empty list for the KPIs with nothing in a list (most KPIs' rateRowOther). */
export const NO_VALUES: readonly PlacedValue[] = Object.freeze([]);

/**
 * A parsed value with its cell: a new object, key by key in the order values always had (text … qualifier,
 * row, col, then formula and annotation when present), so the model's JSON keeps its text.
 */
export function placed(p: ParsedValue, row: number, col: number): PlacedValue {
  const out: { -readonly [K in keyof PlacedValue]: PlacedValue[K] } = { text: p.text, kind: p.kind, value: p.value, unit: p.unit, qualifier: p.qualifier, row, col };
  if ('formula' in p) out.formula = p.formula;
  if ('annotation' in p) out.annotation = p.annotation;
  return out;
}
