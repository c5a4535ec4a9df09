/**
 * compareEditions(): last year's published edition and this year's, as the recogniser reads them, in;
 * the KPI matches and every change nobody said changed out, at cells of the current edition.
 */
import { baselineCell, targetCell } from '../cells';
import type { Lang } from '../findings';
import type { Kpi, KpiTable, ParsedValue, ProgressModel } from '../model';
import { cellAddress } from '../snapshot';
import { formatYearLabel } from '../years';
import { eraYearLabel } from '../definitions';
import { nameKey, normalise } from '../text';
import { departmentKey, sameFigure, sheetNoKey, shownText } from './figures';
import { matchKpis, type KpiMatching } from './match';
import { t, type MessageId, type ParamsOf } from '../catalogue';
import type { ChangeFinding, ChangeRuleId, EditionComparison, KpiMatch } from './types';

export interface CompareOptions {
  lang?: Lang;
}

type At = { row: number; col: number };

/** Words in 備考 that say a figure was revised, or name the year. */
const REVISION_WORDS = /修正|訂正|変更|改定|改訂|見直|遡及|確定|更新|再集計|精査|誤り|誤記|差し替|差替/;

function remarkExplains(remark: string | null, year: number): boolean {
  if (!remark) return false;
  const r = remark.normalize('NFKC');
  if (REVISION_WORDS.test(r)) return true;
  const era = year - 2018;
  const labels = [String(year), `R${era}`, `令和${era}`, ...(era === 1 ? ['R元', '令和元', 'H31', '平成31'] : [])];
  return labels.some((l) => r.includes(l));
}

class Edition {
  private tables = new Map<string, KpiTable>();
  readonly byId = new Map<string, Kpi>();
  constructor(model: ProgressModel) {
    for (const s of model.sheets) {
      for (const t of s.tables) this.tables.set(`${s.sheet}\u0000${t.index}`, t);
      for (const k of s.kpis) this.byId.set(k.id, k);
    }
  }
  table(k: Kpi): KpiTable | undefined {
    return this.tables.get(`${k.sheet}\u0000${k.tableIndex}`);
  }
  /** The KPI's cell in a column of its table, or its name cell when the table has no such column. */
  column(k: Kpi, col: number | null | undefined): At {
    return col ? { row: k.row, col } : k.nameCell;
  }
  yearLabel(k: Kpi, year: number, lang: Lang): string {
    const y = this.table(k)?.columns.years.find((c) => c.year === year);
    if (y) return formatYearLabel(year, y.style);
    return t(lang, 'year.fiscal', { year, era: eraYearLabel(year) });
  }
}

function where(p: At | null, fallback: At): At {
  return p && p.row && p.col ? { row: p.row, col: p.col } : fallback;
}

interface PairContext {
  prev: Edition;
  cur: Edition;
  lang: Lang;
  out: ChangeFinding[];
}

function push<K extends MessageId>(
  ctx: PairContext, rule: ChangeRuleId, severity: ChangeFinding['severity'], kpi: Kpi, at: At, year: number | null,
  previousValue: string | null, currentValue: string | null, previousCell: string | null, id: K, ...params: ParamsOf<K>
): void {
  ctx.out.push({
    rule, severity, sheet: kpi.sheet, cell: cellAddress(at.row, at.col), kpi: kpi.id, kpiName: kpi.name, year,
    previousValue, currentValue, previousCell, message: t(ctx.lang, id, ...params),
  });
}

const ref = (k: Kpi, at: At) => `${k.sheet}!${cellAddress(at.row, at.col)}`;

function figureText(v: ParsedValue | null, year: number | null, label: string | null, lang: Lang): string {
  const text = shownText(v) || t(lang, 'edition.blank');
  return year !== null && label ? `${text} (${label})` : text;
}

