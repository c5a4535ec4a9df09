/**
 * Reading a worksheet into a GridSnapshot in two syncs: (1) the used range's size, the notes and, from
 * ExcelApi 1.9, where the formulas and numeric constants are (special cells); (2) every row block's
 * values, formulas and number formats only where those cells are, the merged areas and the notes'
 * cells, all queued before one sync. Fills and links are not read here (one object per cell, 20 MB on
 * a 10,000-KPI sheet): readCellExtras (extras.ts) reads them for the cells planners touch.
 * Fallbacks (extra syncs, only after Excel refuses the batch): one block per sync when the combined
 * response is too large; smaller merge bands, then no merges, when a band has over 512 merged areas.
 */
import type { CellRange, GridSnapshot } from '../core/snapshot';
import { fromExcelFormula, fromExcelValue, shownValue } from './cell-input';
import type { SheetInfo } from '../core/host';
import { parseAreas } from './address';
import { sheetNotFound } from './errors';
import type { ExcelFeatures } from './capabilities';
import { isPayloadTooLarge, rowBlocks, type RowBlock } from './payload';
import { Extras } from './extras';
import { groupAreas } from './areas';
import { MAX_COLS, MAX_ROWS } from '../core/apply-rules';

/** Rows per merged-area query: a progress sheet has about 3.5 merges a row, well under Excel's 512. */
export const MERGE_BAND_ROWS = 100;
const SMALL_MERGE_BAND_ROWS = 10;
/** Larger used ranges are cut (and say so); the limits are the core's (a 10,000-KPI sheet has about 25,000 rows). */
export { MAX_COLS, MAX_ROWS };

export interface ReadOptions {
  /** Overrides the payload budget (tests use small ones). */
  budgetBytes?: number;
}

export interface ReadReport {
  snapshot: GridSnapshot;
}

type Context = Excel.RequestContext;

/**
 * Where formulas and numbers are (1-based rectangles), from getSpecialCells; null without ExcelApi
 * 1.9, when everything is read. Text cells need no formula, and the core reads no number format of
 * text: units and percentages come from the formats of numbers (values.ts parseValue).
 */
interface Special {
  formulas: CellRange[];
  numbers: CellRange[];
}

interface ReadPlan {
  ws: Excel.Worksheet;
  blocks: RowBlock[];
  cols: number;
  /** Notes loaded in the first sync (ExcelApi 1.18); their cells are asked for in the second. */
  notes: Excel.Note[];
  special: Special | null;
  /** Merged-area queries exist (ExcelApi 1.13). */
  merges: boolean;
}

type Part = { range: Excel.Range; top: number; left: number };

interface Queued {
  blocks: { block: RowBlock; range: Excel.Range; all: boolean }[];
  formulas: Part[];
  formats: Part[];
  merges: Excel.RangeAreas[];
  notes: { note: Excel.Note; at: Excel.Range }[];
}

/** The parts of `areas` inside a row block, each as one range with `what` loaded. */
function queueAreas(ws: Excel.Worksheet, areas: CellRange[], block: RowBlock, cols: number, withFormulas: boolean): Part[] {
  const parts: Part[] = [];
  for (const a of areas) {
    const top = Math.max(a.top, block.rowIndex + 1);
    const bottom = Math.min(a.bottom, block.rowIndex + block.rowCount);
    const right = Math.min(a.right, cols);
    if (top > bottom || a.left > right) continue;
    const range = ws.getRangeByIndexes(top - 1, a.left - 1, bottom - top + 1, right - a.left + 1);
    if (withFormulas) range.load('formulas,numberFormat');
    else range.load('numberFormat');
    parts.push({ range, top, left: a.left });
  }
  return parts;
}

function queueRead(plan: ReadPlan, blocks: RowBlock[], mergeBand: number | null, withNotes: boolean): Queued {
  const { ws, cols, special } = plan;
  const queued: Queued = { blocks: [], formulas: [], formats: [], merges: [], notes: [] };
  for (const block of blocks) {
    const range = ws.getRangeByIndexes(block.rowIndex, 0, block.rowCount, cols);
    if (special) range.load('values');
    else range.load('values,formulas,numberFormat');
    queued.blocks.push({ block, range, all: !special });
    if (special) {
      queued.formulas.push(...queueAreas(ws, special.formulas, block, cols, true));
      queued.formats.push(...queueAreas(ws, special.numbers, block, cols, false));
    }
    if (mergeBand === null || !plan.merges) continue;
    for (let r = 0; r < block.rowCount; r += mergeBand) {
      const band = ws.getRangeByIndexes(block.rowIndex + r, 0, Math.min(mergeBand, block.rowCount - r), cols);
      const areas = band.getMergedAreasOrNullObject();
      areas.load('address');
      queued.merges.push(areas);
    }
  }
  if (withNotes) {
    for (const note of plan.notes) {
      const at = note.getLocation();
      at.load('rowIndex,columnIndex');
      queued.notes.push({ note, at });
    }
  }
  return queued;
}

