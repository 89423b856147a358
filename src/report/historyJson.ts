/**
 * The year as a series in `--json` (fields added beside the contract's, which stay as they are):
 * `history`: every recorded period and every row's figures in kronor, exact and unrounded;
 * `accuracy`: the Prognossäkerhet tables, as displayed, with each forecast error's flag.
 */
import { historyRowKey, type ForecastHistory, type HistoryFigures } from '../core/history';
import { toJsonNumber } from '../core/money';
import type { StandardTable } from '../core/types';
import { tableJson, type JsonTable } from './tableJson';

export interface JsonHistory {
  periods: { label: string; months: number; year: number | null; outcome: boolean }[];
  /** `figures[periodLabel]`: budget, prognos, utfall in kronor (as shown: costs positive). */
  /** `table`: the table's title, only where an earlier table of the sheet has the same label. */
  rows: { sheet: string; label: string; table?: string; figures: Record<string, Record<string, number>> }[];
}

export interface JsonAccuracy extends JsonTable {
  /** Flags of the forecast errors, by column id. */
  cellFlags: { label: string; flags: Record<string, { level: string; direction: string }> }[];
}

const numbers = (f: HistoryFigures): Record<string, number> =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined).map(([k, v]) => [k, toJsonNumber(v)]));

export function historyJson(history: ForecastHistory): JsonHistory {
  return {
    periods: history.periods.map((p) => ({ label: p.label, months: p.months, year: p.year ?? null, outcome: p.outcome })),
    rows: history.rows.map((r) => {
      const figures: Record<string, Record<string, number>> = {};
      for (const p of history.periods) {
        const f = p.figures.get(historyRowKey(r));
        if (f) figures[p.label] = numbers(f);
      }
      return r.table ? { sheet: r.sheet, label: r.label, table: r.table, figures } : { sheet: r.sheet, label: r.label, figures };
    }),
  };
}

export function accuracyJson(tables: readonly StandardTable[]): JsonAccuracy[] {
  return tables
    .filter((t) => t.type === 'prognossakerhet')
    .map((t) => ({ ...tableJson(t), cellFlags: t.rows.filter((r) => r.cellFlags).map((r) => ({ label: r.label, flags: r.cellFlags ?? {} })) }));
}
