/**
 * Which KPI of the previous edition is which KPI of the current one. First by name (normalised, without
 * 再掲 marks; repeated names paired by place, then order), then the rest by figures and position, for
 * KPIs that were renamed. Each match carries a confidence and the reasons that decided it.
 */
import type { Kpi, ProgressModel } from '../model';
import { nameKey, normalise } from '../text';
import type { KpiMatch, MatchReason } from './types';
import { departmentKey, informative, sameFigure } from './figures';

/** A KPI with where it sits in its edition: its structure path and its place under that path. */
export interface Placed {
  kpi: Kpi;
  key: string;
  pathKey: string;
  /** 0-based place among the KPIs of the same path (same table order in both editions). */
  position: number;
  /** 0-based order in the whole edition. */
  order: number;
}

export interface KpiMatching {
  matches: KpiMatch[];
  /** Previous KPIs with no counterpart. */
  removed: Kpi[];
  /** Current KPIs with no counterpart. */
  added: Kpi[];
}

/** Below this a renamed candidate is a different KPI (a new one where an old one was dropped). */
export const RENAME_THRESHOLD = 0.55;
/** Above this many candidate pairs, renamed KPIs are looked for only under the same heading. */
const ALL_PAIRS_LIMIT = 250_000;

export function placeKpis(model: ProgressModel): Placed[] {
  const out: Placed[] = [];
  const positions = new Map<string, number>();
  for (const sheet of model.sheets) {
    for (const kpi of sheet.kpis) {
      const pathKey = kpi.path.map(normalise).join('>');
      const position = positions.get(pathKey) ?? 0;
      positions.set(pathKey, position + 1);
      out.push({ kpi, key: nameKey(kpi.name), pathKey, position, order: out.length });
    }
  }
  return out;
}

function group(list: Placed[]): Map<string, Placed[]> {
  const m = new Map<string, Placed[]>();
  for (const p of list) {
    const g = m.get(p.key);
    if (g) g.push(p);
    else m.set(p.key, [p]);
  }
  return m;
}

function match(p: Placed, c: Placed, how: KpiMatch['how'], confidence: number, reasons: MatchReason[]): KpiMatch {
  return { previous: p.kpi.id, current: c.kpi.id, how, confidence: Math.round(confidence * 100) / 100, reasons };
}

/** Same name: one each is certain; repeated names (再掲, 内訳 of several totals) pair by heading, then by order. */
function byName(prev: Placed[], cur: Placed[], used: { p: Set<Placed>; c: Set<Placed> }): KpiMatch[] {
  const out: KpiMatch[] = [];
  const curByKey = group(cur);
  for (const [key, ps] of group(prev)) {
    const cs = curByKey.get(key);
    if (!cs || key === '') continue;
    if (ps.length === 1 && cs.length === 1) {
      out.push(match(ps[0], cs[0], 'name', 1, ['name']));
      used.p.add(ps[0]);
      used.c.add(cs[0]);
      continue;
    }
    // Same heading and the same relisting role first, in order.
    for (const p of ps) {
      const c = cs.find((x) => !used.c.has(x) && x.pathKey === p.pathKey && !!x.kpi.relistedFrom === !!p.kpi.relistedFrom);
      if (!c) continue;
      out.push(match(p, c, 'name', 0.95, ['name', 'path']));
      used.p.add(p);
      used.c.add(c);
    }
    const restC = cs.filter((x) => !used.c.has(x));
    for (const p of ps.filter((x) => !used.p.has(x))) {
      const c = restC.shift();
      if (!c) break;
      out.push(match(p, c, 'name', 0.85, ['name', 'order']));
      used.p.add(p);
      used.c.add(c);
    }
  }
  return out;
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
  return m;
}

/** Dice coefficient over character bigrams: 1 for the same name, about 0.6 for "(H27～累計)" → "(H27からの累計)". */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const x = bigrams(a);
  const y = bigrams(b);
  let common = 0;
  for (const [g, n] of x) common += Math.min(n, y.get(g) ?? 0);
  return (2 * common) / (a.length - 1 + (b.length - 1));
}

/** Share of years both editions filled in which the actuals agree; null when no such year. */
function actualsAgreement(p: Kpi, c: Kpi): number | null {
  let both = 0;
  let same = 0;
  for (const [y, a] of p.actuals.entries()) {
    const b = c.actuals.get(Number(y));
    if (!informative(a) || !informative(b)) continue;
    both++;
    if (sameFigure(a, b, true)) same++;
  }
  return both ? same / both : null;
}

