import Decimal from 'decimal.js';
import { Dec } from '../../src/core/decimal';
import type { RowType, SignConvention } from '../../src/core/types';
import { deviation, deviationPercent, fromSigned, sum, toSigned } from '../../src/core/variance';

const d = (v: string | number): Decimal => new Dec(v);

/** A source amount's deviation under the sheet's convention: converted to signed first, as the engine does. */
function sheetDeviation(type: RowType, convention: SignConvention, budget: string, actual: string): string {
  return deviation(toSigned(d(budget), type, convention), toSigned(d(actual), type, convention)).toString();
}

describe('toSigned / fromSigned', () => {
  it('unsigned: a cost becomes negative, revenue stays positive', () => {
    expect(toSigned(d(100), 'cost', 'unsigned').toString()).toBe('-100');
    expect(toSigned(d(100), 'revenue', 'unsigned').toString()).toBe('100');
    expect(toSigned(d('1234.56'), 'cost', 'unsigned').toString()).toBe('-1234.56');
  });

  it('signed: amounts are already signed and stay as they are, whatever the row type', () => {
    expect(toSigned(d(-100), 'cost', 'signed').toString()).toBe('-100');
    expect(toSigned(d(100), 'revenue', 'signed').toString()).toBe('100');
    expect(toSigned(d(250), 'cost', 'signed').toString()).toBe('250');
    expect(toSigned(d(-250), 'revenue', 'signed').toString()).toBe('-250');
  });

  it('fromSigned gives back the sheet value under both conventions and both types', () => {
    const cases: [RowType, SignConvention][] = [
      ['cost', 'unsigned'],
      ['revenue', 'unsigned'],
      ['cost', 'signed'],
      ['revenue', 'signed'],
    ];
    for (const [type, convention] of cases) {
      for (const v of ['0', '1', '-1', '88309879.10', '-0.01']) {
        const signed = toSigned(d(v), type, convention);
        expect(fromSigned(signed, type, convention).eq(d(v))).toBe(true);
      }
    }
  });

  it('fromSigned shows an internal cost in the unsigned sheet as a positive amount', () => {
    expect(fromSigned(d(-5000), 'cost', 'unsigned').toString()).toBe('5000');
    expect(fromSigned(d(-5000), 'cost', 'signed').toString()).toBe('-5000');
  });
});

describe('deviation: positive = better than budget', () => {
  it('revenue: prognos above budget is positive (prognos − budget)', () => {
    expect(sheetDeviation('revenue', 'unsigned', '12400', '13050')).toBe('650');
    expect(sheetDeviation('revenue', 'unsigned', '12400', '12000')).toBe('-400');
    expect(sheetDeviation('revenue', 'signed', '12400', '13050')).toBe('650');
  });

  it('cost, unsigned sheet: prognos above budget is negative (budget − prognos)', () => {
    expect(sheetDeviation('cost', 'unsigned', '88310', '90115')).toBe('-1805');
    expect(sheetDeviation('cost', 'unsigned', '9020', '8870')).toBe('150');
  });

  it('cost, signed sheet (costs negative): the same deviations', () => {
    expect(sheetDeviation('cost', 'signed', '-88310', '-90115')).toBe('-1805');
    expect(sheetDeviation('cost', 'signed', '-9020', '-8870')).toBe('150');
  });

  it('is exact on öre', () => {
    expect(deviation(d('-0.1'), d('-0.3')).toString()).toBe('-0.2');
    expect(deviation(d('12399785.63'), d('13050197.64')).toString()).toBe('650412.01');
  });

  it('no deviation is zero, not -0', () => {
    const dev = deviation(d(-100), d(-100));
    expect(dev.isZero()).toBe(true);
    expect(Object.is(dev.toNumber(), -0)).toBe(false);
  });
});

describe('deviationPercent', () => {
  it('is deviation / budget × 100', () => {
    expect(deviationPercent(d(20), d(200))?.toString()).toBe('10');
    expect(deviationPercent(d(-784), d(8210))?.toFixed(4)).toBe('-9.5493');
  });

  it('is null when the budget is 0 (shown as –), also for a zero deviation', () => {
    expect(deviationPercent(d(500), d(0))).toBeNull();
    expect(deviationPercent(d(0), d(0))).toBeNull();
    expect(deviationPercent(d(-500), d('-0'))).toBeNull();
  });

  it('divides by |budget|, so a negative (signed cost) budget keeps the deviation sign', () => {
    expect(deviationPercent(d(-20), d(-200))?.toString()).toBe('-10');
    expect(deviationPercent(d(20), d(-200))?.toString()).toBe('10');
  });

  it('is unrounded (one third stays a long repeating decimal)', () => {
    const pct = deviationPercent(d(1), d(3));
    expect(pct).not.toBeNull();
    expect(pct?.toFixed(30)).toBe(`33.${'3'.repeat(30)}`);
  });
});

describe('sum', () => {
  it('adds exactly where floats do not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sum([d('0.1'), d('0.2')]).toString()).toBe('0.3');
    expect(sum([d('4349.65'), d('3859.95'), d('4290.40')]).toString()).toBe('12500');
  });

  it('of nothing is 0', () => {
    expect(sum([]).toString()).toBe('0');
  });
});
