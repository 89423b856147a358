/**
 * The fake Excel's charts (ExcelApi 1.1–1.9 members the adapter uses, checked as Excel checks them; see
 * fakeChartModel.ts): `worksheet.charts` with `add`, `getItem`, `getItemAt` and loadable names; a
 * chart's name, place, title, legend, axes and series; a series' cells, fill, line, points and data
 * labels. Every change is queued and checked at the sync; an object that is not there (a point past
 * the series' values, a chart name that is not on the sheet) fails it. `getDimensionValues` is
 * ExcelApi 1.12: a host below it (`new FakeExcel({ excelApi: '1.9' })`) fails the sync (`ApiNotFound`).
 */
import { FakeCollection, FakeObject, type FakeContext } from './fakeContext';
import { FakeExcelError, type FakeSheet } from './fakeModel';
import type { FakeRange } from './fakeRange';
import * as M from './fakeChartModel';
import { FakeChartAxis, FakeChartPoint, FakeDataLabels, FakeResult, FakeShapeFormat } from './fakeChartParts';

export class FakeChartSeries extends FakeObject {
  readonly format: FakeShapeFormat;
  readonly dataLabels: FakeDataLabels;
  readonly points: { getItemAt(index: number): FakeChartPoint };
  constructor(ctx: FakeContext, private readonly series: () => M.SeriesModel, private readonly chart: () => M.ChartModel) {
    super(ctx);
    this.format = new FakeShapeFormat(ctx, series);
    this.dataLabels = new FakeDataLabels(ctx, series, () => series().chartType ?? chart().type);
    this.points = {
      getItemAt: (index: number) =>
        new FakeChartPoint(ctx, () => {
          const s = series();
          const count = M.pointCount(s);
          if (!Number.isInteger(index) || index < 0 || index >= count) throw M.invalid(`The series ${s.name} has ${count} points; there is no point ${index}.`);
          if (!s.points.has(index)) s.points.set(index, {});
          return s.points.get(index)!;
        }, () => series().chartType ?? chart().type),
    };
  }
  protected current(prop: string): unknown {
    return prop === 'name' ? this.series().name : undefined;
  }
  private change(location: string, apply: (s: M.SeriesModel) => void): void {
    this.ctx.operation(null, () => apply(this.series()), { name: location, location: `ChartSeries.${location}` });
  }
  get name(): string {
    return this.loaded('name');
  }
  set name(value: string) {
    this.change('name', (s) => (s.name = value));
  }
  set chartType(value: string) {
    this.change('chartType', (s) => (s.chartType = M.oneOf(value, M.CHART_TYPES, 'chart type')));
  }
  set hasDataLabels(value: boolean) {
    this.change('hasDataLabels', (s) => (s.hasDataLabels = M.bool(value, 'hasDataLabels')));
  }
  set gapWidth(value: number) {
    this.change('gapWidth', (s) => (s.gapWidth = M.within(value, 0, 500, 'gapWidth')));
  }
  set overlap(value: number) {
    this.change('overlap', (s) => (s.overlap = M.within(value, -100, 100, 'overlap')));
  }
  setValues(range: FakeRange): void {
    this.change('setValues', (s) => (s.values = M.oneLine(range.target(), 'values')));
  }
  setXAxisValues(range: FakeRange): void {
    this.change('setXAxisValues', (s) => (s.categories = M.oneLine(range.target(), 'categories')));
  }
  /** ExcelApi 1.12: the values or categories as Excel shows them (text). */
  getDimensionValues(dimension: 'Values' | 'Categories'): FakeResult<string[]> {
    const result = new FakeResult<string[]>();
    this.ctx.queueLoad(() => {
      this.ctx.state.assertExcelApi('1.12', 'ChartSeries.getDimensionValues');
      const s = this.series();
      return result.capture(M.cellsOf(dimension === 'Values' ? s.values : s.categories).map(String));
    });
    return result;
  }
}

class FakeChartSeriesCollection extends FakeCollection<FakeChartSeries> {
  constructor(ctx: FakeContext, private readonly chart: () => M.ChartModel) {
    super(ctx);
  }
  protected createItems(): FakeChartSeries[] {
    return this.chart().series.map((s) => new FakeChartSeries(this.ctx, () => s, this.chart));
  }
  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.ctx, () => {
      const series = this.chart().series;
      if (!Number.isInteger(index) || index < 0 || index >= series.length) throw M.invalid(`The chart has ${series.length} series; there is no series ${index}.`);
      return series[index];
    }, this.chart);
  }
  add(name: string): FakeChartSeries {
    let added: M.SeriesModel | undefined;
    this.ctx.operation({ name }, () => this.chart().series.push((added = M.newSeries(name))), { name: 'Add', location: 'ChartSeriesCollection.add' });
    return new FakeChartSeries(this.ctx, () => added ?? (() => { throw M.invalid('The series was not added.'); })(), this.chart);
  }
}

