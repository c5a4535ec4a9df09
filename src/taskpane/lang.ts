/** The pane's language. Its texts are in the message catalogue (src/core/catalogue, t()). */
import type { Lang } from '../core/findings';

/** Japanese unless Office's display language is English ("en-US", "en-GB"…). */
export function langFromDisplayLanguage(displayLanguage: string | undefined | null): Lang {
  return /^en\b/i.test(displayLanguage ?? '') ? 'en' : 'ja';
}
