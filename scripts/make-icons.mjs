#!/usr/bin/env node
// Generates the add-in icons in assets/: an NHS-blue (#005EB8) rounded square with a white "£".
// Uses only node:zlib / node:fs — the PNG bytes (signature, IHDR, IDAT, IEND, CRC-32) are written here.
// Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "assets");

const NHS_BLUE = [0x00, 0x5e, 0xb8];
const WHITE = [0xff, 0xff, 0xff];

// ---------- PNG encoding ----------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
}

/** @param {number} width @param {number} height @param {Uint8Array} rgba */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type: None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------- Geometry (unit square, y grows downwards) ----------

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Distance to a circular arc from angle a0 to a1 (radians, atan2 convention, a0 < a1). */
function distToArc(px, py, [cx, cy], r, a0, a1) {
  const a = Math.atan2(py - cy, px - cx);
  if (a >= a0 && a <= a1) return Math.abs(Math.hypot(px - cx, py - cy) - r);
  const e0 = [cx + r * Math.cos(a0), cy + r * Math.sin(a0)];
  const e1 = [cx + r * Math.cos(a1), cy + r * Math.sin(a1)];
  return Math.min(Math.hypot(px - e0[0], py - e0[1]), Math.hypot(px - e1[0], py - e1[1]));
}

function insideRoundedSquare(px, py, radius) {
  const qx = Math.max(Math.abs(px - 0.5) - (0.5 - radius), 0);
  const qy = Math.max(Math.abs(py - 0.5) - (0.5 - radius), 0);
  return Math.hypot(qx, qy) <= radius;
}

// The "£" glyph as strokes: hook (arc), stem, foot, crossbar and base line.
const STROKE = 0.085;
const HOOK_CENTRE = [0.53, 0.34];
const HOOK_RADIUS = 0.14;
const STEM_X = HOOK_CENTRE[0] - HOOK_RADIUS;
const glyphSegments = [
  [
    [STEM_X, HOOK_CENTRE[1]],
    [STEM_X, 0.64],
  ], // stem
  [
    [STEM_X, 0.64],
    [0.3, 0.76],
  ], // foot curling into the base
  [
    [0.3, 0.76],
    [0.72, 0.76],
  ], // base line
  [
    [0.29, 0.52],
    [0.58, 0.52],
  ], // crossbar
];

function inGlyph(px, py) {
  const half = STROKE / 2;
  // Arc from the left point (angle -pi) over the top to a little past the right point.
  if (distToArc(px, py, HOOK_CENTRE, HOOK_RADIUS, -Math.PI, 0.35) <= half) return true;
  return glyphSegments.some(([a, b]) => distToSegment(px, py, a, b) <= half);
}

/** Renders one icon with 4x4 supersampling for anti-aliased edges. */
function renderIcon(size, { cornerRadius = 0.18 } = {}) {
  const SS = 4;
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let cover = 0;
      let white = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const px = (x + (sx + 0.5) / SS) / size;
          const py = (y + (sy + 0.5) / SS) / size;
          if (!insideRoundedSquare(px, py, cornerRadius)) continue;
          cover++;
          if (inGlyph(px, py)) white++;
        }
      }
      const i = (y * size + x) * 4;
      if (cover === 0) continue; // fully transparent
      const w = white / cover;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(NHS_BLUE[c] * (1 - w) + WHITE[c] * w);
      rgba[i + 3] = Math.round((255 * cover) / (SS * SS));
    }
  }
  return encodePng(size, size, rgba);
}

const outputs = [
  ["icon-16.png", 16],
  ["icon-32.png", 32],
  ["icon-64.png", 64],
  ["icon-80.png", 80],
  ["icon-128.png", 128],
  ["logo-filled.png", 300, { cornerRadius: 0 }],
];

mkdirSync(outDir, { recursive: true });
for (const [name, size, opts] of outputs) {
  const png = renderIcon(size, opts);
  writeFileSync(join(outDir, name), png);
  console.log(`wrote assets/${name} (${size}x${size}, ${png.length} bytes)`);
}
