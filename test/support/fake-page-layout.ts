/**
 * Page setup in the strict Excel double: Worksheet.pageLayout (ExcelApi 1.9) and the alignment part
 * of Range.format (wrapText, verticalAlignment; ExcelApi 1.1), as far as the add-in uses them.
 * Sources: https://learn.microsoft.com/javascript/api/excel/excel.pagelayout, excel.pagelayoutzoomoptions,
 * excel.headerfootergroup, excel.headerfooter and @types/office-js; where they are silent, the stricter
 * reading (said at each rule). State lives beside the model (one setup per sheet object), read back by
 * tests with pageSetupOf / alignmentOf.
 */
import type { CellRange } from '../../src/core/snapshot';
import { excelError, FakeChild, type FakeObject } from './fake-excel-base';
import { MAX_COLS, MAX_ROWS, type FakeSheet } from './fake-excel-model';
import type { FakeContext } from './fake-excel';
import { FakePrintArea, queueSetPrintArea } from './fake-excel-ranges';

export interface PageSetup {
  orientation: 'Portrait' | 'Landscape';
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** Rows repeated at the top of each printed page (1-based, inclusive), or null. */
  printTitleRows: { top: number; bottom: number } | null;
  /** Margins in points, once set. */
  margins: Record<string, number> | null;
  headers: Record<string, string>;
}

/** A new sheet's setup: portrait, 100 %, nothing repeated. The paper of a new sheet follows the
 *  printer/locale; the double says Letter, so that only an explicit A4 reads back as A4. */
const fresh = (): PageSetup => ({ orientation: 'Portrait', paperSize: 'Letter', zoom: { scale: 100 }, printTitleRows: null, margins: null, headers: {} });

const setups = new WeakMap<FakeSheet, PageSetup>();
export function pageSetupOf(sheet: FakeSheet): PageSetup {
  let s = setups.get(sheet);
  if (!s) setups.set(sheet, (s = fresh()));
  return s;
}

export interface Alignment {
  wrapText?: boolean;
  verticalAlignment?: string;
}
const alignments = new WeakMap<FakeSheet, Map<string, Alignment>>();
export function alignmentOf(sheet: FakeSheet, row: number, col: number): Alignment {
  return alignments.get(sheet)?.get(`${row},${col}`) ?? {};
}

/** Excel.VerticalAlignment. */
const VERTICAL = new Set(['Center', 'Bottom', 'Top', 'Justify', 'Distributed']);

/** Range.format.wrapText / verticalAlignment on every cell of the range (queued, applied at sync). */
export function setAlignment(ctx: FakeContext, range: () => { sheet: FakeSheet; range: CellRange }, change: Alignment): void {
  if (change.verticalAlignment !== undefined && !VERTICAL.has(change.verticalAlignment)) {
    throw excelError('InvalidArgument', `verticalAlignment "${change.verticalAlignment}" is not an Excel.VerticalAlignment`);
  }
  ctx.enqueue(() => {
    const { sheet, range: r } = range();
    let map = alignments.get(sheet);
    if (!map) alignments.set(sheet, (map = new Map()));
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) map.set(`${row},${col}`, { ...map.get(`${row},${col}`), ...change });
    }
    return 0;
  }, 30);
}

/** Excel.PaperType values (@types/office-js, PageLayout.paperSize). */
const PAPER = new Set(['Letter', 'LetterSmall', 'Tabloid', 'Ledger', 'Legal', 'Statement', 'Executive', 'A3', 'A4', 'A4Small', 'A5', 'B4', 'B5', 'Folio', 'Quatro', 'Paper10x14', 'Paper11x17', 'Note', 'Envelope9', 'Envelope10', 'Envelope11', 'Envelope12', 'Envelope14', 'Csheet', 'Dsheet', 'Esheet', 'EnvelopeDL', 'EnvelopeC5', 'EnvelopeC3', 'EnvelopeC4', 'EnvelopeC6', 'EnvelopeC65', 'EnvelopeB4', 'EnvelopeB5', 'EnvelopeB6', 'EnvelopeItaly', 'EnvelopeMonarch', 'EnvelopePersonal', 'FanfoldUS', 'FanfoldStdGerman', 'FanfoldLegalGerman']);
const POINTS_PER = { Points: 1, Inches: 72, Centimeters: 72 / 2.54 } as const;
/** Excel's page setup refuses a header/footer section over 255 characters (the Office.js reference is silent: stricter). */
const SECTION_MAX = 255;

