/**
 * A strict test double of the Excel JavaScript API subset that src/excel uses.
 *
 * Strict like Excel: reading a property that was not loaded, or loaded but not yet synced, throws;
 * writes and loads are queued and run in order at sync(); syncs are counted with their request and
 * response sizes; an oversized batch fails like Excel on the web (5 MB); a missing getItem fails the
 * sync with ItemNotFound; APIs above the configured ExcelApi version throw when called.
 */
import type { CellRange, CellValue } from '../../src/core/snapshot';
import { columnLetter, parseAddress } from '../../src/core/snapshot';
import type { ExcelEnv } from '../../src/excel/env';
import { shiftFormula, type ColumnShift } from '../../src/core/formula-refs';
import { FakeNamedItemCollection, shiftNamedRanges } from './fake-excel-ranges';
import { FakeModel, FakeSheet, MAX_ROWS } from './fake-excel-model';
import { a1, excelError, FakeClientResult, FakeObject, parseEntry, versionAtLeast, type Op } from './fake-excel-base';
import { FakeWorksheetCollection } from './fake-excel-sheet';

export * from './fake-excel-model';
export { FakeClientResult } from './fake-excel-base';

/** Where Excel runs: the Undo capabilities page lists APIs without undo support per platform. */
export type FakePlatform = 'web' | 'windows' | 'mac';

/** The platform of doubles created without one: EXCEL_PLATFORM (the jest projects run test/excel on each). */
export function defaultPlatform(): FakePlatform {
  const p = process.env.EXCEL_PLATFORM;
  return p === 'windows' || p === 'mac' ? p : 'web';
}

/**
 * APIs without undo support, as the "Undo capabilities" page lists them (learn.microsoft.com,
 * office/dev/add-ins/excel/excel-add-ins-undo-capabilities, "Unsupported APIs"; office-js-docs-pr
 * 096a3ee, 2026-08), restricted to those this double implements. Inside a batch run with
 * mergeUndoGroup, calling one throws UndoNotSupported ("If an API within the group doesn't offer undo
 * support, the UndoNotSupported error is thrown"). The page lists actions (setters, methods); reading a
 * property is no action for the undo stack, so loads are not refused.
 * When it is thrown the page does not say: the double throws when the operation runs at sync, after
 * the batch's earlier operations took effect (the stricter reading: a half-written batch).
 */
export const UNDO_UNSUPPORTED: Record<string, { web: boolean; windows: boolean; mac: boolean }> = {
  // "Worksheet.delete | No | No"
  'Worksheet.delete': { web: true, windows: true, mac: true },
  // "Worksheet.visibility | Yes | No": setting visibility is undoable on the web only.
  'Worksheet.visibility': { web: false, windows: true, mac: true },
  // "Worksheet.name | Yes | No", "Worksheet.position | Yes | No"
  'Worksheet.name': { web: false, windows: true, mac: true },
  'Worksheet.position': { web: false, windows: true, mac: true },
  // "Worksheet.standardWidth | No | Yes"
  'Worksheet.standardWidth': { web: true, windows: false, mac: false },
  // "Worksheet.copy | No | No", "Workbook.save | No | No"
  'Worksheet.copy': { web: true, windows: true, mac: true },
  'Workbook.save': { web: true, windows: true, mac: true },
};

/**
 * "Excel on the web limits requests and responses to 5 MB. The API returns a RichAPI.Error error if
 * this limit is exceeded" (excel/performance.md, "Payload size limit best practices"; also
 * resource-limits-and-performance-optimization.md, "Excel add-ins"; office-js-docs-pr 096a3ee). The
 * error codes are RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded, which "only
 * occur in Office on the web" (testing/application-specific-api-error-handling.md): Windows and Mac
 * have no payload limit (the five-million-cell limit of a read holds everywhere, FakeRange.grid).
 * "5 MB" is read as 5,000,000 bytes, the smaller of MB and MiB. The request is measured before any
 * of its operations run, so a refused request changes nothing ("The payload size of a request
 * combines the number of API calls, the number of objects … the length of the value to set").
 */
