/** The ProgressHost over a live Excel workbook (Office.js). The only place UI code gets Excel from. */
import type { CellAt, HostCapabilities, ProgressHost, RecordedResult, RecordUpdate, SelectAfter, SheetInfo } from '../core/host';
import type { ApplyResult, EditPlan } from '../core/plan';
import type { CellExtras, GridSnapshot } from '../core/snapshot';
import { readCellExtras } from './extras';
import { isConstantWrite, writeKnownCells } from './write-known';
import { decideEdits, groupable, writeDecided, type Decided } from './apply';
import type { WriteOp } from './write';
import { queueRecordRead, queueRecordSheet, recordFromRead, recordWrites, type RecordRead, type StoredRecord } from './undo-record';
import { UNDO_SHEET, type UndoRecord } from '../core/undo';
import { PAYLOAD_BUDGET_BYTES } from './payload';
import { detectFeatures, unavailableFeatures, type ExcelFeatures } from './capabilities';
import { canReadWorkbookFile, readWorkbookFile } from './file';
import { officeEnv, type ExcelEnv } from './env';
import { subscribeChanges, type CellChange, type Unsubscribe } from './events';
import { WriteGuard } from './guard';
import { listSheets, readSheet } from './read';
import { readWorkbookAtOnce, type WorkbookRead } from './read-workbook';

export interface ExcelHostOptions {
  /** Payload budget per request (tests use small ones to exercise block splitting). */
  budgetBytes?: number;
}

/**
 * Showing a cell with the last writes (one round trip less than selectCell after them). Activating a
 * hidden sheet fails the batch (fake-excel-sheet.ts activate), so only a sheet the verify saw visible;
 * neither activate nor select is among the APIs without undo support ("Undo capabilities").
 */
function selectOps(context: Excel.RequestContext, decided: Decided, select: SelectAfter | undefined): WriteOp[] {
  if (!select || !decided.visible.has(select.sheet)) return [];
  return [
    {
      bytes: 100,
      queue: () => {
        const ws = context.workbook.worksheets.getItem(select.sheet);
        ws.activate();
        ws.getRange(select.address.replace(/^.*!/, '')).select();
      },
    },
  ];
}

export class ExcelHost implements ProgressHost {
  readonly kind = 'excel' as const;
  readonly guard = new WriteGuard();
  private detected: ExcelFeatures | null = null;
  /**
   * What this host's last reads saw: the sheets' names and the rows each used. Only ever a hint that
   * saves a sync — the record sheet created ahead of the verify when it was missing, an insert's merged
   * areas asked in the verify — never trusted for what is written: the verify checks it (a stale hint
   * costs the sync it would have saved).
   */
  private seen: { sheets: Set<string> | null; rows: Map<string, number> } = { sheets: null, rows: new Map() };

  constructor(
    private readonly env: ExcelEnv = officeEnv(),
    private readonly options: ExcelHostOptions = {},
  ) {}

  /** Detected on first use: Office.context.requirements exists only after Office.onReady. */
  private get features(): ExcelFeatures {
    return (this.detected ??= detectFeatures(this.env));
  }

