import Decimal from 'decimal.js';
import { Dec } from '../../src/core/decimal';
import { MONTHS_SV, periodBudget, periodShare, periodText } from '../../src/core/periodize';

const d = (v: string | number): Decimal => new Dec(v);
const weights = (...ws: (string | number)[]): Decimal[] => ws.map(d);
const even = (): Decimal[] => weights(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);

describe('periodText', () => {
  it('uses Swedish three-letter months and an en dash', () => {
    expect(periodText(8)).toBe('jan\u2013aug');
    expect(periodText(5)).toBe('jan–maj');
    expect(periodText(10)).toBe('jan–okt');
    expect(periodText(12)).toBe('jan–dec');
  });

  it('is just `jan` for one month', () => {
    expect(periodText(1)).toBe('jan');
  });

  it('knows the twelve months', () => {
    expect(MONTHS_SV).toEqual(['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec']);
  });
});

describe('even periodization (budget × months / 12)', () => {
  it('8/12 of 120 000 is exactly 80 000', () => {
    const b = periodBudget(d(120000), 8);
    expect(b.eq(80000)).toBe(true);
    expect(b.toString()).toBe('80000');
  });

  it('7/12 of 120 000 is exactly 70 000', () => {
    expect(periodBudget(d(120000), 7).toString()).toBe('70000');
  });

  it('a repeating decimal stays exact far below the öre', () => {
    const b = periodBudget(d(100000), 7);
    expect(b.toFixed(30)).toBe(`58333.${'3'.repeat(30)}`);
    // × 12 / 7 gives the annual budget back to 30 decimals
    expect(b.times(12).div(7).minus(100000).abs().lt('1e-30')).toBe(true);
  });

  it('keeps öre in the annual budget', () => {
    expect(periodBudget(d('12399785.63'), 8).toFixed(10)).toBe('8266523.7533333333');
  });

  it('12 months is the whole budget, 1 month a twelfth', () => {
    expect(periodBudget(d('88309879.10'), 12).toString()).toBe('88309879.1');
    expect(periodBudget(d(120000), 1).toString()).toBe('10000');
  });

  it('a negative (signed cost) budget periodizes to a negative amount', () => {
    expect(periodBudget(d(-120000), 8).toString()).toBe('-80000');
  });

  it('periodShare is months/12', () => {
    expect(periodShare(6).toString()).toBe('0.5');
    expect(periodShare(3).toString()).toBe('0.25');
  });
});

describe('profiled periodization (12 weights)', () => {
  it('equal weights give the even period budget', () => {
    expect(periodBudget(d(120000), 8, even()).toString()).toBe('80000');
  });

  it('uses the share of the first `months` weights in the total', () => {
    // summer months weigh half: first eight months weigh 7 of 11
    const profile = weights(1, 1, 1, 1, 1, 1, '0.5', '0.5', 1, 1, 1, 1);
    expect(periodShare(8, profile).times(11).toFixed(30)).toBe(`7.${'0'.repeat(30)}`);
    expect(periodBudget(d(110000), 8, profile).toFixed(20)).toBe(`70000.${'0'.repeat(20)}`);
  });

  it('weights need not sum to 1 or 100 (percent weights work the same)', () => {
    const percent = weights(10, 10, 10, 10, 10, 5, 0, 5, 10, 10, 10, 10);
    expect(periodBudget(d(200000), 8, percent).toString()).toBe('120000');
  });

  it('zero weights are allowed (a month without budget)', () => {
    const p = weights(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
    expect(periodBudget(d(120000), 11, p).toString()).toBe('0');
    expect(periodBudget(d(120000), 12, p).toString()).toBe('120000');
  });
});

describe('errors', () => {
  it.each([0, 13, -1, 2.5, Number.NaN])('months = %p is refused', (m) => {
    expect(() => periodShare(m)).toThrow(RangeError);
    expect(() => periodBudget(d(120000), m)).toThrow(/1–12 månader/);
  });

  it('a profile of 11 weights is refused, naming the count', () => {
    const eleven = even().slice(0, 11);
    expect(() => periodBudget(d(120000), 8, eleven)).toThrow(RangeError);
    expect(() => periodBudget(d(120000), 8, eleven)).toThrow(/12 vikter, inte 11/);
  });

  it('13 weights are refused too', () => {
    expect(() => periodShare(8, [...even(), d(1)])).toThrow(/inte 13/);
  });

  it('a negative weight is refused, naming the month', () => {
    const p = even();
    p[3] = d(-1);
    expect(() => periodBudget(d(120000), 8, p)).toThrow(RangeError);
    expect(() => periodBudget(d(120000), 8, p)).toThrow(/apr är negativ/);
  });

  it('a negative weight after the period is refused as well', () => {
    const p = even();
    p[11] = d('-0.5');
    expect(() => periodShare(2, p)).toThrow(/dec är negativ/);
  });

  it('a profile summing to zero is refused', () => {
    const zeros = weights(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    expect(() => periodBudget(d(120000), 8, zeros)).toThrow(RangeError);
    expect(() => periodBudget(d(120000), 8, zeros)).toThrow(/summerar till 0/);
  });
});
