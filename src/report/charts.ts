/**
 * The chart model: what the charts of a standard table show, built from the table model exactly as the
 * tables sheet shows it (the same rounding, the same unit, never `-0`), so no chart, in the workbook,
 * the pane or the Word file, can show a figure the table does not. Every consumer draws from this.
 *
 * Per table: a variance chart per deviation column (helår, and the period when shown), one bar per row
 * in table order, sums set apart, favourable green and unfavourable red, and the same for each
 * `Avvikelse %` column; for the driftredovisning and nettokostnad per verksamhet, budget against
 * prognos per row; for the driftredovisning the year so far: the period's utfall against its budget
 * per row, and the helårsprognos of the total at each recorded forecast (`yearCharts.ts`). A table of more than `MAX_BARS`
 * rows shows its largest deviations only, with a note naming how many rows are left out.
 */
import type Decimal from 'decimal.js';
import { DEVIATION_OF } from '../core/tableRows';
import type { ForecastHistory } from '../core/history';
import type { AmountRole, DeviationRole, FlagLevel, PercentRole, StandardTable, TableRow, TableType, Thresholds } from '../core/types';
import { AMOUNT_FORMAT, cellFlag, displayValue, PERCENT_FORMAT } from './layout';
import { sheetSettings, type ReportSettings } from './settings';
import { forecastPathChart, type ForecastPathChart } from './yearCharts';

/** Bars a chart shows at most; a larger table shows its largest deviations. */
export const MAX_BARS = 40;

/** Tables that get charts unless a setting says otherwise. */
const CHARTED_BY_DEFAULT: ReadonlySet<TableType> = new Set<TableType>(['driftredovisning', 'nettokostnad', 'nettokostnadAr', 'investeringar', 'portfolj']);
/** Tables whose rows have a budget and a prognos worth setting side by side. */
const BUDGET_FORECAST_TABLES: ReadonlySet<TableType> = new Set<TableType>(['driftredovisning', 'nettokostnad']);

/** How a bar is coloured: better than budget (green), worse (red), or exactly on it. */
export type ChartTone = 'favourable' | 'unfavourable' | 'neutral';

/** One row of a chart: its label, the figures as the table shows them, and how it stands out. */
export interface ChartPoint {
  label: string;
  /** 0-based index of the row in `table.rows`. */
  rowIndex: number;
  /** A total (`Summa`, `Verksamhetens kostnader`, `Årets resultat`): set apart in every rendering. */
  sum: boolean;
  /** The figure as the table cell shows it (rounded to the unit, never `-0`). */
  value: Decimal;
  tone: ChartTone;
  /** The engine's flag on this deviation, or null. */
  flag: FlagLevel | null;
}

export interface VarianceChart {
  kind: 'variance';
  /** The table column charted: a deviation in the table's unit, or its `Avvikelse %`. */
  column: DeviationRole | PercentRole;
  /** The column is a percentage (`Avvikelse %`): figures with one decimal, in PERCENT_FORMAT. */
  percent?: boolean;
  /** `Avvikelse mot budget, helår, tkr`; `Avvikelse mot budget i procent, helår`. */
  title: string;
  points: ChartPoint[];
  /** Rows of the table not shown (0 unless the table has more than `MAX_BARS` rows). */
  omitted: number;
  /** `Diagrammet visar de 40 största avvikelserna; 23 rader visas inte.` */
  note?: string;
}

export interface ComparisonPoint {
  label: string;
  rowIndex: number;
  sum: boolean;
  budget: Decimal;
  /** The prognos (budget against prognos) or the period's utfall (the year so far). */
  actual: Decimal;
}

/**
 * Per row, a figure against its budget (IBCS: the actual or forecast solid, the budget outlined):
 * `budgetForecast` (Helår Budget, Prognos) or `periodActual` (the period's Budget and Utfall).
 */
export interface ComparisonChart {
  kind: 'budgetForecast' | 'periodActual';
  budgetColumn: AmountRole;
  actualColumn: AmountRole;
  /** Series names: the columns' titles (`Budget`, `Prognos` / `Utfall`). */
  budgetName: string;
  actualName: string;
  /** `Budget och prognos, helår, tkr`; `Utfall mot budget, perioden jan–aug, tkr`. */
  title: string;
  points: ComparisonPoint[];
  omitted: number;
  note?: string;
}

export type BudgetForecastChart = ComparisonChart;

