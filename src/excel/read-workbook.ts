/**
 * The whole workbook in one sync, for the ribbon's commands (チェック, 年度列を追加), which run in a
 * runtime of their own with no snapshot at hand (the manifest's FunctionFile, no shared runtime).
 *
 * The sheets are not listed first: the batch walks them with `worksheets.getFirst()` and
 * `getNextOrNullObject()` (ExcelApi 1.5: "If there are no worksheets following this one, then this
 * method returns an object with its isNullObject property set to true", @types/office-js) up to
 * WALK_SLOTS sheets, and queues for each its name, visibility, the values of its used range (values
 * only, as readSheet) and, in bands of MERGE_BAND_ROWS rows of that used range (queueBands), its
 * merged areas (1.13) and the formulas and number formats of its formula and number cells (special
 * cells, 1.9). Slots past the last sheet are null objects, and so is everything asked of
 * them: the docs say a *OrNullObject method gives a null object when its item does not exist and are
 * silent on one called on a null object; that reading (the undo record's read assumes it too) is
 * unproven without real Excel, and the host falls back to the sheet-by-sheet read if a batch fails.
 *
 * Bands are asked for the first sheet down to FIRST_SHEET_ROWS rows (a 10,000-KPI table has about
 * 20,000) and for the others down to OTHER_SHEET_ROWS (each band is a query even where there is
 * nothing); taller sheets, and the sheets after the first WALK_SLOTS, are read in one more sync.
 *
 * Unlike readSheet it reads no notes, fills or links (recognition and the rules need none). Below
 * ExcelApi 1.9 formulas and formats come for every used cell (a 10,000-KPI sheet then answers 8.8 MB,
 * over Excel on the web's 5 MB, where Excel refuses it and the host reads sheet by sheet); from 1.9
 * only for formula and number cells, as readSheet reads them. Number formats are kept where readSheet
 * keeps them (numbers and formulas), so both give the same snapshot.
 */
import type { SheetInfo } from '../core/host';
import type { GridSnapshot } from '../core/snapshot';
import type { ExcelFeatures } from './capabilities';
import { fromExcelFormula, fromExcelValue, shownValue } from './cell-input';
import { parseAreas } from './address';
import { coverMerges, cutUsedRange, formatOf, MERGE_BAND_ROWS, visibilityOf } from './read';

type Context = Excel.RequestContext;

/** Sheets a batch walks: a progress workbook has a few; management sheets may add some dozens. */
export const WALK_SLOTS = 32;
/** Rows of merged areas asked for the first sheet (the progress table, as a rule) and for the others. */
export const FIRST_SHEET_ROWS = 25_000;
export const OTHER_SHEET_ROWS = 1_000;

export interface WorkbookRead {
  sheets: SheetInfo[];
  /** Every sheet's snapshot (hidden, very hidden and the add-in's own sheets too), in tab order. */
  snapshots: GridSnapshot[];
}

interface Slot {
  ws: Excel.Worksheet;
  used: Excel.Range;
  /** Formulas and formats were loaded for every used cell (below ExcelApi 1.9: no special cells). */
  whole: boolean;
  bands: Band[];
  /** Rows (from the top of the sheet) whose bands were asked. */
  depth: number;
}

/** One band of rows: its merged areas (1.13) and its formula and number cells (1.9), each null where the host lacks the set. */
interface Band {
  merged: Excel.RangeAreas | null;
  formulas: Excel.RangeAreas | null;
  numbers: Excel.RangeAreas | null;
}

/**
 * The used range's rows from..to (sheet rows, 0-based, to exclusive) in bands of MERGE_BAND_ROWS rows
 * (`getIntersectionOrNullObject`, 1.4), each asked for
 * - its merged areas (`getMergedAreasOrNullObject`, 1.13; under Excel's 512 areas a query), and
 * - its formula cells and numeric constants with their formulas and number formats: what readSheet
 *   reads in its two syncs, without the formulas and formats of every text and empty cell (on a
 *   10,000-KPI sheet those made the response 8.8 MB, over the web's 5 MB). `getSpecialCellsOrNullObject`
 *   (ExcelApi 1.9: "If no special cells are found, then this method returns an object with its
 *   isNullObject property set to true", @types/office-js; the getSpecialCells form would throw
 *   ItemNotFound and fail the batch, excel-add-ins-ranges-special-cells.md) returns a RangeAreas whose
 *   `areas` (RangeCollection, 1.9) load through the navigation path `areas/items/…` before any sync
 *   (@types/office-js RangeAreas.areas, RangeCollection.load "propertyNamesAndPaths"). The docs name
 *   no limit on a query's areas; asked a band at a time (at most 100 rows) a query stays small where
 *   one over a whole 10,000-KPI sheet with numeric figures lists over 12,000 areas. If Excel refuses
 *   one, the batch fails and the host reads sheet by sheet.
 */
