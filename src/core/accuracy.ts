/**
 * Prognossäkerhet: how good the year's forecasts were, once the outcome is recorded. For every row and
 * every recorded forecast: forecast − outcome (kronor, unrounded, as shown: costs positive) and that
 * error in percent of the budget; and the mean absolute error over the forecasts. Each error is
 * flagged by the thresholds, as unfavourable when the forecast promised more than came.
 */
import type Decimal from 'decimal.js';
import { Dec } from './decimal';
import { historyRowKey, rowName, type ForecastHistory, type HistoryPeriod, type HistoryRow } from './history';
import { ROUNDING_NOTE } from './tableRows';
import { direction, flagLevel } from './thresholds';
import type { RowKind, StandardTable, TableColumn, TableRow, Thresholds, Unit } from './types';
import { deviationPercent } from './variance';

export const MEAN_ERROR_COLUMN = 'medelfel';
export const errorColumn = (i: number): string => `prognosfel${i + 1}`;
export const errorPercentColumn = (i: number): string => `prognosfelPct${i + 1}`;

/** The latest outcome of the history and the forecasts of its year before it; undefined without both. */
export function accuracyPeriods(history: ForecastHistory): { outcome: HistoryPeriod; forecasts: HistoryPeriod[] } | undefined {
  const outcome = history.periods.filter((p) => p.outcome).pop();
  if (!outcome) return undefined;
  const forecasts = history.periods.filter((p) => !p.outcome && p.year === outcome.year);
  return forecasts.length > 0 ? { outcome, forecasts } : undefined;
}

export interface AccuracyOptions {
  sheet: string;
  unit: Unit;
  thresholds: Thresholds;
  /** The kind of a row as the current tables show it (sums bold), by label. */
  kindOf: (label: string) => RowKind | undefined;
}

/** One row's errors: forecast − outcome per forecast (null when either is missing). */
function accuracyRow(row: HistoryRow, outcome: HistoryPeriod, forecasts: HistoryPeriod[], options: AccuracyOptions): TableRow | undefined {
  const key = historyRowKey(row);
  const actual = outcome.figures.get(key)?.utfall;
  if (!actual) return undefined;
  const budget = outcome.figures.get(key)?.budget;
  const values: Record<string, Decimal | null> = { utfallHelar: actual };
  if (budget) values.budgetHelar = budget;
  const out: TableRow = { label: rowName(row), kind: options.kindOf(row.label) ?? 'item', level: 0, values, flag: null, direction: null };
  const errors: Decimal[] = [];
  forecasts.forEach((f, i) => {
    const forecast = f.figures.get(key)?.prognos;
    if (!forecast) return; // a row this forecast did not have: left empty
    const error = forecast.minus(actual);
    const pct = budget && !budget.isZero() ? deviationPercent(error, budget) : null;
    values[errorColumn(i)] = error;
    values[errorPercentColumn(i)] = pct;
    errors.push(error.abs());
    const level = flagLevel(error, pct, options.thresholds);
    // a forecast that promised more than came (more revenue, lower costs) was unfavourable
    const dir = direction(error.times(row.sign));
    if (level && dir) out.cellFlags = { ...out.cellFlags, [errorColumn(i)]: { level, direction: dir === 'positive' ? 'negative' : 'positive' } };
  });
  if (errors.length === 0) return undefined;
  values[MEAN_ERROR_COLUMN] = errors.reduce((a, b) => a.plus(b), new Dec(0)).div(errors.length);
  return out;
}

/** The Prognossäkerhet table of one source sheet, or undefined when no row has an outcome. */
export function accuracyTable(history: ForecastHistory, options: AccuracyOptions): StandardTable | undefined {
  const periods = accuracyPeriods(history);
  if (!periods) return undefined;
  const { outcome } = periods;
  // only the forecasts that recorded this sheet
  const forecasts = periods.forecasts.filter((f) => history.rows.some((r) => r.sheet === options.sheet && f.figures.get(historyRowKey(r))?.prognos));
  if (forecasts.length === 0) return undefined;
  const rows = history.rows.filter((r) => r.sheet === options.sheet).map((r) => accuracyRow(r, outcome, forecasts, options)).filter((r): r is TableRow => r !== undefined);
  if (rows.length === 0) return undefined;
  const columns: TableColumn[] = [
    { id: 'budgetHelar', group: outcome.label, title: 'Budget', format: 'amount' },
    { id: 'utfallHelar', group: outcome.label, title: 'Utfall', format: 'amount' },
    ...forecasts.flatMap((f, i): TableColumn[] => [
      { id: errorColumn(i), group: f.label, title: 'Prognosfel', format: 'amount' },
      { id: errorPercentColumn(i), group: f.label, title: '% av budget', format: 'percent' },
    ]),
    { id: MEAN_ERROR_COLUMN, group: 'Under året', title: 'Medelfel', format: 'amount' },
  ];
  return {
    sheet: options.sheet,
    type: 'prognossakerhet',
    title: 'Prognossäkerhet',
    unit: options.unit,
    labelHeader: `Rad, ${options.unit}`,
    columns,
    rows,
    notes: [ROUNDING_NOTE, 'Prognosfel = prognos − utfall, beräknat på oavrundade belopp; medelfel = medelvärdet av prognosfelens belopp under året.'],
  };
}
