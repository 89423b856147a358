/**
 * The year so far as a chart model: the driftredovisning total's helårsprognos at each recorded
 * forecast and the year's outcome, rounded as the tables round them (half away from zero, never -0),
 * the budget as its reference; none without an earlier forecast, none for other tables.
 */
import { Dec } from '../../src/core/decimal';
import { rowKey, type ForecastHistory, type HistoryFigures, type HistoryPeriod } from '../../src/core/history';
import { DEFAULT_THRESHOLDS } from '../../src/core/thresholds';
import type { StandardTable, TableRow } from '../../src/core/types';
import { tableCharts } from '../../src/report/charts';
import { forecastPathChart } from '../../src/report/yearCharts';

const TOTAL = 'Årets resultat (nettokostnad)';
const d = (v: string) => new Dec(v);

function row(label: string, kind: TableRow['kind'], budget: string, utfall: string): TableRow {
  return { label, kind, level: 0, values: { budgetPeriod: d(budget), utfallPeriod: d(utfall), avvikelsePeriod: d(budget).minus(d(utfall)) }, flag: null, direction: null };
}

function drift(type: StandardTable['type'] = 'driftredovisning'): StandardTable {
  return {
    sheet: 'Drift', type, title: 'Driftredovisning', unit: 'tkr', labelHeader: 'Kategori, tkr', notes: [], annual: true,
    columns: [
      { id: 'budgetPeriod', group: 'Helår', title: 'Budget', format: 'amount' },
      { id: 'utfallPeriod', group: 'Helår', title: 'Utfall', format: 'amount' },
      { id: 'avvikelsePeriod', group: 'Helår', title: 'Avvikelse', format: 'amount' },
    ],
    rows: [row('Personal', 'item', '88310000', '92956000'), row(TOTAL, 'net', '136745000', '143035500')],
  };
}

function period(label: string, months: number, year: number, outcome: boolean, figures: HistoryFigures): HistoryPeriod {
  return { label, months, year, outcome, figures: new Map([[rowKey('Drift', TOTAL), figures]]) };
}

const history = (...periods: HistoryPeriod[]): ForecastHistory => ({ rows: [{ sheet: 'Drift', label: TOTAL, sign: -1 }], periods });
const lastYear = period('Prognos jan–aug 2025', 8, 2025, false, { budget: d('130000000'), prognos: d('131000000') });
const april = period('Prognos jan–apr 2026', 4, 2026, false, { budget: d('136745000'), prognos: d('140017499.50') });
const august = period('Prognos jan–aug 2026', 8, 2026, false, { budget: d('136745000'), prognos: d('142070500') });
const bokslut = period('Bokslut 2026', 12, 2026, true, { budget: d('136745000'), utfall: d('143035500') });

describe('the helårsprognos per forecast', () => {
  test("the year's forecasts then its outcome, as the tables round them; the budget as reference; other years left out", () => {
    const path = forecastPathChart(drift(), history(lastYear, april, august, bokslut))!;
    expect(path.title).toBe(`Helårsprognos per prognostillfälle, ${TOTAL}, tkr`);
    expect(path.points.map((p) => [p.label, p.period, p.value.toNumber(), p.outcome])).toEqual([
      ['jan–apr', 'Prognos jan–apr 2026', 140017, false],
      ['jan–aug', 'Prognos jan–aug 2026', 142071, false],
      ['Bokslut', 'Bokslut 2026', 143036, true],
    ]);
    expect(path.budget.toNumber()).toBe(136745);
    // the outcome is the table's own Utfall cell, rounded the same way
    expect(path.points[2].value.toNumber()).toBe(143036);
  });

  test('a forecast that rounds to zero is 0, never -0', () => {
    const tiny = period('Prognos jan–apr 2026', 4, 2026, false, { budget: d('1000'), prognos: d('-400') });
    const path = forecastPathChart(drift(), history(tiny, august))!;
    expect(Object.is(path.points[0].value.toNumber(), -0)).toBe(false);
    expect(path.points[0].value.toNumber()).toBe(0);
  });

  test('none with a single forecast, for another table, or without a budget; the table charts carry it', () => {
    expect(forecastPathChart(drift(), history(lastYear, august))).toBeUndefined();
    expect(forecastPathChart(drift('nettokostnad'), history(april, august))).toBeUndefined();
    const noBudget = period('Prognos jan–apr 2026', 4, 2026, false, { prognos: d('1') });
    expect(forecastPathChart(drift(), history(noBudget, { ...noBudget, label: 'Prognos jan–aug 2026', months: 8 }))).toBeUndefined();
    const charts = tableCharts(drift(), DEFAULT_THRESHOLDS, undefined, history(april, august, bokslut))!;
    expect(charts.forecastPath?.points).toHaveLength(3);
    expect(tableCharts(drift(), DEFAULT_THRESHOLDS, undefined)!.forecastPath).toBeUndefined();
    // the year so far per row: the year's utfall against its budget, as the table shows them
    expect(charts.periodActual?.title).toBe('Utfall mot budget, helår, tkr');
    expect(charts.periodActual?.points.map((p) => [p.label, p.actual.toNumber(), p.budget.toNumber()])).toEqual([['Personal', 92956, 88310], [TOTAL, 143036, 136745]]);
    expect(tableCharts(drift(), DEFAULT_THRESHOLDS, false, history(april, august))).toBeUndefined();
  });
});
