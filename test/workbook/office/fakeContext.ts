/**
 * The fake Excel's request context and the base of its proxies (see fakeExcel.ts): loads and changes
 * are queued on the context, and `sync()` runs them in order against the FakeState, measuring sizes.
 */
import { FakeExcelError, type FakeState } from './fakeModel';
import type { FakeWorkbook } from './fakeWorkbook';

export const PAYLOAD_LIMIT = 5_000_000;
/** Request bytes of one queued action besides its arguments (ids, object path, action type). */
const ACTION_BYTES = 100;

const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? '');

export interface SyncRecord {
  request: number;
  response: number;
  /** Loads and operations (property sets, method calls) the sync carried. */
  actions: number;
  /** The error code, when the sync failed. */
  failed?: string;
}

export interface Capture {
  bytes: number;
  commit(): void;
}

export const joined = (parts: Capture[]): Capture => ({ bytes: parts.reduce((n, p) => n + p.bytes, 0), commit: () => parts.forEach((p) => p.commit()) });

export class FakeContext {
  readonly workbook: FakeWorkbook;
  private queue: { request: number; run(): Capture | undefined }[] = [];
  private open = true;

  constructor(
    readonly state: FakeState,
    private readonly syncs: SyncRecord[],
    workbook: (context: FakeContext) => FakeWorkbook,
  ) {
    this.workbook = workbook(this);
  }

  get pending(): boolean {
    return this.queue.length > 0;
  }

  close(): void {
    this.open = false;
  }

  assertOpen(): void {
    if (!this.open) throw new FakeExcelError('InvalidObjectPath', 'The object was used outside the Excel.run that created it.');
  }

  /** Queues a change; it happens at the next sync. */
  operation(args: unknown, apply: () => void): void {
    this.assertOpen();
    this.queue.push({ request: ACTION_BYTES + bytesOf(args), run: () => void apply() });
  }

  queueLoad(capture: () => Capture): void {
    this.assertOpen();
    this.queue.push({ request: ACTION_BYTES, run: capture });
  }

  async sync(): Promise<void> {
    this.assertOpen();
    const queue = this.queue;
    this.queue = [];
    const record: SyncRecord = { request: queue.reduce((n, q) => n + q.request, 0), response: 0, actions: queue.length };
    this.syncs.push(record);
    await Promise.resolve();
    const fail = (error: unknown): never => {
      const e = error instanceof FakeExcelError ? error : new FakeExcelError('GeneralException', String(error));
      record.failed = e.code;
      throw e;
    };
    if (record.request > PAYLOAD_LIMIT) fail(new FakeExcelError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${record.request} bytes).`));
    const captures: Capture[] = [];
    try {
      for (const item of queue) {
        const captured = item.run();
        if (captured) captures.push(captured);
      }
    } catch (e) {
      fail(e);
    } finally {
      if (captures.length < queue.length) this.state.recalculate();
    }
    record.response = captures.reduce((n, c) => n + c.bytes, 0);
    if (record.response > PAYLOAD_LIMIT) fail(new FakeExcelError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${record.response} bytes).`));
    captures.forEach((c) => c.commit());
  }
}

function paths(spec: string | string[]): string[][] {
  return (typeof spec === 'string' ? spec.split(',') : spec).map((p) => p.trim()).filter(Boolean).map((p) => p.split('/'));
}

/** A proxy: scalar properties must be loaded and synced first; navigation properties are always there. */
export abstract class FakeObject {
  private readonly requested = new Set<string>();
  private readonly snapshot = new Map<string, unknown>();

  constructor(
    protected readonly ctx: FakeContext,
    private readonly nullable = false,
  ) {
    // An `…OrNullObject()` result knows whether it exists after the next sync, without a load.
    if (nullable) ctx.queueLoad(() => this.captureProperty('isNullObject'));
  }

  /** A scalar property's value now (read while a sync runs). */
  protected abstract current(prop: string): unknown;

  protected exists(): boolean {
    return true;
  }

  protected navigation(_prop: string): FakeObject | undefined {
    return undefined;
  }

  get isNullObject(): boolean {
    return this.loaded('isNullObject');
  }

  load(spec: string | string[] = []): this {
    for (const path of paths(spec)) this.request(path);
    return this;
  }

  private request(path: string[]): void {
    const [head, ...rest] = path;
    const nav = this.navigation(head);
    if (nav) {
      if (rest.length) nav.request(rest);
      return;
    }
    this.requested.add(head);
    this.ctx.queueLoad(() => this.capture(path));
  }

  /** Reads a property path now; the value becomes readable if the sync succeeds. */
  capture(path: string[]): Capture {
    const [head, ...rest] = path;
    const nav = this.navigation(head);
    const parts = [nav ? nav.capture(rest) : this.captureProperty(head)];
    if (this.nullable) parts.push(this.captureProperty('isNullObject'));
    return joined(parts);
  }

  protected captureProperty(prop: string): Capture {
    const value = prop === 'isNullObject' ? !this.exists() : this.exists() ? this.current(prop) : null;
    return this.captured(prop, value, bytesOf(value));
  }

  protected captured(prop: string, value: unknown, bytes: number): Capture {
    this.requested.add(prop);
    return { bytes, commit: () => this.snapshot.set(prop, value) };
  }

  protected markRequested(prop: string): void {
    this.requested.add(prop);
  }

  protected loaded<T>(prop: string): T {
    this.ctx.assertOpen();
    if (this.snapshot.has(prop)) return this.snapshot.get(prop) as T;
    if (this.requested.has(prop)) throw new FakeExcelError('PropertyNotLoaded', `'${prop}' was loaded, but context.sync() has not been called since.`);
    throw new FakeExcelError('PropertyNotLoaded', `The property '${prop}' is not available. Call load() and context.sync() before reading it.`);
  }
}

/** A collection: `load('items/a, items/b/c')` creates its items at the sync, with those paths loaded. */
export abstract class FakeCollection<T extends FakeObject> extends FakeObject {
  protected abstract createItems(): T[];

  get items(): T[] {
    return this.loaded('items');
  }

  protected current(): unknown {
    return undefined;
  }

  override load(spec: string | string[] = []): this {
    const itemPaths = paths(spec).filter(([head, ...rest]) => head === 'items' && rest.length).map(([, ...rest]) => rest);
    this.markRequested('items');
    this.ctx.queueLoad(() => {
      const items = this.createItems();
      return joined([...items.flatMap((item) => itemPaths.map((p) => item.capture(p))), this.captured('items', items, 0)]);
    });
    return this;
  }
}

/** `workbook.protection` / `worksheet.protection`. */
export class FakeProtection extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly isProtected: () => boolean,
  ) {
    super(ctx);
  }
  protected current(prop: string): unknown {
    return prop === 'protected' ? this.isProtected() : undefined;
  }
  get protected(): boolean {
    return this.loaded('protected');
  }
}
