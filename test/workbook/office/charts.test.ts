/// <reference types="office-js" />
/**
 * Our charts written through the Excel chart API (the fake Excel, as strict as Excel on what we use):
 * for the shipped example and a ledger extract, each chart on the tables sheet has the series values,
 * categories, colours, labels, bounds and place its `SheetChart` says, read from the table cells the
 * adapter wrote; no sync more than without charts; a re-run replaces ours and keeps a user's chart;
 * data without cells goes to hidden columns the chart plots.
 */
import { buildSettings, type ReportSettings } from '../../../src/report/settings';
import { runReport } from '../../../src/report/run';
import { MemoryWorkbook } from '../../../src/workbook/memory/memoryWorkbook';
import { OfficeWorkbook } from '../../../src/workbook/office/officeWorkbook';
import { OPERATION_BYTES } from '../../../src/workbook/office/payload';
import { chartOperations } from '../../../src/workbook/office/writeCharts';
import type { OutputSheet, SheetChart, WorkbookData } from '../../../src/workbook/port';
import { XlsxPackage } from '../../../src/workbook/xlsx/xlsxPackage';
import { cellsOf, type ChartModel, type ShapeModel } from './fakeChartModel';
import { FakeExcel, FakeExcelError, type Scalar } from './fakeExcel';
import { calculate } from './miniCalc';

const TABLES = 'Avvikelsetabeller';
const EXAMPLE = buildSettings({}, { months: 8, year: 2026, sheets: { Exploatering: { unit: 'mnkr' } } }, 2026);
const LEDGER = buildSettings({}, undefined, 2026);

const scalar = (v: unknown): Scalar | null => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null);

/** The fake Excel with the workbook's sheets (values as read), and the adapter over it. */
function excelOf(data: WorkbookData): { excel: FakeExcel; workbook: OfficeWorkbook } {
  const excel = new FakeExcel({ calculate });
  for (const sheet of data.sheets) excel.addSheet(sheet.name, sheet.values.map((row) => row.map(scalar)));
  return { excel, workbook: new OfficeWorkbook({ run: excel.excelRun }) };
}

/** The same workbook in memory: the plan's charts as `SheetChart`s. */
function memoryOf(data: WorkbookData): MemoryWorkbook {
  return new MemoryWorkbook(data.sheets.map((s) => ({ name: s.name, values: s.values })));
}

/** What a fill and outline from the plan become in Excel: `#RRGGBB` or cleared, a 1 pt line or none. */
const fillOf = (fill?: string) => (fill ? `#${fill}` : null);
const lineOf = (outline?: string) => (outline ? { style: 'Continuous', color: `#${outline}`, weight: 1 } : { style: 'None' });
const shape = (s: ShapeModel | undefined) => ({ fill: s?.fill, line: s?.line });

/** A chart as the plan says it should look in Excel. */
function expected(c: SheetChart) {
  return {
    name: c.name,
    type: 'BarClustered',
    from: c.from,
    to: { row: c.to.row - 1, col: c.to.col - 1 },
    title: c.title,
    legend: c.legend === true,
    categories: c.categories.values,
    series: c.series.map((s) => ({
      name: s.name,
      values: s.values.values,
      ...shape({ fill: fillOf(s.fill), line: lineOf(s.outline) }),
      points: (s.points ?? []).map((p) => shape({ fill: fillOf(p.fill), line: lineOf(p.outline) })),
      labels: s.labels ? { numberFormat: c.numFmt, position: 'OutsideEnd', showValue: true } : undefined,
    })),
    bounds: c.axis ? { minimum: c.axis.min, maximum: c.axis.max } : {},
    numberFormat: c.numFmt,
  };
}

