/**
 * Live re-check of one edited KPI: re-reads only its table's rows (header to the KPI's 達成率 row; a
 * table of one row per KPI whole), re-assesses it and re-runs the rules over it and the KPIs it is
 * tied to (breakdown total and parts, relistings). Costs microseconds to a few milliseconds whatever
 * the size of the workbook, where a full recognise + analyse of 10,000 KPIs takes seconds.
 */
import { assessKpi, gradeLegend, type Analysis, type KpiAssessment } from './analyse';
import type { KpiDefinitions } from './definitions';
import type { Finding, Lang } from './findings';
import type { Kpi, ProgressModel, SheetModel } from './model';
import { isUnrecognised, recogniseSheet } from './recognise';
import { runRules } from './rules';
import { buildIndex, looseKey, type ModelIndex } from './rules/context';
import type { GridSnapshot } from './snapshot';
import type { StatusResult } from './status';

export interface RecheckOptions {
  analysis: Analysis;
  lang?: Lang;
  definitions?: KpiDefinitions;
  managementSheets?: string[];
  /** Lookups over the whole model; built once per full analysis and reused (building it is O(KPIs)). */
  index?: ModelIndex;
}

export interface RecheckResult {
  /** The model with the KPI re-read (other sheets and KPIs shared, not copied). */
  model: ProgressModel;
  kpi: Kpi;
  assessment: KpiAssessment;
  /** Ids of the KPIs whose findings were re-computed: replace theirs with `findings`. */
  kpis: string[];
  findings: Finding[];
}

/**
 * The snapshot rows from `top` to `bottom`, widened to whole merged areas (a merge reaching past the
 * KPI's 達成率 row still gives its cells the top-left value, as in the whole sheet).
 */
function rowsOf(s: GridSnapshot, first: number, last: number): GridSnapshot {
  let [top, bottom] = [first, last];
  for (let grown = true; grown; ) {
    grown = false;
    for (const m of s.merges) {
      if (m.bottom < top || m.top > bottom || (m.top >= top && m.bottom <= bottom)) continue;
      [top, bottom] = [Math.min(top, m.top), Math.max(bottom, m.bottom)];
      grown = true;
    }
  }
  top = Math.max(top, s.origin.row);
  const from = top - s.origin.row;
  const to = bottom - s.origin.row + 1;
  return {
    sheet: s.sheet,
    origin: { row: top, col: s.origin.col },
    values: s.values.slice(from, to),
    formulas: s.formulas.slice(from, to),
    numberFormats: s.numberFormats.slice(from, to),
    merges: s.merges.filter((m) => m.top >= top && m.bottom <= bottom),
    ...(s.extras ? { extras: s.extras } : {}),
  };
}

/** Indexes of models recheckKpi returned, so that the next re-check on them reuses it. */
const indexes = new WeakMap<ProgressModel, ModelIndex>();

/** The caller's index (built on the model before the edit) with the old KPI replaced by the new one. */
function patchIndex(index: ModelIndex, old: Kpi, kpi: Kpi): ModelIndex {
  // byId holds only the KPIs others refer to (first listings, totals): this one when it is one of them
  if (index.byId.has(kpi.id)) index.byId.set(kpi.id, kpi);
  for (const list of [index.parts.get(kpi.breakdownOf ?? ''), index.relists.get(kpi.relistedFrom ?? '')]) {
    const i = list?.indexOf(old) ?? -1;
    if (list && i >= 0) list[i] = kpi;
  }
  // the name may have been edited: move the KPI to the list of its new name
  const before = index.keyOf.get(old);
  const after = looseKey(kpi.name);
  const list = before !== undefined ? index.byKey.get(before) : undefined;
  const at = list ? list.indexOf(old) : -1;
  if (list && at >= 0 && before === after) list[at] = kpi;
  else {
    if (list && at >= 0) list.splice(at, 1);
    index.byKey.set(after, [...(index.byKey.get(after) ?? []), kpi]);
  }
  index.keyOf.delete(old);
  index.keyOf.set(kpi, after);
  if (kpi.sheetNo !== old.sheetNo) delete index.sheetNumbers;
  return index;
}

