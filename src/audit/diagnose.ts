/**
 * Finds the cells that are wrong, not only the rules that fail.
 *
 * Every failing rule has at least one wrong cell. Candidates are tried, and one is accepted only when
 * it makes failing rules hold and breaks none that held:
 *
 * - one cell with another value (the value each failing rule asks of it). The value may also carry
 *   over: to the row's own avvikelse (a budget typed wrong and its avvikelse computed from it), and up
 *   into the sums that were added from it (a flipped avvikelse that was summed as printed);
 * - a row missing from a sum (the difference equals the row's figure, in every column that fails),
 *   or counted twice.
 *
 * The candidate that explains the most failing rules wins; on a tie a missing row, then a flipped
 * sign, then a typo-like value (`88 130` for `88 310`, one digit wrong), then a row rather than a sum,
 * then the fewest changed cells. So a sum that agrees with its own budget and prognos but not with its
 * rows points at the row that is wrong. When equal candidates point at different cells, the rule they
 * all fix is reported once at its own cell, naming the suspects; when none fits, each failing rule is
 * reported at its own cell (the avvikelse, the sum, the period budget) with what it should say.
 * Accepted corrections are applied and the search repeats until every rule holds. A candidate whose
 * rules no better candidate touches is accepted in the same round, so independent errors in a long
 * sheet do not take a round each.
 */
import type Decimal from 'decimal.js';
import { Dec } from '../core/decimal';
import { roundHalfAwayFromZero } from '../core/money';
import { explainAmbiguous, explainCandidate, explainNatural, explainRounding } from './explain';
import { DiagnosisState, type Changes } from './state';
import type { CellKey, Constraint, FindingKind, TableModel } from './types';
import { cellKeyOf, parseCellKey } from './types';
import { plausibleWinner } from './plausible';
import { typoHint } from './words';
import type { Cells } from './constraints';

export interface Draft {
  key: CellKey;
  found: Decimal;
  expected: Decimal;
  kind: FindingKind;
  message: string;
}

export interface Missing {
  sumLine: number;
  termLine: number;
  twice: boolean;
  /** The sum cells that change. */
  keys: CellKey[];
}

export interface Candidate {
  root: CellKey;
  changes: Changes;
  fixed: Constraint[];
  /** Every rule the changes touch. */
  touched: Set<Constraint>;
  missing?: Missing;
  priority: number;
  rootIsSum: boolean;
  /** Why this one of several equal explanations (`nära radens andra år`). */
  hint?: string;
}

/** Sums with more rows than this get no one-cell candidates among their rows (only the sum and a missing row). */
const MAX_TERM_CANDIDATES = 200;
/** Rounds before whatever still fails is reported where it stands. */
const MAX_ROUNDS = 200;

type Mode = 'none' | 'dev' | 'full';

/** The base changes plus what carries over through rules that held before (deviations, then sums). */
function closure(st: DiagnosisState, base: Changes, mode: Mode): Changes {
  const changes = new Map(base);
  if (mode === 'none') return changes;
  const queue = [...base.keys()];
  while (queue.length > 0) {
    const key = queue.shift() as CellKey;
    for (const c of st.byCell.get(key) ?? []) {
      if (st.violated.has(c.id) || st.settled.has(c.id) || c.kind === 'period' || (c.kind === 'sum' && mode !== 'full')) continue;
      const owner = c.terms[0].key;
      if (owner === key) {
        // a sum of one figure (the others empty) is that figure carried: a change of the sum is a change of it
        const copy = mode === 'full' && c.kind === 'sum' ? onlyTerm(st, c, changes) : undefined;
        if (!copy) continue;
        const drift = st.residual(c, changes).minus(st.residual(c));
        if (drift.isZero()) continue;
        changes.set(copy.key, st.value(copy.key).minus(drift.div(copy.coef)));
        queue.push(copy.key);
        continue;
      }
      if (changes.has(owner)) continue;
      const drift = st.residual(c, changes).minus(st.residual(c));
      if (drift.isZero()) continue;
      changes.set(owner, st.value(owner).minus(drift));
      queue.push(owner);
    }
  }
  return changes;
}

/** The one term of a sum rule that holds a figure (the others empty or 0), not yet changed; else undefined. */
function onlyTerm(st: DiagnosisState, c: Constraint, changes: Changes): Constraint['terms'][number] | undefined {
  const filled = c.terms.slice(1).filter((t) => !st.value(t.key).isZero());
  return filled.length === 1 && !changes.has(filled[0].key) ? filled[0] : undefined;
}

