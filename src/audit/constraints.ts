/**
 * The arithmetic a printed table must satisfy, as linear rules over its cells, each with the
 * tolerance that rounding allows (one unit = 1 tkr, or 0.1 mnkr):
 *
 * - dev: avvikelse = ±(prognos − budget), sign from the convention; each of the three figures is
 *   rounded, so the difference may be 1 unit (|diff| ≤ 1 → *avrundningsdifferens*, more → error);
 * - sum: a sum row = Σ its rows (costs − revenue for a net row); each of n rounded terms is off by at
 *   most ½ unit and the sum by ½, so up to ceil(n/2) units is rounding. Deviation columns always add;
 * - period: budget for the period = helår budget × months/12, within the rounding of both figures
 *   (½ unit × (1 + months/12)); only when the table follows even periodization (see `evenPeriod`).
 *
 * A blank cell among a sum's rows counts as 0; a cell with text that is no number takes its rules out.
 */
import type Decimal from 'decimal.js';
import { Dec, ZERO } from '../core/decimal';
import type { Convention, Constraint, CellKey, Line, SumDef, TableModel, ValueRole } from './types';
import { cellKeyOf } from './types';
import { carriedConstraints } from './carried';
import { devPairs } from './convention';
import { sumTolerance } from './groups';
import { DEVIATION_COLUMNS, figureColumns } from './locate';

export type Cells = Map<CellKey, Decimal>;

const ONE = new Dec(1);
const MINUS_ONE = new Dec(-1);
const sign = (s: 1 | -1): Decimal => (s === 1 ? ONE : MINUS_ONE);

/** The printed figures of the table's amount and deviation columns. */
export function printedCells(table: TableModel): Cells {
  const cells: Cells = new Map();
  const roles = figureColumns(table);
  for (const line of table.lines) {
    for (const role of roles) {
      const v = line.values[role];
      if (v !== undefined) cells.set(cellKeyOf(line.index, role), v);
    }
  }
  return cells;
}

export function residual(c: Constraint, cells: Cells): Decimal {
  let r: Decimal = ZERO;
  for (const t of c.terms) {
    const v = cells.get(t.key);
    if (v && !v.isZero()) r = t.coef === ONE ? r.plus(v) : t.coef === MINUS_ONE ? r.minus(v) : r.plus(t.coef.times(v));
  }
  return r;
}

export function isViolated(c: Constraint, cells: Cells): boolean {
  return residual(c, cells).abs().gt(c.tol);
}

/** The value the owner cell (first term) would need for the rule to hold exactly. */
export function ownerExpected(c: Constraint, cells: Cells): Decimal {
  return (cells.get(c.terms[0].key) ?? new Dec(0)).minus(residual(c, cells));
}

function periodTolerance(step: Decimal, months: number): Decimal {
  return step.times(new Dec(1).plus(new Dec(months).div(12))).div(2);
}

/** Budgets under 20 units (20 tkr, 2,0 mnkr) are too small for rounding to tell even periodization from other. */
const MIN_PERIOD_BUDGET = 20;

function periodChecked(table: TableModel, l: Line): boolean {
  const bh = l.values.budgetHelar;
  return l.kind === 'item' && !!bh && !!l.values.budgetPeriod && bh.abs().gte(table.step.times(MIN_PERIOD_BUDGET));
}

/**
 * Months of even periodization the table follows, or undefined. Rows (not sums) with both budgets
 * are compared with budget × m/12 for the stated m (or every m when none is stated): at least three
 * must fit and at most one in five may not. A table with its own profile is left alone, and so are
 * rows with a budget under 20 units.
 */
export function evenPeriod(table: TableModel, stated: number | undefined): number | undefined {
  const { budgetHelar, budgetPeriod } = table.columns;
  if (budgetHelar === undefined || budgetPeriod === undefined) return undefined;
  const rows = table.lines.filter((l) => periodChecked(table, l));
  const candidates = stated ? [stated] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  for (const m of candidates) {
    const tol = periodTolerance(table.step, m);
    const fitting = rows.filter((l) => (l.values.budgetPeriod as Decimal).minus((l.values.budgetHelar as Decimal).times(m).div(12)).abs().lte(tol)).length;
    const misfits = rows.length - fitting;
    if (fitting >= 3 && misfits <= Math.max(1, Math.floor(rows.length / 5))) return m;
  }
  return undefined;
}

function devConstraints(table: TableModel, conv: Convention, add: (c: Omit<Constraint, 'id'>) => void): void {
  for (const p of devPairs(table)) {
    for (const line of table.lines) {
      if (!line.values[p.dev] || !line.values[p.budget] || !line.values[p.actual]) continue;
      const s = conv.signs[line.index];
      add({
        kind: 'dev',
        sign: s,
        tol: table.step,
        terms: [
          { key: cellKeyOf(line.index, p.dev), coef: ONE },
          { key: cellKeyOf(line.index, p.actual), coef: sign(s === 1 ? -1 : 1) },
          { key: cellKeyOf(line.index, p.budget), coef: sign(s) },
        ],
      });
    }
  }
}

function sumConstraints(table: TableModel, sums: SumDef[], conv: Convention, add: (c: Omit<Constraint, 'id'>) => void): void {
  const roles = figureColumns(table);
  for (const sum of sums) {
    const owner = table.lines[sum.line];
    const coefs = conv.coefs.get(sum) ?? sum.terms.map(() => 1);
    for (const role of roles) {
      if (owner.values[role] === undefined) continue;
      const terms: Line[] = sum.terms.map((t) => table.lines[t]);
      if (terms.some((l) => l.unreadable.has(role)) || terms.every((l) => l.values[role] === undefined)) continue;
      const deviation = (DEVIATION_COLUMNS as readonly ValueRole[]).includes(role);
      add({
        kind: 'sum',
        sum,
        tol: sumTolerance(sum.terms.length, table.step),
        terms: [
          { key: cellKeyOf(sum.line, role), coef: ONE },
          ...terms.map((l, i) => ({ key: cellKeyOf(l.index, role), coef: deviation ? MINUS_ONE : sign(coefs[i] === 1 ? -1 : 1) })),
        ],
      });
    }
  }
}

