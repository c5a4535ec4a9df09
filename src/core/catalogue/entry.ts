/**
 * One catalogue entry: the Japanese and the English text of one message, built from the same typed
 * parameters. `msg((p: { n: number }) => `${p.n} 件`, (p) => `${p.n} items`)` — the English text
 * gets the Japanese one's parameter type, so both always take the same parameters.
 */
export type Params = Record<string, string | number>;

export interface Entry<A extends [] | [object] = [] | [object]> {
  ja: (...args: A) => string;
  en: (...args: A) => string;
}

export function msg<A extends [] | [object]>(ja: (...args: A) => string, en: (...args: NoInfer<A>) => string): Entry<A> {
  return { ja, en };
}
