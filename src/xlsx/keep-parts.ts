/**
 * What exceljs's re-serialised package loses, checked against the original package (issue #16).
 * Used only when a workbook opened from bytes is saved through exceljs: after XlsxHost.modelEdited()
 * (code that changed the exceljs model directly, such as the round's department copies). Every
 * other save patches the original package (src/xlsx/ooxml/patch.ts) and keeps everything.
 * This step:
 * - puts back, byte for byte, what can be put back without understanding it: the VBA project of an
 *   .xlsm (with its relationship and the macro-enabled content type), custom document properties,
 *   the sheets' manual page breaks (moved with the plan's column inserts and deletes) and their
 *   protection element as it was (exceljs drops the password hash);
 * - refuses (UnkeptPartsError, before anything is written) when anything else would be lost —
 *   charts, pivot tables, external links, threaded comments, Excel 2010+ extensions, protection … —
 *   naming each, so that a loss is never silent. The patching save throws the same error, naming
 *   what it cannot keep.
 * Browser-safe (jszip only).
 */
import JSZip from 'jszip';
import { inBoth, MessageError, t } from '../core/catalogue';
import type { SAVE_PARTS } from '../core/catalogue/save';

type Part = keyof typeof SAVE_PARTS;

/** A sheet element lost: Japanese names the sheet, English lists each kind once. */
function onSheet(part: Part, sheet: string): { ja: string; en: string } {
  return { ja: t('ja', 'save.part.on-sheet', { what: t('ja', part), sheet }), en: t('en', 'save.part.on-sheet', { what: t('en', part), sheet }) };
}

/** The save refused (catalogue save.unkept), naming what would be lost in each language. */
export class UnkeptPartsError extends MessageError<'save.unkept'> {
  /** What would be lost, in English. */
  readonly lost: string[];
  constructor(lost: { ja: string; en: string }[]) {
    super('save.unkept', { ja: lost.map((w) => w.ja), en: lost.map((w) => w.en) });
    this.name = 'UnkeptPartsError';
    this.lost = lost.map((w) => w.en);
  }
}

/** A column insert or delete the plan made, so page breaks move with the columns. */
export interface ColumnShift {
  sheet: string;
  col: number;
  by: 1 | -1;
}

const REL_VBA = 'http://schemas.microsoft.com/office/2006/relationships/vbaProject';
const REL_CUSTOM = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
const CT_CUSTOM = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const CT_MACRO_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

