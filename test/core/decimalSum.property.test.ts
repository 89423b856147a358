import fc from 'fast-check';
import type Decimal from 'decimal.js';
import { Dec, decFromNumber, negatedSharing } from '../../src/core/decimal';
import { DecimalSum, oreOfDecimal } from '../../src/core/decimalSum';
import { periodBudget } from '../../src/core/periodize';
import { parseAmountCell } from '../../src/core/money';
import { sumAmounts } from '../../src/core/tableRows';

/** Amounts as the reader makes them: cell numbers, text, tkr/mnkr input, negated cost rows, periodized budgets, huge ones. */
const amount: fc.Arbitrary<Decimal> = fc.oneof(
  fc.integer({ min: -1e13 + 1, max: 1e13 - 1 }).map((k) => decFromNumber(k / 100)),
  fc.double({ min: -1e17, max: 1e17, noNaN: true }).map((n) => new Dec(n)),
  fc.integer({ min: -1e9, max: 1e9 }).map((k) => new Dec(k).div(1000).times(1000)), // tkr with three decimals, in kronor
  fc.integer({ min: -1e9, max: 1e9 }).map((k) => new Dec(k).div(1000).times(1e6)), // mnkr
  fc.integer({ min: -1e11, max: 1e11 }).map((k) => negatedSharing(decFromNumber(k / 100))), // a cost row, signed
  fc.tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 11 })).map(([k, m]) => periodBudget(new Dec(k).div(100), m)),
  fc.constantFrom(new Dec(0), new Dec(-0), negatedSharing(new Dec(0)), new Dec('99999999999.99'), new Dec('1e11'), new Dec('0.005'), new Dec('4.5e15'), new Dec('-8.9e13')),
  fc.string().map((t) => parseAmountCell(t)).filter((p) => p.kind === 'amount').map((p) => (p as { value: Decimal }).value),
);

const plainSum = (list: Decimal[]) => list.reduce((t, v) => t.plus(v), new Dec(0));
const parts = (d: Decimal) => ({ s: d.s, e: d.e, text: d.toString(), n: d.toNumber() });

describe('oreOfDecimal', () => {
  it('gives the exact öre of whole-öre values below 1e11, and nothing for any other value', () => {
    fc.assert(
      fc.property(amount, (d) => {
        const k = oreOfDecimal(d);
        const whole = d.times(100);
        const fits = whole.isInteger() && d.abs().lt(1e11);
        expect(k !== undefined).toBe(fits);
        if (k !== undefined) {
          expect(Number.isInteger(k)).toBe(true);
          expect(new Dec(k).div(100).eq(d)).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
  });
});

describe('DecimalSum', () => {
  it('totals to the very value a chain of Decimal additions gives, whatever the mix', () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 40 }), (list) => {
        const sum = new DecimalSum();
        for (const d of list) sum.add(d);
        expect(parts(sum.value())).toEqual(parts(plainSum(list)));
        expect(sum.value().eq(plainSum(list))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('moves to Decimals before the öre would leave the exact integers', () => {
    const sum = new DecimalSum();
    const big = new Dec('99999999999.99');
    for (let i = 0; i < 100000; i++) sum.add(big);
    expect(sum.value().toString()).toBe(big.times(100000).toString());
  });

  it('gives +0 for amounts that cancel or are all -0, as decimal.js does', () => {
    const sum = new DecimalSum();
    for (const d of [new Dec(-0), new Dec('12.5'), new Dec('-12.5')]) sum.add(d);
    expect(Object.is(sum.value().toNumber(), 0)).toBe(true);
  });
});

describe('sumAmounts', () => {
  const roles = ['budgetHelar', 'prognosHelar', 'budgetPeriod', 'utfallPeriod'] as const;
  it('sums each role exactly, keeping the roles in order of first appearance', () => {
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.constantFrom(...roles), amount), { maxLength: 20 }), (rows) => {
        const total = sumAmounts(rows);
        const expected: Record<string, Decimal> = {};
        for (const r of rows) for (const [k, v] of Object.entries(r)) expected[k] = (expected[k] ?? new Dec(0)).plus(v);
        expect(Object.keys(total)).toEqual(Object.keys(expected));
        for (const k of Object.keys(expected)) expect(parts(total[k as (typeof roles)[number]]!)).toEqual(parts(expected[k]));
      }),
      { numRuns: 1000 },
    );
  });
});
