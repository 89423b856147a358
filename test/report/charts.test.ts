/**
 * The chart model against the tables sheet: every figure a chart shows is the figure the table cell
 * shows (same row, same column, same rounding), for the shipped example and a ledger extract; rows in
 * table order, sums marked, colours by sign, the flags of the engine, top-N with a note, the defaults.
 */
import { Dec } from '../../src/core/decimal';
import type { StandardTable, TableRow } from '../../src/core/types';
import { analyzeWorkbook } from '../../src/report/analyze';
import { chartRows, MAX_BARS, tableCharts, type TableCharts } from '../../src/report/charts';
import { layoutTablesSheet } from '../../src/report/layout';
import { buildSettings, sheetSettings, type ReportSettings } from '../../src/report/settings';
import { DEFAULT_THRESHOLDS } from '../../src/core/thresholds';
import type { OutputSheet } from '../../src/workbook/port';
import { XlsxPackage } from '../../src/workbook/xlsx/xlsxPackage';

async function modelOf(file: string, settings: ReportSettings) {
  const data = await XlsxPackage.open(file).read();
  const model = analyzeWorkbook(data, settings);
  const rowOf = new Map<TableRow, number>();
  const sheet = layoutTablesSheet('Avvikelsetabeller', model.tables, (t) => sheetSettings(settings, t.sheet).thresholds, rowOf);
  const charts = model.tables.map((t) => tableCharts(t, sheetSettings(settings, t.sheet).thresholds, sheetSettings(settings, t.sheet).charts));
  return { model, sheet, rowOf, charts };
}

/** The value of the tables sheet's cell at a 0-based row and column. */
function cellValue(sheet: OutputSheet, row: number, col: number): unknown {
  return sheet.cells.find((c) => c.row === row && c.col === col)?.value;
}

/** Every chart figure against its table cell; returns how many figures were compared. */
function compareWithSheet(charts: (TableCharts | undefined)[], sheet: OutputSheet, rowOf: Map<TableRow, number>): number {
  let compared = 0;
  for (const c of charts) {
    if (!c) continue;
    const colOf = (id: string) => 1 + c.table.columns.findIndex((col) => col.id === id);
    const check = (rowIndex: number, label: string, id: string, value: { toNumber(): number }) => {
      const r = rowOf.get(c.table.rows[rowIndex])!;
      expect(cellValue(sheet, r, 0)).toBe(label);
      expect(cellValue(sheet, r, colOf(id))).toBe(value.toNumber());
      expect(Object.is(value.toNumber(), -0)).toBe(false);
      compared++;
    };
    for (const v of c.variance) for (const p of v.points) check(p.rowIndex, p.label, v.column, p.value);
    for (const cmp of [c.budgetForecast, c.periodActual]) for (const p of cmp?.points ?? []) {
      check(p.rowIndex, p.label, cmp!.budgetColumn, p.budget);
      check(p.rowIndex, p.label, cmp!.actualColumn, p.actual);
    }
  }
  return compared;
}

