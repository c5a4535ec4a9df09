/**
 * The host contract: what the Excel add-in host (src/excel) and the .xlsx host (src/xlsx) both
 * implement. UI and CLI receive a host and never reach Excel or exceljs directly.
 */
import type { GridSnapshot } from './snapshot';
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

export interface ProgressHost {
  readonly kind: 'excel' | 'xlsx';
  capabilities(): HostCapabilities;
  listSheets(): Promise<SheetInfo[]>;
  readSnapshot(sheet: string): Promise<GridSnapshot>;
  applyPlan(plan: EditPlan): Promise<ApplyResult>;
  /** Selects a cell for the user (task pane "go to cell"); optional for hosts without a UI. */
  selectCell?(sheet: string, address: string): Promise<void>;
}