/** A chart in the fake Excel, its series read from the cells they refer to. */
function actual(c: ChartModel) {
  return {
    name: c.name,
    type: c.type,
    from: c.from,
    to: c.to,
    title: c.title.visible ? c.title.text : '',
    legend: c.legend.visible === true,
    categories: cellsOf(c.series[0].categories),
    series: c.series.map((s) => ({
      name: s.name,
      values: cellsOf(s.values),
      ...shape(s),
      points: [...s.points.keys()].sort((a, b) => a - b).map((i) => shape(s.points.get(i))),
      labels: s.hasDataLabels ? { numberFormat: s.labels.numberFormat, position: s.labels.position, showValue: s.labels.showValue } : undefined,
    })),
    bounds: { minimum: c.valueAxis.minimum, maximum: c.valueAxis.maximum },
    numberFormat: c.valueAxis.numberFormat,
  };
}

/** Runs the report on the file in the fake Excel and in memory; the fake's charts and the plan's. */
async function runBoth(file: string, settings: ReportSettings) {
  const data = await XlsxPackage.open(file).read();
  const { excel, workbook } = excelOf(data);
  const result = await runReport(workbook, settings);
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  const memory = memoryOf(data);
  await runReport(memory, settings);
  return { excel, workbook, memory, data, planned: memory.chartsOn(TABLES) };
}

