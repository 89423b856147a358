/**
 * The quick readings of issue 12 against the general ones they stand in for: attribute positions of a
 * plainly written tag, a lone `<v>` cell and its plain decimal read in place, the batched UTF-8 of
 * small edits, and a cell's markup with its style attribute made once.
 */
import fc from 'fast-check';
import { ByteEdits } from '../../src/workbook/xlsx/byteEdits';
import { plainDecimalAt } from '../../src/workbook/xlsx/cellValue';
import { cellWithoutFirstR, findCellHead, NOT_FIRST_R } from '../../src/workbook/xlsx/patchRows';
import { readSheet } from '../../src/workbook/xlsx/sheetReader';
import { cellRef, cellXml } from '../../src/workbook/xlsx/sheetXml';
import { encodeXml, OrderedEdits } from '../../src/workbook/xlsx/xml';
import { START, XmlScanner } from '../../src/workbook/xlsx/xmlScanner';
import { AttributeCursor } from '../../src/workbook/xlsx/xmlSyntax';

const NAMES = ['r', 't', 's'] as const;

/** What `attrPositions` found before the quick reading: the general cursor over every attribute. */
function generalPositions(xml: string, nameEnd: number, end: number): number[] {
  const at = [-1, -1, -1, -1, -1, -1];
  const a = new AttributeCursor().reset(xml, nameEnd, end - 1);
  while (a.next()) {
    const k = NAMES.findIndex((n) => a.named(n));
    if (k >= 0) [at[2 * k], at[2 * k + 1]] = [a.valueStart, a.valueEnd];
  }
  return at;
}

const pieces = fc.constantFrom(' ', '  ', '\t', '\n', 'r', 's', 't', 'x', 'rr', '=', '"', "'", '/', 'B5', '3', 'x:r', ':', 'é');
const attribute = fc.oneof(
  fc.tuple(fc.constantFrom('r', 's', 't', 'x', 'ab', 'x:s'), fc.stringMatching(/^[A-Z0-9 ]{0,4}$/)).map(([n, v]) => ` ${n}="${v}"`),
  fc.array(pieces, { maxLength: 6 }).map((p) => p.join('')),
);
const tag = fc.tuple(fc.array(attribute, { maxLength: 4 }), fc.constantFrom('>', '/>', ' >', ' />')).map(([attrs, close]) => `<c${attrs.join('')}${close}`);

describe('attribute positions of a cell tag', () => {
  test('the quick reading finds what the general cursor finds, for any tag the scanner reads', () => {
    fc.assert(
      fc.property(tag, (cell) => {
        const xml = `<sheetData>${cell}</sheetData>`;
        const s = new XmlScanner(xml, ['']);
        s.next();
        if (!s.next() || (s.kind !== START && s.kind !== 3)) return;
        const at = new Int32Array(6);
        s.attrPositions(NAMES, at);
        expect([...at]).toEqual(generalPositions(xml, s.start + 1 + s.name.length, s.end));
      }),
      { numRuns: 3000 },
    );
  });

  test('a plain cell: the values of r, s and t', () => {
    const xml = '<x><c r="B5" s="3" t="s"><v>1</v></c></x>';
    const s = new XmlScanner(xml, ['']);
    s.next();
    s.next();
    const at = new Int32Array(6);
    s.attrPositions(NAMES, at);
    expect([0, 2, 4].map((k) => xml.slice(at[k], at[k + 1]))).toEqual(['B5', 's', '3']);
  });
});

describe('rows with a cell whose first attribute is not r', () => {
  const rowText = fc.array(fc.constantFrom('<c r="A1">', '<c r="B2"/>', '<c  r="A1">', '<c s="1" r="A1">', '<c>', '<c/>', '<x:c r="A1">', '<x:c s="1">', '<x:c>', '<v>', '</v>', '</c>', '<f>', '1', ' ', ':', 'c', '<cc s="1">', '<c\tr="A1">', '<c r ="A1">', '<c\u00a0r="A1">', '<a.b-c:c/>', '<c r', '<'), { maxLength: 8 }).map((p) => p.join(''));

  test('the quicker test says what the expression says', () => {
    fc.assert(
      fc.property(rowText, (row) => {
        expect(cellWithoutFirstR(row)).toBe(NOT_FIRST_R.test(row));
      }),
      { numRuns: 5000 },
    );
    expect(cellWithoutFirstR('<c r="A5" s="2" t="s"><v>7</v></c><c r="B5"><f>A5*2</f><v>14</v></c><c r="C5"/>')).toBe(false);
    expect(cellWithoutFirstR('<c r="A5"><v>1</v></c><x:c s="2"/>')).toBe(true);
  });
});

