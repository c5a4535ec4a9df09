/**
 * Reading a worksheet into a GridSnapshot in two syncs: (1) the used range's size, (2) every row
 * block's values, formulas and number formats plus the merged areas, all queued before one sync.
 * Fallbacks (extra syncs, only after Excel refuses the batch): one block per sync when the combined
 * response is too large; smaller merge bands, then no merges, when a band has over 512 merged areas.
 */
import type { CellRange, GridSnapshot } from '../core/snapshot';
import { fromExcelFormula, fromExcelValue } from './cell-input';
import type { SheetInfo } from '../core/host';
import { parseAreas } from './address';
import { sheetNotFound } from './errors';
import type { ExcelFeatures } from './capabilities';
import { isPayloadTooLarge, rowBlocks, type RowBlock } from './payload';

/** Rows per merged-area query: a progress sheet has about 3.5 merges a row, well under Excel's 512. */
export const MERGE_BAND_ROWS = 100;
const SMALL_MERGE_BAND_ROWS = 10;
/** Larger used ranges are cut (and say so); a 10,000-KPI sheet has about 25,000 rows. */
export const MAX_ROWS = 100_000;
export const MAX_COLS = 200;

export interface ReadOptions {
  /** Overrides the payload budget (tests use small ones). */
  budgetBytes?: number;
}

export interface ReadReport {
  snapshot: GridSnapshot;
  /** Why something could not be read completely (shown to the user), empty when all went well. */
  notices: string[];
}

type Context = Excel.RequestContext;

interface Queued {
  blocks: { block: RowBlock; range: Excel.Range }[];
  merges: Excel.RangeAreas[];
}

function queueRead(ws: Excel.Worksheet, blocks: RowBlock[], cols: number, mergeBand: number | null): Queued {
  const queued: Queued = { blocks: [], merges: [] };
  for (const block of blocks) {
    const range = ws.getRangeByIndexes(block.rowIndex, 0, block.rowCount, cols);
    range.load('values,formulas,numberFormat');
    queued.blocks.push({ block, range });
    if (mergeBand === null) continue;
    for (let r = 0; r < block.rowCount; r += mergeBand) {
      const band = ws.getRangeByIndexes(block.rowIndex + r, 0, Math.min(mergeBand, block.rowCount - r), cols);
      const areas = band.getMergedAreasOrNullObject();
      areas.load('address');
      queued.merges.push(areas);
    }
  }
  return queued;
}

const rangeKey = (r: CellRange) => `${r.top},${r.left},${r.bottom},${r.right}`;


function collect(queued: Queued, snap: GridSnapshot): void {
  for (const { range } of queued.blocks) {
    const values = range.values;
    const formulas = range.formulas;
    const formats = range.numberFormat;
    for (let i = 0; i < values.length; i++) {
      snap.values.push(values[i].map(fromExcelValue));
      snap.formulas.push(formulas[i].map((f, j) => fromExcelFormula(f, values[i][j])));
      // "General" is no format at all: null, as the .xlsx host reports it.
      snap.numberFormats.push(formats[i].map((f) => (typeof f === 'string' && f !== 'General' ? f : null)));
    }
  }
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

export async function readSheet(context: Context, features: ExcelFeatures, sheet: string, options: ReadOptions = {}): Promise<ReadReport> {
  const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
  // Values only: cells that merely carry formatting do not count, as in the .xlsx host.
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  await context.sync();
  if (ws.isNullObject) throw sheetNotFound(sheet);
  const snap: GridSnapshot = { sheet, origin: { row: 1, col: 1 }, values: [], formulas: [], numberFormats: [], merges: [] };
  const notices: string[] = [];
  if (used.isNullObject) return { snapshot: snap, notices };

  // The snapshot starts at A1 like the .xlsx host's, so both hosts give the same coordinates.
  const usedRows = used.rowIndex + used.rowCount;
  const usedCols = used.columnIndex + used.columnCount;
  const rows = Math.min(usedRows, MAX_ROWS);
  const cols = Math.min(usedCols, MAX_COLS);
  if (rows < usedRows || cols < usedCols) {
    snap.truncated = { rows, cols, reason: `used range ${usedRows} rows × ${usedCols} columns cut to ${rows} × ${cols}` };
    notices.push(`使用範囲が大きすぎるため ${rows} 行 × ${cols} 列だけを読みました / Only ${rows} rows × ${cols} columns were read (used range too large).`);
  }
  const blocks = rowBlocks(0, rows, cols, options.budgetBytes);
  const bands: (number | null)[] = features.merges ? [MERGE_BAND_ROWS, SMALL_MERGE_BAND_ROWS, null] : [null];
  return readWithBands(context, ws, blocks, cols, bands, features.merges, snap, notices);
}

/** One sync for everything; on Excel's refusal retry with smaller merge bands, then without merges. */
async function readWithBands(
  context: Context,
  ws: Excel.Worksheet,
  blocks: RowBlock[],
  cols: number,
  bands: (number | null)[],
  mergesSupported: boolean,
  snap: GridSnapshot,
  notices: string[],
): Promise<ReadReport> {
  const [band, ...smaller] = bands;
  const queued = queueRead(ws, blocks, cols, band);
  try {
    await context.sync();
  } catch (error) {
    if (isPayloadTooLarge(error)) return readBlockBySync(context, ws, blocks, cols, band, snap, notices);
    // A merge band over Excel's 512-area limit fails the whole batch.
    if (band === null || !smaller.length) throw error;
    return readWithBands(context, ws, blocks, cols, smaller, mergesSupported, snap, notices);
  }
  collect(queued, snap);
  if (band === null && mergesSupported) notices.push('結合セルが多すぎて読み取れませんでした / Too many merged areas to read; merges are ignored.');
  return { snapshot: snap, notices };
}

/** Fallback after Excel refused the combined response: one row block per sync. */
async function readBlockBySync(
  context: Context,
  ws: Excel.Worksheet,
  blocks: RowBlock[],
  cols: number,
  band: number | null,
  snap: GridSnapshot,
  notices: string[],
): Promise<ReadReport> {
  notices.push(`大きなシートのため ${blocks.length} 回に分けて読みました / Large sheet: read in ${blocks.length} requests.`);
  for (const block of blocks) {
    const queued = queueRead(ws, [block], cols, band);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- only after Excel rejected one batch as too large
    await context.sync();
    collect(queued, snap);
  }
  return { snapshot: snap, notices };
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
