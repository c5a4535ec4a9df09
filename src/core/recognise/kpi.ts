/**
 * The one constructor of the recogniser's KPIs (model.ts `Kpi`) and of the cells and single values they
 * hold. Every KPI the recogniser makes, whatever its layout, comes from kpiRecord: all fields present (the
 * optional ones undefined when the layout has none), set in one order, so the rules that read KPIs see
 * one object shape, and the JSON of a KPI is what it always was (undefined fields are left out; the
 * fields a layout sets come in the order they always came).
 *
 * The tables, structure nodes and shared baseline/target reads are classes, the KPIs and their cells
 * object literals: V8 tracks an allocation site per literal and, once it sees the literal's objects
 * survive (a model's do), allocates them in the old generation and throws away the optimised code that
 * inlined the allocation — in the cold run (what `kpi-progress check` pays) readTable's and
 * recogniseGrid's compiles were aborted (40-60 ms each at 10,000 KPIs). Objects made by `new` have no
 * allocation site, but are copied by the collections of a warm run: the KPIs, many, stay literals.
 */
import type { ByYear } from '../by-year';
import type { Direction, Kpi, KpiTable, ParsedValue, PlacedValue, PrintedGrade, PrintedRate, Qualifier, TableColumns, TableLayout, YearColumn } from '../model';

/** A worksheet cell: a KPI's name cell or シートNo. cell (a literal, as kpiRecord's KPI). */
export function cellPlace(row: number, col: number): { row: number; col: number } {
  return { row, col };
}

/** Kpi.baseline. */
export class BaselineRead {
  declare year: number | null;
  declare value: number | null;
  declare text: string;
  declare parsed: ParsedValue | null;
  declare col: number | null;

  constructor(year: number | null, value: number | null, text: string, parsed: ParsedValue | null, col: number | null) {
    this.year = year;
    this.value = value;
    this.text = text;
    this.parsed = parsed;
    this.col = col;
  }
}

/** Kpi.target. */
export class TargetRead {
  declare year: number | null;
  declare value: number | null;
  declare text: string;
  declare qualifier: Qualifier | null;
  declare parsed: ParsedValue | null;
  declare col: number | null;

  constructor(year: number | null, value: number | null, text: string, qualifier: Qualifier | null, parsed: ParsedValue | null, col: number | null) {
    this.year = year;
    this.value = value;
    this.text = text;
    this.qualifier = qualifier;
    this.parsed = parsed;
    this.col = col;
  }
}

/** The baseline of a parsed cell (null: none) in column `col`, in the year its header names; frozen (it may be shared: SingleReads). */
export function baselineRead(year: number | null, parsed: ParsedValue | null, col: number | null): BaselineRead {
  return Object.freeze(new BaselineRead(year, parsed !== null && parsed.kind === 'number' ? parsed.value : null, parsed !== null ? parsed.text : '', parsed, col));
}

/** The target of a parsed cell (null: none) in column `col`, in the year its header names; frozen (it may be shared: SingleReads). */
export function targetRead(year: number | null, parsed: ParsedValue | null, col: number | null): TargetRead {
  return Object.freeze(new TargetRead(year, parsed !== null && parsed.kind === 'number' ? parsed.value : null, parsed !== null ? parsed.text : '', parsed !== null ? parsed.qualifier ?? null : null, parsed, col));
}

/**
 * The baselines and targets of one sheet's KPIs, each (parsed value, year, column) made once and shared:
 * a parsed value is shared by every cell showing it (Grid.parsedValue) and the year and column are the
 * table's, so the KPIs under one header with the same baseline (or target) text hold one object. Frozen:
 * nothing may change a shared one (a block's baseline year is a new one).
 */
export class SingleReads {
  private readonly baselines = new Map<ParsedValue | null, BaselineRead[]>();
  private readonly targets = new Map<ParsedValue | null, TargetRead[]>();

  baseline(year: number | null, parsed: ParsedValue | null, col: number | null): BaselineRead {
    let list = this.baselines.get(parsed);
    if (list === undefined) this.baselines.set(parsed, (list = []));
    for (let i = 0; i < list.length; i++) if (list[i].year === year && list[i].col === col) return list[i];
    const read = baselineRead(year, parsed, col);
    list.push(read);
    return read;
  }

  target(year: number | null, parsed: ParsedValue | null, col: number | null): TargetRead {
    let list = this.targets.get(parsed);
    if (list === undefined) this.targets.set(parsed, (list = []));
    for (let i = 0; i < list.length; i++) if (list[i].year === year && list[i].col === col) return list[i];
    const read = targetRead(year, parsed, col);
    list.push(read);
    return read;
  }
}

