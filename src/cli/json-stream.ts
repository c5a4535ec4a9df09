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
    if (!opens(v, level)) return put(atLevel(v, level));
    const indent = '  '.repeat(level);
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      if (v.length === 0) return put('[]');
      put('[\n');
      if (level + 1 >= depth) {
        // the items are leaves: stringified in batches, each batch already indented and separated
        for (let i = 0; i < v.length; i += BATCH) put((i ? ',\n' : '') + itemsAtLevel(v, i, Math.min(v.length, i + BATCH), level));
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
