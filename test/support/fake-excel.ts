/**
 * A strict test double of the Excel JavaScript API subset that src/excel uses.
 *
 * Strict like Excel: reading a property that was not loaded, or loaded but not yet synced, throws;
 * writes and loads are queued and run in order at sync(); syncs are counted with their request and
 * response sizes; an oversized batch fails like Excel on the web (5 MB); a missing getItem fails the
 * sync with ItemNotFound; APIs above the configured ExcelApi version throw when called.
 */
import type { CellRange, CellValue } from '../../src/core/snapshot';
import { cellAddress, columnLetter, parseAddress } from '../../src/core/snapshot';
import type { ExcelEnv } from '../../src/excel/env';
import { shiftFormula, type ColumnShift } from '../../src/core/formula-refs';
import { eachCell, FakeModel, FakeSheet, intersects, MAX_COLS, MAX_ROWS, type FakeLink, type FakeNote, type Visibility } from './fake-excel-model';

export * from './fake-excel-model';

export interface FakeExcelOptions {
  /** Highest ExcelApi set the "installed Excel" supports: "1.7" (oldest allowed), "1.17" (LTSC 2024), "1.20". */
  api?: string;
  /** Request/response size cap per sync; Excel on the web: 5 MB. Unlimited when omitted. */
  payloadLimitBytes?: number;
  /** getMergedAreas fails above this many areas (Excel: 512). */
  mergedAreaLimit?: number;
  /** Excel 1.14+ marks its own add-in's changes; older ones do not. */
  reportTriggerSource?: boolean;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
}

type Op = { run: () => void; bytes: number };
const encoder = new TextEncoder();
const size = (v: unknown) => encoder.encode(JSON.stringify(v) ?? '').length;

function excelError(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code, name: 'RichApi.Error' });
}

function versionAtLeast(have: string, want: string): boolean {
  const [a1, a2] = have.split('.').map(Number);
  const [b1, b2] = want.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
}

/** "'My sheet'!A1:B2" as Excel writes addresses. */
function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function a1(r: CellRange): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

function parseA1(address: string): CellRange {
  const bare = address.replace(/^.*!/, '').replace(/\$/g, '');
  const col = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(bare);
  if (col) {
    const left = parseAddress(`${col[1]}1`)!.col;
    const right = parseAddress(`${col[2]}1`)!.col;
    return { top: 1, left, bottom: MAX_ROWS, right };
  }
  const [s, e] = bare.split(':');
  const p = parseAddress(s);
  const q = parseAddress(e ?? s);
  if (!p || !q) throw excelError('InvalidArgument', `bad address ${address}`);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** Excel's parsing of a typed-in entry (Range.values / formulas setters). */
function parseEntry(v: unknown): { value: CellValue; formula: string | null } {
  if (v === null || v === undefined || v === '') return { value: null, formula: null };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v, formula: null };
  const s = String(v);
  if (s.startsWith("'")) return { value: s.slice(1) === '' ? null : s.slice(1), formula: null };
  if (s.startsWith('=') && s.length > 1) return { value: null, formula: s };
  const num = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?(e[+-]?\d+)?(%)?$/i.exec(s.trim());
  if (num && /\d/.test(s)) {
    const digits = s.trim().replace(/[,%]/g, '');
    return { value: num[5] ? Number(`${digits}e-2`) : Number(digits), formula: null };
  }
  if (/^(true|false)$/i.test(s)) return { value: /^true$/i.test(s), formula: null };
  return { value: s, formula: null };
}

// ---------------------------------------------------------------- proxies

/** ClientResult: its value exists only after the sync that computed it. */
export class FakeClientResult<T> {
  private staged: { v: T } | null = null;
  private done: { v: T } | null = null;
  stage(v: T): void {
    this.staged = { v };
  }
  commit(): void {
    if (this.staged) this.done = this.staged;
    this.staged = null;
  }
  discard(): void {
    this.staged = null;
  }
  get value(): T {
    if (!this.done) throw excelError('PropertyNotLoaded', 'ClientResult.value is not available before context.sync()');
    return this.done.v;
  }
}

abstract class FakeObject {
  private loaded = new Map<string, unknown>();
  private staged = new Map<string, unknown>();
  private nullState: boolean | undefined;
  private stagedNull: boolean | undefined;

  constructor(protected readonly ctx: FakeContext) {
    ctx.track(this);
  }

