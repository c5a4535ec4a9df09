/** The .xlsx host as the preview uses it: "select cell" highlights the grid instead of Excel. */
import type { HostCapabilities, ProgressHost, SheetInfo } from '../core/host';
import type { ApplyResult, EditPlan } from '../core/plan';
import type { GridSnapshot } from '../core/snapshot';

export class PreviewHost implements ProgressHost {
  readonly kind: ProgressHost['kind'];

  constructor(
    private readonly inner: ProgressHost,
    private readonly onSelect: (sheet: string, address: string) => void,
    private readonly onApplied: (plan: EditPlan) => void,
    file?: () => Promise<{ name: string; bytes: Uint8Array }>,
  ) {
    this.kind = inner.kind;
    if (file) this.workbookFile = file;
  }

  /** The opened .xlsx as it is now (the yearly round's copies are made from it). */
  workbookFile?: () => Promise<{ name: string; bytes: Uint8Array }>;

  capabilities(): HostCapabilities {
    return this.inner.capabilities();
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.inner.listSheets();
  }

  readSnapshot(sheet: string): Promise<GridSnapshot> {
    return this.inner.readSnapshot(sheet);
  }

  async applyPlan(plan: EditPlan): Promise<ApplyResult> {
    const result = await this.inner.applyPlan(plan);
    this.onApplied(plan);
    return result;
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.onSelect(sheet, address);
  }
}