function compareTarget(ctx: PairContext, p: Kpi, c: Kpi, ignoreUnit: boolean): void {
  const valueChanged = !sameFigure(p.target.parsed, c.target.parsed, ignoreUnit) || p.target.qualifier !== c.target.qualifier;
  const yearChanged = p.target.year !== c.target.year && p.target.year !== null && c.target.year !== null;
  if (!valueChanged && !yearChanged) return;
  const at = where(targetCell(c), ctx.cur.column(c, ctx.cur.table(c)?.columns.target));
  const label = (k: Kpi, e: Edition) => (yearChanged && k.target.year !== null ? e.yearLabel(k, k.target.year, ctx.lang) || eraYearLabel(k.target.year) : null);
  const prevText = figureText(p.target.parsed, p.target.year, label(p, ctx.prev), ctx.lang);
  const curText = figureText(c.target.parsed, c.target.year, label(c, ctx.cur), ctx.lang);
  const prevAt = where(targetCell(p), ctx.prev.column(p, ctx.prev.table(p)?.columns.target));
  push(ctx, 'target-changed', 'warning', c, at, c.target.year, prevText, curText, ref(p, prevAt), 'edition.target-changed', { prev: prevText, cur: curText, value: valueChanged, year: yearChanged });
}

function compareBaseline(ctx: PairContext, p: Kpi, c: Kpi, ignoreUnit: boolean): void {
  const valueChanged = !sameFigure(p.baseline.parsed, c.baseline.parsed, ignoreUnit);
  const yearChanged = p.baseline.year !== c.baseline.year && p.baseline.year !== null && c.baseline.year !== null;
  if (!valueChanged && !yearChanged) return;
  const label = (k: Kpi) => (yearChanged && k.baseline.year !== null ? eraYearLabel(k.baseline.year) : null);
  const prevText = figureText(p.baseline.parsed, p.baseline.year, label(p), ctx.lang);
  const curText = figureText(c.baseline.parsed, c.baseline.year, label(c), ctx.lang);
  const at = where(baselineCell(c), ctx.cur.column(c, ctx.cur.table(c)?.columns.baseline));
  const prevAt = where(baselineCell(p), ctx.prev.column(p, ctx.prev.table(p)?.columns.baseline));
  push(ctx, 'baseline-changed', 'warning', c, at, c.baseline.year, prevText, curText, ref(p, prevAt), 'edition.baseline-changed', { prev: prevText, cur: curText });
}

function compareYears(ctx: PairContext, p: Kpi, c: Kpi, ignoreUnit: boolean, boundsSame: boolean): void {
  for (const [y, before] of p.actuals.entries()) {
    const year = Number(y);
    const now = c.actuals.get(year);
    // Only years the previous edition had filled: a newly filled year is this year's work, not a revision.
    if (!now || before.kind === 'empty') continue;
    const label = ctx.cur.yearLabel(c, year, ctx.lang);
    const actualSame = sameFigure(before, now, ignoreUnit);
    if (!actualSame) {
      const explained = remarkExplains(c.remark, year);
      const prevText = shownText(before);
      const curText = shownText(now) || t(ctx.lang, 'edition.blank');
      const at = c.actuals.cell(year);
      if (explained) {
        push(ctx, 'actual-revised', 'info', c, at, year, prevText, shownText(now), ref(p, p.actuals.cell(year)),
          'edition.actual-revised.explained', { prev: prevText, cur: curText, year: label, remark: c.remark ?? '' });
      } else {
        push(ctx, 'actual-revised', 'error', c, at, year, prevText, shownText(now), ref(p, p.actuals.cell(year)), 'edition.actual-revised', { prev: prevText, cur: curText, year: label });
      }
      continue;
    }
    const rb = p.printedRates.get(year);
    const rc = c.printedRates.get(year);
    if (!boundsSame || !rb || !rc || rb.kind === 'empty') continue;
    const rateSame = rb.kind === 'rate' && rc.kind === 'rate' && rb.value !== null && rc.value !== null
      ? Math.abs(rb.value - rc.value) < 5e-7
      : normalise(rb.text) === normalise(rc.text);
    if (rateSame) continue;
    push(ctx, 'rate-revised', 'warning', c, c.printedRates.cell(year), year, rb.text.trim(), rc.text.trim(), ref(p, p.printedRates.cell(year)), 'edition.rate-revised',
      { prev: rb.text.trim(), cur: rc.text.trim() || t(ctx.lang, 'edition.blank'), year: label });
  }
}

