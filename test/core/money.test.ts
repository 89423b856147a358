import Decimal from 'decimal.js';
import {
  displayAmount,
  displayPercent,
  formatSwedish,
  fromInputUnit,
  isZero,
  parseAmountCell,
  parseSwedishNumber,
  roundHalfAwayFromZero,
  toJsonNumber,
  toUnit,
  unitDecimals,
} from '../../src/core/money';
import type { ParsedCell } from '../../src/core/money';
import type { RawValue } from '../../src/core/types';

const dec = (s: string): Decimal => new Decimal(s);

/** The parsed amount as a plain decimal string, or the cell kind / message. */
function show(cell: ParsedCell): string {
  if (cell.kind === 'amount') return `amount ${cell.value.toFixed()}`;
  if (cell.kind === 'error') return `error ${cell.message}`;
  return 'blank';
}
const parse = (v: RawValue): string => show(parseAmountCell(v));
const num = (s: string): string | null => parseSwedishNumber(s)?.toFixed() ?? null;

describe('parseAmountCell: numbers', () => {
  it('reads a JS number as its shortest decimal form, exactly', () => {
    expect(parse(0.1)).toBe('amount 0.1');
    expect(parse(1234.5)).toBe('amount 1234.5');
    expect(parse(-6279)).toBe('amount -6279');
    expect(parse(999999999999999.9)).toBe('amount 999999999999999.9');
  });
  it('normalises -0 to 0', () => {
    const cell = parseAmountCell(-0);
    expect(cell.kind).toBe('amount');
    if (cell.kind === 'amount') expect(cell.value.isNegative()).toBe(false);
  });
  it('rejects NaN and infinities', () => {
    expect(parseAmountCell(NaN).kind).toBe('error');
    expect(parseAmountCell(Infinity).kind).toBe('error');
    expect(parseAmountCell(-Infinity).kind).toBe('error');
  });
});

describe('parseAmountCell: blanks', () => {
  it.each<[string, RawValue]>([
    ['null', null],
    ['undefined', undefined],
    ['empty', ''],
    ['whitespace', '  \t '],
    ['nbsp', '\u00A0'],
    ['hyphen', '-'],
    ['en dash', '–'],
    ['em dash', '—'],
    ['padded dash', ' – '],
  ])('%s is blank', (_name, v) => {
    expect(parseAmountCell(v)).toEqual({ kind: 'blank' });
  });
});

describe('parseAmountCell: Swedish text', () => {
  it.each<[string, string]>([
    ['1 234,50', '1234.5'],
    ['1 070', '1070'],
    ['-6 279', '-6279'],
    ['- 6 279', '-6279'],
    ['\u22121 234', '-1234'],
    ['–1 234', '-1234'],
    ['(1 234)', '-1234'],
    ['( 1 234,5 )', '-1234.5'],
    ['+12', '12'],
    ['1\u00A0234', '1234'],
    ['1\u202F234', '1234'],
    ['1\u2009234', '1234'],
    ['12 345 678,09', '12345678.09'],
    ['1,5', '1.5'],
    ['-0,25', '-0.25'],
    [',5', '0.5'],
    ['1 234 kr', '1234'],
    ['1234kr', '1234'],
    ['  42  ', '42'],
  ])('%j → %s', (text, expected) => {
    expect(parse(text)).toBe(`amount ${expected}`);
  });
});

describe('parseAmountCell: English / Excel-invariant text', () => {
  it.each<[string, string]>([
    ['1234.5', '1234.5'],
    ['1,234.50', '1234.5'],
    ['1.234,50', '1234.5'],
    ['1.234.567', '1234567'],
    ['1,234,567', '1234567'],
    ['1.5', '1.5'],
    ['1e15', '1000000000000000'],
    ['1E+15', '1000000000000000'],
    ['-2.5e3', '-2500'],
    ['1.5e-2', '0.015'],
  ])('%j → %s', (text, expected) => {
    expect(parse(text)).toBe(`amount ${expected}`);
  });
});

describe('parseSwedishNumber rejects non-numbers', () => {
  it.each([
    'ca 300',
    '12a',
    '1 23,4,5',
    '12 34',
    '1 2345',
    '1  234',
    '1.234.5',
    '1,234,5',
    '1.23.456',
    '1 234.567,5',
    '1,2.3.4',
    '1.',
    '1,',
    '.',
    '',
    '-',
    '--5',
    '+-5',
    '-(5)',
    '(-5)',
    '(5',
    '1 234,5 6',
    '1e',
    'e5',
    '1,5e3',
    'kr',
    '12 kronor',
    '5%',
    '0x10',
    'Infinity',
    'NaN',
    '1e99999999999999999',
  ])('%j → null', (text) => {
    expect(parseSwedishNumber(text)).toBeNull();
  });
  it('accepts what parseAmountCell accepts', () => {
    expect(num('- 6 279')).toBe('-6279');
    expect(num('−0')).toBe('0');
    expect(parseSwedishNumber('−0')?.isNegative()).toBe(false);
  });
});

