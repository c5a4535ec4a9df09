/**
 * The host contract: what the Excel add-in host (src/excel) and the .xlsx host (src/xlsx) both
 * implement. UI and CLI receive a host and never reach Excel or exceljs directly.
 */
import type { CellExtras, GridSnapshot } from './snapshot';
import type { ApplyResult, EditPlan } from './plan';

export interface SheetInfo {
  name: string;
  visibility: 'visible' | 'hidden' | 'veryHidden';
}

/** What the host can do; the UI says what is unavailable instead of failing. */
export interface HostCapabilities {
  notes: boolean;
  hyperlinks: boolean;
  merges: boolean;
  /** One Excel undo step per action (ExcelApi 1.20). */
  undoGroup: boolean;
  /** Live re-check on edits (worksheet onChanged). */
  changeEvents: boolean;
}

/** One cell of a sheet, 1-based. */
export interface CellAt {
  sheet: string;
  row: number;
  col: number;
}

export interface ProgressHost {
  readonly kind: 'excel' | 'xlsx';
  capabilities(): HostCapabilities;
  listSheets(): Promise<SheetInfo[]>;
  readSnapshot(sheet: string): Promise<GridSnapshot>;
  applyPlan(plan: EditPlan): Promise<ApplyResult>;
  /**
   * Fills and hyperlinks of the given cells, by sheet then cellKey, for hosts whose readSnapshot
   * leaves them out (Excel: one object per cell would be most of a large sheet's read).
   */
  readExtras?(cells: CellAt[]): Promise<Record<string, Record<string, CellExtras>>>;
  /** Selects a cell for the user (task pane "go to cell"); optional for hosts without a UI. */
  selectCell?(sheet: string, address: string): Promise<void>;
}