function queueBands(used: Excel.Range, from: number, to: number, features: ExcelFeatures): Band[] {
  const bands: Band[] = [];
  for (let top = from; top < to; top += MERGE_BAND_ROWS) {
    const bottom = Math.min(top + MERGE_BAND_ROWS, to);
    const part = used.getIntersectionOrNullObject(`A${top + 1}:XFD${bottom}`);
    const band: Band = { merged: null, formulas: null, numbers: null };
    if (features.merges) {
      band.merged = part.getMergedAreasOrNullObject();
      band.merged.load('address');
    }
    if (features.rangeAreas) {
      band.formulas = part.getSpecialCellsOrNullObject('Formulas');
      band.formulas.load('areas/items/rowIndex,areas/items/columnIndex,areas/items/formulas,areas/items/numberFormat');
      band.numbers = part.getSpecialCellsOrNullObject('Constants', 'Numbers');
      band.numbers.load('areas/items/rowIndex,areas/items/columnIndex,areas/items/numberFormat');
    }
    bands.push(band);
  }
  return bands;
}

function queueSlot(ws: Excel.Worksheet, depth: number, features: ExcelFeatures): Slot {
  ws.load('name,visibility');
  const used = ws.getUsedRangeOrNullObject(true);
  // Below ExcelApi 1.9 (no special cells) formulas and formats come for every used cell.
  const whole = !features.rangeAreas;
  if (whole) used.load('rowIndex,columnIndex,rowCount,columnCount,values,formulas,numberFormat');
  else used.load('rowIndex,columnIndex,rowCount,columnCount,values');
  const banded = features.merges || features.rangeAreas;
  return { ws, used, whole, bands: banded ? queueBands(used, 0, depth, features) : [], depth: banded ? depth : Infinity };
}

/** Formats of formulas and numeric constants only, as readSheet keeps them (the core reads no format of text). */
function cellOf(raw: unknown, rawFormula: unknown, rawFormat: unknown) {
  const formula = fromExcelFormula(rawFormula, raw);
  const format = formula !== null || typeof raw === 'number' ? formatOf(rawFormat) : null;
  return { value: shownValue(fromExcelValue(raw), format), formula, format };
}

/** The snapshot of a read used range (null object: an empty sheet), from A1 like readSheet's. */
function snapshotOf(name: string, used: Excel.Range, whole: boolean): GridSnapshot {
  const snap: GridSnapshot = { sheet: name, origin: { row: 1, col: 1 }, values: [], formulas: [], numberFormats: [], merges: [] };
  if (used.isNullObject) return snap;
  const { rows, cols } = cutUsedRange(used, snap);
  const { values } = used;
  for (let r = 0; r < rows; r++) {
    const i = r - used.rowIndex;
    const line = { values: Array(cols).fill(null), formulas: Array(cols).fill(null), formats: Array(cols).fill(null) };
    for (let c = used.columnIndex; i >= 0 && c < cols; c++) {
      const j = c - used.columnIndex;
      // Without `whole`, formulas and formats come from the bands' special cells (addSpecial).
      const cell = cellOf(values[i][j], whole ? used.formulas[i][j] : null, whole ? used.numberFormat[i][j] : null);
      line.values[c] = cell.value;
      line.formulas[c] = cell.formula;
      line.formats[c] = cell.format;
    }
    snap.values.push(line.values);
    snap.formulas.push(line.formulas);
    snap.numberFormats.push(line.formats);
  }
  return snap;
}

