/** Threshold flags: observe / comment, both directions. */
import type Decimal from 'decimal.js';
import { Dec } from './decimal';
import type { Direction, FlagLevel, ThresholdLevel, Thresholds } from './types';

/** Defaults: comment at ≥ 1 000 tkr or ≥ 10 %, observe at ≥ 500 tkr or ≥ 5 %. */
export const DEFAULT_THRESHOLDS: Thresholds = {
  observe: { amountTkr: new Dec(500), percent: new Dec(5) },
  comment: { amountTkr: new Dec(1000), percent: new Dec(10) },
};

function crosses(devKr: Decimal, percent: Decimal | null, level: ThresholdLevel): boolean {
  if (level.amountTkr && devKr.abs().div(1000).gte(level.amountTkr)) return true;
  if (level.percent && percent && percent.abs().gte(level.percent)) return true;
  return false;
}

/** The highest level a deviation crosses, or null. A zero deviation is never flagged. */
export function flagLevel(devKr: Decimal, percent: Decimal | null, thresholds: Thresholds): FlagLevel | null {
  if (devKr.isZero()) return null;
  if (crosses(devKr, percent, thresholds.comment)) return 'comment';
  if (crosses(devKr, percent, thresholds.observe)) return 'observe';
  return null;
}

export function direction(devKr: Decimal): Direction | null {
  if (devKr.isZero()) return null;
  return devKr.isPositive() ? 'positive' : 'negative';
}

export function levelRank(level: FlagLevel | null): number {
  return level === 'comment' ? 2 : level === 'observe' ? 1 : 0;
}
