/**
 * The amounts of a source table's rows in columns of öre instead of a Decimal per cell.
 *
 * A sheet of 100 000 rows read into a Decimal per amount (and again, signed, per cost row) keeps about
 * 1.2 KB a row. Here each amount role is one Float64Array of öre (8 bytes a row): every value that is a
 * whole number of öre below 1e11 kronor (`oreOfDecimal`) is held exactly as an integer; anything else
 * (more decimals, a periodized budget's repeating decimals, huge values) is kept as its Decimal in a
 * sparse map. A row's amounts are read through a `Partial<Record<AmountRole, Decimal>>` that is a view
 * (a Proxy over the row's index): reading a role makes the Decimal `decFromOre` gives, the very value
 * that was stored; keys, entries and spreading behave as on the plain object they stand for. Views are
 * read-only: the table is made once.
 *
 * Hot paths need no Decimal: `oreOfSheetRow` gives a role's öre directly, and `addViewInto` adds a row into
 * `DecimalSum`s. Three views share one store: the row as parsed, as in the sheet (with a derived
 * period budget), and signed (negated where the row's type and the convention say so, as `toSigned`).
 */
import type Decimal from 'decimal.js';
import { decFromOre, negatedSharing, ZERO } from './decimal';
import { DecimalSum, oreOfDecimal } from './decimalSum';
import { AMOUNT_ROLES, type AmountRole } from './types';

type Amounts = Partial<Record<AmountRole, Decimal>>;

/** Marks a cell not set (NaN) and a cell kept as a Decimal (Infinity); every other value is öre. */
const UNSET = Number.NaN;
const IN_REST = Number.POSITIVE_INFINITY;
/** Marks a derived period budget that is made again from the annual budget when read. */
const REMADE = Number.NEGATIVE_INFINITY;

/** Which amounts a view shows: as parsed, with the derived period budget, or that signed. */
export type ViewKind = 'parsed' | 'sheet' | 'signed';

const ROLE_INDEX = new Map<string, number>(AMOUNT_ROLES.map((r, i) => [r, i]));
/** The derived period budget is a column of its own, after the roles. */
const DERIVED = AMOUNT_ROLES.length;
const BUDGET_PERIOD = ROLE_INDEX.get('budgetPeriod') as number;
const BUDGET_HELAR = ROLE_INDEX.get('budgetHelar') as number;

export class AmountStore {
  private readonly ore: Float64Array[] = [];
  private readonly rest: Map<number, Decimal>[] = [];
  private negate: Uint8Array;
  private size = 0;
  readonly views: Record<ViewKind, ViewHandler>;

  constructor(private capacity: number) {
    this.capacity = Math.max(1, capacity);
    this.negate = new Uint8Array(this.capacity);
    this.views = { parsed: new ViewHandler(this, 'parsed'), sheet: new ViewHandler(this, 'sheet'), signed: new ViewHandler(this, 'signed') };
  }

  /** A new row; its index. */
  addRow(): number {
    if (this.size === this.capacity) this.grow(this.capacity * 2);
    return this.size++;
  }

  /** Sets role column `c` (a role's index in AMOUNT_ROLES, or DERIVED) of row `i`. */
  setColumn(c: number, i: number, d: Decimal): void {
    const col = this.column(c);
    const k = oreOfDecimal(d);
    if (k !== undefined) col[i] = k === 0 ? 0 : k;
    else {
      col[i] = IN_REST;
      (this.rest[c] ??= new Map()).set(i, d);
    }
  }

  /** Sets `role` of row `i` to `k` öre: an integer below 1e13 in size (what `oreOfDecimal` would give). */
  setOre(role: AmountRole, i: number, k: number): void {
    this.column(ROLE_INDEX.get(role) as number)[i] = k === 0 ? 0 : k;
  }

  set(role: AmountRole, i: number, d: Decimal): void {
    this.setColumn(ROLE_INDEX.get(role) as number, i, d);
  }

  private remake?: (budgetHelar: Decimal) => Decimal;

  /**
   * How every derived period budget of the table is made from the row's annual budget (one period,
   * one profile): a derived budget that is not whole öre (a repeating decimal of 40 digits, some 200
   * bytes as a Decimal) is then not kept but made again when read.
   */
  remakeDerivedWith(remake: (budgetHelar: Decimal) => Decimal): void {
    this.remake = remake;
  }

  /** The derived period budget of row `i`, `d`: `remake` of its annual budget when that is given. */
  setDerivedPeriod(i: number, d: Decimal): void {
    if (this.remake && oreOfDecimal(d) === undefined && this.raw(BUDGET_HELAR, i) === this.raw(BUDGET_HELAR, i)) this.column(DERIVED)[i] = REMADE;
    else this.setColumn(DERIVED, i, d);
  }