  /** What the object stands for, or null for a null object; may throw (ItemNotFound). */
  abstract resolveTarget(): unknown;
  /** The value of a loadable scalar property, at the current point of the batch. */
  protected abstract readProperty(name: string): unknown;

  protected get<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw excelError('PropertyNotLoaded', `The property '${name}' is not available. Call load('${name}') and context.sync() before reading it.`);
    }
    return this.loaded.get(name) as T;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw excelError('PropertyNotLoaded', "The property 'isNullObject' is not available before context.sync().");
    return this.nullState;
  }

  load(names?: string | string[]): this {
    if (names === undefined) throw new Error('fake-excel: load() without property names loads everything; name the properties');
    const list = (Array.isArray(names) ? names : names.split(',')).map((n) => n.trim()).filter(Boolean);
    if (!list.length) throw new Error('fake-excel: empty load');
    this.ctx.enqueue(() => {
      if (this.resolveTarget() === null) return 0;
      let bytes = 0;
      for (const name of list) {
        const v = this.readProperty(name);
        this.staged.set(name, v);
        bytes += size(v) + name.length + 4;
      }
      return bytes;
    }, 0);
    return this;
  }

  /** Called by the context at the end of a successful sync. */
  commit(): void {
    for (const [k, v] of this.staged) this.loaded.set(k, v);
    this.staged.clear();
    if (this.stagedNull !== undefined) this.nullState = this.stagedNull;
  }

  discard(): void {
    this.staged.clear();
    this.stagedNull = undefined;
  }

  stageNull(isNull: boolean): void {
    this.stagedNull = isNull;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** An object found once, at its place in the batch (Excel resolves a proxy when its request runs). */
abstract class FakeFound<T> extends FakeObject {
  private found: T | null | undefined;

  constructor(
    ctx: FakeContext,
    private readonly find: () => T | null,
  ) {
    super(ctx);
  }

  resolveTarget(): T | null {
    if (this.found === undefined) this.found = this.find();
    return this.found;
  }
}

/** A part of another object (a range's format, a sheet's notes): it exists when its parent does. */
abstract class FakeChild<P extends FakeObject> extends FakeObject {
  constructor(
    ctx: FakeContext,
    protected readonly parent: P,
  ) {
    super(ctx);
  }

  resolveTarget(): unknown {
    return this.parent.resolveTarget();
  }
}

export class FakeContext {
  private ops: Op[] = [];
  private objects: FakeObject[] = [];
  private events: { sheet: FakeSheet; range: CellRange }[] = [];
  private responseBytes = 0;
  readonly workbook: FakeWorkbook;

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
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
    this.enqueue(() => {
      o.stageNull(o.resolveTarget() === null);
      return 0;
    }, 0);
  }

  /** Queues an operation; `run` returns the response bytes it produces. */
  enqueue(run: () => number, requestBytes: number): void {
    this.ops.push({
      run: () => {
        this.responseBytes += run();
      },
      bytes: requestBytes,
    });
  }

  requireApi(version: string, what: string): void {
    if (!this.excel.supports(version)) throw new TypeError(`fake-excel: ${what} needs ExcelApi ${version}; this Excel has ${this.excel.api}`);
  }

  changed(sheet: FakeSheet, range: CellRange): void {
    this.events.push({ sheet, range });
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    this.responseBytes = 0;
    this.events = [];
    const requestBytes = ops.reduce((n, o) => n + o.bytes + 40, 0);
    const limit = this.excel.options.payloadLimitBytes;
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
      this.excel.dispatch(this.events, this);
      throw error;
    }
    for (const o of this.objects) o.commit();
    for (const r of this.results) r.commit();
    this.excel.dispatch(this.events, this);
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
}

class FakeWorksheetCollection extends FakeObject {
  private listed: FakeWorksheet[] | null = null;

  resolveTarget(): unknown {
    return this.ctx.model.sheets;
  }

  protected readProperty(name: string): unknown {
    const m = /^items\/(\w+)$/.exec(name);
    if (!m) throw new Error(`fake-excel: WorksheetCollection cannot load ${name}`);
    const sheets = this.ctx.model.sheets;
    return sheets.map((s) => (m[1] === 'name' ? s.name : m[1] === 'visibility' ? s.visibility : (s as unknown as Record<string, unknown>)[m[1]]));
  }

