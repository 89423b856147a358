import fc from 'fast-check';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { PartDeflater, type PackedPart } from '../../src/workbook/xlsx/packedPart';
import { patchSheetBytes, patchSheetPacked } from '../../src/workbook/xlsx/sheetPatch';
import { deflateSlice, PARALLEL_FROM, partDeflater, SLICE_BYTES, SliceDeflater } from '../../src/workbook/xlsx/sliceDeflater';
import { SLICE_BYTES as SLAB_BYTES } from '../../src/workbook/xlsx/byteEdits';
import { StyleBook } from '../../src/workbook/xlsx/styles';
import { referenceSliced } from '../helpers/slicedDeflate';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const styles = () => new StyleBook(`<styleSheet xmlns="${MAIN}"><fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>`);

const joined = (p: PackedPart) => Buffer.concat(p.body.map((b) => Buffer.from(b)));

/** The content written in the pieces `cuts` makes, waiting for the deflater between pieces when `wait`. */
async function sliced(content: Buffer, cuts: number[], sliceBytes: number, wait = true): Promise<PackedPart> {
  const d = new SliceDeflater(sliceBytes);
  let at = 0;
  for (const cut of [...cuts.filter((c) => c < content.length)].sort((a, b) => a - b).concat(content.length)) {
    d.write(content.subarray(at, cut));
    at = cut;
    if (wait) await d.ready();
  }
  return d.finish();
}

/** Sheet-like text with repeats near and far (matches across slice boundaries) and some noise. */
const contentArb = fc
  .record({
    tokens: fc.array(fc.constantFrom('<row r="', '">', '<c r="A', '"><v>', '</v></c>', 'Löner 𝄞', '12345', '\n'), { minLength: 1, maxLength: 40 }),
    noise: fc.uint8Array({ minLength: 1, maxLength: 3000 }),
    repeats: fc.integer({ min: 1, max: 150 }),
  })
  .map(({ tokens, noise, repeats }) => {
    const parts: Buffer[] = [];
    for (let r = 0; r < repeats; r++) parts.push(Buffer.from(`${tokens.join('')}${r}`, 'utf8'), Buffer.from(noise.subarray(0, (r * 37) % noise.length)));
    return Buffer.concat(parts);
  });
const cutsArb = fc.array(fc.integer({ min: 0, max: 600_000 }), { maxLength: 30 });
const sliceArb = fc.integer({ min: 1000, max: 80_000 });

