/**
 * The quick reading of plainly written rows (plainRow.ts) against the general reading through the
 * scanner that it stands in for: for any sheet built from plain cells, near-plain ones and the
 * unusual things that must send a row back to the general reading, both give the same grid (values,
 * formulas) or throw the same error with the same Swedish message.
 */
import fc from 'fast-check';
import { LIMITS } from '../../src/workbook/xlsx/limits';
import { readSheet, type SheetGrid } from '../../src/workbook/xlsx/sheetReader';

const SHARED = ['Verksamhet', 'Budget helår', 'x'.repeat(32_768), ''];
const DATE_STYLES = new Set([3]);

const ref = fc.constantFrom('', ' r="A1"', ' r="B1"', ' r="$C$1"', ' r="d1"', ' r="XFD1"', ' r="XFE1"', ' r="1"', ' r="AAAA1"', ' r="A"', ' r="B&#49;"', ' r="E>1"');
const type = fc.constantFrom('', '', ' t="s"', ' t="s"', ' t="n"', ' t="b"', ' t="e"', ' t="str"', ' t="d"', ' t="inlineStr"', ' t="S"', ' t=""');
const style = fc.constantFrom('', '', ' s="1"', ' s="3"', ' s="03"', ' s=""');
const value = fc.constantFrom('0', '1', '2', '3', '4', '-0', '643505.4', '-12.50', '1e3', '1.5E-3', ' 1', '', 'abc', '12345678901234567', '0.1000000000000000055511151231257827', '&#49;', '0x1A', '99', '-1', '01', '1.', '.5', 'true', '#N/A', '2024-01-31', '&amp;');
const attributes = fc.tuple(ref, type, style, fc.boolean()).map(([r, t, s, swap]) => (swap ? `${s}${t}${r}` : `${r}${t}${s}`));

const plainCell = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(attributes, value).map(([a, v]) => `<c${a}><v>${v}</v></c>`) },
  { weight: 2, arbitrary: attributes.map((a) => `<c${a}/>`) },
  { weight: 1, arbitrary: attributes.map((a) => `<c${a}></c>`) },
);
const oddCell = fc.constantFrom(
  '<c r="C1"><f>1+1</f><v>2</v></c>',
  '<c r="D1"><f t="shared" si="0">A1*2</f><v>4</v></c>',
  '<c r="E1"><f t="shared" si="0"/><v>5</v></c>',
  '<c r="F1"><f>A1</f></c>',
  '<c r="A1" cm="1"><v>1</v></c>',
  '<c  r="A1"><v>1</v></c>',
  '<c r="A1" ><v>1</v></c>',
  "<c r='A1'><v>1</v></c>",
  '<c r="A1" />',
  '<c r="A1"><v>1</v> </c>',
  '<c r="A1"><v><![CDATA[7]]></v></c>',
  '<c r="B1" t="inlineStr"><is><t>hej</t></is></c>',
  '<c r="A1"><v>1</v><extLst/></c>',
  '<x:c r="A1"><x:v>3</x:v></x:c>',
  '<c xmlns="urn:other" r="A1"><v>1</v></c>',
  '<!-- c -->',
  '<?pi x?>',
  '<cc r="A1"/>',
  '<d/>',
  '\n  ',
  'text',
  '</c>',
);
const cell = fc.oneof({ weight: 8, arbitrary: plainCell }, { weight: 1, arbitrary: oddCell });
const plainRowTag = fc.constantFrom('<row r="%">', '<row r="%" spans="1:3">', '<row r="%" x14ac:dyDescent="0.25">', '<row spans="1:3" r="%">');
const oddRowTag = fc.constantFrom(
  '<row>',
  '<row  r="%">',
  '<row r="%"\t>',
  "<row r='%'>",
  '<x:row r="%">',
  '<row r="%" r="2">',
  '<row x:r="%">',
  '<row r="a">',
  '<row r="0">',
  '<row r="02">',
  '<row r="1048577">',
  '<row r="%" xmlns:y="urn:y">',
  '<row xmlns="urn:other" r="%">',
  '<row r="%" xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
  '<rows r="%">',
);
const rowTag = fc.oneof({ weight: 6, arbitrary: plainRowTag }, { weight: 1, arbitrary: oddRowTag });
const rowEnd = fc.constantFrom('</row>', '</row>', '</row>', '</row >', '</x:row>');
const row = fc.tuple(rowTag, fc.array(cell, { maxLength: 6 }), rowEnd).map(([open, cells, close]) => ({ open, cells: cells.join(''), close }));
const emptyRow = fc.constantFrom('<row r="%"/>', '<row r="%" />', '<row r="%" spans="1:1"/>', '<row r="3"/>', '<row/>').map((open) => ({ open, cells: '', close: '' }));
const between = fc.constantFrom('', '', '', '\n', '<!-- x -->', 'text', '<x:row r="9"/>', '<foo/>');
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
/** The sheet around the rows: SpreadsheetML the default namespace, or (prefixed) another namespace the default. */
const frame = fc.constantFrom(
  [`<worksheet xmlns="${MAIN}" xmlns:x="${MAIN}" xmlns:x14ac="urn:ac"><sheetData>`, '</sheetData><mergeCells><mergeCell ref="A1:B2"/></mergeCells></worksheet>'],
  [`<x:worksheet xmlns:x="${MAIN}" xmlns="urn:other" xmlns:x14ac="urn:ac"><x:sheetData>`, '</x:sheetData></x:worksheet>'],
);
const sheet = fc.tuple(frame, fc.array(fc.tuple(fc.oneof({ weight: 8, arbitrary: row }, { weight: 1, arbitrary: emptyRow }), between), { maxLength: 6 })).map(([[open, close], rows]) =>
  [open, ...rows.map(([r, gap], i) => `${r.open.replace('%', String(i + 1))}${r.cells}${r.close}${gap}`), close].join(''),
);

