/**
 * The row patch's quick readings (issue 12) against the general ones they stand in for: a row tag's
 * plain `spans`, found without the expression, cut as `withoutSpans` cuts it; our cell's plainly
 * written style, read without the attribute cursor.
 */
import fc from 'fast-check';
import { indexAt } from '../../src/workbook/xlsx/cellValue';
import { findCell, findCellHead, FoundCells, plainSpans, withoutSpans } from '../../src/workbook/xlsx/patchRows';
import { AttributeCursor } from '../../src/workbook/xlsx/xmlSyntax';

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

describe('our cell found in a row', () => {
  /** What `findCell` noted before the tag's rest was read plainly: every attribute through the general cursor. */
  function general(row: string, r: number, col: number): number[] {
    const at = findCellHead(row, 0, r, col);
    if (at < 0) return [-1];
    const headEnd = row.indexOf('"', at + 6) + 1;
    const open = row.indexOf('>', headEnd) + 1; // the pieces below quote no `>`
    if (open === 0) return [-1];
    let style = -1;
    const cursor = new AttributeCursor().reset(row, at + 2, open - 1);
    while (cursor.next()) if (cursor.named('s')) style = indexAt(row, cursor.valueStart, cursor.valueEnd);
    const selfClosing = row.charCodeAt(open - 2) === 47;
    const close = selfClosing ? open : row.indexOf('</c>', open);
    if (close < 0) return [-1];
    const end = selfClosing ? open : close + 4;
    const content = row.slice(open, close);
    if (!/^(|<v>[^<]*<\/v>|<f>[^<]*<\/f>(<v>[^<]*<\/v>)?)$/.test(content)) return [-1];
    const formula = content.startsWith('<f>') ? [open, open + content.indexOf('</f>') + 4] : [-1];
    return [at, end, style, ...formula];
  }

  test('where our cell stands, its style and formula, as the general cursor reads them', () => {
    const rest = fc.constantFrom('>', '/>', ' s="1">', ' s="12"/>', ' s="">', ' s="x">', ' s="1" t="s">', ' t="s" s="3">', '  s="2">', ' s="1"', ' s=\'4\'>', '\ts="5">', ' s="0123456789">', '/ >', ' s="1"/ >');
    const content = fc.constantFrom('', '<v>1</v>', '<f>A1+B1</f><v>3</v>', '<f>A1</f>', '<is><t>x</t></is>');
    fc.assert(
      fc.property(rest, content, fc.constantFrom('', '<c r="E5"><v>2</v></c>'), (tagRest, inside, before) => {
        const row = `${before}<c r="F5"${tagRest}${tagRest.endsWith('/>') ? '' : `${inside}</c>`}<c r="G5"/>`;
        const found = new FoundCells().take(1);
        const end = findCell(row, 0, 4, 5, new AttributeCursor(), found, 0);
        const expected = general(row, 4, 5);
        if (expected[0] < 0) return expect(end).toBe(-1);
        const formula = found.formulaStart[0] < 0 ? [-1] : [found.formulaStart[0], found.formulaEnd[0]];
        expect([found.start[0], end, found.style[0], ...formula]).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the head of our cell', () => {
  test('is where `<c r="F50"` first stands from a position on, whatever stands near `r="F50"`', () => {
    const piece = fc.constantFrom('<c r="F50">', 'r="F50"', ' r="F50"', '<cc r="F50"', '<c  r="F50"', '<x:c r="F50"', '<c\tr="F50"', '<c r="F5"', '<c r="F500"', 'c r="F50"', '<c ', '<', 'r="F', '50"', '<v>1</v>', '"');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }).map((p) => p.join('')), fc.nat(30), (row, pos) => {
        expect(findCellHead(row, pos, 49, 5)).toBe(row.indexOf('<c r="F50"', pos));
      }),
      { numRuns: 5000 },
    );
  });
});
