/** Range, its format and fill, and RangeAreas of the strict Excel double. */
import type { CellRange } from '../../src/core/snapshot';
import { cellAddress } from '../../src/core/snapshot';
import { eachCell, FakeSheet, intersects, MAX_COLS, MAX_ROWS, splitLink, type FakeLink } from './fake-excel-model';
import { a1, excelError, FakeChild, FakeClientResult, FakeFound, parseA1, parseEntry, sheetRef, size } from './fake-excel-base';
import type { FakeContext } from './fake-excel';
import { setAlignment } from './fake-page-layout';
import { FakeConditionalFormatCollection, FakeDataValidation } from './fake-excel-ranges';

export interface RangeTarget {
  sheet: FakeSheet;
  range: CellRange;
}

function grid<T>(sheet: FakeSheet, range: CellRange, f: (s: FakeSheet, row: number, col: number) => T): T[][] {
  if ((range.bottom - range.top + 1) * (range.right - range.left + 1) > 5_000_000) throw excelError('InvalidOperation', 'range too large to load');
  const out: T[][] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    const line: T[] = [];
    for (let c = range.left; c <= range.right; c++) line.push(f(sheet, r, c));
    out.push(line);
  }
  return out;
}

/** A loadable scalar property of the range `range` of `sheet`, as Excel returns it. */
function rangeProperty(sheet: FakeSheet, range: CellRange, name: string): unknown {
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
      return grid(sheet, range, (s, r, c) => (s.isHiddenByMerge(r, c) ? '' : (s.cell(r, c).value ?? '')));
    case 'formulas':
      return grid(sheet, range, (s, r, c) => (s.isHiddenByMerge(r, c) ? '' : (s.cell(r, c).formula ?? s.cell(r, c).value ?? '')));
    case 'numberFormat':
      return grid(sheet, range, (s, r, c) => s.cell(r, c).numberFormat);
    case 'hyperlink': {
      const link = sheet.cell(range.top, range.left).hyperlink;
      return link ? { ...link, textToDisplay: String(sheet.cell(range.top, range.left).value ?? '') } : null;
    }
    default:
      throw new Error(`fake-excel: Range cannot load ${name}`);
  }
}

export class FakeRange extends FakeFound<RangeTarget> {
  readonly format: FakeRangeFormat;

  constructor(ctx: FakeContext, find: () => RangeTarget | null) {
    super(ctx, find);
    this.format = new FakeRangeFormat(ctx, this);
  }

  /** Range.conditionalFormats (1.6): the formats intersecting the range (fake-excel-ranges.ts). */
  get conditionalFormats(): FakeConditionalFormatCollection {
    return new FakeConditionalFormatCollection(this.ctx, () => this.at());
  }

  /** Range.dataValidation (1.8): the validation of the range's cells (fake-excel-ranges.ts). */
  get dataValidation(): FakeDataValidation {
    this.ctx.requireApi('1.8', 'Range.dataValidation');
    return new FakeDataValidation(this.ctx, () => this.resolveTarget());
  }

  at(): RangeTarget {
    const t = this.resolveTarget();
    if (!t) throw excelError('InvalidOperation', 'operation on a null range object');
    return t;
  }