const rangeKey = (r: CellRange) => `${r.top},${r.left},${r.bottom},${r.right}`;
// "General" is no format at all: null, as the .xlsx host reports it.
export const formatOf = (f: unknown) => (typeof f === 'string' && f !== 'General' ? f : null);

function collect(queued: Queued, snap: GridSnapshot, extras: Extras): void {
  const raw: unknown[][] = [];
  for (const { block, range, all } of queued.blocks) {
    const values = range.values;
    for (let i = 0; i < values.length; i++) {
      raw[block.rowIndex + i] = values[i];
      snap.values[block.rowIndex + i] = values[i].map(fromExcelValue);
      snap.formulas[block.rowIndex + i] = all ? range.formulas[i].map((f, j) => fromExcelFormula(f, values[i][j])) : values[i].map(() => null);
      // Formats of formulas and numbers only, as where special cells choose them (the core reads no format of text).
      snap.numberFormats[block.rowIndex + i] = all
        ? range.numberFormat[i].map((f, j) => (snap.formulas[block.rowIndex + i][j] !== null || typeof values[i][j] === 'number' ? formatOf(f) : null))
        : values[i].map(() => null);
    }
  }
  for (const { range, top, left } of queued.formulas) {
    range.formulas.forEach((line, i) => line.forEach((f, j) => (snap.formulas[top - 1 + i][left - 1 + j] = fromExcelFormula(f, raw[top - 1 + i][left - 1 + j]))));
  }
  for (const { range, top, left } of [...queued.formulas, ...queued.formats]) {
    range.numberFormat.forEach((line, i) => line.forEach((f, j) => (snap.numberFormats[top - 1 + i][left - 1 + j] = formatOf(f))));
  }
  // Dates: a serial number shown with a date format reads as its date, as in the .xlsx host.
  for (const { block } of queued.blocks) {
    for (let r = block.rowIndex; r < block.rowIndex + block.rowCount; r++) {
      const line = snap.values[r];
      for (let c = 0; c < line.length; c++) if (typeof line[c] === 'number') line[c] = shownValue(line[c], snap.numberFormats[r][c]);
    }
  }
  for (const { note, at } of queued.notes) extras.addNote(at.rowIndex + 1, at.columnIndex + 1, note.content);
  // Bands overlap merges that cross their edges: keep each area once.
  const seen = new Set(snap.merges.map(rangeKey));
  for (const areas of queued.merges) {
    if (areas.isNullObject) continue;
    for (const r of parseAreas(areas.address)) {
      if (seen.has(rangeKey(r))) continue;
      seen.add(rangeKey(r));
      snap.merges.push(r);
    }
  }
  snap.merges.sort((a, b) => a.top - b.top || a.left - b.left);
}

function isItemNotFound(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'ItemNotFound';
}

type Areas = Excel.RangeAreas | null;

/** Sync 1: the used range's size, the notes and (1.9) the special cells. */
async function measure(context: Context, features: ExcelFeatures, sheet: string, withSpecial: boolean) {
  const ws = context.workbook.worksheets.getItem(sheet);
  // Values only: cells that merely carry formatting do not count, as in the .xlsx host.
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- a navigation property, not a value
  const notes = features.notes ? ws.notes : null;
  if (notes) notes.load('items/content');
  let formulas: Areas = null;
  let numbers: Areas = null;
  if (withSpecial) {
    // getUsedRange (not OrNullObject): on an empty sheet it is A1, whose special cells are null.
    const all = ws.getUsedRange(true);
    formulas = all.getSpecialCellsOrNullObject('Formulas');
    formulas.load('address');
    numbers = all.getSpecialCellsOrNullObject('Constants', 'Numbers');
    numbers.load('address');
  }
  await context.sync();
  const areas = (a: Areas) => (a && !a.isNullObject ? groupAreas(parseAreas(a.address)) : []);
  const special: Special | null = withSpecial ? { formulas: areas(formulas), numbers: areas(numbers) } : null;
  return { ws, used, notes, special };
}