  get items(): FakeWorksheet[] {
    const names = this.get<string[]>('items/name');
    if (!this.listed || this.listed.length !== names.length) {
      this.listed = names.map((n, i) => FakeWorksheet.loaded(this.ctx, n, this.loadedItems(i)));
    }
    return this.listed;
  }

  private loadedItems(i: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const p of ['name', 'visibility']) {
      try {
        out[p] = this.get<unknown[]>(`items/${p}`)[i];
      } catch {
        /* not loaded */
      }
    }
    return out;
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.model.sheet(name);
      if (!s) throw excelError('ItemNotFound', `The requested resource doesn't exist: worksheet "${name}"`);
      return s;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.model.sheet(name) ?? null);
  }

  add(name: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.ctx.enqueue(() => {
      if (this.ctx.model.sheet(name)) throw excelError('ItemAlreadyExists', `sheet "${name}" exists`);
      created = new FakeSheet(name);
      this.ctx.model.sheets.push(created);
      return 0;
    }, size(name));
    return new FakeWorksheet(this.ctx, () => created);
  }
}

class FakeWorksheet extends FakeFound<FakeSheet> {
  private preset: Record<string, unknown> | null = null;

  /** A worksheet object from collection.items: its loaded properties are already there. */
  static loaded(ctx: FakeContext, name: string, props: Record<string, unknown>): FakeWorksheet {
    const ws = new FakeWorksheet(ctx, () => ctx.model.sheet(name) ?? null);
    ws.preset = props;
    return ws;
  }

  sheet(): FakeSheet {
    const s = this.resolveTarget();
    if (!s) throw excelError('InvalidOperation', 'operation on a null worksheet object');
    return s;
  }

  protected readProperty(name: string): unknown {
    const s = this.sheet();
    if (name === 'name') return s.name;
    if (name === 'visibility') return s.visibility;
    if (name === 'standardWidth') return s.standardWidth;
    if (name === 'id') return s.id;
    throw new Error(`fake-excel: Worksheet cannot load ${name}`);
  }

  protected override get<T>(name: string): T {
    if (this.preset && name in this.preset) return this.preset[name] as T;
    return super.get<T>(name);
  }

  get name(): string {
    return this.get('name');
  }
  get visibility(): Visibility {
    return this.get('visibility');
  }
  set visibility(v: Visibility) {
    this.ctx.enqueue(() => {
      const s = this.sheet();
      if (v !== 'Visible' && this.ctx.model.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) {
        throw excelError('InvalidOperation', 'a workbook must keep one visible sheet');
      }
      s.visibility = v;
      return 0;
    }, size(v));
  }
  get standardWidth(): number {
    return this.get('standardWidth');
  }

  private noteCollection: FakeNoteCollection | null = null;

  get notes(): FakeNoteCollection {
    this.ctx.requireApi('1.18', 'Worksheet.notes');
    return (this.noteCollection ??= new FakeNoteCollection(this.ctx, this));
  }

  get onChanged(): { add(handler: (e: unknown) => Promise<unknown>): { context: FakeContext; remove(): void } } {
    return {
      add: (handler) => {
        this.ctx.enqueue(() => {
          this.ctx.excel.handlers.push({ sheet: this.sheet(), handler });
          return 0;
        }, 0);
        return {
          context: this.ctx,
          remove: () =>
            this.ctx.enqueue(() => {
              this.ctx.excel.handlers = this.ctx.excel.handlers.filter((h) => h.handler !== handler);
              return 0;
            }, 0),
        };
      },
    };
  }

  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.sheet(), range: parseA1(address) }));
  }

  getRangeByIndexes(rowIndex: number, columnIndex: number, rowCount: number, columnCount: number): FakeRange {
    if (rowCount < 1 || columnCount < 1) throw excelError('InvalidArgument', 'empty range');
    return new FakeRange(this.ctx, () => ({
      sheet: this.sheet(),
      range: { top: rowIndex + 1, left: columnIndex + 1, bottom: rowIndex + rowCount, right: columnIndex + columnCount },
    }));
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.sheet();
      return { sheet: s, range: s.usedRange(valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.resolveTarget();
      const used = s?.usedRange(valuesOnly);
      return s && used ? { sheet: s, range: used } : null;
    });
  }

  activate(): void {
    this.ctx.enqueue(() => {
      this.sheet();
      return 0;
    }, 0);
  }

  delete(): void {
    this.ctx.enqueue(() => {
      const s = this.sheet();
      const model = this.ctx.model;
      if (model.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) throw excelError('InvalidOperation', 'cannot delete the last visible sheet');
      model.sheets = model.sheets.filter((x) => x !== s);
      return 0;
    }, 0);
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  range: CellRange;
}

