/**
 * The charts of the tables sheet, from the chart model: each beside its table, reading the table's
 * own cells (labels and figures), so a chart shows exactly the table and follows it when a re-run
 * rewrites the cells. A chart of picked rows (a table over 40 rows) holds its values itself.
 */
import type Decimal from 'decimal.js';
import { Dec } from '../core/decimal';
import { cellAddress, sheetRef } from '../core/address';
import type { TableRow } from '../core/types';
import type { ChartData, SheetChart } from '../workbook/port';
import { formatSwedish } from '../core/money';
import { CHART_COLORS, pointFill, varianceFormat, type ComparisonChart, type TableCharts, type VarianceChart } from './charts';
import type { ForecastPathChart } from './yearCharts';

/** Columns one chart is wide, and the fewest rows it is high. */
export const CHART_COLUMNS = 7;
export const CHART_MIN_ROWS = 14;

/** Where a table's charts go: from its first row, beside it, as many rows high as the table (at least `CHART_MIN_ROWS`). */
export interface ChartPlace {
  sheet: string;
  /** 0-based sheet row of each table row. */
  rowOf: Map<TableRow, number>;
  top: number;
  left: number;
  rows: number;
}

/** A column's cells for the given table rows: a range when they are one block, else the values alone. */
function data<T>(place: ChartPlace, c: TableCharts, rowIndexes: number[], col: number, values: T[]): ChartData<T> {
  const rows = rowIndexes.map((i) => place.rowOf.get(c.table.rows[i])!);
  const block = rows.every((r, i) => i === 0 || r === rows[i - 1] + 1);
  if (!block || rows.length === 0) return { values };
  return { ref: `${sheetRef(place.sheet)}!${absolute(rows[0], col)}:${absolute(rows[rows.length - 1], col)}`, values };
}

/** `$D$6` for a 0-based row and column. */
const absolute = (row: number, col: number) => `$${cellAddress(row, col).replace(/(\d+)$/, '$$$1')}`;

/**
 * The value axis of a variance chart: zero and every bar inside, with a quarter of the span to spare
 * on each side that has bars (for their labels), rounded outward to half a power of ten.
 */
export function varianceAxis(values: Decimal[]): { min: number; max: number } | undefined {
  const lo = Dec.min(0, ...values);
  const hi = Dec.max(0, ...values);
  const span = hi.minus(lo);
  if (span.isZero()) return undefined;
  const unit = new Dec(10).pow(Math.floor(Math.log10(span.toNumber()))).div(2);
  const pad = span.div(4);
  const min = lo.isNegative() ? lo.minus(pad).div(unit).floor().times(unit) : new Dec(0);
  const max = hi.isPositive() ? hi.plus(pad).div(unit).ceil().times(unit) : new Dec(0);
  return { min: min.toNumber() || 0, max: max.toNumber() || 0 };
}

/** The table column (0-based sheet column) of a column id. */
const columnOf = (c: TableCharts, id: string) => 1 + c.table.columns.findIndex((col) => col.id === id);

/** The cells (or values) of one column for the given table rows. */
export type ChartDataOf = <T>(rowIndexes: number[], col: number, values: T[]) => ChartData<T>;

/** Values only: for a chart outside the workbook (the Word file), which has no cells to read. */
export const valuesOnly: ChartDataOf = (_rows, _col, values) => ({ values });

const shownTitle = (title: string, shown: number, omitted: number) => (omitted ? `${title} (${shown} av ${shown + omitted} rader)` : title);

/** A variance chart as a bar chart: one series, each bar coloured by its tone and flag, totals outlined. */
export function varianceBars(c: TableCharts, v: VarianceChart, dataOf: ChartDataOf): ChartBody {
  const rows = v.points.map((p) => p.rowIndex);
  return {
    title: shownTitle(v.title, v.points.length, v.omitted),
    categories: dataOf(rows, 0, v.points.map((p) => p.label)),
    series: [{ name: v.percent ? 'Avvikelse %' : 'Avvikelse', values: dataOf(rows, columnOf(c, v.column), v.points.map((p) => p.value.toNumber() || 0)), fill: CHART_COLORS.neutral.plain, points: v.points.map((p) => ({ fill: pointFill(p), outline: p.sum ? CHART_COLORS.sum : undefined })), labels: true }],
    numFmt: varianceFormat(c, v).numFmt,
    axis: varianceAxis(v.points.map((p) => p.value)),
  };
}

/** A chart without its name and place. */
export type ChartBody = Omit<SheetChart, 'name' | 'from' | 'to'>;

/** A figure against its budget per row: the prognos or utfall solid, the budget outlined (IBCS), the totals darker. */
export function comparisonBars(c: TableCharts, cmp: ComparisonChart, dataOf: ChartDataOf): ChartBody {
  const rows = cmp.points.map((p) => p.rowIndex);
  const pointsOf = (fill?: string) => cmp.points.map((p) => ({ fill: p.sum && fill ? CHART_COLORS.sum : fill, outline: CHART_COLORS.budget }));
  return {
    title: shownTitle(cmp.title, cmp.points.length, cmp.omitted),
    categories: dataOf(rows, 0, cmp.points.map((p) => p.label)),
    series: [
      { name: cmp.actualName, values: dataOf(rows, columnOf(c, cmp.actualColumn), cmp.points.map((p) => p.actual.toNumber() || 0)), fill: CHART_COLORS.prognos, points: pointsOf(CHART_COLORS.prognos) },
      { name: cmp.budgetName, values: dataOf(rows, columnOf(c, cmp.budgetColumn), cmp.points.map((p) => p.budget.toNumber() || 0)), outline: CHART_COLORS.budget, points: pointsOf(undefined) },
    ],
    numFmt: c.numFmt,
    legend: true,
  };
}