describe('parseAmountCell: errors', () => {
  it('names words', () => {
    expect(parseAmountCell('ca 300')).toEqual({ kind: 'error', message: '"ca 300" är inget belopp' });
    expect(parseAmountCell('12a')).toEqual({ kind: 'error', message: '"12a" är inget belopp' });
  });
  it('truncates long text with an ellipsis', () => {
    const text = 'Detta är en mycket lång kommentar som inte alls är något belopp';
    const cell = parseAmountCell(text);
    expect(cell).toEqual({ kind: 'error', message: `"${text.slice(0, 40)}…" är inget belopp` });
  });
  it('does not truncate text of exactly 40 characters', () => {
    const text = 'x'.repeat(40);
    expect(parse(text)).toBe(`error "${text}" är inget belopp`);
  });
  it('names Excel error values', () => {
    expect(parseAmountCell({ error: '#N/A' })).toEqual({ kind: 'error', message: '"#N/A" är ett felvärde, inget belopp' });
    expect(parse({ error: '#REF!' })).toBe('error "#REF!" är ett felvärde, inget belopp');
  });
  it('names booleans in Swedish', () => {
    expect(parse(true)).toBe('error "SANT" är inget belopp');
    expect(parse(false)).toBe('error "FALSKT" är inget belopp');
  });
  it('names dates', () => {
    expect(parse(new Date(Date.UTC(2026, 7, 31)))).toBe('error "2026-08-31" är ett datum, inget belopp');
    expect(parseAmountCell(new Date(NaN)).kind).toBe('error');
  });
});

describe('precision at 1e15 with öre', () => {
  it('parses text exactly', () => {
    expect(num('999 999 999 999 999,99')).toBe('999999999999999.99');
    expect(num('-1 234 567 890 123 456,78')).toBe('-1234567890123456.78');
  });
  it('converts and rounds exactly', () => {
    const kr = dec('1234567890123456.78');
    expect(toUnit(kr, 'tkr').toFixed()).toBe('1234567890123.45678');
    expect(toUnit(kr, 'mnkr').toFixed()).toBe('1234567890.12345678');
    expect(displayAmount(kr, 'mnkr').toFixed()).toBe('1234567890.1');
    expect(formatSwedish(kr, 2)).toBe('1 234 567 890 123 456,78');
    expect(formatSwedish(dec('999999999999999.995'), 2)).toBe('1 000 000 000 000 000,00');
    expect(fromInputUnit(dec('999999999999.999'), 'tkr').toFixed()).toBe('999999999999999');
  });
  it('keeps 40 significant digits (e.g. periodized budgets such as budget × 8 / 12)', () => {
    const kr = dec('123456789012345.1234567890123456789');
    expect(toUnit(kr, 'mnkr').toFixed()).toBe('123456789.0123451234567890123456789');
    expect(fromInputUnit(toUnit(kr, 'tkr'), 'tkr').eq(kr)).toBe(true);
  });
  it('does not depend on the global Decimal precision', () => {
    const Low = Decimal.clone({ precision: 5 });
    const kr = new Low('1234567890123456.78');
    expect(toUnit(kr, 'tkr').toFixed()).toBe('1234567890123.45678');
    expect(fromInputUnit(new Low('123456789.123'), 'tkr').toFixed()).toBe('123456789123');
  });
});

describe('rounding half away from zero', () => {
  it('rounds ties away from zero on both sides', () => {
    expect(roundHalfAwayFromZero(dec('2.5'), 0).toFixed()).toBe('3');
    expect(roundHalfAwayFromZero(dec('-2.5'), 0).toFixed()).toBe('-3');
    expect(roundHalfAwayFromZero(dec('0.05'), 1).toFixed()).toBe('0.1');
    expect(roundHalfAwayFromZero(dec('-0.05'), 1).toFixed()).toBe('-0.1');
    expect(roundHalfAwayFromZero(dec('2.4999'), 0).toFixed()).toBe('2');
  });
  it('never returns -0', () => {
    expect(roundHalfAwayFromZero(dec('-0.4'), 0).isNegative()).toBe(false);
    expect(roundHalfAwayFromZero(dec('-0.04'), 1).isNegative()).toBe(false);
    expect(Object.is(toJsonNumber(roundHalfAwayFromZero(dec('-0.4'), 0)), -0)).toBe(false);
  });
  it('ties in tkr and mnkr', () => {
    expect(displayAmount(dec('500'), 'tkr').toFixed()).toBe('1');
    expect(displayAmount(dec('-500'), 'tkr').toFixed()).toBe('-1');
    expect(displayAmount(dec('499.99'), 'tkr').toFixed()).toBe('0');
    expect(displayAmount(dec('1050000'), 'mnkr').toFixed()).toBe('1.1');
    expect(displayAmount(dec('-1050000'), 'mnkr').toFixed()).toBe('-1.1');
    expect(displayAmount(dec('1049999.99'), 'mnkr').toFixed()).toBe('1');
  });
  it('small negatives display as 0, not -0', () => {
    const shown = displayAmount(dec('-400'), 'tkr');
    expect(shown.isNegative()).toBe(false);
    expect(formatSwedish(shown, 0)).toBe('0');
    expect(formatSwedish(dec('-400'), 0)).toBe('-400');
    expect(formatSwedish(toUnit(dec('-400'), 'tkr'), 0)).toBe('0');
    expect(formatSwedish(toUnit(dec('-40000'), 'mnkr'), 1)).toBe('0,0');
    expect(Object.is(toJsonNumber(displayAmount(dec('-400'), 'tkr')), -0)).toBe(false);
  });
  it('percent: one decimal, half away from zero', () => {
    expect(displayPercent(dec('12.25')).toFixed()).toBe('12.3');
    expect(displayPercent(dec('-12.25')).toFixed()).toBe('-12.3');
    expect(displayPercent(dec('-0.04')).isNegative()).toBe(false);
  });
});