class FakeRange extends FakeFound<RangeTarget> {
  readonly format: FakeRangeFormat;

  constructor(ctx: FakeContext, find: () => RangeTarget | null) {
    super(ctx, find);
    this.format = new FakeRangeFormat(ctx, this);
  }

  at(): RangeTarget {
    const t = this.resolveTarget();
    if (!t) throw excelError('InvalidOperation', 'operation on a null range object');
    return t;
  }

  private grid<T>(f: (s: FakeSheet, row: number, col: number) => T): T[][] {
    const { sheet, range } = this.at();
    if ((range.bottom - range.top + 1) * (range.right - range.left + 1) > 5_000_000) throw excelError('InvalidOperation', 'range too large to load');
    const out: T[][] = [];
    for (let r = range.top; r <= range.bottom; r++) {
      const line: T[] = [];
      for (let c = range.left; c <= range.right; c++) line.push(f(sheet, r, c));
      out.push(line);
    }
    return out;
  }

  protected readProperty(name: string): unknown {
    const { sheet, range } = this.at();
    switch (name) {
      case 'address':
        return `${sheetRef(sheet.name)}!${a1(range)}`;
      case 'rowIndex':
        return range.top - 1;
      case 'columnIndex':
        return range.left - 1;
      case 'rowCount':
        return range.bottom - range.top + 1;
      case 'columnCount':
        return range.right - range.left + 1;
      case 'values':
        return this.grid((s, r, c) => (s.isHiddenByMerge(r, c) ? '' : (s.cell(r, c).value ?? '')));
      case 'formulas':
        return this.grid((s, r, c) => (s.isHiddenByMerge(r, c) ? '' : (s.cell(r, c).formula ?? s.cell(r, c).value ?? '')));
      case 'numberFormat':
        return this.grid((s, r, c) => s.cell(r, c).numberFormat);
      case 'hyperlink': {
        const link = sheet.cell(range.top, range.left).hyperlink;
        return link ? { ...link, textToDisplay: String(sheet.cell(range.top, range.left).value ?? '') } : null;
      }
      default:
        throw new Error(`fake-excel: Range cannot load ${name}`);
    }
  }

  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  get hyperlink(): FakeLink | null {
    return this.get('hyperlink');
  }

  private writeGrid(name: string, matrix: unknown[][], apply: (s: FakeSheet, row: number, col: number, v: unknown) => void): void {
    this.ctx.enqueue(() => {
      const { sheet, range } = this.at();
      const rows = range.bottom - range.top + 1;
      const cols = range.right - range.left + 1;
      if (matrix.length !== rows || matrix.some((l) => l.length !== cols)) {
        throw excelError('InvalidArgument', `${name}: ${matrix.length}×${matrix[0]?.length} values for a ${rows}×${cols} range`);
      }
      matrix.forEach((line, i) => line.forEach((v, j) => apply(sheet, range.top + i, range.left + j, v)));
      this.ctx.changed(sheet, range);
      return 0;
    }, size(matrix));
  }

  private writeEntries(name: string, matrix: unknown[][]): void {
    this.writeGrid(name, matrix, (s, r, c, v) => {
      const entry = parseEntry(v);
      if (s.isHiddenByMerge(r, c) && (entry.value !== null || entry.formula)) throw excelError('InvalidOperation', `Cannot change part of a merged cell (${cellAddress(r, c)}).`);
      s.put(r, c, entry);
    });
  }

  set values(matrix: unknown[][]) {
    this.writeEntries('values', matrix);
  }
  set formulas(matrix: unknown[][]) {
    this.writeEntries('formulas', matrix);
  }
  set numberFormat(matrix: unknown[][]) {
    this.writeGrid('numberFormat', matrix, (s, r, c, v) => s.put(r, c, { numberFormat: String(v) }));
  }
  set hyperlink(link: FakeLink) {
    this.ctx.enqueue(() => {
      const { sheet, range } = this.at();
      eachCell(range, (r, c) => {
          const cell = sheet.cell(r, c);
          const shown = link.textToDisplay ?? (cell.value === null && !cell.formula ? (link.documentReference ?? link.address ?? '') : cell.value);
          sheet.put(r, c, { hyperlink: { ...link, textToDisplay: undefined }, value: shown });
        });
      this.ctx.changed(sheet, range);
      return 0;
    }, size(link));
  }

