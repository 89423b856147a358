import fc from 'fast-check';
import { Dec } from '../../src/core/decimal';
import { ExactSums } from '../../src/core/exactSum';
import { parseAmountCell } from '../../src/core/money';

/** The reference: every number read as the engine reads a cell, added as Decimals. */
function reference(values: number[]) {
  let total = new Dec(0);
  for (const v of values) {
    const p = parseAmountCell(v);
    if (p.kind !== 'amount') throw new Error('not an amount');
    total = total.plus(p.value);
  }
  return total;
}

/** Sum 1 of three, so neighbouring sums must stay untouched. */
function fast(values: number[]) {
  const s = new ExactSums(1);
  for (const v of values) {
    s.ensure(3);
    s.addNumber(1, v);
  }
  if (!s.value(0).isZero() || !s.value(2).isZero()) throw new Error('a neighbour changed');
  return s.value(1);
}

const ore = fc.integer({ min: -9_999_999_999_999, max: 9_999_999_999_999 }).map((k) => k / 100);
/**
 * Any double in the engine's range (amounts up to 1e15 kr; the 40 significant digits of `Dec` then hold
 * every sum exactly, so the order of addition cannot matter). Below 1e-4 a value is taken as 0: a sum
 * of 1e15 and 5e-324 would need 340 digits, in any implementation.
 */
const anyFinite = fc.double({ noNaN: true, min: -1e15, max: 1e15 }).map((x) => (Math.abs(x) < 1e-4 ? 0 : x));
const awkward = fc.constantFrom(0.1, 0.2, 0.29, 1.005, -0.005, 1e11 - 0.01, -(1e11 - 0.01), 1e11, 99999999999.99, 4.35, 1e-3, -0, 1e15, -999999999999999.9, 90071992547409.91);

describe('ExactSum: integer öre with a Decimal fallback is exactly the Decimal sum', () => {
  test('amounts in whole öre (the fast path), up to 1e11 kr', () => {
    fc.assert(fc.property(fc.array(ore, { maxLength: 200 }), (values) => fast(values).eq(reference(values))), { numRuns: 500 });
  });

  test('any double in the engine\'s range, with more decimals or above 1e11 kr (the fallback)', () => {
    fc.assert(fc.property(fc.array(fc.oneof(ore, anyFinite, awkward), { maxLength: 100 }), (values) => fast(values).eq(reference(values))), { numRuns: 500 });
  });

  test('running totals beyond 2^53 öre move into the Decimal part and stay exact', () => {
    const big = 99_999_999_999.99; // just under the fast-path limit
    const values = Array.from({ length: 2_000 }, (_, i) => (i % 3 === 2 ? -big : big));
    expect(fast(values).eq(reference(values))).toBe(true);
    const s = new ExactSums(1);
    for (let i = 0; i < 1_000; i++) s.addNumber(0, big);
    expect(s.value(0).toString()).toBe('99999999999990');
  });

  test('text amounts added as Decimals join the same sum', () => {
    const a = new ExactSums(2);
    a.addNumber(0, 0.1);
    a.addDecimal(0, new Dec('0.2'));
    a.addNumber(1, 0.7);
    a.addDecimal(1, a.value(0));
    expect(a.value(1).toString()).toBe('1');
  });
});