function periodConstraints(table: TableModel, months: number, add: (c: Omit<Constraint, 'id'>) => void): void {
  for (const line of table.lines) {
    if (!periodChecked(table, line)) continue;
    add({
      kind: 'period',
      months,
      tol: periodTolerance(table.step, months),
      terms: [
        { key: cellKeyOf(line.index, 'budgetPeriod'), coef: ONE },
        { key: cellKeyOf(line.index, 'budgetHelar'), coef: new Dec(months).div(12).negated() },
      ],
    });
  }
}

/** The role (column key) of a sheet column in the table, if the table reads it. */
function roleAt(table: TableModel, col: number): ValueRole | undefined {
  return (Object.entries(table.columns) as [ValueRole, number][]).find(([, c]) => c === col)?.[0];
}

/**
 * Columns computed on their row: a net from revenue and costs (`Intäkter | Kostnader | Nettokostnad`:
 * revenue + costs, or costs − revenue where both are shown positive, whichever the rows fit), a budget
 * from its parts (`Urspr budget | Om-budget | Budget`). Within the rounding of the figures added.
 */
function rowConstraints(table: TableModel, add: (c: Omit<Constraint, 'id'>) => void): void {
  const forms: { owner: ValueRole; terms: [ValueRole, Decimal][]; what: string }[] = [];
  for (const set of table.header.components ?? []) {
    const [rev, cost, net] = [set.revenue, set.cost, set.net].map((c) => (c === undefined ? undefined : roleAt(table, c)));
    if (!rev || !cost || !net) continue;
    const fits = (coefs: [Decimal, Decimal]) => table.lines.filter((l) => [net, rev, cost].every((r) => l.values[r]) && (l.values[net] as Decimal).minus((l.values[rev] as Decimal).times(coefs[0])).minus((l.values[cost] as Decimal).times(coefs[1])).abs().lte(table.step)).length;
    const plus: [Decimal, Decimal] = [ONE, ONE];
    const unsigned: [Decimal, Decimal] = [MINUS_ONE, ONE];
    const coefs = fits(unsigned) > fits(plus) ? unsigned : plus;
    forms.push({ owner: net, terms: [[rev, coefs[0]], [cost, coefs[1]]], what: 'nettot av intäkter och kostnader' });
  }
  for (const s of table.header.rowSums ?? []) {
    const owner = roleAt(table, s.total);
    const roles = s.parts.map((p) => roleAt(table, p.column));
    if (!owner || roles.some((r) => !r)) continue;
    const fits = (coefs: Decimal[]) => table.lines.filter((l) => [owner, ...roles].every((r) => l.values[r as ValueRole]) && roles.reduce((acc, r, i) => acc.minus((l.values[r as ValueRole] as Decimal).times(coefs[i])), l.values[owner] as Decimal).abs().lte(sumTolerance(roles.length, table.step))).length;
    const plain = roles.map(() => ONE);
    const unsigned = s.parts.map((p) => (p.cost ? MINUS_ONE : ONE));
    const coefs = fits(unsigned) > fits(plain) ? unsigned : plain;
    forms.push({ owner, terms: roles.map((r, i) => [r as ValueRole, coefs[i]]), what: s.what });
  }
  const parts = table.header.budgetParts;
  const total = parts ? roleAt(table, parts.total) : undefined;
  const partRoles = parts?.parts.map((c) => roleAt(table, c)).filter((r): r is ValueRole => !!r) ?? [];
  if (total && partRoles.length === parts?.parts.length) forms.push({ owner: total, terms: partRoles.map((r) => [r, ONE]), what: 'summan av budgetens delar' });
  for (const form of forms) {
    for (const line of table.lines) {
      if (!line.values[form.owner] || form.terms.every(([r]) => !line.values[r])) continue;
      add({
        kind: 'row',
        what: form.what,
        tol: sumTolerance(form.terms.length, table.step),
        terms: [{ key: cellKeyOf(line.index, form.owner), coef: ONE }, ...form.terms.map(([r, c]) => ({ key: cellKeyOf(line.index, r), coef: c.negated() }))],
      });
    }
  }
}

export function buildConstraints(table: TableModel, sums: SumDef[], conv: Convention, months: number | undefined): Constraint[] {
  const list: Constraint[] = [];
  const add = (c: Omit<Constraint, 'id'>) => list.push({ ...c, id: list.length });
  if (months) periodConstraints(table, months, add);
  devConstraints(table, conv, add);
  rowConstraints(table, add);
  carriedConstraints(table, add);
  sumConstraints(table, sums, conv, add);
  return list;
}

/** Adds the cells a blank sum term stands for (0), so the diagnosis can name them. */
export function withBlankTerms(cells: Cells, constraints: Constraint[]): Cells {
  for (const c of constraints) for (const t of c.terms) if (!cells.has(t.key)) cells.set(t.key, ZERO);
  return cells;
}

/** Which rules each cell takes part in. */
export function rulesByCell(constraints: Constraint[]): Map<CellKey, Constraint[]> {
  const map = new Map<CellKey, Constraint[]>();
  for (const c of constraints) {
    for (const t of c.terms) {
      const list = map.get(t.key);
      if (list) list.push(c);
      else map.set(t.key, [c]);
    }
  }
  return map;
}
