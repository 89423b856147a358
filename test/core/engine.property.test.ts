import Decimal from 'decimal.js';
import fc from 'fast-check';
import { Dec } from '../../src/core/decimal';
import { displayAmount, displayPercent, formatSwedish, roundHalfAwayFromZero, toJsonNumber, toUnit, unitDecimals } from '../../src/core/money';
import { detectHeader } from '../../src/core/roles';
import { readSourceTable, type SourceTable } from '../../src/core/source';
import { investeringar } from '../../src/core/tables';
import { standardTables } from '../../src/core/standardTables';
import { DEFAULT_THRESHOLDS } from '../../src/core/thresholds';
import type { RawValue, SignConvention, StandardTable, TableRow, TableSettings, Unit } from '../../src/core/types';

/** Kronor with öre, |x| ≤ 1e12, either sign, as exact text. */
const bigAmount = fc
  .tuple(fc.boolean(), fc.bigInt({ min: BigInt(0), max: BigInt('1000000000000') }), fc.integer({ min: 0, max: 99 }))
  .map(([neg, kr, ore]) => `${neg ? '-' : ''}${kr}.${String(ore).padStart(2, '0')}`);
/** Small amounts (below one tkr, so they round to 0 and may be negative: the -0 trap). */
const smallAmount = fc
  .tuple(fc.boolean(), fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 99 }))
  .map(([neg, kr, ore]) => `${neg ? '-' : ''}${kr}.${String(ore).padStart(2, '0')}`);
const amount = fc.oneof({ arbitrary: bigAmount, weight: 4 }, { arbitrary: smallAmount, weight: 2 }, { arbitrary: fc.constant('0'), weight: 1 });

type Typ = 'Intäkt' | 'Kostnad';
interface GenRow {
  group: string;
  typ: Typ;
  /** budget helår, prognos helår, budget period, utfall period (sheet convention, kronor). */
  amounts: [string, string, string, string];
}

const genRow: fc.Arbitrary<GenRow> = fc.record({
  group: fc.constantFrom('Förskola', 'Grundskola', 'Äldreomsorg'),
  typ: fc.constantFrom<Typ>('Intäkt', 'Kostnad'),
  amounts: fc.tuple(amount, amount, amount, amount),
});
/** At least one revenue and one cost row. */
const genRows = fc.array(genRow, { minLength: 2, maxLength: 9 }).map((rows) => {
  rows[0] = { ...rows[0], typ: 'Intäkt' };
  rows[1] = { ...rows[1], typ: 'Kostnad' };
  return rows;
});

const AMOUNT_COLS = ['budgetHelar', 'prognosHelar', 'budgetPeriod', 'utfallPeriod'] as const;
const DEV_COLS = ['avvikelseHelar', 'avvikelsePeriod'] as const;

function gridOf(rows: GenRow[]): RawValue[][] {
  return [
    ['Verksamhet', 'Kategori', 'Typ', 'Budget helår', 'Prognos helår', 'Budget period', 'Utfall period'],
    ...rows.map((r, i) => [r.group, `Rad ${i + 1}`, r.typ, ...r.amounts]),
  ];
}

function sourceOf(grid: RawValue[][], over: Partial<TableSettings>): SourceTable {
  const h = detectHeader(grid);
  if (h === null) throw new Error('no header detected');
  const settings: TableSettings = { inputUnit: 'kr', unit: 'tkr', blanks: 'error', thresholds: DEFAULT_THRESHOLDS, ...over };
  return readSourceTable('Drift', grid, h, settings);
}

function rowOf(t: StandardTable, label: string): TableRow {
  const r = t.rows.find((x) => x.label === label);
  if (!r) throw new Error(`no row ${label}`);
  return r;
}

function val(r: TableRow, col: string): Decimal {
  const v = r.values[col];
  if (v === undefined || v === null) throw new Error(`no value ${col} in ${r.label}`);
  return v;
}

const total = (list: Decimal[]): Decimal => list.reduce((a, b) => a.plus(b), new Dec(0));

