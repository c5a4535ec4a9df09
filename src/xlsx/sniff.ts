/**
 * Naming what is wrong with bytes that are no readable .xlsx (an encrypted workbook, an old .xls, a CSV
 * renamed .xlsx, a truncated download) in one catalogue sentence, before any reader opens them. Apart
 * from exceljs (src/xlsx/load.ts) so that the read-only reader (src/xlsx/read-only-host.ts) does not
 * load exceljs for workbooks it reads itself. Browser-safe (no Node APIs).
 */
import { MessageError, type MessageId, type ParamsOf } from '../core/catalogue';

export type WorkbookProblem = 'missing' | 'unreadable' | 'empty' | 'encrypted' | 'xls' | 'cfb' | 'text' | 'not-zip' | 'not-workbook' | 'corrupt';

/** A file that cannot be opened: the problem, and the catalogue sentence saying what to do (file.*). */
export class WorkbookLoadError<K extends MessageId = MessageId> extends MessageError<K> {
  constructor(
    readonly problem: WorkbookProblem,
    id: K,
    ...params: ParamsOf<K>
  ) {
    super(id, ...params);
    this.name = 'WorkbookLoadError';
  }
}

function utf16(s: string): number[] {
  return [...s].flatMap((ch) => [ch.charCodeAt(0), 0]);
}

function contains(bytes: Uint8Array, needle: number[], limit = bytes.length): boolean {
  const end = Math.min(bytes.length, limit) - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control < n / 100 + 1;
}

/** Names the problem from the first bytes; null when the bytes start like a zip (an .xlsx). */
export function sniffWorkbook(bytes: Uint8Array, name: string): WorkbookLoadError | null {
  if (bytes.length === 0) {
    return new WorkbookLoadError('empty', 'file.empty', { name });
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7)) {
    // zip entry names are stored uncompressed: a whole zip (end record present) without xl/ parts is no workbook
    const whole = contains(bytes.subarray(Math.max(0, bytes.length - 65557)), [0x50, 0x4b, 0x05, 0x06]);
    if (!whole || contains(bytes, [...'xl/'].map((ch) => ch.charCodeAt(0)))) return null;
    return new WorkbookLoadError('not-workbook', 'file.not-workbook', { name });
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    if (contains(bytes, utf16('EncryptionInfo')) || contains(bytes, utf16('EncryptedPackage'))) {
      return new WorkbookLoadError('encrypted', 'file.encrypted', { name });
    }
    if (contains(bytes, utf16('Workbook')) || contains(bytes, utf16('Book'))) {
      return new WorkbookLoadError('xls', 'file.xls', { name });
    }
    return new WorkbookLoadError('cfb', 'file.cfb', { name });
  }
  if (looksLikeText(bytes)) {
    return new WorkbookLoadError('text', 'file.text', { name });
  }
  return new WorkbookLoadError('not-zip', 'file.not-zip', { name });
}