  capabilities(): HostCapabilities {
    const { notes, hyperlinks, merges, undoGroup, changeEvents, printLayout, widenFilters, widenFormats, widenValidations } = this.features;
    return { notes, hyperlinks, merges, undoGroup, changeEvents, printLayout, widenFilters, widenFormats, widenValidations };
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

  async listSheets(): Promise<SheetInfo[]> {
    const sheets = await this.env.run({}, (context) => listSheets(context));
    this.seen.sheets = new Set(sheets.map((s) => s.name));
    return sheets;
  }

  async readSnapshot(sheet: string): Promise<GridSnapshot> {
    // What could not be read completely travels with the snapshot (truncated, readWarnings) to the UI.
    const report = await this.env.run({}, (context) => readSheet(context, this.features, sheet, { budgetBytes: this.options.budgetBytes }));
    this.seen.rows.set(sheet, report.snapshot.values.length);
    return report.snapshot;
  }

  /**
   * The whole workbook in one batch where Excel takes it (read-workbook.ts); if Excel refuses it (on
   * the web a response over 5 MB; any other failure of that batch, such as a reading of null objects
   * other than the one it assumes), sheet by sheet as the task pane reads (2 syncs a sheet).
   */
  async readWorkbook(): Promise<WorkbookRead> {
    try {
      const read = await this.env.run({}, (context) => readWorkbookAtOnce(context, this.features));
      this.seen.sheets = new Set(read.sheets.map((s) => s.name));
      for (const s of read.snapshots) this.seen.rows.set(s.sheet, s.values.length);
      return read;
    } catch {
      const sheets = await this.listSheets();
      const snapshots: GridSnapshot[] = [];
      for (const s of sheets) snapshots.push(await this.readSnapshot(s.name));
      return { sheets, snapshots };
    }
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
  applyRecorded(plan: EditPlan, update: RecordUpdate, select?: SelectAfter): Promise<RecordedResult> {
    return this.apply(plan, update, select);
  }

  /**
   * Two runs: the verify read runs ungrouped (nothing to undo); the writes run in one undo group
   * (ExcelApi 1.20) unless the plan holds an edit Excel cannot group (apply.ts groupable). The writes
   * use no proxy of the verify's run (a proxy belongs to its request context).
   */
  private async apply(plan: EditPlan, update: RecordUpdate | null, select?: SelectAfter): Promise<RecordedResult> {
    this.guard.begin();
    try {
      return await this.applyOnce(plan, update, select, true);
    } catch (error) {
      // The record sheet was created ahead of the verify on a stale hint (another runtime created it
      // since): nothing else of that read-only batch ran; verify again without the hint.
      if ((error as { code?: string } | null)?.code !== 'ItemAlreadyExists') throw error;
      this.seen.sheets = null;
      return await this.applyOnce(plan, update, select, false);
    } finally {
      this.guard.end();
    }
  }

  private async applyOnce(plan: EditPlan, update: RecordUpdate | null, select: SelectAfter | undefined, hinted: boolean): Promise<RecordedResult> {
    let read: RecordRead | null = null;
    const kept: { stored: StoredRecord | null; record: UndoRecord | null } = { stored: null, record: null };
    // The record sheet, when this apply is the first to need it, is created in the verify's run
    // (ungrouped: visibility has no undo on Windows and Mac): ahead of the verify when this host's
    // last read saw no record sheet (an apply that then writes nothing leaves it empty, as an
    // emptied record is left), else in its second read when it has one (inserts) or in the run's
    // closing sync.
    const ahead = hinted && !!update && this.seen.sheets !== null && !this.seen.sheets.has(UNDO_SHEET);
    const decided: Decided = await this.env.run({ delayForCellEdit: true }, (context) =>
      decideEdits(
        context,
        this.features,
        plan,
        update
          ? () => {
              if (ahead) queueRecordSheet(context);
              read = queueRecordRead(context);
            }
          : undefined,
        (result) => {
          if (!read || !update) return;
          const stored = (kept.stored = recordFromRead(read));
          kept.record = update(stored.record, result);
          if (kept.record && stored.rows === null) queueRecordSheet(context);
        },
        { rowsHint: hinted ? this.seen.rows : undefined },
      ),
    );
    const { stored, record } = kept;
    const runOptions: Excel.RunOptions = { delayForCellEdit: true };
    if (this.features.undoGroup && groupable(plan)) runOptions.mergeUndoGroup = true;
    const budget = this.options.budgetBytes ?? PAYLOAD_BUDGET_BYTES;
    await this.env.run(runOptions, async (context) => {
      const first = stored && record ? recordWrites(context, record, stored.rows ?? 0, budget, this.guard) : [];
      await writeDecided(context, this.features, decided, { budgetBytes: this.options.budgetBytes, guard: this.guard }, first, selectOps(context, decided, select));
    });
    this.noteSheets(plan, decided, ahead || !!(stored && record));
    return { ...decided.result, record: record ?? stored?.record ?? null };
  }

  /** What the apply did to the sheets this host saw (added, deleted, the record sheet created). */
  private noteSheets(plan: EditPlan, decided: Decided, recordSheet: boolean): void {
    const sheets = this.seen.sheets;
    if (!sheets) return;
    if (recordSheet) sheets.add(UNDO_SHEET);
    const skipped = new Set(decided.result.skipped.map((s) => s.edit));
    for (const e of plan.edits) {
      if (skipped.has(e)) continue;
      if (e.kind === 'addSheet') sheets.add(e.sheet);
      if (e.kind === 'deleteSheet') sheets.delete(e.sheet);
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

