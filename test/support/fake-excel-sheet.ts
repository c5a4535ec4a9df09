/** Worksheets, the worksheet collection and notes of the strict Excel double. */
import { cellAddress, parseAddress } from '../../src/core/snapshot';
import { FakeSheet, MAX_COLS, MAX_ROWS, type FakeNote, type Visibility } from './fake-excel-model';
import { excelError, FakeChild, FakeFound, FakeObject, parseA1, size } from './fake-excel-base';
import { FakeRange } from './fake-excel-range';
import type { FakeContext } from './fake-excel';
import { FakePageLayout } from './fake-page-layout';
import { FakeAutoFilter } from './fake-excel-ranges';

export class FakeWorksheetCollection extends FakeObject {
  private listed: FakeWorksheet[] | null = null;
  private listedKey = '';

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
    // Office.js fills the items anew at each sync that loaded them: a later load of more properties shows.
    const props = names.map((_, i) => this.loadedItems(i));
    const key = JSON.stringify(props);
    if (!this.listed || this.listedKey !== key) {
      this.listed = names.map((n, i) => FakeWorksheet.loaded(this.ctx, n, props[i]));
      this.listedKey = key;
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

  /** The first worksheet (ExcelApi 1.5); a workbook always has one. */
  getFirst(visibleOnly = false): FakeWorksheet {
    this.ctx.requireApi('1.5', 'WorksheetCollection.getFirst');
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.model.sheets.find((x) => !visibleOnly || x.visibility === 'Visible');
      if (!s) throw excelError('ItemNotFound', 'no worksheet');
      return s;
    });
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

export class FakeWorksheet extends FakeFound<FakeSheet> {
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
      this.ctx.undoable('Worksheet.visibility');
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
  private layout: FakePageLayout | null = null;

  /** Worksheet.pageLayout (ExcelApi 1.9), modelled in fake-page-layout.ts. */
  get pageLayout(): FakePageLayout {
    this.ctx.requireApi('1.9', 'Worksheet.pageLayout');
    return (this.layout ??= new FakePageLayout(this.ctx, this));
  }

  private filter: FakeAutoFilter | null = null;

  /** Worksheet.autoFilter (ExcelApi 1.9), modelled in fake-excel-ranges.ts. */
  get autoFilter(): FakeAutoFilter {
    this.ctx.requireApi('1.9', 'Worksheet.autoFilter');
    return (this.filter ??= new FakeAutoFilter(this.ctx, () => this.sheet()));
  }

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

  /** getRange(address?) (1.1): without an address, the whole sheet. */
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.sheet(), range: address === undefined ? { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS } : parseA1(address) }));
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
      if (!s) return this.ctx.nullChain('Worksheet.getUsedRangeOrNullObject');
      const used = s.usedRange(valuesOnly);
      return used ? { sheet: s, range: used } : null;
    });
  }

  /**
   * The worksheet after this one in the tab order (ExcelApi 1.5), hidden ones included unless
   * visibleOnly; a null object after the last ("getNextOrNullObject … If there are no worksheets
   * following this one, then this method returns an object with its `isNullObject` property set
   * to `true`", @types/office-js Excel.Worksheet, ExcelApi 1.5).
   */
  getNextOrNullObject(visibleOnly = false): FakeWorksheet {
    this.ctx.requireApi('1.5', 'Worksheet.getNextOrNullObject');
    return new FakeWorksheet(this.ctx, () => {
      const s = this.resolveTarget();
      if (!s) return this.ctx.nullChain('Worksheet.getNextOrNullObject');
      const sheets = this.ctx.model.sheets;
      return sheets.slice(sheets.indexOf(s) + 1).find((x) => !visibleOnly || x.visibility === 'Visible') ?? null;
    });
  }

  activate(): void {
    this.ctx.enqueue(() => {
      // A hidden sheet cannot be shown by activating it (the UI cannot select one either); the docs do
      // not say what activate() does then, the stricter reading: it fails the batch.
      if (this.sheet().visibility !== 'Visible') throw excelError('InvalidOperation', 'cannot activate a hidden worksheet');
      return 0;
    }, 0);
  }

  delete(): void {
    this.ctx.enqueue(() => {
      this.ctx.undoable('Worksheet.delete');
      const s = this.sheet();
      const model = this.ctx.model;
      if (model.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) throw excelError('InvalidOperation', 'cannot delete the last visible sheet');
      model.sheets = model.sheets.filter((x) => x !== s);
      return 0;
    }, 0);
  }
}

export class FakeNoteCollection extends FakeChild<FakeWorksheet> {
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

  /** NoteCollection.getItem: a missing note fails the sync with ItemNotFound. */
  getItem(key: string): FakeNoteObject {
    return new FakeNoteObject(this.ctx, () => {
      const p = parseAddress(key.replace(/^.*!/, ''));
      const note = p ? this.parent.sheet().note(p.row, p.col) : undefined;
      if (!note) throw excelError('ItemNotFound', `no note at ${key}`);
      return note;
    });
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

export class FakeNoteObject extends FakeFound<FakeNote> {
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

