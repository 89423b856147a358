/**
 * Groups that carry their totals on their own row (a project portfolio: `Exploateringsprojekt` with the
 * total of `Genomförandeprojekt` and `Planeringsprojekt`, each the total of its areas). Nothing in the
 * label says so; the figures do. When a grand total does not equal the plain sum of the rows above it,
 * each row is tried as the total of the rows that follow it; the reading is kept only when it makes
 * the grand total add up.
 */
import type Decimal from 'decimal.js';
import { Dec } from '../core/decimal';
import { AMOUNT_COLUMNS, DEVIATION_COLUMNS } from './locate';
import type { Structure } from './structure';
import type { Line, SumDef, TableModel, ValueRole } from './types';

/** Beyond this many rows the search is not tried (it is quadratic). */
const MAX_ROWS = 500;

/** The ±tolerance of a printed sum of `n` printed (rounded) terms: ceil(n/2) units of the last decimal. */
export function sumTolerance(n: number, step: Decimal): Decimal {
  return step.times(Math.max(1, Math.ceil(n / 2)));
}

function fits(lines: Line[], target: Line, terms: number[], roles: ValueRole[], step: Decimal): { fit: number; of: number; nonZeroFit: boolean } {
  let fit = 0;
  let of = 0;
  let nonZeroFit = false;
  const tol = sumTolerance(terms.length, step);
  for (const role of roles) {
    const t = target.values[role];
    if (t === undefined) continue;
    of++;
    let total = new Dec(0);
    for (const i of terms) total = total.plus(lines[i].values[role] ?? 0);
    if (total.minus(t).abs().lte(tol)) {
      fit++;
      if (!t.isZero()) nonZeroFit = true;
    }
  }
  return { fit, of, nonZeroFit };
}

interface Parsed {
  next: number;
  kids?: number[];
}

/** Reads `items` (line indexes) as leaves and group totals; returns the top-level units and the groups. */
function parseGroups(lines: Line[], items: number[], roles: ValueRole[], step: Decimal): { top: number[]; groups: SumDef[] } {
  const memo = new Map<number, Parsed>();
  const unit = (i: number): Parsed => {
    const known = memo.get(i);
    if (known) return known;
    let result: Parsed = { next: i + 1 };
    const kids: number[] = [];
    for (let k = i + 1; k < items.length; ) {
      kids.push(k);
      k = unit(k).next;
      const f = fits(lines, lines[items[i]], kids.map((x) => items[x]), roles, step);
      if (f.nonZeroFit && f.fit * 2 > f.of) {
        result = { next: k, kids: [...kids] };
        break;
      }
    }
    memo.set(i, result);
    return result;
  };
  const top: number[] = [];
  const groups: SumDef[] = [];
  const collect = (i: number) => {
    const u = unit(i);
    if (u.kids) {
      groups.push({ line: items[i], kind: 'group', terms: u.kids.map((k) => items[k]) });
      for (const k of u.kids) collect(k);
    }
  };
  for (let i = 0; i < items.length; i = unit(i).next) {
    top.push(items[i]);
    collect(i);
  }
  return { top, groups };
}

/** Rewrites grand totals over rows that carry group totals; marks those rows as sums. */
export function inferGroupTotals(table: TableModel, structure: Structure): void {
  const { lines, step } = table;
  const roles = [...AMOUNT_COLUMNS, ...DEVIATION_COLUMNS].filter((r) => table.columns[r] !== undefined);
  const added: SumDef[] = [];
  for (const sum of structure.sums) {
    if (sum.kind !== 'total' && sum.kind !== 'net') continue;
    if (sum.terms.length < 2 || sum.terms.length > MAX_ROWS) continue;
    if (sum.terms.some((t) => lines[t].kind !== 'item' || (sum.kind === 'net' && lines[t].type === 'revenue'))) continue;
    const flat = fits(lines, lines[sum.line], sum.terms, roles, step);
    if (flat.fit * 2 > flat.of) continue;
    const { top, groups } = parseGroups(lines, sum.terms, roles, step);
    if (groups.length === 0) continue;
    const nested = fits(lines, lines[sum.line], top, roles, step);
    if (nested.fit <= flat.fit || nested.fit * 2 <= nested.of) continue;
    sum.terms = top;
    for (const g of groups) {
      const line = lines[g.line];
      line.kind = 'sum';
      line.sumKind = 'group';
      added.push(g);
    }
  }
  structure.sums.push(...added);
}
