/**
 * Cell value parsing: how a progress sheet writes numbers ("26件", "14,350人", "▲2,530", "3日以上",
 * "(4件)", "40.4%", 0.689 formatted 0.0%, 12 formatted #,##0"件") and what it writes instead of numbers.
 */
import type { CellValue } from './snapshot';
import type { ParsedValue, PrintedRate, Qualifier } from './model';
import { cellText, isDash, isErrorText, toHalfWidth } from './text';
import { KANA_UNITS } from './catalogue/words';

/** Units seen in real progress sheets; any other short non-numeric suffix is accepted as a unit too. */
export const KNOWN_UNITS = [
  '件', '人', '経営体', 't', KANA_UNITS[0], '百万円', '日', '%', '回', '世帯', '団体', '組', '事業', 'コース',
  KANA_UNITS[1], '区画', 'km', '棟', '千㎡', '万人', 'ha', '校', '地区', '円', '千円', '万円', '台', '戸', '箇所',
];

const QUALIFIERS: [string, Qualifier][] = [
  ['以上', 'atLeast'],
  ['以下', 'atMost'],
  ['未満', 'under'],
  ['超', 'over'],
];

const NUMBER = /^([▲△\-−－]?)(\d+(?:\.\d+)?|\.\d+)(.*)$/;

function round(x: number, digits = 10): number {
  return Number(x.toFixed(digits));
}

