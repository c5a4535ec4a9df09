/**
 * Node only: the parts of a zip package by name, read from its central directory and inflated by
 * Node's zlib (as src/xlsx/native-inflate.ts makes JSZip do for exceljs). Only the plain form is read:
 * one disk, no zip64, no encryption, stored or deflated entries, the central directory right before
 * its end record, ASCII names each once. Anything else is left to exceljs (Unread).
 */
import { inflateRawSync } from 'zlib';
import { unread } from './fallback';

interface Entry {
  method: number;
  flags: number;
  compressed: number;
  size: number;
  local: number;
}

export class ZipParts {
  private constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: Map<string, Entry>,
  ) {}

  static open(bytes: Uint8Array): ZipParts {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let end = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
      if (view.getUint32(i, true) === 0x06054b50) {
        end = i;
        break;
      }
    }
    if (end < 0) unread('zip: no end record');
    const count = view.getUint16(end + 10, true);
    const size = view.getUint32(end + 12, true);
    const start = view.getUint32(end + 16, true);
    if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0 || view.getUint16(end + 8, true) !== count) unread('zip: several disks');
    if (count === 0xffff || start === 0xffffffff || size === 0xffffffff) unread('zip: zip64');
    if (start + size !== end) unread('zip: central directory not before its end record');
    const entries = new Map<string, Entry>();
    let p = start;
    for (let n = 0; n < count; n++) {
      if (p + 46 > end || view.getUint32(p, true) !== 0x02014b50) unread('zip: bad central directory');
      const flags = view.getUint16(p + 8, true);
      const method = view.getUint16(p + 10, true);
      const compressed = view.getUint32(p + 20, true);
      const length = view.getUint32(p + 24, true);
      const nameLength = view.getUint16(p + 28, true);
      const extra = view.getUint16(p + 30, true);
      const comment = view.getUint16(p + 32, true);
      const local = view.getUint32(p + 42, true);
      let name = '';
      for (let i = p + 46; i < p + 46 + nameLength; i++) {
        const b = bytes[i];
        if (b >= 0x80 || b < 0x20) unread('zip: a name not in ASCII');
        name += String.fromCharCode(b);
      }
      if (flags & 1) unread('zip: encrypted entry');
      if (method !== 0 && method !== 8) unread('zip: compression method');
      if (entries.has(name)) unread('zip: a name twice');
      entries.set(name, { method, flags, compressed, size: length, local });
      p += 46 + nameLength + extra + comment;
    }
    if (p !== end) unread('zip: central directory size');
    return new ZipParts(bytes, entries);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The part's bytes, or null when there is no such part. */
  bytesOf(name: string): Uint8Array | null {
    const e = this.entries.get(name);
    if (!e) return null;
    const b = this.bytes;
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    if (e.local + 30 > b.length || view.getUint32(e.local, true) !== 0x04034b50) unread('zip: bad local header');
    const data = e.local + 30 + view.getUint16(e.local + 26, true) + view.getUint16(e.local + 28, true);
    if (data + e.compressed > b.length) unread('zip: entry cut short');
    const raw = b.subarray(data, data + e.compressed);
    let out: Uint8Array;
    if (e.method === 0) out = raw;
    else {
      try {
        out = inflateRawSync(raw);
      } catch {
        unread('zip: entry not inflatable');
      }
    }
    if (out.length !== e.size) unread('zip: entry size');
    return out;
  }

  /** The part as text (UTF-8, as JSZip gives it to exceljs), or null when there is no such part. */
  textOf(name: string): string | null {
    const bytes = this.bytesOf(name);
    if (!bytes) return null;
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) unread('xml: byte order mark');
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  }
}
