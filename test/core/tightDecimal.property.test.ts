import fc from 'fast-check';
import { Dec, negatedSharing, tight } from '../../src/core/decimal';
import { parseAmountCell } from '../../src/core/money';

/** The parts decimal.js computes with: sign, exponent and the base-1e7 digit words. */
const parts = (d: InstanceType<typeof Dec>) => ({ s: d.s, e: d.e, d: d.d === null ? null : [...d.d] });

describe('tight', () => {
  it('keeps sign, exponent and digit words exactly, for any double and any decimal text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer().map((k) => k / 100)), (n) => {
        const plain = new Dec(n);
        const compact = tight(new Dec(n));
        expect(parts(compact)).toEqual(parts(plain));
        expect(compact.toString()).toBe(plain.toString());
        expect(compact.plus(1).eq(plain.plus(1))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the words of a long amount with öre', () => {
    const d = tight(new Dec('123456789012.34'));
    expect(d.d).toEqual([12345, 6789012, 3400000]);
    expect(d.toString()).toBe('123456789012.34');
  });

  it('is what a read amount cell holds: the same value as before', () => {
    const cell = parseAmountCell(-1234567.89);
    const text = parseAmountCell('−1 234 567,89');
    if (cell.kind !== 'amount' || text.kind !== 'amount') throw new Error('not an amount');
    expect(cell.value.toString()).toBe('-1234567.89');
    expect(text.value.eq(cell.value)).toBe(true);
  });
});

describe('negatedSharing', () => {
  const value = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer().map((k) => k / 100), fc.constant(0));
  it('is -x exactly, and arithmetic on either leaves the other as it was', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        const x = tight(new Dec(a));
        const before = x.toString();
        const n = negatedSharing(x);
        expect(parts(n)).toEqual(parts(x.negated()));
        expect(n.d).toBe(x.d); // the words are shared, not copied
        expect(n.toString()).toBe(x.negated().toString());
        // every operation a report does with amounts, on both values
        const y = new Dec(b);
        for (const v of [x, n]) {
          v.plus(y).minus(y).times(3).div(7).abs().toDecimalPlaces(2).round().neg();
          v.minus(v).plus(y).toSignificantDigits(3);
          v.div(1000).toNumber();
          v.decimalPlaces();
        }
        expect(x.toString()).toBe(before);
        expect(n.toString()).toBe(new Dec(before).negated().toString());
      }),
      { numRuns: 2000 },
    );
  });
});