  clear(applyTo: 'All' | 'Formats' | 'Contents' | 'Hyperlinks' = 'All'): void {
    this.ctx.enqueue(() => {
      const { sheet, range } = this.at();
      eachCell(range, (r, c) => {
          if (applyTo === 'Hyperlinks') sheet.put(r, c, { hyperlink: null });
          else if (applyTo === 'Contents') sheet.put(r, c, { value: null, formula: null });
          else if (applyTo === 'Formats') sheet.put(r, c, { numberFormat: 'General', fill: null });
          else sheet.put(r, c, { value: null, formula: null, numberFormat: 'General', fill: null, hyperlink: null });
        });
      return 0;
    }, 20);
  }

  getCellProperties(options: { format?: { fill?: { color?: boolean } }; hyperlink?: boolean }): { value: unknown[][] } {
    this.ctx.requireApi('1.9', 'Range.getCellProperties');
    const result = new FakeClientResult<unknown[][]>();
    this.ctx.enqueue(() => {
      const value = this.grid((s, r, c) => {
        const cell = s.cell(r, c);
        const out: Record<string, unknown> = {};
        if (options.format?.fill?.color) out.format = { fill: { color: cell.fill ?? '#FFFFFF' } };
        if (options.hyperlink && cell.hyperlink) out.hyperlink = { ...cell.hyperlink };
        return out;
      });
      result.stage(value);
      return size(value);
    }, 60);
    this.ctx.trackResult(result);
    return result;
  }

  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, range } = this.at();
      return { sheet, range: { top: range.top + row, left: range.left + col, bottom: range.top + row, right: range.left + col } };
    });
  }

  getResizedRange(deltaRows: number, deltaCols: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, range } = this.at();
      return { sheet, range: { ...range, bottom: range.bottom + deltaRows, right: range.right + deltaCols } };
    });
  }

  getEntireRow(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, range } = this.at();
      return { sheet, range: { top: range.top, left: 1, bottom: range.bottom, right: MAX_COLS } };
    });
  }

  getIntersection(other: FakeRange): FakeRange {
    return new FakeRange(this.ctx, () => {
      const a = this.at();
      const b = other.at();
      const r = { top: Math.max(a.range.top, b.range.top), left: Math.max(a.range.left, b.range.left), bottom: Math.min(a.range.bottom, b.range.bottom), right: Math.min(a.range.right, b.range.right) };
      if (a.sheet !== b.sheet || r.top > r.bottom || r.left > r.right) throw excelError('InvalidArgument', 'the ranges do not intersect');
      return { sheet: a.sheet, range: r };
    });
  }

  getEntireColumn(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, range } = this.at();
      return { sheet, range: { top: 1, left: range.left, bottom: MAX_ROWS, right: range.right } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, range } = this.at();
      const used = sheet.usedRange(valuesOnly);
      if (!used || !intersects(used, range)) return null;
      // Excel's used range of a range: the bounding box of used cells inside it.
      let box: CellRange | null = null;
      for (const k of sheet.cells.keys()) {
        const [r, c] = k.split(',').map(Number);
        const cell = sheet.cell(r, c);
        if (valuesOnly && cell.value === null && cell.formula === null) continue;
        if (r < range.top || r > range.bottom || c < range.left || c > range.right) continue;
        box = box ? { top: Math.min(box.top, r), left: Math.min(box.left, c), bottom: Math.max(box.bottom, r), right: Math.max(box.right, c) } : { top: r, left: c, bottom: r, right: c };
      }
      return box ? { sheet, range: box } : null;
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.ctx.requireApi('1.13', 'Range.getMergedAreasOrNullObject');
    return new FakeRangeAreas(this.ctx, () => {
      const { sheet, range } = this.at();
      const areas = sheet.merges.filter((m) => intersects(m, range));
      const limit = this.ctx.excel.options.mergedAreaLimit ?? 512;
      if (areas.length > limit) throw excelError('GeneralException', `more than ${limit} merged areas`);
      return areas.length ? { sheet, areas } : null;
    });
  }

  private isEntireColumns(range: CellRange): boolean {
    return range.top === 1 && range.bottom === MAX_ROWS;
  }

  insert(shift: 'Right' | 'Down'): FakeRange {
    if (shift !== 'Right') throw new Error('fake-excel: only insert("Right") is modelled');
    this.ctx.enqueue(() => {
      const { sheet, range } = this.at();
      const width = range.right - range.left + 1;
      sheet.shiftColumns(range.left, width, range.top, range.bottom);
      if (this.isEntireColumns(range)) for (let i = 0; i < width; i++) this.ctx.excel.shiftFormulas({ sheet: sheet.name, col: range.left, delta: 1 });
      if (this.isEntireColumns(range) && range.left > 1) {
        // Excel's "format same as left": a new column takes its left neighbour's formats and width.
        for (const [k, cell] of [...sheet.cells]) {
          const [r, c] = k.split(',').map(Number);
          if (c !== range.left - 1) continue;
          for (let i = 0; i < width; i++) sheet.put(r, range.left + i, { numberFormat: cell.numberFormat, fill: cell.fill });
        }
        const w = sheet.widths.get(range.left - 1);
        for (let i = 0; i < width; i++) if (w !== undefined) sheet.widths.set(range.left + i, w);
      }
      this.ctx.changed(sheet, range);
      return 0;
    }, 20);
    return new FakeRange(this.ctx, () => this.at());
  }

  delete(shift: 'Left' | 'Up'): void {
    if (shift !== 'Left') throw new Error('fake-excel: only delete("Left") is modelled');
    this.ctx.enqueue(() => {
      const { sheet, range } = this.at();
      sheet.shiftColumns(range.left, -(range.right - range.left + 1), range.top, range.bottom);
      if (this.isEntireColumns(range)) for (let c = range.right; c >= range.left; c--) this.ctx.excel.shiftFormulas({ sheet: sheet.name, col: c, delta: -1 });
      this.ctx.changed(sheet, range);
      return 0;
    }, 20);
  }

  copyFrom(source: FakeRange | string, copyType: 'All' | 'Formats' = 'All'): void {
    this.ctx.requireApi('1.9', 'Range.copyFrom');
    if (copyType !== 'Formats') throw new Error('fake-excel: only copyFrom(…, "Formats") is modelled');
    this.ctx.enqueue(() => {
      const dst = this.at();
      const src = typeof source === 'string' ? { sheet: dst.sheet, range: parseA1(source) } : source.at();
      const dc = dst.range.left - src.range.left;
      const dr = dst.range.top - src.range.top;
      const touched = new Set<string>();
      for (const [k, cell] of [...src.sheet.cells]) {
        const [r, c] = k.split(',').map(Number);
        if (r < src.range.top || r > src.range.bottom || c < src.range.left || c > src.range.right) continue;
        touched.add(`${r + dr},${c + dc}`);
        dst.sheet.put(r + dr, c + dc, { numberFormat: cell.numberFormat, fill: cell.fill });
      }
      for (const [k] of [...dst.sheet.cells]) {
        const [r, c] = k.split(',').map(Number);
        if (r < dst.range.top || r > dst.range.bottom || c < dst.range.left || c > dst.range.right || touched.has(k)) continue;
        dst.sheet.put(r, c, { numberFormat: 'General', fill: null });
      }
      // Merged areas wholly inside the source come along (partial ones cannot be pasted).
      for (const m of src.sheet.merges.filter((m) => m.top >= src.range.top && m.bottom <= src.range.bottom && m.left >= src.range.left && m.right <= src.range.right)) {
        const moved = { top: m.top + dr, left: m.left + dc, bottom: m.bottom + dr, right: m.right + dc };
        dst.sheet.merges = [...dst.sheet.merges.filter((x) => !intersects(x, moved)), moved];
      }
      if (this.isEntireColumns(src.range)) {
        for (let c = src.range.left; c <= src.range.right; c++) {
          const w = src.sheet.widths.get(c);
          if (w === undefined) dst.sheet.widths.delete(c + dc);
          else dst.sheet.widths.set(c + dc, w);
        }
      }
      return 0;
    }, 40);
  }

  merge(across = false): void {
    this.ctx.enqueue(() => {
      const { sheet, range } = this.at();
      if (across) throw new Error('fake-excel: merge(true) not modelled');
      if (sheet.merges.some((m) => intersects(m, range))) throw excelError('InvalidOperation', 'the range overlaps a merged area');
      eachCell(range, (r, c) => {
        if (r !== range.top || c !== range.left) sheet.put(r, c, { value: null, formula: null });
      });
      sheet.merges = [...sheet.merges, { ...range }];
      return 0;
    }, 20);
  }

  unmerge(): void {
    this.ctx.enqueue(() => {
      const { sheet, range } = this.at();
      sheet.merges = sheet.merges.filter((m) => !intersects(m, range));
      return 0;
    }, 20);
  }

  select(): void {
    this.ctx.enqueue(() => {
      const { sheet, range } = this.at();
      this.ctx.model.selection = { sheet: sheet.name, address: a1(range) };
      return 0;
    }, 0);
  }
}

