/**
 * The double of Office.context.document.getFileAsync (Office common API, requirement sets File and
 * CompressedFile) for the Excel host's workbookFile (src/excel/file.ts). Rules and sources:
 * - "Returns the entire document file in slices of up to 4194304 bytes (4 MB) … specifying file slice
 *   size of above permitted limit will result in an 'Internal Error' failure" (@types/office-js,
 *   Document.getFileAsync; https://learn.microsoft.com/javascript/api/office/office.document).
 * - Excel on the web gives only Pdf; Windows and Mac give Compressed, Pdf, Text (same page, "Supported
 *   FileTypes, by platform"): on the web CompressedFile is not supported and a Compressed request fails.
 * - "No more than two documents are allowed to be in memory; otherwise the Document.getFileAsync
 *   operation will fail. Use the File.closeAsync method to close the file" (File.closeAsync). Stricter:
 *   a file this add-in left open makes the next getFileAsync fail.
 * - A closed file gives no more slices; closing twice fails (docs silent: stricter). Slices come back
 *   as byte arrays (Slice.data) in order, the last one shorter.
 * Callbacks run asynchronously, as Office's do. Error codes are not documented for these cases: 5001
 * "Internal Error" for all of them.
 */
import type { ExcelEnv } from '../../src/excel/env';
import type { OfficeFileDocument } from '../../src/excel/file';

export type OfficePlatform = 'windows' | 'mac' | 'web';
const MAX_SLICE = 4194304;

interface Result<T> {
  status: 'succeeded' | 'failed';
  value: T;
  error: { code: number; name: string; message: string } | undefined;
}

export interface FakeOfficeFileOptions {
  platform?: OfficePlatform;
  /** The document as Excel holds it now (getFileAsync hands over the current state, unsaved changes too). */
  bytes: () => Promise<Uint8Array>;
  /** Office.context.document.url: where it was saved. */
  url?: string;
  /** Make getFileAsync fail (an Office error Excel may give: a busy or locked document). */
  failOpen?: string;
  /** Make this slice index fail. */
  failSlice?: number;
}

export class FakeOfficeDocument implements OfficeFileDocument {
  readonly url: string | undefined;
  readonly platform: OfficePlatform;
  /** Files handed over and not closed. */
  open = 0;
  /** Every getFileAsync call, with its options. */
  readonly calls: { fileType: string; sliceSize: number | undefined }[] = [];

  constructor(private readonly options: FakeOfficeFileOptions) {
    this.url = options.url;
    this.platform = options.platform ?? 'windows';
  }

  /** Office.context.requirements.isSetSupported for the file sets. */
  supports(name: string, version: string): boolean {
    if (version !== '1.1' && version !== '1.0') return false;
    if (name === 'File') return true;
    if (name === 'CompressedFile') return this.platform !== 'web';
    return false;
  }

  getFileAsync(fileType: unknown, options: { sliceSize?: number }, callback: (r: never) => void): void {
    const reply = <T>(r: Result<T>): void => void setTimeout(() => (callback as unknown as (r: Result<T>) => void)(r), 0);
    const fail = (message: string): void => reply({ status: 'failed', value: undefined, error: { code: 5001, name: 'Internal Error', message } });
    const type = String(fileType);
    const sliceSize = options?.sliceSize;
    this.calls.push({ fileType: type, sliceSize });
    if (!['compressed', 'pdf', 'text'].includes(type)) return fail(`unknown file type ${type}`);
    if (this.platform === 'web' && type !== 'pdf') return fail(`Excel on the web gives no ${type} file`);
    if (sliceSize !== undefined && !(Number.isInteger(sliceSize) && sliceSize > 0 && sliceSize <= MAX_SLICE)) return fail(`slice size ${sliceSize} above the limit`);
    if (this.open > 0) return fail('a file of this document is still open (closeAsync was not called)');
    if (this.options.failOpen) return fail(this.options.failOpen);
    this.open++;
    void this.options.bytes().then((bytes) => {
      const size = sliceSize ?? MAX_SLICE;
      const sliceCount = Math.max(1, Math.ceil(bytes.length / size));
      let closed = false;
      const file = {
        size: bytes.length,
        sliceCount,
        getSliceAsync: (index: number, cb: (r: Result<unknown>) => void) => {
          const out = (r: Result<unknown>): void => void setTimeout(() => cb(r), 0);
          const error = (message: string) => out({ status: 'failed', value: undefined, error: { code: 5001, name: 'Internal Error', message } });
          if (closed) return error('the file is closed');
          if (!Number.isInteger(index) || index < 0 || index >= sliceCount) return error(`no slice ${index}`);
          if (index === this.options.failSlice) return error(`slice ${index} could not be read`);
          const data = Array.from(bytes.subarray(index * size, Math.min(bytes.length, (index + 1) * size)));
          out({ status: 'succeeded', value: { data, index, size: data.length }, error: undefined });
        },
        closeAsync: (cb?: (r: Result<void>) => void) => {
          const out = (r: Result<void>): void => void setTimeout(() => cb?.(r), 0);
          if (closed) return out({ status: 'failed', value: undefined, error: { code: 5001, name: 'Internal Error', message: 'the file is already closed' } });
          closed = true;
          this.open--;
          out({ status: 'succeeded', value: undefined, error: undefined });
        },
      };
      reply({ status: 'succeeded', value: file, error: undefined });
    });
  }
}

/** The Excel double's environment with this document: its file sets answered by the document. */
export function withDocument(env: ExcelEnv, doc: FakeOfficeDocument): ExcelEnv {
  return { ...env, document: doc, isSetSupported: (name, version) => doc.supports(name, version) || env.isSetSupported(name, version) };
}
