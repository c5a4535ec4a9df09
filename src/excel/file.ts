/**
 * The open workbook as an .xlsx file (the yearly round's copies need the whole package):
 * Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize }), every slice read
 * with File.getSliceAsync, the file closed with File.closeAsync — also when a slice fails, because
 * Office keeps an unclosed file in memory and refuses the next getFileAsync ("No more than two
 * documents are allowed to be in memory; otherwise the Document.getFileAsync operation will fail. Use
 * the File.closeAsync method to close the file when you are finished", @types/office-js File.closeAsync;
 * https://learn.microsoft.com/javascript/api/office/office.document#office-office-document-getfileasync-member(1)).
 * Requirement sets File and CompressedFile (Office common API), not in the manifest: detected at run
 * time. Excel on the web gives no Compressed file (only Pdf, per the same page's table of file types),
 * so there the pane says why it cannot distribute. Only reads: the workbook is never changed.
 */
import { MessageError } from '../core/catalogue';

/** "getting files in slices of up to 4194304 bytes (4 MB)" outside iPad; above it getFileAsync fails ("Internal Error"). */
export const MAX_SLICE_BYTES = 4194304;

/** What of Office.context.document the file read uses (injected: tests pass the double of test/support/fake-office-file.ts). */
export interface OfficeFileDocument {
  url?: string | null;
  getFileAsync(fileType: Office.FileType, options: Office.GetFileOptions, callback: (result: Office.AsyncResult<Office.File>) => void): void;
}

/** Office's requirement sets for a compressed (.xlsx) file: getFileAsync (File) with Office.FileType.Compressed (CompressedFile). */
export function canReadWorkbookFile(isSetSupported: (name: string, version: string) => boolean): boolean {
  return isSetSupported('File', '1.1') && isSetSupported('CompressedFile', '1.1');
}

/** Office.js's own enum values where Office is loaded; the same strings ("compressed", "succeeded") elsewhere (tests). */
const office = (): typeof Office | undefined => (typeof Office === 'undefined' ? undefined : Office);
const COMPRESSED = (): Office.FileType => office()?.FileType?.Compressed ?? ('compressed' as unknown as Office.FileType);
const SUCCEEDED = (): Office.AsyncResultStatus => office()?.AsyncResultStatus?.Succeeded ?? ('succeeded' as unknown as Office.AsyncResultStatus);

function settled<T>(start: (callback: (r: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    start((r) => (r.status === SUCCEEDED() ? resolve(r.value) : reject(r.error)));
  });
}

function reason(e: unknown): string {
  const error = e as { name?: string; message?: string; code?: number } | null;
  return [error?.code, error?.message ?? error?.name].filter((x) => x !== undefined && x !== '').join(' ') || String(e);
}

/** The file name the workbook was saved as (its url's last part), "Book.xlsx" for one never saved. */
export function workbookFileName(url: string | null | undefined): string {
  const last = (url ?? '').split(/[\\/]/).pop() ?? '';
  let name = last.split(/[?#]/)[0];
  try {
    name = decodeURIComponent(name);
  } catch {
    /* keep it as it is */
  }
  return /\.xls[xm]$/i.test(name) ? name : 'Book.xlsx';
}

/** The workbook's bytes, slice by slice; the file is closed whatever happens. Failures: MessageError file.read-failed. */
export async function readWorkbookFile(doc: OfficeFileDocument, sliceSize = MAX_SLICE_BYTES): Promise<{ name: string; bytes: Uint8Array }> {
  let file: Office.File;
  try {
    file = await settled<Office.File>((cb) => doc.getFileAsync(COMPRESSED(), { sliceSize: Math.min(sliceSize, MAX_SLICE_BYTES) }, cb));
  } catch (e) {
    throw new MessageError('file.read-failed', { detail: reason(e) });
  }
  let failure: unknown = null;
  const bytes = new Uint8Array(file.size);
  try {
    let at = 0;
    for (let i = 0; i < file.sliceCount; i++) {
      // one slice at a time, in order: each is up to 4 MB of the task pane's memory
      const slice = await settled<Office.Slice>((cb) => file.getSliceAsync(i, cb));
      const data = slice.data as ArrayLike<number>;
      bytes.set(data, at);
      at += data.length;
    }
    if (at !== file.size) failure = new Error(`${at} of ${file.size} bytes`);
  } catch (e) {
    failure = e;
  } finally {
    await settled<void>((cb) => file.closeAsync(cb)).catch((e: unknown) => {
      failure ??= e;
    });
  }
  if (failure) throw new MessageError('file.read-failed', { detail: reason(failure) });
  return { name: workbookFileName(doc.url), bytes };
}
