/// <reference types="office-js" />
/**
 * How much goes into one `context.sync()`.
 *
 * Every sync is one request to Excel and one response back, and Excel on the web refuses either when
 * it is larger than 5 MB (`RequestPayloadSizeLimitExceeded` / `ResponsePayloadSizeLimitExceeded`); it
 * also reads at most 5 million cells from one range. Queuing many small chunk loads does not help by
 * itself: they all travel in the same request and response. So the adapter queues work against a
 * budget per sync and fills each sync up to it.
 *
 * Sizes are counted the way office.js sends them: each queued action is an object
 * (`{"Id":…,"ActionType":4,"Name":"formulas","ObjectPathId":…,"ArgumentInfo":{"Arguments":[…]}}`) with
 * the object path it acts on, all in one JSON body (`ClientRequestBase.buildRequestMessageBody…`),
 * and that JSON travels as a string inside the host message, so every `"` and `\` in it costs one
 * byte more (`wireBytes`). Arguments are counted exactly; the action and its path are
 * `OPERATION_BYTES`. What Excel sends back is estimated, and a read learns the real size per cell from
 * its first large chunk. The budget is 4 MB, a fifth under the limit, for the estimates' sake.
 *
 * A write sync that Excel refuses as too large is split and sent again (`SyncBudget.add`), and so is
 * one that fails with `GeneralException` when it was large: desktop Excel reports an oversized batch so.
 */

import { PartLog } from './partLog';

/** Excel on the web's limit for one request and for one response. */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
/** What we allow ourselves per sync, counted as office.js sends it: a fifth under the limit. */
export const SYNC_BUDGET_BYTES = 4_000_000;
/** Excel on the web reads at most this many cells from one range (more comes back as `null`). */
export const MAX_CELLS_PER_RANGE = 5_000_000;
/**
 * Response bytes per cell when both `values` and `formulas` are loaded, guessed for a sheet none of
 * which has been read yet: an amount such as `-12345678.91` is 13 characters with its comma, and a
 * constant comes back in both arrays. The read replaces the guess by what it measures (see
 * `CellBytesEstimate`); a response that still turns out too large is read again with a larger one.
 */
export const READ_BYTES_PER_CELL = 32;
/**
 * Estimated response bytes per cell when a `numberFormat` block is loaded. Our own format comes back
 * as `[\"#,##0;-#,##0;0\"],` (21 bytes as sent), so a re-run over our own cells is covered; `General` is 14.
 */
export const NUMBER_FORMAT_BYTES_PER_CELL = 22;
/** Estimated request bytes of one queued operation besides its arguments: the action and its object path. */
export const OPERATION_BYTES = 300;
/** A measured sample smaller than this many cells says too little to replace the guess. */
export const MIN_SAMPLE_CELLS = 10_000;
/** A batch at least this large that fails with `GeneralException` is taken as too large and sent in parts. */
export const LARGE_BATCH_BYTES = 1_000_000;

/**
 * The size of a value as it travels: its JSON text inside a JSON string, in UTF-8 bytes (each `"` and
 * `\` of the JSON text escaped once more, and the string's quotes).
 */
export function wireBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let bytes = text.length + 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) bytes++;
    else if (code >= 0x80) bytes += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/** The error code of an Excel error (`OfficeExtension.Error.code`), if it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Errors Excel gives when one sync carried too much. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

/** A refused batch of about `bytes`: too large, or a `GeneralException` on a large one. */
export function isRefusedAsTooLarge(error: unknown, bytes: number): boolean {
  return isPayloadTooLarge(error) || (errorCode(error) === 'GeneralException' && bytes >= LARGE_BATCH_BYTES);
}

/**
 * Response bytes per cell of one sheet: a guess until a sample of at least `MIN_SAMPLE_CELLS` cells
 * has come back, then the measured size. From then on it only grows, to the largest sample, so a
 * sheet whose later rows are longer does not outrun it; a response that was too large multiplies it
 * by four.
 */
export class CellBytesEstimate {
  private learnt = false;

  constructor(private perCell: number) {}

  get bytesPerCell(): number {
    return this.perCell;
  }

  /** `bytes` came back for `cells` cells. */
  learn(bytes: number, cells: number): void {
    if (cells < MIN_SAMPLE_CELLS || bytes <= 0) return;
    const sample = bytes / cells;
    this.perCell = this.learnt ? Math.max(this.perCell, sample) : sample;
    this.learnt = true;
  }

  /** A response with this sheet's cells was refused as too large. */
  tooLarge(): void {
    this.perCell *= 4;
  }
}

/**
 * A piece of a write: operations of about `bytes` queued by `queue()`, which may be called again (the
 * piece is then queued anew on a later sync), so it takes what it changes by name or position, never a
 * proxy from a failed sync. `split()` gives the same work in smaller pieces (a block of rows halved).
 */
