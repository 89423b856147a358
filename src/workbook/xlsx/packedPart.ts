/**
 * A part held as its zip entry's body rather than as its content: a large part as it was stored in the
 * user's file (kept compressed from open to save, inflated again whenever its content is wanted), or
 * a part we deflated while writing it (a patched million-row sheet, never held whole). The zip writer
 * copies the body as it is.
 *
 * `PartDeflater` deflates bytes as they come on zlib's thread pool, with the CRC computed as they pass.
 * Deflating in pieces without flushing gives exactly the bytes `deflateRawSync` gives for their join at
 * the same level (zlib's output does not depend on how its input is cut; the tests check it), so a
 * package written this way is byte for byte the one written from the whole part. A sheet of 8 M
 * characters or more is deflated in slices on both cores instead (`SliceDeflater`, sliceDeflater.ts).
 */
import { crc32, createDeflateRaw, inflateRawSync } from 'node:zlib';

/** The level every part we write is deflated at: as small as 6 here, in 60 % of the time. */
export const DEFLATE_LEVEL = 5;

export interface PackedPart {
  /** 0: stored as is, 8: deflated. */
  readonly method: 0 | 8;
  readonly crc: number;
  /** The length of the content. */
  readonly size: number;
  /** The entry's body, in pieces. */
  readonly body: readonly Uint8Array[];
  /** Over the limit for one part (see `readZipParts`): never unpacked, only copied. */
  readonly tooLarge?: true;
  /**
   * The content as inflated when the package was opened (every part is checked whole there), handed to
   * the first `unpack` instead of inflating it again, then let go. Only a worksheet keeps it: it is read
   * right after the open.
   */
  firstContent?: Buffer;
}

export type PartData = Uint8Array | PackedPart;

export function isPacked(data: PartData): data is PackedPart {
  return !(data instanceof Uint8Array);
}

export function bodyLength(part: PackedPart): number {
  let n = 0;
  for (const b of part.body) n += b.length;
  return n;
}

/** The content of a packed part (a new buffer each time: the caller decides how long it lives). */
export function unpack(part: PackedPart): Buffer {
  if (part.tooLarge) throw new Error('a part over the limit for one part is not unpacked');
  const first = part.firstContent;
  if (first) {
    part.firstContent = undefined;
    return first;
  }
  const body = part.body.length === 1 ? part.body[0] : Buffer.concat(part.body);
  const content = part.method === 0 ? Buffer.from(body) : inflateRawSync(body, { chunkSize: Math.max(64 * 1024, part.size) });
  if (content.length !== part.size) throw new Error(`a packed part unpacked to ${content.length} bytes, not ${part.size}`);
  return content;
}

/** Content bytes up to which a deflated part also keeps them, to store them as they are when they do not compress. */
const RAW_KEPT = 1 << 20;
/** Bytes waiting for the deflater before the writer should wait: a few slices, so that both sides keep busy. */
const BACKLOG = 4 << 20;
/**
 * zlib's output buffer: large enough that one slice (1 MB) is deflated in one pass on the thread pool.
 * With the default 16 KB the stream comes back to the main thread for every 16 KB of output, so the
 * deflating stalled whenever the patch was busy and the two hardly overlapped. The bytes are the same.
 */
const OUT_CHUNK = 2 << 20;

export class PartDeflater {
  private readonly stream = createDeflateRaw({ level: DEFLATE_LEVEL, chunkSize: OUT_CHUNK });
  private readonly out: Buffer[] = [];
  private readonly ended: Promise<void>;
  private raw: Buffer[] | undefined = [];
  private crc = 0;
  private size = 0;

  constructor() {
    this.stream.on('data', (chunk: Buffer) => this.out.push(chunk));
    this.ended = new Promise((resolve, reject) => {
      this.stream.on('end', resolve);
      this.stream.on('error', reject);
    });
    this.ended.catch(() => undefined); // an aborted deflater is not waited for
  }

  write(bytes: Buffer): void {
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    if (this.raw) this.raw.push(bytes);
    if (this.size > RAW_KEPT) this.raw = undefined;
    this.stream.write(bytes);
  }

  /**
   * Resolves when the deflater can take more: at once (after zlib's callbacks have run, so that it
   * starts on what waits) while little waits, else when it has caught up with everything.
   */
  ready(): Promise<void> {
    if (this.stream.writableLength < BACKLOG || !this.stream.writableNeedDrain) return new Promise((resolve) => setImmediate(resolve));
    return new Promise((resolve) => this.stream.once('drain', resolve));
  }

  /** The whole part, packed: deflated, or stored as is when deflating would not make it smaller. */
  async finish(): Promise<PackedPart> {
    this.stream.end();
    await this.ended;
    const deflated = this.out.reduce((n, b) => n + b.length, 0);
    if (this.raw && deflated >= this.size) return { method: 0, crc: this.crc >>> 0, size: this.size, body: this.raw };
    return { method: 8, crc: this.crc >>> 0, size: this.size, body: this.out };
  }

  abort(): void {
    this.stream.destroy();
  }
}
