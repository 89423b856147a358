/**
 * The independent checker of the real-world corpus: evaluates every relation of a table on its
 * printed figures with exact decimals and interval arithmetic. A printed figure with d decimals stands
 * for [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ]; a relation holds when the interval of its left cell meets the interval
 * of its right-hand side. For a deviation that is "±1 in the last digit", for a sum of n rows
 * "±⌈n/2⌉", and for a percentage whatever its rounded operands allow.
 * Never imports from `src/`: it is the ground truth the audit is measured against.
 */
import Decimal from 'decimal.js';
import { printedAt, readPrinted } from './printed';
import { expandRelations, type Expr, type RelationInstance } from './relations';
import type { PrintedCell, RealTable } from './types';

export interface Interval {
  lo: Decimal;
  hi: Decimal;
}

export interface RelationResult {
  instance: RelationInstance;
  holds: boolean;
  /** The left cell's printed value. */
  printed: Decimal;
  /** The right-hand side computed from the printed figures as printed (no rounding slack). */
  computed: Decimal;
}

const HALF = new Decimal('0.5');
const UNBOUNDED: Interval = { lo: new Decimal(-Infinity), hi: new Decimal(Infinity) };

/** The interval a printed cell stands for. */
export function cellInterval(printed: PrintedCell[][], address: string): Interval {
  const v = readPrinted(printedAt(printed, address));
  if (v.kind === 'empty' || v.kind === 'dash') return { lo: new Decimal(0), hi: new Decimal(0) };
  if (v.kind === 'text') throw new Error(`Cell ${address} är text ('${v.text}') men ingår i en relation`);
  const half = HALF.times(new Decimal(10).pow(-v.decimals));
  return { lo: v.value.minus(half), hi: v.value.plus(half) };
}

function addresses(from: string, to: string): string[] {
  const a = /^([A-Z]+)(\d+)$/.exec(from)!;
  const b = /^([A-Z]+)(\d+)$/.exec(to)!;
  if (a[1] !== b[1]) throw new Error(`SUM över flera kolumner stöds inte: ${from}:${to}`);
  const out: string[] = [];
  for (let r = Number(a[2]); r <= Number(b[2]); r++) out.push(`${a[1]}${r}`);
  return out;
}

function add(x: Interval, y: Interval): Interval {
  return { lo: x.lo.plus(y.lo), hi: x.hi.plus(y.hi) };
}

/** part / whole × 100 (or part / |whole| × 100); unbounded when whole may be 0. */
function quotient(part: Interval, whole: Interval, signed: boolean): Interval {
  if (whole.lo.lte(0) && whole.hi.gte(0)) return UNBOUNDED;
  const d = signed || whole.lo.gt(0) ? whole : { lo: whole.hi.neg(), hi: whole.lo.neg() };
  const c = [part.lo.div(d.lo), part.lo.div(d.hi), part.hi.div(d.lo), part.hi.div(d.hi)].map((q) => q.times(100));
  return { lo: Decimal.min(...c), hi: Decimal.max(...c) };
}

/** A printed cell as an exact point (its printed value, no rounding slack). */
function cellPoint(printed: PrintedCell[][], address: string): Interval {
  const i = cellInterval(printed, address);
  const mid = i.lo.plus(i.hi).div(2);
  return { lo: mid, hi: mid };
}

type CellReader = (printed: PrintedCell[][], address: string) => Interval;

/** The interval of an expression over the printed figures (each standing for its rounding interval). */
export function evaluate(printed: PrintedCell[][], e: Expr, cell: CellReader = cellInterval): Interval {
  const ev = (x: Expr): Interval => evaluate(printed, x, cell);
  switch (e.op) {
    case 'cell':
      return cell(printed, e.address);
    case 'const':
      return { lo: new Decimal(e.value), hi: new Decimal(e.value) };
    case 'sum':
      return addresses(e.from, e.to).map((a) => cell(printed, a)).reduce(add);
    case 'pct':
      return quotient(ev(e.part), ev(e.whole), e.signed);
    case 'neg': {
      const x = ev(e.arg);
      return { lo: x.hi.neg(), hi: x.lo.neg() };
    }
    case 'add':
      return e.args.map(ev).reduce(add);
    case 'scale': {
      const x = ev(e.arg);
      const k = new Decimal(e.times);
      const [a, b] = e.divide ? [x.lo.div(k), x.hi.div(k)] : [x.lo.times(k), x.hi.times(k)];
      return { lo: Decimal.min(a, b), hi: Decimal.max(a, b) };
    }
  }
}

/** Checks one relation instance on a printed grid. */
export function checkInstance(printed: PrintedCell[][], instance: RelationInstance): RelationResult {
  const left = cellInterval(printed, instance.lhs);
  const right = evaluate(printed, instance.rhs);
  const holds = left.lo.lte(right.hi) && right.lo.lte(left.hi);
  return { instance, holds, printed: cellPoint(printed, instance.lhs).lo, computed: evaluate(printed, instance.rhs, cellPoint).lo };
}

/** Checks every relation of a table. */
export function checkTable(table: RealTable): RelationResult[] {
  return expandRelations(table.relations ?? []).map((i) => checkInstance(table.printed, i));
}

/** The instances that fail, by their text. */
export function failingRelations(table: RealTable): string[] {
  return checkTable(table)
    .filter((r) => !r.holds)
    .map((r) => r.instance.text);
}
