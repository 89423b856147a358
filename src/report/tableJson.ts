/**
 * One table in the `--json` contract, as displayed: the lowest piece of the JSON shapes, shared by the
 * report (`json.ts`) and the year as a series (`historyJson.ts`). Fields may be added; none may change.
 */
import { toJsonNumber } from '../core/money';
import type { StandardTable } from '../core/types';
import { displayValue } from './layout';

export interface JsonRow {
  label: string;
  kind: string;
  level: number;
  cells: Record<string, number | null>;
  flag: string | null;
  direction: string | null;
  flagColumn?: string;
  texts?: Record<string, string>;
  /** Flags on columns outside the deviations (the change since the last forecast, a forecast error). */
  cellFlags?: Record<string, { level: string; direction: string }>;
}

export interface JsonTable {
  sheet: string;
  title: string;
  /** `tkr` or `mnkr`; null for indicator tables, which are not money. */
  unit: string | null;
  columns: string[];
  rows: JsonRow[];
  type: string;
  headers: { id: string; group: string; title: string }[];
  notes: string[];
}

export function tableJson(t: StandardTable): JsonTable {
  return {
    sheet: t.sheet,
    title: t.title,
    unit: t.type === 'indikatorer' ? null : t.unit,
    columns: t.columns.map((c) => c.id),
    rows: t.rows.map((row) => {
      const cells: Record<string, number | null> = {};
      for (const col of t.columns) {
        if (col.format === 'text') continue;
        const v = displayValue(t, col, row);
        if (v !== undefined) cells[col.id] = v === null ? null : toJsonNumber(v);
      }
      const out: JsonRow = { label: row.label, kind: row.kind, level: row.level, cells, flag: row.flag, direction: row.direction };
      if (row.flagColumn) out.flagColumn = row.flagColumn;
      if (row.texts) out.texts = row.texts;
      if (row.cellFlags) out.cellFlags = row.cellFlags;
      return out;
    }),
    type: t.type,
    headers: t.columns.map((c) => ({ id: c.id, group: c.group, title: c.title })),
    notes: t.notes,
  };
}