describe('finding our cell in a row', () => {
  test('where the text `<c r="F50"` first stands from a position on', () => {
    const piece = fc.constantFrom('<c r="F50">', '<c r="F5">', '<c r="F500"/>', '<c r="F050">', '<c r="FA50">', '<c r="F50', '<c r="A1">', '<c r="F', '50"', '"', '0', '5', '<c r="XFD1048576">', '<c r="F1048577">');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }).map((p) => p.join('')), fc.nat(40), fc.constantFrom([49, 5], [4, 5], [499, 5], [1_048_575, 16_383], [0, 0], [1_048_576, 5]), (row, pos, [r, col]) => {
        expect(findCellHead(row, pos, r, col)).toBe(row.indexOf(`<c r="${cellRef(r, col)}"`, pos));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('edits encoded in batches', () => {
  test('the bytes are the UTF-8 of the edited text, for any edits in order', () => {
    const text = fc.array(fc.constantFrom('a', '<c r="B5"/>', 'å', '€', '𝄞', 'ö'.repeat(3000), 'x'.repeat(20_000)), { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.nat(), fc.nat(60), fc.constantFrom('', '<c r="D5"><v>1</v></c>', 'ä€', 'y'.repeat(17_000))), { maxLength: 60 }), (xml, raw) => {
        // cut only between UTF-16 pairs, as the patch does (its edits fall on tags)
        const safe = (i: number) => (i > 0 && i < xml.length && xml.charCodeAt(i) >= 0xdc00 && xml.charCodeAt(i) <= 0xdfff ? i + 1 : i);
        const starts = raw.map(([at]) => safe(xml.length === 0 ? 0 : at % (xml.length + 1))).sort((a, b) => a - b);
        const a = new OrderedEdits(xml);
        const b = new ByteEdits(xml);
        let last = 0;
        starts.forEach((start, i) => {
          const from = Math.max(start, last);
          const end = safe(Math.min(xml.length, from + raw[i][1]));
          a.replace(from, end, raw[i][2]);
          b.replace(from, end, raw[i][2]);
          last = end;
        });
        const bytes = b.finish();
        if (!a.edited) expect(bytes).toBeUndefined();
        else expect(bytes!.equals(Buffer.from(a.finish(), 'utf8'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a cell of ours as markup', () => {
  /** `cellXml` as it was written before the style attribute was made once per style. */
  function before(row: number, col: number, c: { value?: unknown; formula?: string }, styleIndex: number | undefined): string {
    const r = cellRef(row, col);
    const s = styleIndex !== undefined && styleIndex > 0 ? ` s="${styleIndex}"` : '';
    const v = c.value;
    if (c.formula) {
      const f = `<f>${encodeXml(c.formula)}</f>`;
      if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${r}"${s}>${f}<v>${v}</v></c>`;
      if (typeof v === 'string') return `<c r="${r}"${s} t="str">${f}<v>${encodeXml(v)}</v></c>`;
      return `<c r="${r}"${s}>${f}</c>`;
    }
    if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${r}"${s}><v>${v}</v></c>`;
    if (typeof v === 'string' && v !== '') return `<c r="${r}"${s} t="inlineStr"><is><t xml:space="preserve">${encodeXml(v)}</t></is></c>`;
    return `<c r="${r}"${s}/>`;
  }

  test('the same text as before, for any value, formula and style', () => {
    const value = fc.oneof(fc.double(), fc.integer(), fc.string(), fc.constant(null), fc.constant(undefined));
    fc.assert(
      fc.property(fc.nat(1_048_575), fc.nat(16_383), value, fc.option(fc.string(), { nil: undefined }), fc.option(fc.integer({ min: -1, max: 70_000 }), { nil: undefined }), (row, col, v, formula, style) => {
        const c = { value: v as number | string | null, formula };
        expect(cellXml(row, col, c, style)).toBe(before(row, col, c, style));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('reading the commonest cell', () => {
  const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const sheet = (cells: string) => `<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;
  const shared = ['Lärarlöner', 'Hyror'];
  const read = (xml: string): unknown => {
    try {
      return readSheet(xml, shared, new Set([1])).values[0];
    } catch (e) {
      return { thrown: (e as Error).message };
    }
  };
  const same = (a: unknown, b: unknown): void => {
    if (typeof a === 'number') expect(Object.is(a, b)).toBe(true);
    else if (a instanceof Date) expect(b instanceof Date && Object.is(a.getTime(), b.getTime())).toBe(true); // an invalid date too
    else expect(a).toEqual(b);
  };

  test('a lone <v> reads as the general reading reads it: the same value, the same error', () => {
    const piece = fc.constantFrom('0', '1', '7', '9', '-', '.', 'e', 'E', '+', ' ', '&amp;', 'x', '0x1A', '00', '1234567', 'Infinity', '&#49;');
    const text = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
    const type = fc.constantFrom('', ' t="s"', ' t="n"', ' t="str"', ' t="b"', ' t="e"', ' t="d"', ' t="inlineStr"', ' t="q"');
    const style = fc.constantFrom('', ' s="1"', ' s="2"');
    fc.assert(
      fc.property(fc.array(fc.tuple(text, type, style), { minLength: 1, maxLength: 4 }), (cells) => {
        const quick = cells.map(([v, t, s], i) => `<c r="${'ABCD'[i]}1"${t}${s}><v>${v}</v></c>`).join('');
        const general = cells.map(([v, t, s], i) => `<c r="${'ABCD'[i]}1"${t}${s}><v>${v}</v> </c>`).join('');
        const a = read(sheet(quick));
        const b = read(sheet(general));
        if (Array.isArray(a) && Array.isArray(b)) a.forEach((x, i) => same(x, b[i]));
        else expect(a).toEqual(b);
      }),
      { numRuns: 4000 },
    );
  });

  test('plain decimals read in place are what Number reads', () => {
    const digits = fc.array(fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), { minLength: 0, maxLength: 17 }).map((d) => d.join(''));
    fc.assert(
      fc.property(fc.boolean(), digits, fc.option(digits, { nil: undefined }), (negative, whole, fraction) => {
        const text = `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`;
        const n = plainDecimalAt(`<v>${text}</v>`, 3, 3 + text.length);
        if (!Number.isNaN(n)) expect(Object.is(n, Number(text))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
    for (const n of [0.1, 0.3, 643505.4, 99999.99, 123456789.12345, 0.000001, 12345678901.2345]) expect(plainDecimalAt(String(n), 0, String(n).length)).toBe(n);
    expect(Object.is(plainDecimalAt('-0', 0, 2), -0)).toBe(true);
    expect(plainDecimalAt('1e3', 0, 3)).toBeNaN();
    expect(plainDecimalAt('1234567890123456', 0, 16)).toBeNaN();
  });
});