export async function readSheet(context: Context, features: ExcelFeatures, sheet: string, options: ReadOptions = {}): Promise<ReadReport> {
  let measured;
  try {
    measured = await measure(context, features, sheet, features.rangeAreas);
  } catch (error) {
    if (isItemNotFound(error)) throw sheetNotFound(sheet);
    // Special cells Excel cannot give (too many areas): read everything instead, one sync more.
    if (!features.rangeAreas) throw error;
    measured = await measure(context, features, sheet, false).catch((e: unknown) => {
      throw isItemNotFound(e) ? sheetNotFound(sheet) : e;
    });
  }
  const { ws, used, notes, special } = measured;
  const snap: GridSnapshot = { sheet, origin: { row: 1, col: 1 }, values: [], formulas: [], numberFormats: [], merges: [] };
  if (used.isNullObject) return { snapshot: snap };

  const { rows, cols } = cutUsedRange(used, snap);
  const plan: ReadPlan = { merges: features.merges, ws, blocks: rowBlocks(0, rows, cols, options.budgetBytes, !special), cols, notes: notes ? notes.items : [], special };
  const bands: (number | null)[] = features.merges ? [MERGE_BAND_ROWS, SMALL_MERGE_BAND_ROWS, null] : [null];
  const extras = new Extras();
  const report = await readWithBands(context, plan, bands, features.merges, snap, extras);
  coverMerges(report.snapshot);
  const found = extras.result(report.snapshot.values.length, report.snapshot.values[0]?.length ?? 0);
  if (found) report.snapshot.extras = found;
  return report;
}

/**
 * A merged area whose top-left cell holds something and that reaches below or right of the last
 * value belongs to the table all the same (the .xlsx host counts it): the snapshot grows with empty
 * cells to cover it.
 */
export function coverMerges(snap: GridSnapshot): void {
  const filled = snap.merges.filter((m) => snap.values[m.top - 1]?.[m.left - 1] != null || snap.formulas[m.top - 1]?.[m.left - 1] != null);
  const rows = Math.min(MAX_ROWS, filled.reduce((n, m) => Math.max(n, m.bottom), snap.values.length));
  const cols = Math.min(MAX_COLS, filled.reduce((n, m) => Math.max(n, m.right), snap.values[0]?.length ?? 0));
  if (rows === snap.values.length && cols === (snap.values[0]?.length ?? 0)) return;
  const pad = <T>(grid: T[][]) => {
    for (const line of grid) while (line.length < cols) line.push(null as T);
    while (grid.length < rows) grid.push(Array<T>(cols).fill(null as T));
  };
  pad(snap.values);
  pad(snap.formulas);
  pad(snap.numberFormats);
}

/** One sync for everything; on Excel's refusal retry with smaller merge bands, then without merges. */
async function readWithBands(
  context: Context,
  plan: ReadPlan,
  bands: (number | null)[],
  mergesSupported: boolean,
  snap: GridSnapshot,
  extras: Extras,
): Promise<ReadReport> {
  const [band, ...smaller] = bands;
  const queued = queueRead(plan, plan.blocks, band, true);
  try {
    await context.sync();
  } catch (error) {
    if (isPayloadTooLarge(error)) return readBlockBySync(context, plan, band, snap, extras);
    // A merge band over Excel's 512-area limit fails the whole batch.
    if (band === null || !smaller.length) throw error;
    return readWithBands(context, plan, smaller, mergesSupported, snap, extras);
  }
  collect(queued, snap, extras);
  // Nothing lost silently: the UI says that this sheet was checked without its merges.
  if (band === null && mergesSupported) snap.readWarnings = [...(snap.readWarnings ?? []), 'merges-unread'];
  return { snapshot: snap };
}

/** Fallback after Excel refused the combined response: one row block per sync. */
/** Nothing is lost (every block is read), so there is nothing to tell the user; it costs syncs only. */
async function readBlockBySync(context: Context, plan: ReadPlan, band: number | null, snap: GridSnapshot, extras: Extras): Promise<ReadReport> {
  for (const [i, block] of plan.blocks.entries()) {
    const queued = queueRead(plan, [block], band, i === 0);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- only after Excel rejected one batch as too large
    await context.sync();
    collect(queued, snap, extras);
  }
  return { snapshot: snap };
}

export async function listSheets(context: Context): Promise<SheetInfo[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  await context.sync();
  return sheets.items.map((s) => ({ name: s.name, visibility: visibilityOf(s.visibility) }));
}

export function visibilityOf(v: string): SheetInfo['visibility'] {
  return v === 'VeryHidden' ? 'veryHidden' : v === 'Hidden' ? 'hidden' : 'visible';
}

/**
 * Rows and columns of a loaded used range read into a snapshot from A1 (like the .xlsx host's, so both
 * hosts give the same coordinates), cut at the shared limits; a cut is noted on the snapshot.
 */
export function cutUsedRange(used: Excel.Range, snap: GridSnapshot): { rows: number; cols: number } {
  const usedRows = used.rowIndex + used.rowCount;
  const usedCols = used.columnIndex + used.columnCount;
  const rows = Math.min(usedRows, MAX_ROWS);
  const cols = Math.min(usedCols, MAX_COLS);
  if (rows < usedRows || cols < usedCols) {
    snap.truncated = { rows, cols, reason: `used range ${usedRows} rows × ${usedCols} columns cut to ${rows} × ${cols}` };
  }
  return { rows, cols };
}
