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
  ) {
    this.kind = inner.kind;
  }

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
