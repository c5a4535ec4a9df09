/**
 * Printed legends (凡例) of grades and trend marks, and the grade a legend gives a rate.
 * "A:順調(「実績値」が「期待値」以上), B+:概ね順調(…80~99%), B:やや遅れ(…50~79%), C:遅れ(…50%未満)",
 * "達成度:順調A,要改善B,未実施-", "改善・悪化:改善○,維持△,悪化×,未実施". Pure.
 */
import type { GradeLegend, LegendEntry } from './model';
import { LEGEND_WORDS } from './catalogue/words';

/** Half-width letters and one circle: "Ｂ＋" → "B+", "〇" → "○". */
export function normaliseSymbol(text: string): string | null {
  const s = text.normalize('NFKC').replace(/\s+/g, '').replace(/〇/g, '○').replace(/[−－]/g, '-');
  if (s === '' || /^[-‐―ー]$/.test(s)) return null;
  return s.toUpperCase();
}

const WORDS = LEGEND_WORDS.join('|');
/** Any status word: a text without one holds no legend (asked of every row outside the tables). */
const ANY_WORD = new RegExp(WORDS);
const SYMBOL = '[A-EＡ-Ｅ][+\\-＋－]?|[SＳ]|[◎○〇△×▲●]';
/** "A:順調(…)" — symbol first. */
const SEP = /[\s,、，/／・]/.source;
/** A label of up to 8 characters, and an optional bracketed range after it. */
const LABEL = /[^\s(（,、，:：]{1,8}/.source;
const RANGE = /[(（]([^)）]*)[)）]/.source;
const SYMBOL_FIRST = new RegExp(`(?:^|${SEP})(${SYMBOL})\\s*[:：=＝]\\s*(${WORDS}|${LABEL})\\s*(?:${RANGE})?`, 'g');
/** "順調A", "改善○" — word first. */
const WORD_FIRST = new RegExp(`(${WORDS})\\s*[:：]?\\s*(${SYMBOL}|-)(?![A-Za-z])`, 'g');
/** "◎順調 ○概ね順調" — symbol then word, no colon. */
const SEP_COLON = /[\s,、，/／:：]/.source;
const SYMBOL_WORD = new RegExp(`(?:^|${SEP_COLON})(${SYMBOL})\\s*(${WORDS})`, 'g');

/** Default lower bounds of status words when the legend prints none. */
const WORD_MIN: Record<string, number | null> = { 達成: 1, 順調: 1, 概ね順調: 0.8, おおむね順調: 0.8, やや遅れ: 0.5, 遅れ: null, 大幅な遅れ: null, 要改善: null, 未達成: null };

function bounds(cond: string | undefined): { min: number | null; max: number | null } | null {
  if (!cond) return null;
  const c = cond.normalize('NFKC');
  const range = /(\d+(?:\.\d+)?)\s*%?\s*[~〜～-]\s*(\d+(?:\.\d+)?)\s*%/.exec(c);
  if (range) return { min: Number(range[1]) / 100, max: (Number(range[2]) + 1) / 100 };
  const atLeast = /(\d+(?:\.\d+)?)\s*%\s*以上/.exec(c);
  if (atLeast) return { min: Number(atLeast[1]) / 100, max: null };
  const under = /(\d+(?:\.\d+)?)\s*%\s*(未満|以下)/.exec(c);
  if (under) return { min: null, max: Number(under[1]) / 100 };
  if (/以上|達成/.test(c)) return { min: 1, max: null };
  return null;
}

function segmentKind(text: string): GradeLegend['kind'] {
  return /改善/.test(text) && /悪化/.test(text) ? 'trend' : 'grade';
}

function entriesBy(segment: string, kind: GradeLegend['kind'], re: RegExp, pick: (m: RegExpMatchArray) => [string, string, string?]): LegendEntry[] {
  const out: LegendEntry[] = [];
  const seen = new Set<string>();
  for (const m of segment.matchAll(re)) {
    const [rawSymbol, label, cond] = pick(m);
    const symbol = normaliseSymbol(rawSymbol);
    if (!symbol || seen.has(symbol) || label === '未実施') continue;
    seen.add(symbol);
    const b = bounds(cond);
    const min = b ? b.min : kind === 'grade' ? WORD_MIN[label] ?? null : null;
    out.push({ symbol, label, min, max: b?.max ?? null });
  }
  return out;
}

