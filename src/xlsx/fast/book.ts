/**
 * The workbook-wide parts the read-only reader needs, read as exceljs 4.4.0's load reads them: the
 * sheets of xl/workbook.xml (name, sheetId, state, their part through xl/_rels/workbook.xml.rels),
 * date1904, each cellXfs style's number format (custom numFmts, else exceljs's built-in table) and
 * the shared strings (rich text flattened, phonetic runs left out). What exceljs would read otherwise,
 * or fail on, is Unread.
 */
import { unread } from './fallback';
import { rootStart, Tags } from './xml';
import { defaultFmtCode, isDateFmt, xmlDecode } from './exceljs-rules';
import type { ZipParts } from './zip';
import type { SheetInfo } from '../../core/host';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Parts a package may hold for the reader to read it; any other part (notes, drawings, tables, …) is Unread. */
const KNOWN_PARTS = [
  /^\[Content_Types\]\.xml$/,
  /^_rels\/\.rels$/,
  /^docProps\/(app|core|custom)\.xml$/,
  /^xl\/(workbook|styles|sharedStrings|calcChain)\.xml$/,
  /^xl\/_rels\/workbook\.xml\.rels$/,
  /^xl\/theme\/theme\d+\.xml$/,
  /^xl\/worksheets\/sheet\d+\.xml$/,
  /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/,
  /^xl\/printerSettings\/printerSettings\d+\.bin$/,
  /\/$/,
];

export interface BookSheet extends SheetInfo {
  part: string;
}

export interface Book {
  sheets: BookSheet[];
  date1904: boolean;
}

/** The root element's tags, checked to be `root` in SpreadsheetML's main namespace (no strict OOXML, no prefix). */
function rootTags(xml: string, root: string, ns: string | null): Tags {
  const tags = new Tags(xml, rootStart(xml));
  if (!tags.next() || tags.close || tags.tag() !== root || (ns !== null && tags.attr('xmlns') !== ns)) unread(`xml: root of ${root}`);
  return tags;
}

function finished(tags: Tags, part: string): void {
  if (tags.depth !== 0) unread(`${part}: not closed`);
}

/** Id → Target of a .rels part; Type checked by `allow` when given. */
export function readRels(zip: ZipParts, part: string, allow?: (type: string) => boolean): Map<string, string> {
  const map = new Map<string, string>();
  const xml = zip.textOf(part);
  if (xml === null) return map;
  const tags = rootTags(xml, 'Relationships', 'http://schemas.openxmlformats.org/package/2006/relationships');
  while (tags.next()) {
    if (tags.close) continue;
    if (tags.tag() !== 'Relationship') unread(`${part}: <${tags.tag()}>`);
    const id = tags.attr('Id');
    const target = tags.attr('Target');
    const type = tags.attr('Type') ?? '';
    if (id === undefined || target === undefined) unread(`${part}: relationship without Id or Target`);
    if (allow && !allow(type)) unread(`${part}: relationship ${type}`);
    map.set(id, target);
  }
  finished(tags, part);
  return map;
}

function validName(name: string | undefined): name is string {
  // what exceljs's Worksheet name setter would reject, truncate or rename
  return !!name && name !== 'History' && name.length <= 31 && !/[*?:/\\[\]]/.test(name) && !/(^')|('$)/.test(name);
}

export function readBook(zip: ZipParts): Book {
  for (const name of zip.names()) if (!KNOWN_PARTS.some((re) => re.test(name))) unread(`part ${name}`);
  const xml = zip.textOf('xl/workbook.xml');
  if (xml === null) unread('no xl/workbook.xml');
  const rels = readRels(zip, 'xl/_rels/workbook.xml.rels');
  const tags = rootTags(xml, 'workbook', MAIN);
  let date1904 = false;
  const sheets: BookSheet[] = [];
  const ids = new Set<number>();
  const names = new Set<string>();
  const parts = new Set<string>();
  while (tags.next()) {
    if (tags.close) continue;
    if (tags.tag() === 'workbookPr') date1904 = tags.attr('date1904') === '1';
    else if (tags.tag() === 'sheet') {
      const raw = tags.attr('name');
      const name = raw === undefined ? undefined : xmlDecode(raw);
      const sheetId = tags.attr('sheetId') ?? '';
      const state = tags.attr('state');
      const rel = rels.get(tags.attr('r:id') ?? '');
      if (!validName(name) || names.has(name.toLowerCase())) unread(`workbook: sheet name ${name}`);
      if (!/^[1-9][0-9]{0,8}$/.test(sheetId) || ids.has(Number(sheetId))) unread('workbook: sheetId');
      if (state !== undefined && state !== 'visible' && state !== 'hidden' && state !== 'veryHidden') unread(`workbook: state ${state}`);
      if (rel === undefined) unread('workbook: sheet without its relationship');
      const part = `xl/${rel.replace(/^(\s|\/xl\/)+/, '')}`;
      if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(part) || !zip.has(part) || parts.has(part)) unread(`workbook: sheet part ${part}`);
      names.add(name.toLowerCase());
      ids.add(Number(sheetId));
      parts.add(part);
      sheets.push({ name, visibility: state ?? 'visible', part });
    }
  }
  finished(tags, 'workbook');
  return { sheets, date1904 };
}

