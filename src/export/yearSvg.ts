/**
 * The budget comparisons and the year so far as SVG, drawn by hand like the variance chart
 * (`chartSvg.ts`): per row a figure against its budget (IBCS: the utfall or prognos solid, the budget
 * outlined around it), and the total's helårsprognos per forecast as columns with the budget as a
 * dashed line. Figures in the table's Swedish form; `theme: 'dark'` for a dark background.
 */
import { formatSwedish } from '../core/money';
import type { ComparisonChart } from '../report/charts';
import { CHART_COLORS } from '../report/charts';
import type { ForecastPathChart } from '../report/yearCharts';
import { pathAxis } from '../report/chartLayout';
import { barGeometry, escape, fitLabel, textWidth, type SvgOptions } from './chartSvg';

/** Ink, axis, the solid (actual, forecast) fill, the outcome fill and the budget outline for a theme. */
function palette(theme: SvgOptions['theme']) {
  return theme === 'dark'
    ? { ink: '#F0F0F0', axis: '#BDBDBD', solid: '#BDBDBD', outcome: '#F0F0F0', budget: '#F0F0F0' }
    : { ink: '#262626', axis: '#404040', solid: `#${CHART_COLORS.prognos}`, outcome: `#${CHART_COLORS.sum}`, budget: `#${CHART_COLORS.budget}` };
}

