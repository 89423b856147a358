/**
 * The patch's quick markup of a column's cells (issue 12) against the general path it stands in for:
 * the cell object `columnCell` expands, written by `cellXml` (with a user's `<f>` kept, a style with a
 * default number format) as the patch wrote every cell before.
 */
import fc from 'fast-check';
import { columnCell, columnFormulas } from '../../src/workbook/columnWrite';
import { ROW_MARK, type CellWrite, type ColumnWrite } from '../../src/workbook/port';
import { ColumnMarkup, valueElement } from '../../src/workbook/xlsx/columnMarkup';
import { cellMarkup } from '../../src/workbook/xlsx/ourCells';
import { StyleBook } from '../../src/workbook/xlsx/styles';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const styles = () =>
  new StyleBook(
    `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts><fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>`,
  );

/** Cached values as the fill makes them (öre amounts, percentages) and the edges of number-to-text. */
const value = fc.oneof(
  fc.integer({ min: -1e12, max: 1e12 }).map((ore) => ore / 100),
  fc.double({ noDefaultInfinity: false }),
  fc.constantFrom(NaN, -0, 0, Infinity, -Infinity, 1e21, -1e21, 1.5e21, 123456789012345680000, 1e-7, 5e-324, Number.MAX_VALUE, 0.1 + 0.2),
);
/** Formula templates: row marks anywhere, text that needs encoding, characters XML forbids. */
const template = fc
  .array(fc.constantFrom(ROW_MARK, 'E', '-D', '/', 'IF(', ')', '"', '""', '&', '<', '>', '\u0002', '\uffff', 'å', 'ABS(', ',', '0'), { minLength: 1, maxLength: 8 })
  .map((p) => p.join(''));

const column: fc.Arbitrary<ColumnWrite> = fc
  .record({
    col: fc.nat(16_383),
    rows: fc.array(fc.nat(1_048_575), { minLength: 1, maxLength: 12 }),
    values: fc.array(value, { minLength: 12, maxLength: 12 }),
    formulas: fc.array(template, { minLength: 1, maxLength: 3 }),
    variants: fc.option(fc.array(fc.nat(2), { minLength: 12, maxLength: 12 }), { nil: undefined }),
    numFmt: fc.constantFrom(undefined, '#,##0', '0.0%', '0.0'),
  })
  .map((c) => ({
    col: c.col,
    rows: Int32Array.from(c.rows),
    values: Float64Array.from(c.values.slice(0, c.rows.length)),
    formulas: c.formulas,
    variants: c.variants ? Uint8Array.from(c.variants.slice(0, c.rows.length), (v) => v % c.formulas.length) : undefined,
    style: c.numFmt ? { numFmt: c.numFmt } : undefined,
  }));

const userStyle = fc.constantFrom(-1, 0, 1, 2, 3);
const userFormula = fc.constantFrom(undefined, '<f>E5-D5</f>', '<f t="shared" ref="F5:F9" si="0">E5-D5</f>', '<f t="shared" si="0"/>', '<f>A1&amp;"&lt;"</f>');

describe('a column’s cell as markup from its typed arrays', () => {
  test('is the very text of its cell object written the general way', () => {
    fc.assert(
      fc.property(column, fc.array(fc.tuple(fc.nat(), userStyle, userFormula), { minLength: 1, maxLength: 20 }), (c, cells) => {
        const quick = ColumnMarkup.of(c, styles())!;
        const general = styles();
        const formulaOf = columnFormulas(c);
        for (const [k, style, existing] of cells) {
          const i = k % c.rows.length;
          const w = columnCell(c, formulaOf, i, { row: 0, col: 0 } as CellWrite);
          expect(quick.cell(i, style, existing)).toBe(cellMarkup(general, w, style < 0 ? undefined : style, '', existing));
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('a fill’s deviation cell, and no quick markup for an empty template', () => {
    const c: ColumnWrite = { col: 5, rows: Int32Array.of(4, 5), values: Float64Array.of(-44288.6, NaN), formulas: [`E${ROW_MARK}-D${ROW_MARK}`], style: { numFmt: '#,##0' } };
    const quick = ColumnMarkup.of(c, styles())!;
    expect(quick.cell(0, 1, undefined)).toBe('<c r="F5" s="1"><f>E5-D5</f><v>-44288.6</v></c>');
    expect(quick.cell(1, -1, '<f t="shared" si="0"/>')).toBe('<c r="F6" s="4" t="str"><f t="shared" si="0"/><v></v></c>');
    expect(ColumnMarkup.of({ ...c, formulas: [''] }, styles())).toBeUndefined();
  });
});

describe('a cached number’s <v> element', () => {
  /** The element as `cellXml` writes it. */
  const general = (x: number) => `<v>${x}</v></c>`;

  test('is `<v>${v}</v></c>`, for amounts in öre, any double, and the edges of the quick way', () => {
    const ore = fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -(2 ** 53), max: 2 ** 53 }), fc.constantFrom(1e15 - 1, 1e15, -1e15, -(1e15 - 1), 1e15 + 1, 5, -5, 50, -50, 1, 0));
    const v = fc.oneof(
      ore.map((n) => n / 100),
      ore.map((n) => n / 1000),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(-0, 0.1 + 0.2, 1e13, 9999999999999.99, 1e21, -1e21, 5e-324, 1e-7, 0.005, -0.005, 1.005, 1.015, 1e-2),
    );
    fc.assert(
      fc.property(v, (x) => {
        expect(valueElement(x)).toBe(general(x));
      }),
      { numRuns: 20_000 },
    );
  });

  test('is `<v>${v}</v></c>` for every öre from -5 000,00 to 5 000,00 and near the bound', () => {
    for (let n = -500_000; n <= 500_000; n++) if (valueElement(n / 100) !== general(n / 100)) expect(valueElement(n / 100)).toBe(general(n / 100));
    for (let n = 1e15 - 20_000; n <= 1e15 + 20_000; n++) if (valueElement(n / 100) !== general(n / 100)) expect(valueElement(n / 100)).toBe(general(n / 100));
  });
});
