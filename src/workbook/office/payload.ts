/// <reference types="office-js" />
/**
 * How much goes into one `context.sync()`.
 *
 * Every sync is one request to Excel and one response back, and Excel on the web refuses either when
 * it is larger than 5 MB (`RequestPayloadSizeLimitExceeded` / `ResponsePayloadSizeLimitExceeded`); it
 * also reads at most 5 million cells from one range. Queuing many small chunk loads does not help by
 * itself: they all travel in the same request and response. So the adapter queues work against a
 * budget of 4 MB per sync and syncs when the next piece would not fit. An ordinary forecast sheet (tens
 * of thousands of cells) fits in one sync whatever its row count; only a sheet whose data really is
 * larger than the budget costs one more sync per 4 MB — never one per row.
 */

/** Excel on the web's limit for one request and for one response. */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
/** What we allow ourselves per sync: well under the limit, for the estimates' sake. */
export const SYNC_BUDGET_BYTES = 4_000_000;
/** Excel on the web reads at most this many cells from one range. */
export const MAX_CELLS_PER_RANGE = 5_000_000;
/**
 * Estimated response bytes per cell when both `values` and `formulas` are loaded: an amount such as
 * `-12345678.91` is 13 characters with its comma, and a constant comes back in both arrays. Text cells
 * can be longer; a response that still turns out too large is read again with a larger estimate.
 */
export const READ_BYTES_PER_CELL = 32;
/** Estimated response bytes per cell when a `numberFormat` block is loaded (`"#,##0;-#,##0;0",`). */
export const NUMBER_FORMAT_BYTES_PER_CELL = 20;
/** Estimated request bytes of one small queued operation (a property set or a method call). */
export const OPERATION_BYTES = 250;

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
    if (this.queued > 0 && this.queued + bytes > this.limit) {
      await this.sync();
      this.onNewBatch?.();
    }
    this.queued += bytes;
  }

  /** Sends what is queued. */
  async sync(): Promise<void> {
    await this.context.sync();
    this.queued = 0;
  }
}
