/** What the Overview tab shows, computed from the core's model and analysis (pure, unit-tested). */
import type { Analysis, KpiAssessment } from '../core/analyse';
import type { Kpi, ProgressModel, Unrecognised } from '../core/model';

export type Status = KpiAssessment['status'];
export type GradeKey = 'A' | 'B' | 'C' | 'D' | 'none';

export interface SheetSummary {
  sheet: string;
  tables: number;
  kpis: number;
  years: number[];
}

export interface GoalProgress {
  goal: string;
  /**
   * Median progress fraction (進捗率) of the goal's KPIs that have one; null when none has. A median,
   * because one KPI far off its path (−800 %) would drown a mean.
   */
  median: number | null;
  kpis: number;
  measured: number;
  /** KPIs of the goal by status: the chart's stacked bar. */
  byStatus: Record<Status, number>;
}

export interface OverviewSummary {
  sheets: SheetSummary[];
  unrecognised: Unrecognised[];
  byStatus: Record<Status, number>;
  byGrade: Record<GradeKey, number>;
  progressByGoal: GoalProgress[];
}

export const statusOrder: Status[] = ['achieved', 'on-track', 'behind', 'no-data', 'qualitative'];
export const gradeOrder: GradeKey[] = ['A', 'B', 'C', 'D', 'none'];

/** "基本目標①" from a path such as ["個別目標", "基本目標① 若者が…", …]; null when the KPI has no goal. */
export function goalOf(kpi: Pick<Kpi, 'path'>): string | null {
  for (const part of kpi.path) {
    const m = /基本目標\s*([①-⑳]|\d+)/.exec(part);
    if (m) return `基本目標${m[1]}`;
  }
  return null;
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

function emptyStatusCounts(): Record<Status, number> {
  return Object.fromEntries(statusOrder.map((s) => [s, 0])) as Record<Status, number>;
}

export function summarise(model: ProgressModel, analysis: Analysis): OverviewSummary {
  const byStatus = emptyStatusCounts();
  const byGrade = Object.fromEntries(gradeOrder.map((g) => [g, 0])) as Record<GradeKey, number>;
  const goals = new Map<string, { values: number[]; kpis: number; byStatus: Record<Status, number> }>();
  const sheets: SheetSummary[] = [];
  for (const sheet of model.sheets) {
    const years = new Set<number>();
    for (const table of sheet.tables) for (const y of table.columns.years) years.add(y.year);
    sheets.push({ sheet: sheet.sheet, tables: sheet.tables.length, kpis: sheet.kpis.length, years: [...years].sort((a, b) => a - b) });
    for (const kpi of sheet.kpis) {
      const a = analysis.kpis[kpi.id];
      if (!a) continue;
      byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
      byGrade[(a.grade ?? 'none') as GradeKey] += 1;
      const goal = goalOf(kpi);
      if (!goal) continue;
      const g = goals.get(goal) ?? { values: [], kpis: 0, byStatus: emptyStatusCounts() };
      g.kpis += 1;
      g.byStatus[a.status] += 1;
      if (a.progress !== null && Number.isFinite(a.progress)) g.values.push(a.progress);
      goals.set(goal, g);
    }
  }
  const progressByGoal = [...goals.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'ja'))
    .map(([goal, g]) => ({ goal, kpis: g.kpis, measured: g.values.length, median: median(g.values), byStatus: g.byStatus }));
  return { sheets, unrecognised: model.unrecognised, byStatus, byGrade, progressByGoal };
}

/** "R1–R6 (2019–2024)"-free plain range for the header line: "2019–2024". */
export function yearRange(years: number[]): string {
  if (!years.length) return '—';
  return years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]}`;
}