describe('charts written through the Excel chart API', () => {
  test.each([
    ['the shipped example', 'examples/prognos-exempel.xlsx', EXAMPLE, 6],
    ['a ledger extract', 'examples/huvudbok-exempel.xlsx', LEDGER, 2],
  ])('%s: every chart as its SheetChart says, its series reading the table cells', async (_, file, settings, least) => {
    const { excel, planned } = await runBoth(file, settings);
    expect(planned.length).toBeGreaterThanOrEqual(least);
    const charts = excel.sheet(TABLES).charts;
    expect(charts.map(actual)).toEqual(planned.map(expected));
    // the bars read the table's cells: a category is the row label in column A, a value the cell beside it
    const sheet = excel.sheet(TABLES);
    charts.forEach((c, i) => {
      // a chart of one block of table rows reads the table: labels in column A, figures beside them;
      // one of picked rows reads its own hidden columns, and plots them though hidden
      const ownCells = planned[i].categories.ref !== undefined;
      expect(c.plotVisibleOnly).toBe(ownCells);
      for (const s of c.series) {
        expect(s.values!.sheet).toBe(sheet);
        if (ownCells) expect(s.categories!.box.left).toBe(0);
        else expect(sheet.hiddenColumns.has(s.categories!.box.left) && sheet.hiddenColumns.has(s.values!.box.left)).toBe(true);
        expect([s.values!.box.top, s.values!.box.bottom]).toEqual([s.categories!.box.top, s.categories!.box.bottom]);
      }
      expect(c.categoryAxis).toMatchObject({ reversePlotOrder: true, position: 'Maximum', tickLabelPosition: 'Low' });
    });
    // favourable green, unfavourable red: each bar's colour agrees with the sign of the cell it reads
    const variance = charts.filter((c) => c.series.length === 1);
    expect(variance.length).toBeGreaterThan(0);
    for (const c of variance) {
      cellsOf(c.series[0].values).forEach((v, i) => {
        const fill = c.series[0].points.get(i)?.fill;
        if (Number(v) > 0) expect(['#81C784', '#2E7D32']).toContain(fill);
        if (Number(v) < 0) expect(['#E57373', '#C62828']).toContain(fill);
      });
    }
  });

  test('charts cost no sync: the write takes as many syncs with them as without', async () => {
    const data = await XlsxPackage.open('examples/prognos-exempel.xlsx').read();
    const withCharts = excelOf(data);
    await runReport(withCharts.workbook, EXAMPLE);
    const without = excelOf(data);
    await runReport(without.workbook, buildSettings({ charts: false }, { months: 8, year: 2026, sheets: { Exploatering: { unit: 'mnkr' } } }, 2026));
    expect(withCharts.excel.sheet(TABLES).charts.length).toBeGreaterThanOrEqual(6);
    expect(without.excel.sheet(TABLES).charts).toEqual([]);
    expect(withCharts.excel.syncCounts()).toEqual(without.excel.syncCounts());
    // one read and one inspection, then the writes: two syncs (the charts' commands ride in them)
    expect(withCharts.excel.syncCounts()).toEqual([3, 2]);
  });

  test('thirty charts of forty bars each take no more syncs than one', async () => {
    const syncsFor = async (count: number) => {
      const excel = new FakeExcel();
      excel.addSheet('Drift', [['x']]);
      const cells = Array.from({ length: 40 }, (_, row) => [{ row, col: 0, value: `Rad ${row + 1}` }, { row, col: 1, value: row % 2 ? -row * 100 : row * 100 }]).flat();
      const chart = (n: number): SheetChart => ({
        name: `Avvikelsediagram ${n}`,
        title: `Diagram ${n}`,
        from: { row: n * 15, col: 3 },
        to: { row: n * 15 + 14, col: 10 },
        categories: { ref: `${TABLES}!$A$1:$A$40`, values: cells.filter((c) => c.col === 0).map((c) => String(c.value)) },
        series: [{ name: 'Avvikelse', values: { ref: `${TABLES}!$B$1:$B$40`, values: cells.filter((c) => c.col === 1).map((c) => Number(c.value)) }, points: cells.filter((c) => c.col === 1).map((c) => ({ fill: Number(c.value) < 0 ? 'C62828' : '2E7D32', outline: '262626' })), labels: true }],
        numFmt: '#,##0;-#,##0;0',
      });
      const out: OutputSheet = { name: TABLES, cells, merges: [], columnWidths: [30, 10], conditionalFormats: [], charts: Array.from({ length: count }, (_, n) => chart(n + 1)) };
      await new OfficeWorkbook({ run: excel.excelRun }).write({ cellWrites: [], sheets: [out], names: { Avvikelse_Tabeller: `${TABLES}!$A$1:$B$40` } });
      expect(excel.sheet(TABLES).charts).toHaveLength(count);
      expect(excel.sheet(TABLES).charts[count - 1].series[0].points.get(39)).toEqual({ fill: '#C62828', line: { style: 'Continuous', color: '#262626', weight: 1 } });
      return { counts: excel.syncCounts(), request: excel.runs[excel.runs.length - 1].reduce((n, r) => n + r.request, 0), chart: chart(1) };
    };
    const [one, thirty] = [await syncsFor(1), await syncsFor(30)];
    expect(thirty.counts).toEqual(one.counts);
    // the budget's estimate of a chart is no less than what the chart's commands weigh as sent
    const perChart = (thirty.request - one.request) / 29;
    expect(chartOperations(one.chart) * OPERATION_BYTES).toBeGreaterThanOrEqual(perChart);
  });

  test("a re-run replaces our charts in place and keeps the user's, on our sheet and on theirs", async () => {
    const { excel, workbook, planned } = await runBoth('examples/prognos-exempel.xlsx', EXAMPLE);
    const mine = (): ChartModel => ({ name: 'Mitt diagram', type: 'ColumnClustered', title: { text: 'Mitt' }, legend: {}, plotVisibleOnly: true, series: [], categoryAxis: {}, valueAxis: {}, from: { row: 0, col: 30 }, to: { row: 10, col: 36 } });
    excel.sheet(TABLES).charts.push(mine());
    excel.sheet('Drift').charts.push(mine());
    const before = excel.runs.length;
    const again = await runReport(workbook, EXAMPLE);
    expect(again.written).toBe(true);
    expect(again.notes).toContain(`Fliken ${TABLES}: diagrammet Mitt diagram är inte skapat av Avvikelse och lämnades kvar; Avvikelse ritar bara om sina egna diagram (Avvikelsediagram …). Flytta det till en egen flik om det skymmer tabellerna.`);
    expect(again.notes.filter((n) => n.includes('Mitt diagram'))).toHaveLength(1);
    expect(excel.sheet(TABLES).charts.map((c) => c.name)).toEqual(['Mitt diagram', ...planned.map((c) => c.name)]);
    expect(excel.sheet(TABLES).charts.slice(1).map(actual)).toEqual(planned.map(expected));
    expect(excel.sheet('Drift').charts.map((c) => c.name)).toEqual(['Mitt diagram']);
    expect(excel.syncCounts(before)).toEqual(excel.syncCounts().slice(0, before));
    // charts switched off: ours go, the user's stay
    await runReport(workbook, buildSettings({ charts: false }, { months: 8, year: 2026, sheets: { Exploatering: { unit: 'mnkr' } } }, 2026));
    expect(excel.sheet(TABLES).charts.map((c) => c.name)).toEqual(['Mitt diagram']);
  });

  test('a chart of picked rows: its values in hidden columns right of everything, plotted though hidden', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Drift', [['x']]);
    const chart: SheetChart = {
      name: 'Avvikelsediagram 1: Investeringar – Avvikelse mot budget, helår, tkr (2 av 61 rader)',
      title: 'Avvikelse',
      from: { row: 0, col: 5 },
      to: { row: 14, col: 12 },
      categories: { values: ['Skola', '=Summa'] },
      series: [{ name: 'Avvikelse', values: { values: [-1832, 650] }, fill: '9E9E9E', points: [{ fill: 'C62828' }, { fill: '81C784', outline: '262626' }], labels: true }],
      numFmt: '#,##0;-#,##0;0',
      axis: { min: -2500, max: 1000 },
    };
    const out: OutputSheet = { name: TABLES, cells: [{ row: 0, col: 0, value: 'Tabell' }], merges: [], columnWidths: [30, 10, 10], conditionalFormats: [], charts: [chart] };
    await new OfficeWorkbook({ run: excel.excelRun }).write({ cellWrites: [], sheets: [out], names: { Avvikelse_Tabeller: `'${TABLES}'!$A$1:$C$3` } });
    const sheet = excel.sheet(TABLES);
    // past the charts' last column (L), one spare: N for the categories, O for the values
    expect([...sheet.hiddenColumns].sort()).toEqual([13, 14]);
    const [written] = sheet.charts;
    expect(written.plotVisibleOnly).toBe(false);
    expect(actual(written)).toEqual(expected(chart));
    expect(written.series[0].categories!.box).toEqual({ top: 0, left: 13, bottom: 1, right: 13 });
    expect(sheet.value(1, 13)).toBe('=Summa');
    // the name that marks our area covers the hidden columns, so the next run takes their cells as ours
    expect(excel.names.get('Avvikelse_Tabeller')).toBe(`=${TABLES}!$A$1:$O$3`);
  });
});

