#!/usr/bin/env node
/*
 * Draws the Avvikelse add-in icons (icon-16/32/64/80/128.png) from one vector description.
 *
 * The mark: a rounded blue tile with three pairs of bars (budget = pale, outcome = white) on a
 * baseline; the last outcome bar overshoots its budget and the overshoot is coral red, the middle one
 * falls short and the shortfall is outlined in green. A small coral badge with a white delta (Δ)
 * marks the deviation.
 * At 16 px the badge is dropped and the pairs become three single outcome bars, the last with a
 * coral overshoot, so the mark stays readable; at 32 px the badge is simplified (see scene()).
 *
 * Plain Node, no dependencies: shapes are rasterised with anti-aliasing by supersampling (SS×SS
 * samples a pixel) into a premultiplied RGBA float buffer, then encoded as PNG with node:zlib.
 *
 *   node assets/draw-icons.js            # writes assets/icon-*.png
 *   node assets/draw-icons.js --preview  # also writes /tmp/avvikelse-icon-preview.png (enlarged)
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZES = [16, 32, 64, 80, 128];
const SS = 8; // supersampling factor per axis
const UNIT = 128; // the vector description is in a 128×128 design space

// ---------- colours ----------
const hex = (h, a = 1) => {
  const n = parseInt(h.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, a];
};
const C = {
  tileTop: hex('#2F7FB0'),
  tileBottom: hex('#1C5A85'),
  budget: hex('#FFFFFF', 0.42),
  outcome: hex('#FFFFFF'),
  over: hex('#F26B55'),
  under: hex('#6FE0A8'),
  baseline: hex('#FFFFFF', 0.9),
  badge: hex('#F26B55'),
  badgeRing: hex('#FFFFFF'),
  delta: hex('#FFFFFF'),
};

// ---------- the vector description (128-unit design space) ----------
/**
 * Returns the shapes for an icon of `size` pixels. Same geometry at every size; at 16 px the
 * description is simplified (no badge, single bars with budget ticks).
 */
function scene(size) {
  const small = size <= 16;
  const shapes = [];
  const tile = { x0: 4, y0: 4, x1: 124, y1: 124, r: 26 };
  // tile with a gentle vertical gradient
  shapes.push({
    kind: 'roundRect', ...tile,
    fill: (x, y) => mix(C.tileTop, C.tileBottom, (y - tile.y0) / (tile.y1 - tile.y0)),
  });

  const baseY = 102;
  // [budget height, outcome height] for each of the three periods
  const data = [
    [40, 36],
    [54, 42],
    [50, 72],
  ];

  if (!small) {
    // pairs: pale budget bar, white outcome bar
    const barW = 12, pairGap = 3, groupGap = 9;
    const groupW = 2 * barW + pairGap;
    const left = (128 - (3 * groupW + 2 * groupGap)) / 2;
    data.forEach(([b, o], i) => {
      const gx = left + i * (groupW + groupGap);
      const bx0 = gx, bx1 = gx + barW, ox0 = gx + barW + pairGap, ox1 = ox0 + barW;
      shapes.push({ kind: 'rect', x0: bx0, y0: baseY - b, x1: bx1, y1: baseY, fill: C.budget, snap: true });
      if (o > b) {
        shapes.push({ kind: 'rect', x0: ox0, y0: baseY - b, x1: ox1, y1: baseY, fill: C.outcome, snap: true });
        shapes.push({ kind: 'rect', x0: ox0, y0: baseY - o, x1: ox1, y1: baseY - b, fill: C.over, snap: true });
      } else {
        shapes.push({ kind: 'rect', x0: ox0, y0: baseY - o, x1: ox1, y1: baseY, fill: C.outcome, snap: true });
        if (b - o >= 8) {
          // shortfall: green outline up to the budget level
          const t = 3;
          shapes.push({ kind: 'rect', x0: ox0, y0: baseY - b, x1: ox1, y1: baseY - b + t, fill: C.under, snap: true });
          shapes.push({ kind: 'rect', x0: ox0, y0: baseY - b, x1: ox0 + t, y1: baseY - o - 2, fill: C.under, snap: true });
          shapes.push({ kind: 'rect', x0: ox1 - t, y0: baseY - b, x1: ox1, y1: baseY - o - 2, fill: C.under, snap: true });
        }
      }
    });
    // baseline
    shapes.push({ kind: 'rect', x0: left - 4, y0: baseY, x1: 128 - left + 4, y1: baseY + 5, fill: C.baseline, snap: true });
    // deviation badge: coral disc with a white ring and a white delta. At 32 px the ring is
    // dropped, the disc is a little larger and the delta solid: a hollow delta's 1 px stroke and
    // a 1 px ring both turn to mush there.
    const mid = size <= 32;
    const bc = mid ? { cx: 34, cy: 34, r: 22 } : { cx: 35, cy: 35, r: 19 };
    if (!mid) shapes.push({ kind: 'circle', cx: bc.cx, cy: bc.cy, r: bc.r + 3.5, fill: C.badgeRing });
    shapes.push({ kind: 'circle', ...bc, fill: C.badge });
    const tri = (s, dy = 0) => [
      [bc.cx, bc.cy - s + dy],
      [bc.cx + s * 0.95, bc.cy + s * 0.68 + dy],
      [bc.cx - s * 0.95, bc.cy + s * 0.68 + dy],
    ];
    shapes.push({ kind: 'poly', pts: tri(mid ? 13 : 12, -1), fill: C.delta });
    if (!mid) shapes.push({ kind: 'poly', pts: tri(5.2, 1.3), fill: C.badge });
  } else {
    // 16 px: three single outcome bars (no budget bars, no badge), the last one overshooting its
    // budget level in coral
    const barW = 24, gap = 12;
    const left = (128 - (3 * barW + 2 * gap)) / 2;
    // heights on the 8-unit (1 px) grid so the three bars stay distinct
    const small16 = [
      [40, 32],
      [56, 48],
      [48, 80],
    ];
    small16.forEach(([b, o], i) => {
      const x0 = left + i * (barW + gap), x1 = x0 + barW;
      if (o > b) {
        shapes.push({ kind: 'rect', x0, y0: baseY - b, x1, y1: baseY, fill: C.outcome, snap: true });
        shapes.push({ kind: 'rect', x0, y0: baseY - o, x1, y1: baseY - b, fill: C.over, snap: true });
      } else {
        shapes.push({ kind: 'rect', x0, y0: baseY - o, x1, y1: baseY, fill: C.outcome, snap: true });
      }
    });
    shapes.push({ kind: 'rect', x0: left - 8, y0: baseY + 2, x1: 128 - left + 8, y1: baseY + 10, fill: C.baseline, snap: true });
  }
  return shapes;
}

