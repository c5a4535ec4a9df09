/**
 * Recognition: grid snapshots in, ProgressModel out. Finds every KPI table on every sheet by the
 * meaning of its header row, reads the KPI pairs under it and places each KPI in the goal structure.
 * Never throws on odd input: a sheet without a table becomes Unrecognised with a reason.
 */
import type { Kpi, KpiTable, ProgressModel, SheetModel, Unrecognised } from './model';
import type { GridSnapshot } from './snapshot';
import { Grid, textOf } from './recognise/grid';
import { hasRoleCell, headerAt, headerScore, headerSegments, missingHeaders, readHeaderRow, type HeaderRow } from './recognise/headers';
import { linkBreakdowns, linkRelisted } from './recognise/links';
import { classifyHeading, StructureBuilder } from './recognise/structure';
import { normalise } from './text';
import { t, type MessageId, type ParamsOf } from './catalogue';
import { readTable } from './recognise/table';
import { readRowTable, rowHeaderAt } from './recognise/rows';
import { parseLegendText } from './legend';
import type { GradeLegend } from './model';

export function isUnrecognised(r: SheetModel | Unrecognised): r is Unrecognised {
  return (r as Unrecognised).reason !== undefined;
}

/** A sheet passed over, with its reason in both languages (a catalogue message). */
function unrecognised<K extends MessageId>(sheet: string, id: K, ...params: ParamsOf<K>): Unrecognised {
  return { sheet, reason: t('ja', id, ...params), reasonEn: t('en', id, ...params) };
}

/** First row of a 実績値 row directly above a 達成率 row anywhere on the sheet, or null. */
function firstHeaderlessPair(g: Grid): number | null {
  for (let r = g.firstRow; r < g.lastRow; r++) {
    for (const [col, text] of g.rowCells(r)) {
      if (/^実績値?$/.test(normalise(text)) && /^達成率/.test(normalise(g.text(r + 1, col)))) return r;
    }
  }
  return null;
}

function noTableReason(g: Grid, best: HeaderRow | null, headerOnly: number | null): Unrecognised {
  const sheet = g.s.sheet;
  const pair = headerOnly === null ? firstHeaderlessPair(g) : null;
  if (pair !== null) {
    // A table printed over two sheets often loses its header on the second one.
    return unrecognised(sheet, 'recognise.headerless-pair', { sheet, row: pair });
  }
  if (headerOnly !== null) {
    return unrecognised(sheet, 'recognise.header-only', { sheet, row: headerOnly });
  }
  const near = best && headerScore(best) > 0 ? best : null;
  const miss = missingHeaders(near);
  const closest = near ? near.row : null;
  return {
    sheet,
    reason: t('ja', 'recognise.no-table', { sheet, missing: miss.map((id) => t('ja', id)), closest }),
    reasonEn: t('en', 'recognise.no-table', { sheet, missing: miss.map((id) => t('en', id)), closest }),
  };
}

/** A heading is the first cell of a row of one to four filled cells. */
function headingOf(g: Grid, row: number) {
  const first = g.firstFilled(row);
  if (first < 0) return null;
  let filled = 1;
  const line = g.lineOf(row);
  for (let c = first + 1, k = c - g.firstCol; c <= g.lastCol; c++, k++) {
    const v = line[k];
    if (v !== null && v !== undefined && textOf(v) !== '' && ++filled > 4) return null;
  }
  return classifyHeading(g.ownText(row, first));
}

export function recogniseSheet(s: GridSnapshot): SheetModel | Unrecognised {
  const sheet = s?.sheet ?? '';
  try {
    return recogniseGrid(new Grid(s));
  } catch (e) {
    // A recogniser bug must not take the whole workbook down: report the sheet instead.
    const msg = e instanceof Error ? e.message : String(e);
    return unrecognised(sheet, 'recognise.failed', { sheet, detail: msg });
  }
}

