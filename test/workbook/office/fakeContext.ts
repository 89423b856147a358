/**
 * The fake Excel's request context and the base of its proxies (see fakeExcel.ts): loads and changes
 * are queued on the context, and `sync()` runs them in order against the FakeState, measuring sizes.
 *
 * Sizes are measured as office.js sends them (its `ClientRequestBase` builds one JSON body of actions
 * and object paths, and that JSON travels as a string inside the host message): each change is an
 * action `{"Id","ActionType","Name","ObjectPathId","ArgumentInfo":{"Arguments":[…]}}` plus the object
 * path it acts on, each load an action with its query, each loaded value its JSON; all counted in their
 * JSON-string form (every `"` and `\` escaped once more), in UTF-8 bytes.
 */
import { FakeExcelError, type FakeState } from './fakeModel';
import type { FakeWorkbook } from './fakeWorkbook';

export const PAYLOAD_LIMIT = 5_000_000;
/** Request bytes of one load: a query action and its object path, as sent. */
const LOAD_BYTES = 200;
/** The body's own frame: `{"AutoKeepReference":false,"Actions":[…],"ObjectPaths":{…}}` as a string. */
const BODY_BYTES = 70;

/** A value as it travels: its JSON inside a JSON string, in UTF-8 bytes (without the string's own quotes). */
export const wire = (value: unknown): number => Buffer.byteLength(JSON.stringify(JSON.stringify(value) ?? '')) - 2;

/** How an object was reached: the method or property and its arguments (`getRangeByIndexes`, `[3, 4, 10, 1]`). */
export interface PathInfo {
  name: string;
  args?: unknown[];
}

/** A change as office.js names it: the property set or method called, on which object. */
export interface Call {
  name?: string;
  path?: PathInfo;
  /** `Range.formulas`, as Excel's `debugInfo.errorLocation` names a failing member. */
  location?: string;
}

export interface SyncRecord {
  request: number;
  response: number;
  /** Loads and operations (property sets, method calls) the sync carried. */
  actions: number;
  /** The error code, when the sync failed. */
  failed?: string;
  /** Excel's `debugInfo.errorLocation` of a failed sync. */
  location?: string;
}

export interface Capture {
  bytes: number;
  commit(): void;
}

export const joined = (parts: Capture[]): Capture => ({ bytes: parts.reduce((n, p) => n + p.bytes, 0), commit: () => parts.forEach((p) => p.commit()) });

export class FakeContext {
  readonly workbook: FakeWorkbook;
  private queue: { request: number; location?: string; run(): Capture | undefined }[] = [];
  private open = true;
  private ids = 0;

  constructor(
    readonly state: FakeState,
    private readonly syncs: SyncRecord[],
    workbook: (context: FakeContext) => FakeWorkbook,
    /** `Excel.run({ delayForCellEdit: true }, …)`: a sync waits while the user edits a cell. */
    private readonly delayForCellEdit = false,
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
  operation(args: unknown, apply: () => void, call: Call = {}): void {
    this.assertOpen();
    const pathId = ++this.ids;
    const id = ++this.ids;
    const path = { Id: pathId, ObjectPathType: 3, Name: call.path?.name ?? '', ParentObjectPathId: pathId - 1, ArgumentInfo: { Arguments: call.path?.args ?? [] } };
    const action = { Id: id, ActionType: 4, Name: call.name ?? '', ObjectPathId: pathId, ArgumentInfo: { Arguments: [args] } };
    this.queue.push({ request: wire(path) + wire(action) + 2, location: call.location, run: () => void apply() });
  }

  queueLoad(capture: () => Capture): void {
    this.assertOpen();
    this.queue.push({ request: LOAD_BYTES, run: capture });
  }

  async sync(): Promise<void> {
    this.assertOpen();
    const queue = this.queue;
    this.queue = [];
    const record: SyncRecord = { request: BODY_BYTES + queue.reduce((n, q) => n + q.request, 0), response: 0, actions: queue.length };
    this.syncs.push(record);
    await Promise.resolve();
    let location: string | undefined;
    const fail = (error: unknown): never => {
      const e = error instanceof FakeExcelError ? error : new FakeExcelError('GeneralException', String(error));
      e.debugInfo ??= { errorLocation: location ?? '' };
      record.failed = e.code;
      record.location = e.debugInfo.errorLocation;
      throw e;
    };
    if (this.state.cellEditing) {
      if (!this.delayForCellEdit || !this.state.honoursDelayForCellEdit) fail(new FakeExcelError('InvalidOperationInCellEditMode', 'The operation is not available while Excel is in Edit cell mode.'));
      await this.state.cellEditEnded();
    }
    if (record.request > this.state.payloadLimit) fail(new FakeExcelError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${record.request} bytes).`));
    if (record.request > this.state.generalExceptionAbove) fail(new FakeExcelError('GeneralException', `There was an internal error while processing the request (${record.request} bytes).`));
    const captures: Capture[] = [];
    let changed = false;
    try {
      for (const item of queue) {
        location = item.location;
        const captured = item.run();
        if (captured) captures.push(captured);
        else changed = true;
      }
    } catch (e) {
      fail(e);
    } finally {
      if (changed && this.state.calculationMode !== 'Manual') this.state.recalculate();
    }
    record.response = captures.reduce((n, c) => n + c.bytes, 0);
    if (record.response > this.state.payloadLimit) fail(new FakeExcelError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${record.response} bytes).`));
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
    return this.captured(prop, value, wire(value));
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

  /** `items/…` reached through an object (`worksheets.load('items/charts/items/name')`): the items now, with their paths. */
  override capture(path: string[]): Capture {
    const [head, ...rest] = path;
    if (head !== 'items') return super.capture(path);
    const items = this.createItems();
    return joined([...(rest.length ? items.map((item) => item.capture(rest)) : []), this.captured('items', items, 0)]);
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
