/**
 * report: the reviewer's list of findings — a `点検結果` sheet (each finding linked to its cell),
 * or Markdown / JSON text.
 */
import type { Finding, Lang, Severity } from '../findings';
import type { CellEdit, EditPlan } from '../plan';
import type { CellValue } from '../snapshot';
import { say, type PlanInput } from './context';
import { REPORT_SHEET } from './input';

const SEVERITY: Record<Severity, { ja: string; en: string }> = {
  error: { ja: '誤り', en: 'error' },
  warning: { ja: '注意', en: 'warning' },
  info: { ja: '参考', en: 'info' },
};
const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function sorted(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.sheet.localeCompare(b.sheet) || cellOrder(a.cell) - cellOrder(b.cell));
}

function cellOrder(cell: string): number {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  return m ? Number(m[2]) * 1000 + m[1].length * 100 + m[1].charCodeAt(m[1].length - 1) : 0;
}

function kpiName(input: PlanInput, id: string | null): string {
  if (!id) return '';
  for (const s of input.model.sheets) for (const k of s.kpis) if (k.id === id) return k.name;
  return '';
}

export function reportHeader(lang: Lang): string[] {
  return lang === 'en' ? ['Severity', 'Rule', 'Sheet', 'Cell', 'KPI', 'Finding'] : ['重要度', '規則', 'シート', 'セル', 'KPI', '内容'];
}

export function reportRows(input: PlanInput): CellValue[][] {
  return sorted(input.analysis.findings).map((f) => [SEVERITY[f.severity][input.lang], f.rule, f.sheet, f.cell, f.kpiName ?? kpiName(input, f.kpi), f.message]);
}

/** Rows whose cell is in this workbook (a KPI removed since last year's edition has its cell there). */
function linkable(input: PlanInput): boolean[] {
  return sorted(input.analysis.findings).map((f) => f.edition !== 'previous');
}

export function planReport(input: PlanInput): EditPlan {
  const { lang } = input;
  const rows = reportRows(input);
  const title = say(lang, `点検結果（所見 ${rows.length} 件）`, `Review (${rows.length} findings)`);
  const edits: CellEdit[] = [];
  if (input.sheets.some((s) => s.name === REPORT_SHEET)) edits.push({ kind: 'deleteSheet', sheet: REPORT_SHEET });
  edits.push({ kind: 'addSheet', sheet: REPORT_SHEET, visibility: 'visible', rows: [[title], reportHeader(lang), ...rows] });
  const links = linkable(input);
  rows.forEach((r, i) => {
    if (links[i]) edits.push({ kind: 'setHyperlink', sheet: REPORT_SHEET, row: i + 3, col: 4, link: { sheet: String(r[2]), cell: String(r[3]) } });
  });
  [8, 20, 16, 8, 40, 100].forEach((width, i) => edits.push({ kind: 'setColumnWidth', sheet: REPORT_SHEET, col: i + 1, width }));
  return { command: 'report', summary: say(lang, `「${REPORT_SHEET}」シートに所見 ${rows.length} 件を書き出し`, `write ${rows.length} findings to sheet "${REPORT_SHEET}"`), edits, notices: [] };
}

function mdCell(v: CellValue): string {
  return String(v ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function reportMarkdown(input: PlanInput, file: string): string {
  const { lang } = input;
  const rows = reportRows(input);
  const out = [`# ${say(lang, '点検結果', 'Review')}: ${file}`, ''];
  for (const s of input.model.sheets) out.push(say(lang, `- シート「${s.sheet}」: KPI表 ${s.tables.length} 個、KPI ${s.kpis.length} 件`, `- sheet "${s.sheet}": ${s.tables.length} KPI tables, ${s.kpis.length} KPIs`));
  const count = (sev: Severity) => input.analysis.findings.filter((f) => f.severity === sev).length;
  out.push(say(lang, `- 所見 ${rows.length} 件（誤り ${count('error')}、注意 ${count('warning')}、参考 ${count('info')}）`, `- ${rows.length} findings (${count('error')} errors, ${count('warning')} warnings, ${count('info')} info)`), '');
  if (rows.length === 0) return [...out, say(lang, '所見はありません。', 'No findings.'), ''].join('\n');
  const header = reportHeader(lang);
  out.push(`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`);
  for (const r of rows) out.push(`| ${r.map(mdCell).join(' | ')} |`);
  return `${out.join('\n')}\n`;
}

export function reportJson(input: PlanInput, file: string): string {
  const doc = {
    file,
    sheets: input.model.sheets.map((s) => ({ sheet: s.sheet, tables: s.tables.length, kpis: s.kpis.length })),
    findings: sorted(input.analysis.findings).map((f) => ({ severity: f.severity, rule: f.rule, sheet: f.sheet, cell: f.cell, kpi: f.kpi, kpiName: f.kpiName ?? kpiName(input, f.kpi), message: f.message })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
