/**
 * Where a zip archive's central directory is (ZIP64 included), and the stamp Avvikelse puts in the
 * archive comment of every file it writes.
 *
 * The stamp is how an earlier output of ours is told from anyone else's file: the comment
 * `Avvikelse sha256:<hex>` holds the SHA-256 of the central directory, which lists every entry's name,
 * size and CRC. A file is ours only while the stamp matches: Excel, Word and LibreOffice drop archive
 * comments when they save, and any tool that changes an entry changes the directory, so a report the
 * user has opened and saved, or edited in any way, is no longer recognised as ours.
 */
import { sha256Hex } from './sha256';

export interface CentralDirectory {
  /** Offset and size of the central directory, and its number of records. */
  offset: number;
  size: number;
  count: number;
  /** Offset of the end-of-central-directory record (the classic one, which holds the comment). */
  end: number;
}

const END = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;

/** The classic end record: the last signature whose comment reaches exactly to the end of the file. */
function endRecord(buf: Buffer): number | undefined {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === END && i + 22 + buf.readUInt16LE(i + 20) === buf.length) return i;
  }
  return undefined;
}

/** The central directory, or undefined when the file is no zip archive (or its end is cut off). */
export function centralDirectory(buf: Buffer): CentralDirectory | undefined {
  if (buf.length < 22) return undefined;
  const end = endRecord(buf);
  if (end === undefined) return undefined;
  let count = buf.readUInt16LE(end + 10);
  let size = buf.readUInt32LE(end + 12);
  let offset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || buf.readUInt32LE(locator) !== ZIP64_LOCATOR) return undefined;
    const at = Number(buf.readBigUInt64LE(locator + 8));
    if (at + 56 > locator || buf.readUInt32LE(at) !== ZIP64_END) return undefined;
    count = Number(buf.readBigUInt64LE(at + 32));
    size = Number(buf.readBigUInt64LE(at + 40));
    offset = Number(buf.readBigUInt64LE(at + 48));
  }
  if (offset + size > end) return undefined;
  return { offset, size, count, end };
}

const STAMP = 'Avvikelse sha256:';

function fingerprint(buf: Buffer, dir: CentralDirectory): string {
  return STAMP + sha256Hex(buf.subarray(dir.offset, dir.offset + dir.size));
}

/** The archive with our stamp as its comment (any earlier comment replaced). */
export function stampArchive(zip: Uint8Array): Buffer {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const dir = centralDirectory(buf);
  if (!dir) throw new Error('stampArchive: not a zip archive');
  const comment = Buffer.from(fingerprint(buf, dir), 'ascii');
  const head = Buffer.from(buf.subarray(0, dir.end + 22));
  head.writeUInt16LE(comment.length, dir.end + 20);
  return Buffer.concat([head, comment]);
}

/** True when the archive carries our stamp and it still matches its central directory. */
export function isStampedArchive(zip: Uint8Array): boolean {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const dir = centralDirectory(buf);
  if (!dir) return false;
  const comment = buf.toString('latin1', dir.end + 22);
  return comment.startsWith(STAMP) && comment === fingerprint(buf, dir);
}
