/** Node-only file access for the CLI and tests: the one module under src/xlsx that may use fs/path. */
import { promises as fs } from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { loadWorkbookBytes, WorkbookLoadError } from './load';
import { XlsxHost } from './host';

export { WorkbookLoadError } from './load';

/** Reads a file's bytes; a missing file, a folder or no permission is a WorkbookLoadError. */
export async function readFileBytes(file: string): Promise<Uint8Array> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) {
      throw new WorkbookLoadError('not-zip', `${file} はフォルダーです。.xlsx ファイルを指定してください。`, `${file} is a folder; give an .xlsx file.`);
    }
    const bytes = await fs.readFile(file);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (e) {
    if (e instanceof WorkbookLoadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new WorkbookLoadError('missing', `ファイル ${file} が見つかりません。パスを確かめてください。`, `File ${file} not found; check the path.`);
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new WorkbookLoadError('unreadable', `ファイル ${file} を読む権限がありません。`, `No permission to read ${file}.`);
    }
    throw new WorkbookLoadError('unreadable', `ファイル ${file} を読めません（${code ?? String(e)}）。`, `Cannot read ${file} (${code ?? String(e)}).`);
  }
}

/** Reads and opens an .xlsx file; throws WorkbookLoadError with a clear sentence for every failure. */
export async function loadWorkbookFile(file: string): Promise<ExcelJS.Workbook> {
  return loadWorkbookBytes(await readFileBytes(file), path.basename(file));
}

/** Opens an .xlsx file as a ProgressHost (what the CLI works through). */
export async function openXlsxHostFile(file: string): Promise<XlsxHost> {
  return XlsxHost.fromBuffer(await readFileBytes(file), path.basename(file));
}
