/// <reference types="office-js" />
/**
 * Our charts on our output sheet through the Excel JavaScript API (every member within ExcelApi 1.9,
 * the manifest's minimum; test/manifest/requirementSet.test.ts checks each): a clustered bar chart
 * (or a line chart, for a chart model that says `type: 'line'`) whose series read the cells of the
 * table beside it, so the chart follows them; per-point fills and outlines, value labels in the
 * table's number format, the value axis's bounds, title, legend, name and place.
 *
 * Everything is queued, one piece per chart, in the same batches as the sheet's cells: no sync per
 * chart or per point. A re-run deletes the charts whose names carry our prefix (found by the write's
 * inspection) and draws the new ones; a chart of the user's on our sheet is left where it is.
 */
import { OWN_CHART_PREFIX, splitRef, type ChartSeries, type ChartType, type SheetChart } from '../port';
import type { PlacedChart } from './chartData';
import { OPERATION_BYTES, wireBytes, type SyncBudget } from './payload';
import { hexColor } from './writeCells';

/** Chart kinds the model may name; a chart without a kind is a bar chart. */
type ChartKind = ChartType;

/** A chart or series with its optional kind. */
type Kinded<T> = T & { type?: ChartKind };

/** Excel's chart type of each kind (the string values of `Excel.ChartType`: `barClustered`, `lineMarkers`). */
const EXCEL_TYPE = { bar: 'BarClustered', column: 'ColumnClustered', line: 'LineMarkers' } as const;

const kindOf = (x: { type?: ChartKind }): ChartKind => x.type ?? 'bar';

/** Whether a chart name is one of ours (a re-run replaces exactly these). */
export const isOwnChart = (name: string): boolean => name.startsWith(OWN_CHART_PREFIX);

/** The operations one chart queues (each a path or a property set), to reserve room for it in a sync. */
export function chartOperations(chart: SheetChart): number {
  const perSeries = chart.series.map((s) => 16 + (s.labels ? 8 : 0) + 5 * (s.points?.length ?? 0));
  return 24 + perSeries.reduce((n, k) => n + k, 0);
}

/** The bytes one chart's piece is estimated at: its operations and the text it carries. */
function chartBytes(chart: SheetChart): number {
  const refs = [chart.categories.ref, ...chart.series.map((s) => s.values.ref)];
  return chartOperations(chart) * OPERATION_BYTES + wireBytes([chart.name, chart.title, chart.numFmt, ...chart.series.map((s) => s.name), ...refs]);
}

/** A shape's fill: solid, or none. */
function setFill(fill: Excel.ChartFill, color: string | undefined): void {
  if (color) fill.setSolidColor(hexColor(color));
  else fill.clear();
}

/** A shape's outline (a series' line or a point's border): a thin line in a colour, or none. */
function setOutline(line: Excel.ChartLineFormat | Excel.ChartBorder, color: string | undefined): void {
  if (!color) {
    line.lineStyle = 'None';
    return;
  }
  line.lineStyle = 'Continuous';
  line.color = hexColor(color);
  line.weight = 1;
}

/** Value labels in the chart's number format, outside the bar's end (or right of a line's point). */
function setLabels(series: Excel.ChartSeries, numFmt: string, kind: ChartKind): void {
  series.hasDataLabels = true;
  const labels = series.dataLabels;
  labels.showValue = true;
  labels.showSeriesName = false;
  labels.showCategoryName = false;
  labels.showLegendKey = false;
  labels.numberFormat = numFmt;
  labels.position = kind === 'line' ? 'Right' : 'OutsideEnd';
  labels.format.font.size = 8;
}

/**
 * A line's point: its marker in the point's colour (Excel colours a line chart's markers through
 * these two, not through the point's fill); the segment is left as the series draws it.
 */
function setMarker(point: Excel.ChartPoint, p: { fill?: string; outline?: string }): void {
  if (p.fill) point.markerBackgroundColor = hexColor(p.fill);
  if (p.outline ?? p.fill) point.markerForegroundColor = hexColor((p.outline ?? p.fill)!);
}

