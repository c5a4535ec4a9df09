/**
 * Change lists (task pane preview, --dry-run of every writing command): each planned edit named by
 * its KPI, fiscal year and figure, then where it is and what changes (src/core/plans/describe.ts).
 */
import { msg } from './entry';
import { countOf } from './vocabulary';

const quoteKpi = (p: { kpi?: string; more?: number }, lang: 'ja' | 'en') => {
  if (!p.kpi) return '';
  if (lang === 'en') return `"${p.kpi}"${p.more ? ` and ${p.more} more` : ''}`;
  return `「${p.kpi}」${p.more ? `ほか${p.more}件の` : ''}`;
};

export const CHANGE_MESSAGES = {
  /** 「移住相談件数」R2 達成率 / "Migration consultations" R2 rate */
  'change.subject': msg(
    (p: { kpi?: string; more?: number; year?: string; field?: string }) => `${quoteKpi(p, 'ja')}${p.year ?? ''}${p.field ? `${p.year ? ' ' : ''}${p.field}` : ''}`,
    (p) => [quoteKpi(p, 'en'), p.year, p.field].filter(Boolean).join(' '),
  ),
  /** 「移住相談件数」R2 達成率（進捗状況一覧表!F12）: 空欄 → 75.6% */
  'change.line': msg(
    (p: { subject: string; where: string; change: string }) => (p.subject ? `${p.subject}（${p.where}）: ${p.change}` : `${p.where}: ${p.change}`),
    (p) => (p.subject ? `${p.subject} (${p.where}): ${p.change}` : `${p.where}: ${p.change}`),
  ),
  'change.field.actual': msg(() => '実績値', () => 'actual'),
  'change.field.rate': msg(() => '達成率', () => 'rate'),
  'change.field.rate-formula': msg(() => '達成率の数式', () => 'rate formula'),
  'change.field.remark': msg(() => '備考', () => 'remark'),
  'change.field.sheetNo': msg(() => 'シートNo.', () => 'sheet No.'),
  'change.field.year-header': msg(() => '年度の見出し', () => 'year header'),
  'change.field.year-column': msg(() => '年度列', () => 'year column'),
  'change.field.year-header-merge': msg(() => '見出しの結合', () => 'header merge'),
  'change.empty': msg(() => '空欄', () => 'empty'),
  'change.formula': msg(
    (p: { value: string; formula: string }) => (p.value ? `${p.value}（数式 ${p.formula}）` : `数式 ${p.formula}`),
    (p) => (p.value ? `${p.value} (formula ${p.formula})` : `formula ${p.formula}`),
  ),
  'change.fill': msg(
    (p: { colour: string }) => `塗りつぶし ${p.colour}`,
    (p) => `fill ${p.colour}`,
  ),
  'change.fill.none': msg(() => '塗りつぶしを解除', () => 'fill removed'),
  'change.note': msg(
    (p: { text: string }) => `メモ「${p.text}」`,
    (p) => `note "${p.text}"`,
  ),
  'change.note.removed': msg(() => 'メモを削除', () => 'note removed'),
  'change.link': msg(
    (p: { target: string }) => `リンク → ${p.target}`,
    (p) => `link → ${p.target}`,
  ),
  'change.link.removed': msg(() => 'リンクを削除', () => 'link removed'),
  'change.insert-column': msg(
    (p: { col: string; from: string }) => `${p.col}列に列を挿入（書式は ${p.from}列から）`,
    (p) => `insert a column at ${p.col} (formats from ${p.from})`,
  ),
  'change.delete-column': msg(
    (p: { col: string }) => `${p.col}列を削除`,
    (p) => `delete column ${p.col}`,
  ),
  'change.merge': msg(() => 'セルを結合', () => 'merge the cells'),
  'change.unmerge': msg(() => 'セルの結合を解除', () => 'unmerge the cells'),
  'change.column-width': msg(
    (p: { col: string; width: number | null }) => (p.width === null ? `${p.col}列の幅を標準に` : `${p.col}列の幅を ${p.width} に`),
    (p) => (p.width === null ? `column ${p.col} to the standard width` : `column ${p.col} width ${p.width}`),
  ),
  'change.add-sheet': msg(
    (p: { sheet: string; rows: number; hidden: boolean }) => `シート「${p.sheet}」を追加（${p.rows} 行${p.hidden ? '、非表示' : ''}）`,
    (p) => `add sheet "${p.sheet}" (${countOf(p.rows, 'row')}${p.hidden ? ', hidden' : ''})`,
  ),
  'change.delete-sheet': msg(
    (p: { sheet: string }) => `シート「${p.sheet}」を削除`,
    (p) => `delete sheet "${p.sheet}"`,
  ),
  /** Counts by kind of change, joined: 「セルの値 38、列の挿入 1」 / "38 values, 1 column insert". */
  'change.count.setCell': msg((p: { n: number }) => `セルの値 ${p.n}`, (p) => countOf(p.n, 'value')),
  'change.count.setFill': msg((p: { n: number }) => `塗りつぶし ${p.n}`, (p) => countOf(p.n, 'fill')),
  'change.count.setNote': msg((p: { n: number }) => `メモ ${p.n}`, (p) => countOf(p.n, 'note')),
  'change.count.setHyperlink': msg((p: { n: number }) => `リンク ${p.n}`, (p) => countOf(p.n, 'link')),
  'change.count.insertColumn': msg((p: { n: number }) => `列の挿入 ${p.n}`, (p) => countOf(p.n, 'column insert')),
  'change.count.deleteColumn': msg((p: { n: number }) => `列の削除 ${p.n}`, (p) => countOf(p.n, 'column deletion')),
  'change.count.merge': msg((p: { n: number }) => `結合 ${p.n}`, (p) => countOf(p.n, 'merge')),
  'change.count.unmerge': msg((p: { n: number }) => `結合の解除 ${p.n}`, (p) => countOf(p.n, 'unmerge')),
  'change.count.setColumnWidth': msg((p: { n: number }) => `列幅 ${p.n}`, (p) => countOf(p.n, 'column width')),
  'change.count.addSheet': msg((p: { n: number }) => `シートの追加 ${p.n}`, (p) => countOf(p.n, 'new sheet')),
  'change.count.deleteSheet': msg((p: { n: number }) => `シートの削除 ${p.n}`, (p) => countOf(p.n, 'sheet deletion')),
  'change.counts': msg(
    (p: { names: string[] }) => p.names.join('、'),
    (p) => p.names.join(', '),
  ),
  'change.more': msg(
    (p: { n: number }) => `… ほか ${p.n} 件`,
    (p) => `… and ${p.n} more`,
  ),
  'change.skipped': msg(
    (p: { n: number }) => `${p.n} 件の変更を見送りました:`,
    (p) => `${countOf(p.n, 'change')} skipped:`,
  ),
  'change.skip.changed': msg(() => '変更済み', () => 'changed since'),
  'change.skip.unsupported': msg(() => '非対応', () => 'not supported'),
  'change.skip.exists': msg(() => '既にあり', () => 'exists'),
  'change.skip.missing': msg(() => '見つからない', () => 'not found'),
};