test("the forecast's path: a line chart with markers, the budget a dashed plain line, values in hidden columns", async () => {
  const excel = new FakeExcel();
  excel.addSheet('Drift', [['x']]);
  const chart: SheetChart = {
    type: 'line',
    name: 'Avvikelsediagram 4: Driftredovisning – Helårsprognos per prognostillfälle',
    title: 'Helårsprognos per prognostillfälle, Årets resultat (nettokostnad), tkr',
    from: { row: 0, col: 5 },
    to: { row: 14, col: 12 },
    categories: { values: ['jan–apr', 'jan–aug', 'Bokslut'] },
    series: [
      { name: 'Helårsprognos', values: { values: [140017, 142071, 143036] }, outline: '1F4E79', markers: true, points: [{ fill: '1F4E79' }, { fill: '1F4E79' }, { fill: '262626' }], labels: true },
      { name: 'Budget helår 136 745', dashed: true, values: { values: [136745, 136745, 136745] }, outline: '262626' },
    ],
    numFmt: '#,##0;-#,##0;0',
    legend: true,
  };
  const out: OutputSheet = { name: TABLES, cells: [{ row: 0, col: 0, value: 'Tabell' }], merges: [], columnWidths: [30, 10, 10], conditionalFormats: [], charts: [chart] };
  await new OfficeWorkbook({ run: excel.excelRun }).write({ cellWrites: [], sheets: [out], names: { Avvikelse_Tabeller: `'${TABLES}'!$A$1:$C$3` } });
  const [written] = excel.sheet(TABLES).charts;
  expect(written.type).toBe('LineMarkers');
  const [path, budget] = written.series;
  expect(cellsOf(path.values)).toEqual([140017, 142071, 143036]);
  expect(path.chartType).toBeUndefined();
  expect(path.labels.position).toBe('Right');
  // a line's points are coloured through their markers; the segments keep the series' line
  expect(path.points.get(2)).toEqual({ marker: { background: '#262626', foreground: '#262626' } });
  expect(path.points.get(0)).toEqual({ marker: { background: '#1F4E79', foreground: '#1F4E79' } });
  expect(budget.chartType).toBe('Line');
  expect(budget.line).toEqual({ style: 'Dash', color: '#262626', weight: 1 });
  expect(cellsOf(budget.values)).toEqual([136745, 136745, 136745]);
  // the category axis is not reversed: that is for bars, read top to bottom
  expect(written.categoryAxis.reversePlotOrder).toBeUndefined();
});

