/**
 * Saving by patching the original package (issue #16). exceljs re-serialises a whole workbook and
 * drops what it does not model (charts, pivots, VBA, extensions, protection hashes, note authors …),
 * and it renumbers styles and shared strings, so its sheets cannot be mixed with original parts.
 * So the .xlsx host keeps exceljs for reading and for the in-memory model it answers from, records
 * the edits it actually applied (after skips, in order), and a save replays them here on the
 * original package: each edit touches only its own elements of the parts it must change (the
 * sheet, styles.xml for a new format or fill, the notes' parts, rels and content types); every other
 * part keeps its bytes. What an edit cannot keep stops the save (UnpatchableError) before a byte is
 * written, naming it.
 */
import { inBoth } from '../../core/catalogue';
import { linkTarget, type CellEdit } from '../../core/plan';
import { OoxmlPackage, REL } from './package';
import { SheetXml } from './sheet';
import { Styles, STYLES_PATH, type FillSpec } from './styles';
import { UnpatchableError, restyleCell, writeCell } from './cells';
import { emptyStringIndex } from './strings';
import { setNote } from './notes';
import { merge, setColumnWidth, setHyperlink, unmerge } from './layout';
import { addSheet, deleteSheet } from './sheets';
import { child, children } from './xml';
import { deleteColumn, insertColumn } from './columns';

export { UnpatchableError };

/** How column inserts and deletes are patched: src/xlsx/ooxml/columns.ts (replaceable in tests). */
export type ColumnPatcher = (patcher: Patcher, edit: Extract<CellEdit, { kind: 'insertColumn' | 'deleteColumn' }>) => Promise<void>;

const moveColumns: ColumnPatcher = async (patcher, e) => {
  // widen: ranges ending just left of a year insert take it in (WIDEN in src/core/plan.ts)
  if (e.kind === 'insertColumn') await insertColumn(patcher.pkg, e.sheet, e.col, e.formatFrom, { widenRightEdge: e.widen === true });
  else await deleteColumn(patcher.pkg, e.sheet, e.col);
};

export class Patcher {
  private readonly sheets = new Map<string, SheetXml>();
  private styles: Styles | null = null;
  /** Sheet name → part path, until a sheet is added or deleted. */
  private readonly paths = new Map<string, string>();
  /** Set when formulas changed or cells moved: the calculation chain is then dropped. */
  calcChainStale = false;
  private emptyTextIndex: Promise<number | null> | null = null;

  /** The edits of this save and the index of the one being applied (for prefetching cells). */
  private edits: readonly CellEdit[] = [];
  private at = 0;

  constructor(readonly pkg: OoxmlPackage) {}

  async stylesPart(): Promise<Styles> {
    if (!this.styles) {
      const wb = await this.pkg.workbookPath();
      const rel = (await this.pkg.related(wb, REL.styles))[0];
      this.styles = await Styles.open(this.pkg, rel?.path ?? STYLES_PATH);
    }
    return this.styles;
  }

  /** The sheet part of a sheet by name, parsed once per save. */
  async sheet(name: string): Promise<SheetXml> {
    const path = this.paths.get(name) ?? (await this.pkg.sheetPart(name));
    if (path) this.paths.set(name, path);
    if (!path) throw new UnpatchableError(inBoth('save.part.sheet-missing', { sheet: name }));
    let s = this.sheets.get(path);
    if (!s) {
      s = await SheetXml.open(this.pkg, path);
      this.sheets.set(path, s);
      s.prefetch(this.cellsAhead(name));
    }
    return s;
  }

  /** The cells the next edits write or restyle on one sheet, up to the next edit that moves cells or sheets. */
  private *cellsAhead(sheet: string): Generator<{ row: number; col: number }> {
    const lower = sheet.toLowerCase();
    for (let i = this.at; i < this.edits.length; i++) {
      const e = this.edits[i];
      if (e.kind === 'insertColumn' || e.kind === 'deleteColumn' || e.kind === 'addSheet' || e.kind === 'deleteSheet') return;
      if ((e.kind === 'setCell' || e.kind === 'setFill') && e.sheet.toLowerCase() === lower) yield e;
    }
  }

  /** Applies edits in order. */
  async applyAll(edits: readonly CellEdit[], columns: ColumnPatcher = moveColumns): Promise<void> {
    this.edits = edits;
    for (this.at = 0; this.at < edits.length; this.at++) await this.apply(edits[this.at], columns);
    this.edits = [];
  }

