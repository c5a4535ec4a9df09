/**
 * Cell styles in xl/styles.xml for the patcher. A cell's `s` is an index into cellXfs that other
 * cells share, so a change never edits an xf in place and never renumbers: it looks for an identical
 * xf (same serialisation) and otherwise appends one (ECMA-376 Part 1, 18.8.45 xf; 18.8.10 cellXfs).
 * Fills and number formats are found or appended the same way.
 */
import type { OoxmlPackage } from './package';
import { child, children, ensureChild, make, serializeXml, stylesAfter, type Document, type Element } from './xml';

/** Built-in number formats (18.8.30 numFmt) as exceljs names them, so a re-read shows the same text. */
const BUILTIN: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** An exceljs-style fill (what undo records carry in `spec`). */
export interface FillSpec {
  type?: string;
  pattern?: string;
  fgColor?: ColourSpec;
  bgColor?: ColourSpec;
  gradient?: string;
  degree?: number;
  stops?: { position: number; color: ColourSpec }[];
}
interface ColourSpec {
  argb?: string;
  theme?: number;
  tint?: number;
  indexed?: number;
}

export const STYLES_PATH = 'xl/styles.xml';

export class Styles {
  private readonly xfKeys = new Map<string, number>();
  private readonly fillKeys = new Map<string, number>();
  /** Answers already given in this save (xfs are only ever appended, so they stay true). */
  private readonly memo = new Map<string, number>();

  private constructor(
    private readonly pkg: OoxmlPackage,
    private readonly path: string,
    private readonly doc: Document,
  ) {
    children(this.cellXfs(), 'xf').forEach((xf, i) => {
      const key = serializeXml(xf);
      if (!this.xfKeys.has(key)) this.xfKeys.set(key, i);
    });
    children(this.fills(), 'fill').forEach((f, i) => {
      const key = serializeXml(f);
      if (!this.fillKeys.has(key)) this.fillKeys.set(key, i);
    });
  }

  static async open(pkg: OoxmlPackage, path: string): Promise<Styles> {
    return new Styles(pkg, path, await pkg.readXml(path));
  }

  private root(): Element {
    return this.doc.documentElement!;
  }

  private cellXfs(): Element {
    const xfs = ensureChild(this.root(), 'cellXfs', stylesAfter('cellXfs'));
    if (!child(xfs, 'xf')) xfs.appendChild(make(this.doc, 'xf', { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0, xfId: 0 }));
    return xfs;
  }

  private fills(): Element {
    const fills = ensureChild(this.root(), 'fills', stylesAfter('fills'));
    if (!child(fills, 'fill')) {
      // the two fills Excel requires first (18.8.21): none and gray125
      fills.appendChild(patternFill(this.doc, 'none'));
      fills.appendChild(patternFill(this.doc, 'gray125'));
    }
    return fills;
  }

  private xf(s: number): Element {
    const all = children(this.cellXfs(), 'xf');
    return all[s] ?? all[0];
  }

  /** The number format text of style `s` ("General" when none). */
  numberFormat(s: number): string {
    const id = Number(this.xf(s).getAttribute('numFmtId') ?? 0);
    const custom = children(child(this.root(), 'numFmts') ?? this.root(), 'numFmt').find((n) => Number(n.getAttribute('numFmtId')) === id);
    if (custom) return custom.getAttribute('formatCode') ?? 'General';
    return BUILTIN[id] ?? `[builtin ${id}]`;
  }

  private numFmtId(code: string): number {
    const numFmts = child(this.root(), 'numFmts');
    const custom = numFmts ? children(numFmts, 'numFmt') : [];
    const found = custom.find((n) => n.getAttribute('formatCode') === code);
    if (found) return Number(found.getAttribute('numFmtId'));
    const builtin = Object.entries(BUILTIN).find(([, f]) => f === code);
    if (builtin) return Number(builtin[0]);
    // custom ids start at 164 (18.8.30)
    const id = Math.max(163, ...custom.map((n) => Number(n.getAttribute('numFmtId')))) + 1;
    const list = ensureChild(this.root(), 'numFmts', stylesAfter('numFmts'));
    list.appendChild(make(this.doc, 'numFmt', { numFmtId: id, formatCode: code }));
    list.setAttribute('count', String(children(list, 'numFmt').length));
    this.touch();
    return id;
  }

