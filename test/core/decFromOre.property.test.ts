import fc from 'fast-check';
import { Dec, decFromNumber, decFromOre, oreOf } from '../../src/core/decimal';

/** The parts decimal.js computes with: sign, exponent and the base-1e7 digit words. */
const parts = (d: InstanceType<typeof Dec>) => ({ s: d.s, e: d.e, d: d.d === null ? null : [...d.d] });

/** Whole öre of every size the fast path takes, with the word boundaries (1e7 kronor) well covered. */
const ore = fc.oneof(
  fc.integer({ min: -1e13 + 1, max: 1e13 - 1 }),
  fc.integer({ min: -99999, max: 99999 }),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(0, 1, 9999999), fc.integer({ min: 0, max: 99 }), fc.boolean()).map(([hi, lo, c, neg]) => (neg ? -1 : 1) * ((hi * 1e7 + lo) * 100 + c)),
);

describe('decFromNumber', () => {
  it('builds exactly what new Dec(n) builds for whole öre: sign, exponent, digit words, clone', () => {
    fc.assert(
      fc.property(ore, (k) => {
        const n = k / 100;
        const fast = decFromNumber(n);
        const plain = new Dec(n);
        expect(parts(fast)).toEqual(parts(plain));
        expect(fast.constructor).toBe(Dec);
        expect(fast.toString()).toBe(plain.toString());
        expect(fast.minus(plain).isZero()).toBe(true);
        expect(fast.times(1000).eq(plain.times(1000))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('equals new Dec(n) for any double, on the fast path or off it (-0, tiny, huge, many decimals)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 0.1 + 0.2, 1e11 - 0.01, 1e11, 5e-324)), (n) => {
        const fast = decFromNumber(n);
        const plain = new Dec(n);
        expect(parts(fast)).toEqual(parts(plain));
        expect(fast.toString()).toBe(plain.toString());
      }),
      { numRuns: 5000 },
    );
  });

  it('takes the fast path only for whole öre below 1e11', () => {
    expect(oreOf(1234.56)).toBe(123456);
    expect(oreOf(-0.07)).toBe(-7);
    expect(oreOf(0.1 + 0.2)).toBeUndefined();
    expect(oreOf(1.005)).toBeUndefined();
    expect(oreOf(1e11)).toBeUndefined();
  });

  it('lays the words out as decimal.js does at the edges of a word', () => {
    expect(parts(decFromOre(1e9))).toEqual({ s: 1, e: 7, d: [1] });
    expect(parts(decFromOre(-100000001))).toEqual({ s: -1, e: 6, d: [1000000, 100000] });
    expect(parts(decFromOre(5))).toEqual({ s: 1, e: -2, d: [500000] });
    expect(parts(decFromOre(1000000005))).toEqual({ s: 1, e: 7, d: [1, 0, 500000] });
  });
});
