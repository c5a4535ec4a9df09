import type { CellValue } from '../core/snapshot';

/** What a cell holds, as far as setCell and its inverse are concerned. */
export interface CellState {
  /** As Excel holds it (a date is its serial number): what an inverse writes back. */
  value: CellValue;
  /** As a snapshot shows it (a date as "2024-04-01"): what plan expectations are compared with. */
  shown?: CellValue;
  formula: string | null;
  numberFormat: string | null;
}

export const EMPTY_CELL: CellState = { value: null, formula: null, numberFormat: null };
