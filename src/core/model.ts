/**
 * The recognised model of a progress sheet (進捗状況一覧表): tables, KPIs and where they sit.
 * Produced by recognition from GridSnapshots; consumed by rules, rates and planners.
 * Names follow ../shared/GLOSSARY.md. Rows/columns are 1-based worksheet coordinates.
 */

import type { ByYear } from './by-year';

export type Qualifier = 'atLeast' | 'atMost' | 'over' | 'under';
export type Direction = 'up' | 'down' | 'none';

/**
 * How one cell's text was understood. It carries no position: the recogniser parses each (value,
 * number format) once and shares the result between every cell, KPI and sheet showing it, so it is
 * never changed (readonly, and frozen where shared). A year's value has its cell in its record
 * (`kpi.actuals.cellOf(year)`); the KPI's baseline, target and cost stand on the KPI's row in the
 * column their field keeps (`baselineCell`, `targetCell`, `costCell` in cells.ts); the few misplaced
 * values of the 達成率 row are PlacedValues, which carry theirs.
 */
export interface ParsedValue {
  /** The cell as displayed / written ("26件", "▲2,530", "R6着手予定"). */
  readonly text: string;
  /**
   * number: value is set; none: "-" or "－"; empty: blank cell; text: qualitative or unreadable
   * ("見直し完了", "1回以上13校"); reference: bracketed reference figure "(4件)"; error: "#REF!" etc.
   */
  readonly kind: 'number' | 'none' | 'empty' | 'text' | 'reference' | 'error';
  /** Numeric value in the unit as written (112 for "112万人", 40.4 for "40.4%"); null unless kind is number/reference. */
  readonly value: number | null;
  /** Unit as written ("件", "万人", "%", "千㎡"), or null. */
  readonly unit: string | null;
  readonly qualifier: Qualifier | null;
  /** The cell's formula, when it holds one. */
  readonly formula?: string;
  /** A note the figure carries in brackets ("速報値", "H26"), when it has one. */
  readonly annotation?: string;
}

/** A parsed value with the worksheet cell it came from: a KPI's rateRowOther. */
export interface PlacedValue extends ParsedValue {
  readonly row: number;
  readonly col: number;
}

/**
 * An achievement-rate cell of the 達成率 row, as read. It carries no position: the recogniser parses
 * each (value, number format, formula or not) once and shares the result between every cell, KPI and
 * sheet showing it, so it is never changed (readonly). Its cell is `kpi.printedRates.cellOf(year)`.
 */
export interface PrintedRate {
  readonly text: string;
  /** Fraction (0.689 for "68.9%" or 0.689 formatted 0.0%); null when the cell is not a rate. */
  readonly value: number | null;
  readonly kind: 'rate' | 'none' | 'empty' | 'text' | 'error';
  /** Decimal places shown (1 for "68.9%", 0 for "100%"); null when unknown. */
  readonly decimals: number | null;
  /** How the cell stores the rate: text "68.9%", a number with a percent format, or a formula. */
  readonly storage: 'text' | 'number' | 'formula' | 'none';
}

/** Label style of a year header, so a new year can be written the same way. */
export interface YearLabelStyle {
  /** "R{n}" | "R{n}年度" | "令和{n}年度" | "H{n}" | "{y}" | "{y}年度" | "FY{y}" | "R{nn}" | "R{n}({y})" … with {n} era year, {nn} zero-padded, {y} western year. */
  template: string;
  /** Era used by template ({n}); null for western years. */
  era: 'R' | 'H' | null;
  /** "元" instead of 1 for the first era year (R元). */
  gannen: boolean;
  /** Full-width digits in the label. */
  fullWidth: boolean;
}

export interface YearColumn {
  col: number;
  /** Western fiscal year: 2019 for R1 / 令和元年度 / H31 / FY2019. */
  year: number;
  label: string;
  style: YearLabelStyle;
}

/** Roles of the columns of one KPI table. */
export interface TableColumns {
  kpi: number;
  /** The 実績値 / 達成率 label column, when the table has one. */
  rowLabel: number | null;
  baseline: number | null;
  target: number | null;
  years: YearColumn[];
  cost: number | null;
  department: number | null;
  remark: number | null;
  sheetNo: number | null;
  /** Columns with headers the recogniser does not know; kept and ignored. */
  extra: { col: number; label: string }[];
}

/**
 * The shape a table is laid out in (README "What the recogniser reads"): two rows per KPI; one block
 * per KPI with 期待値/実績値/達成率/評価 rows; one row per KPI with the latest year and evaluation
 * columns, with the KPI text repeated in its value cells, with targets and actuals side by side per
 * year, or with 実績 and 達成率 columns per year.
 */
export type TableLayout = 'two-row' | 'block' | 'row-latest' | 'row-text' | 'side-by-side' | 'row-years';

export interface KpiTable {
  /** 0-based index among the tables of its sheet. */
  index: number;
  /** Absent on tables recognised before layouts were told apart: 'two-row'. */
  layout?: TableLayout;
  /** Per-year target columns (side-by-side: 施策目標 H27…H31 next to the actuals). */
  targetYears?: YearColumn[];
  /** Per-year rate columns (row-years: R1実績 | R1達成率 …). */
  rateYears?: YearColumn[];
  /** Evaluation columns of one-row layouts (達成度, 改善・悪化), by kind. */
  gradeColumns?: { col: number; label: string; kind: 'grade' | 'trend' }[];
  sheet: string;
  headerRow: number;
  /** Rows the header spans from headerRow: 1, or 2 when years sit under a 実績値 group row. */
  headerRows?: number;
  /** First and last row of the KPI rows (実績値 / 達成率, and 目安値 rows when the sheet has them). */
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
  columns: TableColumns;
  baselineYear: number | null;
  targetYear: number | null;
  /** Header texts as written, by column, for diagnostics and re-writing. */
  headers: Record<number, string>;
  /** Structure path of the table (see Kpi.path). */
  path: string[];
}

