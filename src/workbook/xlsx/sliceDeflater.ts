/**
 * A large part deflated on several of zlib's threads at once, the way pigz does it: the content is cut
 * into slices at fixed offsets (every `SLICE_BYTES` of content), each slice is deflated as its own raw
 * deflate job with the 32 KB of content before it as its dictionary, every slice but the last ends with
 * a sync flush (an empty stored block: the output ends on a byte boundary, no block marked final) and
 * the last with an ordinary finish. The outputs joined in order are one valid deflate stream (RFC 1951)
 * of the whole content, about 0.002 % larger than one stream, and made on both cores while the patch
 * goes on. Where the slices lie depends on the content's length only, never on how it was handed in or
 * on timing, so the same content always gives the same bytes.
 *
 * A part whose text is under `PARALLEL_FROM` keeps the single stream (`PartDeflater`): its bytes are
 * exactly what `deflateRawSync` gives, as before.
 */
import { constants, crc32, createDeflateRaw } from 'node:zlib';
import { SLICE_BYTES as SLAB_BYTES } from './byteEdits';
import { DEFLATE_LEVEL, PartDeflater, type PackedPart } from './packedPart';

/** Characters of a part's text from which it is deflated in slices (above every 10 000-row sheet, about 4 MB). */
export const PARALLEL_FROM = 8 << 20;
/** Content bytes of one slice (but the last): 1–4 MB deflate alike; 2 MB lets the first job start early. */
export const SLICE_BYTES = 2 << 20;
/** zlib's output buffer for a slice: the slice's deflated bytes fit it when they are at most a quarter of it. */
const OUT_CHUNK = 512 * 1024;
/** Deflate's window: the dictionary a slice gets is this much of the content before it. */
const WINDOW = 32 * 1024;
/**
 * Jobs on zlib's threads at once. With the patch on the main thread, two jobs keep both cores busy; a
 * third oversubscribed them at a million rows, where V8's collector threads need the cores too (the
 * write phase in-process 7.6 s with three, 6.4 s with two, 7.4 s with one; the CLI alike with two or
 * three, 11.4–11.5 s).
 */
const MAX_JOBS = 2;
/** Slices waiting (running or queued) before the writer should wait: a few, so memory stays small. */
const BACKLOG = 4;

/** What the patch writes its bytes into: one stream (`PartDeflater`) or slices (`SliceDeflater`). */
export interface PartSink {
  /** Takes `bytes` (they are not changed afterwards). */
  write(bytes: Buffer): void;
  /** Resolves when the deflater can take more. */
  ready(): Promise<void>;
  /** The whole part, packed. */
  finish(): Promise<PackedPart>;
  /** A slab of the writer's (`ByteEdits`) that the sink is done with, to be filled again; or none. */
  spare?(): Buffer | undefined;
  abort(): void;
}

/** The deflater for a part whose text has `chars` characters: in slices from `PARALLEL_FROM` on. */
export function partDeflater(chars: number): PartSink {
  return chars >= PARALLEL_FROM ? new SliceDeflater() : new PartDeflater();
}

interface SliceJob {
  index: number;
  /** The slice's content, in the pieces it was written in (joined on zlib's side, not copied here). */
  pieces: Buffer[];
  dictionary: Buffer | undefined;
  last: boolean;
}

/**
 * Deflates one slice, given in pieces, on zlib's thread pool: the pieces go in one after another
 * without a flush (zlib's output does not depend on how its input is cut), the slice's end flushes.
 * The output is joined into a buffer of its own size.
 */
export function deflateSlice(pieces: readonly Buffer[], dictionary: Buffer | undefined, last: boolean): Promise<Buffer> {
  const length = pieces.reduce((n, p) => n + p.length, 0);
  const stream = createDeflateRaw({
    level: DEFLATE_LEVEL,
    // one pass on the thread pool per piece for a slice that compresses at least 4:1 (instead of a return to the main
    // thread per 16 KB), without a 2 MB buffer per slice: every large buffer counts towards the external memory whose
    // growth makes V8 start a full collection of the heap (one every 0.5 s at a million rows)
    chunkSize: Math.max(64 * 1024, Math.min(length, OUT_CHUNK)),
    finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
    ...(dictionary ? { dictionary } : {}),
  });
  const out: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    stream.on('end', () => resolve(Buffer.concat(out)));
    stream.on('error', reject);
  });
  for (const piece of pieces) stream.write(piece);
  stream.end();
  return done;
}

