/**
 * Draws the add-in's icons as PNG files without image packages: a tiny supersampled rasteriser
 * and a PNG writer on node's zlib. Re-running gives byte-identical files.
 *   assets/icon-{16,32,64,80}.png   add-in / task pane icon: bar chart with a check mark
 *   assets/check-{16,32,80}.png     ribbon チェック: check mark in a circle
 *   assets/add-year-{16,32,80}.png  ribbon 年度列を追加: table with a new column and a plus
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { deflateSync } from 'zlib';

type RGBA = [number, number, number, number];
/** A shape answers whether a point (unit square, y down) is inside it. */
type Shape = { inside: (x: number, y: number) => boolean; color: RGBA };

const GREEN: RGBA = [33, 115, 70, 255]; // Excel green
const LIGHT: RGBA = [160, 206, 178, 255];
const ORANGE: RGBA = [230, 126, 34, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const GREY: RGBA = [96, 96, 96, 255];

const rect = (x0: number, y0: number, x1: number, y1: number, color: RGBA): Shape => ({
  inside: (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1,
  color,
});
const circle = (cx: number, cy: number, r: number, color: RGBA): Shape => ({
  inside: (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r,
  color,
});
/** A thick polyline: points within `w / 2` of any segment. */
const stroke = (pts: [number, number][], w: number, color: RGBA): Shape => ({
  inside: (x, y) => pts.slice(1).some((p, i) => segmentDistance(x, y, pts[i], p) <= w / 2),
  color,
});

function segmentDistance(x: number, y: number, [ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

const CHECK: [number, number][] = [[0.42, 0.34], [0.6, 0.52], [0.92, 0.14]];
const designs: Record<string, Shape[]> = {
  icon: [
    rect(0.06, 0.9, 0.94, 0.96, GREY),
    rect(0.12, 0.56, 0.3, 0.9, LIGHT),
    rect(0.38, 0.4, 0.56, 0.9, GREEN),
    rect(0.64, 0.62, 0.82, 0.9, LIGHT),
    stroke(CHECK, 0.16, WHITE),
    stroke(CHECK, 0.1, ORANGE),
  ],
  check: [circle(0.5, 0.5, 0.46, GREEN), stroke([[0.26, 0.52], [0.43, 0.69], [0.75, 0.33]], 0.12, WHITE)],
  'add-year': [
    rect(0.04, 0.12, 0.7, 0.88, GREY),
    rect(0.08, 0.16, 0.34, 0.32, LIGHT),
    rect(0.38, 0.16, 0.66, 0.32, LIGHT),
    rect(0.08, 0.36, 0.34, 0.84, WHITE),
    rect(0.38, 0.36, 0.66, 0.84, WHITE),
    circle(0.72, 0.7, 0.26, GREEN),
    rect(0.6, 0.66, 0.84, 0.74, WHITE),
    rect(0.68, 0.58, 0.76, 0.82, WHITE),
  ],
};

/** Paints shapes in order with 4×4 supersampling; returns RGBA pixels. */
function render(shapes: Shape[], size: number): Buffer {
  const px = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let qx = 0; qx < size; qx++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (qx + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let c: RGBA = [0, 0, 0, 0];
          for (const s of shapes) if (s.inside(x, y)) c = s.color;
          for (let k = 0; k < 3; k++) acc[k] += c[k] * c[3];
          acc[3] += c[3];
        }
      }
      const o = (py * size + qx) * 4;
      const a = acc[3];
      for (let k = 0; k < 3; k++) px[o + k] = a ? Math.round(acc[k] / a) : 0;
      px[o + 3] = Math.round(a / (n * n));
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function encodePng(rgba: Buffer, size: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const SIZES: Record<string, number[]> = { icon: [16, 32, 64, 80], check: [16, 32, 80], 'add-year': [16, 32, 80] };

if (require.main === module) {
  const dir = join(__dirname, '..', 'assets');
  for (const [name, sizes] of Object.entries(SIZES)) {
    for (const size of sizes) {
      const path = join(dir, `${name}-${size}.png`);
      writeFileSync(path, encodePng(render(designs[name], size), size));
      console.log(`wrote ${path}`);
    }
  }
}
