/**
 * Sheets added and deleted by a plan, in the package: the worksheet part, its relationship from the
 * workbook, its content type, its <sheet> entry (ECMA-376 Part 1, 18.2.19) and the names scoped to
 * it (18.2.5 definedName, localSheetId = the sheet's position). docProps/app.xml keeps its old sheet
 * list: it is a cache Excel rewrites on save and nothing reads it to open a workbook.
 */
import { inBoth } from '../../core/catalogue';
import type { PrintLayout } from '../../core/plan';
import type { CellValue } from '../../core/snapshot';
import { CONTENT_TYPE, REL, relativeTarget, resolveTarget, type OoxmlPackage } from './package';
import { cellRef } from './sheet';
import type { Styles } from './styles';
import { UnpatchableError } from './cells';
import { append, child, children, ensureChild, make, NS_R, removeNode, workbookAfter } from './xml';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function cellXml(ref: string, v: CellValue, s: number): string {
  const style = s ? ` s="${s}"` : '';
  if (v === null) return `<c r="${ref}"${style}/>`;
  if (typeof v === 'number') return `<c r="${ref}"${style}><v>${Number.isFinite(v) ? v : 0}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${style} t="b"><v>${v ? 1 : 0}</v></c>`;
  const space = /^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${esc(v)}</t></is></c>`;
}

/** The worksheet XML of a sheet the add-in writes (its rows from A1, its print layout). */
function worksheetXml(rows: CellValue[][], print: PrintLayout | undefined, styles: Styles): string {
  const wrap = print ? styles.withWrap(0) : 0;
  const width = Math.max(0, ...rows.map((r) => r.length), ...(print?.wrapColumns ?? [0]));
  const body: string[] = [];
  rows.forEach((line, i) => {
    const r = i + 1;
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const v = line[c - 1] === '' ? null : (line[c - 1] ?? null); // "" is an empty cell, as in the in-memory model
      const s = print && r >= print.wrapFrom && print.wrapColumns.includes(c) ? wrap : 0;
      if (v !== null || s) cells.push(cellXml(cellRef(r, c), v, s));
    }
    if (cells.length) body.push(`<row r="${r}">${cells.join('')}</row>`);
  });
  const fit = print?.fitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '';
  const dim = rows.length && width ? `<dimension ref="A1:${cellRef(rows.length, width)}"/>` : '';
  let tail = '';
  if (print) {
    tail += '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
    // paperSize 9 = A4 (18.3.1.63 pageSetup)
    tail += `<pageSetup paperSize="9" orientation="${print.orientation}"${print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`;
    tail += `<headerFooter>${print.header ? `<oddHeader>${esc(`&L${print.header.replace(/&/g, '&&')}`)}</oddHeader>` : ''}<oddFooter>${esc('&C&P / &N')}</oddFooter></headerFooter>`;
  }
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_R}">${fit}${dim}<sheetData>${body.join('')}</sheetData>${tail}</worksheet>`
  );
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export async function addSheet(
  pkg: OoxmlPackage,
  styles: Styles,
  e: { sheet: string; visibility: 'visible' | 'hidden' | 'veryHidden'; rows?: CellValue[][]; print?: PrintLayout },
): Promise<string> {
  const wbPath = await pkg.workbookPath();
  const path = pkg.freePath('xl/worksheets/sheet', '.xml');
  pkg.writeText(path, worksheetXml(e.rows ?? [], e.print, styles));
  await pkg.setOverride(path, CONTENT_TYPE.worksheet);
  const rId = await pkg.addRel(wbPath, REL.worksheet, relativeTarget(wbPath, path));
  const doc = await pkg.readXml(wbPath);
  const root = doc.documentElement!;
  const sheets = ensureChild(root, 'sheets', workbookAfter('sheets'));
  const list = children(sheets, 'sheet');
  const sheetId = Math.max(0, ...list.map((s) => Number(s.getAttribute('sheetId')) || 0)) + 1;
  const el = append(sheets, make(doc, 'sheet', { name: e.sheet, sheetId, state: e.visibility === 'visible' ? undefined : e.visibility }));
  el.setAttributeNS(NS_R, 'r:id', rId);
  if (e.print?.repeatRows) {
    const names = ensureChild(root, 'definedNames', workbookAfter('definedNames'));
    const [a, b] = e.print.repeatRows;
    const dn = append(names, make(doc, 'definedName', { name: '_xlnm.Print_Titles', localSheetId: list.length }));
    dn.appendChild(doc.createTextNode(`${quoteSheet(e.sheet)}!$${a}:$${b}`));
  }
  pkg.writeXml(wbPath, doc);
  return path;
}

/** Relationship types a deleted sheet may take with it (its notes); anything else stops the save. */
const OWNED = new Set<string>([REL.comments, REL.vmlDrawing]);
const IGNORED = new Set<string>([REL.hyperlink, 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings']);

export async function deleteSheet(pkg: OoxmlPackage, name: string): Promise<void> {
  const wbPath = await pkg.workbookPath();
  const all = await pkg.sheets();
  const index = all.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
  if (index < 0) return;
  const entry = all[index];
  for (const r of await pkg.rels(entry.path)) {
    if (r.external || IGNORED.has(r.type)) continue;
    const target = resolveTarget(entry.path, r.target);
    if (!OWNED.has(r.type)) throw new UnpatchableError(inBoth('save.part.of-deleted-sheet', { part: target, sheet: name }));
    await pkg.removePart(target);
  }
  for (const r of await pkg.rels(entry.path)) if (r.type === 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings') await pkg.removePart(resolveTarget(entry.path, r.target));
  await pkg.removePart(entry.path, { part: wbPath, id: entry.rId });
  const doc = await pkg.readXml(wbPath);
  const root = doc.documentElement!;
  removeNode(entry.element);
  // names scoped to the sheet go; the positions of later sheets move down by one
  const names = child(root, 'definedNames');
  for (const dn of names ? children(names, 'definedName') : []) {
    const local = dn.getAttribute('localSheetId');
    if (local === null) continue;
    if (Number(local) === index) removeNode(dn);
    else if (Number(local) > index) dn.setAttribute('localSheetId', String(Number(local) - 1));
  }
  if (names && !children(names, 'definedName').length) removeNode(names);
  const left = all.length - 1;
  for (const view of children(child(root, 'bookViews') ?? root, 'workbookView')) {
    for (const a of ['activeTab', 'firstSheet']) {
      const v = view.getAttribute(a);
      if (v === null) continue;
      const n = Number(v) > index ? Number(v) - 1 : Number(v);
      view.setAttribute(a, String(Math.max(0, Math.min(n, left - 1))));
    }
  }
  pkg.writeXml(wbPath, doc);
}
