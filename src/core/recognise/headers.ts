/**
 * Header recognition by meaning: "基準値 (H30)", "現状値", "策定時" are all the baseline; "担当課" and
 * "所管課" the department; "シート No." and "シート番号" the sheet number. Year columns by label.
 */
import type { YearColumn } from '../model';
import { keptByNormalise, normalise } from '../text';
import { parseYearLabel, yearInText, type ParsedYear } from '../years';
import { textOf, type Grid } from './grid';

export type HeaderRole = 'kpi' | 'rowLabel' | 'baseline' | 'target' | 'cost' | 'department' | 'remark' | 'sheetNo' | 'year';

const ROLE_PATTERNS: [HeaderRole, RegExp][] = [
  // A bare "No." is usually the KPI number, not the management sheet: require シート / 管理.
  ['sheetNo', /^(進行)?管理?シート(no\.?|番号|#)?$|^シート(no\.?|番号)|^管理(no\.?|番号)$/i],
  ['kpi', /kpi|指標|^項目$|^評価項目$/i],
  ['baseline', /^(基準値|現状値|策定時|基準|現状|当初値|計画策定時)/],
  ['target', /^(目標値|目標|数値目標|最終目標)|目標値|目標$|目標\(/],
  ['cost', /^(事業費|決算額|予算額)/],
  ['department', /^(担当課|所管課|担当部署|担当部局|担当|所管|主管課|課名)/],
  ['remark', /^(備考|特記事項|コメント|摘要)/],
  ['rowLabel', /^(区分|実績\/達成率|実績値\/達成率)$/],
];

// A sheet of thousands of tables repeats a few header texts: their years are read once (bounded).
const yearLabels = new Map<string, ParsedYear | null>();
const headerYears = new Map<string, ParsedYear | null>();

function remembered(cache: Map<string, ParsedYear | null>, text: string, read: (text: string) => ParsedYear | null): ParsedYear | null {
  let y = cache.get(text);
  if (y === undefined) {
    if (cache.size > 20_000) cache.clear();
    cache.set(text, (y = read(text)));
  }
  return y;
}

/** Year of an actual-value column: "R1", "2019年度", "R1実績", "令和元年度(実績)". */
function yearColumnLabel(text: string): ParsedYear | null {
  return remembered(yearLabels, text, readYearColumnLabel);
}

function readYearColumnLabel(text: string): ParsedYear | null {
  const direct = parseYearLabel(text);
  if (direct) return direct;
  // The year the era changed is written both ways: "H31/R1", "H31(R元)", "平成31年度・令和元年度".
  const transition = /^(H31|平成31年度?)[/・()]*(R(1|元)|令和(1|元)年度?)\)?$/.exec(normalise(text).replace(/[()]/g, ''));
  if (transition) return parseYearLabel(transition[2]);
  const stripped = normalise(text).replace(/[()]|実績値?|見込み?|\(見込\)/g, '');
  return stripped !== '' && stripped.length <= 8 ? parseYearLabel(stripped) : null;
}

// Sheets repeat the same few texts thousands of times: classify each text once.
const roleCache = new Map<string, HeaderRole | null>();

export function classifyHeader(text: string): HeaderRole | null {
  let role = roleCache.get(text);
  if (role === undefined) {
    // bounded, yet large enough for a 10,000-KPI sheet's names and remarks (clearing at 20,000 re-classified them)
    if (roleCache.size > 200_000) roleCache.clear();
    role = classifyUncached(text);
    roleCache.set(text, role);
  }
  return role;
}

const ROLES: (HeaderRole | null)[] = [null, null, 'kpi', 'rowLabel', 'baseline', 'target', 'cost', 'department', 'remark', 'sheetNo', 'year'];
/**
 * roleCodes' code of a cell hasRoleCell has found names no role but perhaps a year (mayNameRole false),
 * without classifying it: cellRole classifies it when asked. Data rows are asked again and again (the
 * header test of every KPI group), and their cells were each time re-read by mayNameRole.
 */
const NO_ROLE = ROLES.length;

/** classifyHeader of the cell's own text, read once per cell (codes kept in the grid). */
function cellRole(g: Grid, row: number, col: number): HeaderRole | null {
  const i = g.index(row, col);
  if (i < 0) return classifyHeader(g.ownText(row, col));
  let code = g.roleCodes[i];
  if (code === 0 || code === NO_ROLE) g.roleCodes[i] = code = ROLES.indexOf(classifyHeader(g.ownText(row, col)), 1);
  return ROLES[code];
}

function classifyUncached(text: string): HeaderRole | null {
  const n = normalise(text);
  if (n === '') return null;
  for (const [role, re] of ROLE_PATTERNS) if (re.test(n)) return role;
  if (yearColumnLabel(text)) return 'year';
  return null;
}

export interface HeaderRow {
  /** First header row; `rows` is 2 when the header spans two rows (実績値 over R1, R2 …). */
  row: number;
  rows: number;
  roles: Map<HeaderRole, number>;
  years: YearColumn[];
  baselineYear: ParsedYear | null;
  targetYear: ParsedYear | null;
  headers: Record<number, string>;
  extra: { col: number; label: string }[];
  firstCol: number;
  lastCol: number;
}

/** Header text of a column over two rows: top and bottom joined (a merge counts once). */
function twoRowText(g: Grid, row: number, c: number): string {
  const top = g.text(row, c);
  const bottom = g.text(row + 1, c);
  const same = bottom === top || (g.masterOf(row + 1, c)?.row ?? 0) === row;
  return same ? top : `${top}${top && bottom ? ' ' : ''}${bottom}`;
}

/** Reads a row (or two rows) as a header; roles hold the first column of each role. */
export function readHeaderRow(g: Grid, row: number, rows = 1, from = g.firstCol, to = g.lastCol): HeaderRow {
  if (rows === 1 && row >= g.firstRow && row <= g.lastRow) return knownHeader(g, row, from, to);
  return readHeaderCells(g, row, rows, from, to);
}

function readHeaderCells(g: Grid, row: number, rows: number, from: number, to: number): HeaderRow {
  const roles = new Map<HeaderRole, number>();
  const years: YearColumn[] = [];
  const headers: Record<number, string> = {};
  const extra: { col: number; label: string }[] = [];
  let first = -1;
  let last = -1;
  // the row's cells read in place, left to right (no [col, text] list per header read)
  for (let col = Math.max(from, g.firstCol), hi = Math.min(to, g.lastCol); col <= hi; col++) {
    const text = rows === 1 ? g.ownText(row, col) : twoRowText(g, row, col);
    if (text === '') continue;
    if (first < 0) first = col;
    last = col;
    headers[col] = text;
    const role = rows === 1 ? cellRole(g, row, col) : classifyHeader(text);
    if (role === 'year') {
      const y = yearColumnLabel(text)!;
      if (!hasYear(years, y.year)) years.push({ col, year: y.year, label: text, style: y.style });
      else extra.push({ col, label: text });
    } else if (role && !roles.has(role)) {
      roles.set(role, col);
    } else {
      extra.push({ col, label: text });
    }
  }
  const baselineCol = roles.get('baseline');
  const targetCol = roles.get('target');
  return headerRow(
    row,
    rows,
    roles,
    years,
    baselineCol !== undefined ? remembered(headerYears, headers[baselineCol], yearInText) : null,
    targetCol !== undefined ? remembered(headerYears, headers[targetCol], yearInText) : null,
    headers,
    extra,
    first >= 0 ? first : g.firstCol,
    last >= 0 ? last : g.firstCol,
  );
}

function hasYear(years: YearColumn[], year: number): boolean {
  for (let i = 0; i < years.length; i++) if (years[i].year === year) return true;
  return false;
}

/** A HeaderRow, its fields always in this order (one object shape). */
function headerRow(
  row: number,
  rows: number,
  roles: Map<HeaderRole, number>,
  years: YearColumn[],
  baselineYear: ParsedYear | null,
  targetYear: ParsedYear | null,
  headers: Record<number, string>,
  extra: { col: number; label: string }[],
  firstCol: number,
  lastCol: number,
): HeaderRow {
  return { row, rows, roles, years, baselineYear, targetYear, headers, extra, firstCol, lastCol };
}

/** A one-row header read before on the grid: its columns, its cells' own texts and what they read as. */
interface KnownHeader {
  from: number;
  to: number;
  texts: string[];
  read: HeaderRow;
}

/** Per grid, the one-row headers read so far by a hash of their columns and texts. */
const knownHeaders = new WeakMap<Grid, Map<number, KnownHeader[]>>();

/**
 * readHeaderCells of one row, remembered per grid by the row's own texts: a sheet of thousands of
 * tables repeats a few headers, and each read built a dozen objects. What a row reads as depends only
 * on its own texts by column (cellRole reads own text), so rows with the same texts in the same columns
 * share one reading (its roles, years, headers and extra; the model never changes them).
 */
function knownHeader(g: Grid, row: number, from: number, to: number): HeaderRow {
  const lo = Math.max(from, g.firstCol);
  const hi = Math.min(to, g.lastCol);
  const line = g.lineOf(row);
  const off = g.firstCol;
  let hash = (from * 31 + to) | 0;
  for (let c = lo; c <= hi; c++) {
    const v = line[c - off];
    if (v === null || v === undefined) continue;
    const text = textOf(v);
    if (text === '') continue;
    hash = (Math.imul(hash, 31) + c) | 0;
    hash = (Math.imul(hash, 31) + text.length) | 0;
    hash = (Math.imul(hash, 31) + text.charCodeAt(0)) | 0;
    hash = (Math.imul(hash, 31) + text.charCodeAt(text.length - 1)) | 0;
  }
  let byHash = knownHeaders.get(g);
  if (!byHash) knownHeaders.set(g, (byHash = new Map()));
  const bucket = byHash.get(hash);
  if (bucket) {
    for (let b = 0; b < bucket.length; b++) {
      const k = bucket[b];
      if (k.from !== from || k.to !== to) continue;
      let same = true;
      for (let c = lo, j = 0; c <= hi; c++, j++) {
        if (k.texts[j] !== textOf(line[c - off])) {
          same = false;
          break;
        }
      }
      if (!same) continue;
      const h = k.read;
      return headerRow(row, 1, h.roles, h.years, h.baselineYear, h.targetYear, h.headers, h.extra, h.firstCol, h.lastCol);
    }
  }
  const read = readHeaderCells(g, row, 1, from, to);
  const texts: string[] = [];
  for (let c = lo; c <= hi; c++) texts.push(textOf(line[c - off]));
  const known: KnownHeader = { from, to, texts, read };
  if (bucket) bucket.push(known);
  else byHash.set(hash, [known]);
  return read;
}

/**
 * The header starting at `row`: one row, or two rows when only together they name the columns
 * (role words merged over both rows, years under a 実績値 group). Null when there is none.
 */
export function headerAt(g: Grid, row: number, from = g.firstCol, to = g.lastCol, roleCell = false): HeaderRow | null {
  // Most rows asked are data rows: without a cell naming a role they are no header, one row or two
  // (roleCell: the caller has just found one in these columns).
  if (!roleCell && !hasRoleCell(g, row, from, to)) return null;
  const one = readHeaderRow(g, row, 1, from, to);
  if (isHeaderRow(one)) return one;
  if (row + 1 > g.lastRow || one.roles.size === 0) return null;
  if (isHeaderRow(readHeaderRow(g, row + 1, 1, from, to))) return null;
  const two = readHeaderRow(g, row, 2, from, to);
  return isHeaderRow(two) ? two : null;
}

/**
 * Role words of ROLE_PATTERNS found anywhere in the normalised text, by their first two characters
 * (目標値, R6目標, 成果指標); kpi's k is CHAR_KIND 3.
 */
const ANYWHERE_PAIRS = ['指標', '目標'];
/**
 * The first two characters (spaces removed) of every other role word, which the patterns read only at
 * the start of the normalised text (^基準値, ^担当課, ^(進行)?管理?シート so 管シ too, ^評価項目$ …).
 */
const START_PAIRS = ['進行', '管理', '管シ', 'シー', '項目', '評価', '基準', '現状', '策定', '当初', '計画', '事業', '決算', '予算', '担当', '所管', '主管', '課名', '備考', '特記', 'コメ', '摘要', '区分', '実績'];

/**
 * Per UTF-16 unit: 0 a character normalise() may turn into a role character, 1 one it keeps or turns into
 * ASCII other than k, 2 a space it drops, 3 the k of kpi (half- or full-width).
 */
const CHAR_KIND = new Uint8Array(0x10000);
/** Per first character of an anywhere pair, its second character (0 for none). */
const PAIR_SECOND = new Uint16Array(0x10000);
for (let code = 0; code < 0x10000; code++) if (keptByNormalise(code)) CHAR_KIND[code] = 1;
// full-width ASCII (（）～％ …) is its half-width self after NFKC, and every wave dash becomes "~"
for (let code = 0xff01; code <= 0xff5e; code++) CHAR_KIND[code] = 1;
CHAR_KIND[0x301c] = CHAR_KIND[0x223c] = 1;
for (const space of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x3000]) CHAR_KIND[space] = 2;
CHAR_KIND[0x4b] = CHAR_KIND[0x6b] = CHAR_KIND[0xff2b] = CHAR_KIND[0xff4b] = 3;
for (const pair of ANYWHERE_PAIRS) PAIR_SECOND[pair.charCodeAt(0)] = pair.charCodeAt(1);
/** Per first character of a start pair, its second characters (small integers: first * 0x10000 + second was a heap number per test). */
const START_SECONDS = new Map<number, number[]>();
for (const pair of START_PAIRS) {
  const seconds = START_SECONDS.get(pair.charCodeAt(0));
  if (seconds) seconds.push(pair.charCodeAt(1));
  else START_SECONDS.set(pair.charCodeAt(0), [pair.charCodeAt(1)]);
}
const 実 = '実'.charCodeAt(0);

/**
 * Whether the text may name a role other than a year (false only when classifyHeader's answer is surely
 * null or 'year'). False for a text of characters normalise() keeps, without a k, without 指標 or 目標 and
 * not starting with another role word's first two characters ("26件", "第3群 市民活動支援事業数",
 * "0.689", "企画課", "実績値"): the data rows' names, figures and labels, which the header test then
 * never classifies (nor reads their years).
 */
export function mayNameRole(text: string): boolean {
  let want = 0;
  let first = -1;
  let second = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const kind = CHAR_KIND[code];
    if (kind === 2) continue; // normalise() drops spaces: "目 標" is 目標
    if (kind !== 1) return true;
    if (code === want) return true;
    want = PAIR_SECOND[code];
    if (first < 0) first = code;
    else if (second < 0) {
      second = code;
      const seconds = START_SECONDS.get(first);
      // 実績 starts a role word only as 実績/達成率 or 実績値/達成率 (the 実績値 label of every pair does not)
      if (seconds !== undefined && seconds.includes(second) && (first !== 実 || text.includes('/') || text.includes('／'))) return true;
    }
  }
  return false;
}

