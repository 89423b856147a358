import fc from 'fast-check';
import { cellsOf, columnCells } from '../../src/workbook/columnWrite';
import { ROW_MARK, type CellWrite, type ColumnWrite } from '../../src/workbook/port';
import { patchSheet } from '../../src/workbook/xlsx/sheetPatch';
import { RowWrites } from '../../src/workbook/xlsx/rowWrites';
import { StyleBook } from '../../src/workbook/xlsx/styles';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const styles = () => new StyleBook(`<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts><fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`);
const LETTERS = 'ABCDEF';
const ROWS = 25;

const columnArb: fc.Arbitrary<ColumnWrite> = fc
  .record({
    col: fc.integer({ min: 0, max: LETTERS.length - 1 }),
    rows: fc.uniqueArray(fc.integer({ min: 0, max: ROWS - 1 }), { maxLength: ROWS }),
    two: fc.boolean(),
    pct: fc.boolean(),
  })
  .chain(({ col, rows, two, pct }) => {
    const sorted = [...rows].sort((a, b) => a - b);
    const value = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(Number.NaN), fc.integer());
    return fc.record({
      values: fc.array(value, { minLength: sorted.length, maxLength: sorted.length }),
      variants: fc.array(fc.integer({ min: 0, max: two ? 1 : 0 }), { minLength: sorted.length, maxLength: sorted.length }),
    }).map(({ values, variants }): ColumnWrite => ({
      col,
      rows: Int32Array.from(sorted),
      values: Float64Array.from(values),
      formulas: [`IF(C${ROW_MARK}=0,"",D${ROW_MARK}-C${ROW_MARK})`, `C${ROW_MARK}-D${ROW_MARK}`].slice(0, two ? 2 : 1),
      ...(two ? { variants: Uint8Array.from(variants) } : {}),
      style: { numFmt: pct ? '0.0%' : '#,##0;-#,##0;0' },
    }));
  });

const cellArb: fc.Arbitrary<CellWrite> = fc.record({
  row: fc.integer({ min: 0, max: ROWS + 3 }),
  col: fc.integer({ min: 0, max: LETTERS.length - 1 }),
  formula: fc.constantFrom('SUM(A1:A3)', 'B7*2'),
  value: fc.integer(),
});

const writesArb = fc.record({ cells: fc.array(cellArb, { maxLength: 8 }), columns: fc.array(columnArb, { maxLength: 4 }) });

/** A sheet whose rows (some missing) hold some of the columns' cells, some with a style or formula of their own. */
const sheetArb = fc.array(fc.array(fc.constantFrom('', 'v', 's', 'f'), { minLength: LETTERS.length, maxLength: LETTERS.length }), { minLength: ROWS, maxLength: ROWS }).map((rows) => {
  const body = rows
    .map((cells, r) => {
      if (cells.every((c) => c === '')) return '';
      const xml = cells.map((c, i) => {
        const a = `${LETTERS[i]}${r + 1}`;
        return c === 'v' ? `<c r="${a}"><v>${r}</v></c>` : c === 's' ? `<c r="${a}" s="1"/>` : c === 'f' ? `<c r="${a}"><f>A1</f><v>1</v></c>` : '';
      });
      return `<row r="${r + 1}">${xml.join('')}</row>`;
    })
    .join('');
  return `<worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData></worksheet>`;
});

describe('columns written without an object per cell', () => {
  test('a column expands to its rows, each with its template’s formula at the row and the empty text for NaN', () => {
    const column: ColumnWrite = { col: 4, rows: Int32Array.of(1, 2, 9), values: Float64Array.of(-300, Number.NaN, 0.5), formulas: [`D${ROW_MARK}-C${ROW_MARK}`, `C${ROW_MARK}-D${ROW_MARK}`], variants: Uint8Array.of(0, 1, 0) };
    expect(columnCells(column)).toEqual([
      { row: 1, col: 4, formula: 'D2-C2', value: -300, style: undefined },
      { row: 2, col: 4, formula: 'C3-D3', value: '', style: undefined },
      { row: 9, col: 4, formula: 'D10-C10', value: 0.5, style: undefined },
    ]);
  });

  test('grouped by row, columns give the very writes their expanded cells give, in the same order', () => {
    fc.assert(
      fc.property(writesArb, (writes) => {
        const fast = new RowWrites(writes);
        const cells = new RowWrites(cellsOf(writes));
        expect([...fast.rows]).toEqual([...cells.rows]);
        expect([...fast.from]).toEqual([...cells.from]);
        expect([...fast.cols]).toEqual([...cells.cols]);
        for (let i = 0; i < fast.cols.length; i++) expect({ ...fast.at(i) }).toEqual({ value: undefined, formula: undefined, style: undefined, ...cells.at(i) });
      }),
    );
  });

  test('a sheet patched from columns is byte for byte the sheet patched from their cells', () => {
    fc.assert(
      fc.property(sheetArb, writesArb, (xml, writes) => {
        expect(patchSheet(xml, writes, [], styles())).toBe(patchSheet(xml, cellsOf(writes), [], styles()));
      }),
      { numRuns: 200 },
    );
  });
});
