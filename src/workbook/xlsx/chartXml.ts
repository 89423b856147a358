/**
 * A chart as a DrawingML chart part (`xl/charts/chartN.xml`), ECMA-376 transitional. Horizontal bars
 * (the default): rows top to bottom in table order (the category axis reversed, the value axis kept at
 * the bottom), a zero line where the category axis crosses. Columns and lines: categories left to
 * right, the value axis at the left; a `line` series over columns shares their axes (a reference).
 * Value labels in the table's number format, per-point fills. Series read the sheet's cells through
 * their references and carry the values as their cache.
 */
import type { ChartData, ChartSeries, ChartType, SheetChart } from '../port';
import { encodeXml } from './xml';

export const CHART_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
export const DRAWINGML_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';

const val = (name: string, v: string | number) => `<c:${name} val="${v}"/>`;

/** Text properties: a font size in hundredths of a point, bold or not. */
function textProps(size: number, bold = false): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"><a:solidFill><a:srgbClr val="262626"/></a:solidFill><a:latin typeface="Calibri"/></a:defRPr></a:pPr><a:endParaRPr lang="sv-SE"/></a:p></c:txPr>`;
}

/** A shape's fill and outline: a solid fill or none, an outline or none. */
function shapeProps(fill: string | undefined, outline: string | undefined, dashed = false, width = 12700): string {
  const f = fill ? `<a:solidFill><a:srgbClr val="${fill}"/></a:solidFill>` : '<a:noFill/>';
  const dash = dashed ? '<a:prstDash val="dash"/>' : '';
  const ln = outline ? `<a:ln w="${width}"><a:solidFill><a:srgbClr val="${outline}"/></a:solidFill>${dash}</a:ln>` : '<a:ln><a:noFill/></a:ln>';
  return `<c:spPr>${f}${ln}</c:spPr>`;
}

function strData(d: ChartData<string>): string {
  const pts = `${val('ptCount', d.values.length)}${d.values.map((v, i) => `<c:pt idx="${i}"><c:v>${encodeXml(v)}</c:v></c:pt>`).join('')}`;
  return d.ref ? `<c:strRef><c:f>${encodeXml(d.ref)}</c:f><c:strCache>${pts}</c:strCache></c:strRef>` : `<c:strLit>${pts}</c:strLit>`;
}

function numData(d: ChartData<number>, numFmt: string): string {
  const pts = `<c:formatCode>${encodeXml(numFmt)}</c:formatCode>${val('ptCount', d.values.length)}${d.values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join('')}`;
  return d.ref ? `<c:numRef><c:f>${encodeXml(d.ref)}</c:f><c:numCache>${pts}</c:numCache></c:numRef>` : `<c:numLit>${pts}</c:numLit>`;
}

function labels(numFmt: string, position = 'outEnd'): string {
  return `<c:dLbls><c:numFmt formatCode="${encodeXml(numFmt)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${textProps(800)}${val('dLblPos', position)}${val('showLegendKey', 0)}${val('showVal', 1)}${val('showCatName', 0)}${val('showSerName', 0)}${val('showPercent', 0)}${val('showBubbleSize', 0)}</c:dLbls>`;
}

/** A point marker: a circle in the given fill, or none. */
function marker(fill: string | undefined): string {
  return fill ? `<c:marker>${val('symbol', 'circle')}${val('size', 7)}${shapeProps(fill, fill)}</c:marker>` : `<c:marker>${val('symbol', 'none')}</c:marker>`;
}

/** A line series: its outline as the line, markers when asked (each point's fill its own). */
function lineSeriesXml(s: ChartSeries, i: number, chart: SheetChart): string {
  const colour = s.outline ?? s.fill ?? '262626';
  const points = s.markers ? (s.points ?? []).map((p, idx) => (p.fill ? `<c:dPt>${val('idx', idx)}${marker(p.fill)}${val('bubble3D', 0)}</c:dPt>` : '')).join('') : '';
  return [
    `<c:ser>${val('idx', i)}${val('order', i)}<c:tx><c:v>${encodeXml(s.name)}</c:v></c:tx>`,
    shapeProps(undefined, colour, s.dashed, 22225),
    marker(s.markers ? colour : undefined),
    points,
    s.labels ? labels(chart.numFmt, 't') : '',
    `<c:cat>${strData(chart.categories)}</c:cat><c:val>${numData(s.values, chart.numFmt)}</c:val>${val('smooth', 0)}</c:ser>`,
  ].join('');
}