  /** Row `i`'s signed amounts are its amounts negated (a cost row in the unsigned convention, every row of a ledger). */
  setNegated(i: number): void {
    this.negate[i] = 1;
  }

  isNegated(i: number): boolean {
    return this.negate[i] === 1;
  }

  /** The column a view reads for `c`: the derived period budget stands in for a budget period never set. */
  cellColumn(c: number, i: number, kind: ViewKind): number {
    if (c === BUDGET_PERIOD && kind !== 'parsed' && this.raw(c, i) !== this.raw(c, i)) return DERIVED;
    return c;
  }

  /** Öre of column `c`, row `i`: NaN when not set, Infinity when kept as a Decimal. */
  raw(c: number, i: number): number {
    const col = this.ore[c];
    return col === undefined ? UNSET : col[i];
  }

  decimal(c: number, i: number): Decimal | undefined {
    const k = this.raw(c, i);
    if (k !== k) return undefined;
    if (k === IN_REST) return this.rest[c]?.get(i);
    if (k === REMADE) return (this.remake as (d: Decimal) => Decimal)(this.decimal(BUDGET_HELAR, i) as Decimal);
    return k === 0 ? ZERO : decFromOre(k);
  }

  private column(c: number): Float64Array {
    let col = this.ore[c];
    if (!col) this.ore[c] = col = new Float64Array(this.capacity).fill(UNSET);
    return col;
  }

  private grow(capacity: number): void {
    for (let c = 0; c < this.ore.length; c++) {
      const old = this.ore[c];
      if (!old) continue;
      const col = new Float64Array(capacity).fill(UNSET);
      col.set(old);
      this.ore[c] = col;
    }
    const negate = new Uint8Array(capacity);
    negate.set(this.negate);
    this.negate = negate;
    this.capacity = capacity;
  }
}

/** What a view's Proxy stands over: the row's index in its store (one small object shared by its views). */
export interface RowRef {
  readonly i: number;
  readonly store: AmountStore;
}

const VIEW = Symbol('amount view');
const INDEX = Symbol('amount row');

/** The Proxy handler of one kind of view over one store. */
class ViewHandler implements ProxyHandler<RowRef> {
  constructor(
    readonly store: AmountStore,
    readonly kind: ViewKind,
  ) {}

  /** The value of role column `c` in this view, or undefined when the row has none. */
  valueAt(c: number, i: number): Decimal | undefined {
    const d = this.store.decimal(this.store.cellColumn(c, i, this.kind), i);
    return d && this.kind === 'signed' && this.store.isNegated(i) ? negatedSharing(d) : d;
  }

  /** Öre of role column `c` in this view: undefined when unset or not whole öre. */
  oreAt(c: number, i: number): number | undefined {
    const k = this.store.raw(this.store.cellColumn(c, i, this.kind), i);
    if (k !== k || k === IN_REST || k === REMADE) return undefined;
    return this.kind === 'signed' && this.store.isNegated(i) ? 0 - k : k; // 0 - 0 is +0: no -0 öre
  }

  get(t: RowRef, prop: string | symbol): unknown {
    if (prop === VIEW) return this;
    if (prop === INDEX) return t.i;
    const c = typeof prop === 'string' ? ROLE_INDEX.get(prop) : undefined;
    if (c !== undefined) return this.valueAt(c, t.i);
    return (Object.prototype as unknown as Record<string | symbol, unknown>)[prop];
  }

  has(t: RowRef, prop: string | symbol): boolean {
    const c = typeof prop === 'string' ? ROLE_INDEX.get(prop) : undefined;
    if (c !== undefined) return this.valueAt(c, t.i) !== undefined;
    return prop in Object.prototype;
  }

  ownKeys(t: RowRef): string[] {
    return AMOUNT_ROLES.filter((r, c) => this.store.raw(this.store.cellColumn(c, t.i, this.kind), t.i) === this.store.raw(this.store.cellColumn(c, t.i, this.kind), t.i));
  }

  getOwnPropertyDescriptor(t: RowRef, prop: string | symbol): PropertyDescriptor | undefined {
    const c = typeof prop === 'string' ? ROLE_INDEX.get(prop) : undefined;
    const value = c === undefined ? undefined : this.valueAt(c, t.i);
    return value === undefined ? undefined : { value, writable: false, enumerable: true, configurable: true };
  }

  set(): boolean {
    return false; // a table's amounts are made once (a TypeError in strict code)
  }