/**
 * A KPI as the recogniser makes it: see the file's comment. The fields and their meaning are model.ts's
 * `Kpi`. An object literal (one site, in this function), unlike the tables: a model keeps 10,000 KPIs
 * and their name cells, and V8 allocates a literal's objects in the old generation once it has seen them
 * survive, so the collections of a warm run do not copy them (as a class, a warm recognise took about
 * 0.5-3 µs per KPI more); the price is one recompile of readKpi in the cold run.
 */
export function kpiRecord(
  id: string,
  sheet: string,
  tableIndex: number,
  name: string,
  nameCell: { row: number; col: number },
  row: number,
  rateRow: number,
  unit: string | null,
  direction: Direction,
  cumulative: boolean,
  cumulativeFrom: number | null,
  baseline: Kpi['baseline'],
  target: Kpi['target'],
  actuals: ByYear<ParsedValue>,
  printedRates: ByYear<PrintedRate>,
  rateRowOther: readonly PlacedValue[],
  cost: ParsedValue | null,
  costCol: number | null,
  department: string | null,
  remark: string | null,
  sheetNo: string | null,
  sheetNoCell: { row: number; col: number } | null,
  path: string[],
  hasRateCells: boolean | undefined,
  expectedRow: number | undefined,
  expected: ByYear<ParsedValue> | undefined,
  targets: ByYear<ParsedValue> | undefined,
  printedGrades: ByYear<PrintedGrade> | undefined,
  printedTrends: ByYear<PrintedGrade> | undefined,
): Kpi {
  // breakdownOf and relistedFrom are linked after the sheet is read (links.ts), gradeRow by asBlock; the
  // optional fields come after path, in the order the layouts have always given them
  return {
    id,
    sheet,
    tableIndex,
    name,
    nameCell,
    row,
    rateRow,
    unit,
    direction,
    cumulative,
    cumulativeFrom,
    baseline,
    target,
    actuals,
    printedRates,
    rateRowOther,
    cost,
    costCol,
    department,
    remark,
    sheetNo,
    sheetNoCell,
    breakdownOf: null,
    relistedFrom: null,
    path,
    hasRateCells,
    expectedRow,
    expected,
    targets,
    gradeRow: undefined,
    printedGrades,
    printedTrends,
  };
}

/**
 * A table as the recogniser makes it (model.ts `KpiTable`), a class for the reason the file comment gives: a model
 * keeps its tables (thousands on a sheet of repeated headers). Fields in the order the layouts have
 * always given them; the ones a two-row table lacks are undefined (left out of the JSON).
 */
export class TableRecord implements KpiTable {
  declare index: number;
  declare sheet: string;
  declare layout: TableLayout;
  declare headerRow: number;
  declare headerRows: number;
  declare firstRow: number;
  declare lastRow: number;
  declare firstCol: number;
  declare lastCol: number;
  declare columns: TableColumns;
  declare baselineYear: number | null;
  declare targetYear: number | null;
  declare headers: Record<number, string>;
  declare path: string[];
  declare targetYears: YearColumn[] | undefined;
  declare rateYears: YearColumn[] | undefined;
  declare gradeColumns: { col: number; label: string; kind: 'grade' | 'trend' }[] | undefined;

  constructor(
    index: number,
    sheet: string,
    layout: TableLayout,
    headerRow: number,
    headerRows: number,
    firstRow: number,
    lastRow: number,
    firstCol: number,
    lastCol: number,
    columns: TableColumns,
    baselineYear: number | null,
    targetYear: number | null,
    headers: Record<number, string>,
    path: string[],
    targetYears: YearColumn[] | undefined,
    rateYears: YearColumn[] | undefined,
    gradeColumns: { col: number; label: string; kind: 'grade' | 'trend' }[] | undefined,
  ) {
    this.index = index;
    this.sheet = sheet;
    this.layout = layout;
    this.headerRow = headerRow;
    this.headerRows = headerRows;
    this.firstRow = firstRow;
    this.lastRow = lastRow;
    this.firstCol = firstCol;
    this.lastCol = lastCol;
    this.columns = columns;
    this.baselineYear = baselineYear;
    this.targetYear = targetYear;
    this.headers = headers;
    this.path = path;
    this.targetYears = targetYears;
    this.rateYears = rateYears;
    this.gradeColumns = gradeColumns;
  }
}
