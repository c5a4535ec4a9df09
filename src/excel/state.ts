import type { CellValue } from '../core/snapshot';

/** What a cell holds, as far as setCell and its inverse are concerned. */
export interface CellState {
  value: CellValue;
  formula: string | null;
  numberFormat: string | null;
}

export const EMPTY_CELL: CellState = { value: null, formula: null, numberFormat: null };
