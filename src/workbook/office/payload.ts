/// <reference types="office-js" />
/**
 * How much goes into one `context.sync()`.
 *
 * Every sync is one request to Excel and one response back, and Excel on the web refuses either when
 * it is larger than 5 MB (`RequestPayloadSizeLimitExceeded` / `ResponsePayloadSizeLimitExceeded`); it
 * also reads at most 5 million cells from one range. Queuing many small chunk loads does not help by
 * itself: they all travel in the same request and response. So the adapter queues work against a
 * budget of 4.5 MB per sync and fills each sync up to it. What we send is measured exactly (its JSON);
 * what Excel sends back is estimated, and a read learns the real size per cell from its first large
 * chunk. The 0.5 MB margin is for the estimates. An ordinary forecast sheet (tens of thousands of
 * cells) fits in one sync whatever its row count; only data that really is larger than the budget
 * costs more syncs, one per 4.5 MB — never one per row.
 */

/** Excel on the web's limit for one request and for one response. */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
/** What we allow ourselves per sync: 10 % under the limit, for the estimates' sake. */
export const SYNC_BUDGET_BYTES = 4_500_000;
/** Excel on the web reads at most this many cells from one range. */
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
 * as `["#,##0;-#,##0;0"],` (19 bytes), so a re-run over our own cells is covered; `General` is 12.
 */
export const NUMBER_FORMAT_BYTES_PER_CELL = 20;
/** Estimated request bytes of one small queued operation (a property set or a method call). */
export const OPERATION_BYTES = 250;
/** A measured sample smaller than this many cells says too little to replace the guess. */
export const MIN_SAMPLE_CELLS = 10_000;

/** The size of a value as it travels: its JSON text in UTF-8 bytes. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) bytes += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/** Errors Excel gives when one sync carried too much. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
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
 * Counts the estimated bytes queued on a request context and syncs before the budget would overflow.
 * `onNewBatch` runs whenever the budget had to sync in the middle (e.g. to suspend calculation again for
 * the batch that follows); the closing `sync()` does not call it, so nothing is left queued.
 */
export class SyncBudget {
  private queued = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly onNewBatch?: () => void,
    private readonly limit = SYNC_BUDGET_BYTES,
  ) {}

  /** Makes room for a piece of about `bytes`: syncs first when it would not fit in this batch. */
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

  /** Sends what is queued. */
  async sync(): Promise<void> {
    await this.context.sync();
    this.queued = 0;
  }

  private async nextBatch(): Promise<void> {
    await this.sync();
    this.onNewBatch?.();
  }
}
