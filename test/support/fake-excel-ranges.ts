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
import { excelError, FakeFound, FakeObject, sheetRef, size } from './fake-excel-base';
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
