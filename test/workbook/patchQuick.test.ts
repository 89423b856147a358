/**
 * The row patch's quick readings (issue 12) against the general ones they stand in for: a row tag's
 * plain `spans`, found without the expression, cut as `withoutSpans` cuts it.
 */
import fc from 'fast-check';
import { plainSpans, withoutSpans } from '../../src/workbook/xlsx/patchRows';

/** The tag as the patch makes it from `plainSpans`: the text cut out in place, or `withoutSpans`. */
function quick(open: string): string {
  const at = plainSpans(open);
  if (at < 0) return withoutSpans(open);
  return at === open.length ? open : open.slice(0, at) + open.slice(open.indexOf('"', at + 8) + 1);
}

describe('a row tag without its spans', () => {
  const piece = fc.constantFrom(' spans="1:10"', ' spans="2:3 5:9"', ' spans=""', " spans='1:2'", ' spans = "1:3"', '\tspans="1:4"', 'x:spans="1:5"', ' x14ac:spans="1"', ' spans="1', ' r="5"', ' r="spans"', ' a="x spans=\'1\'"', ' s="2"', ' customFormat="1"', ' ', '"', 'spans', '\u00a0spans="7"');
  const tag = fc.tuple(fc.array(piece, { maxLength: 5 }), fc.constantFrom('>', '/>', ' />', ' >')).map(([p, end]) => `<row${p.join('')}${end}`);

  test('is what the expression makes of it, for any tag', () => {
    fc.assert(
      fc.property(tag, (open) => {
        expect(quick(open)).toBe(withoutSpans(open));
      }),
      { numRuns: 5000 },
    );
  });

  test('the commonest tag is read quickly', () => {
    const open = '<row r="6" spans="1:10" x14ac:dyDescent="0.25">';
    expect(plainSpans(open)).toBe(10);
    expect(quick(open)).toBe('<row r="6" x14ac:dyDescent="0.25">');
    expect(plainSpans('<row r="6">')).toBe(11);
    expect(plainSpans('<row r="6" spans="1:2"/>')).toBe(-1);
  });
});