export const WEB_PAYLOAD_LIMIT_BYTES = 5_000_000;

export interface FakeExcelOptions {
  /** web / windows / mac (default: EXCEL_PLATFORM, else web): which APIs lack undo support. */
  platform?: FakePlatform;
  /** Highest ExcelApi set the "installed Excel" supports: "1.7" (oldest allowed), "1.17" (LTSC 2024), "1.20". */
  api?: string;
  /** Request/response size cap per sync; when omitted, the platform's (WEB_PAYLOAD_LIMIT_BYTES on the web, none on Windows and Mac). */
  payloadLimitBytes?: number;
  /** getSpecialCells fails above this many areas (the docs name no limit: 8,192, see FakeRange.specialCells). */
  specialCellsAreaLimit?: number;
  /** getMergedAreas fails above this many areas (Excel: 512). */
  mergedAreaLimit?: number;
  /** Excel 1.14+ marks its own add-in's changes; older ones do not. */
  reportTriggerSource?: boolean;
  /**
   * What a *OrNullObject method called on a null object gives. The docs ("*OrNullObject methods and
   * properties", develop/application-specific-api-model.md) say such a method returns a null object
   * when "the specified item doesn't exist"; for a method of an object that is itself null they are
   * silent. "null" (default): a null object again, the reading src/excel builds on (the undo record's
   * read, the ribbon's one-batch read); "throw": the batch fails (InvalidOperation), so tests can show
   * that the add-in still works, with more syncs, if real Excel reads it that way.
   */
  nullChains?: 'null' | 'throw';
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
}

export class FakeContext {
  private ops: Op[] = [];
  private objects: FakeObject[] = [];
  private events: { sheet: FakeSheet; range: CellRange; changeType?: string }[] = [];
  private responseBytes = 0;
  readonly workbook: FakeWorkbook;
  /** Set when the batch function of Excel.run has finished: its objects can no longer be used. */
  closed = false;