export interface TableCharts {
  table: StandardTable;
  /** The number format of the table's amounts (`#,##0;-#,##0;0`), for labels and axes. */
  numFmt: string;
  /** Decimals shown: 0 for tkr, 1 for mnkr. */
  decimals: number;
  /** Variance charts: the deviation columns, then the `Avvikelse %` columns. */
  variance: VarianceChart[];
  budgetForecast?: ComparisonChart;
  /** The year so far (driftredovisning): the period's utfall against its budget, per row. */
  periodActual?: ComparisonChart;
  /** The year so far (driftredovisning, with earlier forecasts recorded): the total's helårsprognos per forecast. */
  forecastPath?: ForecastPathChart;
}

/** Whether a table gets charts: the setting when given, else by its type (on for drift, nettokostnad, investeringar). */
export function chartsWanted(table: StandardTable, setting: boolean | undefined): boolean {
  return setting ?? CHARTED_BY_DEFAULT.has(table.type);
}

const hasColumn = (table: StandardTable, id: string) => table.columns.some((c) => c.id === id);

/** The figure a table cell shows for this row and column, or undefined when it shows none (`–` or empty). */
function shown(table: StandardTable, row: TableRow, id: string): Decimal | undefined {
  const col = table.columns.find((c) => c.id === id);
  const v = col ? displayValue(table, col, row) : undefined;
  return v ?? undefined;
}

function isSum(table: StandardTable, row: TableRow): boolean {
  return row.kind === 'sum' || (row.kind === 'net' && table.type === 'driftredovisning');
}

/**
 * The rows a chart shows (0-based indexes in table order): every row with a figure, or, over
 * `MAX_BARS`, the largest deviations (the last total always among them), still in table order.
 */
export function chartRows(table: StandardTable, magnitude: (row: TableRow) => Decimal | undefined): { rows: number[]; omitted: number } {
  const candidates = table.rows.map((row, i) => ({ i, m: magnitude(row) })).filter((c): c is { i: number; m: Decimal } => c.m !== undefined);
  if (candidates.length <= MAX_BARS) return { rows: candidates.map((c) => c.i), omitted: 0 };
  const lastSum = [...candidates].reverse().find((c) => isSum(table, table.rows[c.i]));
  const ranked = candidates.filter((c) => c !== lastSum).sort((a, b) => b.m.abs().comparedTo(a.m.abs()) || a.i - b.i);
  const kept = ranked.slice(0, lastSum ? MAX_BARS - 1 : MAX_BARS).concat(lastSum ? [lastSum] : []);
  return { rows: kept.map((c) => c.i).sort((a, b) => a - b), omitted: candidates.length - kept.length };
}

function omittedNote(omitted: number, what: string): string | undefined {
  if (omitted === 0) return undefined;
  return `Diagrammet visar de ${MAX_BARS} ${what}; ${omitted === 1 ? '1 rad visas' : `${omitted} rader visas`} inte.`;
}

/** `helår` / `perioden jan–aug` / `helåret` (annual tables) for chart titles. */
function columnWords(table: StandardTable, column: DeviationRole): string {
  if (column === 'avvikelseHelar') return 'helår';
  const group = table.columns.find((c) => c.id === column)?.group ?? 'Perioden';
  return group.charAt(0).toLowerCase() + group.slice(1);
}

function toneOf(value: Decimal): ChartTone {
  return value.isZero() ? 'neutral' : value.isPositive() ? 'favourable' : 'unfavourable';
}

/**
 * The bars of a deviation column, or of its `Avvikelse %` (`percent`): coloured by the sign, strong
 * where the engine flags the deviation; the top rows by the amount deviation either way.
 */
function varianceChart(table: StandardTable, deviation: DeviationRole, thresholds: Thresholds, percent = false): VarianceChart {
  const column = percent ? (DEVIATION_OF[deviation].pct as PercentRole) : deviation;
  const { rows, omitted } = chartRows(table, (row) => (shown(table, row, column) ? shown(table, row, deviation) ?? shown(table, row, column) : undefined));
  const points = rows.map((i): ChartPoint => {
    const row = table.rows[i];
    const value = shown(table, row, column)!;
    return { label: row.label, rowIndex: i, sum: isSum(table, row), value, tone: toneOf(value), flag: cellFlag(table, row, deviation, thresholds)?.level ?? null };
  });
  const title = percent ? `Avvikelse mot budget i procent, ${columnWords(table, deviation)}` : `Avvikelse mot budget, ${columnWords(table, deviation)}, ${table.unit}`;
  return { kind: 'variance', column, ...(percent ? { percent } : {}), title, points, omitted, note: omittedNote(omitted, 'största avvikelserna') };
}

