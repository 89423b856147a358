/**
 * A variance chart as SVG, drawn by hand from the chart model (no chart library): one horizontal bar
 * per row in table order, the label at the left, the figure at the bar's end in the table's Swedish
 * form (`-1 832`, `-1,8`), a zero line, totals outlined and in bold. Used in the Word file and in the
 * task pane; `theme: 'dark'` draws text and lines for a dark background.
 */
import type Decimal from 'decimal.js';
import { formatSwedish } from '../core/money';
import { CHART_COLORS, pointFill, type ChartPoint, type VarianceChart } from '../report/charts';

export interface SvgOptions {
  /** Width in pixels (the height follows from the rows). */
  width: number;
  decimals: number;
  theme?: 'light' | 'dark';
  /** Pixels per row (default 20). */
  rowHeight?: number;
  /** Font size in pixels (default 11). */
  fontSize?: number;
  /** A tooltip on each bar (in the pane; Word and LibreOffice do without). */
  tooltips?: boolean;
}

/** The geometry of a chart: where the labels end, where zero is, and how many pixels a unit is. */
export interface BarGeometry {
  width: number;
  height: number;
  rowHeight: number;
  labelWidth: number;
  zeroX: number;
  /** x of a value. */
  x(value: number): number;
}

export const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Estimated text width at a font size (Calibri/Segoe average about 0.52 em a character, bold 0.58). */
export const textWidth = (text: string, fontSize: number, bold = false) => Math.ceil(text.length * fontSize * (bold ? 0.58 : 0.52));

/** A label cut to fit its column, with an ellipsis (the whole label stays in the bar's tooltip). */
export function fitLabel(label: string, width: number, fontSize: number, bold: boolean): string {
  if (textWidth(label, fontSize, bold) <= width) return label;
  let n = label.length;
  while (n > 1 && textWidth(`${label.slice(0, n)}…`, fontSize, bold) > width) n--;
  return `${label.slice(0, n).trimEnd()}…`;
}

/** Where the bars go: labels take up to 40 % of the width, the figures need room at both ends. */
export function barGeometry(chart: { points: readonly { label: string; value: Decimal }[] }, opts: SvgOptions): BarGeometry {
  const fontSize = opts.fontSize ?? 11;
  const rowHeight = opts.rowHeight ?? 20;
  const values = chart.points.map((p) => p.value.toNumber());
  const labelWidth = Math.min(Math.round(opts.width * 0.4), Math.max(...chart.points.map((p) => textWidth(p.label, fontSize))) + 8);
  const figureRoom = Math.max(...chart.points.map((p) => textWidth(formatSwedish(p.value, opts.decimals), fontSize))) + 6;
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const left = labelWidth + (lo < 0 ? figureRoom : 4);
  const right = opts.width - (hi > 0 ? figureRoom : 4);
  const perUnit = hi === lo ? 0 : (right - left) / (hi - lo);
  const zeroX = left - lo * perUnit;
  return { width: opts.width, height: chart.points.length * rowHeight + 8, rowHeight, labelWidth, zeroX, x: (v) => zeroX + v * perUnit };
}

function bar(p: ChartPoint, i: number, g: BarGeometry, opts: SvgOptions, ink: string): string {
  const fontSize = opts.fontSize ?? 11;
  const y = 4 + i * g.rowHeight;
  const x1 = g.x(p.value.toNumber());
  const [from, to] = x1 < g.zeroX ? [x1, g.zeroX] : [g.zeroX, x1];
  const barHeight = Math.round(g.rowHeight * 0.7);
  const top = y + (g.rowHeight - barHeight) / 2;
  const outline = p.sum ? ` stroke="${opts.theme === 'dark' ? '#F0F0F0' : `#${CHART_COLORS.sum}`}" stroke-width="1.2"` : '';
  const weight = p.sum ? ' font-weight="bold"' : '';
  const mid = y + g.rowHeight / 2 + fontSize * 0.35;
  const figure = formatSwedish(p.value, opts.decimals);
  const negative = p.value.isNegative();
  const figureX = negative ? from - 3 : to + 3;
  return [
    `<text x="${g.labelWidth - 6}" y="${mid.toFixed(1)}" text-anchor="end"${weight} fill="${ink}">${escape(fitLabel(p.label, g.labelWidth - 8, fontSize, p.sum))}</text>`,
    `<rect x="${from.toFixed(1)}" y="${top.toFixed(1)}" width="${Math.max(to - from, 0.8).toFixed(1)}" height="${barHeight}" fill="#${pointFill(p)}"${outline}>${opts.tooltips ? `<title>${escape(`${p.label}: ${figure}`)}</title>` : ''}</rect>`,
    `<text x="${figureX.toFixed(1)}" y="${mid.toFixed(1)}" text-anchor="${negative ? 'end' : 'start'}"${weight} fill="${ink}">${figure}</text>`,
  ].join('');
}

/** The chart as a standalone SVG document. */
export function varianceSvg(chart: VarianceChart, opts: SvgOptions): string {
  const g = barGeometry(chart, opts);
  const ink = opts.theme === 'dark' ? '#F0F0F0' : '#262626';
  const axis = opts.theme === 'dark' ? '#BDBDBD' : '#404040';
  const fontSize = opts.fontSize ?? 11;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${g.width}" height="${g.height}" viewBox="0 0 ${g.width} ${g.height}" font-family="Calibri, Carlito, 'Segoe UI', sans-serif" font-size="${fontSize}" role="img" aria-label="${escape(chart.title)}">`,
    chart.points.map((p, i) => bar(p, i, g, opts, ink)).join(''),
    `<line x1="${g.zeroX.toFixed(1)}" y1="2" x2="${g.zeroX.toFixed(1)}" y2="${g.height - 2}" stroke="${axis}" stroke-width="1"/>`,
    `</svg>`,
  ].join('');
}
