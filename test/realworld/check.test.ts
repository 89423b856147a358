/**
 * The independent checker of the real-world corpus, tested on its own: reading printed figures the way
 * reports print them, expanding relation templates, and the rounding tolerance (±1 in the last digit for a
 * deviation, ±⌈n/2⌉ for a sum of n rows). It must be able to fail: a corrupted real table is caught.
 */
import { checkInstance, checkTable } from './check';
import { REAL_TABLES } from './index';
import { readPrinted } from './printed';
import { expandTemplate, parseInstance } from './relations';
import type { PrintedCell, RealTable } from './types';

const value = (cell: string) => {
  const v = readPrinted(cell);
  return v.kind === 'number' ? `${v.value.toString()}|${v.decimals}|${v.percent}` : v.kind;
};

describe('reading printed figures', () => {
  it.each([
    ['− 1 116', '-1116|0|false'],
    ['– 8,2', '-8.2|1|false'],
    ['-6 279', '-6279|0|false'],
    ['- 11 276', '-11276|0|false'],
    ['4,823', '4.823|3|false'],
    ['3,7 %', '3.7|1|true'],
    ['– 38,1 %', '-38.1|1|true'],
    ['+0,11', '0.11|2|false'],
    ['0.20', '0.2|2|false'],
    ['1863', '1863|0|false'],
    ['-1004,4', '-1004.4|1|false'],
    ['-0,0', '0|1|false'],
  ])('%s', (cell, expected) => {
    expect(value(cell)).toBe(expected);
  });

  it.each([['–'], ['-'], ['−']])('a lone %s is a dash', (cell) => {
    expect(readPrinted(cell).kind).toBe('dash');
  });

  it.each([['Not 2'], ['2, 3, 17'], ['3A'], ['1 23 456'], ['12,'], ['Utfall2013']])('%s is text', (cell) => {
    expect(readPrinted(cell).kind).toBe('text');
  });

  it('reads an empty cell as empty', () => {
    expect(readPrinted(null).kind).toBe('empty');
    expect(readPrinted('  ').kind).toBe('empty');
  });
});

describe('relation templates', () => {
  it('expands rows, columns and both, and spells instances with single spaces', () => {
    expect(expandTemplate('D{r} =  C{r} - B{r} @ 5-6,9')).toEqual(['D5 = C5 - B5', 'D6 = C6 - B6', 'D9 = C9 - B9']);
    expect(expandTemplate('{c}13 = SUM({c}5:{c}12) @ B-C,F')).toEqual(['B13 = SUM(B5:B12)', 'C13 = SUM(C5:C12)', 'F13 = SUM(F5:F12)']);
    expect(expandTemplate('{c}{r} = {c}1 @ 2-3 ; A-B')).toEqual(['A2 = A1', 'B2 = B1', 'A3 = A1', 'B3 = B1']);
    expect(expandTemplate('B20 = B13 + B15')).toEqual(['B20 = B13 + B15']);
  });

  it('refuses what it cannot read', () => {
    expect(() => parseInstance('B2 = B1 +')).toThrow();
    expect(() => parseInstance('B2 = B1 * B3')).toThrow();
    expect(() => parseInstance('B2 = FOO(B1)')).toThrow();
  });
});

/** A one-row grid: A1 … whatever is given. */
const grid = (...cells: PrintedCell[]): PrintedCell[][] => [cells];
const holds = (printed: PrintedCell[][], relation: string) => checkInstance(printed, parseInstance(relation)).holds;

describe('the rounding tolerance comes from the printed figures', () => {
  it('lets a deviation be off by one in its last digit, not by two', () => {
    expect(holds(grid('10', '4', '6'), 'C1 = A1 - B1')).toBe(true);
    expect(holds(grid('10', '4', '7'), 'C1 = A1 - B1')).toBe(true);
    expect(holds(grid('10', '4', '8'), 'C1 = A1 - B1')).toBe(false);
    expect(holds(grid('1,0', '0,4', '0,7'), 'C1 = A1 - B1')).toBe(true);
    expect(holds(grid('1,0', '0,4', '0,8'), 'C1 = A1 - B1')).toBe(false);
  });

  it('lets a sum of n rows be off by ⌈n/2⌉, not more', () => {
    const rows = ['1', '1', '1', '1', '1', '1', '1', '1'];
    expect(holds(grid(...rows, '12'), 'I1 = A1 + B1 + C1 + D1 + E1 + F1 + G1 + H1')).toBe(true);
    expect(holds(grid(...rows, '13'), 'I1 = A1 + B1 + C1 + D1 + E1 + F1 + G1 + H1')).toBe(false);
  });

  it('keeps three decimals: a 4 tkr error in mnkr is an error', () => {
    expect(holds(grid('4,823', '1,000', '3,827'), 'C1 = A1 - B1')).toBe(false);
    expect(holds(grid('4,823', '1,000', '3,824'), 'C1 = A1 - B1')).toBe(true);
  });

  it('treats a dash and an empty cell as an exact zero', () => {
    expect(holds(grid('-', null, '5', '5'), 'D1 = A1 + B1 + C1')).toBe(true);
    expect(holds(grid('-', null, '5', '7'), 'D1 = A1 + B1 + C1')).toBe(false);
  });

  it('checks a percentage within what its rounded operands allow, and a signed change', () => {
    expect(holds(grid('50', '-869', '-5,8 %'), 'C1 = RATIO(A1, B1)')).toBe(true);
    expect(holds(grid('50', '-869', '5,8 %'), 'C1 = RATIO(A1, B1)')).toBe(false);
    expect(holds(grid('50', '-869', '5,8 %'), 'C1 = PCT(A1, B1)')).toBe(true);
    expect(holds(grid('50', '0', '5,8 %'), 'C1 = PCT(A1, B1)')).toBe(true);
  });

  it('scales by constants: a period budget of 8 months', () => {
    expect(holds(grid('-7 200', '-4 800'), 'B1 = A1 * 8 / 12')).toBe(true);
    expect(holds(grid('-7 200', '-4 600'), 'B1 = A1 * 8 / 12')).toBe(false);
  });
});

describe('the checker catches a corrupted real table', () => {
  const tyreso = REAL_TABLES.find((t) => t.id === 'tyreso-2018-ks-drift')!;
  const corrupt = (t: RealTable, row: number, col: number, text: string): RealTable => ({
    ...t,
    printed: t.printed.map((r, i) => (i === row - 1 ? r.map((c, j) => (j === col ? text : c)) : r)),
  });

  it('holds on the table as printed', () => {
    expect(checkTable(tyreso).every((r) => r.holds)).toBe(true);
  });

  it('finds a wrong net cost in its row and its column total', () => {
    const failing = checkTable(corrupt(tyreso, 4, 3, '36,7'))
      .filter((r) => !r.holds)
      .map((r) => r.instance.text);
    expect(failing).toEqual(['D4 = C4 - B4', 'F4 = E4 - D4', 'D13 = SUM(D4:D12)']);
  });

  it('finds a flipped sign on a deviation', () => {
    const failing = checkTable(corrupt(tyreso, 10, 5, '9,4')).filter((r) => !r.holds);
    expect(failing.map((r) => r.instance.text)).toEqual(['F10 = E10 - D10', 'F13 = SUM(F4:F12)']);
  });
});
