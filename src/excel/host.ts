/** The ProgressHost over a live Excel workbook (Office.js). The only place UI code gets Excel from. */
import type { CellAt, HostCapabilities, ProgressHost, RecordedResult, RecordUpdate, SheetInfo } from '../core/host';
import type { ApplyResult, EditPlan } from '../core/plan';
import type { CellExtras, GridSnapshot } from '../core/snapshot';
import { readCellExtras } from './extras';
import { isConstantWrite, writeKnownCells } from './write-known';
import { decideEdits, groupable, writeDecided, type Decided } from './apply';
import { queueRecordRead, queueRecordSheet, recordFromRead, recordWrites, type RecordRead, type StoredRecord } from './undo-record';
import type { UndoRecord } from '../core/undo';
import { PAYLOAD_BUDGET_BYTES } from './payload';
import { detectFeatures, unavailableFeatures, type ExcelFeatures } from './capabilities';
import { canReadWorkbookFile, readWorkbookFile } from './file';
import { officeEnv, type ExcelEnv } from './env';
import { subscribeChanges, type CellChange, type Unsubscribe } from './events';
import { WriteGuard } from './guard';
import { listSheets, readSheet } from './read';

export interface ExcelHostOptions {
  /** Payload budget per request (tests use small ones to exercise block splitting). */
  budgetBytes?: number;
}

export class ExcelHost implements ProgressHost {
  readonly kind = 'excel' as const;
  readonly guard = new WriteGuard();
  private detected: ExcelFeatures | null = null;

  constructor(
    private readonly env: ExcelEnv = officeEnv(),
    private readonly options: ExcelHostOptions = {},
  ) {}

  /** Detected on first use: Office.context.requirements exists only after Office.onReady. */
  private get features(): ExcelFeatures {
    return (this.detected ??= detectFeatures(this.env));
  }

  capabilities(): HostCapabilities {
    const { notes, hyperlinks, merges, undoGroup, changeEvents, printLayout } = this.features;
    return { notes, hyperlinks, merges, undoGroup, changeEvents, printLayout };
  }

  /**
   * 担当課ごとに配布: the workbook as an .xlsx file (src/excel/file.ts), only where this Excel can hand
   * it over (File and CompressedFile sets); otherwise absent, and the pane says why.
   */
  get workbookFile(): (() => Promise<{ name: string; bytes: Uint8Array }>) | undefined {
    const doc = this.env.document;
    if (!doc || !canReadWorkbookFile((name, version) => this.env.isSetSupported(name, version))) return undefined;
    return () => readWorkbookFile(doc);
  }

  /** Sentences saying what this Excel cannot do, for a message bar. */
  unavailable(): { ja: string; en: string }[] {
    return unavailableFeatures(this.features);
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.env.run({}, (context) => listSheets(context));
  }

  async readSnapshot(sheet: string): Promise<GridSnapshot> {
    // What could not be read completely travels with the snapshot (truncated, readWarnings) to the UI.
    const report = await this.env.run({}, (context) => readSheet(context, this.features, sheet, { budgetBytes: this.options.budgetBytes }));
    return report.snapshot;
  }

  /** Fills and links of the cells planners look at (readSnapshot leaves them out); ExcelApi 1.9. */
  async readExtras(cells: CellAt[]): Promise<Record<string, Record<string, CellExtras>>> {
    if (!this.features.rangeAreas || !cells.length) return {};
    return this.env.run({}, (context) => readCellExtras(context, cells, this.options.budgetBytes));
  }

  async applyPlan(plan: EditPlan): Promise<ApplyResult> {
    const { record: _record, ...result } = await this.apply(plan, null);
    return result;
  }

  /**
   * Applies a plan and stores the undo record the same way: the record is read in the plan's verify
   * sync and written ahead of the plan in its first write block (undo-record.ts says why).
   * The apply takes 2 syncs, 3 when the record sheet is created.
   */
  applyRecorded(plan: EditPlan, update: RecordUpdate): Promise<RecordedResult> {
    return this.apply(plan, update);
  }

  /**
   * Two runs: the verify read runs ungrouped (nothing to undo); the writes run in one undo group
   * (ExcelApi 1.20) unless the plan holds an edit Excel cannot group (apply.ts groupable). The writes
   * use no proxy of the verify's run (a proxy belongs to its request context).
   */
  private async apply(plan: EditPlan, update: RecordUpdate | null): Promise<RecordedResult> {
    this.guard.begin();
    try {
      let read: RecordRead | null = null;
      const kept: { stored: StoredRecord | null; record: UndoRecord | null } = { stored: null, record: null };
      // The record sheet, when this apply is the first to need it, is created in the verify's run
      // (ungrouped: visibility has no undo on Windows and Mac), in its second read when it has one
      // (inserts) or in the run's closing sync: 3 syncs at most for the first recorded apply.
      const decided: Decided = await this.env.run({ delayForCellEdit: true }, (context) =>
        decideEdits(context, this.features, plan, update ? () => (read = queueRecordRead(context)) : undefined, (result) => {
          if (!read || !update) return;
          const stored = (kept.stored = recordFromRead(read));
          kept.record = update(stored.record, result);
          if (kept.record && stored.rows === null) queueRecordSheet(context);
        }),
      );
      const { stored, record } = kept;
      const runOptions: Excel.RunOptions = { delayForCellEdit: true };
      if (this.features.undoGroup && groupable(plan)) runOptions.mergeUndoGroup = true;
      const budget = this.options.budgetBytes ?? PAYLOAD_BUDGET_BYTES;
      await this.env.run(runOptions, async (context) => {
        const first = stored && record ? recordWrites(context, record, stored.rows ?? 0, budget, this.guard) : [];
        await writeDecided(context, this.features, decided, { budgetBytes: this.options.budgetBytes, guard: this.guard }, first);
      });
      return { ...decided.result, record: record ?? stored?.record ?? null };
    } finally {
      this.guard.end();
    }
  }

  /**
   * Live checking: a plan of constant cell writes made from a snapshot kept current by the change
   * events, written in one sync (no verify read; no undo record, as live rates are not an action).
   * Any other plan is applied with its verify read.
   */
  async applyKnown(plan: EditPlan): Promise<ApplyResult> {
    if (!plan.edits.every(isConstantWrite)) return this.applyPlan(plan);
    this.guard.begin();
    try {
      return await this.env.run({ delayForCellEdit: true }, (context) => writeKnownCells(context, plan, this.guard));
    } finally {
      this.guard.end();
    }
  }

  /**
   * Shows a cell (one sync). A hidden sheet cannot be activated (the batch fails there); its cell is
   * then not shown — the finding still names it — rather than the add-in unhiding the user's sheet.
   */
  selectCell(sheet: string, address: string): Promise<void> {
    return this.env.run({}, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address.replace(/^.*!/, '')).select();
      try {
        await context.sync();
      } catch (error) {
        if ((error as { code?: string } | null)?.code !== 'InvalidOperation') throw error;
      }
    });
  }

  /** Live checking: changes by the user (not by this add-in) on the given sheets. */
  onChanged(handler: (change: CellChange) => void, sheets?: string[]): Promise<Unsubscribe> {
    return subscribeChanges(this.env, this.guard, handler, sheets);
  }

  /** The task pane's ChangeSource shape. */
  changeSource(sheets?: string[]): { subscribe(handler: (change: CellChange) => void): Promise<Unsubscribe> } {
    return { subscribe: (handler) => this.onChanged(handler, sheets) };
  }
}

