/** Comparing one KPI's figures across editions: the same value as a person reads it. */
import type { ParsedValue } from '../model';
import { normalise } from '../text';

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** True when both cells say the same: equal numbers (units ignored when asked), else equal text. */
export function sameFigure(a: ParsedValue | null | undefined, b: ParsedValue | null | undefined, ignoreUnit = false): boolean {
  const ea = !a || a.kind === 'empty';
  const eb = !b || b.kind === 'empty';
  if (ea || eb) return ea === eb;
  if ((a.kind === 'number' || a.kind === 'reference') && a.kind === b.kind && a.value !== null && b.value !== null) {
    if (!close(a.value, b.value) || a.qualifier !== b.qualifier) return false;
    return ignoreUnit || !a.unit || !b.unit || normalise(a.unit) === normalise(b.unit);
  }
  if (a.kind === 'none' && b.kind === 'none') return true;
  return normalise(a.text) === normalise(b.text);
}

/** A figure worth matching on: a number or a real text, not blank and not "-". */
export function informative(p: ParsedValue | null | undefined): boolean {
  return !!p && (p.kind === 'number' || p.kind === 'text' || p.kind === 'reference');
}

/** The cell as written, "" when blank. */
export function shownText(p: ParsedValue | null | undefined): string {
  return p ? p.text.trim() : '';
}

/** Departments as a set: "商工振興課 農林課", "商工振興課・農林課" and "農林課、商工振興課" are the same. */
export function departmentKey(d: string | null): string {
  return departments(d).sort().join('|');
}

export function departments(d: string | null): string[] {
  if (!d) return [];
  return [...new Set(d.normalize('NFKC').split(/[\s、,，・/／]+/).map((x) => x.trim()).filter(Boolean))];
}

/** シートNo. "08" and "8" are the same number; "-" and blank stay themselves. */
export function sheetNoKey(s: string | null): string {
  const t = (s ?? '').normalize('NFKC').trim();
  return /^\d+$/.test(t) ? String(Number(t)) : normalise(t);
}
