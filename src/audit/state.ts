/**
 * The working figures of a diagnosis and the residual of every rule, kept up to date as corrections
 * are applied, so that trying a candidate costs only the rules its cells take part in (a sum over
 * thousands of rows is not added up again for every candidate).
 */
import type Decimal from 'decimal.js';
import { Dec } from '../core/decimal';
import { residual, type Cells } from './constraints';
import type { CellKey, Constraint } from './types';

export type Changes = Map<CellKey, Decimal>;

/** Rules with more terms than this get a coefficient map. */
const LONG_RULE = 16;

export class DiagnosisState {
  readonly cells: Cells;
  /** Rules already reported without a correction: neither fixed nor broken any more. */
  readonly settled = new Set<number>();
  readonly violated = new Set<number>();
  private readonly residuals: Decimal[];
  /** Coefficient maps of long rules (built when first asked for); short rules are searched. */
  private readonly coefs = new Map<number, Map<CellKey, Decimal>>();

  constructor(
    readonly constraints: Constraint[],
    readonly byCell: Map<CellKey, Constraint[]>,
    printed: Cells,
  ) {
    this.cells = new Map(printed);
    this.residuals = constraints.map((c) => residual(c, this.cells));
    for (const c of constraints) if (!this.holds(c)) this.violated.add(c.id);
  }

  value(key: CellKey, changes?: Changes): Decimal {
    return changes?.get(key) ?? this.cells.get(key) ?? new Dec(0);
  }

  coef(c: Constraint, key: CellKey): Decimal | undefined {
    if (c.terms.length <= LONG_RULE) {
      let coef: Decimal | undefined;
      for (const t of c.terms) if (t.key === key) coef = coef ? coef.plus(t.coef) : t.coef;
      return coef;
    }
    let map = this.coefs.get(c.id);
    if (!map) {
      map = new Map();
      for (const t of c.terms) map.set(t.key, (map.get(t.key) ?? new Dec(0)).plus(t.coef));
      this.coefs.set(c.id, map);
    }
    return map.get(key);
  }

  /** The residual of a rule now, or with the changes applied. */
  residual(c: Constraint, changes?: Changes): Decimal {
    let r = this.residuals[c.id];
    if (changes) {
      for (const [key, v] of changes) {
        const coef = this.coef(c, key);
        if (coef) r = r.plus(coef.times(v.minus(this.value(key))));
      }
    }
    return r;
  }

  holds(c: Constraint, changes?: Changes): boolean {
    return this.residual(c, changes).abs().lte(c.tol);
  }

  /** The value the rule's own cell would need for the rule to hold exactly. */
  ownerExpected(c: Constraint): Decimal {
    return this.value(c.terms[0].key).minus(this.residual(c));
  }

  /** Rules that take part in any of the cells. */
  affected(keys: Iterable<CellKey>): Set<Constraint> {
    const set = new Set<Constraint>();
    for (const key of keys) for (const c of this.byCell.get(key) ?? []) set.add(c);
    return set;
  }

  apply(changes: Changes): void {
    const touched = this.affected(changes.keys());
    for (const c of touched) this.residuals[c.id] = this.residual(c, changes);
    for (const [k, v] of changes) this.cells.set(k, v);
    for (const c of touched) this.refresh(c);
  }

  settle(c: Constraint): void {
    this.settled.add(c.id);
    this.violated.delete(c.id);
  }

  private refresh(c: Constraint): void {
    if (this.settled.has(c.id) || this.holds(c)) this.violated.delete(c.id);
    else this.violated.add(c.id);
  }
}
