/**
 * The change since the last forecast: `Föregående prognos` and `Förändring` beside the driftredovisning
 * and the net cost per verksamhet. The change is computed from the unrounded forecasts with the
 * avvikelse rule (positive = better: more revenue, lower costs) and flagged by the same thresholds.
 */
import type Decimal from 'decimal.js';
import { amountPhrase, sentenceUnit } from './commentary';
import { periodText } from './periodize';
import { rowKey, type HistoryPeriod } from './history';
import { displaySignOf } from './tableRows';
import { direction, flagLevel } from './thresholds';
import type { StandardTable, TableRow, TableType, Thresholds } from './types';
import { deviationPercent } from './variance';

export const PREVIOUS_COLUMN = 'foregaendePrognos';
export const CHANGE_COLUMN = 'forandringPrognos';
const CHANGE_TABLES: readonly TableType[] = ['driftredovisning', 'nettokostnad'];
const MONTH_NAMES = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** What the previous forecast is compared with: this forecast, or in an annual table the year's outcome. */
function currentFigure(table: StandardTable, row: TableRow): Decimal | null | undefined {
  return table.annual ? row.values.utfallPeriod : row.values.prognosHelar;
}

/** The change of a row's forecast (or outcome against it), positive = better; undefined when either is missing. */
export function forecastChange(table: StandardTable, row: TableRow, previous: Decimal | undefined): Decimal | undefined {
  const now = currentFigure(table, row);
  if (!now || !previous) return undefined;
  return now.minus(previous).times(displaySignOf(row));
}

/**
 * Adds the two columns to a table and flags each row's change; false when the table takes none.
 * `keys`: the rows' history keys (`historyKeys` of the run's tables); without it, sheet and label.
 */
export function addForecastChange(table: StandardTable, previous: HistoryPeriod, thresholds: Thresholds, keys?: ReadonlyMap<TableRow, string>): boolean {
  if (!CHANGE_TABLES.includes(table.type) || !table.columns.some((c) => c.id === (table.annual ? 'utfallPeriod' : 'prognosHelar'))) return false;
  const before = (row: TableRow) => previous.figures.get(keys?.get(row) ?? rowKey(table.sheet, row.label))?.prognos;
  // a period that recorded nothing of this table's sheet has nothing to compare with
  if (!table.rows.some((row) => before(row))) return false;
  const group = `Mot prognos ${periodText(previous.months)}`;
  table.columns.push({ id: PREVIOUS_COLUMN, group, title: 'Föregående prognos', format: 'amount' }, { id: CHANGE_COLUMN, group, title: 'Förändring', format: 'amount' });
  for (const row of table.rows) {
    // a row the previous forecast did not have is left empty (it is named in a warning)
    const earlier = before(row);
    if (earlier) row.values[PREVIOUS_COLUMN] = earlier;
    const change = forecastChange(table, row, earlier);
    if (!change) continue;
    row.values[CHANGE_COLUMN] = change;
    const budget = table.annual ? row.values.budgetPeriod : row.values.budgetHelar;
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

/**
 * `Prognosen för Personal har försämrats med 2,1 mnkr sedan delårsrapporten per april, främst till följd av [orsak].`;
 * at the year's end: `Utfallet för Personal blev 0,4 mnkr sämre än prognosen i delårsrapporten per augusti, …`.
 */
export function changeStub(label: string, change: Decimal, previous: Pick<HistoryPeriod, 'months'>, outcome = false): string {
  const amount = amountPhrase(change, sentenceUnit([change]));
  if (outcome) {
    const than = sinceWords(previous).replace(/^delårsrapporten/, 'prognosen i delårsrapporten');
    return `Utfallet för ${label} blev ${amount} ${change.isNegative() ? 'sämre' : 'bättre'} än ${than}, främst till följd av [orsak].`;
  }
  const verb = change.isNegative() ? 'försämrats' : 'förbättrats';
  return `Prognosen för ${label} har ${verb} med ${amount} sedan ${sinceWords(previous)}, främst till följd av [orsak].`;
}