/** Rules fixed by the changes, or undefined when they break a rule that held. */
function score(st: DiagnosisState, changes: Changes): { fixed: Constraint[]; touched: Set<Constraint> } | undefined {
  const touched = st.affected(changes.keys());
  const fixed: Constraint[] = [];
  for (const c of touched) {
    if (st.settled.has(c.id)) continue;
    const ok = st.holds(c, changes);
    if (st.violated.has(c.id) && ok) fixed.push(c);
    else if (!st.violated.has(c.id) && !ok) return undefined;
  }
  return fixed.length > 0 ? { fixed, touched } : undefined;
}

/** The best way (no carry-over, into deviations, into sums too) to apply the base changes. */
function evaluate(st: DiagnosisState, base: Changes): { changes: Changes; fixed: Constraint[]; touched: Set<Constraint> } | undefined {
  let best: { changes: Changes; fixed: Constraint[]; touched: Set<Constraint> } | undefined;
  for (const mode of ['none', 'dev', 'full'] as Mode[]) {
    const changes = closure(st, base, mode);
    const result = score(st, changes);
    if (result && (!best || result.fixed.length > best.fixed.length)) best = { changes, ...result };
  }
  return best;
}

/** The figure with its sign turned when that is what the rule asks for (within rounding), else `v`. */
function signFlipOr(x: Decimal, v: Decimal, tol: Decimal): Decimal {
  return !x.isZero() && v.plus(x).abs().lte(tol) ? x.negated() : v;
}

function cellCandidates(st: DiagnosisState, table: TableModel, c: Constraint, seen: Set<string>, out: Candidate[]): void {
  const r = st.residual(c);
  // a period rule blames the period budget, never the annual one; a long sum only itself
  const terms = c.kind === 'period' || (c.kind === 'sum' && c.terms.length > MAX_TERM_CANDIDATES) ? c.terms.slice(0, 1) : c.terms;
  for (const t of terms) {
    if (t.coef.isZero()) continue;
    const x = st.value(t.key);
    const v = signFlipOr(x, roundHalfAwayFromZero(x.minus(r.div(t.coef)), table.decimals), c.tol);
    const id = `${t.key}=${v.toString()}`;
    if (v.eq(x) || seen.has(id)) continue;
    seen.add(id);
    const result = evaluate(st, new Map([[t.key, v]]));
    if (!result) continue;
    const hint = typoHint(x, v, table.decimals);
    const priority = hint === 'tecknet är omvänt' ? 2 : hint ? 1 : 0;
    out.push({ root: t.key, ...result, priority, rootIsSum: table.lines[parseCellKey(t.key).line].kind === 'sum' });
  }
}

/** Does the difference of sum rule `c` equal the figure of `termKey`'s row (missing) or minus it (twice)? */
function matchesRow(st: DiagnosisState, c: Constraint, termKey: CellKey, twice: boolean): boolean {
  const coef = st.coef(c, termKey);
  if (!coef || termKey === c.terms[0].key) return false;
  const x = st.value(termKey);
  if (x.abs().lte(c.tol)) return false;
  const share = coef.times(x);
  const r = st.residual(c);
  return (twice ? r.plus(share) : r.minus(share)).abs().lte(c.tol);
}

function missingCandidates(st: DiagnosisState, table: TableModel, c: Constraint, sumRules: Map<number, Constraint[]>, seen: Set<string>, out: Candidate[]): void {
  const sumLine = c.sum?.line;
  if (sumLine === undefined) return;
  for (const t of c.terms.slice(1)) {
    const termLine = parseCellKey(t.key).line;
    for (const twice of [false, true]) {
      const id = `missing:${sumLine}:${termLine}:${twice}`;
      if (seen.has(id) || !matchesRow(st, c, t.key, twice)) continue;
      seen.add(id);
      const base: Changes = new Map();
      for (const other of sumRules.get(sumLine) ?? []) {
        if (!st.violated.has(other.id)) continue;
        const termKey = cellKeyOf(termLine, parseCellKey(other.terms[0].key).role);
        if (!matchesRow(st, other, termKey, twice)) continue;
        // the sum as typed plus (or minus) the row: keeps the sum's own rounding
        const share = (st.coef(other, termKey) as Decimal).times(st.value(termKey));
        const owner = other.terms[0].key;
        base.set(owner, twice ? st.value(owner).plus(share) : st.value(owner).minus(share));
      }
      const result = evaluate(st, base);
      if (!result) continue;
      const column = (k: CellKey) => table.columns[parseCellKey(k).role] ?? 0;
      const keys = [...base.keys()].sort((a, b) => column(a) - column(b));
      const root = cellKeyOf(termLine, parseCellKey(keys[0]).role);
      out.push({ root, ...result, missing: { sumLine, termLine, twice, keys }, priority: 3, rootIsSum: false });
    }
  }
}

