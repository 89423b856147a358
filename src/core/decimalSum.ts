/**
 * Exact sums of Decimals that are mostly whole öre, without a Decimal addition per value.
 *
 * `oreOf` reads a Decimal's digit words back into an integer of öre when the value is a whole number of
 * öre below 1e11 kronor (the same range `ExactSums` takes numbers in). A `DecimalSum` adds such integers
 * in a plain number (below 9e15 < 2^53 every integer is a double and addition is exact) until the first
 * value that is not whole öre, or a total that would leave that range; from then on it adds Decimals,
 * starting from the exact Decimal of the öre so far. Adding whole öre with decimal.js at 40 digits is
 * exact too, so the total is the very value `new Dec(0).plus(a).plus(b)…` gives, in the same order:
 * the Decimal additions that can round (repeating decimals of a periodized budget) see the same operands.
 * `test/core/decimalSum.property.test.ts` checks this on arbitrary input.
 */
import type Decimal from 'decimal.js';
import { Dec, decFromOre } from './decimal';

const INT_LIMIT = 9e15;
const WORD_EXP = 7;

/** 10^(7w) × 100 for a word `w` places left of the units word (w = 1, 0), 1e-5 for the first fraction word. */
function oreScale(w: number): number {
  return w === 1 ? 1e9 : w === 0 ? 100 : 1e-5;
}

/** The value in öre when it is a whole number of öre below 1e11 (or 0), else undefined. */
export function oreOfDecimal(x: Decimal): number | undefined {
  const words = x.d;
  if (!words) return undefined;
  if (words[0] === 0) return 0;
  if (x.e > 10) return undefined;
  const top = Math.floor(x.e / WORD_EXP);
  let k = 0;
  for (let i = 0; i < words.length; i++) {
    const w = top - i;
    const word = words[i];
    if (w < -1) {
      if (word !== 0) return undefined;
    } else if (w === -1) {
      if (word % 100000 !== 0) return undefined;
      k += word / 100000;
    } else k += word * oreScale(w);
  }
  return x.s < 0 ? -k : k;
}

/** The exact Decimal of `k` öre for an integer |k| < 9e15; 0 is `+0`, as a decimal.js sum gives. */
export function decimalOfOre(k: number): Decimal {
  if (k === 0) return new Dec(0);
  return k < 1e13 && k > -1e13 ? decFromOre(k) : new Dec(k).div(100);
}

/** One running exact total (see the module comment). */
export class DecimalSum {
  private ore = 0;
  private exact: Decimal | undefined;

  add(d: Decimal): void {
    if (this.exact === undefined) {
      const k = oreOfDecimal(d);
      if (k !== undefined) {
        const next = this.ore + k;
        if (next < INT_LIMIT && next > -INT_LIMIT) {
          this.ore = next;
          return;
        }
      }
      this.exact = decimalOfOre(this.ore);
    }
    this.exact = this.exact.plus(d);
  }

  /** Adds `k` öre (an integer below 1e13 in size, as `oreOfDecimal` gives). */
  addOre(k: number): void {
    if (this.exact === undefined) {
      const next = this.ore + k;
      if (next < INT_LIMIT && next > -INT_LIMIT) {
        this.ore = next;
        return;
      }
      this.exact = decimalOfOre(this.ore);
    }
    this.exact = this.exact.plus(decimalOfOre(k));
  }

  value(): Decimal {
    return this.exact ?? decimalOfOre(this.ore);
  }
}
