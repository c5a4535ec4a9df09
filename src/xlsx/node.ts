/**
 * Node-only file access for the CLI and tests: the one module under src/xlsx that may use fs/path.
 * exceljs (./load, ./host) is loaded when first needed: a command that only reads a workbook the
 * read-only reader reads (check, diff, split) never loads it.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { WorkbookLoadError } from './sniff';
import type { XlsxHost } from './host';
import { ReadOnlyXlsxHost } from './read-only-host';
import type { ProgressHost } from '../core/host';

export { WorkbookLoadError } from './sniff';

/** Reads a file's bytes; a missing file, a folder or no permission is a WorkbookLoadError. */
export async function readFileBytes(file: string): Promise<Uint8Array> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) {
      throw new WorkbookLoadError('not-zip', 'file.folder', { name: file });
    }
    const bytes = await fs.readFile(file);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (e) {
    if (e instanceof WorkbookLoadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new WorkbookLoadError('missing', 'file.missing', { name: file });
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new WorkbookLoadError('unreadable', 'file.no-read-permission', { name: file });
    }
    throw new WorkbookLoadError('unreadable', 'file.unreadable', { name: file, code: code ?? String(e) });
  }
}

/** Reads and opens an .xlsx file; throws WorkbookLoadError with a clear sentence for every failure. */
export async function loadWorkbookFile(file: string): Promise<ExcelJS.Workbook> {
  const { loadWorkbookBytes } = await import('./load');
  return loadWorkbookBytes(await readFileBytes(file), path.basename(file));
}

/** Opens an .xlsx file as a ProgressHost (what the CLI works through). */
export async function openXlsxHostFile(file: string): Promise<XlsxHost> {
  const { XlsxHost } = await import('./host');
  return XlsxHost.fromBuffer(await readFileBytes(file), path.basename(file));
}

/**
 * Opens an .xlsx file for a command that only reads it (check, diff, split): the read-only reader's
 * host when it reads the package (no exceljs model built), else the exceljs host, as openXlsxHostFile.
 */
export async function openReadOnlyHostFile(file: string): Promise<ProgressHost> {
  return ReadOnlyXlsxHost.open(await readFileBytes(file), path.basename(file));
}
