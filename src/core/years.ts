/**
 * Fiscal-year labels (年度). Japanese offices write the same year as R1, R元, 令和元年度, H31, 2019,
 * 2019年度 or FY2019; all map to the western fiscal year (H31 = R1 = 2019). The style is kept so that
 * a new column can be labelled the way the sheet already does.
 */
import type { YearLabelStyle } from './model';
import { toHalfWidth } from './text';

export interface ParsedYear {
  year: number;
  style: YearLabelStyle;
}

const ERA_BASE: Record<'R' | 'H', number> = { R: 2018, H: 1988 };
const ERA_PREFIX: Record<string, { era: 'R' | 'H'; prefix: string }> = {
  R: { era: 'R', prefix: 'R' },
  r: { era: 'R', prefix: 'R' },
  令和: { era: 'R', prefix: '令和' },
  H: { era: 'H', prefix: 'H' },
  h: { era: 'H', prefix: 'H' },
  平成: { era: 'H', prefix: '平成' },
};

function hasFullWidth(s: string): boolean {
  return /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/.test(s);
}

/**
 * Parses a whole label ("R1", "R01", "令和元年度", "2019年度", "FY2019", "R1(2019)"); null when it is
 * not a year label.
 */
export function parseYearLabel(label: string): ParsedYear | null {
  if (typeof label !== 'string') return null;
  // Spaces anywhere are dropped ("令和 6 年度"); \s is the set String.trim() removes, so no trim first.
  const s = toHalfWidth(label).replace(/\s/g, '');
  return parseSingle(s, hasFullWidth(label)) ?? parseDual(s, hasFullWidth(label));
}

/** "R1(2019)" / "2019(R1)" / "令和元年度(2019年度)": both halves must name the same year. */
function parseDual(s: string, fullWidth: boolean): ParsedYear | null {
  const m = /^([^()]+)\(([^()]+)\)$/.exec(s);
  if (!m) return null;
  const a = parseSingle(m[1], fullWidth);
  const b = parseSingle(m[2], fullWidth);
  if (!a || !b || a.year !== b.year || (a.style.era === null) === (b.style.era === null)) return null;
  const era = a.style.era ?? b.style.era;
  return { year: a.year, style: { template: `${a.style.template}(${b.style.template})`, era, gannen: a.style.gannen || b.style.gannen, fullWidth } };
}

function parseSingle(s: string, fullWidth: boolean): ParsedYear | null {
  let m = /^(R|r|令和|H|h|平成)(元|\d{1,2})(年度|年)?$/.exec(s);
  if (m) {
    const { era, prefix } = ERA_PREFIX[m[1]];
    const n = m[2] === '元' ? 1 : Number(m[2]);
    // Kanji eras are written 元年 by convention even when the sheet never shows year 1 yet.
    const gannen = m[2] === '元' || prefix.length > 1;
    // R has no upper bound here: the pattern's one or two digits stop at R99.
    if (n < 1 || (era === 'H' && n > 31)) return null;
    // "R07": one or two digits, and a lone 0 is no year.
    const padded = m[2].startsWith('0');
    return {
      year: ERA_BASE[era] + n,
      style: { template: `${prefix}${padded ? '{nn}' : '{n}'}${m[3] ?? ''}`, era, gannen, fullWidth },
    };
  }
  m = /^(FY|fy)?(\d{4})(年度|年)?$/.exec(s);
  if (m) {
    const year = Number(m[2]);
    if (year < 1989 || year > 2200) return null;
    return { year, style: { template: `${m[1] ? 'FY' : ''}{y}${m[3] ?? ''}`, era: null, gannen: false, fullWidth } };
  }
  return null;
}

function toFullWidth(s: string): string {
  return s.replace(/[0-9A-Za-z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

/** Writes a year in a kept style: formatYearLabel(2025, R-style) → "R7". */
export function formatYearLabel(year: number, style: YearLabelStyle): string {
  let out = style.template.replace('{y}', String(year));
  // Stryker disable next-line ConditionalExpression: a western template holds no {n} or {nn}, so the era branch would change nothing
  if (style.era) {
    const n = year - ERA_BASE[style.era];
    out = out.replace('{nn}', String(n).padStart(2, '0')).replace('{n}', n === 1 && style.gannen ? '元' : String(n));
  }
  return style.fullWidth ? toFullWidth(out) : out;
}

/** A year written inside a header ("基準値 (H30)", "目標値（令和6年度）", "R6目標"); null when none. */
export function yearInText(text: string): ParsedYear | null {
  const s = toHalfWidth(text).replace(/\s/g, '');
  const whole = parseYearLabel(s);
  if (whole) return whole;
  for (const [c] of s.matchAll(/(令和|平成)(元|\d{1,2})(年度|年)?|FY\d{4}(年度)?|\d{4}(年度|年)?|(?<![A-Za-z])[RH](元|\d{1,2})(年度)?/g)) {
    const p = parseYearLabel(c);
    if (p) return p;
  }
  return null;
}