test('a chart Excel refuses comes after every sheet: the sheets are written, the error names the charts', async () => {
  const excel = new FakeExcel();
  excel.addSheet('Drift', [['x']]);
  const bad: SheetChart = { name: 'Avvikelsediagram 1', title: '', from: { row: 0, col: 3 }, to: { row: 10, col: 9 }, categories: { values: ['a'] }, series: [{ name: 'Avvikelse', values: { values: [1] } }], numFmt: '0', axis: { min: 5, max: 1 } };
  const sheet = (name: string, charts: SheetChart[] = []): OutputSheet => ({ name, cells: [{ row: 0, col: 0, value: name }], merges: [], columnWidths: [], conditionalFormats: [], charts });
  const plan = { cellWrites: [], sheets: [sheet(TABLES, [bad]), sheet('Kommentarer')], names: { Avvikelse_Tabeller: `${TABLES}!$A$1:$A$1`, Avvikelse_Kommentarer: 'Kommentarer!$A$1:$A$1' } };
  const error = await new OfficeWorkbook({ run: excel.excelRun }).write(plan).then(() => null, (e: Error) => e);
  expect(error?.message).toBe(
    'Excel kunde inte skriva avvikelserna i någon av flikarna Avvikelsetabeller, Kommentarer (InvalidArgument): The minimum (5) must be less than the maximum (1). ' +
      'Kanske delvis skrivet (Excel avbröt mitt i): flikarna Avvikelsetabeller och Kommentarer (tomma) och namnen som märker Avvikelses flikar, fliken Avvikelsetabeller, fliken Kommentarer och diagrammen i fliken Avvikelsetabeller. ' +
      'Kör Avvikelse igen när felet är åtgärdat; den tar över det som redan skrevs.',
  );
  expect(excel.sheet('Kommentarer').value(0, 0)).toBe('Kommentarer');
  expect(excel.sheet(TABLES).value(0, 0)).toBe(TABLES);
});