/** The number format and decimals of a variance chart's figures: the table's, or the percent column's. */
export function varianceFormat(c: TableCharts, v: VarianceChart): { numFmt: string; decimals: number } {
  return v.percent ? { numFmt: PERCENT_FORMAT, decimals: 1 } : { numFmt: c.numFmt, decimals: c.decimals };
}

const columnTitle = (table: StandardTable, id: string) => table.columns.find((c) => c.id === id)?.title ?? id;

/** A figure against its budget per row, for the rows that show both, the top rows by their deviation. */
function comparisonChart(table: StandardTable, kind: ComparisonChart['kind'], deviation: DeviationRole, title: string): ComparisonChart | undefined {
  const { budget, actual } = DEVIATION_OF[deviation];
  if (![budget, actual].every((r) => hasColumn(table, r))) return undefined;
  const both = (row: TableRow) => (shown(table, row, budget) && shown(table, row, actual) ? shown(table, row, deviation) ?? shown(table, row, budget) : undefined);
  const { rows, omitted } = chartRows(table, both);
  const points = rows.map((i): ComparisonPoint => {
    const row = table.rows[i];
    return { label: row.label, rowIndex: i, sum: isSum(table, row), budget: shown(table, row, budget)!, actual: shown(table, row, actual)! };
  });
  if (points.length === 0) return undefined;
  const names = { budgetName: columnTitle(table, budget), actualName: columnTitle(table, actual) };
  return { kind, budgetColumn: budget, actualColumn: actual, ...names, title, points, omitted, note: omittedNote(omitted, 'rader med störst avvikelse') };
}

function budgetForecastChart(table: StandardTable): ComparisonChart | undefined {
  if (!BUDGET_FORECAST_TABLES.has(table.type)) return undefined;
  return comparisonChart(table, 'budgetForecast', 'avvikelseHelar', `Budget och prognos, helår, ${table.unit}`);
}

/** The year so far: the driftredovisning's period utfall against the periodized budget (the year's, in a bokslut). */
function periodActualChart(table: StandardTable): ComparisonChart | undefined {
  if (table.type !== 'driftredovisning' || table.yardstick === 'prognos') return undefined;
  return comparisonChart(table, 'periodActual', 'avvikelsePeriod', `Utfall mot ${table.annual ? '' : 'periodiserad '}budget, ${columnWords(table, 'avvikelsePeriod')}, ${table.unit}`);
}

/** The charts of one table, or undefined when it gets none (switched off, or nothing to draw). */
export function tableCharts(table: StandardTable, thresholds: Thresholds, setting?: boolean, history?: ForecastHistory): TableCharts | undefined {
  if (!chartsWanted(table, setting)) return undefined;
  const deviations = (Object.keys(DEVIATION_OF) as DeviationRole[]).filter((c) => hasColumn(table, c));
  const percents = deviations.filter((c) => hasColumn(table, DEVIATION_OF[c].pct));
  const variance = [...deviations.map((c) => varianceChart(table, c, thresholds)), ...percents.map((c) => varianceChart(table, c, thresholds, true))].filter((c) => c.points.length > 0);
  const more = { budgetForecast: budgetForecastChart(table), periodActual: periodActualChart(table), forecastPath: history ? forecastPathChart(table, history) : undefined };
  if (variance.length === 0 && !more.budgetForecast && !more.periodActual && !more.forecastPath) return undefined;
  const present = Object.fromEntries(Object.entries(more).filter(([, v]) => v !== undefined));
  return { table, numFmt: AMOUNT_FORMAT[table.unit], decimals: table.unit === 'tkr' ? 0 : 1, variance, ...present };
}

/** Bar colours (RRGGBB), the same in the workbook, the pane and the Word file: strong when flagged. */
export const CHART_COLORS = {
  favourable: { flagged: '2E7D32', plain: '81C784' },
  unfavourable: { flagged: 'C62828', plain: 'E57373' },
  neutral: { flagged: '9E9E9E', plain: '9E9E9E' },
  /** Outline of a total's bar, and the prognos bar (solid) and budget bar (outlined) of IBCS. */
  sum: '262626',
  prognos: '595959',
  budget: '262626',
} as const;

/** A variance bar's fill: its tone, strong when the engine flags it. */
export function pointFill(p: ChartPoint): string {
  return CHART_COLORS[p.tone][p.flag ? 'flagged' : 'plain'];
}

/** The charts of each table under the settings (each sheet's thresholds and chart setting), with the run's forecast history. */
export function chartsUnder(settings: ReportSettings, history?: ForecastHistory): (table: StandardTable) => TableCharts | undefined {
  return (table) => {
    const own = sheetSettings(settings, table.sheet);
    return tableCharts(table, own.thresholds, own.charts, history);
  };
}
