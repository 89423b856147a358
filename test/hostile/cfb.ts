/**
 * A minimal Compound File (OLE, version 3, 512-byte sectors), the container of .xls workbooks and of
 * password-protected .xlsx files: a header, one FAT sector, one directory sector and the streams in
 * regular sectors (each at least 4 096 bytes, so no mini stream is needed).
 */
const SECTOR = 512;
const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const NO_STREAM = 0xffffffff;

export interface CfbStream {
  name: string;
  data: Buffer;
}

function directoryEntry(name: string, type: number, start: number, size: number, child = NO_STREAM, right = NO_STREAM): Buffer {
  const e = Buffer.alloc(128);
  const utf16 = Buffer.from(name, 'utf16le');
  utf16.copy(e, 0);
  e.writeUInt16LE(utf16.length + 2, 64);
  e.writeUInt8(type, 66);
  e.writeUInt8(1, 67); // black
  e.writeUInt32LE(NO_STREAM, 68);
  e.writeUInt32LE(right, 72);
  e.writeUInt32LE(child, 76);
  e.writeUInt32LE(start, 116);
  e.writeUInt32LE(size, 120);
  return e;
}

/** CFB's order of names in a directory tree: shorter first, then by upper case. */
const cfbOrder = (a: CfbStream, b: CfbStream) => a.name.length - b.name.length || a.name.toUpperCase().localeCompare(b.name.toUpperCase());

export function compoundFile(streams: CfbStream[]): Buffer {
  const sorted = [...streams].sort(cfbOrder).map((s) => ({ ...s, data: Buffer.concat([s.data, Buffer.alloc(Math.max(0, 4096 - s.data.length))]) }));
  if (sorted.length > 3) throw new Error('compoundFile: at most three streams fit the one directory sector');
  const fat: number[] = [FAT_SECTOR, END_OF_CHAIN];
  const starts: number[] = [];
  for (const s of sorted) {
    const count = Math.ceil(s.data.length / SECTOR);
    starts.push(fat.length);
    for (let i = 0; i < count; i++) fat.push(i === count - 1 ? END_OF_CHAIN : fat.length + 1);
  }
  if (fat.length > SECTOR / 4) throw new Error('compoundFile: the streams need more than one FAT sector');
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(0x0003, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30); // 512-byte sectors
  header.writeUInt16LE(6, 32); // 64-byte mini sectors
  header.writeUInt32LE(1, 44); // one FAT sector
  header.writeUInt32LE(1, 48); // the directory starts in sector 1
  header.writeUInt32LE(4096, 56);
  header.writeUInt32LE(END_OF_CHAIN, 60);
  header.writeUInt32LE(END_OF_CHAIN, 68);
  header.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(FREE, 76 + i * 4);
  const fatSector = Buffer.alloc(SECTOR, 0xff);
  fat.forEach((v, i) => fatSector.writeUInt32LE(v, i * 4));
  // the root's child is the first stream; the others hang off it as right siblings, in CFB order
  const entries = sorted.map((s, i) => directoryEntry(s.name, 2, starts[i], s.data.length, NO_STREAM, i + 2 <= sorted.length ? i + 2 : NO_STREAM));
  const directory = Buffer.alloc(SECTOR);
  directoryEntry('Root Entry', 5, END_OF_CHAIN, 0, sorted.length ? 1 : NO_STREAM).copy(directory, 0);
  entries.forEach((e, i) => e.copy(directory, (i + 1) * 128));
  return Buffer.concat([header, fatSector, directory, ...sorted.map((s) => s.data)]);
}
