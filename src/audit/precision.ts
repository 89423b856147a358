/**
 * The precision of a printed table, read from its figures: `4,823` mnkr has three decimals, `1 234,5`
 * tkr one. The audit's rounding tolerance and the figure it expects come from it, so a table printed in
 * mnkr with three decimals is checked to the tkr, and an exact row is not given a rounding note.
 */
import { parseAmountCell } from '../core/money';
import type { RawValue } from '../core/types';

/** Printed figures carry at most this many decimals (mnkr to the tkr); more is an unrounded value. */
const MAX_PRINTED = 3;

/**
 * The decimals a cell is printed with: counted in its text (`4,800` has three, trailing zeros too), or
 * a number's own decimals when it has at most three (more is an unrounded formula result, which says
 * nothing about how the table is printed); undefined for no figure.
 */
export function printedDecimals(v: RawValue): number | undefined {
  if (typeof v === 'string') {
    if (parseAmountCell(v).kind !== 'amount') return undefined;
    const m = /[.,](\d+)\s*(?:kr)?\s*\)?$/i.exec(v.trim());
    // `1 234` and `1.234.567` group thousands: a last group of exactly three digits after a dot or
    // comma is a decimal part only where the figure has no other grouping
    if (!m) return 0;
    const grouped = /\d[ .,\u00a0\u202f]\d{3}[ .,\u00a0\u202f]\d/.test(v) || /^\s*-?\s*\d{1,3}(?:[.,]\d{3}){2,}/.test(v);
    return grouped ? 0 : Math.min(m[1].length, MAX_PRINTED);
  }
  if (typeof v === 'number' && Number.isFinite(v)) {
    const parsed = parseAmountCell(v);
    if (parsed.kind !== 'amount') return undefined;
    const d = parsed.value.decimalPlaces();
    return d <= MAX_PRINTED ? d : undefined;
  }
  return undefined;
}

/**
 * The table's decimals: the most that at least two figures (or a tenth of them) are printed with, so
 * one stray figure does not change the table's precision. `cap` bounds it (kr: öre).
 */
export function tableDecimals(cells: RawValue[], cap = MAX_PRINTED): number {
  const counts = new Array<number>(MAX_PRINTED + 1).fill(0);
  let total = 0;
  for (const v of cells) {
    const d = printedDecimals(v);
    if (d === undefined) continue;
    counts[d]++;
    total++;
  }
  const needed = Math.min(total, Math.max(2, Math.ceil(total / 10)));
  let atLeast = 0;
  for (let d = MAX_PRINTED; d > 0; d--) {
    atLeast += counts[d];
    if (atLeast >= needed && atLeast > 0) return Math.min(d, cap);
  }
  return 0;
}