/** A sheet amount in the internal signed convention, computed here independently of the engine. */
function signed(text: string, typ: Typ, convention: SignConvention): Decimal {
  const v = new Dec(text);
  return convention === 'unsigned' && typ === 'Kostnad' ? v.negated() : v;
}

describe('engine properties (exact arithmetic on the standard tables)', () => {
  it('the deviation of a sum equals the sum of the leaf deviations, exactly, before rounding', () => {
    fc.assert(
      fc.property(genRows, fc.constantFrom<SignConvention>('signed', 'unsigned'), (rows, convention) => {
        const src = sourceOf(gridOf(rows), { convention });
        expect(src.issues).toEqual([]);
        const drift = standardTables(src, { year: 2026 })[0];
        const leaves = drift.rows.filter((r) => r.kind === 'revenue' || r.kind === 'cost');
        const costLeaves = leaves.filter((r) => r.kind === 'cost');
        const revenueLeaves = leaves.filter((r) => r.kind === 'revenue');
        for (const col of DEV_COLS) {
          const net = val(rowOf(drift, 'Årets resultat (nettokostnad)'), col);
          expect(net.eq(total(leaves.map((r) => val(r, col))))).toBe(true);
          expect(val(rowOf(drift, 'Verksamhetens kostnader'), col).eq(total(costLeaves.map((r) => val(r, col))))).toBe(true);
          if (revenueLeaves.length > 1) {
            expect(val(rowOf(drift, 'Verksamhetens intäkter'), col).eq(total(revenueLeaves.map((r) => val(r, col))))).toBe(true);
          }
          // and equal to the deviation computed from the sheet's own figures
          const [b, a] = col === 'avvikelseHelar' ? [0, 1] : [2, 3];
          const expected = total(rows.map((r) => signed(r.amounts[a], r.typ, convention).minus(signed(r.amounts[b], r.typ, convention))));
          expect(net.eq(expected)).toBe(true);
        }
      }),
    );
  });

  it('per verksamhet too: Summa nettokostnad deviation = sum of the verksamhet deviations', () => {
    fc.assert(
      fc.property(genRows, fc.constantFrom<SignConvention>('signed', 'unsigned'), (rows, convention) => {
        const tables = standardTables(sourceOf(gridOf(rows), { convention }), { year: 2026 });
        const t = tables.find((x) => x.type === 'nettokostnad');
        if (!t) throw new Error('no nettokostnad table');
        const parts = t.rows.filter((r) => r.kind === 'net');
        expect(parts.length).toBe(new Set(rows.map((r) => r.group)).size);
        const summa = rowOf(t, 'Summa nettokostnad');
        for (const col of ['budgetPeriod', 'utfallPeriod', 'avvikelsePeriod']) {
          expect(val(summa, col).eq(total(parts.map((r) => val(r, col))))).toBe(true);
        }
      }),
    );
  });

  it('investeringar: every Summa deviation is the sum of its item deviations', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('Reinvestering', 'Nyinvestering'), amount, amount), { minLength: 1, maxLength: 8 }), (items) => {
        const grid: RawValue[][] = [['Grupp', 'Projekt', 'Budget', 'Prognos'], ...items.map(([g, b, p], i) => [g, `Projekt ${i + 1}`, b, p])];
        const h = detectHeader(grid);
        if (h === null) throw new Error('no header');
        const src = readSourceTable('Investeringar', grid, h, { inputUnit: 'kr', unit: 'tkr', blanks: 'error', thresholds: DEFAULT_THRESHOLDS, convention: 'signed' });
        const t = investeringar(src);
        const itemRows = t.rows.filter((r) => r.kind === 'item');
        expect(val(rowOf(t, 'Summa'), 'avvikelseHelar').eq(total(itemRows.map((r) => val(r, 'avvikelseHelar'))))).toBe(true);
        const expected = total(items.map(([, b, p]) => new Dec(p).minus(b)));
        expect(val(rowOf(t, 'Summa'), 'avvikelseHelar').eq(expected)).toBe(true);
      }),
    );
  });

  it('net = costs − revenue, exactly, in every amount column', () => {
    fc.assert(
      fc.property(genRows, fc.constantFrom<SignConvention>('signed', 'unsigned'), (rows, convention) => {
        const drift = standardTables(sourceOf(gridOf(rows), { convention }), { year: 2026 })[0];
        const net = rowOf(drift, 'Årets resultat (nettokostnad)');
        const costs = rowOf(drift, 'Verksamhetens kostnader');
        const revenue = drift.rows.filter((r) => r.kind === 'revenue');
        AMOUNT_COLS.forEach((col, i) => {
          expect(val(net, col).eq(val(costs, col).minus(total(revenue.map((r) => val(r, col)))))).toBe(true);
          // from the sheet: net cost = −(sum of signed amounts)
          expect(val(net, col).eq(total(rows.map((r) => signed(r.amounts[i], r.typ, convention))).negated())).toBe(true);
        });
      }),
    );
  });

  it('no displayed value is ever -0 (tkr, mnkr, percent), nor printed as -0 / -0,0', () => {
    fc.assert(
      fc.property(genRows, fc.constantFrom<SignConvention>('signed', 'unsigned'), fc.constantFrom<Unit>('tkr', 'mnkr'), (rows, convention, unit) => {
        const tables = standardTables(sourceOf(gridOf(rows), { convention, unit }), { year: 2026 });
        for (const t of tables) {
          const percentCols = new Set(t.columns.filter((c) => c.format === 'percent').map((c) => c.id));
          for (const r of t.rows) {
            for (const [col, v] of Object.entries(r.values)) {
              if (v === null) continue;
              const shown = percentCols.has(col) ? displayPercent(v) : displayAmount(v, unit);
              expect(Object.is(toJsonNumber(shown), -0)).toBe(false);
              expect(Object.is(toJsonNumber(v), -0)).toBe(false);
              const text = percentCols.has(col) ? formatSwedish(v, 1) : formatSwedish(toUnit(v, unit), unitDecimals(unit));
              expect(text).not.toMatch(/^-0(,0)?$/);
            }
          }
        }
      }),
    );
  });

  it('a cost row of zeros shows 0, not -0', () => {
    const src = sourceOf(gridOf([{ group: 'A', typ: 'Intäkt', amounts: ['0', '0', '0', '0'] }, { group: 'A', typ: 'Kostnad', amounts: ['0', '0', '-0.40', '0.40'] }]), {
      convention: 'unsigned',
    });
    for (const t of standardTables(src, { year: 2026 })) {
      for (const r of t.rows) {
        for (const v of Object.values(r.values)) {
          if (v !== null) expect(Object.is(toJsonNumber(displayAmount(v, 'tkr')), -0)).toBe(false);
        }
      }
    }
  });

  it('rounding half away from zero is symmetric', () => {
    const anyDecimal = fc
      .tuple(fc.boolean(), fc.bigInt({ min: BigInt(0), max: BigInt('1000000000000') }), fc.stringMatching(/^\d{0,7}$/))
      .map(([neg, int, frac]) => new Dec(`${neg ? '-' : ''}${int}${frac === '' ? '' : `.${frac}`}`));
    fc.assert(
      fc.property(anyDecimal, fc.integer({ min: 0, max: 3 }), fc.constantFrom<Unit>('tkr', 'mnkr'), (x, places, unit) => {
        expect(roundHalfAwayFromZero(x.negated(), places).eq(roundHalfAwayFromZero(x, places).negated())).toBe(true);
        expect(displayAmount(x.negated(), unit).eq(displayAmount(x, unit).negated())).toBe(true);
        const text = formatSwedish(x, places);
        const flipped = roundHalfAwayFromZero(x, places).isZero() ? text : text.startsWith('-') ? text.slice(1) : `-${text}`;
        expect(formatSwedish(x.negated(), places)).toBe(flipped);
      }),
    );
  });

  it('ties go away from zero on both sides: ±(n + 0,5) tkr → ±(n + 1)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: BigInt(0), max: BigInt('1000000000') }), (n) => {
        const tie = new Dec(`${n}500`); // n tkr + 500 kr
        expect(displayAmount(tie, 'tkr').toString()).toBe((n + BigInt(1)).toString());
        expect(displayAmount(tie.negated(), 'tkr').toString()).toBe((-(n + BigInt(1))).toString());
        const mtie = new Dec(`${n}50000`); // n × 0,1 mnkr + 0,05 mnkr
        expect(displayAmount(mtie.negated(), 'mnkr').eq(displayAmount(mtie, 'mnkr').negated())).toBe(true);
        expect(displayAmount(mtie, 'mnkr').eq(new Dec(`${n + BigInt(1)}`).div(10))).toBe(true);
      }),
    );
  });

  it('a subtotal is rounded from the unrounded leaves, not summed from rounded leaves', () => {
    // every leaf is k tkr + 400–499,99 kr: each leaf rounds down, their exact sum rounds at least one tkr higher
    const leaf = fc
      .tuple(fc.integer({ min: 0, max: 100000 }), fc.integer({ min: 400, max: 499 }), fc.integer({ min: 0, max: 99 }))
      .map(([k, r, ore]) => ({ text: `${k}${String(r).padStart(3, '0')}.${String(ore).padStart(2, '0')}`, tkr: k }));
    fc.assert(
      fc.property(fc.array(leaf, { minLength: 3, maxLength: 8 }), fc.constantFrom<SignConvention>('signed', 'unsigned'), (leaves, convention) => {
        const sign = convention === 'signed' ? '-' : '';
        const rows: GenRow[] = [
          { group: 'A', typ: 'Intäkt', amounts: ['0', '0', '0', '0'] },
          ...leaves.map((l): GenRow => ({ group: 'A', typ: 'Kostnad', amounts: [`${sign}${l.text}`, '0', '0', '0'] })),
        ];
        const drift = standardTables(sourceOf(gridOf(rows), { convention }), { year: 2026 })[0];
        const costLeaves = drift.rows.filter((r) => r.kind === 'cost');
        const sumOfRounded = costLeaves.reduce((acc, r) => acc + toJsonNumber(displayAmount(val(r, 'budgetHelar'), 'tkr')), 0);
        expect(sumOfRounded).toBe(leaves.reduce((a, l) => a + l.tkr, 0));
        const exactSum = total(leaves.map((l) => new Dec(l.text)));
        const shown = toJsonNumber(displayAmount(val(rowOf(drift, 'Verksamhetens kostnader'), 'budgetHelar'), 'tkr'));
        expect(shown).toBe(toJsonNumber(displayAmount(exactSum, 'tkr')));
        expect(shown).toBeGreaterThan(sumOfRounded);
      }),
    );
  });

  it('a subtotal is rounded from the unrounded leaves: 3 × 1 400 kr shows 4 tkr, not 1 + 1 + 1', () => {
    const rows: GenRow[] = [
      { group: 'A', typ: 'Intäkt', amounts: ['0', '0', '0', '0'] },
      { group: 'A', typ: 'Kostnad', amounts: ['1400', '0', '0', '0'] },
      { group: 'A', typ: 'Kostnad', amounts: ['1400', '0', '0', '0'] },
      { group: 'A', typ: 'Kostnad', amounts: ['1400', '0', '0', '0'] },
    ];
    const drift = standardTables(sourceOf(gridOf(rows), { convention: 'unsigned' }), { year: 2026 })[0];
    expect(drift.rows.filter((r) => r.kind === 'cost').map((r) => toJsonNumber(displayAmount(val(r, 'budgetHelar'), 'tkr')))).toEqual([1, 1, 1]);
    expect(toJsonNumber(displayAmount(val(rowOf(drift, 'Verksamhetens kostnader'), 'budgetHelar'), 'tkr'))).toBe(4);
  });
});