const YEAR_CODE = ROLES.indexOf('year');

/** Whether a cell of the row (own text, as readHeaderRow reads one row) names a role other than a year. */
export function hasRoleCell(g: Grid, row: number, from: number, to: number): boolean {
  const lo = Math.max(from, g.firstCol);
  const hi = Math.min(to, g.lastCol);
  if (row < g.firstRow || row > g.lastRow) {
    for (let c = lo; c <= hi; c++) {
      const role = g.ownText(row, c) === '' ? null : cellRole(g, row, c);
      if (role !== null && role !== 'year') return true;
    }
    return false;
  }
  // Most rows asked are data rows: their cells are read from the snapshot's row, cells that cannot name a
  // role skipped first (empty, a number or a truth value: its text is digits, '.', '-', 'e', 'Infinity',
  // 'TRUE' …, which mayNameRole rejects), and a text mayNameRole rejected is marked so (NO_ROLE).
  const line = g.lineOf(row);
  const codes = g.roleCodes;
  for (let c = lo, i = g.index(row, lo), k = lo - g.firstCol; c <= hi; c++, i++, k++) {
    const v = line[k];
    if (typeof v !== 'string') continue;
    let code = codes[i];
    if (code === 0) {
      const text = v.trim();
      if (text === '' || !mayNameRole(text)) {
        codes[i] = NO_ROLE;
        continue;
      }
      codes[i] = code = ROLES.indexOf(classifyHeader(text), 1);
    }
    if (code > 1 && code !== YEAR_CODE && code !== NO_ROLE) return true;
  }
  return false;
}

