/**
 * Reading a worksheet into a GridSnapshot in two syncs: (1) the used range's size, (2) every row
 * block's values, formulas and number formats plus the merged areas, all queued before one sync.
 * Fallbacks (extra syncs, only after Excel refuses the batch): one block per sync when the combined
 * response is too large; smaller merge bands, then no merges, when a band has over 512 merged areas.
 */
import type { CellValue, GridSnapshot } from '../core/snapshot';
import type { SheetInfo } from '../core/host';
import { parseAreas, sameRange } from './address';
import { sheetNotFound } from './errors';
import type { ExcelFeatures } from './capabilities';
import { isPayloadTooLarge, rowBlocks, type RowBlock } from './payload';

/** Rows per merged-area query: a progress sheet has about 3.5 merges a row, well under Excel's 512. */
export const MERGE_BAND_ROWS = 100;
const SMALL_MERGE_BAND_ROWS = 10;
/** Larger used ranges (usually formatting dragged to the sheet's end) are cut. */
export const MAX_CELLS = 4_000_000;

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

function toValue(v: unknown): CellValue {
  if (v === '' || v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

function collect(queued: Queued, snap: GridSnapshot): void {
  for (const { range } of queued.blocks) {
    const values = range.values;
    const formulas = range.formulas;
    const formats = range.numberFormat;
    for (let i = 0; i < values.length; i++) {
      snap.values.push(values[i].map(toValue));
      snap.formulas.push(formulas[i].map((f) => (typeof f === 'string' && f.startsWith('=') ? f : null)));
      snap.numberFormats.push(formats[i].map((f) => (typeof f === 'string' ? f : null)));
    }
  }
  for (const areas of queued.merges) {
    if (areas.isNullObject) continue;
    for (const r of parseAreas(areas.address)) {
      if (!snap.merges.some((m) => sameRange(m, r))) snap.merges.push(r);
    }
  }
}

export async function readSheet(context: Context, features: ExcelFeatures, sheet: string, options: ReadOptions = {}): Promise<ReadReport> {
  const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
  const used = ws.getUsedRangeOrNullObject();
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  await context.sync();
  if (ws.isNullObject) throw sheetNotFound(sheet);
  const snap: GridSnapshot = { sheet, origin: { row: 1, col: 1 }, values: [], formulas: [], numberFormats: [], merges: [] };
  const notices: string[] = [];
  if (used.isNullObject) return { snapshot: snap, notices };

  // The snapshot starts at A1 like the .xlsx host's, so both hosts give the same coordinates.
  let rows = used.rowIndex + used.rowCount;
  const cols = used.columnIndex + used.columnCount;
  if (rows * cols > MAX_CELLS) {
    const cut = Math.max(1, Math.floor(MAX_CELLS / cols));
    snap.truncated = { rows, cols, reason: `used range ${rows}×${cols} cut to ${cut} rows` };
    notices.push(`使用範囲が大きすぎるため先頭 ${cut} 行だけを読みました / Only the first ${cut} rows were read (used range too large).`);
    rows = cut;
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
