import type { Lang } from '../../core/findings';
import { en } from './en';
import { ja, type Messages } from './ja';

export type { Messages };

export function messages(lang: Lang): Messages {
  return lang === 'en' ? en : ja;
}

/** Japanese unless Office's display language is English ("en-US", "en-GB"…). */
export function langFromDisplayLanguage(displayLanguage: string | undefined | null): Lang {
  return /^en\b/i.test(displayLanguage ?? '') ? 'en' : 'ja';
}

/** Fills "{n}"-style placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  // {n|cell|cells}: an English count with its noun ("1 cell", "2 cells"); Japanese templates use {n}.
  return template.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (whole, key: string, one?: string, many?: string) => {
    if (!(key in values)) return whole;
    const value = values[key];
    return one === undefined ? String(value) : `${value} ${value === 1 ? one : many}`;
  });
}