/** How likely two differently named KPIs are one renamed KPI, and why. */
export function renameScore(p: Placed, c: Placed): { score: number; reasons: MatchReason[] } {
  const reasons: MatchReason[] = [];
  let score = 0;
  const add = (ok: boolean, weight: number, reason: MatchReason) => {
    if (!ok) return;
    score += weight;
    reasons.push(reason);
  };
  const sim = nameSimilarity(p.key, c.key);
  score += 0.25 * sim;
  if (sim >= 0.5) reasons.push('similar-name');
  add(p.pathKey === c.pathKey, 0.15, 'path');
  add(p.pathKey === c.pathKey && p.position === c.position, 0.1, 'position');
  add(informative(p.kpi.baseline.parsed) && sameFigure(p.kpi.baseline.parsed, c.kpi.baseline.parsed, true), 0.15, 'baseline');
  add(informative(p.kpi.target.parsed) && sameFigure(p.kpi.target.parsed, c.kpi.target.parsed, true), 0.15, 'target');
  const agree = actualsAgreement(p.kpi, c.kpi);
  if (agree !== null) add(agree > 0, 0.15 * agree, 'actuals');
  add(!!p.kpi.department && departmentKey(p.kpi.department) === departmentKey(c.kpi.department), 0.05, 'department');
  return { score, reasons };
}

/** Renamed KPIs among those left: best-scoring pairs first, each KPI used once. */
function byFigures(prev: Placed[], cur: Placed[]): KpiMatch[] {
  if (!prev.length || !cur.length) return [];
  const candidates: { p: Placed; c: Placed; score: number; reasons: MatchReason[] }[] = [];
  const consider = (ps: Placed[], cs: Placed[]) => {
    for (const p of ps) for (const c of cs) {
      const { score, reasons } = renameScore(p, c);
      if (score >= RENAME_THRESHOLD) candidates.push({ p, c, score, reasons });
    }
  };
  if (prev.length * cur.length <= ALL_PAIRS_LIMIT) consider(prev, cur);
  else {
    const byPath = new Map<string, Placed[]>();
    for (const c of cur) byPath.set(c.pathKey, [...(byPath.get(c.pathKey) ?? []), c]);
    const pByPath = new Map<string, Placed[]>();
    for (const p of prev) pByPath.set(p.pathKey, [...(pByPath.get(p.pathKey) ?? []), p]);
    for (const [k, ps] of pByPath) if (ps.length * (byPath.get(k)?.length ?? 0) <= ALL_PAIRS_LIMIT) consider(ps, byPath.get(k) ?? []);
  }
  candidates.sort((a, b) => b.score - a.score || a.p.order - b.p.order || a.c.order - b.c.order);
  const usedP = new Set<Placed>();
  const usedC = new Set<Placed>();
  const out: KpiMatch[] = [];
  for (const x of candidates) {
    if (usedP.has(x.p) || usedC.has(x.c)) continue;
    usedP.add(x.p);
    usedC.add(x.c);
    out.push(match(x.p, x.c, 'renamed', Math.min(0.9, x.score), x.reasons));
  }
  return out;
}

/** Matches the KPIs of two editions (any layouts the recogniser reads; sheets may differ). */
export function matchKpis(previous: ProgressModel, current: ProgressModel): KpiMatching {
  const prev = placeKpis(previous);
  const cur = placeKpis(current);
  const used = { p: new Set<Placed>(), c: new Set<Placed>() };
  const matches = byName(prev, cur, used);
  matches.push(...byFigures(prev.filter((p) => !used.p.has(p)), cur.filter((c) => !used.c.has(c))));
  const pIds = new Set(matches.map((m) => m.previous));
  const cIds = new Set(matches.map((m) => m.current));
  const order = new Map(cur.map((c) => [c.kpi.id, c.order]));
  matches.sort((a, b) => (order.get(a.current) ?? 0) - (order.get(b.current) ?? 0));
  return {
    matches,
    removed: prev.filter((p) => !pIds.has(p.kpi.id)).map((p) => p.kpi),
    added: cur.filter((c) => !cIds.has(c.kpi.id)).map((c) => c.kpi),
  };
}
