/**
 * Columns a table computes from its other columns, row by row, as real reports print them:
 * - `Intäkter | Kostnader | Nettokostnad` (or `Intäkt | Kostnad | Netto` under a year): the net is
 *   revenue + costs when they carry opposite signs (costs negative, or the ledger's revenue negative),
 *   costs − revenue when both are shown positive;
 * - `Urspr budget | Om-budget | Budget`: the budget is the sum of its parts;
 * - a nämnd's result carried between years (`resultFund.ts`): the year's result and the closing one.
 * A row's computed cell is filled only where the sheet leaves it empty and every part is there.
 */
import type Decimal from 'decimal.js';
import { cellAddress } from './address';
import { Dec } from './decimal';
import { parseAmountCell } from './money';
import { allocationColumn } from './resultFund';
import { isLoneDash } from './sourceRows';
import type { ComponentColumns, HeaderMap, RawValue, RowSum } from './types';

/** A cell the report fills: its value in the sheet's unit and the formula that keeps it live. */
export interface FilledCell {
  value: Decimal;
  formula: string;
}

/** `r,c` (0-based) → the filled cell. */
export type FilledCells = Map<string, FilledCell>;

export const filledKey = (r: number, c: number) => `${r},${c}`;

/** A cell's figure; a dash printed for nothing is 0. */
function amount(grid: RawValue[][], r: number, c: number): Decimal | undefined {
  const v = grid[r]?.[c];
  const p = parseAmountCell(v);
  if (p.kind === 'amount') return p.value;
  return isLoneDash(v) ? new Dec(0) : undefined;
}

function isEmpty(grid: RawValue[][], r: number, c: number): boolean {
  return parseAmountCell(grid[r]?.[c]).kind === 'blank' && amount(grid, r, c) === undefined;
}

/** Whether revenue and costs are both shown positive in the rows: then net = costs − revenue. */
function bothPositive(grid: RawValue[][], rows: number[], set: ComponentColumns): boolean {
  let negative = 0;
  let positive = 0;
  for (const r of rows) {
    for (const c of [set.revenue, set.cost]) {
      const v = c === undefined ? undefined : amount(grid, r, c);
      if (!v || v.isZero()) continue;
      if (v.isNegative()) negative++;
      else positive++;
    }
  }
  return negative === 0 && positive > 0;
}

function netCells(grid: RawValue[][], rows: number[], set: ComponentColumns, out: FilledCells): void {
  const { revenue, cost, net } = set;
  if (revenue === undefined || cost === undefined || net === undefined) return;
  const unsigned = bothPositive(grid, rows, set);
  for (const r of rows) {
    if (!isEmpty(grid, r, net)) continue;
    const rv = amount(grid, r, revenue);
    const cv = amount(grid, r, cost);
    if (rv === undefined && cv === undefined) continue;
    const a = rv ?? new Dec(0);
    const b = cv ?? new Dec(0);
    const [ra, ca] = [cellAddress(r, revenue), cellAddress(r, cost)];
    out.set(filledKey(r, net), unsigned ? { value: b.minus(a), formula: `${ca}-${ra}` } : { value: a.plus(b), formula: `${ra}+${ca}` });
  }
}

function budgetCells(grid: RawValue[][], rows: number[], parts: number[], total: number, out: FilledCells): void {
  for (const r of rows) {
    if (!isEmpty(grid, r, total)) continue;
    const values = parts.map((c) => amount(grid, r, c));
    if (values.every((v) => v === undefined)) continue;
    const value = values.reduce<Decimal>((s, v) => s.plus(v ?? 0), new Dec(0));
    out.set(filledKey(r, total), { value, formula: parts.map((c) => cellAddress(r, c)).join('+') });
  }
}

/** A cell's figure: the sheet's, else one computed already. */
function figure(grid: RawValue[][], out: FilledCells, r: number, c: number | undefined): Decimal | undefined {
  if (c === undefined) return undefined;
  return out.get(filledKey(r, c))?.value ?? amount(grid, r, c);
}

