/**
 * The .xlsx container. Reading walks the central directory (ZIP64 too) and inflates each entry with
 * Node's zlib, remembering every entry's compressed bytes; writing copies those bytes unchanged for an
 * entry whose data was not replaced (a million-row sheet we only read is not deflated again), and
 * deflates the others with Node's zlib. A part held packed (a large one kept compressed from open to
 * save, or one deflated while it was written: see packedPart.ts) is written from its body as it is.
 * Entries keep their order; timestamps are fixed, so the same content always gives the same bytes.
 *
 * A package is read one way only, the way Excel reads it: an entry whose name occurs twice (ignoring
 * case, as OPC does), whose local header disagrees with the central directory, which overlaps another
 * entry, whose CRC or size is wrong, or whose name leaves the package (`..`, a leading `/`) is refused
 * with a ZipFormatError instead of being read one way here and another way elsewhere. The sizes are
 * capped while inflating (see limits.ts), so a zip bomb stops before it costs memory.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { centralDirectory, type CentralDirectory } from './zipDirectory';
import { LimitError, LIMITS, limitText, totalBudget } from './limits';
import { DEFLATE_LEVEL, isPacked, type PackedPart, type PartData } from './packedPart';

export type ZipEntries = Map<string, Uint8Array>;
/** Entries of which some are held packed (see packedPart.ts). */
export type PartEntries = Map<string, PartData>;

/** The package is not a zip we can read in one unambiguous way; the message is Swedish. */
export class ZipFormatError extends Error {}

/** One part unpacks to more than `LIMITS.partBytes` (the longest text the engine can hold). */
class PartTooLargeError extends LimitError {}

/** An entry as it was stored: what writeZip reuses while the data is the very same array. */
interface StoredEntry {
  method: 0 | 8;
  crc: number;
  body: Uint8Array;
}
const stored = new WeakMap<Uint8Array, StoredEntry>();

/** One central-directory record, checked against its local header. */
interface DirectoryRecord {
  name: string;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  local: number;
  /** Where the compressed data starts. */
  start: number;
}

const ZIP64_EXTRA = 0x0001;

/** The ZIP64 extra field's replacements for the 32-bit fields that are 0xffffffff. */
function zip64Fields(buf: Buffer, at: number, length: number, wanted: ('size' | 'compressed' | 'local')[]): Partial<DirectoryRecord> {
  const out: Partial<DirectoryRecord> = {};
  for (let p = at; p + 4 <= at + length; ) {
    const id = buf.readUInt16LE(p);
    const size = buf.readUInt16LE(p + 2);
    if (id === ZIP64_EXTRA) {
      let q = p + 4;
      for (const field of wanted) {
        if (q + 8 > p + 4 + size) break;
        out[field] = Number(buf.readBigUInt64LE(q));
        q += 8;
      }
      return out;
    }
    p += 4 + size;
  }
  return out;
}

/** The names a package may not have: outside the package, absolute, or not a part name at all. */
function badName(name: string): string | undefined {
  if (name === '' || name.includes('\u0000')) return 'har ett tomt eller ogiltigt namn';
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) return 'har ett absolut sökvägsnamn';
  if (name.split(/[\\/]/).some((s) => s === '..' || s === '.')) return 'pekar utanför paketet (".." i namnet)';
  return undefined;
}

function readRecord(buf: Buffer, at: number): { record: DirectoryRecord; next: number } {
  if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw new ZipFormatError('zip-arkivets innehållsförteckning (central-katalogen) är skadad');
  const flags = buf.readUInt16LE(at + 8);
  const nameLength = buf.readUInt16LE(at + 28);
  const extraLength = buf.readUInt16LE(at + 30);
  const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
  const record: DirectoryRecord = {
    name,
    method: buf.readUInt16LE(at + 10),
    crc: buf.readUInt32LE(at + 16),
    compressed: buf.readUInt32LE(at + 20),
    size: buf.readUInt32LE(at + 24),
    local: buf.readUInt32LE(at + 42),
    start: 0,
  };
  const wide = (['size', 'compressed', 'local'] as const).filter((f) => record[f] === 0xffffffff);
  if (wide.length) Object.assign(record, zip64Fields(buf, at + 46 + nameLength, extraLength, wide));
  const problem = badName(name);
  if (problem) throw new ZipFormatError(`delen "${name}" ${problem}`);
  if ((flags & 1) !== 0) throw new ZipFormatError(`delen ${name} är krypterad inuti zip-arkivet`);
  if (record.method !== 0 && record.method !== 8) throw new ZipFormatError(`delen ${name} är packad med en metod (nr ${record.method}) som Excel inte använder`);
  return { record, next: at + 46 + nameLength + extraLength + buf.readUInt16LE(at + 32) };
}