/** One series: its cells, fills, outline, points and labels. */
function setSeries(series: Excel.ChartSeries, s: Kinded<ChartSeries>, chart: Kinded<SheetChart>, range: (ref: string) => Excel.Range, first: boolean): void {
  series.name = s.name;
  if (!first) series.setValues(range(s.values.ref!));
  series.setXAxisValues(range(chart.categories.ref!));
  const kind = kindOf(s.type ? s : chart);
  // a line without markers (a reference such as the budget) is Excel's plain line
  if (kind === 'line' && !s.markers) series.chartType = 'Line';
  else if (s.type) series.chartType = EXCEL_TYPE[s.type];
  if (kind !== 'line') setFill(series.format.fill, s.fill);
  setOutline(series.format.line, s.outline);
  if (s.dashed && s.outline) series.format.line.lineStyle = 'Dash';
  (s.points ?? []).forEach((p, i) => {
    const point = series.points.getItemAt(i);
    if (kind === 'line') setMarker(point, p);
    else {
      setFill(point.format.fill, p.fill);
      setOutline(point.format.border, p.outline);
    }
  });
  if (s.labels) setLabels(series, chart.numFmt, kind);
}

/** The axes: for bars, rows top to bottom with the value axis kept at the bottom; bounds and number format. */
function setAxes(excel: Excel.Chart, chart: SheetChart, kind: ChartKind): void {
  const categoryAxis = excel.axes.categoryAxis;
  const valueAxis = excel.axes.valueAxis;
  if (kind === 'bar') {
    categoryAxis.reversePlotOrder = true;
    categoryAxis.position = 'Maximum';
    categoryAxis.tickLabelPosition = 'Low';
  }
  valueAxis.numberFormat = chart.numFmt;
  if (chart.axis) {
    valueAxis.minimum = chart.axis.min;
    valueAxis.maximum = chart.axis.max;
  }
}

/** Queues one chart on `sheet`: created from its first series' cells, then every property set. */
export function queueChart(sheet: Excel.Worksheet, placed: PlacedChart, range: (ref: string) => Excel.Range): void {
  const chart: Kinded<SheetChart> = placed.chart;
  const kind = kindOf(chart);
  const [first, ...rest] = chart.series;
  const excel = sheet.charts.add(EXCEL_TYPE[kind], range(first.values.ref!), 'Columns');
  excel.name = chart.name;
  excel.setPosition(sheet.getRangeByIndexes(chart.from.row, chart.from.col, 1, 1), sheet.getRangeByIndexes(chart.to.row - 1, chart.to.col - 1, 1, 1));
  excel.title.visible = chart.title !== '';
  if (chart.title) excel.title.text = chart.title;
  excel.legend.visible = chart.legend === true;
  if (chart.legend) excel.legend.position = 'Bottom';
  if (placed.hiddenData) excel.plotVisibleOnly = false;
  const head = excel.series.getItemAt(0);
  setSeries(head, first, chart, range, true);
  rest.forEach((s) => setSeries(excel.series.add(s.name), s, chart, range, false));
  if (kind === 'bar') {
    // the gap and overlap belong to the bar group: set on one series, they hold for all (as in the .xlsx)
    head.gapWidth = 40;
    if (rest.length) head.overlap = -10;
  }
  setAxes(excel, chart, kind);
}

/**
 * Queues, in the sheet's batches, the deletion of our charts of an earlier run (`ownBefore`, by name)
 * and the new charts, a piece each (a refused sync sends a piece again: it takes the sheet by name).
 */
export async function writeCharts(context: Excel.RequestContext, sheetName: string, charts: PlacedChart[], ownBefore: string[], budget: SyncBudget, part: string): Promise<void> {
  const sheet = () => context.workbook.worksheets.getItem(sheetName);
  const range = (ref: string) => {
    const { sheet: name, address } = splitRef(ref);
    return context.workbook.worksheets.getItem(name).getRange(address);
  };
  for (const name of ownBefore) {
    await budget.add({ bytes: 2 * OPERATION_BYTES + wireBytes(name), part, queue: () => sheet().charts.getItem(name).delete() });
  }
  for (const placed of charts) {
    await budget.add({ bytes: chartBytes(placed.chart), part, queue: () => queueChart(sheet(), placed, range) });
  }
}
