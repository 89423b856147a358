/**
 * The parts of the fake Excel's charts (see fakeCharts.ts): fills, lines and borders, data labels,
 * points and axes, each change queued and checked at the sync as Excel checks it (fakeChartModel.ts).
 */
import { FakeObject, type Capture, type FakeContext } from './fakeContext';
import { FakeExcelError } from './fakeModel';
import * as M from './fakeChartModel';

/** A part of a chart: no properties to load, only changes, each queued and checked at the sync. */
export abstract class FakePart extends FakeObject {
  protected current(): unknown {
    return undefined;
  }
  protected change(location: string, apply: () => void): void {
    this.ctx.operation(null, apply, { name: location, location });
  }
}

export class FakeChartFill extends FakePart {
  constructor(ctx: FakeContext, private readonly shape: () => M.ShapeModel) {
    super(ctx);
  }
  setSolidColor(value: string): void {
    this.change('ChartFill.setSolidColor', () => (this.shape().fill = M.color(value)));
  }
  clear(): void {
    this.change('ChartFill.clear', () => (this.shape().fill = null));
  }
}

/** `ChartLineFormat` (a series' line) and `ChartBorder` (a point's border). */
export class FakeChartLine extends FakePart {
  constructor(ctx: FakeContext, private readonly shape: () => M.ShapeModel, private readonly kind: string) {
    super(ctx);
  }
  private line(): M.LineModel {
    return (this.shape().line ??= { style: 'Automatic' });
  }
  set lineStyle(value: string) {
    this.change(`${this.kind}.lineStyle`, () => (this.line().style = M.oneOf(value, M.LINE_STYLES, 'line style')));
  }
  set color(value: string) {
    this.change(`${this.kind}.color`, () => (this.line().color = M.color(value)));
  }
  set weight(value: number) {
    this.change(`${this.kind}.weight`, () => (this.line().weight = M.within(value, 0, 1584, 'line weight')));
  }
}

export class FakeShapeFormat {
  readonly fill: FakeChartFill;
  readonly line: FakeChartLine;
  readonly border: FakeChartLine;
  constructor(ctx: FakeContext, shape: () => M.ShapeModel) {
    this.fill = new FakeChartFill(ctx, shape);
    this.line = new FakeChartLine(ctx, shape, 'ChartLineFormat');
    this.border = new FakeChartLine(ctx, shape, 'ChartBorder');
  }
}

export class FakeDataLabels extends FakePart {
  readonly format: { font: { size: number } };
  constructor(ctx: FakeContext, private readonly series: () => M.SeriesModel, private readonly type: () => string) {
    super(ctx);
    const size = (v: number) => this.set('fontSize', (x) => M.within(x, 1, 409, 'font size'), v);
    this.format = { font: { set size(v: number) { size(v); } } } as { font: { size: number } };
  }
  private labels(): M.LabelsModel {
    return this.series().labels;
  }
  private set(key: keyof M.LabelsModel, check: (v: unknown) => unknown, value: unknown): void {
    this.change(`ChartDataLabels.${key}`, () => Object.assign(this.labels(), { [key]: check(value) }));
  }
  set showValue(v: boolean) {
    this.set('showValue', (x) => M.bool(x, 'showValue'), v);
  }
  set showSeriesName(v: boolean) {
    this.set('showSeriesName', (x) => M.bool(x, 'showSeriesName'), v);
  }
  set showCategoryName(v: boolean) {
    this.set('showCategoryName', (x) => M.bool(x, 'showCategoryName'), v);
  }
  set showLegendKey(v: boolean) {
    this.set('showLegendKey', (x) => M.bool(x, 'showLegendKey'), v);
  }
  set numberFormat(v: string) {
    this.set('numberFormat', M.text, v);
  }
  set position(v: string) {
    this.set('position', (x) => M.labelPosition(x, this.type()), v);
  }
}

/** Chart types whose points have markers (Excel: marker colours apply only to line, scatter and radar charts). */
const MARKED = /^(Line|XYScatter|Radar)/;

export class FakeChartPoint extends FakePart {
  readonly format: FakeShapeFormat;
  constructor(ctx: FakeContext, private readonly point: () => M.ShapeModel, private readonly type: () => string) {
    super(ctx);
    this.format = new FakeShapeFormat(ctx, point);
  }
  set markerBackgroundColor(value: string) {
    this.change('ChartPoint.markerBackgroundColor', () => (this.marker().background = M.color(value)));
  }
  set markerForegroundColor(value: string) {
    this.change('ChartPoint.markerForegroundColor', () => (this.marker().foreground = M.color(value)));
  }
  private marker(): NonNullable<M.ShapeModel['marker']> {
    const type = this.type();
    if (!MARKED.test(type)) throw M.invalid(`A ${type} chart has no markers.`);
    const point = this.point();
    return (point.marker ??= {});
  }
}

/** A value Excel sends back at the sync (`ClientResult`). */
export class FakeResult<T> {
  private set = false;
  private held: T | undefined;
  get value(): T {
    if (!this.set) throw new FakeExcelError('PropertyNotLoaded', 'The value is not available before context.sync().');
    return this.held as T;
  }
  capture(value: T): Capture {
    return { bytes: JSON.stringify(value).length, commit: () => ((this.held = value), (this.set = true)) };
  }
}


export class FakeChartAxis extends FakePart {
  constructor(ctx: FakeContext, private readonly axis: () => M.AxisModel, private readonly kind: 'category' | 'value') {
    super(ctx);
  }
  private set<K extends keyof M.AxisModel>(key: K, value: () => M.AxisModel[K]): void {
    this.change(`ChartAxis.${key}`, () => (this.axis()[key] = value()));
  }
  set reversePlotOrder(v: boolean) {
    this.set('reversePlotOrder', () => M.bool(v, 'reversePlotOrder'));
  }
  set position(v: string) {
    this.set('position', () => M.oneOf(v, M.AXIS_POSITIONS, 'axis position'));
  }
  set tickLabelPosition(v: string) {
    this.set('tickLabelPosition', () => M.oneOf(v, M.TICK_LABEL_POSITIONS, 'tick label position'));
  }
  set numberFormat(v: string) {
    this.set('numberFormat', () => v);
  }
  /** A value axis's bounds; a category axis of text has none, and the minimum stays below the maximum. */
  private bound(key: 'minimum' | 'maximum', v: number): number {
    if (this.kind !== 'value') throw M.invalid(`A category axis has no ${key}.`);
    const value = M.within(v, -9.99e307, 9.99e307, key);
    const bounds: M.AxisModel = { ...this.axis(), [key]: value };
    const { minimum, maximum } = bounds;
    if (minimum !== undefined && maximum !== undefined && minimum >= maximum) throw M.invalid(`The minimum (${minimum}) must be less than the maximum (${maximum}).`);
    return value;
  }
  set minimum(v: number) {
    this.set('minimum', () => this.bound('minimum', v));
  }
  set maximum(v: number) {
    this.set('maximum', () => this.bound('maximum', v));
  }
}