/** The reading that finds the most entries ("A:順調", "順調A" or "◎順調"). */
function entriesOf(segment: string, kind: GradeLegend['kind']): LegendEntry[] {
  const readings = [
    entriesBy(segment, kind, SYMBOL_FIRST, (m) => [m[1], m[2], m[3]]),
    entriesBy(segment, kind, WORD_FIRST, (m) => [m[2], m[1]]),
    entriesBy(segment, kind, SYMBOL_WORD, (m) => [m[1], m[2]]),
  ];
  return readings.reduce((a, b) => (b.length > a.length ? b : a));
}

/**
 * Legends in one text (a cell, or the cells of a row joined): grade bands and trend marks, each
 * with two entries or more. Sections are split at "/" ("改善・悪化:… / 達成度:…").
 */
export function parseLegendText(text: string, row = 0, col = 0): readonly GradeLegend[] {
  if (legendFree.has(text)) return NO_LEGENDS;
  if (!ANY_WORD.test(text)) return noLegendIn(text);
  const out: GradeLegend[] = [];
  for (const segment of text.split(/\s[/／]\s|[/／](?=\s*[^\s/／]{1,8}[:：])|\n/)) {
    const kind = segmentKind(segment);
    const entries = entriesOf(segment, kind);
    // Status words alone give bands only on the four-step scale (順調/概ね順調/やや遅れ/遅れ).
    const printedBounds = entries.some((e) => e.max !== null || (e.min !== null && e.min !== WORD_MIN[e.label]));
    if (!printedBounds && entries.length < 3) for (const e of entries) e.min = null;
    if (entries.length >= 2) out.push({ kind, entries, row, col, text: segment.trim() });
  }
  return out.length ? out : noLegendIn(text);
}

/**
 * Texts found to hold no legend (what parseLegendText finds depends on the text alone): a sheet repeats
 * its headings and notes (the 10,000-KPI sheet's 13,571 one-cell rows hold 107 texts), and recognition
 * asks about every row outside the tables. Bounded.
 */
const legendFree = new Set<string>();
const NO_LEGENDS: readonly GradeLegend[] = Object.freeze([]);

function noLegendIn(text: string): readonly GradeLegend[] {
  if (legendFree.size > 50_000) legendFree.clear();
  legendFree.add(text);
  return NO_LEGENDS;
}

/** The legend entry a rate (fraction) falls in; null when the legend gives no bands. */
export function gradeFromLegend(legend: GradeLegend, rate: number): LegendEntry | null {
  const banded = legend.entries.filter((e) => e.min !== null || e.max !== null);
  if (banded.length === 0) return null;
  // 12 significant digits: 0.8 is in the 80 % band whatever the last binary digit says.
  const r = Number(rate.toPrecision(12));
  const withMin = banded.filter((e) => e.min !== null).sort((a, b) => (b.min as number) - (a.min as number));
  for (const e of withMin) if (r >= (e.min as number)) return e;
  return legend.entries.find((e) => e.min === null) ?? withMin[withMin.length - 1] ?? null;
}

/** The trend mark for a KPI that improved, kept its level or worsened; null when the legend has none. */
export function trendFromLegend(legend: GradeLegend, change: 'improved' | 'kept' | 'worsened'): LegendEntry | null {
  const word = change === 'improved' ? /改善/ : change === 'kept' ? /維持|横ばい/ : /悪化/;
  return legend.entries.find((e) => word.test(e.label)) ?? null;
}

/** Does a printed symbol name this entry ("順調" printed where the legend says "A:順調")? */
export function isEntry(printed: string, entry: LegendEntry): boolean {
  const s = normaliseSymbol(printed);
  return s === entry.symbol || printed.trim() === entry.label;
}

/** The entry a printed symbol or word names, when the legend has it. */
export function entryOf(legend: GradeLegend, printed: string): LegendEntry | null {
  return legend.entries.find((e) => isEntry(printed, e)) ?? null;
}
