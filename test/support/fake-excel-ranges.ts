/**
 * Defined names and print areas in the strict Excel double: Workbook.names (NamedItemCollection,
 * ExcelApi 1.4; NamedItem.formula read/write 1.7) and PageLayout.getPrintAreaOrNullObject /
 * setPrintArea (1.9), as far as the add-in uses them, and how Excel moves them when whole columns are
 * inserted or deleted: like references in formulas (Walkenbach, Excel 2007 Formulas, "How Excel
 * Maintains Cell and Range Names": a column inserted left of a named range moves it, inside widens it,
 * a range ending left of it stays; deleting inside narrows it, deleting all its columns leaves
 * Sheet1!#REF!). The print area is the sheet's Print_Area name, so it moves the same way; all of it
 * deleted, the double drops it (stricter than keeping a #REF! print area nothing can read back).
 * State lives beside the model, seeded by tests with namesOf / printAreaOf.
 */
import type { ColumnShift } from '../../src/core/formula-refs';
import { shiftFormula } from '../../src/core/formula-refs';
import type { CellRange } from '../../src/core/snapshot';
import { a1, excelError, FakeFound, FakeObject, parseA1, sheetRef, size } from './fake-excel-base';
import { intersects } from './fake-excel-model';
import type { FakeModel, FakeSheet } from './fake-excel-model';
import type { FakeContext } from './fake-excel';

export interface FakeName {
  name: string;
  /** As Office.js reports it: "=表!$A$10:$N$412". */
  formula: string;
}

const names = new WeakMap<FakeModel, FakeName[]>();
/** The workbook-scoped names of a model (tests push into it to seed). */
export function namesOf(model: FakeModel): FakeName[] {
  let list = names.get(model);
  if (!list) names.set(model, (list = []));
  return list;
}

const printAreas = new WeakMap<FakeSheet, string>();
/** A sheet's print area ("A10:N412", areas joined by ","), or null. */
export function printAreaOf(sheet: FakeSheet): string | null {
  return printAreas.get(sheet) ?? null;
}
export function setPrintAreaOf(sheet: FakeSheet, area: string | null): void {
  if (area) printAreas.set(sheet, area);
  else printAreas.delete(sheet);
}

/** Excel moving names and print areas with a whole-column insert or delete on `shift.sheet`. */
export function shiftNamedRanges(model: FakeModel, shift: ColumnShift): void {
  for (const n of namesOf(model)) n.formula = shiftFormula(n.formula, '', shift);
  const sheet = model.sheet(shift.sheet);
  const area = sheet ? printAreaOf(sheet) : null;
  if (sheet && area) {
    const moved = area
      .split(',')
      .map((a) => shiftFormula(a, shift.sheet, shift))
      .filter((a) => !a.includes('#REF!'));
    setPrintAreaOf(sheet, moved.join(',') || null);
  }
  if (sheet) shiftSheetRanges(sheet, shift);
}

export class FakeNamedItemCollection extends FakeObject {
  private listed: FakeNamedItem[] | null = null;

  resolveTarget(): unknown {
    return namesOf(this.ctx.model);
  }

  protected readProperty(name: string): unknown {
    const m = /^items\/(name|formula)$/.exec(name);
    if (!m) throw new Error(`fake-excel: NamedItemCollection cannot load ${name}`);
    if (m[1] === 'formula') this.ctx.requireApi('1.7', 'NamedItem.formula');
    return namesOf(this.ctx.model).map((n) => n[m[1] as 'name' | 'formula']);
  }

  get items(): FakeNamedItem[] {
    const list = this.get<string[]>('items/name');
    let formulas: string[] | null = null;
    try {
      formulas = this.get<string[]>('items/formula');
    } catch {
      /* not loaded */
    }
    if (!this.listed || this.listed.length !== list.length) this.listed = list.map((n, i) => new FakeNamedItem(this.ctx, n, formulas?.[i]));
    return this.listed;
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, name);
  }
}

export class FakeNamedItem extends FakeFound<FakeName> {
  constructor(
    ctx: FakeContext,
    readonly name: string,
    private readonly loadedFormula?: string,
  ) {
    super(ctx, () => {
      const found = namesOf(ctx.model).find((n) => n.name.toLowerCase() === name.toLowerCase());
      if (!found) throw excelError('ItemNotFound', `The requested resource doesn't exist: name "${name}"`);
      return found;
    });
  }