function sameRows(a: Kpi, b: Kpi): boolean {
  return a.rateRow === b.rateRow && a.gradeRow === b.gradeRow && a.expectedRow === b.expectedRow && a.hasRateCells === b.hasRateCells;
}

/** Re-reads KPI `kpiId` from `snapshot` (its sheet, after the edit) and re-runs its rules; null when it is gone or took other rows (the caller re-reads the sheet). */
export function recheckKpi(model: ProgressModel, snapshot: GridSnapshot, kpiId: string, options: RecheckOptions): RecheckResult | null {
  const sheet = model.sheets.find((s) => s.sheet === snapshot.sheet);
  const at = sheet?.kpis.findIndex((k) => k.id === kpiId) ?? -1;
  if (!sheet || at < 0) return null;
  const old = sheet.kpis[at];
  const table = sheet.tables[old.tableIndex];
  // a block's 評価 row follows its 達成率 row; one row per KPI: the rows under a KPI can be its
  // narrative (its 備考) and are read with the whole table, so the table is read whole
  const pairs = table.layout === undefined || table.layout === 'two-row' || table.layout === 'block';
  const part = recogniseSheet(rowsOf(snapshot, table.headerRow, Math.max(old.rateRow, old.gradeRow ?? 0, pairs ? 0 : table.lastRow)));
  const fresh = isUnrecognised(part) ? undefined : part.kpis.find((k) => k.row === old.row);
  // read from its rows alone, the KPI took other rows than in the whole sheet (an edited 実績値 label,
  // a merge reaching the next pair): only a full re-read can say what it is now
  if (!fresh || !sameRows(fresh, old)) return null;
  const kpi: Kpi = { ...fresh, tableIndex: old.tableIndex, path: old.path, breakdownOf: old.breakdownOf, relistedFrom: old.relistedFrom };
  const kpis = sheet.kpis.slice();
  kpis[at] = kpi;
  const nextSheet: SheetModel = { ...sheet, kpis };
  const next: ProgressModel = { ...model, sheets: model.sheets.map((s) => (s === sheet ? nextSheet : s)) };

  // the index moves on with the model: a caller passing r.model back re-checks without an O(KPIs) rebuild
  const cached = options.index ?? indexes.get(model);
  const index = cached ? patchIndex(cached, old, kpi) : buildIndex(next);
  indexes.delete(model);
  indexes.set(next, index);
  // the KPI and everything a rule compares it with
  const tied = new Set<Kpi>([kpi]);
  const total = kpi.breakdownOf ? index.byId.get(kpi.breakdownOf) : undefined;
  for (const k of [total, ...(index.parts.get(kpi.id) ?? []), ...(total ? index.parts.get(total.id) ?? [] : [])]) if (k) tied.add(k);
  for (const k of [...(index.byKey.get(index.keyOf.get(kpi)!) ?? []), ...(index.relists.get(kpi.id) ?? [])]) tied.add(k);
  const onSheet = nextSheet.kpis.filter((k) => tied.has(k));

  const statuses = new Map<Kpi, StatusResult>();
  let assessment: KpiAssessment | null = null;
  for (const k of onSheet) {
    const r = assessKpi(k, options.definitions, gradeLegend(nextSheet));
    statuses.set(k, r.status);
    if (k === kpi) assessment = r.assessment;
  }
  const ctx = {
    model: next,
    sheet: { ...nextSheet, kpis: onSheet },
    lang: options.lang ?? 'ja',
    definitions: options.definitions,
    rounding: options.analysis.rounding[sheet.sheet] ?? { mode: 'half-up' as const, decimals: 1 },
    statuses,
    managementSheets: options.managementSheets,
    index,
  };
  const findings = runRules(ctx);
  return { model: next, kpi, assessment: assessment!, kpis: onSheet.map((k) => k.id), findings };
}
