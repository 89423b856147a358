/**
 * Deviations (avvikelse) under both sign conventions.
 *
 * Internally amounts are signed (revenue positive, costs negative), so one rule covers every row:
 * avvikelse = actual − budget (prognos − budget for the year, utfall − budget for the period).
 * For a cost row that is exactly budget − prognos in unsigned terms: positive always means better.
 */
import type Decimal from 'decimal.js';
import { Dec, negatedSharing } from './decimal';
import type { RowType, SignConvention } from './types';

/** Whether a source amount is negated to become signed: every ledger amount, a cost row's when unsigned. */
export function negatedWhenSigned(type: RowType, convention: SignConvention): boolean {
  return convention === 'ledger' || (convention !== 'signed' && type !== 'revenue');
}

/** Converts a source amount to the internal signed convention. */
export function toSigned(value: Decimal, type: RowType, convention: SignConvention): Decimal {
  return negatedWhenSigned(type, convention) ? negatedSharing(value) : value;
}

/** Converts an internal signed amount back to the source sheet's convention. */
export function fromSigned(value: Decimal, type: RowType, convention: SignConvention): Decimal {
  return toSigned(value, type, convention);
}

/** avvikelse = actual − budget on signed amounts; positive = better than budget. */
export function deviation(budgetSigned: Decimal, actualSigned: Decimal): Decimal {
  return actualSigned.minus(budgetSigned);
}

/** Below half an öre a budget is 0: float noise from a formula (5.55e-17) gives no percentage. */
const HALF_ORE = new Dec('0.005');

/** avvikelse % = avvikelse / |budget| × 100, unrounded; null when the budget is 0 (shown as `–`). */
export function deviationPercent(dev: Decimal, budget: Decimal): Decimal | null {
  if (budget.abs().lt(HALF_ORE)) return null;
  return dev.div(budget.abs()).times(100);
}

/** Sum of signed amounts (exact). */
export function sum(values: Iterable<Decimal>): Decimal {
  let total = new Dec(0);
  for (const v of values) total = total.plus(v);
  return total;
}