/** Puts the formulas and formats of the bands' formula and number cells into the snapshot (before coverMerges pads it). */
function addSpecial(snap: GridSnapshot, used: Excel.Range, bands: Band[]): void {
  const rows = snap.values.length;
  const cols = snap.values[0]?.length ?? 0;
  const put = (areas: Excel.RangeAreas | null, withFormulas: boolean) => {
    if (!areas || areas.isNullObject) return;
    for (const a of areas.areas.items) {
      a.numberFormat.forEach((line, i) =>
        line.forEach((f, j) => {
          const r = a.rowIndex + i;
          const c = a.columnIndex + j;
          if (r >= rows || c >= cols) return;
          const cell = cellOf(used.values[r - used.rowIndex][c - used.columnIndex], withFormulas ? a.formulas[i][j] : null, f);
          snap.values[r][c] = cell.value;
          snap.formulas[r][c] = cell.formula;
          snap.numberFormats[r][c] = cell.format;
        }),
      );
    }
  };
  for (const band of bands) {
    put(band.formulas, true);
    put(band.numbers, false);
  }
}

const rangeKey = (r: { top: number; left: number; bottom: number; right: number }) => `${r.top},${r.left},${r.bottom},${r.right}`;

/** Adds the merged areas found to the snapshot: each once, only those starting inside it (as readSheet's bands). */
function addMerges(snap: GridSnapshot, bands: Band[]): void {
  const rows = snap.values.length;
  const cols = snap.values[0]?.length ?? 0;
  const seen = new Set(snap.merges.map(rangeKey));
  for (const { merged: areas } of bands) {
    if (!areas || areas.isNullObject) continue;
    for (const r of parseAreas(areas.address)) {
      if (r.top > rows || r.left > cols || seen.has(rangeKey(r))) continue;
      seen.add(rangeKey(r));
      snap.merges.push(r);
    }
  }
}

function finish(snap: GridSnapshot): void {
  snap.merges.sort((a, b) => a.top - b.top || a.left - b.left);
  coverMerges(snap);
}

/**
 * One sync for a workbook of up to WALK_SLOTS sheets whose sheets after the first have at most
 * OTHER_SHEET_ROWS rows (the first FIRST_SHEET_ROWS); one more for each further WALK_SLOTS sheets and
 * for the rest of taller sheets' merged areas. Throws what Excel throws (the host then reads sheet by
 * sheet): on the web a response over 5 MB.
 */
export async function readWorkbookAtOnce(context: Context, features: ExcelFeatures): Promise<WorkbookRead> {
  const sheets: SheetInfo[] = [];
  const snapshots: GridSnapshot[] = [];
  // A worksheet proxy to walk on from, or none when the walk has reached the last sheet.
  let walk: { from: Excel.Worksheet } | null = { from: context.workbook.worksheets.getFirst() };
  let rest: { snap: GridSnapshot; used: Excel.Range; from: number }[] = [];
  for (let round = 0; walk || rest.length; round++) {
    const slots: Slot[] = [];
    let after: { next: Excel.Worksheet } | null = null;
    if (walk) {
      let ws: Excel.Worksheet = walk.from;
      for (let i = 0; i < WALK_SLOTS; i++) {
        if (i) ws = ws.getNextOrNullObject();
        slots.push(queueSlot(ws, round === 0 && i === 0 ? FIRST_SHEET_ROWS : OTHER_SHEET_ROWS, features));
      }
      after = { next: ws.getNextOrNullObject() };
      after.next.load('name');
    }
    const more = rest.map((r) => ({ ...r, bands: queueBands(r.used, r.from, r.snap.values.length, features) }));
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync a round; a second only for workbooks past the bounds
    await context.sync();
    for (const r of more) {
      addMerges(r.snap, r.bands);
      addSpecial(r.snap, r.used, r.bands);
      finish(r.snap);
    }
    rest = [];
    for (const slot of slots) {
      if (slot.ws.isNullObject) break;
      const snap = snapshotOf(slot.ws.name, slot.used, slot.whole);
      sheets.push({ name: slot.ws.name, visibility: visibilityOf(slot.ws.visibility) });
      snapshots.push(snap);
      addMerges(snap, slot.bands);
      addSpecial(snap, slot.used, slot.bands);
      if (snap.values.length > slot.depth) rest.push({ snap, used: slot.used, from: slot.depth });
      else finish(snap);
    }
    walk = after && !after.next.isNullObject ? { from: after.next } : null;
  }
  return { sheets, snapshots };
}
