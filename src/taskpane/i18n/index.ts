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
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
