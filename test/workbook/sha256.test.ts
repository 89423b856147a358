/**
 * The stamp's SHA-256 (src/workbook/xlsx/sha256.ts) against node:crypto: the FIPS 180-4 examples, every
 * length across the padding boundaries, random inputs, and a real output's central directory.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { sha256Hex } from '../../src/workbook/xlsx/sha256';
import { centralDirectory } from '../../src/workbook/xlsx/zipDirectory';

const node = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const ascii = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

test('the FIPS 180-4 examples', () => {
  expect(sha256Hex(ascii(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  expect(sha256Hex(ascii('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  expect(sha256Hex(ascii('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  expect(sha256Hex(ascii('a'.repeat(1_000_000)))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
});

test('every length from 0 to 300 bytes (one to six blocks, each padding case) matches node:crypto', () => {
  const bytes = new Uint8Array(300).map((_, i) => (i * 151 + 7) & 0xff);
  for (let n = 0; n <= 300; n++) expect(sha256Hex(bytes.subarray(0, n))).toBe(node(bytes.subarray(0, n)));
});

test('random inputs match node:crypto', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 5000 }), (data) => sha256Hex(data) === node(data)), { numRuns: 300 });
});

test('a workbook’s central directory, as the stamp hashes it', () => {
  const zip = readFileSync(join(__dirname, '..', '..', 'examples', 'prognos-exempel.xlsx'));
  const dir = centralDirectory(zip);
  if (!dir) throw new Error('no central directory');
  const slice = zip.subarray(dir.offset, dir.offset + dir.size);
  expect(slice.length).toBeGreaterThan(100);
  expect(sha256Hex(slice)).toBe(node(slice));
});