function recogniseGrid(g: Grid): SheetModel | Unrecognised {
  const sheet = g.s.sheet;
  if (!g.s.values.length || g.lastCol < g.firstCol) {
    return unrecognised(sheet, 'recognise.empty', { sheet });
  }
  const structure = new StructureBuilder();
  const tables: KpiTable[] = [];
  const kpis: Kpi[] = [];
  let headerOnly: number | null = null;
  // Rectangles already read as tables: tables may sit side by side, so rows are not skipped wholesale.
  const claimed: Claimed[] = [];
  // The last row of the claimed table that ends first (Infinity while none is claimed).
  let claimedUntil = Infinity;
  // Rows not inside a table, for the nearest-miss header when the sheet has no table at all.
  const loose: number[] = [];
  for (let r = g.firstRow; r <= g.lastRow; r++) {
    // Rows are read top-down: tables that ended above this row can be forgotten.
    // (a helper, not a closure over r: a closure made every iteration allocate r's own context)
    if (r > claimedUntil) {
      forgetEnded(claimed, r);
      claimedUntil = endOfFirst(claimed);
    }
    // A row without text of its own holds no header (the role test reads own text) nor heading.
    const first = g.firstFilled(r);
    if (first < 0) continue;
    // A row whose every filled cell lies in a table already read holds no new header (nor heading).
    if (claimed.length && withinClaimed(g, r, claimed)) continue;
    let found = false;
    // Without a cell naming a role no segment of the row is a header: skip building them.
    const segments = hasRoleCell(g, r, g.firstCol, g.lastCol) ? headerSegments(g, r) : NO_SEGMENTS;
    for (let s = 0; s < segments.length; s += 2) {
      const from = segments[s];
      const to = segments[s + 1];
      if (isClaimed(claimed, r, from) || isClaimed(claimed, r, to)) continue;
      // a segment over the whole row: hasRoleCell above has found its role cell
      const h = headerAt(g, r, from, to, from === g.firstCol && to === g.lastCol);
      if (!h) continue;
      found = true;
      const read = readTable(g, h, tables.length, structure.path());
      if (read) {
        tables.push(read.table);
        kpis.push(...read.kpis);
        structure.attach(read.kpis.map(idOf));
        claimed.push({ top: r, bottom: read.table.lastRow, left: from, right: read.table.lastCol });
        claimedUntil = Math.min(claimedUntil, read.table.lastRow);
      } else {
        headerOnly ??= r;
      }
    }
    if (found) continue;
    if (isClaimed(claimed, r, first)) continue;
    // wanted only when the sheet ends up without a table
    if (tables.length === 0) loose.push(r);
    const heading = headingOf(g, r);
    if (heading) structure.add(heading, r);
  }
  if (tables.length === 0) {
    let best: HeaderRow | null = null;
    for (const r of loose) {
      const near = readHeaderRow(g, r);
      if (!best || headerScore(near) > headerScore(best)) best = near;
    }
    return recogniseRows(g) ?? noTableReason(g, best, headerOnly);
  }
  linkBreakdowns(kpis);
  linkRelisted(kpis);
  const legends = legendsOf(g, tables);
  return { sheet, tables, kpis, structure: structure.result(), ...(legends.length ? { legends } : {}) };
}

/** A KPI's id: map's callback, made once (an arrow in the loop was a new closure per table). */
const idOf = (k: Kpi): string => k.id;

type Claimed = { top: number; bottom: number; left: number; right: number };

const NO_SEGMENTS: readonly number[] = [];

/** Keeps only the claimed tables reaching row r or below, in order, in place (a new list per ended table was garbage). */
function forgetEnded(claimed: Claimed[], r: number): void {
  let kept = 0;
  for (let i = 0; i < claimed.length; i++) if (claimed[i].bottom >= r) claimed[kept++] = claimed[i];
  claimed.length = kept;
}

/** The last row of the claimed table that ends first; Infinity for none. */
function endOfFirst(claimed: Claimed[]): number {
  let end = Infinity;
  for (let i = 0; i < claimed.length; i++) if (claimed[i].bottom < end) end = claimed[i].bottom;
  return end;
}

function isClaimed(claimed: Claimed[], r: number, c: number): boolean {
  for (let i = 0; i < claimed.length; i++) {
    const b = claimed[i];
    if (r >= b.top && r <= b.bottom && c >= b.left && c <= b.right) return true;
  }
  return false;
}

/**
 * True when the row's first column and every filled cell (own or merged-in text) lie inside a claimed
 * table: then every header segment of the row starts in a claimed column and is skipped, and so is
 * the row's first cell. Checked before building the segments (most rows of a sheet are table rows).
 */