/** `Årets resultat` = allocation − disposition + revenue + costs; `Utgående` = ingående + disposition + årets resultat. */
function resultFundCells(grid: RawValue[][], rows: number[], header: HeaderMap, out: FilledCells): void {
  const fund = header.resultFund;
  const set = header.components?.[0];
  const allocation = allocationColumn(header);
  if (!fund || fund.result === undefined) return;
  for (const r of rows) {
    const parts: { c: number | undefined; sign: 1 | -1 }[] = [
      { c: allocation, sign: 1 },
      { c: fund.disposition, sign: -1 },
      { c: set?.revenue, sign: 1 },
      { c: set?.cost, sign: 1 },
    ];
    if (isEmpty(grid, r, fund.result) && allocation !== undefined && set?.revenue !== undefined && set.cost !== undefined && parts.some((p) => figure(grid, out, r, p.c))) {
      const used = parts.filter((p) => p.c !== undefined) as { c: number; sign: 1 | -1 }[];
      const value = used.reduce<Decimal>((s, p) => s.plus((figure(grid, out, r, p.c) ?? new Dec(0)).times(p.sign)), new Dec(0));
      const formula = used.map((p, i) => `${p.sign === -1 ? '-' : i === 0 ? '' : '+'}${cellAddress(r, p.c)}`).join('');
      out.set(filledKey(r, fund.result), { value, formula });
    }
    const result = figure(grid, out, r, fund.result);
    if (fund.closing !== undefined && fund.opening !== undefined && isEmpty(grid, r, fund.closing) && result) {
      const terms = [fund.opening, fund.disposition, fund.result].filter((c): c is number => c !== undefined);
      const value = terms.reduce<Decimal>((s, c) => s.plus(figure(grid, out, r, c) ?? new Dec(0)), new Dec(0));
      out.set(filledKey(r, fund.closing), { value, formula: terms.map((c) => cellAddress(r, c)).join('+') });
    }
  }
}

/** Columns that add up others (`rowSums.ts`), left to right (a result before the result it is part of). */
function rowSumCells(grid: RawValue[][], rows: number[], sums: RowSum[], out: FilledCells): void {
  const costs = sums.flatMap((s) => s.parts.filter((p) => p.cost).map((p) => p.column));
  // costs shown positive are subtracted
  const unsigned = bothPositive(grid, rows, { cost: costs[0] }) && costs.every((c) => bothPositive(grid, rows, { cost: c }));
  for (const s of [...sums].sort((a, b) => a.total - b.total)) {
    for (const r of rows) {
      if (!isEmpty(grid, r, s.total)) continue;
      const values = s.parts.map((p) => figure(grid, out, r, p.column));
      if (values.every((v) => v === undefined)) continue;
      const minus = s.parts.map((p) => !!p.cost && unsigned);
      const value = values.reduce<Decimal>((sum, v, i) => (minus[i] ? sum.minus(v ?? 0) : sum.plus(v ?? 0)), new Dec(0));
      const formula = s.parts.map((p, i) => `${minus[i] ? '-' : i === 0 ? '' : '+'}${cellAddress(r, p.column)}`).join('');
      out.set(filledKey(r, s.total), { value, formula });
    }
  }
}

/** The cells of the computed columns that the sheet leaves empty on the given rows (0-based). */
export function derivedCells(grid: RawValue[][], header: HeaderMap, rows: number[]): FilledCells {
  const out: FilledCells = new Map();
  for (const set of header.components ?? []) netCells(grid, rows, set, out);
  if (header.budgetParts) budgetCells(grid, rows, header.budgetParts.parts, header.budgetParts.total, out);
  resultFundCells(grid, rows, header, out);
  if (header.rowSums) rowSumCells(grid, rows, header.rowSums, out);
  return out;
}

/** The grid with the filled cells' values in place (a copy of the rows touched; the input is never changed). */
export function withFilled(grid: RawValue[][], filled: FilledCells): RawValue[][] {
  if (filled.size === 0) return grid;
  const out = grid.slice();
  for (const [key, cell] of filled) {
    const [r, c] = key.split(',').map(Number);
    if (out[r] === grid[r]) out[r] = (grid[r] ?? []).slice();
    out[r][c] = cell.value.toString(); // exact: read back as the same decimal
  }
  return out;
}
