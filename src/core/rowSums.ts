/**
 * Columns that add up other columns on every row, found by their words (a nämnd table of an annual
 * report: `Skatteintäkter och generella bidrag (nämndbidrag) | Verksamhetsintäkter | Verksamhetens
 * kostnader | Resultat | Budgeterat resultat | Avvikelse | Justering balanskrav | Balanskravsresultat`):
 * - `Resultat` right after the revenue and cost columns it is made of: their sum (costs negative);
 * - `Balanskravsresultat`: the result plus the adjustments between them (`Justering balanskrav`).
 */
import { joinBroken, type Column } from './headerColumns';
import { normalizeHeader } from './headerWords';
import type { Role, RowSum } from './types';

const words = (col: Column) => normalizeHeader(joinBroken(col.fullText)).replace(/\([^)]*\)/g, '').trim();
const RESULT = /^(arets |redovisat )?resultat$/;

/** `Resultat` after two or more revenue and cost columns, one of each at least. */
function resultOfParts(columns: Column[]): RowSum | undefined {
  const at = columns.findIndex((c) => RESULT.test(words(c)));
  if (at < 0) return undefined;
  const parts: RowSum['parts'] = [];
  for (let c = at - 1; c >= 0 && columns[c].kind.kind === 'component'; c--) {
    const kind = columns[c].kind;
    parts.unshift(kind.kind === 'component' && kind.part === 'cost' ? { column: c, cost: true } : { column: c });
  }
  if (parts.length < 2 || !parts.some((p) => p.cost) || parts.every((p) => p.cost)) return undefined;
  return { total: at, parts, what: 'resultatet av intäkter och kostnader' };
}

/** `Balanskravsresultat` = the result to its left plus the `Justering …` columns between them. */
function balanceRequirement(columns: Column[]): RowSum | undefined {
  const at = columns.findIndex((c) => /balanskravsresultat|resultat efter balanskravsjusteringar/.test(words(c)));
  if (at < 0) return undefined;
  let result = at - 1;
  while (result >= 0 && !RESULT.test(words(columns[result]))) result--;
  if (result < 0) return undefined;
  const adjustments = columns.slice(result + 1, at).filter((c) => /^justering/.test(words(c)));
  if (adjustments.length === 0) return undefined;
  return { total: at, parts: [{ column: result }, ...adjustments.map((c) => ({ column: c.index }))], what: 'balanskravsresultatet: resultatet och justeringarna' };
}

export function rowSumColumns(columns: Column[], withResult = true): RowSum[] {
  return [withResult ? resultOfParts(columns) : undefined, balanceRequirement(columns)].filter((s): s is RowSum => !!s);
}

/** The year's actuals named a result (`Resultat`, `Årets resultat`) and the budget too (`Budgeterat resultat`). */
export function namesResults(texts: Record<number, string>, map: Partial<Record<Role, number>>): boolean {
  const text = (c: number | undefined) => (c === undefined ? '' : normalizeHeader(joinBroken(texts[c] ?? '')));
  const budget = text(map.budgetHelar ?? map.budgetPeriod);
  return RESULT.test(text(map.utfallPeriod).replace(/\([^)]*\)/g, '').trim()) && /resultat/.test(budget);
}
