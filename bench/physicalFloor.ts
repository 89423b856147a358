/**
 * The physical floor of a forecast run: the least any tool must do to fill a column of a sheet inside
 * an .xlsx. Read the file, inflate the sheet part (the largest worksheet), make one pass over its
 * bytes (counting rows and tags, as a patcher must at least look at every byte), and write the package
 * back: every other entry copied as stored, the sheet deflated again (at the tool's level, see
 * src/workbook/xlsx/zip.ts), CRC computed. No parsing, no analysis, no new cells.
 *
 * `both-cores`: the same, with the sheet deflated the way the tool deflates a large patched sheet, in
 * slices on zlib's threads (src/workbook/xlsx/sliceDeflater.ts), fed while the scan goes on, so the
 * scan and the deflating share both cores. The first floor (one stream, after the scan) is the figure
 * issue 12's target is stated against; this one is the floor of a tool that uses both cores.
 *
 *   node dist/node/bench/physicalFloor.js <in.xlsx> <out.xlsx> [one-stream|both-cores]
 *
 * Prints one JSON line: { sheet, sheetBytes, rows, tags, phases: { read, inflate, scan, deflate, write } } (ms);
 * with both-cores the scan and the deflating are one phase, `scan+deflate`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { SliceDeflater, SLICE_BYTES } from '../src/workbook/xlsx/sliceDeflater';
import { endOfCentralDirectory } from '../src/workbook/xlsx/zip';
import { centralDirectory } from '../src/workbook/xlsx/zipDirectory';

/** The tool's deflate level for changed parts (src/workbook/xlsx/zip.ts). */
export const FLOOR_DEFLATE_LEVEL = 5;

interface Entry {
  name: string;
  method: number;
  crc: number;
  size: number;
  body: Buffer;
}

function entries(buf: Buffer): Entry[] {
  const dir = centralDirectory(buf);
  if (!dir) throw new Error('inget zip-arkiv');
  const out: Entry[] = [];
  for (let at = dir.offset, n = 0; n < dir.count; n++) {
    const nameLength = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    const compressed = buf.readUInt32LE(at + 20);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.push({
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
      method: buf.readUInt16LE(at + 10),
      crc: buf.readUInt32LE(at + 16),
      size: buf.readUInt32LE(at + 24),
      body: buf.subarray(start, start + compressed),
    });
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return out;
}

/** One pass over the bytes: tags opened, and rows (`<row`), of those that start before `end`. */
export function scan(xml: Uint8Array, end = xml.length): { rows: number; tags: number } {
  let rows = 0;
  let tags = 0;
  for (let i = 0; i < end; i++) {
    if (xml[i] !== 0x3c) continue;
    tags++;
    if (xml[i + 1] === 0x72 && xml[i + 2] === 0x6f && xml[i + 3] === 0x77 && (xml[i + 4] === 0x20 || xml[i + 4] === 0x3e)) rows++;
  }
  return { rows, tags };
}

/** A local header (30 bytes) or a central-directory record (46): the same fields, two bytes further on in the latter. */
function header(central: boolean, e: Entry, nameLength: number, offset: number): Buffer {
  const shift = central ? 2 : 0;
  const b = Buffer.alloc(central ? 46 : 30);
  b.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0);
  if (central) b.writeUInt16LE(20, 4);
  b.writeUInt16LE(20, 4 + shift);
  b.writeUInt16LE(e.method, 8 + shift);
  b.writeUInt32LE(e.crc, 14 + shift);
  b.writeUInt32LE(e.body.length, 18 + shift);
  b.writeUInt32LE(e.size, 22 + shift);
  b.writeUInt16LE(nameLength, 26 + shift);
  if (central) b.writeUInt32LE(offset, 42);
  return b;
}

function zip(list: Entry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of list) {
    const name = Buffer.from(e.name, 'utf8');
    chunks.push(header(false, e, name.length, offset), name, e.body);
    central.push(header(true, e, name.length, offset), name);
    offset += 30 + name.length + e.body.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  return Buffer.concat([...chunks, ...central, endOfCentralDirectory(list.length, size, offset)]);
}

export type FloorDeflate = 'one-stream' | 'both-cores';

/** The scan and the slice deflate together: each slice goes to zlib's threads as soon as it is scanned. */
async function scanWhileDeflating(xml: Buffer): Promise<{ seen: { rows: number; tags: number }; body: Buffer }> {
  const deflater = new SliceDeflater();
  const seen = { rows: 0, tags: 0 };
  for (let at = 0; at < xml.length; at += SLICE_BYTES) {
    // a slice ends 4 bytes into the next, so that a `<row ` across the boundary is counted once, by its `<`
    const part = scan(xml.subarray(at, Math.min(xml.length, at + SLICE_BYTES + 4)), Math.min(SLICE_BYTES, xml.length - at));
    seen.rows += part.rows;
    seen.tags += part.tags;
    deflater.write(xml.subarray(at, Math.min(xml.length, at + SLICE_BYTES)));
    await deflater.ready();
  }
  const packed = await deflater.finish();
  return { seen, body: Buffer.concat(packed.body) };
}

export async function physicalFloor(input: string, output: string, deflate: FloorDeflate = 'one-stream'): Promise<{ sheet: string; sheetBytes: number; rows: number; tags: number; phases: Record<string, number> }> {
  const phases: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    phases[name] = now - mark;
    mark = now;
  };
  const list = entries(readFileSync(input));
  lap('read');
  const sheet = list.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name)).sort((a, b) => b.size - a.size)[0];
  if (!sheet) throw new Error('inget kalkylblad i paketet');
  const xml = sheet.method === 8 ? inflateRawSync(sheet.body, { chunkSize: Math.max(64 * 1024, sheet.size) }) : sheet.body;
  lap('inflate');
  let seen: { rows: number; tags: number };
  let body: Buffer;
  if (deflate === 'both-cores') {
    ({ seen, body } = await scanWhileDeflating(xml));
    lap('scan+deflate');
  } else {
    seen = scan(xml);
    lap('scan');
    body = deflateRawSync(xml, { level: FLOOR_DEFLATE_LEVEL });
    lap('deflate');
  }
  const changed: Entry = { ...sheet, method: 8, crc: crc32(xml), size: xml.length, body };
  writeFileSync(output, zip(list.map((e) => (e === sheet ? changed : e))));
  lap('write');
  return { sheet: sheet.name, sheetBytes: xml.length, ...seen, phases };
}

if (require.main === module) {
  const [input, output, deflate = 'one-stream'] = process.argv.slice(2);
  if (!input || !output || (deflate !== 'one-stream' && deflate !== 'both-cores')) {
    console.error('användning: node dist/node/bench/physicalFloor.js <in.xlsx> <out.xlsx> [one-stream|both-cores]');
    process.exit(2);
  }
  physicalFloor(input, output, deflate).then((r) => console.log(JSON.stringify(r)));
}