/** Checks the local header against the central record and finds where the data starts. */
function locateData(buf: Buffer, r: DirectoryRecord, dir: CentralDirectory): void {
  const broken = () => new ZipFormatError(`delen ${r.name}: den lokala rubriken stämmer inte med innehållsförteckningen`);
  if (r.local + 30 > dir.offset || buf.readUInt32LE(r.local) !== 0x04034b50) throw broken();
  const nameLength = buf.readUInt16LE(r.local + 26);
  if (buf.toString('utf8', r.local + 30, r.local + 30 + nameLength) !== r.name || buf.readUInt16LE(r.local + 8) !== r.method) throw broken();
  r.start = r.local + 30 + nameLength + buf.readUInt16LE(r.local + 28);
  if (r.start + r.compressed > dir.offset) throw new ZipFormatError(`delen ${r.name} går utanför zip-arkivet (filen är avkortad eller skadad)`);
}

/** Every entry's data must lie apart from every other's: overlapping entries are how some zip bombs multiply. */
function checkNoOverlap(records: DirectoryRecord[]): void {
  const byStart = [...records].sort((a, b) => a.local - b.local);
  for (let i = 1; i < byStart.length; i++) {
    const prev = byStart[i - 1];
    if (prev.start + prev.compressed > byStart[i].local) throw new ZipFormatError(`delarna ${prev.name} och ${byStart[i].name} överlappar i zip-arkivet`);
  }
}

/** The central directory's records, with names unique ignoring case. */
function readRecords(buf: Buffer, dir: CentralDirectory): DirectoryRecord[] {
  if (dir.count > LIMITS.zipEntries) throw new LimitError(`paketet har ${limitText(dir.count, 'count')} delar, fler än ${limitText(LIMITS.zipEntries, 'count')} (gränsen för antal delar)`);
  const records: DirectoryRecord[] = [];
  const seen = new Set<string>();
  let at = dir.offset;
  for (let n = 0; n < dir.count; n++) {
    const { record, next } = readRecord(buf, at);
    at = next;
    const key = record.name.toLowerCase();
    if (seen.has(key)) throw new ZipFormatError(`paketet har två delar med namnet ${record.name} (namnen skiljer inte på stora och små bokstäver)`);
    seen.add(key);
    locateData(buf, record, dir);
    records.push(record);
  }
  checkNoOverlap(records);
  return records;
}

/** Inflates one entry within what is left of the package's budget; the CRC and size must match the directory. */
function inflateEntry(buf: Buffer, r: DirectoryRecord, budget: { total: number; left: number }): Buffer {
  const body = buf.subarray(r.start, r.start + r.compressed);
  const cap = Math.min(LIMITS.partBytes, budget.left);
  const over = () =>
    new (cap === LIMITS.partBytes ? PartTooLargeError : LimitError)(
      cap === LIMITS.partBytes
        ? `delen ${r.name} blir större än ${limitText(cap, 'bytes')} uppackad (gränsen per del)`
        : `delarna blir tillsammans större än ${limitText(budget.total, 'bytes')} uppackade, vid delen ${r.name} (gränsen för hela paketet uppackat, ${LIMITS.ratio} gånger filens storlek och minst ${limitText(LIMITS.ratioFloorBytes, 'bytes')})`,
    );
  if (r.size > cap) throw over();
  let content: Buffer;
  if (r.method === 0) content = body;
  else {
    try {
      // one output chunk when the size is honest: no copy
      content = inflateRawSync(body, { chunkSize: Math.max(64 * 1024, r.size), maxOutputLength: Math.max(1, cap) });
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw over();
      throw new ZipFormatError(`delen ${r.name} kan inte packas upp: data är skadade`);
    }
  }
  if (content.length !== r.size) throw new ZipFormatError(`delen ${r.name} har fel storlek (${content.length} byte, innehållsförteckningen säger ${r.size})`);
  if (crc32(content) !== r.crc) throw new ZipFormatError(`delen ${r.name} har fel kontrollsumma (CRC): data är skadade`);
  return content;
}

