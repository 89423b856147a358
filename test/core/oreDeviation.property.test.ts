import fc from 'fast-check';
import { Dec } from '../../src/core/decimal';
import { deviationFromOre, deviationShareFromOre } from '../../src/core/oreDeviation';

/** Whole öre as the store holds them (|k| < 1e13), with powers of two and tiny budgets well covered. */
const ore = fc.oneof(
  fc.integer({ min: -1e13 + 1, max: 1e13 - 1 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.integer({ min: 0, max: 43 }).chain((p) => fc.constantFrom(2 ** p, -(2 ** p), 2 ** p + 1, 3 * 2 ** Math.max(0, p - 2))),
  fc.constantFrom(0, 1, -1, 1e13 - 1, -(1e13 - 1), 5, 10, 100),
);
const unit = fc.constantFrom(1, 1000, 1_000_000); // kr, tkr, mnkr

/** What fill.ts computes on Decimals: the deviation in the sheet's unit, and its share of |budget|. */
function decimalPath(ka: number, kb: number, costLike: boolean, per: number): { value: number; share: number } {
  const a = new Dec(ka).div(100);
  const b = new Dec(kb).div(100);
  const kr = costLike ? b.minus(a) : a.minus(b);
  const value = (per === 1 ? kr : kr.div(per)).toNumber() || 0;
  const share = b.isZero() ? Number.NaN : kr.div(b.abs()).toNumber() || 0;
  return { value, share };
}

describe('deviations from whole öre', () => {
  it('give the very doubles the Decimal path caches, in every unit and both directions', () => {
    fc.assert(
      fc.property(ore, ore, fc.boolean(), unit, (ka, kb, costLike, per) => {
        const expected = decimalPath(ka, kb, costLike, per);
        const value = deviationFromOre(ka, kb, costLike, per);
        const share = deviationShareFromOre(costLike ? kb - ka : ka - kb, kb);
        expect(Object.is(value, expected.value)).toBe(true);
        expect(Object.is(share, expected.share)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('never give -0, and no share of a zero budget', () => {
    expect(Object.is(deviationFromOre(-5, -5, false, 1), 0)).toBe(true);
    expect(Object.is(deviationFromOre(0, 0, true, 1000), 0)).toBe(true);
    expect(Object.is(deviationShareFromOre(0, -7), 0)).toBe(true);
    expect(deviationShareFromOre(12, 0)).toBeNaN();
  });

  it('turn a cost row around: budget − actual', () => {
    expect(deviationFromOre(150000, 100000, true, 1)).toBe(-500);
    expect(deviationFromOre(150000, 100000, false, 1000)).toBe(0.5);
    expect(deviationShareFromOre(-50000, 100000)).toBe(-0.5);
  });
});