/**
 * The value axis of the forecast path: every forecast and the budget inside, with a quarter of their
 * span to spare on each side (a line may start above zero), rounded outward to half a power of ten.
 */
export function pathAxis(path: ForecastPathChart): { min: number; max: number } {
  const values = [path.budget, ...path.points.map((p) => p.value)];
  const lo = Dec.min(...values);
  const hi = Dec.max(...values);
  const span = Dec.max(hi.minus(lo), hi.abs().div(100), 1);
  const unit = new Dec(10).pow(Math.floor(Math.log10(span.toNumber()))).div(2);
  const pad = span.div(4);
  return { min: lo.minus(pad).div(unit).floor().times(unit).toNumber() || 0, max: hi.plus(pad).div(unit).ceil().times(unit).toNumber() || 0 };
}

/**
 * The total's helårsprognos per forecast as a line with its figures (the outcome's marker dark, as an
 * actual), the full-year budget a dashed reference line named with its figure. Values only: the
 * history sheet holds kronor, the chart the figures as the tables round them.
 */
export function forecastPathLine(c: TableCharts, path: ForecastPathChart): ChartBody {
  const budget = path.budget.toNumber() || 0;
  return {
    type: 'line',
    title: path.title,
    categories: { values: path.points.map((p) => p.label) },
    series: [
      { name: 'Helårsprognos', values: { values: path.points.map((p) => p.value.toNumber() || 0) }, outline: CHART_COLORS.prognos, markers: true, points: path.points.map((p) => ({ fill: p.outcome ? CHART_COLORS.sum : CHART_COLORS.prognos })), labels: true },
      { name: `Budget helår ${formatSwedish(path.budget, c.decimals)}`, dashed: true, values: { values: path.points.map(() => budget) }, outline: CHART_COLORS.budget },
    ],
    numFmt: c.numFmt,
    legend: true,
    axis: pathAxis(path),
  };
}

/** A chart of a table with what a caption and a size need: its title, note, and how many rows it draws. */
export interface ListedChart {
  body: ChartBody;
  /** The model's title (without the `(40 av 61 rader)` of a chart of picked rows). */
  caption: string;
  note?: string;
  /** Rows drawn (0 for the forecast's path, which draws periods). */
  rows: number;
  shape: 'bars' | 'pairs' | 'line';
}

/**
 * Every chart of a table in order: the deviations, budget against prognos, the deviations in percent,
 * then the year so far (utfall against budget, the forecast's path).
 */
export function chartList(c: TableCharts, dataOf: ChartDataOf): ListedChart[] {
  const variance = (percent: boolean) => c.variance.filter((v) => !!v.percent === percent).map((v): ListedChart => ({ body: varianceBars(c, v, dataOf), caption: v.title, note: v.note, rows: v.points.length, shape: 'bars' }));
  const compared = (cmp?: ComparisonChart): ListedChart[] => (cmp ? [{ body: comparisonBars(c, cmp, dataOf), caption: cmp.title, note: cmp.note, rows: cmp.points.length, shape: 'pairs' }] : []);
  const path = c.forecastPath;
  return [
    ...variance(false),
    ...compared(c.budgetForecast),
    ...variance(true),
    ...compared(c.periodActual),
    ...(path ? [{ body: forecastPathLine(c, path), caption: path.title, rows: 0, shape: 'line' as const }] : []),
  ];
}

/** Charts side by side in one band; more go in a band below, so the sheet keeps its printed width. */
export const CHARTS_PER_BAND = 3;

/** Rows the charts of a table take: bands of `bandRows` with a row between them. */
export const chartRowsUsed = (charts: number, bandRows: number) => {
  const bands = Math.ceil(charts / CHARTS_PER_BAND);
  return bands * bandRows + Math.max(bands - 1, 0);
};

/** The sheet charts of one table, from `place.left`, three side by side to a band, reading the table's cells. */
export function sheetCharts(c: TableCharts, place: ChartPlace, firstNumber: number): SheetChart[] {
  const dataOf: ChartDataOf = (rows, col, values) => data(place, c, rows, col, values);
  return chartList(c, dataOf).map(({ body: b }, n) => {
    const top = place.top + Math.floor(n / CHARTS_PER_BAND) * (place.rows + 1);
    const left = place.left + (n % CHARTS_PER_BAND) * (CHART_COLUMNS + 1);
    return { ...b, name: `Avvikelsediagram ${firstNumber + n}: ${c.table.title} – ${b.title}`, from: { row: top, col: left }, to: { row: top + place.rows, col: left + CHART_COLUMNS } };
  });
}