  protected readProperty(name: string): unknown {
    if (name !== 'formula') throw new Error(`fake-excel: NamedItem cannot load ${name}`);
    this.ctx.requireApi('1.7', 'NamedItem.formula');
    return this.resolveTarget()!.formula;
  }

  get formula(): string {
    if (this.loadedFormula !== undefined) return this.loadedFormula;
    return this.get('formula');
  }

  /** NamedItem.formula (1.7): the name refers to the new formula from then on. */
  set formula(f: string) {
    this.ctx.requireApi('1.7', 'NamedItem.formula');
    this.ctx.enqueue(() => {
      if (!f.startsWith('=')) throw excelError('InvalidArgument', `a name's formula starts with "=": ${f}`);
      this.resolveTarget()!.formula = f;
      return 0;
    }, size(f));
  }
}

/** PageLayout.getPrintAreaOrNullObject() (1.9): a RangeAreas whose `address` names the sheet. */
export class FakePrintArea extends FakeFound<{ sheet: FakeSheet; area: string }> {
  constructor(ctx: FakeContext, sheet: () => FakeSheet) {
    super(ctx, () => {
      const s = sheet();
      const area = printAreaOf(s);
      return area ? { sheet: s, area } : null;
    });
  }

  protected readProperty(name: string): unknown {
    if (name !== 'address') throw new Error(`fake-excel: RangeAreas cannot load ${name}`);
    const { sheet, area } = this.resolveTarget()!;
    return area
      .split(',')
      .map((a) => `${sheetRef(sheet.name)}!${a.replace(/\$/g, '')}`)
      .join(',');
  }

  get address(): string {
    return this.get('address');
  }
}

/** PageLayout.setPrintArea(string) (1.9): addresses on this sheet, "A10:O412" or "A1:B2,D1:E2". */
export function queueSetPrintArea(ctx: FakeContext, sheet: () => FakeSheet, printArea: unknown): void {
  if (typeof printArea !== 'string') throw new Error('fake-excel: setPrintArea is modelled with an address string');
  const areas = printArea.split(',').map((a) => a.replace(/^.*!/, '').trim());
  if (areas.some((a) => !/^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/i.test(a))) throw excelError('InvalidArgument', `print area "${printArea}"`);
  ctx.enqueue(() => {
    setPrintAreaOf(sheet(), areas.join(','));
    return 0;
  }, size(printArea));
}

/**
 * A sheet's AutoFilter (Worksheet.autoFilter, ExcelApi 1.9, learn.microsoft.com/javascript/api/excel/excel.autofilter):
 * its range ("A10:K412") and one criteria object per column, null where the column is not filtered.
 */
export interface FakeFilter {
  range: string;
  criteria: (Record<string, unknown> | null)[];
}
const filters = new WeakMap<FakeSheet, FakeFilter>();
export function autoFilterOf(sheet: FakeSheet): FakeFilter | null {
  return filters.get(sheet) ?? null;
}
export function setAutoFilterOf(sheet: FakeSheet, filter: FakeFilter | null): void {
  if (filter) filters.set(sheet, filter);
  else filters.delete(sheet);
}

/** A conditional format (ConditionalFormat, ExcelApi 1.6) and the areas it applies to ("D12:K412"). */
export interface FakeFormat {
  id: string;
  ranges: string[];
}
const formats = new WeakMap<FakeSheet, FakeFormat[]>();
export function formatsOf(sheet: FakeSheet): FakeFormat[] {
  let list = formats.get(sheet);
  if (!list) formats.set(sheet, (list = []));
  return list;
}

const colsOf = (area: string): [number, number] => {
  const r = parseA1(area);
  return [r.left, r.right];
};

/**
 * Excel moving a sheet's autofilter and conditional formats with a whole-column insert or delete:
 * like references (an insert inside widens them, one at their right edge or beyond leaves them;
 * "Conditional Formatting formulas and ranges will automatically adjust when you copy, delete, or
 * move data", superuser.com/questions/648176). A filtered column keeps its criteria as it moves; a
 * column inserted inside the filter comes unfiltered. Where the docs are silent the double is strict:
 * a filter or format all of whose columns are deleted is gone.
 */
