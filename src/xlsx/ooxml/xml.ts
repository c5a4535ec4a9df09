/**
 * Small DOM helpers over @xmldom/xmldom for the OOXML patcher (browser-safe, no Node APIs).
 * OOXML schemas fix the order of child elements (ECMA-376 Part 1, e.g. 18.3.1.99 CT_Worksheet), so
 * a new child goes before the first existing sibling that the schema puts after it.
 */
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';

export type { Document, Element, Node };

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const NS_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const NS_CT = 'http://schemas.openxmlformats.org/package/2006/content-types';

export class XmlPartError extends Error {
  constructor(readonly part: string, detail: string) {
    super(`${part}: ${detail}`);
    this.name = 'XmlPartError';
  }
}

export function parseXml(text: string, part: string): Document {
  let failure: string | null = null;
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning' && failure === null) failure = message;
    },
  }).parseFromString(text, 'application/xml');
  if (failure !== null || !doc.documentElement) throw new XmlPartError(part, failure ?? 'no root element');
  return doc;
}

export function serializeXml(node: Node): string {
  return new XMLSerializer().serializeToString(node);
}

/** Element children of `parent` (optionally of one local name), in document order. */
export function children(parent: Element, localName?: string): Element[] {
  const out: Element[] = [];
  for (let n: Node | null = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (localName === undefined || (n as Element).localName === localName)) out.push(n as Element);
  }
  return out;
}

export function child(parent: Element, localName: string): Element | null {
  for (let n: Node | null = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === localName) return n as Element;
  }
  return null;
}

/** A new element in the namespace of `parent`'s document root (the part's main namespace), no prefix. */
export function make(doc: Document, localName: string, attrs: Record<string, string | number | undefined> = {}): Element {
  const root = doc.documentElement!;
  const e = doc.createElementNS(root.namespaceURI, root.prefix ? `${root.prefix}:${localName}` : localName);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) e.setAttribute(k, String(v));
  return e;
}

/** Inserts `node` into `parent` before the first child whose local name is in `later` (else appends). */
export function insertInOrder(parent: Element, node: Element, later: readonly string[]): Element {
  const set = new Set(later);
  for (let n: Node | null = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && set.has((n as Element).localName!)) {
      parent.insertBefore(node, n);
      return node;
    }
  }
  parent.appendChild(node);
  return node;
}

/** The child of one name, created in schema order when missing. */
export function ensureChild(parent: Element, localName: string, later: readonly string[]): Element {
  return child(parent, localName) ?? insertInOrder(parent, make(parent.ownerDocument!, localName), later);
}

export function removeNode(n: Node | null | undefined): void {
  n?.parentNode?.removeChild(n);
}

/** Children that come after each element of CT_Worksheet (ECMA-376 Part 1, 18.3.1.99). */
const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges',
  'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
  'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF',
  'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
] as const;

/** CT_Workbook (18.2.27). */
const WORKBOOK_ORDER = [
  'fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups', 'externalReferences',
  'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing',
  'fileRecoveryPr', 'webPublishObjects', 'extLst',
] as const;

/** CT_Stylesheet (18.8.39). */
const STYLES_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'] as const;

function after(order: readonly string[], name: string): string[] {
  const i = order.indexOf(name);
  if (i < 0) throw new Error(`unknown element ${name}`);
  return order.slice(i + 1);
}

export const worksheetAfter = (name: (typeof WORKSHEET_ORDER)[number]): string[] => after(WORKSHEET_ORDER, name);
export const workbookAfter = (name: (typeof WORKBOOK_ORDER)[number]): string[] => after(WORKBOOK_ORDER, name);
export const stylesAfter = (name: (typeof STYLES_ORDER)[number]): string[] => after(STYLES_ORDER, name);

/** The worksheet child of one name, created in schema order when missing. */
export function sheetChild(ws: Element, name: (typeof WORKSHEET_ORDER)[number]): Element {
  return ensureChild(ws, name, worksheetAfter(name));
}

export function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** appendChild typed for elements. */
export function append(parent: Element, el: Element): Element {
  parent.appendChild(el);
  return el;
}

function encode(c: string): string {
  return c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c === '"' ? '&quot;' : `&#${c.charCodeAt(0)};`;
}

/** A document as text with elementXml (prolog included): see writeXml's `plain`. */
export function documentXml(doc: Document): string {
  const out: string[] = [];
  for (let n: Node | null = doc.firstChild; n; n = n.nextSibling) elementXml(n, out);
  return out.join('');
}

/**
 * An element as text, with names as parsed or made (prefix included) and no namespace fixing: for
 * rows spliced back into their sheet part, where the root declares the namespaces (sheet.ts).
 * Escapes as xmldom's serializer does, so a row re-serialised unchanged reads the same.
 */
export function elementXml(node: Node, out: string[] = []): string[] {
  switch (node.nodeType) {
    case 1: {
      const e = node as Element;
      out.push('<', e.nodeName);
      for (let i = 0; i < e.attributes.length; i++) {
        const a = e.attributes.item(i)!;
        out.push(' ', a.nodeName, '="', a.value.replace(/[<>&"\t\n\r]/g, encode), '"');
      }
      if (!e.firstChild) {
        out.push('/>');
        break;
      }
      out.push('>');
      for (let n: Node | null = e.firstChild; n; n = n.nextSibling) elementXml(n, out);
      out.push('</', e.nodeName, '>');
      break;
    }
    case 3:
      out.push((node as unknown as { data: string }).data.replace(/[<&>]/g, encode));
      break;
    case 4:
      out.push('<![CDATA[', (node as unknown as { data: string }).data, ']]>');
      break;
    case 7:
      out.push('<?', node.nodeName, ' ', (node as unknown as { data: string }).data, '?>');
      break;
    case 8:
      out.push('<!--', (node as unknown as { data: string }).data, '-->');
      break;
  }
  return out;
}