  /** The shared string an empty text is written as (strings.ts), found or added once per save. */
  private async emptyText(): Promise<number | null> {
    this.emptyTextIndex ??= emptyStringIndex(this.pkg);
    return this.emptyTextIndex;
  }

  /** Forgets a parsed sheet (deleted, or rewritten by a column move). */
  forget(path: string): void {
    this.sheets.delete(path);
  }

  /** Writes every changed sheet into the package and forgets them all (their rows stay text until then). */
  flushAll(): void {
    for (const s of this.sheets.values()) s.flush();
    this.sheets.clear();
  }

  async apply(e: CellEdit, columns: ColumnPatcher = moveColumns): Promise<void> {
    switch (e.kind) {
      case 'setCell': {
        const emptyText = e.content.value === '' && !e.content.formula ? await this.emptyText() : null;
        const { formulaChanged } = writeCell(await this.sheet(e.sheet), await this.stylesPart(), e.row, e.col, e.content, emptyText);
        if (formulaChanged) this.calcChainStale = true;
        // exceljs drops a cell's link when it is given a value that is not text: so does the file
        if (e.content.formula || typeof (e.content.value ?? null) !== 'string') await dropLinkOf(await this.sheet(e.sheet), e.row, e.col);
        return;
      }
      case 'setFill': {
        const styles = await this.stylesPart();
        const fill: string | FillSpec | null = e.spec !== undefined ? ((e.spec as FillSpec | null) ?? null) : e.fill;
        restyleCell(await this.sheet(e.sheet), e.row, e.col, (s) => styles.withFill(s, fill));
        return;
      }
      case 'setNote':
        return setNote(await this.sheet(e.sheet), e.row, e.col, e.note);
      case 'setHyperlink':
        return setHyperlink(await this.sheet(e.sheet), e.row, e.col, e.link ? linkTarget(e.link) : null, e.link?.tooltip);
      case 'merge':
        return merge(await this.sheet(e.sheet), e.range);
      case 'unmerge':
        return unmerge(await this.sheet(e.sheet), e.range);
      case 'setColumnWidth':
        return setColumnWidth(await this.sheet(e.sheet), e.col, e.width);
      case 'addSheet':
        this.paths.clear();
        await addSheet(this.pkg, await this.stylesPart(), e);
        return;
      case 'deleteSheet': {
        this.paths.clear();
        const path = await this.pkg.sheetPart(e.sheet);
        await deleteSheet(this.pkg, e.sheet);
        if (path) this.forget(path);
        this.calcChainStale = true;
        return;
      }
      case 'insertColumn':
      case 'deleteColumn':
        // the move reads and rewrites every sheet part: the open ones are written first and parsed again after
        this.flushAll();
        await columns(this, e);
        this.calcChainStale = true;
        return;
    }
  }

  /**
   * Drops xl/calcChain.xml with its relationship and content type. It only records the order Excel
   * last calculated cells in; Excel rebuilds it when it is missing, while a chain naming cells that
   * no longer hold formulas makes Excel report the file as damaged (ECMA-376 Part 1, 18.6: the chain
   * is an optimisation; Open XML SDK docs "Working with the calculation chain").
   */
  async dropCalcChain(): Promise<void> {
    const wb = await this.pkg.workbookPath();
    for (const { id, path } of await this.pkg.related(wb, REL.calcChain)) await this.pkg.removePart(path, { part: wb, id });
  }
}

async function dropLinkOf(sheet: SheetXml, row: number, col: number): Promise<void> {
  // <hyperlinks> is a child of the worksheet (18.3.1.48): no walk through the whole part per edit
  const links = child(sheet.root, 'hyperlinks');
  if (!links) return;
  const ref = `${row}:${col}`;
  for (const h of children(links, 'hyperlink')) {
    const at = (h.getAttribute('ref') ?? '').split(':')[0];
    const m = /^([A-Z]+)(\d+)$/.exec(at);
    if (m && `${m[2]}:${colNum(m[1])}` === ref) {
      await setHyperlink(sheet, row, col, null);
      return;
    }
  }
}

function colNum(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** The original package with the applied edits replayed on it. */
export async function patchPackage(original: Uint8Array, edits: readonly CellEdit[], columns: ColumnPatcher = moveColumns): Promise<Uint8Array> {
  const pkg = await OoxmlPackage.open(original);
  const patcher = new Patcher(pkg);
  await patcher.applyAll(edits, columns);
  patcher.flushAll();
  if (patcher.calcChainStale) await patcher.dropCalcChain();
  return pkg.toBytes();
}
