/**
 * The year as a series: each run for a period records every table row's full-year budget, forecast
 * and actuals (unrounded kronor, as shown: costs positive). The recorded periods make the forecast
 * history; rows are matched by source sheet and label, so a re-ordered sheet keeps its history. A label
 * that an earlier table of the same sheet already has (two tables' `Summa`) is matched by its table's
 * title too, so each table keeps its own figures; the first keeps the plain key, as histories written
 * before tables were told apart recorded it.
 * Pure: the sheet that stores it is `report/historySheet.ts`.
 */
import type Decimal from 'decimal.js';
import { periodText, MONTHS_SV } from './periodize';
import { displaySignOf } from './tableRows';
import type { InputIssue, StandardTable, TableRow, TableType } from './types';

/** A row's recorded figures for one period (kronor, unrounded, in the table's display sign). */
export interface HistoryFigures {
  budget?: Decimal;
  prognos?: Decimal;
  utfall?: Decimal;
}

/** One recorded period: `Prognos jan–apr 2026`, or the year's outcome `Bokslut 2026`. */
export interface HistoryPeriod {
  label: string;
  months: number;
  year?: number;
  /** The year's outcome (an annual table: the utfall is the whole year's). */
  outcome: boolean;
  /** rowKey → figures. */
  figures: Map<string, HistoryFigures>;
}

/** A row of the history: its source sheet, label and display sign (−1: costs shown positive). */
export interface HistoryRow {
  sheet: string;
  label: string;
  sign: 1 | -1;
  /** The table's title, for a label an earlier table of the sheet has too; absent otherwise. */
  table?: string;
}

export interface ForecastHistory {
  rows: HistoryRow[];
  /** Oldest first. */
  periods: HistoryPeriod[];
}

/** The tables whose rows are recorded: the money tables a forecast is made for. */
export const HISTORY_TABLES: readonly TableType[] = ['driftredovisning', 'nettokostnad', 'investeringar', 'portfolj'];

/** The key of a row in a period's figures: sheet and label, and the table when the label repeats on the sheet. */
export const rowKey = (sheet: string, label: string, table?: string): string => `${sheet}\u0000${label.trim()}${table ? `\u0000${table}` : ''}`;

/** A history row's key. */
export const historyRowKey = (row: Pick<HistoryRow, 'sheet' | 'label' | 'table'>): string => rowKey(row.sheet, row.label, row.table);

/** A row as a warning names it: `Summa`, or `Summa (Driftredovisning – Grundskola)` where the label repeats. */
export const rowName = (row: { label: string; table?: string }): string => (row.table ? `${row.label} (${row.table})` : row.label);

/** The sheet, label and table a key stands for. */
export function keyParts(key: string): { sheet: string; label: string; table?: string } {
  const [sheet, label, table] = key.split('\u0000');
  return table ? { sheet, label, table } : { sheet, label };
}

/**
 * Each recorded row of the tables with its history key, in table order: the first table of a sheet
 * with a label has the plain key, a later table with the same label its title as well.
 */
export function historyKeys(tables: readonly StandardTable[]): Map<TableRow, string> {
  const out = new Map<TableRow, string>();
  const used = new Set<string>();
  for (const t of tables) {
    if (!HISTORY_TABLES.includes(t.type)) continue;
    for (const row of t.rows) {
      const plain = rowKey(t.sheet, row.label);
      const key = used.has(plain) ? rowKey(t.sheet, row.label, t.title) : plain;
      // a label twice in one table: its first row is recorded
      if (used.has(key)) continue;
      used.add(key);
      out.set(row, key);
    }
  }
  return out;
}

/** `Prognos jan–apr 2026`, `Bokslut 2026`. */
export function periodLabel(months: number, year: number | undefined, outcome: boolean): string {
  const tail = year === undefined ? '' : ` ${year}`;
  return outcome ? `Bokslut${tail}` : `Prognos ${periodText(months)}${tail}`;
}

/** A period label read back: `Prognos jan–apr 2026` → 4 months of 2026; undefined when it is none of ours. */
export function parsePeriodLabel(text: string): Omit<HistoryPeriod, 'figures'> | undefined {
  const t = text.trim();
  const outcome = /^Bokslut(?: (\d{4}))?$/.exec(t);
  if (outcome) return { label: t, months: 12, year: outcome[1] ? Number(outcome[1]) : undefined, outcome: true };
  const m = /^Prognos jan(?:[–-]([a-zå]{3}))?(?: (\d{4}))?$/.exec(t);
  if (!m) return undefined;
  const months = m[1] ? MONTHS_SV.indexOf(m[1]) + 1 : 1;
  if (months < 1) return undefined;
  return { label: t, months, year: m[2] ? Number(m[2]) : undefined, outcome: false };
}