function withinClaimed(g: Grid, r: number, claimed: Claimed[]): boolean {
  for (let c = g.firstCol; c <= g.lastCol; ) {
    // the columns from c to the right edge of a claimed table holding (r, c) are claimed: step past them
    const right = claimedRight(claimed, r, c);
    if (right >= c) {
      c = right + 1;
      continue;
    }
    if (c === g.firstCol || g.text(r, c) !== '' || g.ownText(r, c) !== '') return false;
    c++;
  }
  return true;
}

/** The rightmost column of the claimed tables holding (r, c), or -1 when none holds it. */
function claimedRight(claimed: Claimed[], r: number, c: number): number {
  let right = -1;
  for (let i = 0; i < claimed.length; i++) {
    const b = claimed[i];
    if (r >= b.top && r <= b.bottom && c >= b.left && c <= b.right && b.right > right) right = b.right;
  }
  return right;
}

/** Legends printed outside the tables (a cell, or a row's cells joined). */
function legendsOf(g: Grid, tables: KpiTable[]): GradeLegend[] {
  const out: GradeLegend[] = [];
  // rows inside a table, marked once: asking every table per row was quadratic (13 s at 10,000 KPIs)
  const tableRows = new Uint8Array(Math.max(0, g.lastRow - g.firstRow + 1));
  for (let i = 0; i < tables.length; i++) {
    const t = tables[i];
    for (let r = Math.max(t.headerRow, g.firstRow); r <= Math.min(t.lastRow, g.lastRow); r++) tableRows[r - g.firstRow] = 1;
  }
  const inTable = (r: number) => tableRows[r - g.firstRow] === 1;
  for (let r = g.firstRow; r <= g.lastRow; r++) {
    if (inTable(r)) continue;
    const first = g.firstFilled(r);
    if (first < 0) continue;
    const before = out.length;
    let filled = 0;
    let joined = '';
    const line = g.lineOf(r);
    for (let c = first, k = c - g.firstCol; c <= g.lastCol; c++, k++) {
      const v = line[k];
      if (v === null || v === undefined) continue;
      const t = textOf(v);
      if (t === '') continue;
      joined = filled++ === 0 ? t : `${joined} , ${t}`;
      // indexed, not for-of: an iterator and its results per row (0.5 MB per run of the 10,000-KPI sheet)
      const found = parseLegendText(t, r, c);
      for (let i = 0; i < found.length; i++) out.push(found[i]);
    }
    // a row of one cell joins to that cell's text, already read
    if (out.length === before && filled > 1) {
      const found = parseLegendText(joined, r, first);
      for (let i = 0; i < found.length; i++) out.push(found[i]);
    }
  }
  return out;
}

/** Tables of one row per KPI (the families two-row reading does not cover); null when none. */
function recogniseRows(g: Grid): SheetModel | null {
  const structure = new StructureBuilder();
  const tables: KpiTable[] = [];
  const kpis: Kpi[] = [];
  for (let r = g.firstRow; r <= g.lastRow; r++) {
    const h = rowHeaderAt(g, r);
    const read = h ? readRowTable(g, h, tables.length, structure.path()) : null;
    if (read) {
      tables.push(read.table);
      kpis.push(...read.kpis);
      structure.attach(read.kpis.map(idOf));
      r = read.table.lastRow;
      continue;
    }
    const heading = headingOf(g, r);
    if (heading) structure.add(heading, r);
  }
  if (tables.length === 0) return null;
  linkBreakdowns(kpis);
  linkRelisted(kpis);
  const legends = legendsOf(g, tables);
  return { sheet: g.s.sheet, tables, kpis, structure: structure.result(), ...(legends.length ? { legends } : {}) };
}

/** Recognises every sheet; re-listed KPIs are linked across sheets in workbook order. */
export function recognise(snapshots: GridSnapshot[]): ProgressModel {
  const sheets: SheetModel[] = [];
  const unrecognisedSheets: Unrecognised[] = [];
  for (const s of snapshots) {
    const r = recogniseSheet(s);
    if (isUnrecognised(r)) unrecognisedSheets.push(r);
    else sheets.push(r);
  }
  // one sheet: its own linking (recogniseSheet) already is the workbook's
  if (sheets.length > 1) linkRelisted(sheets.flatMap((m) => m.kpis));
  return { sheets, unrecognised: unrecognisedSheets };
}