const svgOpen = (width: number, height: number, fontSize: number, title: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Calibri, Carlito, 'Segoe UI', sans-serif" font-size="${fontSize}" role="img" aria-label="${escape(title)}">`;

/** A key over the chart: a solid swatch and an outlined one, or (`budgetLine`) a line with a point and a dashed reference line; the series' names. */
function key(solidName: string, budgetName: string, y: number, fontSize: number, c: ReturnType<typeof palette>, budgetLine = false): string {
  const second = 18 + textWidth(solidName, fontSize) + 14;
  const mid = y - fontSize * 0.4;
  const first = budgetLine
    ? `<line x1="2" y1="${mid}" x2="14" y2="${mid}" stroke="${c.solid}" stroke-width="2"/><circle cx="8" cy="${mid}" r="3" fill="${c.solid}"/>`
    : `<rect x="2" y="${y - fontSize * 0.8}" width="12" height="${fontSize * 0.8}" fill="${c.solid}"/>`;
  const swatch = budgetLine
    ? `<line x1="${second}" y1="${y - fontSize * 0.4}" x2="${second + 12}" y2="${y - fontSize * 0.4}" stroke="${c.budget}" stroke-width="1.5" stroke-dasharray="4 2"/>`
    : `<rect x="${second}" y="${y - fontSize * 0.8}" width="12" height="${fontSize * 0.8}" fill="none" stroke="${c.budget}" stroke-width="1.2"/>`;
  return [
    first,
    `<text x="18" y="${y}" fill="${c.ink}">${escape(solidName)}</text>`,
    swatch,
    `<text x="${second + 16}" y="${y}" fill="${c.ink}">${escape(budgetName)}</text>`,
  ].join('');
}

/** Per row: the budget as an outlined bar, the utfall (or prognos) as a narrower solid bar inside it, its figure at the end. */
export function comparisonSvg(chart: ComparisonChart, opts: SvgOptions): string {
  const fontSize = opts.fontSize ?? 11;
  const c = palette(opts.theme);
  const values = chart.points.flatMap((p) => [{ label: p.label, value: p.actual }, { label: p.label, value: p.budget }]);
  const g = barGeometry({ points: values }, { ...opts, width: opts.width });
  const head = fontSize + 8;
  const height = head + chart.points.length * g.rowHeight + 8;
  const rows = chart.points.map((p, i) => {
    const y = head + 4 + i * g.rowHeight;
    const mid = y + g.rowHeight / 2 + fontSize * 0.35;
    const weight = p.sum ? ' font-weight="bold"' : '';
    const span = (v: number, h: number) => {
      const x = g.x(v);
      const [from, to] = x < g.zeroX ? [x, g.zeroX] : [g.zeroX, x];
      return `x="${from.toFixed(1)}" y="${(y + (g.rowHeight - h) / 2).toFixed(1)}" width="${Math.max(to - from, 0.8).toFixed(1)}" height="${h}"`;
    };
    const actual = p.actual.toNumber();
    const end = Math.max(g.x(actual), g.x(p.budget.toNumber()));
    const tip = opts.tooltips ? `<title>${escape(`${p.label}: ${chart.actualName} ${formatSwedish(p.actual, opts.decimals)}, ${chart.budgetName} ${formatSwedish(p.budget, opts.decimals)}`)}</title>` : '';
    return [
      `<text x="${g.labelWidth - 6}" y="${mid.toFixed(1)}" text-anchor="end"${weight} fill="${c.ink}">${escape(fitLabel(p.label, g.labelWidth - 8, fontSize, p.sum))}</text>`,
      `<rect ${span(p.budget.toNumber(), Math.round(g.rowHeight * 0.75))} fill="none" stroke="${c.budget}" stroke-width="1.2"/>`,
      `<rect ${span(actual, Math.round(g.rowHeight * 0.45))} fill="${p.sum ? c.outcome : c.solid}">${tip}</rect>`,
      `<text x="${(end + 3).toFixed(1)}" y="${mid.toFixed(1)}"${weight} fill="${c.ink}">${formatSwedish(p.actual, opts.decimals)}</text>`,
    ].join('');
  });
  return [
    svgOpen(g.width, height, fontSize, chart.title),
    key(chart.actualName, chart.budgetName, fontSize + 2, fontSize, c),
    rows.join(''),
    `<line x1="${g.zeroX.toFixed(1)}" y1="${head}" x2="${g.zeroX.toFixed(1)}" y2="${height - 2}" stroke="${c.axis}" stroke-width="1"/>`,
    `</svg>`,
  ].join('');
}

/**
 * The total's helårsprognos per forecast as a line with its figures (the outcome's point dark), on the
 * workbook chart's value range (`pathAxis`), the budget a dashed line across.
 */
export function forecastPathSvg(chart: ForecastPathChart, opts: SvgOptions & { height?: number }): string {
  const fontSize = opts.fontSize ?? 11;
  const c = palette(opts.theme);
  const height = opts.height ?? 170;
  const top = fontSize * 2 + 14;
  const bottom = height - fontSize - 10;
  const { min, max } = pathAxis(chart);
  const y = (v: number) => bottom - ((v - min) / (max - min || 1)) * (bottom - top);
  const slot = (opts.width - 8) / chart.points.length;
  const at = chart.points.map((p, i) => ({ p, x: 4 + slot * (i + 0.5), y: y(p.value.toNumber()) }));
  const points = at.map(({ p, x, y: py }) => {
    const figure = formatSwedish(p.value, opts.decimals);
    const tip = opts.tooltips ? `<title>${escape(`${p.period}: ${figure}`)}</title>` : '';
    const weight = p.outcome ? ' font-weight="bold"' : '';
    return [
      `<circle cx="${x.toFixed(1)}" cy="${py.toFixed(1)}" r="${p.outcome ? 4.5 : 3.5}" fill="${p.outcome ? c.outcome : c.solid}">${tip}</circle>`,
      `<text x="${x.toFixed(1)}" y="${(py - 7).toFixed(1)}" text-anchor="middle"${weight} fill="${c.ink}">${figure}</text>`,
      `<text x="${x.toFixed(1)}" y="${height - 4}" text-anchor="middle"${weight} fill="${c.ink}">${escape(p.label)}</text>`,
    ].join('');
  });
  const by = y(chart.budget.toNumber()).toFixed(1);
  return [
    svgOpen(opts.width, height, fontSize, chart.title),
    key('Helårsprognos', `Budget helår ${formatSwedish(chart.budget, opts.decimals)}`, fontSize + 2, fontSize, c, true),
    `<line x1="4" y1="${by}" x2="${opts.width - 4}" y2="${by}" stroke="${c.budget}" stroke-width="1.5" stroke-dasharray="5 3"/>`,
    `<polyline points="${at.map((a) => `${a.x.toFixed(1)},${a.y.toFixed(1)}`).join(' ')}" fill="none" stroke="${c.solid}" stroke-width="2"/>`,
    points.join(''),
    `<line x1="4" y1="${bottom + 2}" x2="${opts.width - 4}" y2="${bottom + 2}" stroke="${c.axis}" stroke-width="1"/>`,
    `</svg>`,
  ].join('');
}
