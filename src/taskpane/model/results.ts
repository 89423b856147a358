/**
 * What the pane lists after a run, as plain data: the flagged rows with their figures formatted as in
 * the tables, and the one-line summary. No React here, so it is tested directly.
 */
import type Decimal from 'decimal.js';
import { columnLetters, columnIndex } from '../../core/address';
import { displayAmount, displayPercent, formatSwedish, unitDecimals } from '../../core/money';
import { periodText } from '../../core/periodize';
import { CHANGE_COLUMN } from '../../core/forecastChange';
import { DEVIATION_OF } from '../../core/tableRows';
import { direction } from '../../core/thresholds';
import type { DeviationRole, Direction, FlagLevel, StandardTable, TableRow } from '../../core/types';
import type { ReportModel } from '../../report/analyze';
import type { PlanParts } from '../../report/plan';
import type { RunResult } from '../../report/run';
import type { RangeRef } from '../../workbook/host';
import { count } from './words';

export interface FlaggedItem {
  key: string;
  /** The table row the item is on (two items share it when the year and the period are both flagged). */
  row: string;
  table: string;
  label: string;
  level: FlagLevel;
  direction: Direction | null;
  /** `helår` or the period (`jan–aug`). */
  column: string;
  /** `-1 728 tkr` */
  amount: string;
  /** `-0,7 %`, or null when the budget is 0 (or the row has none). */
  percent: string | null;
  /** Where clicking the row goes: the row on the tables sheet, or its rows in the source sheet. */
  target: RangeRef | null;
  /** The change since the last forecast, on the full year's item: `Förändring -2 100 tkr mot prognos jan–apr`. */
  change?: { text: string; direction: Direction | null };
}

/** The row's change since the last forecast as the pane shows it, when the table has one. */
function changeOf(table: StandardTable, row: TableRow): FlaggedItem['change'] {
  const change = row.values[CHANGE_COLUMN];
  const column = table.columns.find((c) => c.id === CHANGE_COLUMN);
  if (!change || !column) return undefined;
  const shown = `${formatSwedish(displayAmount(change, table.unit), unitDecimals(table.unit))} ${table.unit}`;
  return { text: `Förändring ${shown} ${column.group.toLowerCase()}`, direction: direction(change) };
}

/** Avvikelse % from the row's own values: the table's percent column, or avvikelse / |budget| × 100. */
function percentOf(row: TableRow, column: DeviationRole): Decimal | null {
  const own = row.values[DEVIATION_OF[column].pct];
  if (own) return own;
  const budget = row.values[DEVIATION_OF[column].budget];
  const dev = row.values[column];
  if (!budget || !dev || budget.isZero()) return null;
  return dev.div(budget.abs()).times(100);
}

/** The rows of the source sheet behind a table row (`A5:J9`), spanning the detected columns. */
function sourceTarget(model: ReportModel, table: StandardTable, row: TableRow): RangeRef | null {
  if (!row.sourceRows?.length) return null;
  const detected = model.detected.find((d) => d.sheet === table.sheet);
  const cols = Object.values(detected?.columns ?? {}).map((l) => columnIndex(l ?? 'A'));
  const last = columnLetters(Math.max(0, ...cols));
  const first = Math.min(...row.sourceRows);
  const end = Math.max(...row.sourceRows);
  return { sheet: table.sheet, address: `A${first}:${last}${end}` };
}

function columnWord(model: ReportModel, table: StandardTable, column: DeviationRole): string {
  if (column === 'avvikelseHelar' || model.sources.find((s) => s.sheet === table.sheet)?.header.annual) return 'helår';
  const months = model.detected.find((d) => d.sheet === table.sheet)?.months;
  return months ? periodText(months) : 'perioden';
}

/**
 * One item per flagged deviation, the full year's first: a row flagged for both the year and the period
 * is listed twice, so the helårsprognos is never hidden behind the period.
 */
export function flaggedItems(model: ReportModel, rowRefs: Map<TableRow, RangeRef>): FlaggedItem[] {
  const out: FlaggedItem[] = [];
  model.tables.forEach((table, t) => {
    if (table.type === 'indikatorer') return;
    table.rows.forEach((row, r) => {
      if (!row.flag || !row.flagColumn) return;
      const flags = row.flags ?? [{ column: row.flagColumn, level: row.flag, direction: row.direction }];
      for (const flag of flags) {
        const dev = row.values[flag.column];
        if (!dev) continue;
        const pct = percentOf(row, flag.column);
        out.push({
          key: `${t}-${r}-${flag.column}`,
          row: `${t}-${r}`,
          table: table.title,
          label: row.label,
          level: flag.level,
          direction: flag.direction,
          column: columnWord(model, table, flag.column),
          amount: `${formatSwedish(displayAmount(dev, table.unit), unitDecimals(table.unit))} ${table.unit}`,
          percent: pct ? `${formatSwedish(displayPercent(pct), 1)} %` : null,
          target: rowRefs.get(row) ?? sourceTarget(model, table, row),
          ...(flag === flags[0] ? { change: changeOf(table, row) } : {}),
        });
      }
    });
  });
  return out;
}

/** How many rows the items are on (a row flagged for the year and the period is one row). */
export function flaggedRows(items: FlaggedItem[]): number {
  return new Set(items.map((i) => i.row)).size;
}

/** `6 tabeller · 14 flaggade rader · 8 kommentarsutkast · 36 celler ifyllda`. */
export function summaryLine(result: RunResult, parts: PlanParts, flagged: number): string {
  const bits: string[] = [];
  if (parts.tables) bits.push(count(result.model.tables.length, 'tabell', 'tabeller'));
  bits.push(count(flagged, 'flaggad rad', 'flaggade rader'));
  if (parts.comments) bits.push(count(result.model.comments.length, 'kommentarsutkast', 'kommentarsutkast'));
  if (parts.fill) bits.push(`${count(result.cellsWritten, 'cell', 'celler')} ${result.cellsWritten === 1 ? 'ifylld' : 'ifyllda'}`);
  return bits.join(' · ');
}

/** The parts of the three actions. */
export const ALL_PARTS: PlanParts = { tables: true, fill: true, comments: true };
export const FILL_ONLY: PlanParts = { fill: true };
export const COMMENTS_ONLY: PlanParts = { comments: true };