export class FakeChart extends FakeObject {
  readonly series: FakeChartSeriesCollection;
  readonly axes: { categoryAxis: FakeChartAxis; valueAxis: FakeChartAxis };
  readonly title: { text: string; visible: boolean };
  readonly legend: { visible: boolean; position: string };
  constructor(ctx: FakeContext, private readonly chart: () => M.ChartModel) {
    super(ctx);
    this.series = new FakeChartSeriesCollection(ctx, chart);
    this.axes = { categoryAxis: new FakeChartAxis(ctx, () => chart().categoryAxis, 'category'), valueAxis: new FakeChartAxis(ctx, () => chart().valueAxis, 'value') };
    const change = (location: string, apply: (c: M.ChartModel) => void) => this.ctx.operation(null, () => apply(this.chart()), { name: location, location });
    this.title = {
      set text(v: string) { change('ChartTitle.text', (c) => (c.title.text = v)); },
      set visible(v: boolean) { change('ChartTitle.visible', (c) => (c.title.visible = M.bool(v, 'visible'))); },
    } as { text: string; visible: boolean };
    this.legend = {
      set visible(v: boolean) { change('ChartLegend.visible', (c) => (c.legend.visible = M.bool(v, 'visible'))); },
      set position(v: string) { change('ChartLegend.position', (c) => (c.legend.position = M.oneOf(v, M.LEGEND_POSITIONS, 'legend position'))); },
    } as { visible: boolean; position: string };
  }
  protected current(prop: string): unknown {
    return prop === 'name' ? this.chart().name : prop === 'chartType' ? this.chart().type : undefined;
  }
  private change(location: string, apply: (c: M.ChartModel) => void): void {
    this.ctx.operation(null, () => apply(this.chart()), { name: location, location: `Chart.${location}` });
  }
  get name(): string {
    return this.loaded('name');
  }
  set name(value: string) {
    this.change('name', (c) => (c.name = value));
  }
  set plotVisibleOnly(value: boolean) {
    this.change('plotVisibleOnly', (c) => (c.plotVisibleOnly = M.bool(value, 'plotVisibleOnly')));
  }
  /** From the top-left cell to the bottom-right one, both on the chart's sheet. */
  setPosition(start: FakeRange, end?: FakeRange): void {
    this.change('setPosition', (c) => {
      const a = start.target().box;
      const b = (end ?? start).target().box;
      if (b.bottom < a.top || b.right < a.left) throw M.invalid('The end cell of a chart lies above or left of its start cell.');
      c.from = { row: a.top, col: a.left };
      c.to = { row: b.bottom, col: b.right };
    });
  }
  delete(): void {
    this.change('delete', (c) => {
      const sheet = this.ctx.state.sheets.find((s) => s.charts.includes(c));
      if (!sheet) throw new FakeExcelError('ItemNotFound', `The chart ${c.name} was deleted already.`);
      if (sheet.protected) throw new FakeExcelError('AccessDenied', `The sheet ${sheet.name} is protected.`);
      sheet.charts.splice(sheet.charts.indexOf(c), 1);
    });
  }
}

/** `worksheet.charts`. */
export class FakeChartCollection extends FakeCollection<FakeChart> {
  constructor(ctx: FakeContext, private readonly sheet: () => FakeSheet) {
    super(ctx);
  }
  protected createItems(): FakeChart[] {
    return this.sheet().charts.map((c) => new FakeChart(this.ctx, () => c));
  }
  add(type: string, source: FakeRange, seriesBy = 'Auto'): FakeChart {
    let added: M.ChartModel | undefined;
    this.ctx.operation({ type, seriesBy }, () => {
      const sheet = this.sheet();
      if (sheet.protected) throw new FakeExcelError('AccessDenied', `The sheet ${sheet.name} is protected.`);
      const chartType = M.oneOf(type, M.CHART_TYPES, 'chart type');
      const series = M.seriesFrom(source.target(), M.oneOf(seriesBy, M.SERIES_BY, 'series-by value'));
      added = { name: `Chart ${sheet.charts.length + 1}`, type: chartType, title: {}, legend: {}, plotVisibleOnly: true, series, categoryAxis: {}, valueAxis: {} };
      sheet.charts.push(added);
    }, { name: 'Add', location: 'ChartCollection.add' });
    return new FakeChart(this.ctx, () => added ?? (() => { throw M.invalid('The chart was not added.'); })());
  }
  getItem(name: string): FakeChart {
    return new FakeChart(this.ctx, () => this.sheet().charts.find((c) => c.name === name) ?? (() => { throw new FakeExcelError('ItemNotFound', `No chart ${name} on ${this.sheet().name}.`); })());
  }
  getItemAt(index: number): FakeChart {
    return new FakeChart(this.ctx, () => this.sheet().charts[index] ?? (() => { throw M.invalid(`There is no chart ${index}.`); })());
  }
}
