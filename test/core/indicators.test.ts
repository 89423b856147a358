import Decimal from 'decimal.js';
import fc from 'fast-check';
import { evaluateIndicator, parseTarget } from '../../src/core/indicators';

const d = (v: string | number): Decimal => new Decimal(v);

describe('parseTarget', () => {
  it.each([
    ['≥2', '>=', '2', false],
    ['>=2', '>=', '2', false],
    ['=>2', '>=', '2', false],
    ['≥ 2,5', '>=', '2.5', false],
    ['<7,9 %', '<', '7.9', true],
    ['<7,9\u00a0%', '<', '7.9', true],
    ['>80', '>', '80', false],
    ['≤ 10', '<=', '10', false],
    ['<= 10', '<=', '10', false],
    ['5 %', '>=', '5', true],
    ['5%', '>=', '5', true],
    ['=100', '=', '100', false],
    ['  ≥\u202f1\u00a0000  ', '>=', '1000', false],
    ['< −2,5', '<', '-2.5', false],
    ['2.5', '>=', '2.5', false],
    ['minst 80 procent', '>=', '80', true],
    ['Högst 10', '<=', '10', false],
    ['under 3', '<', '3', false],
  ])('%s', (text, op, value, percent) => {
    const t = parseTarget(text);
    expect(t).not.toBeNull();
    expect(t?.op).toBe(op);
    expect(t?.value.eq(d(value))).toBe(true);
    expect(t?.percent).toBe(percent);
  });

  it.each(['Länssnitt', 'Topp tre i länet', '', '   ', '≥', '%', 'Över länssnitt', '2 eller 3', '1,2,3'])(
    'text target %p → null',
    (text) => {
      expect(parseTarget(text)).toBeNull();
    },
  );
});

describe('evaluateIndicator', () => {
  it.each([
    ['2', '≥2', 'Uppnås'],
    ['1.99', '≥2', 'Uppnås ej'],
    ['2', '>=2', 'Uppnås'],
    ['2.5', '≥ 2,5', 'Uppnås'],
    ['2.49', '≥ 2,5', 'Uppnås ej'],
    ['7.8', '<7,9 %', 'Uppnås'],
    ['7.9', '<7,9 %', 'Uppnås ej'],
    ['80', '>80', 'Uppnås ej'],
    ['80.1', '>80', 'Uppnås'],
    ['10', '≤ 10', 'Uppnås'],
    ['10.01', '≤ 10', 'Uppnås ej'],
    ['5', '5 %', 'Uppnås'],
    ['4.9', '5 %', 'Uppnås ej'],
    ['100', '=100', 'Uppnås'],
    ['100.0001', '=100', 'Uppnås ej'],
  ])('%s against %s → %s', (value, target, status) => {
    expect(evaluateIndicator(d(value), target)).toBe(status);
  });

  it('text targets and missing values are Ej bedömd', () => {
    expect(evaluateIndicator(d(3), 'Länssnitt')).toBe('Ej bedömd');
    expect(evaluateIndicator(d(1), 'Topp tre i länet')).toBe('Ej bedömd');
    expect(evaluateIndicator(null, '≥2')).toBe('Ej bedömd');
    expect(evaluateIndicator(d(NaN), '≥2')).toBe('Ej bedömd');
  });

  it('compares a fraction value ×100 against a percent target', () => {
    expect(evaluateIndicator(d('0.079'), '<7,9 %')).toBe('Uppnås ej');
    expect(evaluateIndicator(d('0.078'), '<7,9 %')).toBe('Uppnås');
    expect(evaluateIndicator(d('0.05'), '5 %')).toBe('Uppnås');
    expect(evaluateIndicator(d('0.049'), '5 %')).toBe('Uppnås ej');
    // not a percent target, or a target ≤ 1: no scaling
    expect(evaluateIndicator(d('0.9'), '>80')).toBe('Uppnås ej');
    expect(evaluateIndicator(d('0.5'), '≤ 1 %')).toBe('Uppnås');
  });

  it('is exact (no float error)', () => {
    expect(evaluateIndicator(d('0.1').plus(d('0.2')), '=0,3')).toBe('Uppnås');
  });

  it('agrees with Decimal comparison for any numeric target (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: -100000, max: 100000 }), (a, b) => {
        const v = d(a).div(100);
        const t = d(b).div(100);
        const text = `≥ ${t.toFixed(2).replace('.', ',').replace('-', '−')}`;
        expect(evaluateIndicator(v, text)).toBe(v.gte(t) ? 'Uppnås' : 'Uppnås ej');
      }),
    );
  });
});
