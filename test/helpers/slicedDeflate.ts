/**
 * The slice format of src/workbook/xlsx/sliceDeflater.ts written a second way, with zlib's synchronous
 * calls, for the tests to compare against: slices of `sliceBytes` at fixed offsets, each deflated at
 * level 5 with the 32 KB of content before it as dictionary, sync-flushed but the last.
 */
import { constants, deflateRawSync } from 'node:zlib';

export function referenceSliced(content: Buffer, sliceBytes: number): Buffer {
  const out: Buffer[] = [];
  for (let start = 0; start === 0 || start < content.length; start += sliceBytes) {
    const end = Math.min(content.length, start + sliceBytes);
    const last = end === content.length;
    const dictionary = start > 0 ? { dictionary: content.subarray(Math.max(0, start - 32 * 1024), start) } : {};
    out.push(deflateRawSync(content.subarray(start, end), { level: 5, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH, ...dictionary }));
  }
  return Buffer.concat(out);
}