describe("the fake Excel's charts are as strict as Excel on what the adapter uses", () => {
  async function failing(excel: FakeExcel, batch: (sheet: Excel.Worksheet) => void): Promise<FakeExcelError> {
    return excel.excelRun(async (context) => {
      batch(context.workbook.worksheets.getItem('S'));
      await context.sync();
    }).then(() => {
      throw new Error('the batch did not fail');
    }, (e: FakeExcelError) => e);
  }
  const sheetWithData = (options = {}) => {
    const excel = new FakeExcel(options);
    excel.addSheet('S', [['a', 1], ['b', -2], ['c', 3]]);
    return excel;
  };

  test('invalid enumerations and out-of-range numbers fail the sync with InvalidArgument', async () => {
    const excel = sheetWithData();
    const add = (s: Excel.Worksheet) => s.charts.add('BarClustered', s.getRange('B1:B3'), 'Columns');
    expect((await failing(excel, (s) => s.charts.add('Sideways' as 'BarClustered', s.getRange('B1:B3')))).code).toBe('InvalidArgument');
    expect((await failing(excel, (s) => (add(s).legend.position = 'Middle' as 'Bottom'))).code).toBe('InvalidArgument');
    expect((await failing(excel, (s) => (add(s).series.getItemAt(0).gapWidth = 600))).code).toBe('InvalidArgument');
    expect((await failing(excel, (s) => (add(s).series.getItemAt(0).dataLabels.position = 'Top'))).code).toBe('InvalidArgument');
    expect((await failing(excel, (s) => add(s).series.getItemAt(0).points.getItemAt(0).format.fill.setSolidColor('grönt!'))).code).toBe('InvalidArgument');
    expect((await failing(excel, (s) => (add(s).axes.categoryAxis.minimum = 0))).code).toBe('InvalidArgument');
    expect((await failing(excel, (s) => add(s).series.getItemAt(0).setValues(s.getRange('A1:B3')))).code).toBe('InvalidArgument');
    // marker colours apply only to line, scatter and radar charts
    expect((await failing(excel, (s) => (add(s).series.getItemAt(0).points.getItemAt(0).markerBackgroundColor = '#262626'))).code).toBe('InvalidArgument');
    // as in Excel, a failed batch keeps what ran before the failing command (no rollback): the charts added
    expect(excel.sheet('S').charts.length).toBe(7);
  });

  test('points within the series, series within the chart, charts by their name', async () => {
    const excel = sheetWithData();
    const add = (s: Excel.Worksheet) => s.charts.add('BarClustered', s.getRange('B1:B3'), 'Columns');
    expect((await failing(excel, (s) => add(s).series.getItemAt(0).points.getItemAt(3).format.fill.clear())).message).toMatch('has 3 points; there is no point 3');
    expect((await failing(excel, (s) => (add(s).series.getItemAt(1).name = 'x'))).code).toBe('InvalidArgument');
    expect((await failing(excel, (s) => s.charts.getItem('Finns inte').delete())).code).toBe('ItemNotFound');
    await excel.excelRun(async (context) => {
      const s = context.workbook.worksheets.getItem('S');
      const chart = add(s);
      chart.name = 'Ett';
      chart.series.getItemAt(0).points.getItemAt(2).format.fill.setSolidColor('#2E7D32');
      await context.sync();
    });
    expect(excel.sheet('S').charts.find((c) => c.name === 'Ett')?.series[0].points.get(2)).toEqual({ fill: '#2E7D32' });
  });

  test('names are read after load and sync; getDimensionValues needs ExcelApi 1.12', async () => {
    const excel = sheetWithData();
    await excel.excelRun(async (context) => {
      const s = context.workbook.worksheets.getItem('S');
      s.charts.add('BarClustered', s.getRange('B1:B3'), 'Columns').name = 'Ett';
      const charts = s.charts.load('items/name');
      expect(() => charts.items).toThrow('context.sync()');
      await context.sync();
      expect(charts.items.map((c) => c.name)).toEqual(['Ett']);
    });
    const values = (run: typeof Excel.run) =>
      run(async (context) => {
        const result = context.workbook.worksheets.getItem('S').charts.getItem('Ett').series.getItemAt(0).getDimensionValues('Values');
        await context.sync();
        return result.value;
      });
    await expect(values(excel.excelRun)).rejects.toMatchObject({ code: 'ApiNotFound' });
    const newer = sheetWithData({ excelApi: '1.12' });
    await newer.excelRun(async (context) => {
      const s = context.workbook.worksheets.getItem('S');
      s.charts.add('BarClustered', s.getRange('B1:B3'), 'Columns').name = 'Ett';
      await context.sync();
    });
    expect(await values(newer.excelRun)).toEqual(['1', '-2', '3']);
  });
});
