/** Links between KPIs: (内訳) breakdown rows to their total, (再掲) and repeated KPIs to their first occurrence. */
import type { Kpi } from '../model';
import { hasRelistMark, nameKey, normalise, toHalfWidth } from '../text';

const BREAKDOWN = /^[(（【[]\s*内\s*訳\s*[)）】\]]|^内訳[:：]/;

export function isBreakdownName(name: string): boolean {
  // both patterns need 内, which toHalfWidth leaves as it is
  if (!name.includes('内')) return false;
  return BREAKDOWN.test(toHalfWidth(name).trim());
}

/** Sets breakdownOf: a (内訳) row belongs to the nearest KPI above it in the same table that is not a breakdown. */
export function linkBreakdowns(kpis: Kpi[]): void {
  let total: Kpi | null = null;
  for (let i = 0; i < kpis.length; i++) {
    const k = kpis[i];
    if (total && total.tableIndex !== k.tableIndex) total = null;
    if (isBreakdownName(k.name)) k.breakdownOf = total ? total.id : null;
    else total = k;
  }
}

/**
 * Sets relistedFrom: KPIs with the same name without 再掲 marks are one KPI. The original is the first
 * listing without a 再掲 mark (a sheet may show the re-listing before the original), else the first.
 */
export function linkRelisted(kpis: Kpi[]): void {
  const original = new Map<string, Kpi>();
  // re-listing marks all hold 掲: without it the key is the normalised name (no regex pass)
  const keys = kpis.map((k) => (k.name.includes('掲') ? nameKey(k.name) : normalise(k.name)));
  for (let i = 0; i < kpis.length; i++) {
    const k = kpis[i];
    const key = keys[i];
    if (key === '') continue;
    const seen = original.get(key);
    if (!seen || (hasRelistMark(seen.name) && !hasRelistMark(k.name))) original.set(key, k);
  }
  for (let i = 0; i < kpis.length; i++) {
    const k = kpis[i];
    const o = original.get(keys[i]);
    k.relistedFrom = o && o !== k ? o.id : null;
  }
}
