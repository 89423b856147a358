import Decimal from 'decimal.js';
import fc from 'fast-check';
import {
  displayAmount,
  formatSwedish,
  parseAmountCell,
  parseSwedishNumber,
  roundHalfAwayFromZero,
  toJsonNumber,
} from '../../src/core/money';

/** A decimal string with up to 15 integer digits and up to 2 decimals, either sign. */
const amountText = fc
  .tuple(
    fc.boolean(),
    fc.stringMatching(/^[1-9]\d{0,14}$|^0$/),
    fc.option(fc.stringMatching(/^\d{1,2}$/), { nil: undefined }),
  )
  .map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac === undefined ? '' : `.${frac}`}`);
const amount = amountText.map((s) => new Decimal(s));

/** Arbitrary decimals with up to 6 decimals (to exercise rounding at 0–3 places). */
const anyDecimal = fc
  .tuple(fc.boolean(), fc.stringMatching(/^\d{1,15}$/), fc.stringMatching(/^\d{0,6}$/))
  .map(([neg, int, frac]) => new Decimal(`${neg ? '-' : ''}${int}${frac === '' ? '' : `.${frac}`}`));
const places = fc.integer({ min: 0, max: 3 });

describe('money properties', () => {
  it('formatSwedish → parseSwedishNumber round-trips', () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 2, max: 4 }), (d, dp) => {
        const text = formatSwedish(d, dp);
        const back = parseSwedishNumber(text);
        expect(back).not.toBeNull();
        expect(back?.eq(d)).toBe(true);
      }),
    );
  });

  it('parseAmountCell reads the Swedish display of any amount, with NBSP separators too', () => {
    fc.assert(
      fc.property(amount, (d) => {
        const text = formatSwedish(d, 2).replace(/ /g, '\u00A0');
        const cell = parseAmountCell(text);
        expect(cell.kind).toBe('amount');
        if (cell.kind === 'amount') expect(cell.value.eq(d)).toBe(true);
      }),
    );
  });

  it('rounding is symmetric: round(-x) = -round(x)', () => {
    fc.assert(
      fc.property(anyDecimal, places, (x, dp) => {
        const a = roundHalfAwayFromZero(x.neg(), dp);
        const b = roundHalfAwayFromZero(x, dp).neg();
        expect(a.eq(b)).toBe(true);
      }),
    );
  });

  it('rounding never yields -0', () => {
    fc.assert(
      fc.property(anyDecimal, places, (x, dp) => {
        const r = roundHalfAwayFromZero(x, dp);
        expect(Object.is(toJsonNumber(r), -0)).toBe(false);
        expect(r.isZero() && r.isNegative()).toBe(false);
        expect(/^-0(,0+)?$/.test(formatSwedish(x, dp))).toBe(false);
      }),
    );
  });

  it('displayAmount never shows -0', () => {
    fc.assert(
      fc.property(anyDecimal, fc.constantFrom<'tkr' | 'mnkr'>('tkr', 'mnkr'), (kr, unit) => {
        expect(Object.is(toJsonNumber(displayAmount(kr, unit)), -0)).toBe(false);
      }),
    );
  });

  it('|round(x) − x| ≤ 0.5·10^−dp, with ties going away from zero', () => {
    fc.assert(
      fc.property(anyDecimal, places, (x, dp) => {
        const r = roundHalfAwayFromZero(x, dp);
        const half = new Decimal(10).pow(-dp).times('0.5');
        const diff = r.minus(x).abs();
        expect(diff.lte(half)).toBe(true);
        if (diff.eq(half)) expect(r.abs().gt(x.abs())).toBe(true);
        expect(r.decimalPlaces()).toBeLessThanOrEqual(dp);
      }),
    );
  });
});
