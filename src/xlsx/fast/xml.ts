/**
 * A strict scanner of the XML parts an .xlsx holds, for the read-only reader: tags with their
 * attributes and the text before each, entities decoded as exceljs's parser (saxes) decodes them.
 * What a well-formed part written by Excel or exceljs never holds — a DOCTYPE, comments, CDATA,
 * processing instructions after the declaration, carriage returns (line ends saxes would normalise),
 * control characters, entities other than XML's five and character references — is left to exceljs
 * (Unread), so nothing here has to reproduce saxes's handling of them.
 */
import { unread } from './fallback';

// eslint-disable-next-line no-control-regex -- the control characters XML 1.0 does not allow are what it looks for
const ODD = /[\x00-\x08\x0B\x0C\x0E-\x1F\r]/;
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function xmlChar(code: number): boolean {
  return code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** Text or an attribute value with its entities decoded; a stray "&" or "<" is Unread. */
export function decode(s: string): string {
  if (s.indexOf('<') >= 0) unread('xml: "<" in text');
  if (s.indexOf('&') < 0) return s;
  let amps = 0;
  for (let i = s.indexOf('&'); i >= 0; i = s.indexOf('&', i + 1)) amps++;
  let found = 0;
  const out = s.replace(ENTITY, (_m, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    found++;
    if (named) return NAMED[named];
    const code = dec !== undefined ? parseInt(dec, 10) : parseInt(hex!, 16);
    if (!xmlChar(code)) unread('xml: character reference');
    return String.fromCodePoint(code);
  });
  if (found !== amps) unread('xml: entity');
  return out;
}

/** Where the root element starts, after checking the part holds nothing the scanner leaves to exceljs. */
export function rootStart(xml: string): number {
  let i = 0;
  if (xml.startsWith('<?xml')) {
    i = xml.indexOf('?>');
    if (i < 0) unread('xml: declaration');
    i += 2;
  }
  while (i < xml.length && (xml.charCodeAt(i) === 32 || xml.charCodeAt(i) === 10 || xml.charCodeAt(i) === 13 || xml.charCodeAt(i) === 9)) i++;
  const rest = i === 0 ? xml : xml.slice(i);
  // comments, CDATA and processing instructions ("<!", "<?") are refused where tags are read
  if (xml.charCodeAt(i) !== 60 || ODD.test(rest) || rest.includes(']]>')) unread('xml: prolog or odd characters');
  return i;
}

/** One tag after another: `name`, `close` (</name>), `empty` (<name/>), the attributes, and the text before it. */
export class Tags {
  private tagName = '';
  close = false;
  empty = false;
  /** The raw text between the previous tag and this one. */
  textStart = 0;
  textEnd = 0;
  private readonly names: string[] = [];
  private readonly values: string[] = [];
  private count = 0;
  /** The open elements, innermost last: every end tag must close the innermost. */
  private readonly open: string[] = [];

  constructor(
    readonly xml: string,
    public pos: number,
    readonly end: number = xml.length,
  ) {}

  /** Reads the next tag; false when none is left before `end`. */
  next(): boolean {
    const xml = this.xml;
    const lt = xml.indexOf('<', this.pos);
    this.textStart = this.pos;
    if (lt < 0 || lt >= this.end) {
      this.textEnd = this.end;
      this.pos = this.end;
      return false;
    }
    this.textEnd = lt;
    let i = lt + 1;
    this.close = xml.charCodeAt(i) === 47;
    if (this.close) i++;
    let j = i;
    for (;;) {
      const c = xml.charCodeAt(j);
      if (c === 32 || c === 9 || c === 10 || c === 47 || c === 62 || j >= this.end) break;
      j++;
    }
    const first = xml.charCodeAt(i);
    if (j === i || j >= this.end || first === 33 || first === 63) unread('xml: tag, comment, CDATA or processing instruction');
    this.tagName = xml.slice(i, j);
    this.count = 0;
    this.empty = false;
    for (;;) {
      let c = xml.charCodeAt(j);
      while (c === 32 || c === 9 || c === 10) c = xml.charCodeAt(++j);
      if (c === 62) {
        j++;
        break;
      }
      if (c === 47) {
        if (this.close || xml.charCodeAt(j + 1) !== 62) unread('xml: tag end');
        this.empty = true;
        j += 2;
        break;
      }
      if (this.close || j >= this.end) unread('xml: tag');
      const eq = xml.indexOf('=', j);
      if (eq < 0 || eq >= this.end) unread('xml: attribute');
      const name = xml.slice(j, eq).trimEnd();
      if (!name || /[\s<>"'/]/.test(name)) unread('xml: attribute name');
      let q = eq + 1;
      while (xml.charCodeAt(q) === 32 || xml.charCodeAt(q) === 9 || xml.charCodeAt(q) === 10) q++;
      const quote = xml.charCodeAt(q);
      if (quote !== 34 && quote !== 39) unread('xml: attribute quote');
      const qe = xml.indexOf(quote === 34 ? '"' : "'", q + 1);
      if (qe < 0 || qe >= this.end) unread('xml: attribute value');
      // literal tabs and line ends become spaces (XML's attribute normalisation), character references stay
      let raw = xml.slice(q + 1, qe);
      if (raw.indexOf('\t') >= 0 || raw.indexOf('\n') >= 0) raw = raw.replace(/[\t\n]/g, ' ');
      const value = decode(raw);
      for (let k = 0; k < this.count; k++) if (this.names[k] === name) unread('xml: attribute twice');
      this.names[this.count] = name;
      this.values[this.count] = value;
      this.count++;
      j = qe + 1;
      const after = xml.charCodeAt(j);
      if (after !== 32 && after !== 9 && after !== 10 && after !== 47 && after !== 62) unread('xml: attribute end');
    }
    this.pos = j;
    if (this.close) {
      if (this.open.pop() !== this.tagName) unread('xml: end tag does not match');
    } else if (!this.empty) this.open.push(this.tagName);
    return true;
  }

  /** The tag's name (a method: a comparison must not narrow it, as next() changes it). */
  tag(): string {
    return this.tagName;
  }

  /** The element opened last was read to its end by a scanner of its own, which stopped at `pos`. */
  closedAt(pos: number): void {
    this.open.pop();
    this.pos = pos;
  }

  /** How many elements are open. */
  get depth(): number {
    return this.open.length;
  }

  attr(name: string): string | undefined {
    for (let k = 0; k < this.count; k++) if (this.names[k] === name) return this.values[k];
    return undefined;
  }

  /** The text before this tag, decoded. */
  text(): string {
    return decode(this.xml.slice(this.textStart, this.textEnd));
  }

  /** Whether the text before this tag is empty. */
  noText(): boolean {
    return this.textStart === this.textEnd;
  }

  /** Reads the text of an element just opened up to its end tag; undefined for an empty element or no text. */
  textUntilClose(): string | undefined {
    if (this.empty) return undefined;
    const name = this.tagName;
    if (!this.next() || !this.close || this.tagName !== name) unread(`xml: <${name}> holds elements`);
    return this.textStart === this.textEnd ? undefined : this.text();
  }

  /** Skips an element just opened, with everything inside it. */
  skip(): void {
    if (this.empty) return;
    const name = this.tagName;
    const depth = this.depth - 1;
    while (this.next()) if (this.depth === depth) return;
    unread(`xml: <${name}> not closed`);
  }
}