/**
 * Column ranges where a table header may sit on this row, as [from, to, from, to, …]: clusters of cells
 * apart from other text (separated by two or more empty columns; merges count as filled), and within a
 * cluster a new table at each further KPI header cell when every part is a whole header. The first
 * range reaches back to the sheet's first column (the label column may be blank). Read only: a row of
 * one cluster without two KPI cells (most header rows) answers the grid's one [firstCol, lastCol].
 */
export function headerSegments(g: Grid, row: number): readonly number[] {
  // the clusters found in one walk, each emitted when the next one starts (its range ends before it)
  let out: number[] | null = null;
  let from = -1;
  let to = -1;
  let left = g.firstCol;
  for (let c = g.firstCol; c <= g.lastCol; c++) {
    if (g.text(row, c) === '') continue;
    if (from < 0) from = c;
    else if (c - to > 2) {
      out = clusterSegments(g, row, from, to, left, c - 1, out ?? []);
      from = left = c;
    }
    to = c;
  }
  if (from < 0) return g.wholeRow;
  if (out === null && kpiCells(g, row, from, to) < 2) return g.wholeRow;
  return clusterSegments(g, row, from, to, left, g.lastCol, out ?? []);
}

/** How many cells of [from, to] on the row name the KPI (own text). */
function kpiCells(g: Grid, row: number, from: number, to: number): number {
  let n = 0;
  for (let c = Math.max(from, g.firstCol); c <= Math.min(to, g.lastCol); c++) if (g.ownText(row, c) !== '' && cellRole(g, row, c) === 'kpi') n++;
  return n;
}