function seriesXml(s: ChartSeries, i: number, chart: SheetChart): string {
  const points = (s.points ?? []).map((p, idx) => `<c:dPt>${val('idx', idx)}${val('invertIfNegative', 0)}${val('bubble3D', 0)}${shapeProps(p.fill, p.outline)}</c:dPt>`).join('');
  return [
    `<c:ser>${val('idx', i)}${val('order', i)}<c:tx><c:v>${encodeXml(s.name)}</c:v></c:tx>`,
    shapeProps(s.fill, s.outline, s.dashed),
    val('invertIfNegative', 0),
    points,
    s.labels ? labels(chart.numFmt) : '',
    `<c:cat>${strData(chart.categories)}</c:cat><c:val>${numData(s.values, chart.numFmt)}</c:val></c:ser>`,
  ].join('');
}

const AXIS_LINE = '<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="404040"/></a:solidFill></a:ln></c:spPr>';

/** The chart's type: horizontal bars unless it says otherwise. */
const typeOf = (chart: SheetChart): ChartType => chart.type ?? 'bar';

function axes(chart: SheetChart): string {
  const across = typeOf(chart) !== 'bar';
  const cat = `<c:catAx>${val('axId', 1)}<c:scaling>${val('orientation', across ? 'minMax' : 'maxMin')}</c:scaling>${val('delete', 0)}${val('axPos', across ? 'b' : 'l')}${val('majorTickMark', 'none')}${val('minorTickMark', 'none')}${val('tickLblPos', 'low')}${AXIS_LINE}${textProps(800)}${val('crossAx', 2)}${val('crosses', 'autoZero')}${val('auto', 1)}${val('lblAlgn', 'ctr')}${val('lblOffset', 100)}${val('noMultiLvlLbl', 0)}</c:catAx>`;
  const grid = '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="E0E0E0"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>';
  const bounds = chart.axis ? `${val('max', chart.axis.max)}${val('min', chart.axis.min)}` : '';
  const value = `<c:valAx>${val('axId', 2)}<c:scaling>${val('orientation', 'minMax')}${bounds}</c:scaling>${val('delete', 0)}${val('axPos', across ? 'l' : 'b')}${grid}<c:numFmt formatCode="${encodeXml(chart.numFmt)}" sourceLinked="0"/>${val('majorTickMark', 'out')}${val('minorTickMark', 'none')}${val('tickLblPos', 'nextTo')}<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>${textProps(800)}${val('crossAx', 1)}${val('crosses', across ? 'autoZero' : 'max')}${val('crossBetween', 'between')}</c:valAx>`;
  return cat + value;
}

function title(text: string): string {
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000" b="1"/></a:pPr><a:r><a:rPr lang="sv-SE" sz="1000" b="1"><a:solidFill><a:srgbClr val="262626"/></a:solidFill><a:latin typeface="Calibri"/></a:rPr><a:t>${encodeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>${val('overlay', 0)}</c:title>`;
}

/** The series drawn as bars or columns (one `barChart`), then those drawn as lines (one `lineChart`), on the same axes. */
function plotGroups(chart: SheetChart): string {
  const indexed = chart.series.map((s, i) => ({ s, i, type: s.type ?? typeOf(chart) }));
  const bars = indexed.filter((x) => x.type !== 'line');
  const lines = indexed.filter((x) => x.type === 'line');
  const axIds = `${val('axId', 1)}${val('axId', 2)}`;
  const barXml = bars.length
    ? `<c:barChart>${val('barDir', bars[0].type === 'column' ? 'col' : 'bar')}${val('grouping', 'clustered')}${val('varyColors', 0)}${bars.map((x) => seriesXml(x.s, x.i, chart)).join('')}${val('gapWidth', 40)}${bars.length > 1 ? val('overlap', -10) : ''}${axIds}</c:barChart>`
    : '';
  const lineXml = lines.length ? `<c:lineChart>${val('grouping', 'standard')}${val('varyColors', 0)}${lines.map((x) => lineSeriesXml(x.s, x.i, chart)).join('')}${val('marker', 1)}${axIds}</c:lineChart>` : '';
  return barXml + lineXml;
}

/** The whole chart part. */
export function chartXml(chart: SheetChart): string {
  const legend = chart.legend ? `<c:legend>${val('legendPos', 'b')}${val('overlay', 0)}${textProps(800)}</c:legend>` : '';
  return [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWINGML_NS}">`,
    `${val('lang', 'sv-SE')}${val('roundedCorners', 0)}<c:chart>${chart.title ? title(chart.title) : ''}${val('autoTitleDeleted', chart.title ? 0 : 1)}<c:plotArea><c:layout/>`,
    plotGroups(chart),
    `${axes(chart)}</c:plotArea>${legend}${val('plotVisOnly', 1)}${val('dispBlanksAs', 'gap')}</c:chart>`,
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>`,
    `${textProps(900)}</c:chartSpace>`,
  ].join('');
}