/** Part names by kind: what a user would call the feature, for the refusal. */
const FEATURES: [RegExp, Part][] = [
  [/^xl\/charts\//, 'save.part.charts'],
  // notes' VML drawings are modelled (and removed with the last note); other drawings are not
  [/^xl\/drawings\/(?!vmlDrawing)/, 'save.part.drawings'],
  [/^xl\/pivot(Tables|Cache)\//, 'save.part.pivot-tables'],
  [/^xl\/externalLinks\//, 'save.part.external-links'],
  [/^xl\/threadedComments\/|^xl\/persons\//, 'save.part.threaded-comments'],
  [/^customXml\//, 'save.part.custom-xml'],
  [/^xl\/(embeddings|activeX|ctrlProps)\//, 'save.part.embedded'],
  [/^xl\/slicers?|^xl\/slicerCaches\//, 'save.part.slicers'],
  [/^xl\/queryTables\/|^xl\/connections\.xml$/, 'save.part.connections'],
];

/** Sheet elements whose loss the writer must not hide. */
const SHEET_ELEMENTS: [string, Part][] = [
  ['extLst', 'save.part.extensions'],
  ['sheetProtection', 'save.part.protection'],
  ['protectedRanges', 'save.part.protected-ranges'],
  ['drawing', 'save.part.shapes'],
  ['picture', 'save.part.picture'],
  ['oleObjects', 'save.part.ole'],
  ['controls', 'save.part.controls'],
  ['tableParts', 'save.part.tables'],
  ['rowBreaks', 'save.part.breaks'],
  ['colBreaks', 'save.part.breaks'],
  ['dataValidations', 'save.part.validations'],
  ['conditionalFormatting', 'save.part.conditional-formats'],
  ['autoFilter', 'save.part.autofilter'],
];

async function text(zip: JSZip, name: string): Promise<string | null> {
  const f = zip.file(name);
  return f ? f.async('string') : null;
}

/** Sheet name → part path, from workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const wb = await text(zip, 'xl/workbook.xml');
  const rels = await text(zip, 'xl/_rels/workbook.xml.rels');
  if (!wb || !rels) return out;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    if (name !== undefined && id && targets.has(id)) out.set(unescapeXml(name), targets.get(id)!);
  }
  return out;
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Element names of a sheet outside its cell data (most of a large sheet; no element of interest is in it). */
function elementsOf(xml: string): Set<string> {
  const start = xml.indexOf('<sheetData');
  const end = xml.lastIndexOf('</sheetData>');
  const outside = start >= 0 && end > start ? xml.slice(0, start) + xml.slice(end) : xml;
  return new Set([...outside.matchAll(/<([A-Za-z][\w.:-]*)[\s>/]/g)].map((m) => m[1]));
}

/** Where an element goes back in a worksheet: before the first later element of CT_Worksheet. */
const AFTER_BREAKS = ['customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

const AFTER_PROTECTION = ['protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', ...AFTER_BREAKS];

function insertBefore(xml: string, element: string, later: string[]): string {
  for (const name of later) {
    const i = xml.search(new RegExp(`<${name}[\\s>/]`));
    if (i >= 0) return xml.slice(0, i) + element + xml.slice(i);
  }
  const end = xml.lastIndexOf('</worksheet>');
  return end < 0 ? xml : xml.slice(0, end) + element + xml.slice(end);
}

function shiftColBreaks(element: string, shifts: ColumnShift[]): string {
  return element.replace(/(<brk\b[^>]*\bid=")(\d+)(")/g, (_m, a: string, id: string, b: string) => {
    let k = Number(id);
    for (const s of shifts) if (k >= s.col) k += s.by;
    return `${a}${k}${b}`;
  });
}

async function addRelationship(zip: JSZip, relsPath: string, type: string, target: string): Promise<void> {
  const rels = (await text(zip, relsPath)) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  if (rels.includes(`Type="${type}"`)) return;
  const ids = new Set([...rels.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  zip.file(relsPath, rels.replace('</Relationships>', `<Relationship Id="rId${n}" Type="${type}" Target="${target}"/></Relationships>`));
}

async function setContentType(zip: JSZip, part: string, type: string): Promise<void> {
  const ct = await text(zip, '[Content_Types].xml');
  if (!ct) return;
  const re = new RegExp(`<Override PartName="/${part.replace(/[.[\]]/g, '\\$&')}"[^>]*/>`);
  const override = `<Override PartName="/${part}" ContentType="${type}"/>`;
  zip.file('[Content_Types].xml', re.test(ct) ? ct.replace(re, override) : ct.replace('</Types>', `${override}</Types>`));
}

async function addDefault(zip: JSZip, ext: string, type: string): Promise<void> {
  const ct = await text(zip, '[Content_Types].xml');
  if (!ct || new RegExp(`<Default Extension="${ext}"`, 'i').test(ct)) return;
  zip.file('[Content_Types].xml', ct.replace('</Types>', `<Default Extension="${ext}" ContentType="${type}"/></Types>`));
}

/**
 * Puts back into `written` (exceljs's output) what can be kept from `original`, and throws
 * UnkeptPartsError naming what cannot. Sheets added or deleted by the plan are not compared.
 */
export async function keepOriginalParts(original: Uint8Array, written: JSZip, shifts: ColumnShift[] = [], replaced: Set<string> = new Set()): Promise<void> {
  const before = await JSZip.loadAsync(original);
  const lost = new Map<string, { ja: string; en: string }>();
  // the VBA project: byte for byte, with its relationship and the macro-enabled workbook type
  const vba = before.file('xl/vbaProject.bin');
  if (vba && !written.file('xl/vbaProject.bin')) {
    written.file('xl/vbaProject.bin', await vba.async('uint8array'));
    await addRelationship(written, 'xl/_rels/workbook.xml.rels', REL_VBA, 'vbaProject.bin');
    await addDefault(written, 'bin', 'application/vnd.ms-office.vbaProject');
    await setContentType(written, 'xl/workbook.xml', CT_MACRO_MAIN);
  }
  // custom document properties: byte for byte, with the package relationship
  const custom = before.file('docProps/custom.xml');
  if (custom && !written.file('docProps/custom.xml')) {
    written.file('docProps/custom.xml', await custom.async('uint8array'));
    await addRelationship(written, '_rels/.rels', REL_CUSTOM, 'docProps/custom.xml');
    await setContentType(written, 'docProps/custom.xml', CT_CUSTOM);
  }
  for (const name of Object.keys(before.files)) {
    if (before.files[name].dir || written.file(name)) continue;
    const feature = FEATURES.find(([re]) => re.test(name));
    if (feature) lost.set(feature[1], inBoth(feature[1]));
  }
  // sheet elements: page breaks put back; anything else the output lacks is named
  const was = await sheetParts(before);
  const now = await sheetParts(written);
  for (const [sheet, part] of was) {
    if (replaced.has(sheet)) continue;
    const target = now.get(sheet);
    const a = await text(before, part);
    let b = target ? await text(written, target) : null;
    if (!a || !b || !target) continue;
    for (const tag of ['rowBreaks', 'colBreaks']) {
      const m = new RegExp(`<${tag}\\b[\\s\\S]*?</${tag}>`).exec(a);
      if (!m || new RegExp(`<${tag}[\\s>]`).test(b)) continue;
      const element = tag === 'colBreaks' ? shiftColBreaks(m[0], shifts.filter((s) => s.sheet === sheet)) : m[0];
      b = insertBefore(b, element, tag === 'rowBreaks' ? ['colBreaks', ...AFTER_BREAKS] : AFTER_BREAKS);
      written.file(target, b);
    }
    // sheet protection as it was (exceljs drops the password hash): the plan never changes protection
    const protection = /<sheetProtection\b[^>]*\/>/.exec(a)?.[0];
    if (protection) {
      const current = /<sheetProtection\b[^>]*\/>/.exec(b)?.[0];
      b = current ? b.replace(current, protection) : insertBefore(b, protection, AFTER_PROTECTION);
      written.file(target, b);
    }
    const kept = elementsOf(b);
    for (const tag of elementsOf(a)) {
      if (kept.has(tag)) continue;
      const known = SHEET_ELEMENTS.find(([t]) => t === tag);
      if (known) lost.set(known[1], onSheet(known[1], sheet));
    }
  }
  if (lost.size) throw new UnkeptPartsError([...lost.values()]);
}
