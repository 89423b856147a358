import { readSharedStrings, readSheet, shiftFormula } from '../../src/workbook/xlsx/sheetReader';
import { StyleBook } from '../../src/workbook/xlsx/styles';
import { patchSheet } from '../../src/workbook/xlsx/sheetPatch';
import { decodeXml, encodeXml, resolvePartPath } from '../../src/workbook/xlsx/xml';
import { readZip, writeZip } from '../../src/workbook/xlsx/zip';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const sheet = (rows: string, extra = '') => `<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData>${extra}</worksheet>`;

describe('reading SpreadsheetML', () => {
  test('shared strings: rich text runs joined, phonetic runs left out, entities decoded', () => {
    const xml = `<sst xmlns="${MAIN}"><si><t>Verksamhetens intäkter</t></si><si><r><t>Budget </t></r><r><rPr><b/></rPr><t>helår</t></r></si><si><t>A &amp; B</t><rPh><t>x</t></rPh></si><si><t/></si></sst>`;
    expect(readSharedStrings(xml)).toEqual(['Verksamhetens intäkter', 'Budget helår', 'A & B', '']);
  });

  test('cell types: shared, inline, formula strings, booleans, errors, numbers, blanks', () => {
    const grid = readSheet(
      sheet(
        '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="inlineStr"><is><t>ca 300</t></is></c><c r="C2" t="str"><f>A2&amp;"x"</f><v>Personalx</v></c>' +
          '<c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#N/A</v></c><c r="F2"><v>1234.5</v></c><c r="G2" s="3"/><c r="H2"><f>F2*2</f><v>2469</v></c></row>',
      ),
      ['Personal'],
    );
    expect(grid.values[1]).toEqual(['Personal', 'ca 300', 'Personalx', true, { error: '#N/A' }, 1234.5, null, 2469]);
    expect(grid.values[0]).toEqual([]);
    expect(grid.formulas.get('1,2')).toBe('A2&"x"');
    expect(grid.formulas.get('1,7')).toBe('F2*2');
  });

  test('cells and rows without r attributes follow on from the previous one', () => {
    const grid = readSheet(sheet('<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row>'), []);
    expect(grid.values).toEqual([[1, 2], [undefined, undefined, 3, 4]]);
  });

  test('shared formulas are translated to each cell', () => {
    const grid = readSheet(sheet('<row r="5"><c r="E5"><f t="shared" ref="E5:E7" si="0">C5-D5</f><v>1</v></c></row><row r="7"><c r="E7"><f t="shared" si="0"/><v>2</v></c></row>'), []);
    expect(grid.formulas.get('6,4')).toBe('C7-D7');
  });

  test('merged cells carry their top-left value; sheet protection is seen', () => {
    const grid = readSheet(sheet('<row r="1"><c r="B1" t="inlineStr"><is><t>Helår</t></is></c></row>', '<sheetProtection sheet="1"/><mergeCells count="1"><mergeCell ref="B1:D1"/></mergeCells>'), []);
    expect(grid.values[0]).toEqual([undefined, 'Helår', 'Helår', 'Helår']);
    expect(grid.protected).toBe(true);
  });

  test('shiftFormula moves relative references only, not absolute ones or text', () => {
    expect(shiftFormula('C5-D5', 2, 0)).toBe('C7-D7');
    expect(shiftFormula('$C$5+C5*8/12', 1, 1)).toBe('$C$5+D6*8/12');
    expect(shiftFormula('IF(C5=0,"C5",E5/ABS(C5))', 1, 0)).toBe('IF(C6=0,"C5",E6/ABS(C6))');
    expect(shiftFormula('SUM(Blad1!A1:A3)', 1, 0)).toBe('SUM(Blad1!A2:A4)');
    expect(shiftFormula("'AB1'!C5+AB1!C5", 1, 0)).toBe("'AB1'!C6+AB1!C6");
  });

  test('XML text round-trips and part paths resolve', () => {
    expect(decodeXml(encodeXml('a<b>&"c" \u0001'))).toBe('a<b>&"c" ');
    expect(decodeXml('&#229;&#x2212;')).toBe('å−');
    expect(resolvePartPath('xl', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolvePartPath('xl', '/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolvePartPath('xl/worksheets', '../drawings/d1.xml')).toBe('xl/drawings/d1.xml');
  });

  test('the zip container round-trips exactly', () => {
    const entries = new Map([['a.xml', Buffer.from('<a>å</a>'.repeat(100))], ['empty', Buffer.alloc(0)], ['mappe/b.bin', Buffer.from([0, 1, 2, 255])]]);
    const back = readZip(writeZip(entries));
    expect([...back.keys()]).toEqual(['a.xml', 'empty', 'mappe/b.bin']);
    for (const [k, v] of entries) expect(Buffer.from(back.get(k)!).equals(v)).toBe(true);
  });
});

describe('patching a user sheet', () => {
  const styles = () => new StyleBook(`<styleSheet xmlns="${MAIN}"><fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`);

  test('our cells go in column order; other cells and rows stay byte for byte', () => {
    const xml = sheet('<row r="1" spans="1:3"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row><row r="2"><c r="A2" t="s"><v>0</v></c></row>');
    const out = patchSheet(xml, [{ row: 0, col: 1, formula: 'C1-A1', value: 2 }], [], styles());
    expect(out).toBe(sheet('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>C1-A1</f><v>2</v></c><c r="C1"><v>3</v></c></row><row r="2"><c r="A2" t="s"><v>0</v></c></row>'));
  });

  test("a cell's own number format is kept; a General cell gets ours", () => {
    const book = styles();
    const xml = sheet('<row r="1"><c r="A1" s="1"/><c r="B1" s="0"/></row>');
    const out = patchSheet(xml, [{ row: 0, col: 0, formula: 'X1', value: 1, style: { numFmt: '#,##0;-#,##0;0' } }, { row: 0, col: 1, formula: 'Y1', value: 1, style: { numFmt: '#,##0;-#,##0;0' } }], [], book);
    expect(out).toContain('<c r="A1" s="1"><f>X1</f>');
    expect(out).toContain('<c r="B1" s="2"><f>Y1</f>');
    expect(book.toXml()).toContain('<numFmt numFmtId="164" formatCode="#,##0;-#,##0;0"/>');
    expect(book.toXml()).toContain('<cellXfs count="3">');
  });

  test("missing rows are created in order; our earlier conditional formats are replaced, the user's kept beside ours", () => {
    const ours = '<conditionalFormatting sqref="B2:B5"><cfRule type="expression" dxfId="0" priority="6"><formula>AND(ISNUMBER(B2),B2&lt;0,ABS(B2)&gt;=1000)</formula></cfRule></conditionalFormatting>';
    const theirs = '<conditionalFormatting sqref="B2:B5"><cfRule type="expression" dxfId="0" priority="1"><formula>THEIRS</formula></cfRule></conditionalFormatting>';
    const xml = sheet('<row r="3"><c r="A3"><v>1</v></c></row>', `<conditionalFormatting sqref="A1:A9"><cfRule type="expression" dxfId="0" priority="4"><formula>A1&gt;0</formula></cfRule></conditionalFormatting>${theirs}${ours}<pageMargins/>`);
    const out = patchSheet(xml, [{ row: 1, col: 1, value: 7 }, { row: 4, col: 1, value: 9 }], [{ range: 'B2:B5', rules: [{ formula: 'NEW', fill: 'FFFFC7CE', fontColor: 'FF9C0006' }] }], styles());
    expect(out).toContain('<sheetData><row r="2"><c r="B2"><v>7</v></c></row><row r="3"><c r="A3"><v>1</v></c></row><row r="5"><c r="B5"><v>9</v></c></row></sheetData>');
    expect(out).not.toContain('ISNUMBER(B2)');
    expect(out).toContain('<conditionalFormatting sqref="A1:A9">');
    expect(out).toContain(theirs);
    expect(out).toMatch(/THEIRS<\/formula><\/cfRule><\/conditionalFormatting><conditionalFormatting sqref="B2:B5"><cfRule type="expression" dxfId="0" priority="5"><formula>NEW<\/formula><\/cfRule><\/conditionalFormatting><pageMargins\/>/);
  });
});