describe('chart model', () => {
  test('the shipped example: every chart figure is the tables sheet figure; defaults by table type', async () => {
    const settings = buildSettings({}, { months: 8, year: 2026, sheets: { Exploatering: { unit: 'mnkr' } } }, 2026);
    const { model, sheet, rowOf, charts } = await modelOf('examples/prognos-exempel.xlsx', settings);
    expect(compareWithSheet(charts, sheet, rowOf)).toBeGreaterThan(40);
    const byType = new Map(model.tables.map((t, i) => [t.type, charts[i]]));
    expect(byType.get('indikatorer')).toBeUndefined();
    const drift = byType.get('driftredovisning')!;
    expect(drift.variance.map((v) => v.title)).toEqual(['Avvikelse mot budget, helår, tkr', 'Avvikelse mot budget, perioden jan–aug, tkr']);
    const helar = drift.variance[0];
    // rows in table order, the totals marked, green for better than budget, red for worse
    expect(helar.points.map((p) => p.label)).toEqual(drift.table.rows.map((r) => r.label));
    expect(helar.points.filter((p) => p.sum).map((p) => p.label)).toEqual(['Verksamhetens kostnader', 'Årets resultat (nettokostnad)']);
    for (const p of helar.points) expect(p.tone).toBe(p.value.isZero() ? 'neutral' : p.value.isPositive() ? 'favourable' : 'unfavourable');
    expect(helar.points.some((p) => p.flag === 'comment')).toBe(true);
    expect(drift.budgetForecast?.title).toBe('Budget och prognos, helår, tkr');
    expect([drift.budgetForecast?.budgetColumn, drift.budgetForecast?.actualColumn]).toEqual(['budgetHelar', 'prognosHelar']);
    // the year so far: the period's utfall against the periodized budget, every row
    expect(drift.periodActual?.title).toBe('Utfall mot periodiserad budget, perioden jan–aug, tkr');
    expect([drift.periodActual?.budgetName, drift.periodActual?.actualName]).toEqual(['Budget', 'Utfall']);
    expect(drift.periodActual?.points.map((p) => p.label)).toEqual(drift.table.rows.map((r) => r.label));
    // Avvikelse % as its own bars where the table has the column (per verksamhet), same tones, one decimal
    expect(drift.variance.some((v) => v.percent)).toBe(false);
    const netto = byType.get('nettokostnad')!;
    const pct = netto.variance.filter((v) => v.percent);
    expect(pct.map((v) => [v.column, v.title])).toEqual([
      ['avvikelsePctHelar', 'Avvikelse mot budget i procent, helår'],
      ['avvikelsePctPeriod', 'Avvikelse mot budget i procent, perioden jan–aug'],
    ]);
    for (const p of pct[0].points) expect(p.tone).toBe(p.value.isZero() ? 'neutral' : p.value.isPositive() ? 'favourable' : 'unfavourable');
    expect(pct[0].points.some((p) => !p.value.isInteger())).toBe(true);
    const portfolio = model.tables.findIndex((t) => t.unit === 'mnkr');
    expect(charts[portfolio]?.numFmt).toBe('#,##0.0;-#,##0.0;0.0');
    expect(charts[portfolio]?.variance[0].title).toMatch(/, mnkr$/);
  });

  test('a ledger extract: the chart figures are the tables sheet figures', async () => {
    const settings = buildSettings({}, undefined, 2026);
    const { sheet, rowOf, charts } = await modelOf('examples/huvudbok-exempel.xlsx', settings);
    expect(charts.filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(compareWithSheet(charts, sheet, rowOf)).toBeGreaterThan(20);
  });

  test('the setting switches charts off (or on for indicators), per sheet or for all', async () => {
    const off = buildSettings({ charts: false }, { months: 8, year: 2026 }, 2026);
    expect((await modelOf('examples/prognos-exempel.xlsx', off)).charts.every((c) => c === undefined)).toBe(true);
    const perSheet = buildSettings({}, { months: 8, year: 2026, sheets: { Drift: { charts: false } } }, 2026);
    const { model, charts } = await modelOf('examples/prognos-exempel.xlsx', perSheet);
    model.tables.forEach((t, i) => {
      if (t.sheet === 'Drift') expect(charts[i]).toBeUndefined();
    });
    expect(() => buildSettings({}, { charts: 'ja' } as never, 2026)).toThrow('charts: "ja" ska vara true eller false');
  });

  test('over 40 rows: the largest deviations in table order, the grand total kept, a note naming the rest', () => {
    const rows: TableRow[] = Array.from({ length: 60 }, (_, i) => ({ label: `Projekt ${i + 1}`, kind: 'item', level: 0, values: { budgetHelar: new Dec(0), prognosHelar: new Dec(0), avvikelseHelar: new Dec((i % 2 ? -1 : 1) * i * 1000) }, flag: null, direction: null }));
    rows.push({ label: 'Summa', kind: 'sum', level: 0, values: { budgetHelar: new Dec(0), prognosHelar: new Dec(0), avvikelseHelar: new Dec(-400) }, flag: null, direction: null });
    const table: StandardTable = { sheet: 'Inv', type: 'investeringar', title: 'Investeringar', unit: 'tkr', labelHeader: 'Projekt, tkr', notes: [], rows, columns: [
      { id: 'budgetHelar', group: 'Helår', title: 'Budget', format: 'amount' },
      { id: 'prognosHelar', group: 'Helår', title: 'Prognos', format: 'amount' },
      { id: 'avvikelseHelar', group: 'Helår', title: 'Avvikelse', format: 'amount' },
    ] };
    const v = tableCharts(table, DEFAULT_THRESHOLDS)!.variance[0];
    expect(v.points).toHaveLength(MAX_BARS);
    expect(v.omitted).toBe(21);
    expect(v.note).toBe('Diagrammet visar de 40 största avvikelserna; 21 rader visas inte.');
    expect(v.points[v.points.length - 1].label).toBe('Summa');
    expect(v.points[0].label).toBe('Projekt 22');
    const indexes = v.points.map((p) => p.rowIndex);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    // a rounded -0.4 tkr is shown as 0, never -0, and is neither green nor red
    expect(Object.is(v.points[v.points.length - 1].value.toNumber(), -0)).toBe(false);
    expect(v.points[v.points.length - 1].tone).toBe('neutral');
    expect(chartRows(table, () => undefined)).toEqual({ rows: [], omitted: 0 });
  });
});
