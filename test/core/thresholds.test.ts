import Decimal from 'decimal.js';
import { Dec } from '../../src/core/decimal';
import { DEFAULT_THRESHOLDS, direction, flagLevel, levelRank } from '../../src/core/thresholds';
import type { Thresholds } from '../../src/core/types';

const d = (v: string | number): Decimal => new Dec(v);
const pct = (v: string | number): Decimal => new Dec(v);

/** observe at ≥ 500 tkr or ≥ 5 %, comment at ≥ 1 000 tkr or ≥ 10 % (the defaults, spelled out). */
const TH: Thresholds = {
  observe: { amountTkr: d(500), percent: d(5) },
  comment: { amountTkr: d(1000), percent: d(10) },
};

describe('DEFAULT_THRESHOLDS', () => {
  it('observe at 500 tkr / 5 %, comment at 1 000 tkr / 10 %', () => {
    expect(DEFAULT_THRESHOLDS.observe.amountTkr?.toString()).toBe('500');
    expect(DEFAULT_THRESHOLDS.observe.percent?.toString()).toBe('5');
    expect(DEFAULT_THRESHOLDS.comment.amountTkr?.toString()).toBe('1000');
    expect(DEFAULT_THRESHOLDS.comment.percent?.toString()).toBe('10');
  });
});

describe('flagLevel: amount (tkr) OR percent', () => {
  it('the amount alone flags (percent small)', () => {
    expect(flagLevel(d(600000), pct(1), TH)).toBe('observe');
    expect(flagLevel(d(1200000), pct(1), TH)).toBe('comment');
  });

  it('the percent alone flags (amount small)', () => {
    expect(flagLevel(d(1000), pct(6), TH)).toBe('observe');
    expect(flagLevel(d(1000), pct(12), TH)).toBe('comment');
  });

  it('comment is checked before observe: the higher level wins', () => {
    expect(flagLevel(d(1500000), pct(7), TH)).toBe('comment');
    expect(flagLevel(d(600000), pct(25), TH)).toBe('comment');
  });

  it('neither crossed: no flag', () => {
    expect(flagLevel(d(499999), pct('4.9'), TH)).toBeNull();
  });

  it('equality counts (≥), exactly at the öre', () => {
    expect(flagLevel(d(500000), pct(0), TH)).toBe('observe');
    expect(flagLevel(d('499999.99'), pct(0), TH)).toBeNull();
    expect(flagLevel(d(1000000), pct(0), TH)).toBe('comment');
    expect(flagLevel(d('999999.99'), pct(0), TH)).toBe('observe');
    expect(flagLevel(d(1), pct(5), TH)).toBe('observe');
    expect(flagLevel(d(1), pct('4.9999999999'), TH)).toBeNull();
    expect(flagLevel(d(1), pct(10), TH)).toBe('comment');
  });

  it('negative (unfavourable) deviations are flagged by their size', () => {
    expect(flagLevel(d(-500000), pct(-1), TH)).toBe('observe');
    expect(flagLevel(d(-1000000), pct(-1), TH)).toBe('comment');
    expect(flagLevel(d(-1000), pct(-10), TH)).toBe('comment');
    expect(flagLevel(d(-1000), pct(-5), TH)).toBe('observe');
  });

  it('a zero deviation is never flagged, even with zero thresholds', () => {
    const zero: Thresholds = { observe: { amountTkr: d(0), percent: d(0) }, comment: { amountTkr: d(0), percent: d(0) } };
    expect(flagLevel(d(0), pct(0), zero)).toBeNull();
    expect(flagLevel(d(0), null, zero)).toBeNull();
    expect(flagLevel(d(0), null, TH)).toBeNull();
    expect(flagLevel(d(1), null, zero)).toBe('comment');
  });

  it('percent null (budget 0): only the amount counts', () => {
    expect(flagLevel(d(400000), null, TH)).toBeNull();
    expect(flagLevel(d(-400000), null, TH)).toBeNull();
    expect(flagLevel(d(500000), null, TH)).toBe('observe');
    expect(flagLevel(d(-1000000), null, TH)).toBe('comment');
  });

  it('a level with only a percent never flags when the percent is null', () => {
    const onlyPct: Thresholds = { observe: { percent: d(5) }, comment: { percent: d(10) } };
    expect(flagLevel(d(99000000), null, onlyPct)).toBeNull();
    expect(flagLevel(d(1), pct(5), onlyPct)).toBe('observe');
  });

  it('a level with only an amount ignores the percent', () => {
    const onlyAmount: Thresholds = { observe: { amountTkr: d(500) }, comment: { amountTkr: d(1000) } };
    expect(flagLevel(d(1000), pct(90), onlyAmount)).toBeNull();
    expect(flagLevel(d(500000), pct(1), onlyAmount)).toBe('observe');
  });

  it('amount thresholds are in tkr while deviations are in kronor', () => {
    const th: Thresholds = { observe: { amountTkr: d('0.5') }, comment: { amountTkr: d(2) } };
    expect(flagLevel(d(499), null, th)).toBeNull();
    expect(flagLevel(d(500), null, th)).toBe('observe');
    expect(flagLevel(d(2000), null, th)).toBe('comment');
  });
});

describe('direction', () => {
  it('says which way the deviation goes', () => {
    expect(direction(d(1))).toBe('positive');
    expect(direction(d('0.01'))).toBe('positive');
    expect(direction(d(-1))).toBe('negative');
    expect(direction(d('-0.01'))).toBe('negative');
  });

  it('has none for a zero deviation (also -0)', () => {
    expect(direction(d(0))).toBeNull();
    expect(direction(d('-0'))).toBeNull();
  });
});

describe('levelRank', () => {
  it('orders comment > observe > none', () => {
    expect(levelRank('comment')).toBeGreaterThan(levelRank('observe'));
    expect(levelRank('observe')).toBeGreaterThan(levelRank(null));
    expect(levelRank(null)).toBe(0);
  });
});