  constructor(
    readonly excel: FakeExcel,
    /** Excel.run({ mergeUndoGroup: true }): every operation must support undo on this platform. */
    readonly undoGroup = false,
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  /**
   * Called by an operation at sync: throws UndoNotSupported when the API has no undo support on this
   * platform and the batch is grouped (see UNDO_UNSUPPORTED for the source).
   */
  undoable(api: string): void {
    if (!this.undoGroup) return;
    const row = UNDO_UNSUPPORTED[api];
    if (row?.[this.excel.platform]) throw excelError('UndoNotSupported', `${api} does not support undo in Excel on ${this.excel.platform}; it cannot be part of an undo group`);
  }

  get model(): FakeModel {
    return this.excel.model;
  }

  private results: FakeClientResult<unknown>[] = [];

  trackResult(r: FakeClientResult<unknown>): void {
    this.results.push(r);
  }

  track(o: FakeObject): void {
    this.objects.push(o);
    this.enqueue(
      () => {
        o.stageNull(o.resolveTarget() === null);
        return 0;
      },
      0,
      true,
    );
  }

  /** Queues an operation; `run` returns the response bytes it produces. */
  enqueue(run: () => number, requestBytes: number, resolveOnly = false): void {
    // Office.js: objects belong to the request context that made them; once its Excel.run is over
    // they cannot queue anything ("InvalidRequestContext"; the stricter of silently dropping the
    // operation and failing).
    if (this.closed) throw excelError('InvalidRequestContext', 'Cannot use the object across different request contexts.');
    this.ops.push({
      run: () => {
        this.responseBytes += run();
      },
      bytes: requestBytes,
      resolveOnly,
    });
  }

  requireApi(version: string, what: string): void {
    if (!this.excel.supports(version)) throw new TypeError(`fake-excel: ${what} needs ExcelApi ${version}; this Excel has ${this.excel.api}`);
  }

  /** A *OrNullObject method reached from a null object (see FakeExcelOptions.nullChains): null, or the batch fails. */
  nullChain(what: string): null {
    if (this.excel.options.nullChains === 'throw') throw excelError('InvalidOperation', `${what} on a null object`);
    return null;
  }

  changed(sheet: FakeSheet, range: CellRange, changeType?: string): void {
    this.events.push({ sheet, range, changeType });
  }

  get pending(): boolean {
    return this.ops.some((o) => !o.resolveOnly);
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    this.responseBytes = 0;
    this.events = [];
    const requestBytes = ops.reduce((n, o) => n + o.bytes + 40, 0);
    const limit = this.excel.payloadLimitBytes;
    this.excel.syncCount++;
    const record: SyncRecord = { requestBytes, responseBytes: 0, operations: ops.length };
    this.excel.syncs.push(record);
    try {
      if (limit !== undefined && requestBytes > limit) throw excelError('RequestPayloadSizeLimitExceeded', `request of ${requestBytes} bytes`);
      for (const op of ops) op.run();
      record.responseBytes = this.responseBytes;
      if (limit !== undefined && this.responseBytes > limit) throw excelError('ResponsePayloadSizeLimitExceeded', `response of ${this.responseBytes} bytes`);
    } catch (error) {
      for (const o of this.objects) o.discard();
      for (const r of this.results) r.discard();
      this.excel.dispatch(this.events);
      throw error;
    }
    for (const o of this.objects) o.commit();
    for (const r of this.results) r.commit();
    this.excel.dispatch(this.events);
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  private nameCollection: FakeNamedItemCollection | null = null;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
  /** Workbook.names (ExcelApi 1.4), modelled in fake-excel-ranges.ts. */
  get names(): FakeNamedItemCollection {
    this.ctx.requireApi('1.4', 'Workbook.names');
    return (this.nameCollection ??= new FakeNamedItemCollection(this.ctx));
  }
}

// ---------------------------------------------------------------- the application

export class FakeExcel {
  syncCount = 0;
  syncs: SyncRecord[] = [];
  runs: Excel.RunOptions[] = [];
  handlers: { sheet: FakeSheet; handler: (e: unknown) => Promise<unknown> }[] = [];
  /** Test hook: an error for a cell write Excel refuses at sync (protected cell …), or null. */
  refuseWrite?: (sheet: string, row: number, col: number) => Error | null;
  /** Called before every sync's operations run (simulates a co-author's edit between syncs). */
  beforeSync?: (syncNumber: number) => void;

  constructor(
    public model: FakeModel,
    readonly options: FakeExcelOptions = {},
  ) {}

  get api(): string {
    return this.options.api ?? '1.20';
  }

  get platform(): FakePlatform {
    return this.options.platform ?? defaultPlatform();
  }

  /** The size cap of a request or response on this platform (see WEB_PAYLOAD_LIMIT_BYTES); undefined: none. */
  get payloadLimitBytes(): number | undefined {
    return this.options.payloadLimitBytes ?? (this.platform === 'web' ? WEB_PAYLOAD_LIMIT_BYTES : undefined);
  }

  supports(version: string): boolean {
    return versionAtLeast(this.api, version);
  }

  /** The host's environment: Excel.run and isSetSupported over this double. */
  env(): ExcelEnv {
    return {
      run: async (options, batch) => {
        this.runs.push(options);
        if (options.mergeUndoGroup) this.requireApi('1.20', 'RunOptions.mergeUndoGroup');
        const ctx = new FakeContext(this, !!options.mergeUndoGroup);
        const realSync = ctx.sync.bind(ctx);
        ctx.sync = async () => {
          this.beforeSync?.(this.syncCount + 1);
          return realSync();
        };
        try {
          const out = await batch(ctx as unknown as Excel.RequestContext);
          // Excel.run syncs what is still queued when the batch function returns.
          if (ctx.pending) await ctx.sync();
          return out;
        } finally {
          ctx.closed = true;
        }
      },
      // Excel.run(object.context, batch): the documented way to use a finished run's objects again.
      runIn: async (context, batch) => {
        const ctx = context as unknown as FakeContext;
        ctx.closed = false;
        try {
          return await batch(context as unknown as Excel.RequestContext);
        } finally {
          ctx.closed = true;
        }
      },
      isSetSupported: (name, version) => name === 'ExcelApi' && this.supports(version),
    };
  }

  requireApi(version: string, what: string): void {
    if (!this.supports(version)) throw new TypeError(`fake-excel: ${what} needs ExcelApi ${version}; this Excel has ${this.api}`);
  }

  /** Excel moves references in every formula when whole columns are inserted or deleted. */
  shiftFormulas(shift: ColumnShift): void {
    for (const sheet of this.model.sheets)
      for (const cell of sheet.cells.values()) if (cell.formula) cell.formula = shiftFormula(cell.formula, sheet.name, shift);
    shiftNamedRanges(this.model, shift);
  }

  resetCounts(): void {
    this.syncCount = 0;
    this.syncs = [];
    this.runs = [];
  }

  /** A user typing into a cell: changes the grid and fires onChanged (source Local, no add-in). */
  userEdit(sheetName: string, address: string, value: CellValue): void {
    this.edit(sheetName, address, value, 'Local');
  }

  /**
   * A co-author's edit arriving in this workbook: the grid changes and onChanged fires with source
   * "Remote" ("the event was triggered by the remote coauthor", excel-add-ins-events, coauthoring).
   */
  remoteEdit(sheetName: string, address: string, value: CellValue): void {
    this.edit(sheetName, address, value, 'Remote');
  }

  /**
   * The user's Ctrl+Z of an add-in write: the cell goes back to `value` and onChanged fires like a
   * user edit (source Local). Whether Excel reports undo as a change, and with which triggerSource,
   * the docs do not say; the stricter reading for the add-in: it arrives as the user's change, at
   * any time after the write (also within the add-in's own echo window).
   */
  userUndo(sheetName: string, address: string, value: CellValue): void {
    this.edit(sheetName, address, value, 'Local');
  }

  private edit(sheetName: string, address: string, value: CellValue, source: 'Local' | 'Remote'): void {
    const sheet = this.model.sheet(sheetName);
    const p = parseAddress(address);
    if (!sheet || !p) throw new Error(`fake-excel: no ${sheetName}!${address}`);
    const before = sheet.cell(p.row, p.col).value;
    sheet.put(p.row, p.col, { ...parseEntry(value), hyperlink: sheet.cell(p.row, p.col).hyperlink });
    const after = sheet.cell(p.row, p.col).value;
    // ExcelApi 1.9 reports a single cell's values before and after (ChangedEventDetail).
    const type = (v: CellValue) => (v === null ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String');
    const details = this.supports('1.9') ? { valueBefore: before ?? '', valueAfter: after ?? '', valueTypeBefore: type(before), valueTypeAfter: type(after) } : undefined;
    this.fire(sheet, { top: p.row, left: p.col, bottom: p.row, right: p.col }, false, details, source);
  }

  dispatch(events: { sheet: FakeSheet; range: CellRange; changeType?: string }[]): void {
    for (const e of events) this.fire(e.sheet, e.range, true, undefined, 'Local', e.changeType);
  }

  private fire(sheet: FakeSheet, range: CellRange, byAddin: boolean, details?: Record<string, unknown>, source: 'Local' | 'Remote' = 'Local', changeType = 'RangeEdited'): void {
    const address = range.bottom === MAX_ROWS ? `${columnLetter(range.left)}:${columnLetter(range.right)}` : a1(range);
    const args = {
      address,
      worksheetId: sheet.id,
      source,
      // RangeEdited, ColumnInserted, ColumnDeleted … (Excel.DataChangeType)
      changeType,
      type: 'WorksheetChanged',
      // triggerSource exists from ExcelApi 1.14 only (reportTriggerSource): absent on older Excel.
      ...(this.options.reportTriggerSource ? { triggerSource: byAddin ? 'ThisLocalAddin' : 'Unknown' } : {}),
      ...(details ? { details } : {}),
    };
    for (const h of this.handlers.filter((x) => x.sheet === sheet)) setTimeout(() => void h.handler(args), 0);
  }
}

