/**
 * Rows that carry their group's total on their own row, above the rows they add up (a nämnd's total on
 * its heading row, its verksamheter below; a portfolio's level-1 group over its level-2 groups). Nothing
 * in a label says so; the figures do: each row is tried as the total of the rows that follow it, nested.
 * Shared by the reader (a total typed above its rows is not data) and the audit (which checks them).
 */
import type Decimal from 'decimal.js';
import { Dec } from './decimal';

export interface FigureRow {
  values: Partial<Record<string, Decimal>>;
}

/** A total and the items it adds up (indexes into the list searched). */
export interface GroupTotal {
  total: number;
  kids: number[];
}

/** How well a row's figures are the sum of others: columns that fit, of those it has, and whether a non-zero one fits. */
export interface Fit {
  fit: number;
  of: number;
  nonZeroFit: boolean;
}

/** The ±tolerance of a printed sum of `n` printed (rounded) terms: ceil(n/2) units of the last decimal. */
export function sumTolerance(n: number, step: Decimal): Decimal {
  return step.times(Math.max(1, Math.ceil(n / 2)));
}

export function sumFit(rows: readonly FigureRow[], target: FigureRow, terms: number[], roles: readonly string[], step: Decimal): Fit {
  const sums = new RunningSums(roles);
  for (const i of terms) sums.add(rows[i]);
  return sums.fit(target, step);
}

/**
 * The column sums of a growing list of rows, so that trying a row as the total of 1, 2, … n rows
 * after it costs one addition a column per row added, not a sum of all n each time.
 */
export class RunningSums {
  private readonly totals: Decimal[];
  private terms = 0;

  constructor(private readonly roles: readonly string[]) {
    this.totals = roles.map(() => new Dec(0));
  }

  add(row: FigureRow): void {
    this.roles.forEach((role, c) => {
      this.totals[c] = this.totals[c].plus(row.values[role] ?? 0);
    });
    this.terms++;
  }

  /** How well `target` is the sum of the rows added so far (see `sumFit`). */
  fit(target: FigureRow, step: Decimal): Fit {
    let fit = 0;
    let of = 0;
    let nonZeroFit = false;
    const tol = sumTolerance(this.terms, step);
    this.roles.forEach((role, c) => {
      const t = target.values[role];
      if (t === undefined) return;
      of++;
      if (this.totals[c].minus(t).abs().lte(tol)) {
        fit++;
        if (!t.isZero()) nonZeroFit = true;
      }
    });
    return { fit, of, nonZeroFit };
  }
}

/**
 * Every column but one fits (and more than half), one of them not zero: a total with perhaps one wrong
 * figure (the audit). Small rounded figures fit a sum by chance in a column or two, never in all.
 */
export const ALMOST: (f: Fit) => boolean = (f) => f.nonZeroFit && f.fit >= f.of - 1 && f.fit * 2 > f.of;
/** Every column fits, one of them not zero: a total beyond doubt (the reader drops it from the data). */
export const EVERY: (f: Fit) => boolean = (f) => f.nonZeroFit && f.fit === f.of && f.of > 0;

interface Parsed {
  next: number;
  kids?: number[];
}

/**
 * Reads `items` (indexes into `rows`) as leaves and group totals: a total is the first row whose
 * figures the rows after it add up to (`accepts`), with at least `minKids` of them. Returns the
 * top-level units and the groups.
 */
export function parseGroupTotals(rows: readonly FigureRow[], items: number[], roles: readonly string[], step: Decimal, accepts: (f: Fit) => boolean, minKids = 1): { top: number[]; groups: GroupTotal[] } {
  const memo = new Map<number, Parsed>();
  const unit = (i: number): Parsed => {
    const known = memo.get(i);
    if (known) return known;
    let result: Parsed = { next: i + 1 };
    const kids: number[] = [];
    const sums = new RunningSums(roles);
    for (let k = i + 1; k < items.length; ) {
      kids.push(k);
      sums.add(rows[items[k]]);
      k = unit(k).next;
      if (kids.length >= minKids && accepts(sums.fit(rows[items[i]], step))) {
        result = { next: k, kids: [...kids] };
        break;
      }
    }
    memo.set(i, result);
    return result;
  };
  const top: number[] = [];
  const groups: GroupTotal[] = [];
  const collect = (i: number) => {
    const u = unit(i);
    if (u.kids) {
      groups.push({ total: items[i], kids: u.kids.map((k) => items[k]) });
      for (const k of u.kids) collect(k);
    }
  };
  for (let i = 0; i < items.length; i = unit(i).next) {
    top.push(items[i]);
    collect(i);
  }
  return { top, groups };
}

/**
 * Where a breakdown ends (`structure.ts`): the fewest of the items that add up to the line above them in
 * at least half of the columns where the line has a figure (a wrong figure among them leaves the others).
 */
export function breakdownExtentOf(rows: readonly FigureRow[], roles: readonly string[], step: Decimal): (parent: number, items: number[]) => number | undefined {
  return (parent, items) => {
    const target = rows[parent];
    const cols = roles.filter((r) => target.values[r] !== undefined && !target.values[r]!.isZero());
    if (cols.length === 0) return undefined;
    const sums = new RunningSums(cols);
    for (let n = 1; n <= items.length; n++) {
      sums.add(rows[items[n - 1]]);
      const f = sums.fit(target, step);
      if (f.nonZeroFit && f.fit * 2 >= cols.length) return n;
    }
    return undefined;
  };
}
