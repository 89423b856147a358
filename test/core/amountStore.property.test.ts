import fc from 'fast-check';
import type Decimal from 'decimal.js';
import { addViewInto, AmountStore, firstSignOfParsed, firstSignOfView, oreOfSheetRow, ROW_REF, viewsOf } from '../../src/core/amountStore';
import { signFigure } from '../../src/core/layouts/layout';
import { Dec, decFromNumber, ZERO } from '../../src/core/decimal';
import { DecimalSum, oreOfDecimal } from '../../src/core/decimalSum';
import { fromInputUnit } from '../../src/core/money';
import { periodBudget } from '../../src/core/periodize';
import { sumAmounts, sumRowAmounts } from '../../src/core/tableRows';
import { AMOUNT_ROLES, type AmountRole } from '../../src/core/types';
import { toSigned } from '../../src/core/variance';

type Amounts = Partial<Record<AmountRole, Decimal>>;

/** Amounts as the reader stores them (kronor, zero as the shared ZERO): öre, tkr/mnkr input, many decimals, huge, periodized. */
const amount: fc.Arbitrary<Decimal> = fc.oneof(
  fc.integer({ min: -1e13 + 1, max: 1e13 - 1 }).map((k) => decFromNumber(k / 100)),
  fc.integer({ min: -1e9, max: 1e9 }).map((k) => fromInputUnit(new Dec(k).div(1000), 'tkr')),
  fc.integer({ min: -1e9, max: 1e9 }).map((k) => fromInputUnit(new Dec(k).div(1000), 'mnkr')),
  fc.double({ min: -1e17, max: 1e17, noNaN: true }).map((n) => (n === 0 ? ZERO : new Dec(n))),
  fc.tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 11 })).map(([k, m]) => periodBudget(new Dec(k).div(100), m)),
  fc.constantFrom(ZERO, new Dec('1e11'), new Dec('99999999999.99'), new Dec('0.001')),
);
const row = fc.record({
  amounts: fc.dictionary(fc.constantFrom(...AMOUNT_ROLES), amount),
  derived: fc.option(amount, { nil: undefined }),
  type: fc.constantFrom('revenue' as const, 'cost' as const),
  convention: fc.constantFrom('signed' as const, 'unsigned' as const, 'ledger' as const),
});
type Row = typeof row extends fc.Arbitrary<infer R> ? R : never;

/** The plain objects the reader made before: as parsed, in the sheet (period budget derived when absent), signed. */
function plain(r: Row): { parsed: Amounts; sheet: Amounts; signed: Amounts } {
  const parsed = r.amounts as Amounts;
  const sheet = r.derived && !parsed.budgetPeriod ? { ...parsed, budgetPeriod: r.derived } : parsed;
  const signed: Amounts = {};
  for (const role of AMOUNT_ROLES) if (sheet[role]) signed[role] = toSigned(sheet[role]!, r.type, r.convention);
  return { parsed, sheet, signed };
}

const negated = (r: Row) => r.convention === 'ledger' || (r.convention === 'unsigned' && r.type === 'cost');
const same = (a: Decimal | undefined, b: Decimal | undefined) => (a === undefined ? b === undefined : b !== undefined && a.eq(b) && a.s === b.s);

function stored(rows: Row[]) {
  const store = new AmountStore(2); // grown on the way
  return rows.map((r) => {
    const i = store.addRow();
    for (const [role, d] of Object.entries(r.amounts) as [AmountRole, Decimal][]) store.set(role, i, d);
    if (r.derived && !r.amounts.budgetPeriod) store.setDerivedPeriod(i, r.derived);
    if (negated(r)) store.setNegated(i);
    return viewsOf(store, i);
  });
}