/** Oldest first: by year, then months, a forecast before the outcome of the same months. */
export function periodOrder(a: Omit<HistoryPeriod, 'figures'>, b: Omit<HistoryPeriod, 'figures'>): number {
  return (a.year ?? 0) - (b.year ?? 0) || a.months - b.months || Number(a.outcome) - Number(b.outcome);
}

/** The periods and rows this run records, one period per distinct period of the tables. */
export function snapshotOf(tables: readonly StandardTable[], monthsOf: (sheet: string) => number | undefined, year: number | undefined): ForecastHistory {
  const rows: HistoryRow[] = [];
  const periods = new Map<string, HistoryPeriod>();
  const keys = historyKeys(tables);
  for (const t of tables) {
    if (!HISTORY_TABLES.includes(t.type)) continue;
    const months = t.annual ? 12 : monthsOf(t.sheet);
    if (months === undefined) continue;
    const label = periodLabel(months, year, !!t.annual);
    const period = periods.get(label) ?? { label, months, year, outcome: !!t.annual, figures: new Map() };
    periods.set(label, period);
    for (const row of t.rows) {
      const key = keys.get(row);
      if (key === undefined) continue;
      const { table } = keyParts(key);
      rows.push({ sheet: t.sheet, label: row.label.trim(), sign: displaySignOf(row), ...(table ? { table } : {}) });
      const v = row.values;
      const figures: HistoryFigures = {};
      const budget = t.annual ? v.budgetPeriod ?? v.budgetHelar : v.budgetHelar;
      if (budget) figures.budget = budget;
      if (v.prognosHelar) figures.prognos = v.prognosHelar;
      if (v.utfallPeriod) figures.utfall = v.utfallPeriod;
      period.figures.set(key, figures);
    }
  }
  return { rows, periods: [...periods.values()].sort(periodOrder) };
}

/** Sheets a period has rows of. */
const sheetsOf = (period: HistoryPeriod, rows: readonly HistoryRow[]) => new Set(rows.filter((r) => period.figures.has(historyRowKey(r))).map((r) => r.sheet));

/**
 * The history after this run: the recorded periods (the workbook's, then any from a previous workbook
 * it does not have), with this run's periods replacing those of the same label; earlier periods are
 * kept exactly. Warnings name the rows that appear or disappear against the latest earlier period.
 */
export function mergeHistory(recorded: ForecastHistory, current: ForecastHistory, imported?: ForecastHistory): { history: ForecastHistory; issues: InputIssue[] } {
  const byLabel = new Map<string, HistoryPeriod>();
  for (const p of recorded.periods) byLabel.set(p.label, p);
  for (const p of imported?.periods ?? []) if (!byLabel.has(p.label)) byLabel.set(p.label, p);
  const rows = new Map<string, HistoryRow>();
  for (const r of [...recorded.rows, ...(imported?.rows ?? [])]) rows.set(historyRowKey(r), rows.get(historyRowKey(r)) ?? r);
  const issues: InputIssue[] = [];
  for (const p of current.periods) {
    const earlier = [...byLabel.values()].filter((o) => o.label !== p.label && periodOrder(o, p) < 0).sort(periodOrder).pop();
    if (earlier) issues.push(...rowChanges(earlier, p, current.rows));
    byLabel.set(p.label, p);
  }
  for (const r of current.rows) rows.set(historyRowKey(r), r);
  return { history: { rows: [...rows.values()], periods: [...byLabel.values()].sort(periodOrder) }, issues };
}

/** Warnings for rows of a sheet that are new since the earlier period, or no longer there. */
function rowChanges(earlier: HistoryPeriod, now: HistoryPeriod, currentRows: readonly HistoryRow[]): InputIssue[] {
  const out: InputIssue[] = [];
  const sheets = sheetsOf(now, currentRows);
  for (const r of currentRows) {
    const key = historyRowKey(r);
    if (now.figures.has(key) && !earlier.figures.has(key) && sheetsOf(earlier, currentRows).has(r.sheet)) {
      out.push({ sheet: r.sheet, message: `raden ${rowName(r)} är ny sedan ${earlier.label}; den får ingen tidigare prognos i Prognoshistorik`, severity: 'warning' });
    }
  }
  for (const key of earlier.figures.keys()) {
    const parts = keyParts(key);
    const { sheet } = parts;
    if (sheets.has(sheet) && !now.figures.has(key)) {
      out.push({ sheet, message: `raden ${rowName(parts)} finns i ${earlier.label} men inte längre på fliken; dess tidigare prognoser står kvar i Prognoshistorik`, severity: 'warning' });
    }
  }
  return out;
}

/** The latest forecast before `period` (not an outcome), or undefined. */
export function previousForecast(history: ForecastHistory, period: Omit<HistoryPeriod, 'figures'>): HistoryPeriod | undefined {
  return history.periods.filter((p) => !p.outcome && p.label !== period.label && periodOrder(p, period) < 0).sort(periodOrder).pop();
}
