/**
 * Edit plans: the only way the core changes a workbook. A host applies a plan edit by edit, in order,
 * and skips (and reports) any edit whose cell no longer holds what the plan expected.
 * Coordinates are 1-based worksheet rows/columns.
 */
import type { CellValue, CellRange } from './snapshot';

/** What the plan expects a cell to hold before it is changed (from the snapshot it was planned on). */
export interface CellExpectation {
  value: CellValue;
  formula: string | null;
}

export interface CellContent {
  /** Constant value. Text is always written as text, never parsed. With a formula: the cached result
   *  (hosts that calculate ignore it; the .xlsx host stores it so non-calculating readers see it). */
  value?: CellValue;
  /** Formula with its leading "=". */
  formula?: string;
  numberFormat?: string;
}

/**
 * What an edit is about, for the change lists (task pane preview, --dry-run): the KPI by its name as
 * the sheet shows it, the fiscal year as the sheet labels it ("R2"), and which figure of the KPI.
 * The planner that knows them sets it; hosts ignore it.
 */
export interface EditSubject {
  kpi?: string;
  /** Further KPIs sharing the cell (a シートNo. cell of a measure). */
  moreKpis?: number;
  year?: string;
  field?: EditField;
}

export type EditField = 'actual' | 'rate' | 'rate-formula' | 'remark' | 'sheetNo' | 'year-header' | 'year-column' | 'year-header-merge';

export type CellEdit = (
  | { kind: 'setCell'; sheet: string; row: number; col: number; expect: CellExpectation | null; content: CellContent }
  /** fill "#RRGGBB", or null to remove the fill. `spec`: a host's exact prior fill (xlsx: the exceljs
   *  Fill object, null = none) recorded in inverses; other hosts fall back to `fill`. */
  | {
      kind: 'setFill';
      sheet: string;
      row: number;
      col: number;
      fill: string | null;
      spec?: Record<string, unknown> | null;
      /** Undo: the fill the command wrote ("#RRGGBB", null = none); skipped as changed when the cell has another. */
      expectFill?: string | null;
    }
  /** note text, or null to remove. Hosts without notes report it as skipped ("unsupported"). */
  | {
      kind: 'setNote';
      sheet: string;
      row: number;
      col: number;
      note: string | null;
      /** Undo: the note the command wrote; skipped as changed when the note reads otherwise. */
      expectNote?: string | null;
    }
  /** Internal link ("#'01'!A1" style target sheet+cell), external (file + optional sheet/cell), or null to remove. */
  | {
      kind: 'setHyperlink';
      sheet: string;
      row: number;
      col: number;
      /** `url`: a verbatim target (web address) restored by an inverse; sheet/cell are then ignored. */
      link: { sheet: string; cell: string; file?: string; tooltip?: string; url?: string } | null;
      /** Undo: the link target the command wrote (linkTarget form), null = none. */
      expectLink?: string | null;
    }
  /** Inserts an empty column at `col` (cells at col and right shift right), taking formats, borders,
   *  width and in-table merges from column `formatFrom` (given in coordinates before the insert).
   *  `widen`: ranges over the table that end at column col-1 take the new column too (see WIDEN). */
  | { kind: 'insertColumn'; sheet: string; col: number; formatFrom: number; widen?: boolean }
  | { kind: 'deleteColumn'; sheet: string; col: number }
  | { kind: 'merge'; sheet: string; range: CellRange }
  | { kind: 'unmerge'; sheet: string; range: CellRange }
  | { kind: 'setColumnWidth'; sheet: string; col: number; width: number | null }
  /** Adds a sheet (no-op with a skip report if it exists). Rows start at A1. `print`: how it prints. */
  | { kind: 'addSheet'; sheet: string; visibility: 'visible' | 'hidden' | 'veryHidden'; rows?: CellValue[][]; print?: PrintLayout }
  /** `expectRows`: undo only — the sheet is deleted only while it holds exactly the command's rows (rowsDigest). */
  | { kind: 'deleteSheet'; sheet: string; expectRows?: string }
) & { about?: EditSubject };

/**
 * How a sheet the add-in writes (点検結果, KPI定義) prints: landscape A4, fit to one page wide, the
 * header row repeated on every page, long texts wrapped. Hosts that cannot set it skip it silently
 * (the sheet is still right on screen).
 */
export interface PrintLayout {
  orientation: 'landscape' | 'portrait';
  paper: 'A4';
  /** Fit all columns on one page width (any number of pages tall). */
  fitToWidth: boolean;
  /** Rows repeated at the top of every printed page (1-based, inclusive). */
  repeatRows: [number, number] | null;
  /** Columns (1-based) whose cells wrap their text, from row `wrapFrom` down. */
  wrapColumns: number[];
  wrapFrom: number;
  /** Page header text (left); the footer prints "page / pages". */
  header?: string;
}

/**
 * WIDEN — why add-year asks for it (issue #16). Inserting a column inside a range widens the range in
 * Excel (a print area A10:N412 with a column inserted at L becomes A10:O412), and both hosts do that
 * for every insert. A new year column goes right after the newest year, so a range that ends at the
 * newest year — the print area or filter of a table whose last column is the newest year, a
 * validation or conditional format over the year columns — would stay where it is in Excel and the
 * new year would fall outside it: not printed, not filtered, not validated. The plan decides this,
 * not the hosts: the year insert carries `widen`, and the hosts then treat ranges ending at the
 * column left of the insert (print area and titles, autofilter, defined names, conditional formats,
 * validations; never formulas in cells, which are the user's) as if the column were inserted inside
 * them. Undo needs no edit of its own: the inverse deleteColumn narrows every range over the
 * deleted column, which gives each widened range back exactly.
 */
export type CommandName = 'fill' | 'flag' | 'unflag' | 'link' | 'add-year' | 'definitions' | 'report' | 'undo' | 'clean' | 'merge';

export interface EditPlan {
  command: CommandName;
  /** Short human summary for previews ("達成率 168 セルを記入"). */
  summary: string;
  edits: CellEdit[];
  /** Things the planner decided not to do, with reasons (e.g. "R7 already exists"). */
  notices: string[];
}

export interface SkippedEdit {
  edit: CellEdit;
  /** changed: the cell no longer holds what was expected; unsupported: the host cannot do it. */
  reason: 'changed' | 'unsupported' | 'exists' | 'missing';
  detail: string;
}

export interface ApplyResult {
  applied: number;
  skipped: SkippedEdit[];
  /** Edits that restore what the applied edits changed, in the order they must run. */
  inverse: CellEdit[];
}

export type LinkSpec = NonNullable<Extract<CellEdit, { kind: 'setHyperlink' }>['link']>;

/** The address a link edit stands for: "#'01'!A1", "管理.xlsx#'01'!A1", or its url. */
export function linkTarget(link: LinkSpec): string {
  if (link.url) return link.url;
  return `${link.file ?? ''}#'${link.sheet.replace(/'/g, "''")}'!${link.cell}`;
}

/** "file.xlsx#'01'!A1" → link parts; null for other addresses (web pages). */
export function parseLinkTarget(target: string): LinkSpec | null {
  const m = /^([^#]*)#(?:'((?:[^']|'')+)'|([^!]+))!(\$?[A-Z]+\$?\d+)$/.exec(target);
  if (!m) return null;
  const sheet = m[2] !== undefined ? m[2].replace(/''/g, "'") : m[3];
  return m[1] ? { sheet, cell: m[4], file: m[1] } : { sheet, cell: m[4] };
}