function comparePair(ctx: PairContext, m: KpiMatch): void {
  const p = ctx.prev.byId.get(m.previous)!;
  const c = ctx.cur.byId.get(m.current)!;
  const lang = ctx.lang;
  if (nameKey(p.name) !== nameKey(c.name)) {
    push(ctx, 'kpi-renamed', 'warning', c, c.nameCell, null, p.name, c.name, ref(p, p.nameCell), 'edition.kpi-renamed',
      { prev: p.name, cur: c.name, reasons: m.reasons.filter((r) => r !== 'similar-name') });
  }
  const unitChanged = !!p.unit && !!c.unit && normalise(p.unit) !== normalise(c.unit);
  if (unitChanged) {
    const at = where(targetCell(c), c.nameCell);
    push(ctx, 'unit-changed', 'warning', c, at, null, p.unit, c.unit, ref(p, where(targetCell(p), p.nameCell)), 'edition.unit-changed', { prev: p.unit!, cur: c.unit! });
  }
  const before = ctx.out.length;
  compareBaseline(ctx, p, c, unitChanged);
  compareTarget(ctx, p, c, unitChanged);
  const boundsSame = ctx.out.length === before;
  compareYears(ctx, p, c, unitChanged, boundsSame);
  if (sheetNoKey(p.sheetNo) !== sheetNoKey(c.sheetNo)) {
    const at = c.sheetNoCell ?? ctx.cur.column(c, ctx.cur.table(c)?.columns.sheetNo);
    const blank = t(lang, 'edition.blank');
    push(ctx, 'sheet-number-changed', 'info', c, at, null, p.sheetNo, c.sheetNo, p.sheetNoCell ? ref(p, p.sheetNoCell) : null, 'edition.sheet-number-changed', { prev: p.sheetNo ?? blank, cur: c.sheetNo ?? blank });
  }
  if (departmentKey(p.department) !== departmentKey(c.department)) {
    const at = ctx.cur.column(c, ctx.cur.table(c)?.columns.department);
    const blank = t(lang, 'edition.blank');
    push(ctx, 'department-changed', 'info', c, at, null, p.department, c.department, ref(p, ctx.prev.column(p, ctx.prev.table(p)?.columns.department)), 'edition.department-changed', { prev: p.department ?? blank, cur: c.department ?? blank });
  }
}

/** Compares two editions; `matching` may be passed when the caller already matched them. */
export function compareEditions(previous: ProgressModel, current: ProgressModel, options: CompareOptions = {}, matching?: KpiMatching): EditionComparison {
  const lang = options.lang ?? 'ja';
  const m = matching ?? matchKpis(previous, current);
  const ctx: PairContext = { prev: new Edition(previous), cur: new Edition(current), lang, out: [] };
  const added = new Set(m.added.map((k) => k.id));
  const curOrder = [...ctx.cur.byId.keys()];
  const byCurrent = new Map(m.matches.map((x) => [x.current, x]));
  for (const id of curOrder) {
    const match = byCurrent.get(id);
    if (match) comparePair(ctx, match);
    else if (added.has(id)) {
      const c = ctx.cur.byId.get(id)!;
      push(ctx, 'kpi-added', 'info', c, c.nameCell, null, null, c.name, null, 'edition.kpi-added', { cur: c.name });
    }
  }
  for (const p of m.removed) {
    const at = ref(p, p.nameCell);
    ctx.out.push({
      rule: 'kpi-removed', severity: 'warning', edition: 'previous', sheet: p.sheet, cell: cellAddress(p.nameCell.row, p.nameCell.col), kpi: p.id, kpiName: p.name,
      year: null, previousValue: p.name, currentValue: null, previousCell: at, message: t(lang, 'edition.kpi-removed', { prev: p.name, where: at }),
    });
  }
  return { matches: m.matches, findings: ctx.out };
}
