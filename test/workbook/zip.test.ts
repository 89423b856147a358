import { strToU8, unzipSync, zipSync } from 'fflate';
import { readZip, writeZip } from '../../src/workbook/xlsx/zip';

const big = 'x'.repeat(50_000) + Array.from({ length: 2_000 }, (_, i) => `<row r="${i}"/>`).join('');

describe('zip', () => {
  test('an entry that was not replaced keeps its compressed bytes; a replaced one is deflated again', () => {
    // written by another tool at another level (fflate, level 9), as a user's file would be
    const original = zipSync({ 'xl/worksheets/sheet1.xml': strToU8(big), 'xl/styles.xml': strToU8('<styleSheet/>'.repeat(50)) }, { level: 9 });
    const entries = readZip(original);
    expect(new TextDecoder().decode(entries.get('xl/worksheets/sheet1.xml'))).toBe(big);
    const copy = writeZip(entries);
    const originalBody = bodyOf(original, 'xl/worksheets/sheet1.xml');
    expect(Buffer.compare(bodyOf(copy, 'xl/worksheets/sheet1.xml'), originalBody)).toBe(0);
    entries.set('xl/styles.xml', strToU8('<styleSheet><fonts/></styleSheet>'));
    const changed = writeZip(entries);
    expect(Buffer.compare(bodyOf(changed, 'xl/worksheets/sheet1.xml'), originalBody)).toBe(0);
    const back = unzipSync(changed);
    expect(new TextDecoder().decode(back['xl/styles.xml'])).toBe('<styleSheet><fonts/></styleSheet>');
    expect(new TextDecoder().decode(back['xl/worksheets/sheet1.xml'])).toBe(big);
  });

  test('the same entries give the same bytes, and a re-read of our own output round-trips', () => {
    const entries = new Map([['a.xml', strToU8('<a/>'.repeat(100))], ['b.xml', strToU8('b')]]);
    const once = writeZip(entries);
    expect(Buffer.compare(writeZip(new Map(entries)), once)).toBe(0);
    expect(Buffer.compare(writeZip(readZip(once)), once)).toBe(0);
  });

  test('what is not a zip is refused', () => {
    expect(() => readZip(strToU8('not a zip at all'))).toThrow();
  });
});

/** The stored (compressed) bytes of one entry, found through the central directory. */
function bodyOf(zip: Uint8Array, name: string): Buffer {
  const buf = Buffer.from(zip);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = buf.readUInt32LE(end + 16);
  for (let n = buf.readUInt16LE(end + 10); n > 0; n--) {
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    const entry = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    if (entry !== name) continue;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    return buf.subarray(start, start + size);
  }
  throw new Error(`no entry ${name}`);
}
