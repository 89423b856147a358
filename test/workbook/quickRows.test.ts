import fc from 'fast-check';
import { patchSheet } from '../../src/workbook/xlsx/sheetPatch';
import { StyleBook } from '../../src/workbook/xlsx/styles';
import { RowWrites } from '../../src/workbook/xlsx/rowWrites';
import { ROW_MARK, type CellWrite } from '../../src/workbook/port';
import { columnCells } from '../../src/workbook/columnWrite';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const styles = () => new StyleBook(`<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts><fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>`);
const LETTERS = 'ABCDEFGH';

/** The ways a user's cell can be written, all of which the row patch must treat alike. */
const cellArb = fc.constantFrom(
  (a: string) => `<c r="${a}"/>`,
  (a: string) => `<c r="${a}" s="1"/>`,
  (a: string) => `<c r="${a}" s="2"><v>12.5</v></c>`,
  (a: string) => `<c r="${a}" t="s"><v>3</v></c>`,
  (a: string) => `<c r="${a}" s="1"><f>A1+B1</f><v>3</v></c>`,
  (a: string) => `<c r="${a}"><f t="shared" ref="${a}:${a}" si="0"/><v>1</v></c>`,
  (a: string) => `<c r="${a}" t="inlineStr"><is><t>Lön &amp; arvode</t></is></c>`,
  (a: string) => `<c r='${a}' s='1'><v>7</v></c>`,
  (a: string) => `<c s="1" r="${a}" ><v>7</v></c>`,
  () => `<c s="1"><v>5</v></c>`,
);

interface RowCase {
  spans: boolean;
  cells: (((a: string) => string) | null)[];
  writes: number[];
}

const rowArb: fc.Arbitrary<RowCase> = fc.record({
  spans: fc.boolean(),
  cells: fc.array(fc.option(cellArb, { nil: null, freq: 2 }), { minLength: 0, maxLength: LETTERS.length }),
  writes: fc.uniqueArray(fc.integer({ min: 0, max: LETTERS.length - 1 }), { maxLength: 3 }),
});

function sheetOf(rows: RowCase[]): { xml: string; writes: CellWrite[] } {
  const writes: CellWrite[] = [];
  const body = rows
    .map((row, i) => {
      const r = i + 1;
      for (const col of row.writes) writes.push({ row: i, col, formula: `D${r}-E${r}`, value: r - 0.5, style: { numFmt: '#,##0' } });
      const cells = row.cells.map((c, col) => (c ? c(`${LETTERS[col]}${r}`) : '')).join('');
      const open = `<row r="${r}"${row.spans ? ' spans="1:8"' : ''} x14ac:dyDescent="0.25"`;
      return cells === '' && i % 2 ? `${open}/>` : `${open}>${cells}</row>`;
    })
    .join('');
  return { xml: `<?xml version="1.0"?>\n<worksheet xmlns="${MAIN}" xmlns:x14ac="urn:x14ac"><sheetData>${body}</sheetData><pageMargins/></worksheet>`, writes };
}

const formats = [{ range: 'A1:H40', rules: [{ formula: 'AND(ISNUMBER(A1),A1<0,ABS(A1)>=1000)', fill: 'FFFFC7CE', fontColor: 'FF9C0006' }] }];

describe('rows patched without scanning their cells', () => {
  test('give the very text the full scan gives, whatever the row holds', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 40 }), fc.boolean(), (rows, withFormats) => {
        const { xml, writes } = sheetOf(rows);
        // a comment inside a row makes its end untrustworthy to a text search: such a row is scanned
        const scanned = xml.replace(/(<row [^>]*[^/]>)/g, '$1<!-- x -->');
        const f = withFormats ? formats : [];
        const quick = patchSheet(xml, writes, f, styles());
        const full = patchSheet(scanned, writes, f, styles());
        expect(quick).toBe(full.replace(/<!-- x -->/g, ''));
      }),
      { numRuns: 300 },
    );
  });

  test('columns of writes patch as their cells written one by one do', () => {
    const prefixed = (xml: string) => xml.replace(/<(\/?)(worksheet|sheetData|row|c|v|f|is|t)\b/g, '<$1x:$2').replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`);
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 30 }), fc.boolean(), fc.boolean(), (rows, nan, withPrefix) => {
        const { xml: plain } = sheetOf(rows);
        const xml = withPrefix ? prefixed(plain) : plain;
        const columns = [2, 5, 6].map((col, c) => {
          const written = rows.map((_, r) => r).filter((r) => (r + c) % 3 !== 0);
          return {
            col,
            rows: Int32Array.from(written),
            values: Float64Array.from(written, (r) => (nan && r % 4 === 0 ? NaN : (r * 137 - 2000) / 100)),
            formulas: [`E${ROW_MARK}-D${ROW_MARK}`, `IF(D${ROW_MARK}=0,"",E${ROW_MARK}/D${ROW_MARK})`],
            variants: Uint8Array.from(written, (r) => r % 2),
            style: c === 2 ? undefined : { numFmt: c ? '0.0%' : '#,##0' },
          };
        });
        const one = columns.flatMap(columnCells);
        expect(patchSheet(xml, { cells: [], columns }, formats, styles())).toBe(patchSheet(xml, one, formats, styles()));
      }),
      { numRuns: 200 },
    );
  });

  test('a cell of ours keeps the user’s style and formula element, only its value is new', () => {
    const { xml } = sheetOf([{ spans: true, cells: [null, null, (a) => `<c r="${a}" s="1"><f>A1+B1</f><v>3</v></c>`], writes: [] }]);
    const out = patchSheet(xml, [{ row: 0, col: 2, formula: 'A1+B1', value: 9, style: { numFmt: '#,##0' } }], [], styles());
    expect(out).toContain('<row r="1" x14ac:dyDescent="0.25"><c r="C1" s="1"><f>A1+B1</f><v>9</v></c></row>');
  });
});

test('a comment, CDATA or processing instruction inside a row is never taken for its end', () => {
  for (const fake of ['<!-- </row> -->', '<?pi </row>?>']) {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"/>${fake}</row><row r="2"><c r="A2"/></row></sheetData></worksheet>`;
    const writes = [0, 1].map((row) => ({ row, col: 0, formula: 'B1', value: 1 }));
    expect(patchSheet(xml, writes, [], styles())).toBe(`<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><f>B1</f><v>1</v></c>${fake}</row><row r="2"><c r="A2"><f>B1</f><v>1</v></c></row></sheetData></worksheet>`);
  }
});

describe('writes grouped by row', () => {
  test('rows ascending, each row’s writes by column, writes to one cell in their order', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ row: fc.integer({ min: 0, max: 30 }), col: fc.integer({ min: 0, max: 5 }), value: fc.integer() }), { maxLength: 60 }), (list) => {
        const g = new RowWrites(list);
        const expected = list.map((w, i) => ({ w, i })).sort((a, b) => a.w.row - b.w.row || a.w.col - b.w.col || a.i - b.i).map((x) => x.w);
        expect(list.map((_, i) => g.at(i))).toEqual(expected);
        expect([...g.cols]).toEqual(expected.map((w) => w.col));
        expect([...g.rows]).toEqual([...new Set(expected.map((w) => w.row))]);
        for (let k = 0; k < g.rows.length; k++) for (let i = g.from[k]; i < g.from[k + 1]; i++) expect(g.at(i).row).toBe(g.rows[k]);
        expect(g.from[g.rows.length]).toBe(list.length);
      }),
    );
  });
});