interface SheetOwner extends FakeObject {
  sheet(): FakeSheet;
}

export class FakePageLayout extends FakeChild<SheetOwner> {
  readonly headersFooters: FakeHeaderFooterGroup;

  constructor(ctx: FakeContext, parent: SheetOwner) {
    super(ctx, parent);
    this.headersFooters = new FakeHeaderFooterGroup(ctx, this);
  }

  setup(): PageSetup {
    return pageSetupOf(this.parent.sheet());
  }

  protected readProperty(name: string): unknown {
    const s = this.setup();
    if (name === 'orientation') return s.orientation;
    if (name === 'paperSize') return s.paperSize;
    if (name === 'zoom') return { ...s.zoom };
    throw new Error(`fake-excel: PageLayout cannot load ${name}`);
  }

  private change(bytes: number, run: (s: PageSetup) => void): void {
    this.ctx.enqueue(() => {
      run(this.setup());
      return 0;
    }, bytes);
  }

  get orientation(): string {
    return this.get('orientation');
  }
  set orientation(v: string) {
    if (v !== 'Portrait' && v !== 'Landscape') throw excelError('InvalidArgument', `orientation "${v}" is not an Excel.PageOrientation`);
    this.change(30, (s) => (s.orientation = v));
  }

  get paperSize(): string {
    return this.get('paperSize');
  }
  set paperSize(v: string) {
    if (!PAPER.has(v)) throw excelError('InvalidArgument', `paperSize "${v}" is not an Excel.PaperType`);
    this.change(30, (s) => (s.paperSize = v));
  }

  get zoom(): PageSetup['zoom'] {
    return this.get('zoom');
  }
  /**
   * PageLayoutZoomOptions: "scale … between 10 and 400 … can be null if fit to page tall or wide is
   * specified"; the fit counts "can be null if percentage scale is used". Both at once: refused
   * (stricter). A fit count alone leaves the scaling as it was: Excel did not apply
   * `{ horizontalFitToPages: 1 }` alone (OfficeDev/office-js#1860). Counts are whole numbers ≥ 0, 0 =
   * automatic (the file format's fitToWidth/fitToHeight, ECMA-376 Part 1, 18.3.1.63).
   */
  set zoom(z: PageSetup['zoom']) {
    const fit = [z.horizontalFitToPages, z.verticalFitToPages];
    if (z.scale !== undefined && z.scale !== null && fit.some((n) => n !== undefined && n !== null)) throw excelError('InvalidArgument', 'zoom: a scale or fit-to-pages counts, not both');
    if (z.scale !== undefined && z.scale !== null && !(Number.isInteger(z.scale) && z.scale >= 10 && z.scale <= 400)) throw excelError('InvalidArgument', `zoom scale ${z.scale} is not between 10 and 400`);
    for (const n of fit) if (n !== undefined && n !== null && !(Number.isInteger(n) && n >= 0)) throw excelError('InvalidArgument', `zoom: ${n} pages`);
    this.change(60, (s) => {
      if (typeof z.scale === 'number') s.zoom = { scale: z.scale };
      else if (typeof z.horizontalFitToPages === 'number' && typeof z.verticalFitToPages === 'number') {
        s.zoom = { horizontalFitToPages: z.horizontalFitToPages, verticalFitToPages: z.verticalFitToPages };
      }
    });
  }