/** Unit written in a number format: '#,##0"件"' → "件", '0.0"万人"' → "万人", '0.0%' → "%". */
export function unitFromFormat(numberFormat: string | null | undefined): string | null {
  if (!numberFormat) return null;
  const section = numberFormat.split(';')[0];
  if (/%/.test(section.replace(/"[^"]*"/g, ''))) return '%';
  // Only a suffix after the digits is a unit ('"約"0' is a prefix).
  const quoted = /[0#?]"([^"]+)"\s*$/.exec(section.replace(/\[[^\]]*\]/g, ''));
  if (quoted && !/[0-9#]/.test(quoted[1])) return quoted[1].trim() || null;
  const escaped = /(?:\\(.))+$/.exec(section);
  if (escaped) return section.slice(escaped.index).replace(/\\/g, '') || null;
  return null;
}

/** Decimal places a number format shows: "0.0%" → 1, "#,##0" → 0; null for General / unknown. */
export function decimalsFromFormat(numberFormat: string | null | undefined): number | null {
  if (!numberFormat || /^general$/i.test(numberFormat)) return null;
  const section = numberFormat.split(';')[0].replace(/"[^"]*"/g, '');
  const m = /\.([0#]+)/.exec(section);
  return m ? m[1].length : /[0#]/.test(section) ? 0 : null;
}

/** A real percent format ("0.0%": the cell holds 0.689 and shows 68.9%), not a quoted "%" suffix. */
export function isPercentFormat(numberFormat: string | null | undefined): boolean {
  if (!numberFormat) return false;
  return /%/.test(numberFormat.split(';')[0].replace(/"[^"]*"/g, '').replace(/\\%/g, ''));
}

/** Splits "回以上" into unit "回" and qualifier atLeast. */
function splitQualifier(rest: string): { unit: string; qualifier: Qualifier | null } {
  for (const [word, q] of QUALIFIERS) {
    if (rest.endsWith(word)) return { unit: rest.slice(0, -word.length), qualifier: q };
  }
  return { unit: rest, qualifier: null };
}

/** A plausible unit: short, no digits, no sentence punctuation. */
function plausibleUnit(u: string): boolean {
  return u.length <= 6 && !/[0-9:：、。,()（）・\s]/.test(u);
}

interface NumberText {
  value: number;
  unit: string | null;
  qualifier: Qualifier | null;
}

/** Reads "26件", "▲2,530", "3日以上", "40.4%", "0ha"; null when the text is not one number with a unit. */
export function readNumberText(text: string): NumberText | null {
  const s = toHalfWidth(text).replace(/\s/g, '').replace(/(\d),(?=\d{3})/g, '$1');
  const m = NUMBER.exec(s);
  if (!m) return null;
  const value = m[1] !== '' ? -Number(m[2]) : Number(m[2]);
  if (!Number.isFinite(value)) return null;
  const { unit, qualifier } = splitQualifier(m[3]);
  if (!plausibleUnit(unit)) return null;
  return { value: value === 0 ? 0 : value, unit: unit === '' ? null : unit, qualifier };
}

function parsed(text: string, kind: ParsedValue['kind'], extra: Partial<ParsedValue> = {}): ParsedValue {
  return { text, kind, value: null, unit: null, qualifier: null, ...extra };
}

/**
 * Parses one cell. `numberFormat` gives units and percentages of numeric cells: 0.404 formatted "0.0%"
 * is 40.4 with unit "%" (percent points, as a percentage KPI is written as text).
 */
export function parseValue(
  v: CellValue,
  numberFormat: string | null = null,
  formula?: string | null,
): ParsedValue {
  const f = formula ? { formula } : {};
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return parsed(String(v), 'error', f);
    const formatUnit = unitFromFormat(numberFormat);
    const value = isPercentFormat(numberFormat) ? round(v * 100) : v;
    // '0"日以上"' carries a qualifier in the format.
    const { unit, qualifier } = splitQualifier(formatUnit ?? '');
    return parsed(displayNumber(v, numberFormat), 'number', { ...f, value, unit: unit || null, qualifier });
  }
  const text = cellText(v);
  if (text === '') return parsed('', 'empty', f);
  if (isErrorText(text)) return parsed(text, 'error', f);
  if (isDash(text)) return parsed(text, 'none', f);
  const ref = /^[(（]\s*(.+?)\s*[)）]$/.exec(text);
  if (ref) {
    const n = readNumberText(ref[1]);
    if (n) return parsed(text, 'reference', { ...f, ...n });
  }
  const n = readNumberText(text);
  if (n) return parsed(text, 'number', { ...f, ...n, unit: n.unit ?? unitFromFormat(numberFormat) });
  const a = annotated(text);
  if (a) return parsed(text, 'number', { ...f, ...a.number, unit: a.number.unit ?? unitFromFormat(numberFormat), annotation: a.note });
  return parsed(text, 'text', f);
}

/** Notes a figure carries in brackets: "7,077 (速報値)", "12,345 [H26]", "[H26] 12,345". */
const NOTE = /速報値?|見込み?値?|暫定値?|概数|推計値?|確定値|[HRS]\s*(?:\d{1,2}|元)\s*(?:年度?)?|平成\s*\d+\s*年度?|令和\s*(?:\d+|元)\s*年度?|\d{4}\s*年度?/.source;
const OPEN = /[(（[［]/.source;
const CLOSE = /[)）\]］]/.source;
const NOTE_AFTER = new RegExp(`^(.+?)\\s*${OPEN}\\s*(${NOTE})\\s*${CLOSE}$`);
const NOTE_BEFORE = new RegExp(`^${OPEN}\\s*(${NOTE})\\s*${CLOSE}\\s*(.+)$`);

function annotated(text: string): { number: NumberText; note: string } | null {
  // text is a cell's trimmed text (cellText)
  const after = NOTE_AFTER.exec(text);
  const before = after ? null : NOTE_BEFORE.exec(text);
  const figure = after ? after[1] : before?.[2];
  const note = after ? after[2] : before?.[1];
  // Stryker disable next-line LogicalOperator: both groups are non-empty when a pattern matched and both undefined when none did, so || and && agree
  if (!figure || !note) return null;
  const n = readNumberText(figure);
  return n ? { number: n, note } : null;
}

/** How a number shows with its format, roughly as Excel would: 0.689 "0.0%" → "68.9%", 26 '0"件"' → "26件". */
export function displayNumber(v: number, numberFormat: string | null | undefined): string {
  const unit = unitFromFormat(numberFormat);
  const decimals = decimalsFromFormat(numberFormat);
  const base = isPercentFormat(numberFormat) ? v * 100 : v;
  const grouped = !!numberFormat && /#,##0|#,#/.test(numberFormat);
  let digits = decimals === null ? String(round(base)) : base.toFixed(decimals);
  if (grouped) {
    const [i, d] = digits.split('.');
    digits = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (d !== undefined ? `.${d}` : '');
  }
  return digits + (unit ?? '');
}

function rate(text: string, kind: PrintedRate['kind'], storage: PrintedRate['storage'], value: number | null = null, decimals: number | null = null): PrintedRate {
  return { text, value, kind, decimals, storage };
}

/**
 * Parses a 達成率 cell: "68.9%" text, 0.689 formatted "0.0%", a formula, "-", or other text.
 * A bare number without a percent format is taken as a fraction when small (≤ 10), else as percent points.
 */
export function parseRate(v: CellValue, numberFormat: string | null = null, formula?: string | null): PrintedRate {
  if (typeof v === 'number') {
    const storage = formula ? 'formula' : 'number';
    if (!Number.isFinite(v)) return rate(String(v), 'error', storage);
    // 0.689 formatted 0.0% is a fraction; 68.9 formatted 0.0"%" shows percent points.
    const literalPercent = !isPercentFormat(numberFormat) && unitFromFormat(numberFormat) === '%';
    const value = isPercentFormat(numberFormat) || (!literalPercent && Math.abs(v) <= 10) ? v : round(v / 100);
    return rate(displayNumber(v, numberFormat), 'rate', storage, round(value), decimalsFromFormat(numberFormat));
  }
  const text = cellText(v);
  const storage = formula ? 'formula' : text === '' ? 'none' : 'text';
  if (text === '') return rate('', 'empty', storage);
  if (isErrorText(text)) return rate(text, 'error', storage);
  if (isDash(text)) return rate(text, 'none', storage);
  const m = /^([▲△\-−]?)(\d+(?:\.(\d+))?)%$/.exec(toHalfWidth(text).replace(/[\s,]/g, ''));
  if (m) {
    const sign = m[1] ? -1 : 1;
    const value = round((sign * Number(m[2])) / 100);
    // 309 digits overflow to Infinity: not a rate anyone can compare with
    if (Number.isFinite(value)) return rate(text, 'rate', storage, value, m[3]?.length ?? 0);
  }
  return rate(text, 'text', storage);
}