export function shiftSheetRanges(sheet: FakeSheet, shift: ColumnShift): void {
  const filter = autoFilterOf(sheet);
  if (filter) {
    const [left, right] = colsOf(filter.range);
    const moved = shiftFormula(filter.range, sheet.name, shift);
    if (moved.includes('#REF!')) setAutoFilterOf(sheet, null);
    else {
      const at = shift.col - left;
      if (shift.delta === 1 && left < shift.col && shift.col <= right) filter.criteria.splice(at, 0, null);
      if (shift.delta === -1 && left <= shift.col && shift.col <= right) filter.criteria.splice(at, 1);
      filter.range = moved;
    }
  }
  const list = formatsOf(sheet);
  for (const f of list) f.ranges = f.ranges.map((a) => shiftFormula(a, sheet.name, shift)).filter((a) => !a.includes('#REF!'));
  formats.set(sheet, list.filter((f) => f.ranges.length));
  const rules = validationsOf(sheet);
  for (const v of rules) v.ranges = v.ranges.map((a) => shiftFormula(a, sheet.name, shift)).filter((a) => !a.includes('#REF!'));
  validations.set(sheet, rules.filter((v) => v.ranges.length));
}

const ACTIVE = ['criterion1', 'values', 'color', 'dynamicCriteria', 'icon'];
const isActive = (c: Record<string, unknown> | null) => !!c && ACTIVE.some((k) => (Array.isArray(c[k]) ? (c[k] as unknown[]).length > 0 : !!c[k]));

/** Worksheet.autoFilter (1.9). */
export class FakeAutoFilter extends FakeFound<FakeSheet> {
  protected readProperty(name: string): unknown {
    const f = autoFilterOf(this.resolveTarget()!);
    // unfiltered columns as empty criteria objects (the docs do not say; nothing to re-apply either way)
    if (name === 'criteria') return (f?.criteria ?? []).map((c) => ({ ...(c ?? {}) }));
    if (name === 'enabled') return !!f;
    if (name === 'isDataFiltered') return !!f && f.criteria.some(isActive);
    throw new Error(`fake-excel: AutoFilter cannot load ${name}`);
  }

  get criteria(): Record<string, unknown>[] {
    return this.get('criteria');
  }
  get isDataFiltered(): boolean {
    return this.get('isDataFiltered');
  }

  /** getRangeOrNullObject (1.9): the filtered range, sheet-qualified as Excel writes addresses. */
  getRangeOrNullObject(): FakeFilterRange {
    return new FakeFilterRange(this.ctx, () => {
      const sheet = this.resolveTarget()!;
      const f = autoFilterOf(sheet);
      return f ? { sheet, range: f.range } : null;
    });
  }

  /**
   * apply(range, columnIndex?, criteria?) (1.9). Without a column it (re)applies the filter to the
   * range; the docs do not say what becomes of criteria already set, the stricter reading: they are
   * cleared. With a column it filters that column (0-based, inside the range: else InvalidArgument).
   */
  apply(range: unknown, columnIndex?: number, criteria?: Record<string, unknown>): void {
    if (typeof range !== 'string') throw new Error('fake-excel: AutoFilter.apply is modelled with an address string');
    const area = range.replace(/^.*!/, '').replace(/\$/g, '');
    this.ctx.enqueue(() => {
      const sheet = this.resolveTarget()!;
      const [left, right] = colsOf(area);
      let f = autoFilterOf(sheet);
      if (!f || f.range.replace(/\$/g, '') !== area || columnIndex === undefined) {
        f = { range: area, criteria: Array.from({ length: right - left + 1 }, () => null) };
        setAutoFilterOf(sheet, f);
      }
      if (columnIndex !== undefined) {
        if (columnIndex < 0 || columnIndex > right - left || !criteria) throw excelError('InvalidArgument', `column ${columnIndex} of ${area}`);
        f.criteria[columnIndex] = { ...criteria };
      }
      return 0;
    }, size([range, columnIndex, criteria]));
  }
}

export class FakeFilterRange extends FakeFound<{ sheet: FakeSheet; range: string }> {
  protected readProperty(name: string): unknown {
    if (name !== 'address') throw new Error(`fake-excel: Range cannot load ${name}`);
    const { sheet, range } = this.resolveTarget()!;
    return `${sheetRef(sheet.name)}!${range.replace(/\$/g, '')}`;
  }
  get address(): string {
    return this.get('address');
  }
}

/** Range.conditionalFormats (1.6): the formats whose areas intersect the range. */
export class FakeConditionalFormatCollection extends FakeFound<{ sheet: FakeSheet; range: CellRange }> {
  private listed: FakeConditionalFormat[] | null = null;

  private inRange(): FakeFormat[] {
    const { sheet, range } = this.resolveTarget()!;
    return formatsOf(sheet).filter((f) => f.ranges.some((a) => intersects(parseA1(a), range)));
  }

