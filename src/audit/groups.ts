/**
 * Groups that carry their totals on their own row (a project portfolio: `Exploateringsprojekt` with the
 * total of `Genomförandeprojekt` and `Planeringsprojekt`; a nämnd over its verksamheter). Nothing in
 * the label says so; the figures do (`core/groupTotals.ts`).
 *
 * - Under a grand total that does not equal the plain sum of the rows above it, each row is tried as
 *   the total of the rows that follow it; the reading is kept only when it makes the grand total add up.
 * - Among rows no sum covers, a row is a group total when the two
 *   or more rows after it add up to it in every column but one, one of them not zero. Its wrong figures
 *   are then checked like any sum's, and the finding points at the cell that is wrong.
 */
import { ALMOST, parseGroupTotals, sumFit, sumTolerance } from '../core/groupTotals';
import { figureColumns } from './locate';
import type { Structure } from './structure';
import type { SumDef, TableModel, ValueRole } from './types';

export { sumTolerance };

/** Beyond this many rows the search is not tried (it is quadratic). */
const MAX_ROWS = 500;

export function valueRoles(table: TableModel): ValueRole[] {
  return figureColumns(table);
}

/** Marks the totals' rows as sums and returns their definitions. */
function asSums(table: TableModel, groups: { total: number; kids: number[] }[]): SumDef[] {
  return groups.map((g) => {
    const line = table.lines[g.total];
    line.kind = 'sum';
    line.sumKind = 'group';
    return { line: g.total, kind: 'group', terms: g.kids };
  });
}

/** Rewrites grand totals over rows that carry group totals; marks those rows as sums. */
function underGrandTotals(table: TableModel, structure: Structure, roles: ValueRole[]): SumDef[] {
  const { lines, step } = table;
  const added: SumDef[] = [];
  for (const sum of structure.sums) {
    if (sum.kind !== 'total' && sum.kind !== 'net') continue;
    if (sum.terms.length < 2 || sum.terms.length > MAX_ROWS) continue;
    if (sum.terms.some((t) => lines[t].kind !== 'item' || (sum.kind === 'net' && lines[t].type === 'revenue'))) continue;
    const flat = sumFit(lines, lines[sum.line], sum.terms, roles, step);
    if (flat.fit * 2 > flat.of) continue;
    const { top, groups } = parseGroupTotals(lines, sum.terms, roles, step, ALMOST);
    if (groups.length === 0) continue;
    const nested = sumFit(lines, lines[sum.line], top, roles, step);
    if (nested.fit <= flat.fit || nested.fit * 2 <= nested.of) continue;
    sum.terms = top;
    added.push(...asSums(table, groups));
  }
  return added;
}

/** Runs of item rows that no sum covers (headings between them do not break a run). */
function looseRuns(table: TableModel, structure: Structure): number[][] {
  const covered = new Set<number>();
  for (const s of structure.sums) for (const t of s.terms) covered.add(t);
  const runs: number[][] = [];
  let run: number[] = [];
  for (const line of table.lines) {
    if (line.kind === 'item' && !covered.has(line.index)) run.push(line.index);
    else if (line.kind !== 'heading') {
      if (run.length > 0) runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Totals above their rows where no grand total needs them: found by the figures of the rows below. */
function aboveTheirRows(table: TableModel, structure: Structure, roles: ValueRole[]): SumDef[] {
  const added: SumDef[] = [];
  for (const run of looseRuns(table, structure)) {
    if (run.length < 3 || run.length > MAX_ROWS) continue;
    const { groups } = parseGroupTotals(table.lines, run, roles, table.step, ALMOST, 2);
    added.push(...asSums(table, groups));
  }
  return added;
}

/**
 * `varav` rows that break their line down completely: they add up to it in every column where they
 * have figures but one (a partial `varav jämförelsestörande poster` adds up nowhere, and is not checked).
 */
export function completeBreakdown(table: TableModel, sum: SumDef): boolean {
  const roles = valueRoles(table).filter((r) => sum.terms.some((t) => table.lines[t].values[r] !== undefined));
  return ALMOST(sumFit(table.lines, table.lines[sum.line], sum.terms, roles, table.step));
}

/** Finds the rows that carry their group's totals and adds their sums to the structure. */
export function inferGroupTotals(table: TableModel, structure: Structure): void {
  const roles = valueRoles(table);
  const added = underGrandTotals(table, structure, roles);
  added.push(...aboveTheirRows(table, structure, roles));
  structure.sums.push(...added);
}
