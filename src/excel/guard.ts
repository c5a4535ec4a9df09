/**
 * Tells the add-in's own writes apart from the user's: onChanged fires for both, some time after the
 * sync. While a plan is applied, and for a short while after, changes inside written ranges are ours.
 */
import type { CellRange } from '../core/snapshot';
import { parseRange } from './address';

export const ECHO_WINDOW_MS = 3000;

export class WriteGuard {
  private active = 0;
  private recent: { sheet: string; range: CellRange | null; until: number }[] = [];

  constructor(private readonly now: () => number = () => Date.now()) {}

  begin(): void {
    this.active++;
  }

  end(): void {
    this.active = Math.max(0, this.active - 1);
    const until = this.now() + ECHO_WINDOW_MS;
    for (const r of this.recent) if (r.until === Infinity) r.until = until;
  }

  /** A range the add-in is writing; null for whole-sheet changes (insert/delete column, new sheet). */
  note(sheet: string, range: CellRange | null): void {
    this.recent.push({ sheet, range, until: this.active > 0 ? Infinity : this.now() + ECHO_WINDOW_MS });
  }

  get writing(): boolean {
    return this.active > 0;
  }

  /** True when a change event at sheet!address is the echo of our own write. */
  isOwn(sheet: string, address: string): boolean {
    const t = this.now();
    this.recent = this.recent.filter((r) => r.until >= t);
    const changed = parseRange(address);
    return this.recent.some((r) => {
      if (r.sheet !== sheet) return false;
      if (!r.range || !changed) return true;
      return changed.top >= r.range.top && changed.bottom <= r.range.bottom && changed.left >= r.range.left && changed.right <= r.range.right;
    });
  }
}
