/**
 * Change lists (--dry-run, task pane preview): counts by kind and, per edit, the KPI, fiscal year and
 * figure it concerns, where it is and what changes —
 * 「移住相談件数」R2 達成率（進捗状況一覧表!F12）: 空欄 → 75.6%. Texts in the catalogue (changes.ts).
 */
import { t } from '../catalogue';
import type { Lang } from '../findings';
import { linkTarget, type CellEdit, type EditPlan, type EditSubject, type SkippedEdit } from '../plan';
import { cellAddress, columnLetter, type CellValue } from '../snapshot';

/** Longest text shown of a value or note; the rest is "…". */
const SHOWN_TEXT = 60;

function clip(text: string): string {
  return text.length > SHOWN_TEXT ? `${text.slice(0, SHOWN_TEXT)}…` : text;
}

/** A value as the sheet would show it: a rate number through its percent format ("75.6%"), text as written. */
function shown(v: CellValue | undefined, lang: Lang, numberFormat?: string): string {
  if (v === null || v === undefined || v === '') return t(lang, 'change.empty');
  if (typeof v === 'number' && numberFormat?.includes('%')) {
    const decimals = /\.(0+)/.exec(numberFormat)?.[1].length ?? 0;
    return `${(v * 100).toFixed(decimals)}%`;
  }
  return typeof v === 'string' ? clip(v) : String(v);
}

/** 「移住相談件数」R2 達成率 — empty when the planner did not say what the edit is about. */
export function describeSubject(about: EditSubject | undefined, lang: Lang): string {
  if (!about) return '';
  const field = about.field ? t(lang, `change.field.${about.field}`) : undefined;
  return t(lang, 'change.subject', { kpi: about.kpi, more: about.moreKpis, year: about.year, field });
}

function where(e: CellEdit): string {
  if ('row' in e) return `${e.sheet}!${cellAddress(e.row, e.col)}`;
  if ('col' in e) return `${e.sheet}!${columnLetter(e.col)}:${columnLetter(e.col)}`;
  if ('range' in e) return `${e.sheet}!${cellAddress(e.range.top, e.range.left)}:${cellAddress(e.range.bottom, e.range.right)}`;
  return e.sheet;
}

function change(e: CellEdit, lang: Lang): string | null {
  switch (e.kind) {
    case 'setCell': {
      const before = e.expect ? (e.expect.formula ?? shown(e.expect.value, lang)) : null;
      const value = e.content.value === undefined ? '' : shown(e.content.value, lang, e.content.numberFormat);
      const after = e.content.formula ? t(lang, 'change.formula', { value, formula: e.content.formula }) : value;
      return before === null ? after : `${before} → ${after}`;
    }
    case 'setFill':
      return e.fill ? t(lang, 'change.fill', { colour: e.fill }) : t(lang, 'change.fill.none');
    case 'setNote':
      return e.note === null ? t(lang, 'change.note.removed') : t(lang, 'change.note', { text: clip(e.note) });
    case 'setHyperlink':
      return e.link ? t(lang, 'change.link', { target: linkTarget(e.link) }) : t(lang, 'change.link.removed');
    case 'insertColumn':
      return t(lang, 'change.insert-column', { col: columnLetter(e.col), from: columnLetter(e.formatFrom) });
    case 'deleteColumn':
      return t(lang, 'change.delete-column', { col: columnLetter(e.col) });
    case 'merge':
      return t(lang, 'change.merge');
    case 'unmerge':
      return t(lang, 'change.unmerge');
    case 'setColumnWidth':
      return t(lang, 'change.column-width', { col: columnLetter(e.col), width: e.width });
    case 'addSheet':
    case 'deleteSheet':
      return null;
  }
}

/** One line of a change list. */
export function describeEdit(e: CellEdit, lang: Lang): string {
  if (e.kind === 'addSheet') return t(lang, 'change.add-sheet', { sheet: e.sheet, rows: e.rows?.length ?? 0, hidden: e.visibility !== 'visible' });
  if (e.kind === 'deleteSheet') return t(lang, 'change.delete-sheet', { sheet: e.sheet });
  const subject = describeSubject(e.about, lang);
  const w = e.kind === 'setColumnWidth' ? e.sheet : where(e);
  return t(lang, 'change.line', { subject, where: w, change: change(e, lang) ?? '' });
}

/** 「セルの値 38、列の挿入 1」: how many edits of each kind, in plan order. */
export function describeCounts(plan: EditPlan, lang: Lang): string {
  const counts = new Map<CellEdit['kind'], number>();
  for (const e of plan.edits) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  return t(lang, 'change.counts', { names: [...counts].map(([kind, n]) => t(lang, `change.count.${kind}`, { n })) });
}

/** Summary, counts by edit kind, the first `limit` edits, and the planner's notices. */
export function describePlan(plan: EditPlan, lang: Lang, limit = 40): string[] {
  const out = [plan.summary];
  if (plan.edits.length) out.push(`  ${describeCounts(plan, lang)}`);
  for (const e of plan.edits.slice(0, limit)) out.push(`  - ${describeEdit(e, lang)}`);
  if (limit > 0 && plan.edits.length > limit) out.push(`  ${t(lang, 'change.more', { n: plan.edits.length - limit })}`);
  for (const n of plan.notices) out.push(`  * ${n}`);
  return out;
}

export function describeSkipped(skipped: SkippedEdit[], lang: Lang): string[] {
  if (!skipped.length) return [];
  const out = [t(lang, 'change.skipped', { n: skipped.length })];
  for (const s of skipped.slice(0, 40)) {
    const subject = describeSubject(s.edit.about, lang);
    out.push(`  - ${subject ? `${subject}: ` : ''}[${t(lang, `change.skip.${s.reason}`)}] ${s.detail}`);
  }
  return out;
}

/** Distinct cells (or columns, sheets) a plan changed: what "N セル" means in previews and results. */
export function changedCells(plan: EditPlan, skipped: readonly { edit: CellEdit }[] = []): number {
  const left = new Set(skipped.map((s) => s.edit));
  const target = (e: CellEdit) => ('row' in e ? `${e.sheet}!${cellAddress(e.row, e.col)}` : 'col' in e ? `${e.sheet}!col${e.col}` : 'range' in e ? `${e.sheet}!${cellAddress(e.range.top, e.range.left)}` : e.sheet);
  return new Set(plan.edits.filter((e) => !left.has(e)).map(target)).size;
}
