/**
 * Excel expressions for the threshold flags on the avvikelse columns of the user's own sheets, used as
 * conditional formats so the flags follow edits. The same thresholds as the engine: |avvikelse| ≥
 * amount OR |avvikelse| / |budget| ≥ percent. (The tables sheet colours by the engine's own verdict
 * instead, see `layout.ts`: its figures are rounded, the engine's are not.)
 */
import type Decimal from 'decimal.js';
import type { Direction, FlagLevel, ThresholdLevel, Thresholds } from '../core/types';
import type { ConditionalFormat } from '../workbook/port';

/** Invariant number text for a formula (no exponent, `.` as decimal point). */
export function formulaNumber(d: Decimal): string {
  return d.toFixed();
}

/**
 * Decimals a test is rounded to before it is compared: a deviation computed by Excel in binary (`C5-D5`)
 * can land a hair beside the exact figure the engine sees, and the percentage test's products too, so
 * a deviation exactly on a threshold would fall on either side. Rounded to far below the cells' own
 * precision (öre in kronor, a thousandth of an öre in tkr) and far above the float error of any
 * budget up to ten billion kronor, Excel decides exactly as the engine.
 */
function testDecimals(amountPerTkr: Decimal): number {
  return amountPerTkr.gte(1000) ? 4 : 6;
}

/**
 * One level's test on a deviation cell. `amountPerTkr` converts the tkr threshold into the cells' unit
 * (1000 for kronor, 1 for tkr, 0.001 for mnkr).
 */
function crossesExpr(dev: string, budget: string, level: ThresholdLevel, amountPerTkr: Decimal): string | undefined {
  const parts: string[] = [];
  const d = testDecimals(amountPerTkr);
  if (level.amountTkr) parts.push(`ROUND(ABS(${dev}),${d})>=${formulaNumber(level.amountTkr.times(amountPerTkr))}`);
  // no division: Excel's AND evaluates every argument, so `ABS(dev)/ABS(budget)` would make the whole
  // rule #DIV/0! on a zero budget and hide a flag the amount test should raise
  if (level.percent) parts.push(`AND(${budget}<>0,ROUND(ABS(${dev})*100-ABS(${budget})*${formulaNumber(level.percent)},${d})>=0)`);
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : `OR(${parts.join(',')})`;
}

export const FLAG_COLORS: Record<FlagLevel, Record<Direction, { fill: string; fontColor: string }>> = {
  comment: { negative: { fill: 'FFFFC7CE', fontColor: 'FF9C0006' }, positive: { fill: 'FFC6EFCE', fontColor: 'FF006100' } },
  observe: { negative: { fill: 'FFFFEB9C', fontColor: 'FF9C5700' }, positive: { fill: 'FFE2EFDA', fontColor: 'FF375623' } },
};

/**
 * Four rules (comment before observe, negative and positive) for a deviation range whose top-left
 * deviation cell is `dev` and whose same-row budget is `budget` (both relative references).
 */
export function flagRules(dev: string, budget: string, thresholds: Thresholds, amountPerTkr: Decimal): ConditionalFormat['rules'] {
  const rules: ConditionalFormat['rules'] = [];
  for (const level of ['comment', 'observe'] as FlagLevel[]) {
    const test = crossesExpr(dev, budget, thresholds[level], amountPerTkr);
    if (!test) continue;
    for (const dir of ['negative', 'positive'] as Direction[]) {
      const sign = dir === 'negative' ? `${dev}<0` : `${dev}>0`;
      rules.push({ formula: `AND(ISNUMBER(${dev}),${sign},${test})`, ...FLAG_COLORS[level][dir] });
    }
  }
  return rules;
}
