/**
 * Where a KPI's single values stand. Parsed values carry no cell (each distinct one is shared, see
 * ParsedValue); the baseline, target and cost are on the KPI's row, in the column their field keeps.
 */
import type { Kpi } from './model';

export interface Cell {
  row: number;
  col: number;
}

/** The baseline's cell, or null when the KPI has no baseline value. */
export function baselineCell(k: Kpi): Cell | null {
  return k.baseline.parsed === null || k.baseline.col === null ? null : { row: k.row, col: k.baseline.col };
}

/** The target's cell, or null when the KPI has no target value. */
export function targetCell(k: Kpi): Cell | null {
  return k.target.parsed === null || k.target.col === null ? null : { row: k.row, col: k.target.col };
}

/** The cost's (事業費) cell, or null when the KPI has no cost value. */
export function costCell(k: Kpi): Cell | null {
  return k.cost === null || k.costCol === null ? null : { row: k.row, col: k.costCol };
}
