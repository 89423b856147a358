/**
 * Edits of a large text given in order of position, written out as UTF-8 bytes in slices while they
 * come: the new text never exists as one string in the V8 heap. A worksheet part of a million rows
 * is about 400 MB of XML; as one patched string it came close to V8's limit for a string, and it was
 * held next to the old text and its bytes. Every piece is a whole string (a slice between two tags or
 * one of our texts), so encoding pieces one group at a time gives the same bytes as encoding their join.
 * The slices are kept (`finish` joins them), or handed to `sink` as they are made (a deflater: then
 * the new part never exists whole, not even as bytes).
 */

/** Bytes of one slice: pieces are encoded straight into it, with no joined string between. */
export const SLICE_BYTES = 1 << 20;
/**
 * Small pieces (a cell of ours, the few tags between two of them) are first joined into a short
 * string of at most this many units, then encoded at once: one encoding call per few hundred pieces
 * rather than one per piece (a million-row fill has millions of pieces). The UTF-8 of a join of whole
 * strings is the join of their UTF-8s.
 */
const PENDING_UNITS = 16_384;

export class ByteEdits {
  private slab: Buffer = Buffer.allocUnsafe(SLICE_BYTES);
  private used = 0;
  /** Small pieces not yet encoded, joined. */
  private pending = '';
  private readonly slices: Buffer[] = [];
  private copied = 0;
  private edits = 0;
  /** Slices handed to the sink since the last `takeFlushed`. */
  private flushed = 0;

  /**
   * `sink` takes each slice once it is full; `spare` may give back a slab of `SLICE_BYTES` that the sink
   * is done with, to fill next instead of a new one (see `SliceDeflater.spare`).
   */
  constructor(
    private readonly xml: string,
    private readonly sink?: (bytes: Buffer) => void,
    private readonly spare?: () => Buffer | undefined,
  ) {}

  /** Whether slices went to the sink since the last call (a moment for the writer to let it catch up). */
  takeFlushed(): boolean {
    const any = this.flushed > 0;
    this.flushed = 0;
    return any;
  }

  /** `[start, end)` becomes `text`; `start` is never before the end of the previous edit. */
  replace(start: number, end: number, text: string): void {
    if (start > this.copied) this.push(this.xml.slice(this.copied, start));
    this.push(text);
    this.copied = Math.max(this.copied, end);
    this.edits++;
  }

  get edited(): boolean {
    return this.edits > 0;
  }

  /** The edited text as bytes, or undefined when nothing was edited (the part keeps its bytes); with a sink, the last slices go to it. */
  finish(): Buffer | undefined {
    if (!this.edited) return undefined;
    this.push(this.xml.slice(this.copied));
    this.flush();
    if (this.sink) return undefined;
    const out = Buffer.concat(this.slices);
    this.slices.length = 0;
    return out;
  }

  private push(text: string): void {
    if (text.length + this.pending.length <= PENDING_UNITS) {
      this.pending += text;
      return;
    }
    const pending = this.pending;
    this.pending = '';
    this.encode(pending);
    if (text.length <= PENDING_UNITS) this.pending = text;
    else this.encode(text);
  }

  private encode(text: string): void {
    if (text === '') return;
    // a UTF-16 unit is at most 3 bytes of UTF-8 (a pair of them 4): room for 3 per unit is room enough
    if (text.length * 3 > SLICE_BYTES - this.used) {
      this.flush();
      if (text.length * 3 > SLICE_BYTES) {
        this.emit(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.used += this.slab.write(text, this.used);
  }

  private flush(): void {
    if (this.pending !== '') {
      const pending = this.pending;
      this.pending = '';
      this.encode(pending);
    }
    if (this.used === 0) return;
    const bytes = this.slab.subarray(0, this.used);
    this.slab = this.spare?.() ?? Buffer.allocUnsafe(SLICE_BYTES);
    this.used = 0;
    this.emit(bytes);
  }

  private emit(bytes: Buffer): void {
    if (this.sink) {
      this.sink(bytes);
      this.flushed++;
    } else this.slices.push(bytes);
  }
}
