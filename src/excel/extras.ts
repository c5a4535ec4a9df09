/** The snapshot's sparse extras (fill, note, hyperlink) as the .xlsx host reports them. */
import { cellKey, type CellExtras } from '../core/snapshot';
import type { CellAt } from '../core/host';
import { toRects } from './rects';
import { PAYLOAD_BUDGET_BYTES } from './payload';

/** Fill colour and hyperlink of a cell from getCellProperties (ExcelApi 1.9), JSON bytes per cell. */
const CELL_PROPERTIES: Excel.CellPropertiesLoadOptions = { format: { fill: { color: true } }, hyperlink: true };
const PROPERTY_BYTES_PER_CELL = 120;

export class Extras {
  private found: Record<string, CellExtras> = {};

  private at(row: number, col: number): CellExtras {
    return (this.found[cellKey(row, col)] ??= {});
  }

  /** Rows of getCellProperties({format: {fill: {color}}, hyperlink}) from worksheet row `top`, column `left`. */
  addCellProperties(top: number, left: number, props: Excel.CellProperties[][]): void {
    props.forEach((line, i) =>
      line.forEach((p, j) => {
        // Excel reports "no fill" as white, so a white fill is not told apart from none.
        const colour = p.format?.fill?.color;
        const fill = colour && !/^#?FFFFFF$/i.test(colour) ? `#${colour.replace('#', '').toUpperCase()}` : null;
        const link = p.hyperlink ? linkTargetOf(p.hyperlink) : null;
        if (!fill && !link) return;
        const e = this.at(top + i, left + j);
        if (fill) e.fill = fill;
        if (link) e.hyperlink = link;
      }),
    );
  }

  addNote(row: number, col: number, content: string): void {
    this.at(row, col).note = content;
  }

  all(): Record<string, CellExtras> {
    return this.found;
  }

  /** The extras inside the snapshot's final extent (rows × cols), or null when there are none. */
  result(rows: number, cols: number): Record<string, CellExtras> | null {
    const inside = Object.entries(this.found).filter(([k]) => {
      const [r, c] = k.split(',').map(Number);
      return r <= rows && c <= cols;
    });
    return inside.length ? Object.fromEntries(inside) : null;
  }
}

/**
 * "#'01'!A1" for a link inside the workbook, the address ("file.xlsx#'01'!A1", a URL) otherwise.
 * `address` is the file or web page, `documentReference` the place (RangeHyperlink); a link to a
 * place in another file may come with both, and is that file's link, not one inside this workbook.
 */
export function linkTargetOf(h: Excel.RangeHyperlink): string | null {
  const place = h.documentReference?.replace(/^#/, '');
  if (h.address && place) return `${h.address}#${place}`;
  if (place) return `#${place}`;
  return h.address || null;
}

/**
 * @requires ExcelApi 1.9 (callers check features.rangeAreas)
 * Fills and links of the given cells, by sheet: the cells grouped
 * into rectangles, one getCellProperties each, one sync per payload budget (one for most plans).
 */
export async function readCellExtras(context: Excel.RequestContext, cells: CellAt[], budget = PAYLOAD_BUDGET_BYTES): Promise<Record<string, Record<string, CellExtras>>> {
  const bySheet = new Map<string, Map<string, CellAt>>();
  for (const c of cells) {
    const list = bySheet.get(c.sheet) ?? new Map<string, CellAt>();
    bySheet.set(c.sheet, list.set(cellKey(c.row, c.col), c));
  }
  const rects = [...bySheet].flatMap(([sheet, list]) => toRects([...list.values()]).map((r) => ({ sheet, ...r })));
  const found = new Map<string, Extras>();
  let i = 0;
  while (i < rects.length) {
    const batch: { sheet: string; top: number; left: number; props: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
    for (let bytes = 0; i < rects.length && (batch.length === 0 || bytes < budget); i++) {
      const r = rects[i];
      const range = context.workbook.worksheets.getItem(r.sheet).getRangeByIndexes(r.top - 1, r.left - 1, r.items.length, r.items[0].length);
      batch.push({ sheet: r.sheet, top: r.top, left: r.left, props: range.getCellProperties(CELL_PROPERTIES) });
      bytes += r.items.length * r.items[0].length * PROPERTY_BYTES_PER_CELL;
    }
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload budget of cells
    await context.sync();
    for (const b of batch) {
      const extras = found.get(b.sheet) ?? new Extras();
      found.set(b.sheet, extras);
      extras.addCellProperties(b.top, b.left, b.props.value);
    }
  }
  return Object.fromEntries([...found].map(([sheet, e]) => [sheet, e.all()]));
}