/** A date as its time (an invalid date has none, and no two invalid dates compare equal). */
const comparable = (v: unknown): unknown => (v instanceof Date ? `date ${String(v.getTime())}` : v);

/** The grid or the error a reading gives: class and message. */
function outcome(read: () => SheetGrid): unknown {
  try {
    const grid = read();
    return { values: grid.values.map((row) => row.map(comparable)), formulas: [...grid.formulas], merges: grid.merges };
  } catch (e) {
    return { error: (e as Error).constructor.name, message: (e as Error).message };
  }
}

function sameBothWays(xml: string): void {
  const quick = outcome(() => readSheet(xml, SHARED, DATE_STYLES));
  const general = outcome(() => readSheet(xml, SHARED, DATE_STYLES, false));
  expect(quick).toStrictEqual(general);
}

describe('the quick reading of plain rows', () => {
  test('reads what the general reading reads: the same values, formulas and errors', () => {
    fc.assert(fc.property(sheet, sameBothWays), { numRuns: 4000 });
  });

  test('stops at the cell limit where the general reading stops, with its message', () => {
    const limits = LIMITS as { cellsPerSheet: number };
    const saved = limits.cellsPerSheet;
    try {
      fc.assert(
        fc.property(sheet, fc.integer({ min: 0, max: 12 }), (xml, cap) => {
          limits.cellsPerSheet = cap;
          sameBothWays(xml);
        }),
        { numRuns: 1500 },
      );
    } finally {
      limits.cellsPerSheet = saved;
    }
  });

  test('a plain row: numbers exact, shared texts, dates by style, blanks and the errors of bad cells', () => {
    const xml = (cells: string) => `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="4">${cells}</row></sheetData></worksheet>`;
    const grid = readSheet(xml('<c r="A4" t="s"><v>0</v></c><c r="B4" s="1"><v>643505.4</v></c><c r="C4" s="1"/><c r="D4" s="3"><v>45322</v></c><c r="E4"><v>1e3</v></c><c r="F4" t="b"><v>1</v></c>'), SHARED, DATE_STYLES);
    expect(grid.values[3]).toStrictEqual(['Verksamhet', 643505.4, null, new Date(Date.UTC(2024, 0, 31)), 1000, true]);
    expect(() => readSheet(xml('<c r="A4"><v>1</v></c><c r="B4" t="s"><v>9</v></c>'), SHARED)).toThrow('cellen B4 hänvisar till delad text nr 9, men arbetsboken har bara 4');
    expect(() => readSheet(xml('<c r="A4" t="s"><v>2</v></c>'), SHARED)).toThrow(/cellen A4 har en text på 32 768 tecken/);
    expect(() => readSheet(xml('<c r="XFE4"><v>1</v></c>'), SHARED)).toThrow('cellen XFE4 ligger utanför Excels sista kolumn XFD');
    expect(readSheet(xml('<c r="A4"><v>abc</v></c>'), SHARED).values[3][0]).toStrictEqual({ error: '#VALUE!', message: 'värdet "abc" i filen är inget tal' });
  });
});