function compare(a: Candidate, b: Candidate): number {
  return b.fixed.length - a.fixed.length || b.priority - a.priority || Number(a.rootIsSum) - Number(b.rootIsSum) || a.changes.size - b.changes.size;
}

function overlaps(a: Set<Constraint>, b: Set<Constraint>): boolean {
  for (const c of a) if (b.has(c)) return true;
  return false;
}

/** The rules of the lowest kind that fail (period budgets, then deviations, then sums). */
function lowestFailing(st: DiagnosisState): Constraint[] {
  for (const kind of ['period', 'dev', 'row', 'sum'] as Constraint['kind'][]) {
    const list = st.constraints.filter((c) => c.kind === kind && st.violated.has(c.id));
    if (list.length > 0) return list;
  }
  return [];
}

export function diagnose(table: TableModel, constraints: Constraint[], byCell: Map<CellKey, Constraint[]>, printed: Cells): { drafts: Draft[]; cells: Cells } {
  const st = new DiagnosisState(constraints, byCell, printed);
  const drafts: Draft[] = [];
  const reported = new Set<CellKey>();
  const sumRules = new Map<number, Constraint[]>();
  for (const c of constraints) if (c.sum) sumRules.set(c.sum.line, [...(sumRules.get(c.sum.line) ?? []), c]);
  /** Reports a rule at its own cell; a row's own figure is corrected, a sum is left as it stands. */
  const reportNatural = (c: Constraint) => {
    const owner = c.terms[0].key;
    const expected = signFlipOr(st.value(owner), roundHalfAwayFromZero(st.ownerExpected(c), table.decimals), c.kind === 'dev' ? c.tol : new Dec(0));
    if (!reported.has(owner)) drafts.push(explainNatural(table, c, st.cells, expected, byCell.get(owner) ?? []));
    reported.add(owner);
    st.settle(c);
    if (c.kind !== 'sum') st.apply(new Map([[owner, expected]]));
  };
  for (let round = 0; st.violated.size > 0; round++) {
    if (round >= MAX_ROUNDS) {
      for (const c of constraints) if (st.violated.has(c.id)) reportNatural(c);
      break;
    }
    const candidates: Candidate[] = [];
    const seen = new Set<string>();
    for (const c of constraints) {
      if (!st.violated.has(c.id)) continue;
      cellCandidates(st, table, c, seen, candidates);
      if (c.kind === 'sum') missingCandidates(st, table, c, sumRules, seen, candidates);
    }
    candidates.sort(compare);
    const accepted: Candidate[] = [];
    const blocked = new Set<Constraint>();
    for (const cand of candidates) {
      // a rule that fails and stays failing cannot be broken by another candidate: it does not bind
      const binding = new Set([...cand.touched].filter((c) => !st.violated.has(c.id) || cand.fixed.includes(c)));
      const free = !overlaps(binding, blocked);
      for (const c of binding) blocked.add(c);
      if (!free) continue;
      const fixed = new Set(cand.fixed);
      const rivals = candidates.filter((o) => o !== cand && o.root !== cand.root && compare(o, cand) === 0 && o.fixed.some((c) => fixed.has(c)));
      if (rivals.length > 0) {
        if (accepted.length > 0) continue;
        const tied = [cand, ...rivals];
        // one of them turns a figure far from its row's other year into one close to it: that one
        const likely = plausibleWinner(st, table, tied);
        if (likely) {
          accepted.push(likely);
          break;
        }
        // equal explanations point at different cells: say so once, at the rule they all fix
        const rules = [...new Set(tied.flatMap((x) => x.fixed))];
        const at = rules.find((c) => c.kind === 'sum') ?? rules[0];
        drafts.push(explainAmbiguous(table, at, st.cells, tied));
        reported.add(at.terms[0].key);
        for (const c of rules) st.settle(c);
        break;
      }
      accepted.push(cand);
    }
    for (const cand of accepted) {
      drafts.push(explainCandidate(table, cand, st.cells));
      reported.add(cand.root);
      st.apply(cand.changes);
    }
    if (accepted.length > 0 || candidates.length > 0) continue;
    // nothing explains the failing rules: report them at their own cells
    for (const c of lowestFailing(st)) reportNatural(c);
  }
  for (const c of constraints) {
    if (c.kind === 'period' || st.settled.has(c.id) || reported.has(c.terms[0].key)) continue;
    // a figure an error was carried into is not as printed: no rounding note on it
    const shown = printed.get(c.terms[0].key);
    if (shown && !st.value(c.terms[0].key).eq(shown)) continue;
    const r = st.residual(c);
    if (r.isZero() || r.abs().gt(c.tol)) continue;
    drafts.push(explainRounding(table, c, st.cells, r));
    reported.add(c.terms[0].key);
  }
  return { drafts, cells: st.cells };
}
