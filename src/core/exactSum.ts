/**
 * Exact sums of many amounts, fast: whole öre are added as integers in a plain number, and only what
 * cannot be held that way goes through decimal.js.
 *
 * Why the fast path is exact (and equal to adding `new Dec(n)` one by one):
 * - A cell number `n` takes the fast path only when |n| < 1e11 and `k = Math.round(n × 100)` gives back
 *   `k / 100 === n`. Division is correctly rounded, so `n` is then the double nearest to the decimal
 *   k/100. Below 1e11 two doubles are less than 2^-16 apart, far closer than 0.01, so k/100 is the only
 *   decimal with at most two decimals that maps to `n`; the shortest text that reads back as `n` (what
 *   `n.toString()` and so `new Dec(n)` use) is therefore exactly k/100.
 * - The integers are kept below 9e15 < 2^53, where every integer is a double and addition is exact;
 *   before the running total would leave that range it is moved into the Decimal part.
 * Everything else (more than two decimals, huge amounts, numeric text already parsed to Decimal) is
 * added as a Decimal. `test/core/exactSum.property.test.ts` checks the equality on arbitrary input.
 */
import type Decimal from 'decimal.js';
import { Dec } from './decimal';

const FAST_LIMIT = 1e11;
const INT_LIMIT = 9e15;

export class ExactSum {
  private ore = 0;
  private rest: Decimal | null = null;

  /** Adds a finite number as Excel stored it. */
  addNumber(n: number): void {
    if (n < FAST_LIMIT && n > -FAST_LIMIT) {
      const k = Math.round(n * 100);
      if (k / 100 === n) {
        const next = this.ore + k;
        if (next < INT_LIMIT && next > -INT_LIMIT) this.ore = next;
        else {
          this.addDecimal(new Dec(this.ore).div(100));
          this.ore = k;
        }
        return;
      }
    }
    this.addDecimal(new Dec(n));
  }

  addDecimal(d: Decimal): void {
    this.rest = this.rest ? this.rest.plus(d) : d;
  }

  /** Adds another sum into this one. */
  addSum(other: ExactSum): void {
    this.addDecimal(other.value());
  }

  /** The exact total. */
  value(): Decimal {
    const whole = new Dec(this.ore).div(100);
    return this.rest ? whole.plus(this.rest) : whole;
  }
}