  protected readProperty(name: string): unknown {
    const { sheet, range } = this.at();
    return rangeProperty(sheet, range, name);
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
      // A write Excel refuses though the verify read could not tell (protection, a co-author's change).
      const refused = this.ctx.excel.refuseWrite?.(s.name, r, c);
      if (refused) throw refused;
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
      const stored = storedLink(link);
      eachCell(range, (r, c) => {
          const cell = sheet.cell(r, c);
          const shown = link.textToDisplay ?? (cell.value === null && !cell.formula ? (link.documentReference ?? link.address ?? '') : cell.value);
          sheet.put(r, c, { hyperlink: stored, value: shown });
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
      const { sheet, range } = this.at();
      const value = grid(sheet, range, (s, r, c) => {
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

  /**
   * The intersection with another range or an address on this range's sheet (ExcelApi 1.4); a null
   * object when they do not intersect ("If no intersection is found, then this method returns an
   * object with its `isNullObject` property set to `true`", @types/office-js, ExcelApi 1.4).
   */
  getIntersectionOrNullObject(other: FakeRange | string): FakeRange {
    if (typeof other === 'string') parseA1(other);
    return new FakeRange(this.ctx, () => {
      const a = this.resolveTarget();
      if (!a) return this.ctx.nullChain('Range.getIntersectionOrNullObject');
      const b = typeof other === 'string' ? { sheet: a.sheet, range: parseA1(other) } : other.at();
      const r = { top: Math.max(a.range.top, b.range.top), left: Math.max(a.range.left, b.range.left), bottom: Math.min(a.range.bottom, b.range.bottom), right: Math.min(a.range.right, b.range.right) };
      if (a.sheet !== b.sheet || r.top > r.bottom || r.left > r.right) return null;
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
      if (!this.resolveTarget()) return this.ctx.nullChain('Range.getMergedAreasOrNullObject');
      const { sheet, range } = this.at();
      // Only areas whose top-left cell lies inside the queried range (office-js#3611, open, reproduced
      // on Windows desktop and the web; #1590 reported an older form). Areas reaching in from above or
      // the left are not returned.
      const areas = sheet.merges.filter((m) => m.top >= range.top && m.top <= range.bottom && m.left >= range.left && m.left <= range.right);
      const limit = this.ctx.excel.options.mergedAreaLimit ?? 512;
      if (areas.length > limit) throw excelError('GeneralException', `more than ${limit} merged areas`);
      return areas.length ? { sheet, areas } : null;
    });
  }

  /** Formula cells, or constants of one kind (numbers), as Excel lists them: runs on a row, joined
   *  down while the same columns repeat on the next row; null object when there are none ("If no
   *  special cells are found, then this method returns an object with its isNullObject property set
   *  to true", @types/office-js, ExcelApi 1.9). Asked of a null range (an empty sheet's
   *  getUsedRangeOrNullObject), the docs are silent: see FakeExcelOptions.nullChains. */
  getSpecialCellsOrNullObject(cellType: 'Formulas' | 'Constants', valueType?: 'Numbers' | 'Text' | 'Logical' | 'Errors'): FakeRangeAreas {
    this.ctx.requireApi('1.9', 'Range.getSpecialCellsOrNullObject');
    return new FakeRangeAreas(this.ctx, () => {
      if (!this.resolveTarget()) return this.ctx.nullChain('Range.getSpecialCellsOrNullObject');
      return this.specialCells(cellType, valueType);
    });
  }

  /** The same, but "If no special cells are found, an ItemNotFound error will be thrown"
   *  (@types/office-js Range.getSpecialCells, ExcelApi 1.9; excel-add-ins-ranges-special-cells.md). */
  getSpecialCells(cellType: 'Formulas' | 'Constants', valueType?: 'Numbers' | 'Text' | 'Logical' | 'Errors'): FakeRangeAreas {
    this.ctx.requireApi('1.9', 'Range.getSpecialCells');
    return new FakeRangeAreas(this.ctx, () => {
      const found = this.specialCells(cellType, valueType);
      if (!found) throw excelError('ItemNotFound', 'No cells were found.');
      return found;
    });
  }

  private specialCells(cellType: 'Formulas' | 'Constants', valueType?: string): { sheet: FakeSheet; areas: CellRange[] } | null {
    const { sheet, range } = this.at();
    const hit = (r: number, c: number) => {
      const cell = sheet.cell(r, c);
      if (sheet.isHiddenByMerge(r, c) || (cell.value === null && !cell.formula)) return false;
      if (cellType === 'Formulas') return !!cell.formula;
      if (cell.formula) return false;
      const kind = typeof cell.value === 'number' ? 'Numbers' : typeof cell.value === 'boolean' ? 'Logical' : 'Text';
      return !valueType || valueType === kind;
    };
    const areas: CellRange[] = [];
    const open = new Map<string, CellRange>();
    const last = Math.min(range.bottom, sheet.usedRange(true)?.bottom ?? 0);
    for (let r = range.top; r <= last; r++) {
      for (let c = range.left; c <= range.right; c++) {
        if (!hit(r, c)) continue;
        let right = c;
        while (right + 1 <= range.right && hit(r, right + 1)) right++;
        const above = open.get(`${c}:${right}`);
        if (above && above.bottom === r - 1) above.bottom = r;
        else {
          const area = { top: r, left: c, bottom: r, right };
          areas.push(area);
          open.set(`${c}:${right}`, area);
        }
        c = right;
      }
    }
    // The docs name no limit on the areas of a special-cells query. Excel's own SpecialCells (VBA)
    // returned the whole range above 8,192 areas up to Excel 2007 (Microsoft KB 832293, fixed in Excel
    // 2010); the double takes the stricter reading for Office.js: the query fails the batch.
    const limit = this.ctx.excel.options.specialCellsAreaLimit ?? 8192;
    if (areas.length > limit) throw excelError('GeneralException', `more than ${limit} special-cell areas`);
    return areas.length ? { sheet, areas } : null;
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
      this.ctx.changed(sheet, range, 'ColumnInserted');
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
      this.ctx.changed(sheet, range, 'ColumnDeleted');
      return 0;
    }, 20);
  }

  copyFrom(source: FakeRange | string, copyType: 'All' | 'Formats' = 'All'): void {
    this.ctx.requireApi('1.9', 'Range.copyFrom');
    if (copyType !== 'Formats') throw new Error('fake-excel: only copyFrom(…, "Formats") is modelled');
    this.ctx.enqueue(() => {
      const dst = this.at();
      const src = typeof source === 'string' ? { sheet: dst.sheet, range: parseA1(source) } : source.at();
      // "copyFrom has the same limitation as UI behavior" (Microsoft on office-js#4800): the UI refuses
      // to paste into part of a merged cell. Copying a selection that cuts a merged area is refused
      // too here (the docs are silent; the stricter reading).
      const cuts = (t: RangeTarget) =>
        t.sheet.merges.some((m) => intersects(m, t.range) && !(m.top >= t.range.top && m.bottom <= t.range.bottom && m.left >= t.range.left && m.right <= t.range.right));
      if (cuts(dst) || cuts(src)) throw excelError('InvalidOperation', 'Cannot change part of a merged cell.');
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

/**
 * A link as Excel stores it (see splitLink in fake-excel-model.ts): "file#place" written as an address
 * comes back split. Refused (InvalidArgument, failing the batch) where the docs give no meaning and
 * the stricter reading is that it does not work: both parts set by the caller ("wouldn't both be set
 * for the same hyperlink", office-scripts-docs-reference#323), and an address that names a place in
 * this workbook ("#'01'!A1": an address "sends the user to an external URL"; such a place is a
 * documentReference). An address without "#" is a web page or a file, even when it reads like a
 * sheet ("'01'!A1" is a file of that name): it never becomes a place in this workbook.
 */
function storedLink(link: FakeLink): FakeLink {
  if (link.address !== undefined && link.documentReference !== undefined) {
    throw excelError('InvalidArgument', 'a hyperlink has either an address or a documentReference');
  }
  if (link.address?.startsWith('#')) throw excelError('InvalidArgument', `the address "${link.address}" names no file or web page (a place in this workbook is a documentReference)`);
  const target = link.address !== undefined ? splitLink(link.address) : { documentReference: link.documentReference };
  return { ...target, ...(link.screenTip !== undefined ? { screenTip: link.screenTip } : {}) };
}

export class FakeRangeFormat extends FakeChild<FakeRange> {
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
  /** Range.format.wrapText / verticalAlignment (ExcelApi 1.1), kept in fake-page-layout.ts. */
  set wrapText(v: boolean) {
    setAlignment(this.ctx, () => this.parent.at(), { wrapText: v });
  }
  set verticalAlignment(v: string) {
    setAlignment(this.ctx, () => this.parent.at(), { verticalAlignment: v });
  }
  set columnWidth(points: number) {
    this.ctx.enqueue(() => {
      const { sheet, range } = this.parent.at();
      for (let c = range.left; c <= range.right; c++) sheet.widths.set(c, points);
      return 0;
    }, 20);
  }
}

export function standardPoints(sheet: FakeSheet): number {
  return Math.round((sheet.standardWidth * 7 + 5) * 0.75 * 100) / 100;
}

export class FakeRangeFill extends FakeChild<FakeRange> {
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

/** One rectangle of a RangeAreas' `areas` (RangeCollection, ExcelApi 1.9), with what was loaded of it. */
export class FakeArea {
  constructor(private readonly loaded: Map<string, unknown>) {}
  private get<T>(name: string): T {
    if (!this.loaded.has(name)) throw excelError('PropertyNotLoaded', `The property '${name}' is not available. Call load('areas/items/${name}') and context.sync() before reading it.`);
    return this.loaded.get(name) as T;
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
}

/**
 * RangeAreas (ExcelApi 1.9): `address` ("Sheet1!A1:B4, Sheet1!D1:D4", @types/office-js), `areaCount`,
 * and its `areas` (RangeCollection, 1.9) loaded through the navigation path in the same batch:
 * `load('areas/items/formulas')` gives each rectangle's formulas, as a collection's `items/…` load
 * does (@types/office-js RangeCollection.load: "propertyNamesAndPaths"). Each loaded property of the
 * areas counts in the response as an array over the areas.
 */
export class FakeRangeAreas extends FakeFound<{ sheet: FakeSheet; areas: CellRange[] }> {
  private listed: FakeArea[] | null = null;

  protected readProperty(name: string): unknown {
    const t = this.resolveTarget()!;
    if (name === 'address') return t.areas.map((r) => `${sheetRef(t.sheet.name)}!${a1(r)}`).join(', ');
    if (name === 'areaCount') return t.areas.length;
    const m = /^areas\/items\/(address|rowIndex|columnIndex|rowCount|columnCount|values|formulas|numberFormat)$/.exec(name);
    if (!m) throw new Error(`fake-excel: RangeAreas cannot load ${name}`);
    return t.areas.map((r) => rangeProperty(t.sheet, r, m[1]));
  }
  get address(): string {
    return this.get('address');
  }
  get areaCount(): number {
    return this.get('areaCount');
  }
  /** The areas with what `areas/items/…` loaded (PropertyNotLoaded for the rest). */
  get areas(): { items: FakeArea[] } {
    if (!this.listed) {
      const props = ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'values', 'formulas', 'numberFormat'];
      const loaded = new Map<string, unknown[]>();
      for (const p of props) {
        try {
          loaded.set(p, this.get<unknown[]>(`areas/items/${p}`));
        } catch {
          /* not loaded */
        }
      }
      if (!loaded.size) throw excelError('PropertyNotLoaded', "The property 'areas' is not available. Call load('areas/items/…') and context.sync() before reading it.");
      const count = [...loaded.values()][0].length;
      this.listed = Array.from({ length: count }, (_, i) => new FakeArea(new Map([...loaded].map(([k, v]) => [k, v[i]]))));
    }
    return { items: this.listed };
  }
}
