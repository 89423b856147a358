import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { crc32, deflateRawSync } from 'node:zlib';
import { isPacked, PartDeflater, unpack, type PackedPart } from '../../src/workbook/xlsx/packedPart';
import { patchSheetBytes, patchSheetPacked } from '../../src/workbook/xlsx/sheetPatch';
import { StyleBook } from '../../src/workbook/xlsx/styles';
import { readZip, readZipParts, writeZip } from '../../src/workbook/xlsx/zip';
import { Parts } from '../../src/workbook/xlsx/opc';
import { XlsxPackage } from '../../src/workbook/xlsx/xlsxPackage';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const styles = () => new StyleBook(`<styleSheet xmlns="${MAIN}"><fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>`);

function sheet(n: number): string {
  const rows: string[] = [];
  for (let r = 1; r <= n; r++) rows.push(`<row r="${r}" spans="1:4"><c r="A${r}" t="inlineStr"><is><t>Löner ${r % 97} 𝄞</t></is></c><c r="B${r}"><v>${(r * 7919) % 100_003}</v></c><c r="C${r}"><v>${r}</v></c><c r="D${r}"/></row>`);
  return `<worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData><pageMargins/></worksheet>`;
}

const joined = (p: PackedPart) => Buffer.concat(p.body.map((b) => Buffer.from(b)));

async function deflateInPieces(data: Buffer, cuts: number[]): Promise<PackedPart> {
  const d = new PartDeflater();
  let at = 0;
  for (const cut of [...cuts.filter((c) => c < data.length)].sort((a, b) => a - b).concat(data.length)) {
    d.write(data.subarray(at, cut));
    at = cut;
    await d.ready();
  }
  return d.finish();
}

describe('parts deflated in pieces', () => {
  const data = Buffer.from(sheet(20_000), 'utf8'); // about 2 MB

  test('any cutting of the input gives exactly deflateRawSync’s bytes at level 5, and the CRC of the whole', async () => {
    const whole = deflateRawSync(data, { level: 5 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: data.length }), { maxLength: 40 }), async (cuts) => {
        const packed = await deflateInPieces(data, cuts);
        expect(packed.method).toBe(8);
        expect(packed.size).toBe(data.length);
        expect(packed.crc).toBe(crc32(data));
        expect(joined(packed).equals(whole)).toBe(true);
      }),
      { numRuns: 12 },
    );
  });

  test('a small part that does not compress is stored as it is, as the zip writer stores it', async () => {
    const noise = Buffer.from(Array.from({ length: 200 }, (_, i) => (i * 131 + 7) % 256));
    const packed = await deflateInPieces(noise, [50, 120]);
    expect(packed.method).toBe(0);
    expect(joined(packed).equals(noise)).toBe(true);
    expect(unpack(packed).equals(noise)).toBe(true);
  });

  test('the packed patch holds the very bytes patchSheetBytes makes, deflated as writeZip deflates them', async () => {
    const xml = sheet(30_000); // several slices of 1 M characters
    const writes = Array.from({ length: 30_000 }, (_, i) => ({ row: i, col: 3, formula: `B${i + 1}-C${i + 1}`, value: i - 15_000, style: { numFmt: '#,##0;-#,##0;0' } }));
    const formats = [{ range: 'D1:D30000', rules: [{ formula: 'AND(ISNUMBER(D1),D1<0,ABS(D1)>=1000)', fill: 'FFFFC7CE', fontColor: 'FF9C0006' }] }];
    const bytes = patchSheetBytes(xml, writes, formats, styles())!;
    const packed = (await patchSheetPacked(xml, writes, formats, styles()))!;
    expect(unpack(packed).equals(bytes)).toBe(true);
    expect(joined(packed).equals(deflateRawSync(bytes, { level: 5 }))).toBe(true);
    expect(unpack(packed).toString('utf8')).toContain('<c r="D30000" s="1"><f>B30000-C30000</f><v>14999</v></c></row>');
  });

  test('nothing to write gives no packed part', async () => {
    expect(await patchSheetPacked(sheet(3), [], [], styles())).toBeUndefined();
  });
});

describe('large parts held compressed', () => {
  const big = sheet(3_000);
  const original = zipSync({ 'xl/worksheets/sheet1.xml': strToU8(big), 'xl/styles.xml': strToU8('<styleSheet/>') }, { level: 9 });

  test('a part from the threshold on is held as its stored body, read again on demand, and written back unchanged', () => {
    const entries = readZipParts(original, 100_000);
    const held = entries.get('xl/worksheets/sheet1.xml')!;
    expect(isPacked(held)).toBe(true);
    expect(isPacked(entries.get('xl/styles.xml')!)).toBe(false);
    expect(new Parts(entries).text('xl/worksheets/sheet1.xml')).toBe(big);
    expect(writeZip(entries).equals(writeZip(readZip(original)))).toBe(true);
  });

  test('the content inflated by the open check serves the first read only; every later read inflates the body again', () => {
    const entries = readZipParts(original, 100_000);
    const held = entries.get('xl/worksheets/sheet1.xml') as PackedPart;
    const first = held.firstContent;
    expect(first?.toString('utf8')).toBe(big);
    expect(unpack(held)).toBe(first);
    expect(held.firstContent).toBeUndefined();
    const again = unpack(held);
    expect(again).not.toBe(first);
    expect(again.toString('utf8')).toBe(big);
  });

  test('a package lets go of the open check’s content of every large part but its worksheets', () => {
    const media = Buffer.alloc(9 * 1024 * 1024, 7); // over the 8 MB from which parts are held packed
    const book = zipSync({
      '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      '_rels/.rels': strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
      'xl/workbook.xml': strToU8(`<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Drift" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': strToU8(sheet(120_000)),
      'xl/media/image1.bin': media,
    });
    const pkg = XlsxPackage.fromBuffer(book);
    const entries = (pkg as unknown as { parts: Parts }).parts.entries;
    expect((entries.get('xl/worksheets/sheet1.xml') as PackedPart).firstContent).toBeDefined();
    const image = entries.get('xl/media/image1.bin')!;
    expect(isPacked(image) && image.firstContent).toBe(undefined);
    expect(isPacked(image)).toBe(true);
    expect(pkg.sheetXml('Drift')).toBe(sheet(120_000));
    expect((entries.get('xl/worksheets/sheet1.xml') as PackedPart).firstContent).toBeUndefined();
  });

  test('a packed part replaced by the same content keeps its stored body; another content replaces it', async () => {
    const entries = readZipParts(original, 100_000);
    const parts = new Parts(entries);
    const held = entries.get('xl/worksheets/sheet1.xml');
    const same = await deflateInPieces(Buffer.from(big, 'utf8'), [1000]);
    parts.setPacked('xl/worksheets/sheet1.xml', same);
    expect(entries.get('xl/worksheets/sheet1.xml')).toBe(held);
    const other = await deflateInPieces(Buffer.from(big.replace('Löner 1 ', 'Löner X '), 'utf8'), []);
    parts.setPacked('xl/worksheets/sheet1.xml', other);
    expect(entries.get('xl/worksheets/sheet1.xml')).toBe(other);
    const back = unzipSync(writeZip(entries));
    expect(new TextDecoder().decode(back['xl/worksheets/sheet1.xml'])).toContain('Löner X ');
  });
});
