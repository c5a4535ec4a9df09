/**
 * Node only: the .xlsx host for commands that only read (check, diff, split). Its sheets and
 * snapshots without extras come from the read-only reader (./fast/read.ts) when that reads the
 * package; everything else — snapshots with extras, plans, a package the reader leaves to exceljs —
 * goes to the exceljs host (./host.ts), opened only then. Load errors are the exceljs host's
 * (WorkbookLoadError with its catalogue sentence). exceljs is loaded only then (import('./host')).
 */
import type { HostCapabilities, ProgressHost, SheetInfo } from '../core/host';
import type { ApplyResult, EditPlan } from '../core/plan';
import type { GridSnapshot } from '../core/snapshot';
import { MessageError } from '../core/catalogue';
import type { XlsxHost } from './host';
import { sniffWorkbook } from './sniff';
import { readFast, type FastWorkbook } from './fast/read';

async function openExceljs(bytes: Uint8Array, name: string | undefined): Promise<XlsxHost> {
  const { XlsxHost } = await import('./host');
  return XlsxHost.fromBuffer(bytes, name);
}

export class ReadOnlyXlsxHost implements ProgressHost {
  readonly kind = 'xlsx' as const;
  private full: Promise<XlsxHost> | null = null;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly name: string | undefined,
    private readonly book: FastWorkbook,
  ) {}

  /** A host over the bytes: this one when the reader reads the package, else the exceljs host. */
  static async open(bytes: Uint8Array, name?: string): Promise<ProgressHost> {
    const problem = sniffWorkbook(bytes, name ?? 'ファイル');
    if (problem) throw problem;
    let book: FastWorkbook;
    try {
      book = readFast(bytes);
    } catch {
      // Unread, or anything unforeseen: exceljs reads it (or says why it cannot)
      return openExceljs(bytes, name);
    }
    return new ReadOnlyXlsxHost(bytes, name, book);
  }

  private exceljs(): Promise<XlsxHost> {
    this.full ??= openExceljs(this.bytes, this.name);
    return this.full;
  }

  capabilities(): HostCapabilities {
    return { notes: true, hyperlinks: true, merges: true, undoGroup: false, changeEvents: false };
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.book.sheets.map((s) => ({ ...s }));
  }

  async readSnapshot(sheet: string, options?: { extras?: boolean }): Promise<GridSnapshot> {
    if (options?.extras !== false) return (await this.exceljs()).readSnapshot(sheet, options);
    const snapshot = this.book.snapshot(sheet);
    if (!snapshot) throw new MessageError('error.sheet-not-found', { sheet });
    return snapshot;
  }

  async applyPlan(plan: EditPlan): Promise<ApplyResult> {
    return (await this.exceljs()).applyPlan(plan);
  }
}
