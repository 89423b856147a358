/**
 * No false alarms: any table printed correctly (every figure computed from exact kronor and rounded
 * only for display, half away from zero) audits without a single error, in tkr and in mnkr, unsigned
 * operating accounts and signed investment tables alike. A flipped sign planted in such a table is
 * always found at its cell, and a row left out of `Verksamhetens kostnader` is always pointed at.
 */
import fc from 'fast-check';
import type Decimal from 'decimal.js';
import { auditSheet } from '../../src/audit';
import { Dec } from '../../src/core/decimal';
import { roundHalfAwayFromZero } from '../../src/core/money';
import type { Grid } from './grids';

type Unit = 'tkr' | 'mnkr';
/** budget helår, prognos helår, budget period, utfall period, utfall fg år (kronor with öre, as öre). */
type Amounts = [number, number, number, number, number];

const shown = (kr: Decimal, unit: Unit): number => roundHalfAwayFromZero(kr.div(unit === 'tkr' ? 1000 : 1_000_000), unit === 'tkr' ? 0 : 1).toNumber() || 0;
const kr = (a: Amounts): Decimal[] => a.map((ore) => new Dec(ore).div(100));
const add = (rows: Decimal[][]): Decimal[] => rows.reduce((acc, r) => acc.map((x, i) => x.plus(r[i])), [0, 0, 0, 0, 0].map((x) => new Dec(x)));

/** A printed row: B, P, avvikelse, Bp, U, avvikelse, fg; `sign` +1 when avvikelse = actual − budget. */
function printed(label: string, a: Decimal[], sign: 1 | -1, unit: Unit): (string | number)[] {
  const dev = (b: Decimal, x: Decimal) => shown(x.minus(b).times(sign), unit);
  return [label, shown(a[0], unit), shown(a[1], unit), dev(a[0], a[1]), shown(a[2], unit), shown(a[3], unit), dev(a[2], a[3]), shown(a[4], unit)];
}

const HEADER: Grid = [
  [null, 'Helår', 'Helår', 'Helår', 'Perioden jan–aug', 'Perioden jan–aug', 'Perioden jan–aug', 'Perioden fg år'],
  ['Verksamhet', 'Budget', 'Prognos', 'Avvikelse', 'Budget', 'Utfall', 'Avvikelse', 'Utfall'],
];

const ore = (max: number) => fc.integer({ min: 0, max });
const amounts = (max: number): fc.Arbitrary<Amounts> => fc.tuple(ore(max), ore(max), ore(max), ore(max), ore(max));
const COSTS = ['Personal', 'Lokaler', 'Köp av verksamhet', 'Övrigt', 'Kapitalkostnader', 'Material och tjänster'];

/** An unsigned driftredovisning as our tables print it. */
function driftTable(revenue: Amounts[], costs: Amounts[], unit: Unit): Grid {
  const rev = revenue.map(kr);
  const cost = costs.map(kr);
  const rows: Grid = [['Driftredovisning'], [unit], ...HEADER];
  rev.forEach((a, i) => rows.push(printed(revenue.length > 1 ? `Intäkter ${i + 1}` : 'Verksamhetens intäkter', a, 1, unit)));
  if (rev.length > 1) rows.push(printed('Verksamhetens intäkter', add(rev), 1, unit));
  cost.forEach((a, i) => rows.push(printed(COSTS[i], a, -1, unit)));
  const costTotal = add(cost);
  rows.push(printed('Verksamhetens kostnader', costTotal, -1, unit));
  rows.push(printed('Årets resultat (nettokostnad)', costTotal.map((c, i) => c.minus(add(rev)[i])), -1, unit));
  return rows;
}

/** A signed investment table: two groups with `Summa …` and a grand `Summa`. */
function investmentTable(groups: Amounts[][], unit: Unit): Grid {
  const rows: Grid = [['Investeringar'], [unit], ...HEADER];
  const sums: Decimal[][] = [];
  groups.forEach((items, g) => {
    rows.push([`Grupp ${g + 1}`]);
    const signed = items.map((a) => kr(a).map((x, i) => (i % 2 === 0 || g === 0 ? x.negated() : x)));
    signed.forEach((a, i) => rows.push(printed(`Projekt ${g + 1}.${i + 1}`, a, 1, unit)));
    const sum = add(signed);
    sums.push(sum);
    rows.push(printed(`Summa grupp ${g + 1}`, sum, 1, unit));
  });
  rows.push(printed('Summa', add(sums), 1, unit));
  return rows;
}

