/** Plan previews (--dry-run, task pane): counts by kind and the cells each edit touches. */
import type { Lang } from '../findings';
import { linkTarget, type CellEdit, type EditPlan, type SkippedEdit } from '../plan';
import { cellAddress, columnLetter, type CellValue } from '../snapshot';

function shown(v: CellValue | undefined): string {
  if (v === null || v === undefined || v === '') return '(空)';
  return typeof v === 'string' ? `"${v}"` : String(v);
}

export function describeEdit(e: CellEdit, lang: Lang): string {
  const en = lang === 'en';
  switch (e.kind) {
    case 'setCell': {
      const to = e.content.formula ?? shown(e.content.value);
      const from = e.expect ? (e.expect.formula ?? shown(e.expect.value)) : '';
      return `${e.sheet}!${cellAddress(e.row, e.col)}: ${from ? `${from} → ` : ''}${to}${e.content.numberFormat ? ` [${e.content.numberFormat}]` : ''}`;
    }
    case 'setFill':
      return `${e.sheet}!${cellAddress(e.row, e.col)}: ${en ? 'fill' : '塗りつぶし'} ${e.fill ?? (en ? 'none' : 'なし')}`;
    case 'setNote':
      return `${e.sheet}!${cellAddress(e.row, e.col)}: ${en ? 'note' : 'メモ'} ${e.note === null ? (en ? 'removed' : '削除') : `"${e.note.slice(0, 60)}${e.note.length > 60 ? '…' : ''}"`}`;
    case 'setHyperlink':
      return `${e.sheet}!${cellAddress(e.row, e.col)}: ${en ? 'link' : 'リンク'} → ${e.link ? linkTarget(e.link) : en ? 'removed' : '削除'}`;
    case 'insertColumn':
      return `${e.sheet}: ${en ? 'insert column' : '列を挿入'} ${columnLetter(e.col)} (${en ? 'format of' : '書式は'} ${columnLetter(e.formatFrom)})`;
    case 'deleteColumn':
      return `${e.sheet}: ${en ? 'delete column' : '列を削除'} ${columnLetter(e.col)}`;
    case 'merge':
    case 'unmerge':
      return `${e.sheet}: ${e.kind} ${cellAddress(e.range.top, e.range.left)}:${cellAddress(e.range.bottom, e.range.right)}`;
    case 'setColumnWidth':
      return `${e.sheet}: ${en ? 'column width' : '列幅'} ${columnLetter(e.col)} = ${e.width ?? '-'}`;
    case 'addSheet':
      return `${en ? 'add sheet' : 'シートを追加'} ${e.sheet} (${e.rows?.length ?? 0} ${en ? 'rows' : '行'}${e.visibility !== 'visible' ? `, ${e.visibility}` : ''})`;
    case 'deleteSheet':
      return `${en ? 'delete sheet' : 'シートを削除'} ${e.sheet}`;
  }
}

/** Summary, counts by edit kind, the first `limit` edits, and the planner's notices. */
export function describePlan(plan: EditPlan, lang: Lang, limit = 40): string[] {
  const counts = new Map<string, number>();
  for (const e of plan.edits) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  const out = [plan.summary];
  if (plan.edits.length) out.push(`  ${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  for (const e of plan.edits.slice(0, limit)) out.push(`  - ${describeEdit(e, lang)}`);
  if (limit > 0 && plan.edits.length > limit) out.push(lang === 'en' ? `  … and ${plan.edits.length - limit} more` : `  … ほか ${plan.edits.length - limit} 件`);
  for (const n of plan.notices) out.push(`  * ${n}`);
  return out;
}

export function describeSkipped(skipped: SkippedEdit[], lang: Lang): string[] {
  if (!skipped.length) return [];
  const out = [lang === 'en' ? `${skipped.length} edits skipped:` : `${skipped.length} 件の変更を見送りました:`];
  for (const s of skipped.slice(0, 40)) out.push(`  - [${s.reason}] ${s.detail}`);
  return out;
}

/** Distinct cells (or columns, sheets) a plan changed: what "N セル" means in previews and results. */
export function changedCells(plan: EditPlan, skipped: readonly { edit: CellEdit }[] = []): number {
  const left = new Set(skipped.map((s) => s.edit));
  const target = (e: CellEdit) => ('row' in e ? `${e.sheet}!${cellAddress(e.row, e.col)}` : 'col' in e ? `${e.sheet}!col${e.col}` : 'range' in e ? `${e.sheet}!${cellAddress(e.range.top, e.range.left)}` : e.sheet);
  return new Set(plan.edits.filter((e) => !left.has(e)).map(target)).size;
}
