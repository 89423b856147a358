/**
 * Heading totals of an earlier run, told from the user's formulas. Where a sheet has headings over its
 * rows and no sum rows, a run fills each heading's blank amount cells with its group's total, as a formula
 * over the rows below (`SUM(C6:C7)`, sheetSums.ts). A run on that output must read those headings as the
 * blanks they were, or it would read them as rows carrying the sum of the rows below: the same tables,
 * but another note, and the run would no longer be idempotent. The caller reads the sheet both ways and
 * takes the blank reading only when it fills every such cell with the very formula it holds: a formula
 * of the user's is never taken for ours unless ours would be the same text.
 */
import { columnIndex } from './address';
import { filledKey } from './derivedColumns';
import { AMOUNT_ROLES, type HeaderMap, type RawValue } from './types';

export interface OwnTotal {
  /** 0-based row and column. */
  row: number;
  col: number;
  formula: string;
}

/** `SUM(C6:C7,C9)`, `C6`, or one of them minus another: the forms a filled total takes. */
const PART = String.raw`(?:SUM\((?:[A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?)(?:,[A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?)*\)|[A-Z]{1,3}\d+)`;
const TOTAL = new RegExp(`^(?:${PART}(?:-${PART})?|-${PART})$`);
const REF = /([A-Z]{1,3})(\d+)/g;

/**
 * Cells in the header's amount columns whose formula has the form of a filled heading total over rows
 * below it in the same column, on rows whose every amount cell is empty or such a formula.
 */
export function ownTotalCandidates(values: RawValue[][], formulas: ReadonlyMap<string, string>, header: HeaderMap): OwnTotal[] {
  // `formulas` is keyed as the port keys cells (`row,col`, 0-based), which is `filledKey`'s form
  if (formulas.size === 0) return [];
  const columns = new Set(AMOUNT_ROLES.map((r) => header.columns[r]).filter((c): c is number => c !== undefined));
  const found: OwnTotal[] = [];
  for (const [key, formula] of formulas) {
    if (!TOTAL.test(formula)) continue;
    const [row, col] = key.split(',').map(Number);
    if (row < header.firstDataRow || !columns.has(col) || !refersBelow(formula, row, col)) continue;
    found.push({ row, col, formula });
  }
  const ours = new Set(found.map((t) => filledKey(t.row, t.col)));
  // a row with a figure of its own in another amount column is no heading
  const heading = (row: number) => [...columns].every((c) => (formulas.has(filledKey(row, c)) ? ours.has(filledKey(row, c)) : isEmpty(values[row]?.[c])));
  return found.filter((t) => heading(t.row));
}

/** Whether every reference of `formula` is to column `col`, below row `row` (0-based). */
function refersBelow(formula: string, row: number, col: number): boolean {
  for (const m of formula.matchAll(REF)) if (columnIndex(m[1]) !== col || Number(m[2]) - 1 <= row) return false;
  return true;
}

function isEmpty(v: RawValue | undefined): boolean {
  return v === null || v === undefined || v === '';
}

/** The grid with `cells` emptied (only their rows copied). */
export function withoutCells(values: RawValue[][], cells: readonly OwnTotal[]): RawValue[][] {
  const grid = values.slice();
  for (const { row, col } of cells) {
    const copy = (grid[row] = grid[row] === values[row] ? [...(values[row] ?? [])] : grid[row]);
    copy[col] = null;
  }
  return grid;
}