class FakeRangeFormat extends FakeChild<FakeRange> {
  readonly fill = new FakeRangeFill(this.ctx, this.parent);
  protected readProperty(name: string): unknown {
    if (name !== 'columnWidth') throw new Error(`fake-excel: RangeFormat cannot load ${name}`);
    const { sheet, range } = this.parent.at();
    const widths = new Set<number>();
    for (let c = range.left; c <= range.right; c++) widths.add(sheet.widths.get(c) ?? standardPoints(sheet));
    return widths.size === 1 ? [...widths][0] : null;
  }
  get columnWidth(): number {
    return this.get('columnWidth');
  }
  set columnWidth(points: number) {
    this.ctx.enqueue(() => {
      const { sheet, range } = this.parent.at();
      for (let c = range.left; c <= range.right; c++) sheet.widths.set(c, points);
      return 0;
    }, 20);
  }
}

function standardPoints(sheet: FakeSheet): number {
  return Math.round((sheet.standardWidth * 7 + 5) * 0.75 * 100) / 100;
}

class FakeRangeFill extends FakeChild<FakeRange> {
  protected readProperty(name: string): unknown {
    if (name !== 'color') throw new Error(`fake-excel: RangeFill cannot load ${name}`);
    const { sheet, range } = this.parent.at();
    const fills = new Set<string>();
    eachCell(range, (r, c) => fills.add(sheet.cell(r, c).fill ?? '#FFFFFF'));
    return fills.size === 1 ? [...fills][0] : null;
  }
  get color(): string {
    return this.get('color');
  }
  set color(c: string) {
    this.ctx.enqueue(() => {
      const { sheet, range } = this.parent.at();
      const fill = `#${c.replace('#', '').toUpperCase()}`;
      eachCell(range, (r, col) => sheet.put(r, col, { fill }));
      return 0;
    }, 20);
  }
  clear(): void {
    this.ctx.enqueue(() => {
      const { sheet, range } = this.parent.at();
      eachCell(range, (r, c) => sheet.put(r, c, { fill: null }));
      return 0;
    }, 0);
  }
}

