import { ByteEdits } from '../../src/workbook/xlsx/byteEdits';
import { patchSheet, patchSheetBytes } from '../../src/workbook/xlsx/sheetPatch';
import { StyleBook } from '../../src/workbook/xlsx/styles';
import { OrderedEdits } from '../../src/workbook/xlsx/xml';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const styles = () => new StyleBook(`<styleSheet xmlns="${MAIN}"><fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>`);

/** A sheet of `n` rows with Swedish inline labels (two-byte characters, one astral) and an empty avvikelse cell. */
function bigSheet(n: number): string {
  const rows: string[] = [];
  for (let r = 1; r <= n; r++) rows.push(`<row r="${r}" spans="1:4"><c r="A${r}" t="inlineStr"><is><t>Lärarlöner åk ${r} 𝄞</t></is></c><c r="B${r}"><v>${r * 3}</v></c><c r="C${r}"><v>${r}</v></c><c r="D${r}"/></row>`);
  return `<worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData><pageMargins/></worksheet>`;
}

describe('patching a sheet into bytes in slices', () => {
  test('the bytes are the UTF-8 of the patched text, across many slices of bytes', () => {
    const xml = bigSheet(30_000); // about 3 MB: several slices of 1 M characters
    const writes = Array.from({ length: 30_000 }, (_, i) => ({ row: i, col: 3, formula: `B${i + 1}-C${i + 1}`, value: (i + 1) * 2, style: { numFmt: '#,##0;-#,##0;0' } }));
    const formats = [{ range: 'D1:D30000', rules: [{ formula: 'AND(ISNUMBER(D1),D1<0,ABS(D1)>=1000)', fill: 'FFFFC7CE', fontColor: 'FF9C0006' }] }];
    const text = patchSheet(xml, writes, formats, styles());
    const bytes = patchSheetBytes(xml, writes, formats, styles());
    expect(bytes).toBeDefined();
    expect(bytes!.length).toBeGreaterThan(3_000_000);
    expect(bytes!.equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect(bytes!.toString('utf8')).toContain('<c r="D29999" s="1"><f>B29999-C29999</f><v>59998</v></c></row>');
  });

  test('nothing to write leaves no new bytes', () => {
    expect(patchSheetBytes(bigSheet(3), [], [], styles())).toBeUndefined();
  });

  test('edits in order give the same text as OrderedEdits, split wherever an edit falls', () => {
    const xml = 'å'.repeat(700_000) + '<x/>' + 'ö'.repeat(700_000);
    const a = new OrderedEdits(xml);
    const b = new ByteEdits(xml);
    for (const e of [
      [10, 12, '€'],
      [700_000, 700_004, '<y>ä</y>'],
      [1_000_000, 1_000_000, ''],
      [1_400_003, 1_400_004, ''],
    ] as const) {
      a.replace(e[0], e[1], e[2]);
      b.replace(e[0], e[1], e[2]);
    }
    expect(b.finish()!.equals(Buffer.from(a.finish(), 'utf8'))).toBe(true);
  });
});
