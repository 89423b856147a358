/**
 * The year so far as a chart: the helårsprognos of the driftredovisning's total (`Årets resultat`)
 * at each forecast the history records (`jan–apr`, `jan–aug`, …), the year's outcome last when it is
 * in (`Bokslut`), against the full-year budget as a reference line. Every figure is a history figure
 * rounded to the table's unit exactly as the tables round it; the latest is the table's own.
 */
import type Decimal from 'decimal.js';
import { rowKey, type ForecastHistory, type HistoryPeriod } from '../core/history';
import { displayAmount } from '../core/money';
import { periodText } from '../core/periodize';
import type { StandardTable, TableRow } from '../core/types';

export interface ForecastPathPoint {
  /** `jan–apr`, `jan–aug`; `Bokslut` for the year's outcome. */
  label: string;
  /** The history's period label (`Prognos jan–apr 2026`, `Bokslut 2026`). */
  period: string;
  /** The helårsprognos, or the year's utfall for the outcome, as the table shows it. */
  value: Decimal;
  outcome: boolean;
}

export interface ForecastPathChart {
  kind: 'forecastPath';
  /** The row charted: `Årets resultat (nettokostnad)`. */
  rowLabel: string;
  /** `Helårsprognos per prognostillfälle, Årets resultat (nettokostnad), tkr`. */
  title: string;
  points: ForecastPathPoint[];
  /** The full-year budget of the row (the latest period's), as the table shows it. */
  budget: Decimal;
}

/** The total of a driftredovisning: its net row (`Årets resultat`), else its last sum. */
function totalRow(table: StandardTable): TableRow | undefined {
  return table.rows.find((r) => r.kind === 'net') ?? [...table.rows].reverse().find((r) => r.kind === 'sum');
}

/** A history figure as the table shows it: rounded to the unit (half away from zero), never `-0`. */
const asShown = (kr: Decimal, table: StandardTable): Decimal => displayAmount(kr, table.unit);

function pathPoint(p: HistoryPeriod, key: string, table: StandardTable): ForecastPathPoint | undefined {
  const figures = p.figures.get(key);
  const kr = p.outcome ? figures?.utfall : figures?.prognos;
  if (!kr) return undefined;
  return { label: p.outcome ? 'Bokslut' : periodText(p.months), period: p.label, value: asShown(kr, table), outcome: p.outcome };
}

/**
 * The path of the total's helårsprognos through the year of the latest recorded period, or undefined
 * unless the table is a driftredovisning and the history holds an earlier forecast (two points at least).
 */
export function forecastPathChart(table: StandardTable, history: ForecastHistory): ForecastPathChart | undefined {
  const row = table.type === 'driftredovisning' ? totalRow(table) : undefined;
  const latest = history.periods[history.periods.length - 1];
  if (!row || !latest) return undefined;
  const key = rowKey(table.sheet, row.label);
  const year = history.periods.filter((p) => p.year === latest.year);
  const points = year.map((p) => pathPoint(p, key, table)).filter((p): p is ForecastPathPoint => p !== undefined);
  const budget = [...year].reverse().map((p) => p.figures.get(key)?.budget).find((b) => b !== undefined);
  if (points.length < 2 || !budget) return undefined;
  return { kind: 'forecastPath', rowLabel: row.label.trim(), title: `Helårsprognos per prognostillfälle, ${row.label.trim()}, ${table.unit}`, points, budget: asShown(budget, table) };
}