export interface Kpi {
  /** "<sheet>!<row>" of the 実績値 row. */
  id: string;
  sheet: string;
  tableIndex: number;
  name: string;
  /** The name cell. */
  nameCell: { row: number; col: number };
  /** 実績値 row and 達成率 row (1-based). */
  row: number;
  rateRow: number;
  unit: string | null;
  direction: Direction;
  cumulative: boolean;
  /** Where cumulation starts when the name says so ("H27～累計" → 2015); null when unknown. */
  cumulativeFrom: number | null;
  /** The baseline as read; `col` is its cell's column on the KPI's row (null with no parsed value): baselineCell. */
  baseline: { year: number | null; value: number | null; text: string; parsed: ParsedValue | null; col: number | null };
  /** The target as read; `col` as the baseline's: targetCell. */
  target: { year: number | null; value: number | null; text: string; qualifier: Qualifier | null; parsed: ParsedValue | null; col: number | null };
  /** Every year column of the table, by western fiscal year (ByYear: see by-year.ts for why not a record). */
  actuals: ByYear<ParsedValue>;
  printedRates: ByYear<PrintedRate>;
  /** Anything in the baseline/target columns of the 達成率 row (e.g. "4.17ha"): misplaced values. */
  rateRowOther: readonly PlacedValue[];
  cost: ParsedValue | null;
  /** The column of the cost's cell on the KPI's row, null with no cost: costCell. */
  costCol: number | null;
  department: string | null;
  remark: string | null;
  /** As written, normalised to half-width ("08"); null when blank; "-" kept as "-". */
  sheetNo: string | null;
  sheetNoCell: { row: number; col: number } | null;
  /** id of the total KPI this (内訳) row breaks down. */
  breakdownOf: string | null;
  /** id of the first occurrence of a (再掲) or repeated KPI. */
  relistedFrom: string | null;
  /** ["全体目標", "基本目標①", …] or ["個別目標", "基本目標①", "i 人材育成…", "施策：キャリア教育の推進"]. */
  path: string[];
  /** Row of a 目安値 / 期待値 row the sheet keeps with the pair, when it has one. */
  expectedRow?: number;
  /** The expected values of that row, by fiscal year. */
  expected?: ByYear<ParsedValue>;
  /** Per-year targets where the layout prints them (期待値 of a block, 施策目標 side by side): rates use them. */
  targets?: ByYear<ParsedValue>;
  /** Grades the sheet prints (評価 row, 達成度 / 改善・悪化 columns), by fiscal year. */
  printedGrades?: ByYear<PrintedGrade>;
  /** Trend marks (改善○ 維持△ 悪化×) the sheet prints, by fiscal year. */
  printedTrends?: ByYear<PrintedGrade>;
  /** False when the layout has no rate cells at all (side-by-side): rateRow is then only the actuals' row. */
  hasRateCells?: boolean;
  /** Row of the 評価 (grade) row of a block, when it has one. */
  gradeRow?: number;
}

/** A printed grade or trend mark: "A", "B+", "○", "順調". */
export interface PrintedGrade {
  text: string;
  /** The symbol as the legend names it (half-width letters, "○" for "〇"); null when blank or "-". */
  symbol: string | null;
  row: number;
  col: number;
}

/** One entry of a printed legend: "B+:概ね順調(…80~99%)" → symbol "B+", label "概ね順調", min 0.8. */
export interface LegendEntry {
  symbol: string;
  label: string;
  /** Lowest rate (fraction) of the entry, when the legend says; null for the lowest band or none. */
  min: number | null;
  /** Rate (fraction) the entry stays under ("50%未満"), when the legend says. */
  max: number | null;
}

/** A legend printed on the sheet: grade bands (評価, 達成度) or trend marks (改善・悪化). */
export interface GradeLegend {
  kind: 'grade' | 'trend';
  entries: LegendEntry[];
  /** Where it is written. */
  row: number;
  col: number;
  text: string;
}

/** A node of the goal → policy area → measure structure, for the task pane tree. */
export interface StructureNode {
  kind: 'part' | 'goal' | 'area' | 'measure' | 'projects' | 'policy';
  /** Text as written (trimmed). */
  title: string;
  row: number;
  children: StructureNode[];
  /** KPI ids directly under this node. */
  kpis: string[];
}

export interface SheetModel {
  sheet: string;
  tables: KpiTable[];
  kpis: Kpi[];
  structure: StructureNode[];
  /** Legends printed on the sheet (grade bands, trend marks), when it has any. */
  legends?: GradeLegend[];
}

export interface Unrecognised {
  sheet: string;
  /** One clear sentence: what was looked for, what was missing, how to fix. */
  reason: string;
  /** The same reason in English (for --lang en and the English UI). */
  reasonEn?: string;
}

export interface ProgressModel {
  sheets: SheetModel[];
  unrecognised: Unrecognised[];
}