// ---------- rasteriser ----------
function mix(a, b, t) {
  t = Math.max(0, Math.min(1, t));
  return a.map((v, i) => v + (b[i] - v) * t);
}

function insideRoundRect(s, x, y) {
  if (x < s.x0 || x > s.x1 || y < s.y0 || y > s.y1) return false;
  const cx = Math.min(Math.max(x, s.x0 + s.r), s.x1 - s.r);
  const cy = Math.min(Math.max(y, s.y0 + s.r), s.y1 - s.r);
  const dx = x - cx, dy = y - cy;
  return dx * dx + dy * dy <= s.r * s.r;
}

function insidePoly(pts, x, y) {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i], [xj, yj] = pts[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Shape in pixel space (scaled, with rect edges snapped to whole pixels where asked). */
function toPixels(s, k) {
  const snap = (v) => (s.snap ? Math.round(v * k) : v * k);
  switch (s.kind) {
    case 'rect': {
      let x0 = snap(s.x0), x1 = snap(s.x1), y0 = snap(s.y0), y1 = snap(s.y1);
      if (s.snap && x1 - x0 < 1) x1 = x0 + 1; // never let a bar vanish
      if (s.snap && y1 - y0 < 1) y0 = y1 - 1;
      return { ...s, x0, x1, y0, y1 };
    }
    case 'roundRect':
      return { ...s, x0: s.x0 * k, y0: s.y0 * k, x1: s.x1 * k, y1: s.y1 * k, r: s.r * k, k };
    case 'circle':
      return { ...s, cx: s.cx * k, cy: s.cy * k, r: s.r * k };
    case 'poly':
      return { ...s, pts: s.pts.map(([x, y]) => [x * k, y * k]) };
    default:
      throw new Error(`unknown shape ${s.kind}`);
  }
}

function bounds(p, size) {
  let x0, y0, x1, y1;
  if (p.kind === 'circle') [x0, y0, x1, y1] = [p.cx - p.r, p.cy - p.r, p.cx + p.r, p.cy + p.r];
  else if (p.kind === 'poly') {
    const xs = p.pts.map((q) => q[0]), ys = p.pts.map((q) => q[1]);
    [x0, y0, x1, y1] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  } else [x0, y0, x1, y1] = [p.x0, p.y0, p.x1, p.y1];
  return [Math.max(0, Math.floor(x0)), Math.max(0, Math.floor(y0)), Math.min(size, Math.ceil(x1)), Math.min(size, Math.ceil(y1))];
}

function contains(p, x, y) {
  switch (p.kind) {
    case 'rect': return x >= p.x0 && x < p.x1 && y >= p.y0 && y < p.y1;
    case 'roundRect': return insideRoundRect(p, x, y);
    case 'circle': { const dx = x - p.cx, dy = y - p.cy; return dx * dx + dy * dy <= p.r * p.r; }
    case 'poly': return insidePoly(p.pts, x, y);
    default: return false;
  }
}

function render(size) {
  const k = size / UNIT;
  const buf = new Float64Array(size * size * 4); // premultiplied RGBA, 0..1
  for (const shape of scene(size)) {
    const p = toPixels(shape, k);
    const [bx0, by0, bx1, by1] = bounds(p, size);
    for (let py = by0; py < by1; py++) {
      for (let px = bx0; px < bx1; px++) {
        let hits = 0;
        for (let sy = 0; sy < SS; sy++) {
          const y = py + (sy + 0.5) / SS;
          for (let sx = 0; sx < SS; sx++) if (contains(p, px + (sx + 0.5) / SS, y)) hits++;
        }
        if (!hits) continue;
        const cov = hits / (SS * SS);
        // colour sampled at the pixel centre, in design-space coordinates
        const col = typeof p.fill === 'function' ? p.fill((px + 0.5) / k, (py + 0.5) / k) : p.fill;
        const a = col[3] * cov;
        const i = (py * size + px) * 4;
        buf[i] = (col[0] / 255) * a + buf[i] * (1 - a);
        buf[i + 1] = (col[1] / 255) * a + buf[i + 1] * (1 - a);
        buf[i + 2] = (col[2] / 255) * a + buf[i + 2] * (1 - a);
        buf[i + 3] = a + buf[i + 3] * (1 - a);
      }
    }
  }
  // un-premultiply to 8-bit straight RGBA
  const out = Buffer.alloc(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    const a = buf[i * 4 + 3];
    for (let c = 0; c < 3; c++) out[i * 4 + c] = a > 0 ? Math.round(Math.min(1, buf[i * 4 + c] / a) * 255) : 0;
    out[i * 4 + 3] = Math.round(a * 255);
  }
  return out;
}

// ---------- PNG encoder ----------
const crc32 =
  typeof zlib.crc32 === 'function'
    ? (b) => zlib.crc32(b)
    : (() => {
        const table = new Uint32Array(256).map((_, n) => {
          let c = n;
          for (let j = 0; j < 8; j++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
          return c >>> 0;
        });
        return (b) => {
          let c = 0xffffffff;
          for (const byte of b) c = table[(c ^ byte) & 255] ^ (c >>> 8);
          return (c ^ 0xffffffff) >>> 0;
        };
      })();

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
}

function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------- preview: every size enlarged side by side on light and dark backgrounds ----------
function preview(images) {
  const scale = (s) => Math.max(2, Math.floor(256 / s)); // 16→16×, 32→8×, 64→4×, 80→3×, 128→2×
  const pad = 16;
  const cells = images.map(({ size, rgba }) => ({ size, rgba, z: scale(size) }));
  const width = cells.reduce((w, c) => w + c.size * c.z + pad, pad);
  const cellH = Math.max(...cells.map((c) => c.size * c.z));
  const height = 2 * (cellH + pad) + pad;
  const out = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const v = y < height / 2 ? 245 : 40;
      out.set([v, v, v, 255], (y * width + x) * 4);
    }
  [pad, cellH + 2 * pad].forEach((oy) => {
    let ox = pad;
    for (const c of cells) {
      for (let y = 0; y < c.size * c.z; y++)
        for (let x = 0; x < c.size * c.z; x++) {
          const si = (Math.floor(y / c.z) * c.size + Math.floor(x / c.z)) * 4;
          const di = ((oy + y) * width + ox + x) * 4;
          const a = c.rgba[si + 3] / 255;
          for (let ch = 0; ch < 3; ch++) out[di + ch] = Math.round(c.rgba[si + ch] * a + out[di + ch] * (1 - a));
        }
      ox += c.size * c.z + pad;
    }
  });
  return encodePng(width, height, out);
}

function main() {
  const dir = __dirname;
  const images = SIZES.map((size) => ({ size, rgba: render(size) }));
  for (const { size, rgba } of images) {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, rgba));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
  if (process.argv.includes('--preview')) {
    const file = path.join(require('node:os').tmpdir(), 'avvikelse-icon-preview.png');
    fs.writeFileSync(file, preview(images));
    console.log(`wrote ${file}`);
  }
}

if (require.main === module) main();

module.exports = { scene, render, encodePng, SIZES };
