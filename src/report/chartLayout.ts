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
import { CHART_COLORS, pointFill, type BudgetForecastChart, type TableCharts, type VarianceChart } from './charts';

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
export function varianceBars(c: TableCharts, v: VarianceChart, dataOf: ChartDataOf): Omit<SheetChart, 'name' | 'from' | 'to'> {
  const rows = v.points.map((p) => p.rowIndex);
  return {
    title: shownTitle(v.title, v.points.length, v.omitted),
    categories: dataOf(rows, 0, v.points.map((p) => p.label)),
    series: [{ name: 'Avvikelse', values: dataOf(rows, columnOf(c, v.column), v.points.map((p) => p.value.toNumber() || 0)), fill: CHART_COLORS.neutral.plain, points: v.points.map((p) => ({ fill: pointFill(p), outline: p.sum ? CHART_COLORS.sum : undefined })), labels: true }],
    numFmt: c.numFmt,
    axis: varianceAxis(v.points.map((p) => p.value)),
  };
}

/** Budget against prognos: prognos solid, budget outlined (IBCS), the totals darker. */
function budgetForecastBars(c: TableCharts, bf: BudgetForecastChart, dataOf: ChartDataOf): Omit<SheetChart, 'name' | 'from' | 'to'> {
  const rows = bf.points.map((p) => p.rowIndex);
  const pointsOf = (fill?: string) => bf.points.map((p) => ({ fill: p.sum && fill ? CHART_COLORS.sum : fill, outline: CHART_COLORS.budget }));
  return {
    title: shownTitle(bf.title, bf.points.length, bf.omitted),
    categories: dataOf(rows, 0, bf.points.map((p) => p.label)),
    series: [
      { name: 'Prognos', values: dataOf(rows, columnOf(c, 'prognosHelar'), bf.points.map((p) => p.prognos.toNumber() || 0)), fill: CHART_COLORS.prognos, points: pointsOf(CHART_COLORS.prognos) },
      { name: 'Budget', values: dataOf(rows, columnOf(c, 'budgetHelar'), bf.points.map((p) => p.budget.toNumber() || 0)), outline: CHART_COLORS.budget, points: pointsOf(undefined) },
    ],
    numFmt: c.numFmt,
    legend: true,
  };
}

/** The sheet charts of one table, side by side from `place.left`, reading the table's cells. */
export function sheetCharts(c: TableCharts, place: ChartPlace, firstNumber: number): SheetChart[] {
  const dataOf: ChartDataOf = (rows, col, values) => data(place, c, rows, col, values);
  const bars = [...c.variance.map((v) => varianceBars(c, v, dataOf)), ...(c.budgetForecast ? [budgetForecastBars(c, c.budgetForecast, dataOf)] : [])];
  return bars.map((b, n) => ({
    ...b,
    name: `Avvikelsediagram ${firstNumber + n}: ${c.table.title} – ${b.title}`,
    from: { row: place.top, col: place.left + n * (CHART_COLUMNS + 1) },
    to: { row: place.top + place.rows, col: place.left + n * (CHART_COLUMNS + 1) + CHART_COLUMNS },
  }));
}