export class SliceDeflater implements PartSink {
  /** Pieces of the slice being filled, and their length. */
  private pieces: Buffer[] = [];
  private filled = 0;
  private dictionary: Buffer | undefined;
  private readonly queue: SliceJob[] = [];
  private readonly outputs: Buffer[] = [];
  private slices = 0;
  private running = 0;
  private waiting: (() => void)[] = [];
  private failure: unknown;
  private aborted = false;
  private crc = 0;
  private size = 0;
  private readonly slabs = new SlabPool();

  /** `sliceBytes`: content bytes of every slice but the last (the tests cut smaller slices). */
  constructor(private readonly sliceBytes = SLICE_BYTES) {}

  write(bytes: Buffer): void {
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    for (let at = 0; at < bytes.length; ) {
      // a full slice goes once content follows it: so the last slice is known to be the last
      if (this.filled === this.sliceBytes) this.closeSlice(false);
      const n = Math.min(this.sliceBytes - this.filled, bytes.length - at);
      const piece = at === 0 && n === bytes.length ? bytes : bytes.subarray(at, at + n);
      this.pieces.push(piece);
      this.slabs.hold(piece);
      this.filled += n;
      at += n;
    }
  }

  ready(): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.running + this.queue.length < BACKLOG) return new Promise((resolve) => setImmediate(resolve));
    return new Promise<void>((resolve) => this.waiting.push(resolve)).then(() => this.ready());
  }

  async finish(): Promise<PackedPart> {
    this.closeSlice(true);
    while (this.running > 0 || this.queue.length > 0) {
      if (this.failure !== undefined) break;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    if (this.failure !== undefined) throw this.failure;
    return { method: 8, crc: this.crc >>> 0, size: this.size, body: this.outputs };
  }

  /** A slab of the writer's whose bytes every job has deflated, to be filled again (fewer large allocations). */
  spare(): Buffer | undefined {
    return this.slabs.take();
  }

  abort(): void {
    this.aborted = true;
    this.queue.length = 0;
  }

  private closeSlice(last: boolean): void {
    this.queue.push({ index: this.slices++, pieces: this.pieces, dictionary: this.dictionary, last });
    this.dictionary = lastBytes(this.dictionary ? [this.dictionary, ...this.pieces] : this.pieces, WINDOW);
    this.pieces = [];
    this.filled = 0;
    this.pump();
  }

  private pump(): void {
    while (this.running < MAX_JOBS && this.queue.length > 0 && !this.aborted && this.failure === undefined) {
      const job = this.queue.shift()!;
      this.running++;
      deflateSlice(job.pieces, job.dictionary, job.last).then(
        (out) => this.settle(() => {
          this.outputs[job.index] = out;
          this.slabs.release(job.pieces);
        }),
        (error: unknown) => this.settle(() => (this.failure ??= error)),
      );
    }
  }

  private settle(record: () => void): void {
    this.running--;
    if (!this.aborted) record();
    this.pump();
    const waiting = this.waiting;
    this.waiting = [];
    for (const wake of waiting) wake();
  }
}

/**
 * The writer's slabs (`ByteEdits`, `SLAB_BYTES` each) while jobs still read them: a slab's bytes may lie in
 * two slices, so it is counted once per piece and handed back when the last job reading it has ended.
 * At a million rows this spares 460 MB of new 1 MB buffers, whose growth (external memory) made V8
 * collect the whole heap again and again while the patch ran.
 */
class SlabPool {
  private readonly readers = new Map<ArrayBufferLike, number>();
  private readonly free: Buffer[] = [];

  hold(piece: Buffer): void {
    if (piece.buffer.byteLength !== SLAB_BYTES) return;
    this.readers.set(piece.buffer, (this.readers.get(piece.buffer) ?? 0) + 1);
  }

  release(pieces: readonly Buffer[]): void {
    for (const piece of pieces) {
      const n = this.readers.get(piece.buffer);
      if (n === undefined) continue;
      if (n > 1) this.readers.set(piece.buffer, n - 1);
      else {
        this.readers.delete(piece.buffer);
        this.free.push(Buffer.from(piece.buffer));
      }
    }
  }

  take(): Buffer | undefined {
    return this.free.pop();
  }
}

/** The last `n` bytes of the join of `pieces` (fewer if they hold fewer), as a buffer of their own. */
function lastBytes(pieces: readonly Buffer[], n: number): Buffer {
  const tail: Buffer[] = [];
  let have = 0;
  for (let i = pieces.length - 1; i >= 0 && have < n; i--) {
    const piece = pieces[i];
    const take = Math.min(n - have, piece.length);
    tail.unshift(piece.subarray(piece.length - take));
    have += take;
  }
  return Buffer.concat(tail, have);
}
