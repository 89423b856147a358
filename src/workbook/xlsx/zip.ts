/**
 * The .xlsx container. Reading walks the central directory and inflates each entry with Node's zlib,
 * remembering every entry's compressed bytes; writing copies those bytes unchanged for an entry whose
 * data was not replaced (a million-row sheet we only read is not deflated again), and deflates the
 * others with Node's zlib. Entries keep their order; timestamps are fixed, so the same content always
 * gives the same bytes. A package this reader does not handle (ZIP64, encryption) goes through fflate.
 */
import { unzipSync } from 'fflate';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export type ZipEntries = Map<string, Uint8Array>;

/** An entry as it was stored: what writeZip reuses while the data is the very same array. */
interface StoredEntry {
  method: 0 | 8;
  crc: number;
  body: Uint8Array;
}
const stored = new WeakMap<Uint8Array, StoredEntry>();

export function readZip(data: Uint8Array): ZipEntries {
  return readCentralDirectory(data) ?? new Map(Object.entries(unzipSync(data)));
}

/** The entries from the central directory, or undefined when the package needs the general reader. */
function readCentralDirectory(data: Uint8Array): ZipEntries | undefined {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) return undefined; // ZIP64
  const entries: ZipEntries = new Map();
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return undefined;
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extra;
    if ((flags & 1) !== 0 || (method !== 0 && method !== 8) || compressed === 0xffffffff || local + 30 > buf.length) return undefined;
    if (buf.readUInt32LE(local) !== 0x04034b50) return undefined;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) return undefined;
    const body = buf.subarray(start, start + compressed);
    const content = method === 0 ? body : inflateRawSync(body, { chunkSize: Math.max(64 * 1024, size) }); // one output chunk: no copy
    if (content.length !== size || crc32(content) !== crc) return undefined;
    if (name.endsWith('/')) continue; // a folder entry
    stored.set(content, { method: method as 0 | 8, crc, body });
    entries.set(name, content);
  }
  return entries;
}

const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
const DOS_TIME = 0;
const UTF8_NAMES = 0x0800;

export function writeZip(entries: ZipEntries): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const kept = stored.get(data);
    let method: number;
    let body: Buffer;
    let crc: number;
    if (kept) {
      ({ method, crc } = kept);
      body = Buffer.from(kept.body.buffer, kept.body.byteOffset, kept.body.byteLength);
    } else {
      const deflated = deflateRawSync(data, { level: 5 }); // as small as 6 here, in 60 % of the time
      method = deflated.length >= data.length ? 0 : 8;
      body = method === 0 ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : deflated;
      crc = crc32(data);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(UTF8_NAMES, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt16LE(DOS_TIME, 12);
    dir.writeUInt16LE(DOS_DATE, 14);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, nameBytes, body);
    central.push(dir, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.size, 8);
  end.writeUInt16LE(entries.size, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
