import fc from 'fast-check';
import { groupBy, groupBy3 } from '../../src/core/tableRows';

describe('groupBy3', () => {
  it('gives the lists groupBy gives for the joined key, in first-appearance order', () => {
    const word = fc.constantFrom('', 'a', 'b', 'Skola', 'Vård och omsorg');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, fc.constantFrom('revenue', 'cost'), word, fc.nat()), { maxLength: 60 }), (items) => {
        const joined = [...groupBy(items, ([a, b, c]) => `${a}\u0000${b}\u0000${c}`).values()];
        expect(groupBy3(items, ([a]) => a, ([, b]) => b, ([, , c]) => c)).toEqual(joined);
      }),
    );
  });
});
