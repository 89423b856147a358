/**
 * A zip writer that can lie: duplicate names, wrong CRCs and sizes, flags, methods, names that
 * differ between the local header and the directory, entries that share their data. The hostile
 * fixtures are built with it; a sound package is built with the project's own writeZip.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

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

export function rawZip(entries: RawEntry[], comment = ''): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  entries.forEach((e, i) => {
    const data = Buffer.from(e.data ?? new Uint8Array());
    const method = e.method ?? 8;
    const body = Buffer.from(e.body ?? (method === 8 ? deflateRawSync(data) : data));
    const crc = e.crc ?? crc32(data);
    const size = e.size ?? data.length;
    const name = Buffer.from(e.name, 'utf8');
    const header = (sig: number, len: number) => {
      const b = Buffer.alloc(len);
      b.writeUInt32LE(sig, 0);
      return b;
    };
    if (e.sharesWith === undefined) {
      const localName = Buffer.from(e.localName ?? e.name, 'utf8');
      const local = header(0x04034b50, 30);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(e.flags ?? 0, 6);
      local.writeUInt16LE(method, 8);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(size, 22);
      local.writeUInt16LE(localName.length, 26);
      offsets[i] = offset;
      chunks.push(local, localName, body);
      offset += 30 + localName.length + body.length;
    } else offsets[i] = offsets[e.sharesWith];
    const dir = header(0x02014b50, 46);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(e.flags ?? 0, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offsets[i], 42);
    central.push(dir, name);
  });
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  const text = Buffer.from(comment, 'latin1');
  end.writeUInt16LE(text.length, 20);
  return Buffer.concat([...chunks, ...central, end, text]);
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
