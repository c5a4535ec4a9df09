/** A read-only grid of one worksheet snapshot, with the highlighted cell scrolled into view. */
import { useEffect, useRef } from 'react';
import { cellAddress, cellKey, columnLetter, type GridSnapshot } from '../core/snapshot';
import { displayValue } from './display';

interface Props {
  snapshot: GridSnapshot;
  /** "F101" of the highlighted cell on this sheet, or null. */
  highlight: string | null;
}

export function Grid({ snapshot, highlight }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = useRef<string | null>(null);
  useEffect(() => {
    const grid = ref.current;
    // Scroll only when the highlight moves: a re-read after a command or an undo keeps the grid where it is.
    if (highlight === shown.current) return;
    shown.current = highlight;
    const cell = highlight ? grid?.querySelector(`[data-address="${highlight}"]`) : null;
    if (!grid || !cell) return;
    // Centre the row; scroll sideways only when the cell is hidden (under the sticky row numbers).
    const g = grid.getBoundingClientRect();
    const c = cell.getBoundingClientRect();
    // Row numbers and the frozen column A hide what scrolls under them.
    const rowHeader = (grid.querySelector('tbody th')?.getBoundingClientRect().width ?? 0) + (grid.querySelector('tbody td')?.getBoundingClientRect().width ?? 0);
    grid.scrollTop += c.top - g.top - g.height / 2;
    if (c.left < g.left + rowHeader) grid.scrollLeft -= g.left + rowHeader - c.left;
    else if (c.right > g.right) grid.scrollLeft += c.right - g.right;
  }, [highlight, snapshot]);
  const width = snapshot.values[0]?.length ?? 0;
  const cols = Array.from({ length: width }, (_, i) => snapshot.origin.col + i);
  return (
    <div className="grid" ref={ref} data-testid="grid" data-sheet={snapshot.sheet} tabIndex={0} role="region" aria-label={snapshot.sheet}>
      <table>
        <thead>
          <tr>
            <th className="corner" />
            {cols.map((c) => (
              <th key={c}>{columnLetter(c)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {snapshot.values.map((line, r) => {
            const row = snapshot.origin.row + r;
            return (
              <tr key={row}>
                <th>{row}</th>
                {line.map((value, c) => {
                  const col = snapshot.origin.col + c;
                  const address = cellAddress(row, col);
                  const extras = snapshot.extras?.[cellKey(row, col)];
                  const classes = [address === highlight ? 'highlight' : '', typeof value === 'number' ? 'num' : '', extras?.note ? 'noted' : '', extras?.hyperlink ? 'link' : '']
                    .filter(Boolean)
                    .join(' ');
                  return (
                    <td
                      key={col}
                      data-address={address}
                      className={classes || undefined}
                      style={extras?.fill ? { backgroundColor: extras.fill } : undefined}
                      title={extras?.note ?? snapshot.formulas[r]?.[c] ?? undefined}
                    >
                      {displayValue(value, snapshot.numberFormats[r]?.[c] ?? null)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
