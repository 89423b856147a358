/**
 * A layout kind is a small strategy: how its rows are typed, which rows are sums, how the sign
 * convention shows in its figures. The reader (`source.ts`) runs the same steps for every kind and asks
 * the layout at each; the standard tables of each kind are built in `tables.ts`.
 */
import type Decimal from 'decimal.js';
import { firstSignOfParsed, firstSignOfView, type RowRef } from '../amountStore';
import type { UserSumKind } from '../rowTypes';
import type { ParsedRow } from '../sourceRows';
import type { AmountRole, HeaderMap, InputIssue, RowType, SignConvention } from '../types';
import { AMOUNT_ROLES } from '../types';

export type Amounts = Partial<Record<AmountRole, Decimal>>;

export interface TypeContext {
  sheet: string;
  header: HeaderMap;
  issues: InputIssue[];
}

export interface DetectedConvention {
  convention: SignConvention;
  /** Why, as the end of a Swedish sentence (`kostnadsraderna har negativa belopp`). */
  why: string;
}

export interface Layout {
  /** What a label makes its row: a sum of other rows, or data (undefined). */
  sumKind(label: string): UserSumKind | undefined;
  /** Whether label words, account numbers and headings type the rows (an operating account's categories). */
  readonly accounts: boolean;
  /** The row's type from its own cells and words, before the sign is looked at; undefined = the sign must tell. */
  knownType(p: ParsedRow, ctx: TypeContext): RowType | undefined;
  /** The convention the figures show. */
  detectConvention(rows: (SignedRow & { type?: RowType })[]): DetectedConvention;
  /**
   * The type of a row without a known type, once the convention is known; undefined when nothing tells
   * (an error at the row). A known type is the type: the reader asks only for rows without one.
   */
  resolveType(convention: SignConvention, raw: Amounts): RowType | undefined;
  /** The direction of a sum row's avvikelse formula in the unsigned convention. */
  sumType(sum: UserSumKind, label: string, convention: SignConvention): RowType;
}

const SIGN_ORDER: readonly AmountRole[] = ['budgetHelar', 'prognosHelar', ...AMOUNT_ROLES];

/** The figure that shows a row's sign: the first non-zero of budget, prognos, then the others. */
export function signFigure(raw: Amounts): Decimal | undefined {
  for (const role of SIGN_ORDER) {
    const v = raw[role];
    if (v && !v.isZero()) return v;
  }
  return undefined;
}

/** The sign of the row's sign figure (0 when it has none), from öre when the amounts are a store's view. */
function figureSign(raw: Amounts): -1 | 0 | 1 {
  const fast = firstSignOfView(raw, SIGN_ORDER);
  if (fast !== undefined) return fast;
  const v = signFigure(raw);
  return v ? (v.isNegative() ? -1 : 1) : 0;
}

/** A row whose sign is counted: its amounts, or the reference of the parsed view they are (read without making it). */
export interface SignedRow {
  raw: Amounts;
  parsedRef?: RowRef;
}

/** Counts the rows whose sign figure is negative and positive. */
export function signCounts(rows: SignedRow[], keep: (i: number) => boolean = () => true): { negative: number; positive: number } {
  let negative = 0;
  let positive = 0;
  rows.forEach((r, i) => {
    const ref = r.parsedRef;
    const sign = !keep(i) ? 0 : ref ? firstSignOfParsed(ref, SIGN_ORDER) : figureSign(r.raw);
    if (sign < 0) negative++;
    else if (sign > 0) positive++;
  });
  return { negative, positive };
}

/** A typed cost row's direction is the sign's when the sheet is signed: negative = cost. */
export function typeBySign(convention: SignConvention, raw: Amounts): RowType | undefined {
  if (convention !== 'signed') return undefined;
  return figureSign(raw) < 0 ? 'cost' : 'revenue';
}
