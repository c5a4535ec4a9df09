/** Building blocks of the strict Excel double: proxies that must be loaded and synced, Excel's errors. */
import type { CellRange, CellValue } from '../../src/core/snapshot';
import { cellAddress, parseAddress } from '../../src/core/snapshot';
import { MAX_ROWS } from './fake-excel-model';
import type { FakeContext } from './fake-excel';

export type Op = { run: () => void; bytes: number; resolveOnly?: boolean };
const encoder = new TextEncoder();
export const size = (v: unknown) => encoder.encode(JSON.stringify(v) ?? '').length;

export function excelError(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code, name: 'RichApi.Error' });
}

export function versionAtLeast(have: string, want: string): boolean {
  const [a1, a2] = have.split('.').map(Number);
  const [b1, b2] = want.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
}

/** "'My sheet'!A1:B2" as Excel writes addresses. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function a1(r: CellRange): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

export function parseA1(address: string): CellRange {
  const bare = address.replace(/^.*!/, '').replace(/\$/g, '');
  const col = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(bare);
  if (col) {
    const left = parseAddress(`${col[1]}1`)!.col;
    const right = parseAddress(`${col[2]}1`)!.col;
    return { top: 1, left, bottom: MAX_ROWS, right };
  }
  const [s, e] = bare.split(':');
  const p = parseAddress(s);
  const q = parseAddress(e ?? s);
  if (!p || !q) throw excelError('InvalidArgument', `bad address ${address}`);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** Excel's parsing of a typed-in entry (Range.values / formulas setters). */
export function parseEntry(v: unknown): { value: CellValue; formula: string | null } {
  if (v === null || v === undefined || v === '') return { value: null, formula: null };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v, formula: null };
  const s = String(v);
  if (s.startsWith("'")) return { value: s.slice(1) === '' ? null : s.slice(1), formula: null };
  if (s.startsWith('=') && s.length > 1) return { value: null, formula: s };
  const num = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?(e[+-]?\d+)?(%)?$/i.exec(s.trim());
  if (num && /\d/.test(s)) {
    const digits = s.trim().replace(/[,%]/g, '');
    return { value: num[5] ? Number(`${digits}e-2`) : Number(digits), formula: null };
  }
  if (/^(true|false)$/i.test(s)) return { value: /^true$/i.test(s), formula: null };
  return { value: s, formula: null };
}


/** ClientResult: its value exists only after the sync that computed it. */
export class FakeClientResult<T> {
  private staged: { v: T } | null = null;
  private done: { v: T } | null = null;
  stage(v: T): void {
    this.staged = { v };
  }
  commit(): void {
    if (this.staged) this.done = this.staged;
    this.staged = null;
  }
  discard(): void {
    this.staged = null;
  }
  get value(): T {
    if (!this.done) throw excelError('PropertyNotLoaded', 'ClientResult.value is not available before context.sync()');
    return this.done.v;
  }
}

export abstract class FakeObject {
  private loaded = new Map<string, unknown>();
  private staged = new Map<string, unknown>();
  private nullState: boolean | undefined;
  private stagedNull: boolean | undefined;

  constructor(protected readonly ctx: FakeContext) {
    ctx.track(this);
  }

  /** What the object stands for, or null for a null object; may throw (ItemNotFound). */
  abstract resolveTarget(): unknown;
  /** The value of a loadable scalar property, at the current point of the batch. */
  protected abstract readProperty(name: string): unknown;

  protected get<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw excelError('PropertyNotLoaded', `The property '${name}' is not available. Call load('${name}') and context.sync() before reading it.`);
    }
    return this.loaded.get(name) as T;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw excelError('PropertyNotLoaded', "The property 'isNullObject' is not available before context.sync().");
    return this.nullState;
  }

  load(names?: string | string[]): this {
    if (names === undefined) throw new Error('fake-excel: load() without property names loads everything; name the properties');
    const list = (Array.isArray(names) ? names : names.split(',')).map((n) => n.trim()).filter(Boolean);
    if (!list.length) throw new Error('fake-excel: empty load');
    this.ctx.enqueue(() => {
      if (this.resolveTarget() === null) return 0;
      let bytes = 0;
      for (const name of list) {
        const v = this.readProperty(name);
        this.staged.set(name, v);
        bytes += size(v) + name.length + 4;
      }
      return bytes;
    }, 0);
    return this;
  }

  /** Called by the context at the end of a successful sync. */
  commit(): void {
    for (const [k, v] of this.staged) this.loaded.set(k, v);
    this.staged.clear();
    if (this.stagedNull !== undefined) this.nullState = this.stagedNull;
  }

  discard(): void {
    this.staged.clear();
    this.stagedNull = undefined;
  }

  stageNull(isNull: boolean): void {
    this.stagedNull = isNull;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** An object found once, at its place in the batch (Excel resolves a proxy when its request runs). */
export abstract class FakeFound<T> extends FakeObject {
  private found: T | null | undefined;

  constructor(
    ctx: FakeContext,
    private readonly find: () => T | null,
  ) {
    super(ctx);
  }

  resolveTarget(): T | null {
    if (this.found === undefined) this.found = this.find();
    return this.found;
  }
}

/** A part of another object (a range's format, a sheet's notes): it exists when its parent does. */
export abstract class FakeChild<P extends FakeObject> extends FakeObject {
  constructor(
    ctx: FakeContext,
    protected readonly parent: P,
  ) {
    super(ctx);
  }

  resolveTarget(): unknown {
    return this.parent.resolveTarget();
  }
}

