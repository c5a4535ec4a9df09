/** The snapshot's sparse extras (fill, note, hyperlink) as the .xlsx host reports them. */
import { cellKey, type CellExtras } from '../core/snapshot';

export class Extras {
  private found: Record<string, CellExtras> = {};

  private at(row: number, col: number): CellExtras {
    return (this.found[cellKey(row, col)] ??= {});
  }

  /** Rows of getCellProperties({format: {fill: {color}}, hyperlink}) starting at worksheet row `top`. */
  addCellProperties(top: number, props: Excel.CellProperties[][]): void {
    props.forEach((line, i) =>
      line.forEach((p, j) => {
        // Excel reports "no fill" as white, so a white fill is not told apart from none.
        const colour = p.format?.fill?.color;
        const fill = colour && !/^#?FFFFFF$/i.test(colour) ? `#${colour.replace('#', '').toUpperCase()}` : null;
        const link = p.hyperlink ? linkTargetOf(p.hyperlink) : null;
        if (!fill && !link) return;
        const e = this.at(top + i, j + 1);
        if (fill) e.fill = fill;
        if (link) e.hyperlink = link;
      }),
    );
  }

  addNote(row: number, col: number, content: string): void {
    this.at(row, col).note = content;
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

/** "#'01'!A1" for a link inside the workbook, the address ("file.xlsx#'01'!A1", a URL) otherwise. */
export function linkTargetOf(h: Excel.RangeHyperlink): string | null {
  if (h.documentReference) return `#${h.documentReference.replace(/^#/, '')}`;
  return h.address || null;
}
