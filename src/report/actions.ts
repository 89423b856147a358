/**
 * Åtgärder för en budget i balans: when Årets resultat (or a verksamhet's net cost) shows a negative
 * full-year deviation at the comment level, the Kommentarer sheet gets a section under the comments:
 * the deficit, rows for the controller's measures (`Åtgärd`, `Ansvarig`, `Beräknad effekt, tkr`,
 * `Beslutad (ja/nej)`), the sum of the entered effects and the gap that remains. Rows the controller
 * filled in are carried over as written, on every run; the section stays while they exist.
 */
import type Decimal from 'decimal.js';
import { cellAddress } from '../core/address';
import { Dec } from '../core/decimal';
import { parseAmountCell } from '../core/money';
import { cellText } from '../core/source';
import type { InputIssue, RawValue, StandardTable, TableRow, Unit } from '../core/types';
import type { SheetData } from '../workbook/port';

export const ACTIONS_TITLE = 'Åtgärder för en budget i balans';
export const ACTION_HEADERS = ['Avser', 'Åtgärd', 'Ansvarig', 'Beräknad effekt, tkr', 'Beslutad (ja/nej)'];
export const EFFECT_COL = 3;
export const SUM_LABEL = 'Summa beräknad effekt';

/** A negative full-year deviation of a result or a verksamhet's net cost, beyond the comment level. */
export interface Deficit {
  sheet: string;
  label: string;
  /** The deficit in kronor, positive, unrounded. */
  amountKr: Decimal;
  unit: Unit;
  /** True for Årets resultat (the committee's whole result), false for one verksamhet. */
  result: boolean;
}

/** A measure row as the controller wrote it (columns A–E, plus their own columns beyond). */
export interface ActionRow {
  cells: RawValue[];
  /** The entered effect in tkr, when it is a figure. */
  effectTkr?: Decimal;
}

export interface ActionsSection {
  deficits: Deficit[];
  rows: ActionRow[];
  /** Sum of the entered effects, tkr (exact). */
  effectTkr: Decimal;
  /** The deficit to close, tkr: Årets resultat's, else the verksamheter's together. */
  deficitTkr: Decimal;
  issues: InputIssue[];
}

/** The full-year deviation's column: the year's avvikelse, or in an annual table the period's (the year). */
const yearColumn = (t: StandardTable) => (t.annual ? 'avvikelsePeriod' : 'avvikelseHelar');

function isDeficit(t: StandardTable, row: TableRow): boolean {
  if (row.kind !== 'net' || (t.type !== 'driftredovisning' && t.type !== 'nettokostnad')) return false;
  return (row.flags ?? []).some((f) => f.column === yearColumn(t) && f.level === 'comment' && f.direction === 'negative');
}

/** Every deficit in the tables, Årets resultat first. */
export function deficitsOf(tables: readonly StandardTable[]): Deficit[] {
  const out: Deficit[] = [];
  for (const t of tables) {
    for (const row of t.rows) {
      const dev = row.values[yearColumn(t)];
      if (dev && isDeficit(t, row)) out.push({ sheet: t.sheet, label: row.label, amountKr: dev.negated(), unit: t.unit, result: t.type === 'driftredovisning' });
    }
  }
  return out.sort((a, b) => Number(b.result) - Number(a.result));
}

/** The 0-based row of the section's title on a comments sheet of ours, or -1. */
export function actionsTop(sheet: SheetData | undefined): number {
  return (sheet?.values ?? []).findIndex((row) => cellText(row?.[0]).trim() === ACTIONS_TITLE);
}

/** The measure rows the controller filled in (anything in Åtgärd … Beslutad), as written. */
export function readActionRows(sheet: SheetData | undefined, issues: InputIssue[]): ActionRow[] {
  const top = actionsTop(sheet);
  if (!sheet || top < 0) return [];
  const header = sheet.values.findIndex((row, r) => r > top && cellText(row?.[1]).trim() === ACTION_HEADERS[1]);
  const out: ActionRow[] = [];
  for (let r = header + 1; header > 0 && r < sheet.values.length; r++) {
    const row = sheet.values[r] ?? [];
    if (cellText(row[0]).trim() === SUM_LABEL) break;
    if (![1, 2, 3, 4].some((c) => cellText(row[c]).trim() !== '')) continue;
    const action: ActionRow = { cells: [...row] };
    const effect = parseAmountCell(row[EFFECT_COL]);
    if (effect.kind === 'amount') action.effectTkr = effect.value;
    else if (effect.kind === 'error') issues.push({ sheet: sheet.name, cell: cellAddress(r, EFFECT_COL), message: `"${cellText(row[EFFECT_COL])}" är inget belopp i tkr; åtgärden räknas inte i summan`, severity: 'warning' });
    out.push(action);
  }
  return out;
}

/** The section to write, or undefined when there is no deficit and nothing of the controller's. */
export function actionsSection(tables: readonly StandardTable[], existing: SheetData | undefined): ActionsSection | undefined {
  const issues: InputIssue[] = [];
  const deficits = deficitsOf(tables);
  const rows = readActionRows(existing, issues);
  if (deficits.length === 0 && rows.length === 0) return undefined;
  const results = deficits.filter((d) => d.result);
  const counted = results.length > 0 ? results : deficits;
  const deficitTkr = counted.reduce((s, d) => s.plus(d.amountKr), new Dec(0)).div(1000);
  const effectTkr = rows.reduce((s, r) => s.plus(r.effectTkr ?? 0), new Dec(0));
  return { deficits, rows, effectTkr, deficitTkr, issues };
}
