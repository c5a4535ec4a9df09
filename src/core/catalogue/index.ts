/**
 * The message catalogue: every user-visible text of the product, keyed by a message id, in Japanese
 * and English, with typed parameters. Code never writes a user-visible sentence inline: it calls
 * `t(lang, id, params)`, or throws `new MessageError(id, params)` and lets the task pane, the ribbon
 * or the CLI translate it with `translateError`. Words follow docs/GLOSSARY.md.
 *
 * Sections live in this folder (one file per area) so that parallel work touches different files;
 * finding messages are in ../messages.ts. A new section is spread into CATALOGUE below.
 */
import type { Lang } from '../findings';
import { FINDING_MESSAGES } from '../messages';
import type { Entry } from './entry';
import { ERRORS } from './errors';
import { HOST_MESSAGES } from './host';
import { COMPARE_MESSAGES, EDITION_MESSAGES } from './compare';
import { ROUND_COPY_MESSAGES, ROUND_MESSAGES } from './round';
import { PLAN_MESSAGES } from './plans';
import { CHART_MESSAGES } from './chart';
import { COLUMN_MESSAGES } from './columns';
import { CHANGE_MESSAGES } from './changes';
import { SAVE_MESSAGES } from './save';
import { CLI_MESSAGES } from './cli';
import { FILE_MESSAGES } from './files';
import { RIBBON_MESSAGES } from './ribbon';
import { PANE_MESSAGES } from './pane';
import { GRADING_MESSAGES } from './grading';
import { MODEL_MESSAGES } from './model';
import { RULE_MESSAGES } from './rules';

export { msg, type Entry } from './entry';

export const CATALOGUE = {
  ...FINDING_MESSAGES,
  ...ERRORS,
  ...HOST_MESSAGES,
  ...COMPARE_MESSAGES,
  ...EDITION_MESSAGES,
  ...ROUND_MESSAGES,
  ...ROUND_COPY_MESSAGES,
  ...PLAN_MESSAGES,
  ...CHART_MESSAGES,
  ...COLUMN_MESSAGES,
  ...CHANGE_MESSAGES,
  ...SAVE_MESSAGES,
  ...CLI_MESSAGES,
  ...FILE_MESSAGES,
  ...RIBBON_MESSAGES,
  ...PANE_MESSAGES,
  ...GRADING_MESSAGES,
  ...MODEL_MESSAGES,
  ...RULE_MESSAGES,
};

export type Catalogue = typeof CATALOGUE;
export type MessageId = keyof Catalogue;
/** The parameters of a message: `[]` or `[{ sheet: string }]`. */
export type ParamsOf<K extends MessageId> = Parameters<Catalogue[K]['ja']>;

/** The text of message `id` in `lang`. */
export function t<K extends MessageId>(lang: Lang, id: K, ...params: ParamsOf<K>): string {
  const entry = CATALOGUE[id] as Entry | undefined;
  if (!entry) throw new Error(`no message ${String(id)}`);
  return (entry[lang] as (...a: unknown[]) => string)(...params);
}

/**
 * An error raised as a message id and its parameters. `.message` is the Japanese text (for logs and
 * for code that only knows Error); UIs call `translateError(lang, e)`.
 */
export class MessageError<K extends MessageId = MessageId> extends Error {
  readonly id: K;
  readonly params: ParamsOf<K>;
  constructor(id: K, ...params: ParamsOf<K>) {
    super(t('ja', id, ...params));
    this.name = 'MessageError';
    this.id = id;
    this.params = params;
  }
}

export function isMessageError(e: unknown): e is MessageError {
  return e instanceof MessageError || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'MessageError' && typeof (e as { id?: unknown }).id === 'string');
}

/** A thrown value as a detail for a sentence ("読み込めませんでした: {detail}"): catalogue errors translated. */
export function errorDetail(lang: Lang, e: unknown): string {
  if (isMessageError(e) && e.id in CATALOGUE) return t(lang, e.id, ...(e.params as ParamsOf<typeof e.id>));
  return e instanceof Error ? e.message : String(e);
}

/** A thrown value as a sentence in `lang`: catalogue errors translated, anything else named as unexpected. */
export function translateError(lang: Lang, e: unknown): string {
  if (isMessageError(e) && e.id in CATALOGUE) return errorDetail(lang, e);
  return t(lang, 'error.unexpected', { detail: errorDetail(lang, e) });
}

/** A message's text in both languages, for code that lists what it names in each (save.unkept). */
export function inBoth<K extends MessageId>(id: K, ...params: ParamsOf<K>): { ja: string; en: string } {
  return { ja: t('ja', id, ...params), en: t('en', id, ...params) };
}
