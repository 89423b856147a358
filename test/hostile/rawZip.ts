/**
 * A zip writer that can lie: duplicate names, wrong CRCs and sizes, flags, methods, names that
 * differ between the local header and the directory, entries that share their data. The hostile
 * fixtures are built with it; a sound package is built with the project's own writeZip.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { endOfCentralDirectory } from '../../src/workbook/xlsx/zip';

export interface RawEntry {
  name: string;
  /** The uncompressed data (used for the CRC and size unless they are given). */
  data?: Uint8Array;
  /** The stored bytes; default: `data` deflated (method 8) or as is (method 0). */
  body?: Uint8Array;
  method?: number;
  flags?: number;
  crc?: number;
  size?: number;
  /** A different name in the local header. */
  localName?: string;
  /** Point the directory record at another entry's local header (by index) instead of writing one. */
  sharesWith?: number;
}

/** The fields a local header and a directory record share, written at `at` (4 for local, 6 for directory). */
function commonFields(b: Buffer, at: number, f: { flags: number; method: number; crc: number; compressed: number; size: number; nameLength: number }): void {
  b.writeUInt16LE(f.flags, at + 2);
  b.writeUInt16LE(f.method, at + 4);
  b.writeUInt32LE(f.crc, at + 10);
  b.writeUInt32LE(f.compressed, at + 14);
  b.writeUInt32LE(f.size, at + 18);
  b.writeUInt16LE(f.nameLength, at + 22);
}

export function rawZip(entries: RawEntry[], comment = ''): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  entries.forEach((e, i) => {
    const data = Buffer.from(e.data ?? new Uint8Array());
    const method = e.method ?? 8;
    const body = Buffer.from(e.body ?? (method === 8 ? deflateRawSync(data) : data));
    const fields = { flags: e.flags ?? 0, method, crc: e.crc ?? crc32(data), compressed: body.length, size: e.size ?? data.length };
    const name = Buffer.from(e.name, 'utf8');
    if (e.sharesWith === undefined) {
      const localName = Buffer.from(e.localName ?? e.name, 'utf8');
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      commonFields(local, 4, { ...fields, nameLength: localName.length });
      offsets[i] = offset;
      chunks.push(local, localName, body);
      offset += 30 + localName.length + body.length;
    } else offsets[i] = offsets[e.sharesWith];
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    commonFields(dir, 6, { ...fields, nameLength: name.length });
    dir.writeUInt32LE(offsets[i], 42);
    central.push(dir, name);
  });
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  return Buffer.concat([...chunks, ...central, endOfCentralDirectory(entries.length, centralSize, offset, Buffer.from(comment, 'latin1'))]);
}

/**
 * A raw deflate stream that inflates to `copies` × `block` without ever holding the whole: each copy
 * is deflated on its own and sync-flushed, and an empty final block closes the stream. Also returns
 * the CRC and size of what it inflates to.
 */
export function repeatedDeflate(block: Buffer, copies: number): { body: Buffer; crc: number; size: number } {
  const piece = deflateRawSync(block, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const final = Buffer.from([0x03, 0x00]); // an empty fixed-Huffman block with BFINAL set
  let crc = 0;
  for (let i = 0; i < copies; i++) crc = crc32(block, crc);
  return { body: Buffer.concat([...Array<Buffer>(copies).fill(piece), final]), crc, size: block.length * copies };
}