export interface Piece {
  bytes: number;
  queue(): void;
  split?(): Piece[];
  /** What the piece is part of, in Swedish (`avvikelsekolumnerna i fliken Drift`), for the report of what was written. */
  part?: string;
}

/** The pieces `from … to - 1` of a block of items, each piece `make(from, to)`, halved when split. */
export function blockPiece(size: (i: number) => number, from: number, to: number, make: (from: number, to: number) => void, part?: string, overhead = OPERATION_BYTES): Piece {
  let bytes = overhead;
  for (let i = from; i < to; i++) bytes += size(i);
  const middle = Math.floor((from + to) / 2);
  return {
    bytes,
    part,
    queue: () => make(from, to),
    split: to - from > 1 ? () => [blockPiece(size, from, middle, make, part, overhead), blockPiece(size, middle, to, make, part, overhead)] : undefined,
  };
}

/** How many times a refused batch is halved before the write gives up. */
const MAX_SPLITS = 12;

/**
 * Counts the estimated bytes queued on a request context and syncs before the budget would overflow.
 * `onNewBatch` runs whenever a new batch begins in the middle (e.g. to suspend calculation again for
 * the batch that follows); the closing `sync()` does not call it, so nothing is left queued.
 *
 * Loads are counted with `reserve` / `reserveRun`; writes are added as pieces (`add`, `addBlock`),
 * which a refused sync sends again in smaller batches. `log` follows which parts were written.
 */
export class SyncBudget {
  private queued = 0;
  private pieces: Piece[] = [];

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly onNewBatch?: () => void,
    private readonly limit = SYNC_BUDGET_BYTES,
    readonly log = new PartLog(),
  ) {}

  /** Makes room for a load of about `bytes`: syncs first when it would not fit in this batch. */
  async reserve(bytes: number): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > this.limit) await this.nextBatch();
    this.queued += bytes;
  }

  /**
   * Reserves the items `from`, `from + 1`, … (of `size(i)` bytes each, plus `overhead` once) that still
   * fit in this batch, and returns the index after the last one: a large block is cut to fill each
   * sync up to the budget. When not even one fits, it syncs first; one item always goes.
   */
  async reserveRun(size: (i: number) => number, from: number, to: number, overhead = OPERATION_BYTES): Promise<number> {
    if (this.queued > 0 && this.queued + overhead + size(from) > this.limit) await this.nextBatch();
    let bytes = overhead + size(from);
    let end = from + 1;
    while (end < to && this.queued + bytes + size(end) <= this.limit) bytes += size(end++);
    this.queued += bytes;
    return end;
  }

  /** Queues a piece of a write (syncing first when it would not fit). */
  async add(piece: Piece): Promise<void> {
    if (this.queued > 0 && this.queued + piece.bytes > this.limit) await this.nextBatch();
    this.log.added(piece);
    piece.queue();
    this.pieces.push(piece);
    this.queued += piece.bytes;
  }

  /** Queues `make(from, to)` over the items `0 … count - 1` in pieces that fill each sync. */
  async addBlock(count: number, size: (i: number) => number, make: (from: number, to: number) => void, part?: string): Promise<void> {
    for (let from = 0; from < count; ) {
      if (this.queued > 0 && this.queued + OPERATION_BYTES + size(from) > this.limit) await this.nextBatch();
      let bytes = OPERATION_BYTES + size(from);
      let to = from + 1;
      while (to < count && this.queued + bytes + size(to) <= this.limit) bytes += size(to++);
      await this.add(blockPiece(size, from, to, make, part));
      from = to;
    }
  }

  /** Sends what is queued; a write refused as too large goes again in halves. */
  async sync(): Promise<void> {
    const pieces = this.pieces;
    const bytes = this.queued;
    this.pieces = [];
    this.queued = 0;
    await this.send(pieces, bytes, 0);
  }

  private async send(pieces: Piece[], bytes: number, depth: number): Promise<void> {
    try {
      await this.context.sync();
      this.log.sent(pieces);
    } catch (e) {
      const groups = depth < MAX_SPLITS && isRefusedAsTooLarge(e, bytes) ? this.halves(pieces) : null;
      if (!groups) throw e;
      for (const group of groups) {
        this.onNewBatch?.();
        group.forEach((p) => p.queue());
        await this.send(group, group.reduce((n, p) => n + p.bytes, 0), depth + 1);
      }
    }
  }

  /** A refused batch in two: its pieces halved, or its one piece split; null when it cannot be cut. */
  private halves(pieces: Piece[]): Piece[][] | null {
    if (pieces.length > 1) {
      const middle = Math.ceil(pieces.length / 2);
      return [pieces.slice(0, middle), pieces.slice(middle)];
    }
    const [one] = pieces;
    const parts = one?.split?.();
    if (!parts || parts.length < 2) return null;
    this.log.replaced(one, parts);
    return parts.map((p) => [p]);
  }

  private async nextBatch(): Promise<void> {
    await this.sync();
    this.onNewBatch?.();
  }
}