class FakeRangeAreas extends FakeFound<{ sheet: FakeSheet; areas: CellRange[] }> {
  protected readProperty(name: string): unknown {
    if (name !== 'address') throw new Error(`fake-excel: RangeAreas cannot load ${name}`);
    const t = this.resolveTarget()!;
    return t.areas.map((r) => `${sheetRef(t.sheet.name)}!${a1(r)}`).join(', ');
  }
  get address(): string {
    return this.get('address');
  }
}

class FakeNoteCollection extends FakeChild<FakeWorksheet> {
  private listed: FakeNote[] = [];



  protected readProperty(name: string): unknown {
    if (name !== 'items/content') throw new Error(`fake-excel: NoteCollection cannot load ${name}`);
    this.listed = this.parent.sheet().notes.filter((n) => !n.deleted);
    return this.listed.map((n) => n.content);
  }

  get items(): FakeNoteObject[] {
    const contents = this.get<string[]>('items/content');
    return this.listed.map((n, i) => FakeNoteObject.loaded(this.ctx, n, contents[i]));
  }

  getItemOrNullObject(key: string): FakeNoteObject {
    return new FakeNoteObject(this.ctx, () => {
      const p = parseAddress(key.replace(/^.*!/, ''));
      return p ? (this.parent.sheet().note(p.row, p.col) ?? null) : null;
    });
  }