  protected readProperty(name: string): unknown {
    if (name !== 'items/id') throw new Error(`fake-excel: ConditionalFormatCollection cannot load ${name}`);
    return this.inRange().map((f) => f.id);
  }

  get items(): FakeConditionalFormat[] {
    const ids = this.get<string[]>('items/id');
    if (!this.listed || this.listed.length !== ids.length) this.listed = ids.map((id) => this.getItem(id));
    return this.listed;
  }

  /** getItem(id) (1.6): ItemNotFound when no format of the sheet has that id. */
  getItem(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(this.ctx, () => {
      const { sheet } = this.resolveTarget()!;
      const f = formatsOf(sheet).find((x) => x.id === id);
      if (!f) throw excelError('ItemNotFound', `conditional format ${id}`);
      return { sheet, format: f };
    }, id);
  }
}

export class FakeConditionalFormat extends FakeFound<{ sheet: FakeSheet; format: FakeFormat }> {
  constructor(
    ctx: FakeContext,
    find: () => { sheet: FakeSheet; format: FakeFormat } | null,
    readonly id: string,
  ) {
    super(ctx, find);
  }

  protected readProperty(name: string): unknown {
    throw new Error(`fake-excel: ConditionalFormat cannot load ${name}`);
  }

  /** getRanges() (1.9): a RangeAreas of the format's areas, each sheet-qualified. */
  getRanges(): FakeFilterRange {
    this.ctx.requireApi('1.9', 'ConditionalFormat.getRanges');
    return new FakeFilterRange(this.ctx, () => {
      const { sheet, format } = this.resolveTarget()!;
      return { sheet, range: format.ranges.join(`,${sheetRef(sheet.name)}!`) };
    });
  }

  /** setRanges(ranges) (1.17): the format applies to these areas of its sheet from then on. */
  setRanges(ranges: unknown): void {
    this.ctx.requireApi('1.17', 'ConditionalFormat.setRanges');
    if (typeof ranges !== 'string') throw new Error('fake-excel: setRanges is modelled with an address string');
    const areas = ranges.split(',').map((a) => a.replace(/^.*!/, '').replace(/\$/g, '').trim());
    if (areas.some((a) => !/^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/i.test(a))) throw excelError('InvalidArgument', `ranges "${ranges}"`);
    this.ctx.enqueue(() => {
      this.resolveTarget()!.format.ranges = areas;
      return 0;
    }, size(ranges));
  }
}

/**
 * Data validation (Range.dataValidation, ExcelApi 1.8, learn.microsoft.com/javascript/api/excel/excel.datavalidation):
 * a rule, its error alert, prompt and ignoreBlanks, over areas of a sheet. The areas move with column
 * inserts and deletes like the other ranges here (shiftSheetRanges): a column inserted at their right
 * edge is not taken in.
 */
export interface FakeValidation {
  ranges: string[];
  rule: Record<string, unknown>;
  errorAlert: Record<string, unknown>;
  prompt: Record<string, unknown>;
  ignoreBlanks: boolean;
}
const validations = new WeakMap<FakeSheet, FakeValidation[]>();
export function validationsOf(sheet: FakeSheet): FakeValidation[] {
  let list = validations.get(sheet);
  if (!list) validations.set(sheet, (list = []));
  return list;
}

/** The validation of one cell (the latest set wins), or null. */
export function validationAt(sheet: FakeSheet, row: number, col: number): FakeValidation | null {
  const list = validationsOf(sheet);
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i].ranges.some((a) => intersects(parseA1(a), { top: row, bottom: row, left: col, right: col }))) return list[i];
  }
  return null;
}

/** DataValidationRule's one member names the type (excel.datavalidationrule: "You can only use one of them at a time"). */
const TYPES: Record<string, string> = { wholeNumber: 'WholeNumber', decimal: 'Decimal', list: 'List', date: 'Date', time: 'Time', textLength: 'TextLength', custom: 'Custom' };
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Range.dataValidation (1.8). `type` as the DataValidationType enum says: "None" (no validation in the
 * range), "MixedCriteria" (on some but not all cells), "Inconsistent" (different rules on different
 * cells), else the one rule's type. What `rule`, `errorAlert`, `prompt` and `ignoreBlanks` read on a
 * range that is not one rule the docs do not say; the double is strict: null. Setting `rule` over
 * cells that already hold another rule the docs do not allow for either (their sample clears first):
 * InvalidOperation. Setting the alert, prompt or ignoreBlanks where there is no rule: InvalidOperation.
 */