const errorsOf = (grid: Grid) => auditSheet('T', grid as never).findings.filter((f) => f.kind === 'error');

describe('clean printed tables raise no errors', () => {
  test('unsigned driftredovisning in tkr', () => {
    fc.assert(
      fc.property(fc.array(amounts(2_000_000_000), { minLength: 1, maxLength: 3 }), fc.array(amounts(9_000_000_000), { minLength: 2, maxLength: 6 }), (rev, costs) => {
        expect(errorsOf(driftTable(rev, costs, 'tkr'))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  test('unsigned driftredovisning in mnkr', () => {
    fc.assert(
      fc.property(fc.array(amounts(2_000_000_000), { minLength: 1, maxLength: 3 }), fc.array(amounts(9_000_000_000), { minLength: 2, maxLength: 6 }), (rev, costs) => {
        expect(errorsOf(driftTable(rev, costs, 'mnkr'))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  test('signed investments with groups, in tkr and mnkr', () => {
    fc.assert(
      fc.property(fc.array(fc.array(amounts(5_000_000_000), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 }), fc.constantFrom<Unit>('tkr', 'mnkr'), (groups, unit) => {
        expect(errorsOf(investmentTable(groups, unit))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

test('a flipped sign planted in a clean table is found at its cell', () => {
  fc.assert(
    fc.property(fc.array(amounts(2_000_000_000), { minLength: 1, maxLength: 2 }), fc.array(amounts(9_000_000_000), { minLength: 3, maxLength: 6 }), fc.nat(), (rev, costs, pick) => {
      const grid = driftTable(rev, costs, 'tkr');
      const items = grid.map((row, r) => ({ row, r })).filter(({ row, r }) => r >= 4 && COSTS.includes(row[0] as string) && Math.abs(row[3] as number) > 2);
      fc.pre(items.length > 0);
      const { row, r } = items[pick % items.length];
      row[3] = -(row[3] as number);
      const found = errorsOf(grid);
      expect(found).toEqual([expect.objectContaining({ cell: `D${r + 1}`, found: row[3], expected: -(row[3] as number), kind: 'error' })]);
      expect(found[0].message).toContain('tecknet är omvänt');
    }),
    { numRuns: 100 },
  );
});

test('a cost row left out of Verksamhetens kostnader is pointed at, whether or not Årets resultat followed', () => {
  fc.assert(
    fc.property(fc.array(amounts(2_000_000_000), { minLength: 1, maxLength: 2 }), fc.array(amounts(9_000_000_000), { minLength: 3, maxLength: 6 }), fc.nat(), fc.boolean(), (rev, costs, pick, netFollows) => {
      const grid = driftTable(rev, costs, 'tkr');
      const items = grid.map((row, r) => ({ row, r })).filter(({ row, r }) => r >= 4 && COSTS.includes(row[0] as string));
      const { row, r } = items[pick % items.length];
      fc.pre([1, 2, 4, 5, 7].every((c) => Math.abs(row[c] as number) > 5));
      const sum = grid.find((x) => x[0] === 'Verksamhetens kostnader')!;
      const net = grid.find((x) => x[0] === 'Årets resultat (nettokostnad)')!;
      for (let c = 1; c <= 7; c++) {
        sum[c] = (sum[c] as number) - (row[c] as number);
        if (netFollows) net[c] = (net[c] as number) - (row[c] as number);
      }
      const found = errorsOf(grid);
      expect(found).toEqual([expect.objectContaining({ cell: `B${r + 1}`, label: row[0] })]);
      expect(found[0].message).toContain(`raden ${row[0]} verkar saknas i summan Verksamhetens kostnader`);
    }),
    { numRuns: 100 },
  );
});
