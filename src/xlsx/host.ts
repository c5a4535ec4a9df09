/**
 * The .xlsx host: the ProgressHost contract over a workbook file held in memory (exceljs).
 * Browser-safe (no Node APIs): the CLI reads files in src/xlsx/node.ts, the preview from a download.
 */
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { HostCapabilities, ProgressHost, SheetInfo } from '../core/host';
import type { ApplyResult, CellEdit, EditPlan } from '../core/plan';
import type { GridSnapshot } from '../core/snapshot';
import { inBoth, MessageError } from '../core/catalogue';
import { applyPlanToWorkbook } from './apply';
import { readHyperlink, readNote, readValue, setHyperlinkValue, writeNote } from './cell-io';
import { loadWorkbookBytes } from './load';
import { snapshotFromWorksheet, snapshotWithExtras } from './snapshot';
import { fixHyperlinksForWrite, readBackFacts } from './zip-fixes';
import { keepOriginalParts, UnkeptPartsError, type ColumnShift } from './keep-parts';
import { parsedLocationLinks } from './exceljs-internals';

type Bytes = ArrayBuffer | Uint8Array;

export class XlsxHost implements ProgressHost {
  readonly kind = 'xlsx' as const;

  /** Column inserts/deletes applied since opening, and sheets added or deleted: what keepOriginalParts must know. */
  private readonly shifts: ColumnShift[] = [];
  private readonly replaced = new Set<string>();
  /** The edits applied since opening (skipped ones left out), in order: what a save replays on the original package. */
  private readonly applied: CellEdit[] = [];
  /** Set by modelEdited(): the exceljs model was changed outside applyPlan, so only exceljs's save has it. */
  private direct = false;

  private constructor(
    readonly workbook: ExcelJS.Workbook,
    /** The package as opened: what a save must keep (src/xlsx/keep-parts.ts). */
    private readonly original: Uint8Array | null = null,
  ) {}

  /** Opens workbook bytes; throws WorkbookLoadError (one clear sentence) when they are no .xlsx. */
  static async fromBuffer(buf: Bytes, name?: string): Promise<XlsxHost> {
    const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
    const wb = await loadWorkbookBytes(bytes, name);
    await restoreLostFacts(wb, await JSZip.loadAsync(bytes));
    keepTablesWithoutStyle(wb);
    return new XlsxHost(wb, bytes);
  }

  /** A host over a workbook built in memory (tests, new files). */
  static fromWorkbook(wb: ExcelJS.Workbook): XlsxHost {
    return new XlsxHost(wb);
  }

  /**
   * The workbook as file bytes. Opened from bytes: the original package with the applied edits
   * patched in (src/xlsx/ooxml/patch.ts), so every part they do not touch keeps its bytes; what
   * cannot be kept stops the save (UnkeptPartsError) naming it. Built in memory: exceljs's save.
   */
  async toBuffer(): Promise<Uint8Array> {
    if (this.original && !this.direct) {
      // loaded when saving: reading (check) needs no XML DOM; in the web build the same chunk (eager)
      const { patchPackage, UnpatchableError, XmlPartError } = await import(/* webpackMode: "eager" */ './ooxml/save');
      try {
        return await patchPackage(this.original, this.applied);
      } catch (e) {
        if (e instanceof UnpatchableError) throw new UnkeptPartsError([e.what]);
        if (e instanceof XmlPartError) throw new UnkeptPartsError([inBoth('save.part.not-xml', { part: e.part })]);
        throw e;
      }
    }
    const raw = await this.workbook.xlsx.writeBuffer();
    const zip = await JSZip.loadAsync(raw);
    await fixHyperlinksForWrite(zip);
    if (this.original) await keepOriginalParts(this.original, zip, this.shifts, this.replaced);
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }

  /**
   * Says that code changed `workbook` directly (not through applyPlan): a save then writes exceljs's
   * model, with what keep-parts can put back from the original, instead of patching the original
   * package with the applied edits (which would not have the direct changes).
   */
  modelEdited(): void {
    this.direct = true;
  }

  capabilities(): HostCapabilities {
    return { notes: true, hyperlinks: true, merges: true, undoGroup: false, changeEvents: false };
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.workbook.worksheets.map((ws) => ({ name: ws.name, visibility: (ws.state ?? 'visible') as SheetInfo['visibility'] }));
  }

  async readSnapshot(sheet: string, options?: { extras?: boolean }): Promise<GridSnapshot> {
    const ws = this.workbook.getWorksheet(sheet);
    if (!ws) throw new MessageError('error.sheet-not-found', { sheet });
    return options?.extras === false ? snapshotFromWorksheet(ws) : snapshotWithExtras(ws);
  }

  async applyPlan(plan: EditPlan): Promise<ApplyResult> {
    const result = applyPlanToWorkbook(this.workbook, plan);
    const skipped = new Set(result.skipped.map((s) => s.edit));
    for (const e of plan.edits) {
      if (skipped.has(e)) continue;
      this.applied.push(structuredClone(e));
      if (e.kind === 'insertColumn' || e.kind === 'deleteColumn') this.shifts.push({ sheet: e.sheet, col: e.col, by: e.kind === 'insertColumn' ? 1 : -1 });
      if (e.kind === 'addSheet' || e.kind === 'deleteSheet') this.replaced.add(e.sheet);
    }
    return result;
  }
}

/** exceljs drops location-only hyperlinks and notes on empty cells when reading: put them back. */
async function restoreLostFacts(wb: ExcelJS.Workbook, zip: JSZip): Promise<void> {
  const facts = await readBackFacts(zip, parsedLocationLinks(wb));
  for (const ws of wb.worksheets) {
    for (const [address, target] of facts.links.get(ws.name) ?? []) {
      const cell = ws.getCell(address);
      if (readHyperlink(cell) === target || cell.formula) continue;
      const v = readValue(cell);
      setHyperlinkValue(cell, v === null ? '' : String(v), target);
    }
    for (const [address, note] of facts.notes.get(ws.name) ?? []) {
      const cell = ws.getCell(address);
      // exceljs reads a note stored as plain <t> (no rich-text run) as blank
      if (readNote(cell) !== note) writeNote(cell, note);
    }
  }
}

/**
 * A table (ListObject) saved without <tableStyleInfo> (LibreOffice does so) loads with style null,
 * and exceljs's writer then fails ("reading 'theme'"). A style without a name writes a
 * <tableStyleInfo> naming no style: the table still looks as it did.
 */
function keepTablesWithoutStyle(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    for (const t of Object.values((ws as unknown as { tables?: Record<string, { table?: { style?: unknown } }> }).tables ?? {})) {
      if (t.table && !t.table.style) t.table.style = { theme: null, showFirstColumn: false, showLastColumn: false, showRowStripes: false, showColumnStripes: false };
    }
  }
}