describe('float-failure witness', () => {
  // 4 349,65 + 3 859,95 + 4 290,40 = 12 500,00 kr exactly: a tie, shown as 13 tkr.
  const amounts = ['4349.65', '3859.95', '4290.40'];
  it('JS number addition lands just below the tie and rounds the wrong way', () => {
    const floatSum = amounts.map(Number).reduce((a, b) => a + b, 0);
    expect(floatSum).not.toBe(12500);
    expect(floatSum).toBeLessThan(12500);
    expect(Math.round(floatSum / 1000)).toBe(12);
  });
  it('Decimal addition is exact and rounds half away from zero', () => {
    const cells = amounts.map((a) => parseAmountCell(a.replace('.', ',')));
    const sum = cells.reduce((acc, c) => (c.kind === 'amount' ? acc.plus(c.value) : acc), dec('0'));
    expect(sum.toFixed()).toBe('12500');
    expect(displayAmount(sum, 'tkr').toFixed()).toBe('13');
    expect(displayAmount(sum.neg(), 'tkr').toFixed()).toBe('-13');
  });
});

describe('units', () => {
  it('fromInputUnit', () => {
    expect(fromInputUnit(dec('12.345'), 'tkr').toFixed()).toBe('12345');
    expect(fromInputUnit(dec('12.345'), 'kr').toFixed()).toBe('12.345');
  });
  it('toUnit is unrounded', () => {
    expect(toUnit(dec('1234.5'), 'tkr').toFixed()).toBe('1.2345');
    expect(toUnit(dec('1234.5'), 'mnkr').toFixed()).toBe('0.0012345');
  });
  it('unitDecimals', () => {
    expect(unitDecimals('tkr')).toBe(0);
    expect(unitDecimals('mnkr')).toBe(1);
  });
  it('displayAmount rounds to the unit', () => {
    expect(displayAmount(dec('88310499.99'), 'tkr').toFixed()).toBe('88310');
    expect(displayAmount(dec('2129000'), 'mnkr').toFixed()).toBe('2.1');
  });
});

describe('formatSwedish', () => {
  it.each<[string, number, string]>([
    ['1234', 0, '1 234'],
    ['-1234', 0, '-1 234'],
    ['1234.5', 1, '1 234,5'],
    ['1234.45', 1, '1 234,5'],
    ['-1234.45', 1, '-1 234,5'],
    ['0', 0, '0'],
    ['0', 1, '0,0'],
    ['-0', 0, '0'],
    ['-0.04', 1, '0,0'],
    ['-0.4', 0, '0'],
    ['999', 0, '999'],
    ['1000', 0, '1 000'],
    ['-100000', 0, '-100 000'],
    ['1234567.891', 2, '1 234 567,89'],
    ['12', 2, '12,00'],
    ['0.5', 0, '1'],
    ['-0.5', 0, '-1'],
  ])('%s with %d decimals → %j', (value, decimals, expected) => {
    expect(formatSwedish(dec(value), decimals)).toBe(expected);
  });
  it('uses a plain space, a comma and a hyphen-minus', () => {
    const s = formatSwedish(dec('-1234567.5'), 1);
    expect(s).toBe('-1 234 567,5');
    expect([...s].every((c) => /[-0-9 ,]/.test(c))).toBe(true);
  });
  it('writes large amounts in normal notation', () => {
    expect(formatSwedish(dec('1e21'), 0)).toBe('1 000 000 000 000 000 000 000');
  });
});

describe('toJsonNumber and isZero', () => {
  it('never yields -0', () => {
    expect(Object.is(toJsonNumber(dec('-0')), -0)).toBe(false);
    expect(toJsonNumber(dec('-1234.5'))).toBe(-1234.5);
  });
  it('isZero', () => {
    expect(isZero(dec('0'))).toBe(true);
    expect(isZero(dec('-0'))).toBe(true);
    expect(isZero(dec('0.001'))).toBe(false);
  });
});

describe('Excel error values handed over as text (as Office.js does)', () => {
  test.each(['#N/A', '#REF!', '#DIV/0!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!'])('%s is an error value', (code) => {
    expect(parseAmountCell(code)).toEqual({ kind: 'error', message: `"${code}" är ett felvärde, inget belopp` });
  });
  test('other text starting with # is just not an amount', () => {
    expect(parseAmountCell('#12')).toEqual({ kind: 'error', message: '"#12" är inget belopp' });
  });
});
