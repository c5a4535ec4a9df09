/**
 * `JSON.stringify(value, null, 2)` written in pieces: `check --json` of 10,000 KPIs is about 20 MB of
 * text, which as one string (and once more with its line end added) cost memory and copying. The
 * outer levels are walked here; each value deeper than `depth` (a KPI, a finding) is stringified by
 * JSON.stringify itself and indented to its place. The text is the same, byte for byte.
 */

/** Pieces are handed to `write` once they reach this many characters. */
const PIECE = 1 << 16;
/** Array items stringified together in one JSON.stringify call. */
const BATCH = 256;

function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** `x` as the one item of `n` nested arrays: JSON.stringify then indents it as at level n. */
function nest(x: unknown, n: number): unknown {
  let wrapped = x;
  for (let i = 0; i < n; i++) wrapped = [wrapped];
  return wrapped;
}

/**
 * JSON.stringify's text of `x` placed at indent level `n` (2n spaces), without its leading spaces:
 * stringified inside n arrays, whose brackets (n² + n characters on each side) are cut off again.
 */
function atLevel(x: unknown, n: number): string {
  if (n === 0 || x === null || typeof x !== 'object') return JSON.stringify(x, null, 2) ?? '';
  const text = JSON.stringify(nest(x, n), null, 2);
  return text.slice(n * n + 3 * n, text.length - n * n - n);
}

/**
 * The items `list[from..to)` of an array at indent level n, each on its own lines at level n + 1
 * with its leading spaces and the commas between: one JSON.stringify call for the lot.
 */
function itemsAtLevel(list: unknown[], from: number, to: number, n: number): string {
  const text = JSON.stringify(nest(list.slice(from, to), n), null, 2);
  return text.slice(n * n + 3 * n + 2, text.length - n * n - 3 * n - 2);
}

/**
 * A value that writes its own JSON text: `jsonText(level)` must be exactly what JSON.stringify(x, null,
 * 2) gives for the value at indent level `level` (without the leading spaces), where x is what its
 * `toJSON()` returns. writeJson asks for the text; JSON.stringify elsewhere (batch --json) keeps using
 * toJSON. For parts of a document that are cheaper to write as text than to build as objects.
 */
export interface JsonText {
  toJSON(): unknown;
  jsonText(level: number): string;
}

function isJsonText(v: unknown): v is JsonText {
  return v !== null && typeof v === 'object' && typeof (v as { jsonText?: unknown }).jsonText === 'function';
}

const INDENTS = Array.from({ length: 16 }, (_, i) => '  '.repeat(i));

/** The spaces of indent level n (2n). */
export function indent(n: number): string {
  return n < INDENTS.length ? INDENTS[n] : '  '.repeat(n);
}

/** What JSON.stringify escapes in a string: quote, backslash, control characters, (lone) surrogates. */
// eslint-disable-next-line no-control-regex -- the control characters are what JSON.stringify escapes
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * JSON.stringify's text of a string: most texts of a sheet need no escape, and quoting them here costs
 * a fifth of a JSON.stringify call each (10,000 KPIs: about 200,000 texts).
 */
export function stringText(s: string): string {
  return ESCAPED.test(s) ? JSON.stringify(s) : `"${s}"`;
}

/**
 * JSON.stringify(x, null, 2)'s text of a value at indent level n, written here for plain data (strings,
 * numbers, booleans, null, arrays and plain objects of them); anything else (toJSON, bigint) goes to
 * JSON.stringify itself. undefined where JSON.stringify omits the value (undefined, a function, a symbol).
 */
export function valueText(x: unknown, n: number): string | undefined {
  switch (typeof x) {
    case 'string':
      return stringText(x);
    case 'number':
      return Number.isFinite(x) ? String(x) : 'null';
    case 'boolean':
      return x ? 'true' : 'false';
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object':
      break;
    default:
      return atLevel(x, n);
  }
  if (x === null) return 'null';
  if (typeof (x as { toJSON?: unknown }).toJSON === 'function') return atLevel(x, n);
  if (Array.isArray(x)) {
    if (x.length === 0) return '[]';
    const inner = indent(n + 1);
    let s = '[\n';
    for (let i = 0; i < x.length; i++) s += `${i ? `,\n${inner}` : inner}${valueText(x[i], n + 1) ?? 'null'}`;
    return `${s}\n${indent(n)}]`;
  }
  const o = new ObjectText(n);
  for (const key of Object.keys(x)) o.member(stringText(key), valueText((x as Record<string, unknown>)[key], n + 1));
  return o.done();
}

/**
 * The text of an object at indent level n, member by member, as JSON.stringify(x, null, 2) writes it:
 * `member(quotedKey, text)` with the key already in quotes and the value's text at level n + 1
 * (valueText); an undefined text leaves the member out, as JSON.stringify does.
 */
export class ObjectText {
  private text = '';
  private readonly inner: string;

  constructor(private readonly level: number) {
    this.inner = indent(level + 1);
  }

  member(quotedKey: string, text: string | undefined): this {
    if (text !== undefined) this.text += `${this.text ? ',\n' : '{\n'}${this.inner}${quotedKey}: ${text}`;
    return this;
  }

  done(): string {
    return this.text ? `${this.text}\n${indent(this.level)}}` : '{}';
  }
}

/** Writes the JSON text of `value` (as JSON.stringify(value, null, 2) gives it) through `write`. */
export function writeJson(value: unknown, write: (piece: string) => void, depth = 4): void {
  let buf = '';
  const put = (s: string) => {
    buf += s;
    if (buf.length >= PIECE) {
      write(buf);
      buf = '';
    }
  };
  const opens = (v: unknown, level: number) => level < depth && v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
  const walk = (v: unknown, level: number): void => {
    if (isJsonText(v)) return put(v.jsonText(level));
    if (!opens(v, level)) return put(atLevel(v, level));
    const indent = '  '.repeat(level);
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      if (v.length === 0) return put('[]');
      put('[\n');
      if (level + 1 >= depth) {
        // the items are leaves: stringified in batches, each batch already indented and separated;
        // an item that writes its own text (JsonText) between them
        for (let i = 0; i < v.length; ) {
          if (isJsonText(v[i])) {
            put(`${i ? ',\n' : ''}${inner}${(v[i] as JsonText).jsonText(level + 1)}`);
            i++;
            continue;
          }
          let to = i + 1;
          while (to < v.length && to - i < BATCH && !isJsonText(v[to])) to++;
          put((i ? ',\n' : '') + itemsAtLevel(v, i, to, level));
          i = to;
        }
      } else {
        for (let i = 0; i < v.length; i++) {
          put(i ? `,\n${inner}` : inner);
          walk(omitted(v[i]) ? null : v[i], level + 1);
        }
      }
      return put(`\n${indent}]`);
    }
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => !omitted(x));
    if (entries.length === 0) return put('{}');
    put('{\n');
    entries.forEach(([k, x], i) => {
      put(`${i ? `,\n${inner}` : inner}${JSON.stringify(k)}: `);
      walk(x, level + 1);
    });
    put(`\n${indent}}`);
  };
  walk(value, 0);
  if (buf) write(buf);
}
