/**
 * The machine-readable contract of `--json`:
 * `{ tables: [ { sheet, title, unit, columns, rows: [ { label, kind, level, cells, flag, direction } ] } ],
 *    comments: [ { sheet, label, text } ] }`. Cells hold the numbers as displayed (228625, 40.6).
 * Extra fields may be added; none of these may change.
 */
import type Decimal from 'decimal.js';
import { columnLetters } from '../core/address';
import { toJsonNumber } from '../core/money';
import type { ReportModel } from './analyze';
import { tableJson, type JsonTable } from './tableJson';
import { accuracyJson, historyJson, type JsonAccuracy, type JsonHistory } from './historyJson';

export { tableJson, type JsonRow, type JsonTable } from './tableJson';

/** A ledger extract's aggregation: what was read, how it reconciles, which accounts the map missed. */
export interface JsonLedger {
  sheet: string;
  rows: number;
  accounts: number;
  activities: number;
  convention: string;
  /** Column totals of the extract in kronor (the sheet's sign, exact). */
  totals: Record<string, number>;
  reconciled: boolean;
  blankCells: number;
  unmapped: { account: string; rows: number; firstRow: number; amounts: Record<string, number> }[];
  unmappedActivities: string[];
}

/** Where a source table's columns are (role → column letter), per column block: for tools that map back to the sheet. */
export interface JsonSource {
  sheet: string;
  kind: string;
  columns: Record<string, string>;
  blocks?: { name: string; columns: Record<string, string> }[];
}

export interface JsonReport {
  tables: JsonTable[];
  comments: { sheet: string; label: string; text: string; table: string; column: string }[];
  notes: string[];
  /** One entry per ledger extract (absent when there is none). */
  ledgers?: JsonLedger[];
  /** The source tables read, with their columns. */
  sources?: JsonSource[];
  /** The forecast history recorded in the workbook after this run (absent when none). */
  history?: JsonHistory;
  /** The forecast accuracy tables, once the history holds the year's outcome (empty before). */
  accuracy?: JsonAccuracy[];
}

const letters = (columns: Partial<Record<string, number>>): Record<string, string> =>
  Object.fromEntries(Object.entries(columns).filter((e): e is [string, number] => e[1] !== undefined).map(([role, c]) => [role, columnLetters(c)]));

function sourceJson(src: ReportModel['sources'][number]): JsonSource {
  const out: JsonSource = { sheet: src.sheet, kind: src.kind, columns: letters(src.header.columns) };
  if (src.blocks?.length) out.blocks = src.blocks.map((b) => ({ name: b.blockName ?? '', columns: letters(b.header.columns) }));
  return out;
}

const numbers = (amounts: Partial<Record<string, Decimal>>): Record<string, number> =>
  Object.fromEntries(Object.entries(amounts).map(([k, v]) => [k, toJsonNumber(v as Decimal)]));

/** `notes` defaults to the model's own notes; pass the run's notes to include the write step's too. */
export function reportJson(model: ReportModel, notes: string[] = model.notes): JsonReport {
  const out: JsonReport = {
    tables: model.tables.map(tableJson),
    comments: model.comments.map((c) => ({ sheet: c.sheet, label: c.label, text: c.text, table: c.table, column: c.column })),
    notes,
  };
  if (model.sources.length > 0) out.sources = model.sources.map(sourceJson);
  if (model.history) {
    out.history = historyJson(model.history);
    out.accuracy = accuracyJson(model.tables);
  }
  const ledgers = model.sources.filter((s) => s.ledger);
  if (ledgers.length > 0) {
    out.ledgers = ledgers.map((s) => {
      const l = s.ledger!;
      return {
        sheet: s.sheet,
        rows: l.dataRows,
        accounts: l.accounts,
        activities: l.activities,
        convention: s.convention,
        totals: numbers(l.totals),
        reconciled: l.reconciled,
        blankCells: l.blankCells,
        unmapped: l.unmapped.map((u) => ({ account: u.account, rows: u.rows, firstRow: u.firstRow, amounts: numbers(u.amounts) })),
        unmappedActivities: l.unmappedActivities,
      };
    });
  }
  return out;
}