describe('parts deflated in slices on zlib’s threads', () => {
  test('for any content, slice size and cutting of the writes, the body inflates to exactly the content, with its CRC and size', async () => {
    await fc.assert(
      fc.asyncProperty(contentArb, cutsArb, sliceArb, async (content, cuts, sliceBytes) => {
        const packed = await sliced(content, cuts, sliceBytes);
        expect(packed.method).toBe(8);
        expect(packed.size).toBe(content.length);
        expect(packed.crc).toBe(crc32(content));
        expect(inflateRawSync(joined(packed)).equals(content)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  test('the bytes depend on the content only: any two cuttings, waited for or not, give the body the format prescribes', async () => {
    await fc.assert(
      fc.asyncProperty(contentArb, cutsArb, cutsArb, sliceArb, async (content, cutsA, cutsB, sliceBytes) => {
        const a = joined(await sliced(content, cutsA, sliceBytes, true));
        const b = joined(await sliced(content, cutsB, sliceBytes, false));
        expect(a.equals(b)).toBe(true);
        expect(a.equals(referenceSliced(content, sliceBytes))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  test('each slice but the last ends on an empty stored block (sync flush) and only the last block is final', async () => {
    const content = Buffer.from('<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(3000), 'utf8');
    const sliceBytes = 20_000;
    const d = new SliceDeflater(sliceBytes);
    d.write(content);
    const packed = await d.finish();
    expect(packed.body.length).toBe(Math.ceil(content.length / sliceBytes));
    for (const slice of packed.body.slice(0, -1)) expect(Buffer.from(slice.subarray(-4)).equals(Buffer.from([0x00, 0x00, 0xff, 0xff]))).toBe(true);
    // a stream cut after any slice but the last has no final block: inflating it runs out of input
    expect(() => inflateRawSync(Buffer.concat(packed.body.slice(0, 2)))).toThrow(/unexpected end of file/);
    expect(inflateRawSync(joined(packed)).equals(content)).toBe(true);
  });

  test('the dictionary lets a slice refer back into the slice before it: a repeated block costs a few bytes a slice, not the block again', async () => {
    let seed = 12345;
    const block = Buffer.from(Array.from({ length: 16 * 1024 }, () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24)));
    const content = Buffer.concat(Array.from({ length: 20 }, () => block));
    const sliceBytes = 24 * 1024;
    const slices = Math.ceil(content.length / sliceBytes);
    const body = joined(await sliced(content, [], sliceBytes));
    const single = deflateRawSync(content, { level: 5 });
    expect(inflateRawSync(body).equals(content)).toBe(true);
    expect(body.length).toBeLessThan(single.length + slices * 64);
    // without the dictionary every slice would hold the block's bytes once more
    const alone = await deflateSlice([content.subarray(sliceBytes, 2 * sliceBytes)], undefined, false);
    expect(alone.length).toBeGreaterThan(12 * 1024);
  });

  test('content of one slice or less is one ordinary stream: exactly deflateRawSync’s bytes, empty content too', async () => {
    for (const content of [Buffer.alloc(0), Buffer.from('<worksheet/>'), Buffer.from('<c r="A1"><v>42</v></c>'.repeat(3000))]) {
      const packed = await sliced(content, [5, 100], 1 << 20);
      expect(packed.body).toHaveLength(1);
      expect(joined(packed).equals(deflateRawSync(content, { level: 5 }))).toBe(true);
    }
  });
});

describe('which parts are deflated in slices', () => {
  test('a part under PARALLEL_FROM characters keeps the one stream, byte for byte deflateRawSync', async () => {
    expect(partDeflater(PARALLEL_FROM - 1)).toBeInstanceOf(PartDeflater);
    expect(partDeflater(PARALLEL_FROM)).toBeInstanceOf(SliceDeflater);
    expect(PARALLEL_FROM).toBeGreaterThan(SLICE_BYTES);
    const content = Buffer.from('<c r="B7"><v>1.5</v></c>'.repeat(50_000), 'utf8');
    const d = partDeflater(content.length);
    d.write(content.subarray(0, 1000));
    d.write(content.subarray(1000));
    expect(joined(await d.finish()).equals(deflateRawSync(content, { level: 5 }))).toBe(true);
  });

  test('a patched sheet from PARALLEL_FROM characters on is deflated in 2 MB slices of the very bytes patchSheetBytes makes', async () => {
    const rows: string[] = [];
    for (let r = 1, length = 0; length < PARALLEL_FROM; r++) {
      rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Löner ${r % 97} 𝄞</t></is></c><c r="B${r}"><v>${(r * 7919) % 100_003}</v></c><c r="C${r}"><v>${r}</v></c></row>`);
      length += rows[rows.length - 1].length;
    }
    const xml = `<worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData><pageMargins/></worksheet>`;
    const n = rows.length;
    const writes = [{ row: 0, col: 3, formula: 'B1-C1', value: 1, style: {} }, { row: n - 1, col: 3, formula: `B${n}-C${n}`, value: -2, style: {} }];
    const bytes = patchSheetBytes(xml, writes, [], styles())!;
    const packed = (await patchSheetPacked(xml, writes, [], styles()))!;
    expect(packed.body.length).toBe(Math.ceil(bytes.length / SLICE_BYTES));
    expect(joined(packed).equals(referenceSliced(bytes, SLICE_BYTES))).toBe(true);
    expect(packed.crc).toBe(crc32(bytes));
    expect(inflateRawSync(joined(packed)).toString('utf8')).toContain(`<c r="D${n}"><f>B${n}-C${n}</f><v>-2</v></c></row></sheetData>`);
  });

  test('a slab handed back by spare() is one no job still reads: a writer that fills it again at once leaves the body intact', async () => {
    // like ByteEdits: 1 MB slabs, filled, handed over as a prefix, then a spare slab (or a new one) filled next;
    // slab lengths that do not divide the 2 MB slices, so that a slab's bytes lie in two slices
    const content = Buffer.from(Array.from({ length: 160_000 }, (_, i) => `<row r="${i}"><c r="F${i}" s="3"><f>D${i}-E${i}</f><v>${(i * 7919) % 100_003}</v></c></row>`).join(''));
    const d = new SliceDeflater();
    let reused = 0;
    let slab: Buffer = Buffer.allocUnsafe(SLAB_BYTES);
    for (let at = 0; at < content.length; ) {
      const n = Math.min(content.length - at, SLAB_BYTES - 1000 - (at % 7777));
      content.copy(slab, 0, at, at + n);
      d.write(slab.subarray(0, n));
      at += n;
      const spare = d.spare();
      if (spare) {
        reused++;
        expect(spare.length).toBe(SLAB_BYTES);
        spare.fill(0x55); // what a premature hand-back would show: the writer scribbles over it at once
      }
      slab = spare ?? Buffer.allocUnsafe(SLAB_BYTES);
      await d.ready();
    }
    const packed = await d.finish();
    expect(reused).toBeGreaterThan(0);
    expect(inflateRawSync(joined(packed)).equals(content)).toBe(true);
    expect(joined(packed).equals(referenceSliced(content, SLICE_BYTES))).toBe(true);
  });
});