  /** "The range must span the entire row to be valid" (@types/office-js): "$1:$4", "1:4" or a whole-row Range. */
  setPrintTitleRows(rows: string | { at(): { sheet: FakeSheet; range: CellRange } }): void {
    let parsed: { top: number; bottom: number } | null = null;
    if (typeof rows === 'string') {
      const m = /^(?:.*!)?\$?(\d+):\$?(\d+)$/.exec(rows);
      if (m) parsed = { top: Number(m[1]), bottom: Number(m[2]) };
    }
    if (typeof rows === 'string' && (!parsed || parsed.top < 1 || parsed.bottom < parsed.top || parsed.bottom > MAX_ROWS)) {
      throw excelError('InvalidArgument', `print title rows "${rows}" do not span entire rows`);
    }
    this.change(40, (s) => {
      if (typeof rows !== 'string') {
        const { range } = rows.at();
        if (range.left !== 1 || range.right !== MAX_COLS) throw excelError('InvalidArgument', 'print title rows do not span entire rows');
        parsed = { top: range.top, bottom: range.bottom };
      }
      s.printTitleRows = parsed;
    });
  }

  /** getPrintAreaOrNullObject / setPrintArea (1.9): in fake-excel-ranges.ts, which moves them with columns. */
  getPrintAreaOrNullObject(): FakePrintArea {
    return new FakePrintArea(this.ctx, () => this.parent.sheet());
  }
  setPrintArea(area: unknown): void {
    queueSetPrintArea(this.ctx, () => this.parent.sheet(), area);
  }

  /** PageLayout.setPrintMargins(unit, options): "Margins not provided remain unchanged". */
  setPrintMargins(unit: string, options: Record<string, number>): void {
    const per = POINTS_PER[unit as keyof typeof POINTS_PER];
    if (!per) throw excelError('InvalidArgument', `margin unit "${unit}" is not an Excel.PrintMarginUnit`);
    const known = new Set(['top', 'bottom', 'left', 'right', 'header', 'footer']);
    for (const [k, v] of Object.entries(options)) {
      if (!known.has(k)) throw excelError('InvalidArgument', `no margin "${k}"`);
      if (typeof v !== 'number' || v < 0) throw excelError('InvalidArgument', `margin ${k} ${v}`);
    }
    this.change(80, (s) => {
      s.margins = { ...s.margins };
      for (const [k, v] of Object.entries(options)) s.margins[k] = Math.round(v * per * 100) / 100;
    });
  }
}

export class FakeHeaderFooterGroup extends FakeChild<FakePageLayout> {
  /** "The general header/footer, used for all pages unless even/odd or first page is specified." */
  readonly defaultForAllPages: FakeHeaderFooter;
  constructor(ctx: FakeContext, parent: FakePageLayout) {
    super(ctx, parent);
    this.defaultForAllPages = new FakeHeaderFooter(ctx, this, parent);
  }
  protected readProperty(name: string): unknown {
    throw new Error(`fake-excel: HeaderFooterGroup cannot load ${name}`);
  }
}

const SECTIONS = ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'] as const;

export class FakeHeaderFooter extends FakeChild<FakeHeaderFooterGroup> {
  constructor(
    ctx: FakeContext,
    parent: FakeHeaderFooterGroup,
    private readonly layout: FakePageLayout,
  ) {
    super(ctx, parent);
    for (const name of SECTIONS) {
      Object.defineProperty(this, name, {
        get: () => this.get(name),
        set: (text: string) => this.setSection(name, text),
      });
    }
  }
  protected readProperty(name: string): unknown {
    if (!(SECTIONS as readonly string[]).includes(name)) throw new Error(`fake-excel: HeaderFooter cannot load ${name}`);
    return this.layout.setup().headers[name] ?? '';
  }
  private setSection(name: string, text: string): void {
    if (typeof text !== 'string') throw excelError('InvalidArgument', `${name} must be text`);
    if (text.length > SECTION_MAX) throw excelError('InvalidArgument', `${name}: ${text.length} characters, at most ${SECTION_MAX}`);
    this.ctx.enqueue(() => {
      this.layout.setup().headers[name] = text;
      return 0;
    }, text.length * 3 + 20);
  }
}