/** Appends a cluster's ranges to out: [left, right], or its parts at each further KPI header cell. */
function clusterSegments(g: Grid, row: number, from: number, to: number, left: number, right: number, out: number[]): number[] {
  if (kpiCells(g, row, from, to) < 2) out.push(left, right);
  else out.push(...kpiParts(g, row, from, to, left, right));
  return out;
}

/** A cluster's parts, a new table at each further KPI header cell, when every part is a whole header. */
function kpiParts(g: Grid, row: number, from: number, to: number, left: number, right: number): number[] {
  const starts: number[] = [];
  for (let c = Math.max(from, g.firstCol); c <= Math.min(to, g.lastCol); c++) if (g.ownText(row, c) !== '' && cellRole(g, row, c) === 'kpi') starts.push(c);
  const parts: number[] = [left, right];
  for (let k = 1; k < starts.length; k++) {
    parts[parts.length - 1] = starts[k] - 1;
    parts.push(starts[k], right);
  }
  for (let i = 0; i < parts.length; i += 2) if (!isHeaderRow(readHeaderRow(g, row, 1, parts[i], parts[i + 1]))) return [left, right];
  return parts;
}

/** A header row names the KPI (or baseline), the target and at least one year column. */
export function isHeaderRow(h: HeaderRow): boolean {
  return h.roles.has('target') && h.years.length >= 1 && (h.roles.has('kpi') || h.roles.has('baseline'));
}

/** What a near-miss header row lacks, for the "no table" reason. */
export function missingHeaders(h: HeaderRow | null): ('recognise.missing.kpi' | 'recognise.missing.target' | 'recognise.missing.years')[] {
  const out: ('recognise.missing.kpi' | 'recognise.missing.target' | 'recognise.missing.years')[] = [];
  if (!h || !(h.roles.has('kpi') || h.roles.has('baseline'))) out.push('recognise.missing.kpi');
  if (!h || !h.roles.has('target')) out.push('recognise.missing.target');
  if (!h || h.years.length === 0) out.push('recognise.missing.years');
  return out;
}

/** How many roles a row carries: used to pick the nearest miss when no table is found. */
export function headerScore(h: HeaderRow): number {
  return h.roles.size + Math.min(h.years.length, 2);
}
