/**
 * Node only (installed by exceljs-workbook.ts, which the web build replaces): the parts of an .xlsx
 * are inflated by Node's zlib instead of pako, the JavaScript inflate JSZip uses. exceljs opens a
 * workbook through JSZip, which inflates every part through its DEFLATE worker
 * (`jszip/lib/flate.js`, jszip 3.10.2, pinned in package.json): for the 10,000-KPI sheet pako took
 * about 0.2 s of check's CPU (`inflate_fast`, `inflate`, `Inflate.push` in a profile), zlib does the
 * same bytes in a fraction of it.
 *
 * The worker is JSZip's own, with two of its methods replaced: it gathers the compressed chunks and
 * inflates them at its flush, handing on one chunk. A part zlib cannot inflate (corrupt, cut short)
 * goes through pako exactly as before, so a damaged file fails, or is read, as it always was.
 */
import { inflateRawSync } from 'zlib';

interface Chunk {
  data: unknown;
  meta: unknown;
}

interface FlateWorker {
  meta: unknown;
  processChunk(chunk: Chunk): void;
  flush(): void;
  push(chunk: Chunk): void;
}

interface FlateModule {
  uncompressWorker(): FlateWorker;
  [NATIVE]?: true;
}

const NATIVE = Symbol.for('kpi-progress.nativeInflate');

/** The JSZip this was written against (package.json pins it; test/architecture/exceljs-internals.test.ts checks both). */
export const JSZIP_VERSION = '3.10.2';

/* eslint-disable @typescript-eslint/no-require-imports -- JSZip's worker module (no types, not exported) */
const flate = require('jszip/lib/flate') as FlateModule;
const { transformTo } = require('jszip/lib/utils') as { transformTo(type: string, data: unknown): Uint8Array };
/* eslint-enable @typescript-eslint/no-require-imports */

/** A chunk's bytes as they come (JSZip slices the package it loaded) or converted as pako's worker would. */
function bytesOf(data: unknown): Uint8Array {
  return data instanceof Uint8Array ? data : transformTo('uint8array', data);
}

/** Makes JSZip (so exceljs's load) inflate through zlib; once per process. */
export function useNativeInflate(): void {
  if (flate[NATIVE]) return;
  const pakoWorker = flate.uncompressWorker;
  flate.uncompressWorker = function (): FlateWorker {
    const worker = pakoWorker();
    const pakoChunk = worker.processChunk;
    const pakoFlush = worker.flush;
    let chunks: Uint8Array[] = [];
    worker.processChunk = function (chunk: Chunk): void {
      this.meta = chunk.meta;
      chunks.push(bytesOf(chunk.data));
    };
    worker.flush = function (): void {
      const compressed = chunks;
      chunks = [];
      let out: Buffer;
      try {
        out = inflateRawSync(compressed.length === 1 ? compressed[0] : Buffer.concat(compressed));
      } catch {
        // what pako makes of it, as before: the chunks through its worker, then its flush
        for (const data of compressed) pakoChunk.call(this, { data, meta: this.meta });
        return pakoFlush.call(this);
      }
      // a plain Uint8Array over the result: JSZip copies a Buffer element by element into one
      if (out.length) this.push({ data: new Uint8Array(out.buffer, out.byteOffset, out.length), meta: this.meta });
    };
    return worker;
  };
  flate[NATIVE] = true;
}
