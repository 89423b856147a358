/** Period budgets: given in the sheet, or derived from the annual budget (even or by a monthly profile). */
import type Decimal from 'decimal.js';
import { Dec } from './decimal';

export const MONTHS_SV = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** `jan–aug` for 8 months, `jan` for 1. */
export function periodText(months: number): string {
  return months === 1 ? 'jan' : `jan–${MONTHS_SV[months - 1]}`;
}

/** The share of the year that the first `months` months carry: months/12, or by a 12-weight profile. */
export function periodShare(months: number, profile?: readonly Decimal[]): Decimal {
  if (!Number.isInteger(months) || months < 1 || months > 12) {
    throw new RangeError(`Perioden måste vara 1–12 månader, inte ${months}`);
  }
  if (!profile) return new Dec(months).div(12);
  if (profile.length !== 12) throw new RangeError(`Periodiseringsprofilen ska ha 12 vikter, inte ${profile.length}`);
  let total = new Dec(0);
  let part = new Dec(0);
  profile.forEach((w, i) => {
    if (w.isNegative()) throw new RangeError(`Vikten för ${MONTHS_SV[i]} är negativ`);
    total = total.plus(w);
    if (i < months) part = part.plus(w);
  });
  if (total.isZero()) throw new RangeError('Periodiseringsprofilens vikter summerar till 0');
  return part.div(total);
}

/** Period budget = annual budget × share; exact (no rounding). */
export function periodBudget(budgetHelar: Decimal, months: number, profile?: readonly Decimal[]): Decimal {
  return budgetHelar.times(periodShare(months, profile));
}
