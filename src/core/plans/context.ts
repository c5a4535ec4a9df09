/** What every planner receives: the sheets as read, the model, the analysis and the undo record. */
import type { Analysis } from '../analyse';
import type { KpiDefinitions } from '../definitions';
import type { Lang } from '../findings';
import type { SheetInfo } from '../host';
import type { Kpi, KpiTable, ProgressModel, SheetModel } from '../model';
import { cellKey, formulaAt, valueAt, type GridSnapshot } from '../snapshot';
import type { CellExpectation } from '../plan';
import type { UndoRecord } from '../undo';

export interface PlanInput {
  /** Every sheet of the workbook (names and visibility). */
  sheets: SheetInfo[];
  /** Snapshots of the sheets the model was recognised from. */
  snapshots: GridSnapshot[];
  model: ProgressModel;
  analysis: Analysis;
  record: UndoRecord;
  lang: Lang;
  definitions?: KpiDefinitions;
  /** The KPI定義 sheet as read (null: none), so the workbook can be brought up to date after an apply without a read. */
  definitionsSnapshot?: GridSnapshot | null;
}

export function snapshotOf(input: PlanInput, sheet: string): GridSnapshot {
  const s = input.snapshots.find((x) => x.sheet === sheet);
  if (!s) throw new Error(`no snapshot of sheet ${sheet}`);
  return s;
}

/** What a cell holds now, as a plan expectation. */
export function expectationAt(s: GridSnapshot, row: number, col: number): CellExpectation {
  return { value: valueAt(s, row, col), formula: formulaAt(s, row, col) };
}

export function extrasAt(s: GridSnapshot, row: number, col: number) {
  return s.extras?.[cellKey(row, col)] ?? {};
}

export function isEmptyAt(s: GridSnapshot, row: number, col: number): boolean {
  const v = valueAt(s, row, col);
  return (v === null || v === '') && formulaAt(s, row, col) === null;
}

export function tableOf(sheet: SheetModel, kpi: Kpi): KpiTable {
  return sheet.tables[kpi.tableIndex];
}

/** Western year → column of the KPI's table, or null. */
export function yearColumn(sheet: SheetModel, kpi: Kpi, year: number): number | null {
  return tableOf(sheet, kpi).columns.years.find((y) => y.year === year)?.col ?? null;
}
