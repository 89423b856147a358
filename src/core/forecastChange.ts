/**
 * The change since the last forecast: `Föregående prognos` and `Förändring` beside the driftredovisning
 * and the net cost per verksamhet. The change is computed from the unrounded forecasts with the
 * avvikelse rule (positive = better: more revenue, lower costs) and flagged by the same thresholds.
 */
import type Decimal from 'decimal.js';
import { amountPhrase, sentenceUnit } from './commentary';
import { rowKey, type HistoryPeriod } from './history';
import { displaySignOf } from './tableRows';
import { direction, flagLevel } from './thresholds';
import type { StandardTable, TableRow, TableType, Thresholds } from './types';
import { deviationPercent } from './variance';

export const PREVIOUS_COLUMN = 'foregaendePrognos';
export const CHANGE_COLUMN = 'forandringPrognos';
const CHANGE_TABLES: readonly TableType[] = ['driftredovisning', 'nettokostnad'];
const MONTH_NAMES = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** The change of a row's forecast, positive = better, or undefined when either forecast is missing. */
export function forecastChange(row: TableRow, previous: Decimal | undefined): Decimal | undefined {
  const now = row.values.prognosHelar;
  if (!now || !previous) return undefined;
  return now.minus(previous).times(displaySignOf(row));
}

/** Adds the two columns to a table and flags each row's change; false when the table takes none. */
export function addForecastChange(table: StandardTable, previous: HistoryPeriod, thresholds: Thresholds): boolean {
  if (!CHANGE_TABLES.includes(table.type) || !table.columns.some((c) => c.id === 'prognosHelar')) return false;
  const group = `Jämfört med ${previous.label.replace(/^Prognos/, 'prognos')}`;
  table.columns.push({ id: PREVIOUS_COLUMN, group, title: 'Föregående prognos', format: 'amount' }, { id: CHANGE_COLUMN, group, title: 'Förändring', format: 'amount' });
  for (const row of table.rows) {
    const before = previous.figures.get(rowKey(table.sheet, row.label))?.prognos;
    row.values[PREVIOUS_COLUMN] = before ?? null;
    const change = forecastChange(row, before);
    row.values[CHANGE_COLUMN] = change ?? null;
    if (!change) continue;
    const budget = row.values.budgetHelar;
    const level = flagLevel(change, budget ? deviationPercent(change, budget) : null, thresholds);
    const dir = direction(change);
    if (level && dir) row.cellFlags = { ...row.cellFlags, [CHANGE_COLUMN]: { level, direction: dir } };
  }
  return true;
}

/** `delårsrapporten per april` (a tertial report), else `prognosen per mars`. */
export function sinceWords(previous: Pick<HistoryPeriod, 'months'>): string {
  const month = MONTH_NAMES[previous.months - 1];
  return previous.months === 4 || previous.months === 8 ? `delårsrapporten per ${month}` : `prognosen per ${month}`;
}

/** `Prognosen för Personal har försämrats med 2,1 mnkr sedan delårsrapporten per april, främst till följd av [orsak].` */
export function changeStub(label: string, change: Decimal, previous: Pick<HistoryPeriod, 'months'>): string {
  const verb = change.isNegative() ? 'försämrats' : 'förbättrats';
  return `Prognosen för ${label} har ${verb} med ${amountPhrase(change, sentenceUnit([change]))} sedan ${sinceWords(previous)}, främst till följd av [orsak].`;
}