export class FakeDataValidation extends FakeFound<{ sheet: FakeSheet; range: CellRange }> {
  private cells(): (FakeValidation | null)[] {
    const { sheet, range } = this.resolveTarget()!;
    if ((range.bottom - range.top + 1) * (range.right - range.left + 1) > 5_000_000) throw excelError('InvalidOperation', 'range too large');
    const out: (FakeValidation | null)[] = [];
    for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) out.push(validationAt(sheet, r, c));
    return out;
  }

  /** The one validation of every cell (rules equal), or the type saying why not. */
  private one(): FakeValidation | 'None' | 'MixedCriteria' | 'Inconsistent' {
    const cells = this.cells();
    if (cells.every((v) => !v)) return 'None';
    if (cells.some((v) => !v)) return 'MixedCriteria';
    const first = cells[0]!;
    return cells.every((v) => v === first || (same(v!.rule, first.rule) && same(v!.errorAlert, first.errorAlert) && same(v!.prompt, first.prompt) && v!.ignoreBlanks === first.ignoreBlanks)) ? first : 'Inconsistent';
  }

  protected readProperty(name: string): unknown {
    const one = this.one();
    if (name === 'type') return typeof one === 'string' ? one : TYPES[Object.keys(one.rule)[0]];
    if (name === 'rule' || name === 'errorAlert' || name === 'prompt' || name === 'ignoreBlanks') return typeof one === 'string' ? null : JSON.parse(JSON.stringify(one[name]));
    throw new Error(`fake-excel: DataValidation cannot load ${name}`);
  }

  get type(): string {
    return this.get('type');
  }
  get rule(): Record<string, unknown> {
    return this.get('rule');
  }
  get errorAlert(): Record<string, unknown> {
    return this.get('errorAlert');
  }
  get prompt(): Record<string, unknown> {
    return this.get('prompt');
  }
  get ignoreBlanks(): boolean {
    return this.get('ignoreBlanks');
  }

  set rule(rule: Record<string, unknown>) {
    const keys = Object.keys(rule ?? {});
    if (keys.length !== 1 || !TYPES[keys[0]]) throw excelError('InvalidArgument', 'a data validation rule has exactly one criteria member');
    this.ctx.enqueue(() => {
      const { sheet, range } = this.resolveTarget()!;
      if (this.cells().some((v) => v && !same(v.rule, rule))) throw excelError('InvalidOperation', 'the range already has another data validation rule; clear it first');
      validationsOf(sheet).push({ ranges: [a1(range)], rule: JSON.parse(JSON.stringify(rule)), errorAlert: { showAlert: true, style: 'Stop', message: '', title: '' }, prompt: { showPrompt: false, message: '', title: '' }, ignoreBlanks: true });
      return 0;
    }, size(rule));
  }
  set errorAlert(v: Record<string, unknown>) {
    this.setPart('errorAlert', v);
  }
  set prompt(v: Record<string, unknown>) {
    this.setPart('prompt', v);
  }
  set ignoreBlanks(v: boolean) {
    this.setPart('ignoreBlanks', v);
  }

  private setPart(name: 'errorAlert' | 'prompt' | 'ignoreBlanks', v: unknown): void {
    this.ctx.enqueue(() => {
      const { range } = this.resolveTarget()!;
      const one = this.one();
      if (typeof one === 'string') throw excelError('InvalidOperation', `no one data validation rule over ${a1(range)} to set its ${name} on`);
      // modelled only for the validation set over exactly this range (what the add-in does)
      if (one.ranges.length !== 1 || one.ranges[0] !== a1(range)) throw new Error(`fake-excel: ${name} set on part of a validation is not modelled`);
      (one as unknown as Record<string, unknown>)[name] = name === 'ignoreBlanks' ? v : { ...(one[name] as object), ...(v as object) };
      return 0;
    }, size(v));
  }

  /** clear() (1.8): no validation left on the range's cells (modelled for validations wholly inside it). */
  clear(): void {
    this.ctx.enqueue(() => {
      const { sheet, range } = this.resolveTarget()!;
      const list = validationsOf(sheet);
      const inside = (a: string) => {
        const r = parseA1(a);
        return r.top >= range.top && r.bottom <= range.bottom && r.left >= range.left && r.right <= range.right;
      };
      for (const v of list) {
        if (v.ranges.some((a) => intersects(parseA1(a), range) && !inside(a))) throw new Error('fake-excel: clearing part of a validation area is not modelled');
        v.ranges = v.ranges.filter((a) => !inside(a));
      }
      validations.set(sheet, list.filter((v) => v.ranges.length));
      return 0;
    }, 0);
  }
}

