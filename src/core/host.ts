/**
 * The host contract: what the Excel add-in host (src/excel) and the .xlsx host (src/xlsx) both
 * implement. UI and CLI receive a host and never reach Excel or exceljs directly.
 */
import type { CellExtras, GridSnapshot } from './snapshot';
import type { ApplyResult, EditPlan } from './plan';
import type { UndoRecord } from './undo';

/** The record to store after a plan's apply, from the stored one and what the apply does. */
export type RecordUpdate = (stored: UndoRecord, result: ApplyResult) => UndoRecord | null;

/** A cell to show the user once a plan is written (the ribbon's 年度列を追加: the new year's header). */
export interface SelectAfter {
  sheet: string;
  address: string;
}

export interface RecordedResult extends ApplyResult {
  /** The undo record as stored after the apply (null: none was read). */
  record: UndoRecord | null;
}

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
  /** Page setup of the sheets the add-in writes (Excel: Worksheet.pageLayout, ExcelApi 1.9); absent = not told. */
  printLayout?: boolean;
  /**
   * add-year widens the autofilter (Excel: Worksheet.autoFilter, ExcelApi 1.9) and the conditional
   * formats (ConditionalFormat.setRanges, 1.17) that end at the newest year; absent = not told.
   */
  widenFilters?: boolean;
  widenFormats?: boolean;
  /** add-year gives the new year column the previous year's input rule (Excel: Range.dataValidation, 1.8); absent = not told. */
  widenValidations?: boolean;
}

/** One cell of a sheet, 1-based. */
export interface CellAt {
  sheet: string;
  row: number;
  col: number;
}

/** A change in a sheet made by the local user (not by this add-in, not by a co-author). */
export interface CellChange {
  sheet: string;
  /** "F10", "F10:G12", or whole columns/rows ("D:D") for inserts and deletes. */
  address: string;
  /** A single cell's new text, true/false or null (emptied), when the host reported it (Excel 1.9
   *  event details); absent for ranges, numbers, errors, structural changes and older Excel. */
  valueAfter?: string | boolean | null;
  /** What kind of change (Excel's changeType): cells edited, or columns/rows/cells inserted or deleted. */
  kind?: 'edited' | 'structure';
}

export interface ProgressHost {
  readonly kind: 'excel' | 'xlsx';
  capabilities(): HostCapabilities;
  listSheets(): Promise<SheetInfo[]>;
  /**
   * One sheet's snapshot. `extras: false`: the caller only recognises and analyses, which read no
   * extras (notes, fills, links; the plans do), so a host may leave them out (the .xlsx host then
   * skips a walk of every cell's style).
   */
  readSnapshot(sheet: string, options?: { extras?: boolean }): Promise<GridSnapshot>;
  /**
   * Every sheet (in tab order, the add-in's own and very hidden ones too) with its snapshot, in as few
   * round trips as the host can (Excel: one sync for a workbook of ordinary size), for callers without
   * a snapshot at hand (the ribbon). The snapshots carry no extras (notes, fills, links).
   */
  readWorkbook?(): Promise<{ sheets: SheetInfo[]; snapshots: GridSnapshot[] }>;
  applyPlan(plan: EditPlan): Promise<ApplyResult>;
  /**
   * Fills and hyperlinks of the given cells, by sheet then cellKey, for hosts whose readSnapshot
   * leaves them out (Excel: one object per cell would be most of a large sheet's read).
   */
  readExtras?(cells: CellAt[]): Promise<Record<string, Record<string, CellExtras>>>;
  /**
   * Applies a plan and stores the undo record with it (read in the plan's verify, written with its
   * writes): hosts whose separate record writes would cost round trips or break an undo group (Excel).
   * `update` returns the record to store, or null to leave it as it is. `select`: a cell to show with
   * the last writes (Excel: in their round trip; not on a hidden sheet, which cannot be activated).
   */
  applyRecorded?(plan: EditPlan, update: RecordUpdate, select?: SelectAfter): Promise<RecordedResult>;
  /**
   * Writes a plan of constant cell writes made from a snapshot known to be current (kept so by the
   * change events), without the verify read: live checking's one-sync write. Hosts without it apply
   * with verification (applyPlan).
   */
  applyKnown?(plan: EditPlan): Promise<ApplyResult>;
  /** Live checking: the local user's changes on the given sheets (all when omitted); resolves to unsubscribe. */
  onChanged?(handler: (change: CellChange) => void, sheets?: string[]): Promise<() => Promise<void>>;
  /** Selects a cell for the user (task pane "go to cell"); optional for hosts without a UI. */
  selectCell?(sheet: string, address: string): Promise<void>;
  /**
   * The workbook as an .xlsx file (name and bytes), for work that needs the whole package (the yearly
   * round's copies). Optional: hosts that cannot hand the file over leave it out, and the pane says so.
   */
  workbookFile?(): Promise<{ name: string; bytes: Uint8Array }>;
}
