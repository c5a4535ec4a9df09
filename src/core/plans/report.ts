/**
 * report: the reviewer's list of findings — a `点検結果` sheet that prints (title, file, date and time,
 * landscape A4 one page wide, header row on every page, wrapped text; each finding linked to its cell),
 * or Markdown / JSON text with the same columns and words.
 */
import { t } from '../catalogue';
import { eraYearLabel } from '../definitions';
import { findingSubject, ruleName, severityCount, severityName } from '../catalogue/vocabulary';
import { fitCellText } from '../apply-rules';
import type { Finding, Lang, Severity } from '../findings';
import type { CellEdit, EditPlan, PrintLayout } from '../plan';
import type { CellValue } from '../snapshot';
import type { PlanInput } from './context';
import { REPORT_SHEET } from './input';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Where the report comes from and when: printed under its title. */
export interface ReportMeta {
  /** The workbook's file name, when known. */
  file?: string;
  /** When the report is made (the caller's clock; core reads no clock itself). */
  now?: Date;
}

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

/** "2026-12-06 14:05" in the caller's local time. */
export function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The columns of every report form (sheet, Markdown, JSON keys in this order). */
export function reportHeader(lang: Lang): string[] {
  return (['severity', 'rule', 'sheet', 'cell', 'kpi', 'year', 'finding'] as const).map((c) => (c === 'kpi' ? 'KPI' : t(lang, `plan.report.column.${c}`)));
}

export function reportRows(input: PlanInput): CellValue[][] {
  return sorted(input.analysis.findings).map((f) => [
    severityName(f.severity, input.lang), ruleName(f.rule, input.lang), f.sheet, f.cell,
    f.kpiName ?? kpiName(input, f.kpi), yearOf(f), f.message,
  ]);
}

/** The finding's fiscal year as the table writes it; changes between editions carry only the year. */
function yearOf(f: Finding): string {
  return f.yearLabel ?? (f.year ? eraYearLabel(f.year) : '');
}

/** Rows whose cell is in this workbook (a KPI removed since last year's edition has its cell there). */
function linkable(input: PlanInput): boolean[] {
  return sorted(input.analysis.findings).map((f) => f.edition !== 'previous');
}

function countsLine(input: PlanInput): string {
  const { lang } = input;
  const n = input.analysis.findings.length;
  const parts = (['error', 'warning', 'info'] as const).map((s) => severityCount(s, input.analysis.findings.filter((f) => f.severity === s).length, lang));
  return t(lang, 'plan.report.counts', { n, parts });
}

function metaLine(lang: Lang, meta: ReportMeta): string {
  const parts: string[] = [];
  if (meta.file) parts.push(t(lang, 'plan.report.file', { file: meta.file }));
  if (meta.now) parts.push(t(lang, 'plan.report.made', { at: stamp(meta.now) }));
  return t(lang, 'plan.report.meta', { parts });
}

const HEADER_ROW = 4;
const WIDTHS = [8, 18, 14, 7, 36, 7, 90];

/** 点検結果 and KPI定義 print alike: A4 landscape, one page wide, their header row on every page. */
export function printLayout(headerRow: number, wrapColumns: number[], header: string): PrintLayout {
  return { orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: [headerRow, headerRow], wrapColumns, wrapFrom: headerRow + 1, header };
}

export function planReport(input: PlanInput, meta: ReportMeta = {}): EditPlan {
  const { lang } = input;
  const rows = reportRows(input);
  const title = t(lang, 'plan.report.title');
  const edits: CellEdit[] = [];
  if (input.sheets.some((s) => s.name === REPORT_SHEET)) edits.push({ kind: 'deleteSheet', sheet: REPORT_SHEET });
  const head = [[`${title}\u3000${countsLine(input)}`], [metaLine(lang, meta)], [], reportHeader(lang)];
  const print = printLayout(HEADER_ROW, [5, 7], [title, meta.file, meta.now ? stamp(meta.now) : ''].filter(Boolean).join('  '));
  edits.push({ kind: 'addSheet', sheet: REPORT_SHEET, visibility: 'visible', rows: [...head, ...rows], print });
  const links = linkable(input);
  rows.forEach((r, i) => {
    if (links[i]) edits.push({ kind: 'setHyperlink', sheet: REPORT_SHEET, row: i + HEADER_ROW + 1, col: 4, link: { sheet: String(r[2]), cell: String(r[3]) } });
  });
  WIDTHS.forEach((width, i) => edits.push({ kind: 'setColumnWidth', sheet: REPORT_SHEET, col: i + 1, width }));
  return fitCellText({ command: 'report', summary: t(lang, 'plan.report.summary', { sheet: REPORT_SHEET, n: rows.length }), edits, notices: [] }, lang);
}

/** Bidirectional controls (U+202A–202E, U+2066–2069, LRM/RLM/ALM) can make a line read backwards. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Text from a workbook made safe for a Markdown table: HTML escaped, no bidi controls, one line. */
export function mdText(v: CellValue): string {
  return String(v ?? '')
    .replace(BIDI, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
}

function mdCell(v: CellValue): string {
  return mdText(v);
}

export function reportMarkdown(input: PlanInput, file: string, meta: ReportMeta = {}): string {
  const { lang } = input;
  const rows = reportRows(input);
  const out = [`# ${t(lang, 'plan.report.title')}: ${mdText(file)}`, ''];
  const line = metaLine(lang, { ...meta, file: undefined });
  if (line) out.push(line, '');
  for (const s of input.model.sheets) out.push(t(lang, 'plan.report.markdown.sheet', { sheet: mdText(s.sheet), tables: s.tables.length, kpis: s.kpis.length }));
  out.push(`- ${countsLine(input)}`, '');
  if (rows.length === 0) return [...out, t(lang, 'plan.report.markdown.none'), ''].join('\n');
  const header = reportHeader(lang);
  out.push(`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`);
  for (const r of rows) out.push(`| ${r.map(mdCell).join(' | ')} |`);
  return `${out.join('\n')}\n`;
}

export function reportJson(input: PlanInput, file: string, meta: ReportMeta = {}): string {
  const { lang } = input;
  const doc = {
    file,
    ...(meta.now ? { made: meta.now.toISOString() } : {}),
    columns: reportHeader(lang),
    sheets: input.model.sheets.map((s) => ({ sheet: s.sheet, tables: s.tables.length, kpis: s.kpis.length })),
    findings: sorted(input.analysis.findings).map((f) => ({
      severity: f.severity, severityName: severityName(f.severity, lang), rule: f.rule, ruleName: ruleName(f.rule, lang),
      sheet: f.sheet, cell: f.cell, kpi: f.kpi, kpiName: f.kpiName ?? kpiName(input, f.kpi),
      year: f.year ?? null, yearLabel: yearOf(f) || null, subject: findingSubject(f, lang), message: f.message,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