  /** The style `s` with another number format: s itself when it already has it. */
  withNumberFormat(s: number, code: string): number {
    const key = `${s}\u0000nf\u0000${code}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const out = this.numberFormatVariant(s, code);
    this.memo.set(key, out);
    return out;
  }

  private numberFormatVariant(s: number, code: string): number {
    if (this.numberFormat(s) === code) return s;
    const id = this.numFmtId(code);
    return this.variant(s, (xf) => {
      xf.setAttribute('numFmtId', String(id));
      if (id === 0) xf.removeAttribute('applyNumberFormat');
      else xf.setAttribute('applyNumberFormat', '1');
    });
  }

  /** The style `s` with a fill: "#RRGGBB", an exceljs fill spec, or null for none. */
  withFill(s: number, fill: string | FillSpec | null): number {
    const key = `${s}\u0000fill\u0000${JSON.stringify(fill)}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const out = this.fillVariant(s, fill);
    this.memo.set(key, out);
    return out;
  }

  private fillVariant(s: number, fill: string | FillSpec | null): number {
    // a colour gets the background Excel writes with a solid fill; a spec (an undo's exact prior fill) is taken as it is
    const spec: FillSpec | null = typeof fill === 'string' ? { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${fill.replace('#', '').toUpperCase()}` }, bgColor: { indexed: 64 } } : fill;
    const fillId = spec === null ? 0 : this.fillId(spec);
    if (Number(this.xf(s).getAttribute('fillId') ?? 0) === fillId) return s;
    return this.variant(s, (xf) => {
      xf.setAttribute('fillId', String(fillId));
      if (fillId === 0) xf.removeAttribute('applyFill');
      else xf.setAttribute('applyFill', '1');
    });
  }

  /** The style `s` wrapping text at the top of the cell (the print layout's long texts). */
  withWrap(s: number): number {
    return this.variant(s, (xf) => {
      const old = child(xf, 'alignment');
      if (old) xf.removeChild(old);
      const al = make(this.doc, 'alignment', { vertical: 'top', wrapText: 1 });
      if (xf.firstChild) xf.insertBefore(al, xf.firstChild);
      else xf.appendChild(al);
      xf.setAttribute('applyAlignment', '1');
    });
  }

  private fillId(spec: FillSpec): number {
    const f = fillElement(this.doc, spec);
    const key = serializeXml(f);
    const known = this.fillKeys.get(key);
    if (known !== undefined) return known;
    const fills = this.fills();
    fills.appendChild(f);
    const id = children(fills, 'fill').length - 1;
    fills.setAttribute('count', String(id + 1));
    this.fillKeys.set(key, id);
    this.touch();
    return id;
  }

  private variant(s: number, change: (xf: Element) => void): number {
    const xf = this.xf(s).cloneNode(true) as Element;
    change(xf);
    const key = serializeXml(xf);
    const known = this.xfKeys.get(key);
    if (known !== undefined) return known;
    const xfs = this.cellXfs();
    xfs.appendChild(xf);
    const id = children(xfs, 'xf').length - 1;
    xfs.setAttribute('count', String(id + 1));
    this.xfKeys.set(key, id);
    this.touch();
    return id;
  }

  private touch(): void {
    this.pkg.writeXml(this.path, this.doc);
  }
}

function patternFill(doc: Document, type: string): Element {
  const fill = make(doc, 'fill');
  fill.appendChild(make(doc, 'patternFill', { patternType: type }));
  return fill;
}

function colour(doc: Document, name: string, c: ColourSpec | undefined): Element | null {
  if (!c) return null;
  return make(doc, name, { rgb: c.argb, theme: c.theme, tint: c.tint, indexed: c.indexed });
}

/** CT_Fill (18.8.20) from an exceljs fill. */
function fillElement(doc: Document, spec: FillSpec): Element {
  const fill = make(doc, 'fill');
  if (spec.type === 'gradient') {
    const g = make(doc, 'gradientFill', spec.gradient === 'path' ? { type: 'path' } : { degree: spec.degree ?? 0 });
    for (const stop of spec.stops ?? []) {
      const st = make(doc, 'stop', { position: stop.position });
      const c = colour(doc, 'color', stop.color);
      if (c) st.appendChild(c);
      g.appendChild(st);
    }
    fill.appendChild(g);
    return fill;
  }
  const p = make(doc, 'patternFill', { patternType: spec.pattern ?? 'none' });
  const fg = colour(doc, 'fgColor', spec.fgColor);
  const bg = colour(doc, 'bgColor', spec.bgColor);
  if (fg) p.appendChild(fg);
  if (bg) p.appendChild(bg);
  fill.appendChild(p);
  return fill;
}
