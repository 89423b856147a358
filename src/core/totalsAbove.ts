/**
 * Totals typed above their rows in a source sheet (a nämnd's total on its own row, its verksamheter
 * below): such a row is a sum, not data, or it would be counted twice. Found by the figures
 * (`groupTotals.ts`), and only where every column of the row is the sum of the rows under it.
 */
import { Dec } from './decimal';
import { EVERY, parseGroupTotals } from './groupTotals';
import { kronorPer } from './money';
import type { ParsedRow } from './sourceRows';
import type { AmountRole, InputUnit } from './types';

/** Rows searched at most (the search is quadratic in the worst case). */
const MAX_ROWS = 500;

export interface TotalsAbove {
  /** The rows (as parsed) that are totals of the rows below them. */
  totals: ParsedRow[];
}

/**
 * Finds the rows whose figures are, in every column, the sum of the two or more rows after them
 * (within the rounding of the sheet's figures), and gives the rows under each total its label as their
 * group. Returns the totals; the caller reads them as sums.
 */
export function takeTotalsAbove(rows: ParsedRow[], roles: AmountRole[], decimals: number, inputUnit: InputUnit): TotalsAbove {
  if (rows.length < 3 || rows.length > MAX_ROWS || roles.length === 0) return { totals: [] };
  const step = new Dec(kronorPer(inputUnit)).div(new Dec(10).pow(decimals));
  // each row's figures made once: the search reads them again for every candidate total above the row
  const figures = rows.map((p) => ({ values: { ...p.raw } as Partial<Record<string, Dec>> }));
  const { groups } = parseGroupTotals(figures, rows.map((_, i) => i), roles, step, EVERY, 2);
  if (groups.length === 0) return { totals: [] };
  const path = new Map<number, string[]>();
  for (const g of groups) {
    const total = rows[g.total];
    const above = path.get(g.total) ?? total.groups;
    for (const k of g.kids) path.set(k, [...above, total.label]);
  }
  for (const [i, groups] of path) rows[i].groups = groups;
  return { totals: groups.map((g) => rows[g.total]) };
}
