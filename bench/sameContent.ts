/**
 * Content identity of two .xlsx outputs whose compressed bodies may differ (issue 12: a large sheet
 * deflated in slices on both cores is a different deflate stream of the very same content). Compares,
 * entry by entry and in order: names, every field of the local header and of the central-directory
 * record but the compressed size and the offsets (version, flags, method, time, date, CRC, uncompressed
 * size, extra fields, comments), the inflated content bytes (and their CRC), and the archive comment,
 * which may differ only as our stamp of each file's own central directory. Further pairs of files
 * (the JSON reports) are compared byte for byte.
 *
 *   node dist/node/bench/sameContent.js <a.xlsx> <b.xlsx> [<a.json> <b.json> …]
 *
 * Prints `same …` or `DIFFERENT …` per file pair (and what differs), and for a same package how many
 * entries have another compressed body; exits 1 when anything differs.
 */
import { readFileSync } from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';
import { centralDirectory, isStampedArchive } from '../src/workbook/xlsx/zipDirectory';

interface ZipRecord {
  name: string;
  /** The central record without its compressed size and local-header offset, and the local header without its compressed size. */
  fields: Buffer;
  method: number;
  crc: number;
  size: number;
  body: Buffer;
}

const ZIP64_EXTRA = 0x0001;

/** The 64-bit sizes and offset of a ZIP64 extra field, for the 32-bit fields that are 0xffffffff. */
function wide(buf: Buffer, at: number, length: number, wanted: number[]): number[] {
  for (let p = at; p + 4 <= at + length; p += 4 + buf.readUInt16LE(p + 2)) {
    if (buf.readUInt16LE(p) !== ZIP64_EXTRA) continue;
    return wanted.map((v, i) => (v === 0xffffffff ? Number(buf.readBigUInt64LE(p + 4 + 8 * wanted.slice(0, i).filter((w) => w === 0xffffffff).length)) : v));
  }
  return wanted;
}

function records(buf: Buffer): { list: ZipRecord[]; comment: Buffer } {
  const dir = centralDirectory(buf);
  if (!dir) throw new Error('inget zip-arkiv');
  const list: ZipRecord[] = [];
  for (let at = dir.offset, n = 0; n < dir.count; n++) {
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const end = at + 46 + nameLength + extraLength + buf.readUInt16LE(at + 32);
    const [size, compressed, local] = wide(buf, at + 46 + nameLength, extraLength, [buf.readUInt32LE(at + 24), buf.readUInt32LE(at + 20), buf.readUInt32LE(at + 42)]);
    const localEnd = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const central = Buffer.from(buf.subarray(at, end));
    central.fill(0, 20, 24); // compressed size
    central.fill(0, 42, 46); // offset of the local header
    const head = Buffer.from(buf.subarray(local, localEnd));
    head.fill(0, 18, 22); // compressed size
    list.push({
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
      fields: Buffer.concat([central, head]),
      method: buf.readUInt16LE(at + 10),
      crc: buf.readUInt32LE(at + 16),
      size,
      body: buf.subarray(localEnd, localEnd + compressed),
    });
    at = end;
  }
  return { list, comment: buf.subarray(dir.end + 22) };
}

function content(r: ZipRecord): Buffer {
  return r.method === 8 ? inflateRawSync(r.body, { chunkSize: Math.max(64 * 1024, r.size) }) : r.body;
}

/** What differs between two packages' contents (empty when none), and how many compressed bodies differ. */
export function compareContent(a: Buffer, b: Buffer): { problems: string[]; otherBodies: string[] } {
  const ra = records(a);
  const rb = records(b);
  const problems: string[] = [];
  const otherBodies: string[] = [];
  if (ra.list.length !== rb.list.length) problems.push(`${ra.list.length} delar mot ${rb.list.length}`);
  for (let i = 0; i < Math.min(ra.list.length, rb.list.length); i++) {
    const [x, y] = [ra.list[i], rb.list[i]];
    if (x.name !== y.name) {
      problems.push(`del ${i + 1}: ${x.name} mot ${y.name}`);
      continue;
    }
    if (!x.fields.equals(y.fields)) problems.push(`${x.name}: rubrikerna skiljer (metod, CRC, storlek, tid eller extrafält)`);
    const [cx, cy] = [content(x), content(y)];
    if (!cx.equals(cy)) problems.push(`${x.name}: innehållet skiljer`);
    if (crc32(cx) !== x.crc || crc32(cy) !== y.crc || cx.length !== x.size || cy.length !== y.size) problems.push(`${x.name}: CRC eller storlek stämmer inte med innehållet`);
    if (!x.body.equals(y.body)) otherBodies.push(x.name);
  }
  // our stamp hashes the central directory, which holds the compressed sizes: it may differ, but must hold in both
  if (!ra.comment.equals(rb.comment) && !(isStampedArchive(a) && isStampedArchive(b))) problems.push('arkivkommentaren skiljer (och är inte en giltig stämpel i båda)');
  return { problems, otherBodies };
}

function main(): void {
  const files = process.argv.slice(2);
  if (files.length < 2 || files.length % 2 !== 0) {
    console.error('användning: node dist/node/bench/sameContent.js <a.xlsx> <b.xlsx> [<a.json> <b.json> …]');
    process.exit(2);
  }
  let status = 0;
  for (let i = 0; i < files.length; i += 2) {
    const [a, b] = [readFileSync(files[i]), readFileSync(files[i + 1])];
    const label = `${files[i]} ~ ${files[i + 1]}`;
    if (!files[i].endsWith('.xlsx')) {
      if (a.equals(b)) console.log(`same      ${label} (${a.length} bytes)`);
      else (console.log(`DIFFERENT ${label}`), (status = 1));
      continue;
    }
    const { problems, otherBodies } = compareContent(a, b);
    if (problems.length) {
      console.log(`DIFFERENT ${label}: ${problems.join('; ')}`);
      status = 1;
    } else console.log(`same      ${label} (content; compressed body differs in ${otherBodies.length ? otherBodies.join(', ') : 'none'}; ${a.length} vs ${b.length} bytes)`);
  }
  process.exit(status);
}

if (require.main === module) main();