/** Every entry's content. */
export function readZip(data: Uint8Array): ZipEntries {
  return readZipParts(data, Infinity, false) as ZipEntries;
}

/**
 * Every entry, checked whole (CRC, size, limits); an entry whose content is `packedFrom` bytes or more
 * is then held as its stored body only (the content is inflated again when it is wanted). With
 * `keepTooLarge`, an entry over the limit for one part is not refused here but held as it was stored,
 * unread and marked `tooLarge`: it is copied as it is, and refused (with its sheet's name) only if
 * its content is wanted.
 */
export function readZipParts(data: Uint8Array, packedFrom: number, keepTooLarge = true): PartEntries {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const dir = centralDirectory(buf);
  if (!dir) throw new ZipFormatError('filen är inget zip-arkiv (innehållsförteckningen i slutet saknas)');
  const records = readRecords(buf, dir);
  const total = totalBudget(buf.length);
  const budget = { total, left: total };
  const entries: PartEntries = new Map();
  for (const r of records) {
    if (r.name.endsWith('/')) continue; // a folder entry
    const kept: StoredEntry = { method: r.method as 0 | 8, crc: r.crc, body: buf.subarray(r.start, r.start + r.compressed) };
    let content: Buffer;
    try {
      content = inflateEntry(buf, r, budget);
    } catch (e) {
      if (!(keepTooLarge && e instanceof PartTooLargeError)) throw e;
      entries.set(r.name, { method: kept.method, crc: kept.crc, size: r.size, body: [kept.body], tooLarge: true });
      continue;
    }
    budget.left -= content.length;
    if (content.length >= packedFrom) {
      entries.set(r.name, { method: kept.method, crc: kept.crc, size: content.length, body: [kept.body], firstContent: content });
      continue;
    }
    stored.set(content, kept);
    entries.set(r.name, content);
  }
  return entries;
}

const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
const DOS_TIME = 0;
const UTF8_NAMES = 0x0800;

const asBuffer = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/** An entry as written: its stored or packed body when there is one, else its content deflated. */
function entryBody(data: PartData): PackedPart & { body: Buffer[] } {
  if (isPacked(data)) return { ...data, body: data.body.map(asBuffer) };
  const kept = stored.get(data);
  if (kept) return { ...kept, size: data.length, body: [asBuffer(kept.body)] };
  const deflated = deflateRawSync(data, { level: DEFLATE_LEVEL });
  const method = deflated.length >= data.length ? 0 : 8;
  return { method, crc: crc32(data), size: data.length, body: [method === 0 ? asBuffer(data) : deflated] };
}

export function writeZip(entries: PartEntries): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const entry = entryBody(data);
    const { method, crc, size } = entry;
    const bodyBytes = entry.body.reduce((n, b) => n + b.length, 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(bodyBytes, 18);
    local.writeUInt32LE(size, 22);
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
    dir.writeUInt32LE(bodyBytes, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, nameBytes, ...entry.body);
    central.push(dir, nameBytes);
    offset += local.length + nameBytes.length + bodyBytes;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  return Buffer.concat([...chunks, ...central, endOfCentralDirectory(entries.size, centralSize, offset)]);
}

/** The end-of-central-directory record: `count` entries in `size` bytes at `offset`, then `comment`. */
export function endOfCentralDirectory(count: number, size: number, offset: number, comment: Buffer = Buffer.alloc(0)): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([end, comment]);
}