  defineProperty(): boolean {
    return false;
  }

  deleteProperty(): boolean {
    return false;
  }

  preventExtensions(): boolean {
    return false; // freezing would have to make the roles the target's own: refused instead
  }
}

/** The three views of row `i` of `store`, over one shared reference. */
export function viewsOf(store: AmountStore, i: number): Record<ViewKind, Amounts> & { ref: RowRef } {
  const ref: RowRef = { i, store };
  return { ref, parsed: viewOf(ref, 'parsed'), sheet: viewOf(ref, 'sheet'), signed: viewOf(ref, 'signed') };
}

/** A view of one kind over a row's reference (views of one row share it). */
export function viewOf(ref: RowRef, kind: ViewKind): Amounts {
  return new Proxy(ref, ref.store.views[kind]) as Amounts;
}

/**
 * A row (SheetRow, SourceRow) whose amounts are views carries their reference under a symbol key
 * (`{ ...row, [ROW_REF]: ref }`: one more slot in the object), so hot loops read öre without going
 * through a Proxy. Nothing that compares or prints rows looks at symbol keys but jest's `toEqual`.
 * A copy of such a row that replaces its amounts (`{ ...row, amounts }`) must leave the key out.
 */
export const ROW_REF = Symbol('row amounts');
export interface LinkedRow {
  [ROW_REF]?: RowRef;
}

/** The handler and index of a view, from a linked row (fast) or from the view itself; undefined for plain amounts. */
function viewAt(row: LinkedRow | undefined, kind: ViewKind, amounts: Amounts): { handler: ViewHandler; i: number } | undefined {
  const ref = row?.[ROW_REF];
  if (ref) return { handler: ref.store.views[kind], i: ref.i };
  const handler = (amounts as Record<symbol, ViewHandler | undefined>)[VIEW];
  return handler ? { handler, i: (amounts as Record<symbol, number>)[INDEX] } : undefined;
}

/**
 * Öre of `role` in a sheet row's `raw` when it is a view holding it as whole öre; undefined otherwise
 * (then read the Decimal).
 */
export function oreOfSheetRow(row: LinkedRow & { raw: Amounts }, role: AmountRole): number | undefined {
  const at = viewAt(row, 'sheet', row.raw);
  return at ? at.handler.oreAt(ROLE_INDEX.get(role) as number, at.i) : undefined;
}

/**
 * Adds every amount of `amounts` into `sums` (a DecimalSum per role, made in order of first
 * appearance), without a Decimal for whole öre when it is a view. False when it is a plain object.
 * `row`: the source row whose signed amounts they are, when there is one (read fastest).
 */
export function addViewInto(sums: Map<AmountRole, DecimalSum>, amounts: Amounts, row?: LinkedRow): boolean {
  const at = viewAt(row, 'signed', amounts);
  if (!at) return false;
  const { handler: h, i } = at;
  for (let c = 0; c < AMOUNT_ROLES.length; c++) {
    const k = h.oreAt(c, i);
    const d = k === undefined ? h.valueAt(c, i) : undefined;
    if (k === undefined && d === undefined) continue;
    const role = AMOUNT_ROLES[c];
    let s = sums.get(role);
    if (!s) sums.set(role, (s = new DecimalSum()));
    if (k !== undefined) s.addOre(k);
    else s.add(d as Decimal);
  }
  return true;
}

/**
 * The sign of the first non-zero amount of `order` in a view (0 when all are zero or absent), read from
 * öre where it can; undefined when `amounts` is a plain object.
 */
export function firstSignOfView(amounts: Amounts, order: readonly AmountRole[]): -1 | 0 | 1 | undefined {
  const at = viewAt(undefined, 'sheet', amounts);
  return at ? firstSign(at.handler, at.i, order) : undefined;
}

/** `firstSignOfView` of the parsed view of a row, read through its reference (no view made for it). */
export function firstSignOfParsed(ref: RowRef, order: readonly AmountRole[]): -1 | 0 | 1 {
  return firstSign(ref.store.views.parsed, ref.i, order);
}

function firstSign(handler: ViewHandler, i: number, order: readonly AmountRole[]): -1 | 0 | 1 {
  for (const role of order) {
    const c = ROLE_INDEX.get(role) as number;
    const k = handler.oreAt(c, i);
    if (k !== undefined && k !== 0) return k < 0 ? -1 : 1;
    if (k === undefined) {
      const d = handler.valueAt(c, i);
      if (d && !d.isZero()) return d.isNegative() ? -1 : 1;
    }
  }
  return 0;
}
