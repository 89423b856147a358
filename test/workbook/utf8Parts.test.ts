/**
 * Parts whose bytes are not UTF-8. XML requires its declared encoding; lxml (the OOXML checkers) and
 * Excel refuse such a part, while Node's decoder would quietly turn the bytes into U+FFFD, so that the
 * tool read, and for a part it rewrites wrote back, something other than the user's file.
 */
import fc from 'fast-check';
import { isUtf8 } from 'node:buffer';
import { firstInvalidUtf8 } from '../../src/workbook/xlsx/opc';

describe('firstInvalidUtf8', () => {
  test('-1 exactly when Node finds the bytes UTF-8; otherwise every byte before it is UTF-8 and the sequence there is not', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 20 }).map((s) => new Uint8Array(Buffer.from(s, 'utf8'))),
      fc.tuple(fc.string({ unit: 'binary', maxLength: 10 }), fc.uint8Array({ minLength: 1, maxLength: 4 }), fc.string({ maxLength: 5 })).map(
        ([a, b, c]) => new Uint8Array(Buffer.concat([Buffer.from(a, 'utf8'), b, Buffer.from(c, 'utf8')])),
      ),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        const at = firstInvalidUtf8(b);
        expect(at === -1).toBe(isUtf8(b));
        if (at >= 0) {
          expect(isUtf8(b.subarray(0, at))).toBe(true);
          // the sequence starting there is no character, whatever follows it
          for (let end = at + 1; end <= Math.min(b.length, at + 4); end++) expect(new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(at, end)).startsWith('\uFFFD')).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('overlong forms, surrogates and code points above U+10FFFF are not UTF-8', () => {
    expect(firstInvalidUtf8(Buffer.from('ab\u00e5c', 'utf8'))).toBe(-1);
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.from([0xe0, 0x80, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0x62, 0xed, 0xa0, 0x80]))).toBe(2);
    expect(firstInvalidUtf8(Uint8Array.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0xf0, 0x9f, 0x98]))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0x3c, 0x3f, 0x78, 0x6d, 0x6c, 0x20, 0x76, 0x65, 0x72, 0x73, 0x69, 0x6c, 0xa8, 0x26]))).toBe(12);
  });
});
