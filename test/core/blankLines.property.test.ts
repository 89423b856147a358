import fc from 'fast-check';
import { gridLines, mayHaveBlankLine } from '../../src/core/sheetSums';
import type { RawValue } from '../../src/core/types';

const cell: fc.Arbitrary<RawValue> = fc.oneof(
  fc.constantFrom<RawValue>(null, '', ' ', 'Summa', 'Summa kostnader', '  Lokaler', 'Intäkter', 'Not: se ovan', '–', '-', 'abc', '1 234', 'x'.repeat(95)),
  fc.double({ noNaN: false }),
  fc.integer({ min: -1e6, max: 1e6 }),
);

describe('mayHaveBlankLine', () => {
  it('is true whenever gridLines gives a line without figures (so skipping the lines when it is false loses nothing)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 25 }), fc.integer({ min: 0, max: 3 }), fc.array(fc.boolean(), { maxLength: 25 }), (grid, first, data) => {
        const isData = (r: number) => data[r] === true;
        const sumKind = (label: string) => (/^summa/i.test(label) ? ('total' as const) : undefined);
        const lines = gridLines(grid, first, 0, [1, 2, 3], sumKind, () => undefined, isData);
        if (lines.some((l) => l.blank)) expect(mayHaveBlankLine(grid, first, 0, [1, 2, 3], isData)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('is false for a sheet whose labelled rows all have figures or are data, true for a heading', () => {
    const grid: RawValue[][] = [['Rubrik'], ['Lokaler', 5], ['Personal', null], [null, null]];
    expect(mayHaveBlankLine(grid, 1, 0, [1], (r) => r === 2)).toBe(false);
    expect(mayHaveBlankLine([...grid, ['Summa', null]], 1, 0, [1], (r) => r === 2)).toBe(true);
    expect(gridLines([...grid, ['Summa', null]], 1, 0, [1], () => 'total', () => undefined, (r) => r === 2).some((l) => l.blank)).toBe(true);
  });
});