/** Each cellXfs style's number format as exceljs gives it to a cell (undefined: none) and whether it makes numbers dates. */
export interface Styles {
  numFmt: (string | undefined)[];
  date: boolean[];
}

export function readStyles(zip: ZipParts): Styles {
  const xml = zip.textOf('xl/styles.xml');
  if (xml === null) unread('no xl/styles.xml');
  const tags = rootTags(xml, 'styleSheet', MAIN);
  const codes = new Map<number, string>();
  const ids: number[] = [];
  while (tags.next()) {
    if (tags.close) continue;
    if (tags.depth === 2 && tags.tag() === 'numFmts' && !tags.empty) {
      while (tags.next() && tags.depth > 1) {
        if (tags.close || tags.depth !== (tags.empty ? 2 : 3)) continue;
        if (tags.tag() !== 'numFmt') unread(`styles: <${tags.tag()}> in numFmts`);
        const code = tags.attr('formatCode');
        if (code === undefined) unread('styles: numFmt without formatCode');
        codes.set(parseInt(tags.attr('numFmtId') as string, 10), code.replace(/[\\](.)/g, '$1'));
      }
    } else if (tags.depth === 2 && tags.tag() === 'cellXfs' && !tags.empty) {
      while (tags.next() && tags.depth > 1) {
        if (tags.close) continue;
        if (tags.tag() === 'xf' && tags.depth === (tags.empty ? 2 : 3)) ids.push(parseInt(tags.attr('numFmtId') as string, 10));
      }
    }
  }
  finished(tags, 'styles');
  if (ids.length === 0) unread('styles: no cellXfs');
  const numFmt: (string | undefined)[] = [];
  const date: boolean[] = [];
  for (const id of ids) {
    // exceljs: a style's numFmtId, when not 0, names a custom format or a built-in one
    const f = id ? codes.get(id) || defaultFmtCode(id) || undefined : undefined;
    numFmt.push(f);
    date.push(isDateFmt(f));
  }
  return { numFmt, date };
}

/** The shared strings flattened; `rich`: a rich-text string (exceljs's value is an object, never empty). */
export interface SharedStrings {
  text: string[];
  rich: boolean[];
}

/** exceljs's TextXform: the pieces of a <t> joined, then its _xHHHH_ escapes. */
function textModel(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A rich-text run (<r>) just opened: the text of its <t>, its <rPr> skipped. */
export function runText(tags: Tags): string {
  let text: string | undefined;
  if (tags.empty) return '';
  const depth = tags.depth;
  while (tags.next() && tags.depth >= depth) {
    if (tags.close) continue;
    if (tags.depth === depth + 1 || (tags.empty && tags.depth === depth)) {
      if (tags.tag() === 't') text = textModel(tags.textUntilClose() ?? '');
      else if (tags.tag() === 'rPr') tags.skip();
      else unread(`rich text: <${tags.tag()}>`);
    }
  }
  return text ?? '';
}

export function readSharedStrings(zip: ZipParts): SharedStrings | null {
  const xml = zip.textOf('xl/sharedStrings.xml');
  if (xml === null) return null;
  const tags = rootTags(xml, 'sst', MAIN);
  const text: string[] = [];
  const rich: boolean[] = [];
  while (tags.next()) {
    if (tags.close) continue;
    if (tags.tag() !== 'si' || tags.depth > 2 || (tags.empty && tags.depth !== 1)) unread(`sharedStrings: <${tags.tag()}>`);
    if (tags.empty) unread('sharedStrings: empty <si/>');
    let plain: string | undefined;
    let runs: string[] | undefined;
    while (tags.next() && tags.depth >= 2) {
      if (tags.close) continue;
      const name = tags.tag();
      if (name === 't') {
        if (plain !== undefined || runs) unread('sharedStrings: <t> twice or beside runs');
        plain = textModel(tags.textUntilClose() ?? '');
      } else if (name === 'r') {
        if (plain !== undefined) unread('sharedStrings: runs beside <t>');
        (runs ??= []).push(runText(tags));
      } else if (name === 'rPh' || name === 'phoneticPr') tags.skip();
      else unread(`sharedStrings: <${name}> in <si>`);
    }
    if (plain === undefined && !runs) unread('sharedStrings: <si> without text');
    text.push(runs ? runs.join('') : plain!);
    rich.push(!!runs);
  }
  finished(tags, 'sharedStrings');
  return { text, rich };
}