describe('AmountStore views', () => {
  it('read back every amount as stored: values, signs (-0 of a negated zero too), keys, spreading', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const views = stored(rows);
        const wrong: string[] = [];
        rows.forEach((r, n) => {
          const expected = plain(r);
          for (const kind of ['parsed', 'sheet', 'signed'] as const) {
            const view = views[n][kind];
            const want = expected[kind];
            const at = `${n} ${kind}`;
            if (Object.keys(view).sort().join() !== Object.keys(want).sort().join()) wrong.push(`${at}: keys ${Object.keys(view)}`);
            for (const role of AMOUNT_ROLES) {
              const w = want[role];
              if (!same(view[role], w)) wrong.push(`${at} ${role}: ${view[role]} ≠ ${w}`);
              if (role in view !== role in want) wrong.push(`${at} ${role}: in`);
              const k = w === undefined ? undefined : oreOfDecimal(w);
              if (oreOfSheetRow({ raw: view }, role) !== (k === undefined ? undefined : k || 0)) wrong.push(`${at} ${role}: öre ${oreOfSheetRow({ raw: view }, role)}`);
            }
            const spread = { ...view };
            for (const [role, d] of Object.entries(spread) as [AmountRole, Decimal][]) if (!same(d, want[role])) wrong.push(`${at} ${role}: spread`);
            const text = (a: Amounts) => JSON.stringify(AMOUNT_ROLES.filter((k) => a[k]).map((k) => [k, a[k]!.toString()]));
            const json = (a: Amounts) => Object.entries(JSON.parse(JSON.stringify(a)) as Record<string, string>).sort().join(';'); // the roles' order is AMOUNT_ROLES' order
            if (text(view) !== text(want) || json(view) !== json(want)) wrong.push(`${at}: JSON`);
          }
        });
        expect(wrong).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('sum to the totals of the plain amounts (sumAmounts without a Decimal per whole-öre cell)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const views = stored(rows).map((v) => v.signed);
        const fast = sumAmounts(views);
        const slow = sumAmounts(rows.map((r) => plain(r).signed));
        expect(Object.keys(fast).sort()).toEqual(Object.keys(slow).sort());
        for (const role of AMOUNT_ROLES) {
          expect(same(fast[role], slow[role])).toBe(true);
          if (fast[role]) expect(fast[role]!.toString()).toBe(slow[role]!.toString());
        }
      }),
      { numRuns: 500 },
    );
  });

  it('sum linked rows a column at a time to the row-by-row totals: values, signs and key order', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.boolean(), (rows, foreign) => {
        const views = stored(rows);
        // source rows as the reader makes them; one from another store makes the sum go row by row
        const linked = views.map((v, n) => ({ row: n + 1, label: 'x', type: rows[n].type, groups: [], amounts: v.signed, [ROW_REF]: v.ref }));
        if (foreign && rows.length > 0) linked.push({ ...linked[0], [ROW_REF]: stored([rows[0]])[0].ref });
        const fast = sumRowAmounts(linked);
        const byRow = new Map<AmountRole, DecimalSum>();
        for (const r of linked) addViewInto(byRow, r.amounts, r);
        const plainSum = sumAmounts([...rows, ...rows.slice(0, foreign ? 1 : 0)].map((r) => plain(r).signed));
        expect(Object.keys(fast)).toEqual([...byRow.keys()]);
        for (const role of AMOUNT_ROLES) {
          const slow = byRow.get(role)?.value();
          expect(same(fast[role], slow)).toBe(true);
          if (slow) expect(fast[role]!.toString()).toBe(slow.toString());
          expect(same(fast[role], plainSum[role])).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('tell the sign of the first non-zero figure as signFigure on the plain amounts does', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 10 }), (rows) => {
        stored(rows).forEach((v, n) => {
          for (const kind of ['parsed', 'sheet', 'signed'] as const) {
            const figure = signFigure(plain(rows[n])[kind]);
            expect(firstSignOfView(v[kind], ['budgetHelar', 'prognosHelar', ...AMOUNT_ROLES])).toBe(figure ? (figure.isNegative() ? -1 : 1) : 0);
          }
          // through the reference, no view made: the parsed view's sign
          const parsedFigure = signFigure(plain(rows[n]).parsed);
          expect(firstSignOfParsed(v.ref, ['budgetHelar', 'prognosHelar', ...AMOUNT_ROLES])).toBe(parsedFigure ? (parsedFigure.isNegative() ? -1 : 1) : 0);
        });
      }),
      { numRuns: 300 },
    );
    expect(firstSignOfView({ budgetHelar: new Dec(-1) }, AMOUNT_ROLES)).toBeUndefined();
  });

  it('make a periodized budget again when read, the very value derived at reading', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(fc.tuple(amount, fc.boolean()), { minLength: 1, maxLength: 8 }), (months, list) => {
        const store = new AmountStore(1);
        store.remakeDerivedWith((h) => periodBudget(h, months));
        const views = list.map(([helar, cost]) => {
          const i = store.addRow();
          store.set('budgetHelar', i, helar);
          store.set('utfallPeriod', i, ZERO);
          store.setDerivedPeriod(i, periodBudget(helar, months));
          if (cost) store.setNegated(i);
          return viewsOf(store, i);
        });
        list.forEach(([helar, cost], n) => {
          const want = periodBudget(helar, months);
          expect(views[n].sheet.budgetPeriod!.toString()).toBe(want.toString());
          expect(same(views[n].signed.budgetPeriod, cost ? want.negated() : want)).toBe(true);
          expect(Object.keys(views[n].sheet)).toContain('budgetPeriod');
          expect(views[n].parsed.budgetPeriod).toBeUndefined();
        });
      }),
      { numRuns: 300 },
    );
  });

  it('refuse to be changed', () => {
    const [v] = stored([{ amounts: { budgetHelar: new Dec(5) }, derived: undefined, type: 'cost', convention: 'unsigned' }]);
    expect(() => {
      'use strict';
      (v.sheet as Record<string, unknown>).budgetHelar = new Dec(6);
    }).toThrow(TypeError);
    expect(() => Object.freeze(v.signed)).toThrow(TypeError);
    expect(v.signed.budgetHelar!.toString()).toBe('-5');
    expect(v.sheet.budgetHelar!.toString()).toBe('5');
  });
});
