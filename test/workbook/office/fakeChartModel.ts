/**
 * The state of the fake Excel's charts (see fakeCharts.ts for the proxies) and the checks Excel makes
 * of what is set on them: enumerations and ranges of numbers refused with `InvalidArgument`, colours
 * as `#RRGGBB` or a name, a series' data from one row or one column, a data label position the chart
 * type has. A series keeps the cells it reads, not their values: its values follow the cells.
 */
import type { Box, FakeSheet, Scalar } from './fakeModel';
import { FakeExcelError } from './fakeModel';

/** Cells a series reads. */
export interface CellsRef {
  sheet: FakeSheet;
  box: Box;
}

export interface LineModel {
  style: string;
  color?: string;
  weight?: number;
}

/** A fill: a colour, `null` when cleared (no fill), undefined when never set (automatic). */
export interface ShapeModel {
  fill?: string | null;
  line?: LineModel;
  /** A line chart's marker colours (`ChartPoint.markerBackgroundColor`, `markerForegroundColor`). */
  marker?: { background?: string; foreground?: string };
}

export interface LabelsModel {
  showValue?: boolean;
  showSeriesName?: boolean;
  showCategoryName?: boolean;
  showLegendKey?: boolean;
  numberFormat?: string;
  position?: string;
  fontSize?: number;
}

export interface SeriesModel extends ShapeModel {
  name: string;
  values: CellsRef | null;
  categories: CellsRef | null;
  chartType?: string;
  points: Map<number, ShapeModel>;
  hasDataLabels: boolean;
  labels: LabelsModel;
  gapWidth?: number;
  overlap?: number;
}

export interface AxisModel {
  reversePlotOrder?: boolean;
  position?: string;
  tickLabelPosition?: string;
  numberFormat?: string;
  minimum?: number;
  maximum?: number;
}

export interface ChartModel {
  name: string;
  type: string;
  /** Cells the chart covers (`setPosition`), 0-based, inclusive; undefined = Excel's default place. */
  from?: { row: number; col: number };
  to?: { row: number; col: number };
  title: { text?: string; visible?: boolean };
  legend: { visible?: boolean; position?: string };
  plotVisibleOnly: boolean;
  series: SeriesModel[];
  categoryAxis: AxisModel;
  valueAxis: AxisModel;
}

export const CHART_TYPES = new Set(['ColumnClustered', 'ColumnStacked', 'ColumnStacked100', 'BarClustered', 'BarStacked', 'BarStacked100', 'Line', 'LineStacked', 'LineStacked100', 'LineMarkers', 'LineMarkersStacked', 'LineMarkersStacked100', 'Pie', 'Doughnut', 'Area', 'AreaStacked', 'AreaStacked100', 'XYScatter', 'Waterfall']);
export const SERIES_BY = new Set(['Auto', 'Columns', 'Rows']);
export const LINE_STYLES = new Set(['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Grey25', 'Grey50', 'Grey75', 'Automatic', 'RoundDot']);
export const LEGEND_POSITIONS = new Set(['Top', 'Bottom', 'Left', 'Right', 'Corner', 'Custom']);
export const AXIS_POSITIONS = new Set(['Automatic', 'Maximum', 'Minimum', 'Custom']);
export const TICK_LABEL_POSITIONS = new Set(['NextToAxis', 'High', 'Low', 'None']);
/** The data label positions Excel takes, by chart family (a bar has no `Top`, a line no `OutsideEnd`). */
const LABEL_POSITIONS: Record<'bar' | 'line' | 'other', Set<string>> = {
  bar: new Set(['Center', 'InsideEnd', 'InsideBase', 'OutsideEnd']),
  line: new Set(['Center', 'Left', 'Right', 'Top', 'Bottom']),
  other: new Set(['Center', 'InsideEnd', 'InsideBase', 'OutsideEnd', 'Left', 'Right', 'Top', 'Bottom', 'BestFit']),
};

export const invalid = (message: string): FakeExcelError => new FakeExcelError('InvalidArgument', message);

/** Refuses a value outside an enumeration, as Excel refuses `"Sideways"` for a legend position. */
export function oneOf(value: unknown, allowed: Set<string>, what: string): string {
  if (typeof value !== 'string' || !allowed.has(value)) throw invalid(`${String(value)} is not a valid ${what}.`);
  return value;
}

/** Refuses a number outside `[min, max]` (or not a number). */
export function within(value: unknown, min: number, max: number, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) throw invalid(`${String(value)} is out of range for ${what} (${min}–${max}).`);
  return value;
}

/** A colour as Excel takes one: `#RRGGBB` or a colour name (`red`). */
export function color(value: unknown): string {
  if (typeof value !== 'string' || !/^(#[0-9A-Fa-f]{6}|[A-Za-z]+)$/.test(value)) throw invalid(`${String(value)} is not a valid color.`);
  return value;
}

export function text(value: unknown): string {
  if (typeof value !== 'string') throw invalid(`${String(value)} is not text.`);
  return value;
}

export function bool(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') throw invalid(`${what} takes true or false, not ${String(value)}.`);
  return value;
}

const family = (type: string): 'bar' | 'line' | 'other' => (/^(Bar|Column)/.test(type) ? 'bar' : /^Line/.test(type) ? 'line' : 'other');

/** The data label position the type of the series (or its chart) has. */
export function labelPosition(value: unknown, type: string): string {
  return oneOf(value, LABEL_POSITIONS[family(type)], `data label position for a ${type} chart`);
}

/** Series data comes from one row or one column. */
export function oneLine(ref: CellsRef, what: string): CellsRef {
  const { box } = ref;
  if (box.top !== box.bottom && box.left !== box.right) throw invalid(`The ${what} of a series must be one row or one column.`);
  return ref;
}

/** The cells of a reference, in order (down a column or along a row). */
export function cellsOf(ref: CellsRef | null): Scalar[] {
  if (!ref) return [];
  const out: Scalar[] = [];
  for (let r = ref.box.top; r <= ref.box.bottom; r++) for (let c = ref.box.left; c <= ref.box.right; c++) out.push(ref.sheet.value(r, c));
  return out;
}

/** How many points a series has: the cells of its values. */
export const pointCount = (series: SeriesModel): number => cellsOf(series.values).length;

/** The series a chart gets from its source range: one per column (or row), named as Excel names them. */
export function seriesFrom(ref: CellsRef, seriesBy: string): SeriesModel[] {
  const { box } = ref;
  const rows = box.bottom - box.top + 1;
  const cols = box.right - box.left + 1;
  const byColumns = seriesBy === 'Columns' || (seriesBy === 'Auto' && rows >= cols);
  const count = byColumns ? cols : rows;
  return Array.from({ length: count }, (_, i) => ({
    name: `Series${i + 1}`,
    values: { sheet: ref.sheet, box: byColumns ? { ...box, left: box.left + i, right: box.left + i } : { ...box, top: box.top + i, bottom: box.top + i } },
    categories: null,
    points: new Map(),
    hasDataLabels: false,
    labels: {},
  }));
}

export const newSeries = (name: string): SeriesModel => ({ name, values: null, categories: null, points: new Map(), hasDataLabels: false, labels: {} });