  add(cell: FakeRange | string, content: string): FakeNoteObject {
    let created: FakeNote | null = null;
    this.ctx.enqueue(() => {
      const sheet = this.parent.sheet();
      const range = typeof cell === 'string' ? parseA1(cell) : cell.at().range;
      if (sheet.note(range.top, range.left)) throw excelError('InvalidArgument', `${cellAddress(range.top, range.left)} already has a note`);
      created = { row: range.top, col: range.left, content, deleted: false };
      sheet.notes.push(created);
      return 0;
    }, size(content));
    return new FakeNoteObject(this.ctx, () => created);
  }
}

class FakeNoteObject extends FakeFound<FakeNote> {
  private presetContent: string | undefined;

  /** An item of a loaded NoteCollection: its content is already there. */
  static loaded(ctx: FakeContext, note: FakeNote, content: string): FakeNoteObject {
    const o = new FakeNoteObject(ctx, () => note);
    o.presetContent = content;
    return o;
  }

  protected override get<T>(name: string): T {
    if (name === 'content' && this.presetContent !== undefined) return this.presetContent as T;
    return super.get<T>(name);
  }

  getLocation(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const n = this.note();
      const sheet = this.ctx.model.sheets.find((s) => s.notes.includes(n))!;
      return { sheet, range: { top: n.row, left: n.col, bottom: n.row, right: n.col } };
    });
  }
  note(): FakeNote {
    const n = this.resolveTarget();
    if (!n || n.deleted) throw excelError('InvalidOperation', 'operation on a null or deleted note');
    return n;
  }
  protected readProperty(name: string): unknown {
    if (name !== 'content') throw new Error(`fake-excel: Note cannot load ${name}`);
    return this.note().content;
  }
  get content(): string {
    return this.get('content');
  }
  set content(text: string) {
    this.ctx.enqueue(() => {
      this.note().content = text;
      return 0;
    }, size(text));
  }
  delete(): void {
    this.ctx.enqueue(() => {
      this.note().deleted = true;
      return 0;
    }, 0);
  }
}

// ---------------------------------------------------------------- the application

export class FakeExcel {
  syncCount = 0;
  syncs: SyncRecord[] = [];
  runs: Excel.RunOptions[] = [];
  handlers: { sheet: FakeSheet; handler: (e: unknown) => Promise<unknown> }[] = [];
  /** Called before every sync's operations run (simulates a co-author's edit between syncs). */
  beforeSync?: (syncNumber: number) => void;

  constructor(
    public model: FakeModel,
    readonly options: FakeExcelOptions = {},
  ) {}

  get api(): string {
    return this.options.api ?? '1.20';
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
        const ctx = new FakeContext(this);
        const realSync = ctx.sync.bind(ctx);
        ctx.sync = async () => {
          this.beforeSync?.(this.syncCount + 1);
          return realSync();
        };
        return batch(ctx as unknown as Excel.RequestContext);
      },
      runIn: async (context, batch) => batch(context as unknown as Excel.RequestContext),
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
  }

  resetCounts(): void {
    this.syncCount = 0;
    this.syncs = [];
    this.runs = [];
  }

  /** A user typing into a cell: changes the grid and fires onChanged (source Local, no add-in). */
  userEdit(sheetName: string, address: string, value: CellValue): void {
    const sheet = this.model.sheet(sheetName);
    const p = parseAddress(address);
    if (!sheet || !p) throw new Error(`fake-excel: no ${sheetName}!${address}`);
    sheet.put(p.row, p.col, { ...parseEntry(value), hyperlink: sheet.cell(p.row, p.col).hyperlink });
    this.fire(sheet, { top: p.row, left: p.col, bottom: p.row, right: p.col }, false);
  }

  dispatch(events: { sheet: FakeSheet; range: CellRange }[], _ctx: FakeContext): void {
    for (const e of events) this.fire(e.sheet, e.range, true);
  }

  private fire(sheet: FakeSheet, range: CellRange, byAddin: boolean): void {
    const address = range.bottom === MAX_ROWS ? `${columnLetter(range.left)}:${columnLetter(range.right)}` : a1(range);
    const args = {
      address,
      worksheetId: sheet.id,
      source: 'Local',
      changeType: 'RangeEdited',
      type: 'WorksheetChanged',
      triggerSource: byAddin && this.options.reportTriggerSource ? 'ThisLocalAddin' : 'Unknown',
    };
    for (const h of this.handlers.filter((x) => x.sheet === sheet)) setTimeout(() => void h.handler(args), 0);
  }
}

export { MAX_COLS };
