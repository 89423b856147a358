/**
 * The XML scanner and the readers on it: namespaces as declared in scope (any prefix, transitional or
 * strict), single quotes and spaces around `=`, CDATA, character references, comments; and time that
 * grows with the input, not with its square, whatever is left unclosed.
 */
import { readSharedStrings, readSheet } from '../../src/workbook/xlsx/sheetReader';
import { NS } from '../../src/workbook/xlsx/xml';
import { EMPTY, START, XmlScanner } from '../../src/workbook/xlsx/xmlScanner';
import { parseXml, textOf, XmlShapeError } from '../../src/workbook/xlsx/xmlTree';

const sheet = (prefix: string, ns: string, rows: string) => `<?xml version="1.0"?><${prefix}worksheet xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="${ns}"><${prefix}sheetData>${rows}</${prefix}sheetData></${prefix}worksheet>`;

describe('reading whatever prefix and quoting a producer uses', () => {
  test.each([
    ['no prefix', '', NS.main],
    ['x: (the Open XML SDK)', 'x:', NS.main],
    ['strict, with a prefix of its own', 'ss:', NS.mainStrict],
  ])('%s', (_name, p, ns) => {
    const rows = `<${p}row r='2'><${p}c r = "A2" t = 'inlineStr'><${p}is><${p}t><![CDATA[Köp & <sälj>]]></${p}t></${p}is></${p}c><${p}c r="B2"><${p}v>1234.5</${p}v></${p}c><${p}c r="C2"><${p}f>B2*2</${p}f><${p}v>2469</${p}v></${p}c></${p}row>`;
    const grid = readSheet(sheet(p, ns, rows), []);
    expect(grid.values[1]).toEqual(['Köp & <sälj>', 1234.5, 2469]);
    expect(grid.formulas.get('1,2')).toBe('B2*2');
  });

  test('an element in another namespace is not SpreadsheetML, even with a familiar name', () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c><o:c xmlns:o="urn:other" r="B1"><o:v>2</o:v></o:c></row>';
    expect(readSheet(sheet('', NS.main, rows), []).values[0]).toEqual([1]);
  });

  test('a prefix declared lower down counts from there, and only there', () => {
    const rows = '<row r="1" xmlns:y="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><y:c r="A1"><y:v>7</y:v></y:c></row><row r="2"><y:c r="A2"><y:v>8</y:v></y:c></row>';
    expect(readSheet(sheet('', NS.main, rows), []).values).toEqual([[7], []]);
  });

  test('shared strings: character references, CDATA, comments and phonetic runs', () => {
    const xml = `<sst xmlns="${NS.main}"><si><t>Verksamhetens int&#228;kter</t></si><si><t><![CDATA[A & B]]></t><!-- en kommentar --></si><si><r><t xml:space='preserve'>Bud</t></r><r><t>get</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si></sst>`;
    expect(readSharedStrings(xml)).toEqual(['Verksamhetens intäkter', 'A & B', 'Budget']);
  });

  test('<v>0x1A</v>, Infinity and blanks are no numbers; 1E3 and -.5 are', () => {
    const rows = '<row r="1"><c r="A1"><v>0x1A</v></c><c r="B1"><v>Infinity</v></c><c r="C1"><v> </v></c><c r="D1"><v>1E3</v></c><c r="E1"><v>-.5</v></c></row>';
    const [a, b, c, d, e] = readSheet(sheet('', NS.main, rows), []).values[0];
    expect(a).toEqual({ error: '#VALUE!', message: 'värdet "0x1A" i filen är inget tal' });
    expect(b).toEqual({ error: '#VALUE!', message: 'värdet "Infinity" i filen är inget tal' });
    expect([c, d, e]).toEqual([null, 1000, -0.5]);
  });

  test('the tree keeps positions, decodes text and names a part cut short', () => {
    const xml = `<a xmlns="${NS.main}"><b n='1'>x &amp; <![CDATA[<y>]]></b><c/></a>`;
    const root = parseXml(xml);
    expect(root.children.map((c) => [c.local, c.uri, xml.slice(c.start, c.end)])).toEqual([
      ['b', NS.main, "<b n='1'>x &amp; <![CDATA[<y>]]></b>"],
      ['c', NS.main, '<c/>'],
    ]);
    expect(textOf(xml, root.children[0])).toBe('x & <y>');
    expect(() => parseXml(xml.slice(0, 30))).toThrow(XmlShapeError);
    expect(() => parseXml('<a><b></a>')).toThrow('<b> avslutas med </a>');
  });
});

describe('time grows with the input, not with its square', () => {
  /** Hostile parts: each pattern repeated to 256 KB (6 KB of the first took over a minute before). */
  const hostile = ['<row><c r="A1"', '<c><v>1', '<!--', '<![CDATA[', '<t>', '<a b="', '<row r="1">', '<c r="A1"><is><t>x', '<?pi '];
  test.each(hostile)('%s… repeated: every reader finishes at once', (pattern) => {
    const xml = `<worksheet xmlns="${NS.main}"><sheetData>${pattern.repeat(Math.ceil(262_144 / pattern.length))}`;
    const started = Date.now();
    expect(() => readSheet(xml, [])).not.toThrow(RangeError);
    expect(() => parseXml(xml)).toThrow(XmlShapeError);
    readSharedStrings(xml.replace('worksheet', 'sst'));
    const s = new XmlScanner(xml);
    let tokens = 0;
    while (s.next()) if (s.token() === START || s.token() === EMPTY) tokens++;
    expect(tokens).toBeLessThan(xml.length);
    // a bound that only a quadratic scan could break (at 256 KB it would take hours, not seconds)
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
