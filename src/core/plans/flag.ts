/**
 * flag: fills the rate cell of each behind KPI (its latest judged year) by grade, with a note
 * saying why. unflag: restores the fills and notes flag changed, from the undo record.
 */
import { t } from '../catalogue';
import type { Kpi, SheetModel } from '../model';
import { cellAddress, cellKey } from '../snapshot';
import type { CellEdit, EditPlan } from '../plan';
import { figure, gradeLine, kpiYearLabel } from '../grade-line';
import { extrasAt, snapshotOf, type PlanInput } from './context';

/** Fill colours by grade: D red, C orange, B (or no grade) yellow. */
export const FLAG_COLOURS: Record<'B' | 'C' | 'D' | 'none', string> = { D: '#FFC7CE', C: '#FCD5B4', B: '#FFEB9C', none: '#FFEB9C' };
export const NOTE_TAG = '【KPI進捗アシスタント】';

function yearLabel(sheet: SheetModel, kpi: Kpi, year: number): string {
  return kpiYearLabel(sheet, kpi, year);
}

/** Why the KPI is flagged, with the figures behind its grade; never a negative percentage. */
function explanation(input: PlanInput, sheet: SheetModel, kpi: Kpi, year: number): string {
  const a = input.analysis.kpis[kpi.id];
  const grade = a.grade && a.grade !== 'A' ? a.grade : null;
  const actual = kpi.actuals.get(a.year ?? year)?.text ?? '';
  const label = yearLabel(sheet, kpi, a.year ?? year);
  const unit = kpi.unit ?? '';
  const { lang } = input;
  return t(lang, 'plan.flag.note', {
    tag: NOTE_TAG,
    name: kpi.name,
    year: label,
    word: t(lang, `plan.flag.word.${grade ?? 'none'}`),
    actual,
    target: kpi.target.text,
    path: a.pathValue !== null ? `${figure(a.pathValue)}${unit}` : null,
    basis: a.basis ? gradeLine(a.basis, a.grade, lang) : null,
  });
}

/** The latest year with a computed rate (else the judged year), and its rate cell. */
function flagCell(sheet: SheetModel, input: PlanInput, kpi: Kpi): { year: number; row: number; col: number; field: 'rate' | 'actual' } | null {
  const a = input.analysis.kpis[kpi.id];
  const years = a.rates.years.filter((y) => a.rates.get(y) !== null);
  const year = years.length ? Math.max(...years) : a.year;
  if (year === null) return null;
  // the year's rate cell where the layout has one, else its actual (targets and actuals side by side)
  const printed = kpi.printedRates.cellOf(year);
  if (printed) return { year, row: printed.row, col: printed.col, field: 'rate' };
  const actual = kpi.actuals.cellOf(year);
  if (kpi.hasRateCells === false || (sheet.tables[kpi.tableIndex]?.layout ?? 'two-row') !== 'two-row') return actual ? { year, row: actual.row, col: actual.col, field: 'actual' } : null;
  const col = sheet.tables[kpi.tableIndex].columns.years.find((y) => y.year === year)?.col;
  return col ? { year, row: kpi.rateRow, col, field: 'rate' } : null;
}

export function planFlag(input: PlanInput): EditPlan {
  const { lang } = input;
  const edits: CellEdit[] = [];
  const byGrade: Record<string, number> = {};
  for (const sheet of input.model.sheets) {
    const s = snapshotOf(input, sheet.sheet);
    for (const kpi of sheet.kpis) {
      const a = input.analysis.kpis[kpi.id];
      if (!a || a.status !== 'behind') continue;
      const at = flagCell(sheet, input, kpi);
      if (!at) continue;
      const grade = a.grade === 'B' || a.grade === 'C' || a.grade === 'D' ? a.grade : 'none';
      const colour = FLAG_COLOURS[grade];
      const extras = extrasAt(s, at.row, at.col);
      const prior = extras.note && !extras.note.includes(NOTE_TAG) ? `${extras.note}\n\n` : '';
      const note = prior + explanation(input, sheet, kpi, at.year);
      if (extras.fill?.toUpperCase() === colour && extras.note === note) continue;
      const about = { kpi: kpi.name, year: yearLabel(sheet, kpi, at.year), field: at.field };
      edits.push({ kind: 'setFill', sheet: sheet.sheet, row: at.row, col: at.col, fill: colour, about });
      edits.push({ kind: 'setNote', sheet: sheet.sheet, row: at.row, col: at.col, note, about });
      byGrade[grade] = (byGrade[grade] ?? 0) + 1;
    }
  }
  const n = edits.length / 2;
  const parts = Object.entries(byGrade).map(([g, c]) => (g === 'none' ? t(lang, 'plan.flag.no-grade', { n: c }) : `${g} ${c}`)).join(', ');
  return {
    command: 'flag',
    summary: t(lang, 'plan.flag.summary', { n, parts: parts || '0' }),
    edits,
    notices: [],
  };
}

/** Restores what flag changed, from the oldest flag entry of the undo record, where flag's marks remain. */
export function planUnflag(input: PlanInput): EditPlan {
  const { lang } = input;
  const restore = new Map<string, CellEdit[]>();
  for (const entry of input.record.entries) {
    if (entry.command !== 'flag') continue;
    for (const e of entry.inverse) {
      if (e.kind !== 'setFill' && e.kind !== 'setNote') continue;
      const key = `${e.kind}|${e.sheet}|${cellKey(e.row, e.col)}`;
      if (!restore.has(key)) restore.set(key, [e]);
    }
  }
  const colours = new Set(Object.values(FLAG_COLOURS));
  const edits: Extract<CellEdit, { kind: 'setFill' | 'setNote' }>[] = [];
  let changed = 0;
  for (const [, [e]] of restore) {
    if (e.kind !== 'setFill' && e.kind !== 'setNote') continue;
    const snap = input.snapshots.find((x) => x.sheet === e.sheet);
    const extras = snap ? extrasAt(snap, e.row, e.col) : {};
    const ours = e.kind === 'setFill' ? colours.has((extras.fill ?? '').toUpperCase()) : (extras.note ?? '').includes(NOTE_TAG);
    if (ours) edits.push(e);
    else changed++;
  }
  const cells = new Set(edits.map((e) => `${e.sheet}!${cellAddress(e.row, e.col)}`)).size;
  return {
    command: 'unflag',
    summary: t(lang, 'plan.flag.unflag.summary', { n: cells }),
    edits,
    notices: changed ? [t(lang, 'plan.flag.unflag.changed', { n: changed })] : [],
  };
}
