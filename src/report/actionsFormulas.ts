/**
 * The live totals of Åtgärder för en budget i balans: formulas of ours on the Kommentarer sheet, so the
 * sum of the entered effects and the remaining gap follow as the controller types an effect, before
 * the next run. Three cells, at fixed places relative to the row `Summa beräknad effekt` (s):
 * - D(s): the entered effects that are numbers, `IF(ISNUMBER(D12),D12,0)+…` (text counts as nothing,
 *   as SUM would have it; a chain of IFs because every evaluator we write for knows IF and ISNUMBER);
 * - A(s+2): `Kvar att åtgärda`, or `Åtgärderna överstiger underskottet med` when the effects exceed;
 * - D(s+2): the gap's size, `ABS(D(s+1)-D(s))`, against the deficit to close in D(s+1).
 * A formula on our sheet is foreign content unless it is one of these, recognised by its text at its
 * place. The sum's terms may be any rows between the header and the sum, or `#REF!`: Excel rewrites
 * the chain when the controller inserts or deletes a measure row, and the next run writes it anew.
 */
import { cellAddress } from '../core/address';
import { cellText } from '../core/source';
import { cellKey, type SheetData } from '../workbook/port';
import { ACTION_HEADERS, actionsTop, EFFECT_COL, SUM_LABEL } from './actions';

export const GAP_LABEL = 'Kvar att åtgärda';
export const SURPLUS_LABEL = 'Åtgärderna överstiger underskottet med';

const effect = (row: number) => cellAddress(row, EFFECT_COL);
const term = (ref: string) => `IF(ISNUMBER(${ref}),${ref},0)`;

/** The sum of the effects in rows `first`…`last` (0-based); `0` when there are none. */
export function effectSumFormula(first: number, last: number): string {
  const terms: string[] = [];
  for (let r = first; r <= last; r++) terms.push(term(effect(r)));
  return terms.length ? terms.join('+') : '0';
}

/** The gap row's label and size, from the sum row `sum` (the deficit to close is the row below it). */
export function gapFormulas(sum: number): { label: string; size: string } {
  const gap = `${effect(sum + 1)}-${effect(sum)}`;
  return { label: `IF(${gap}<0,"${SURPLUS_LABEL}","${GAP_LABEL}")`, size: `ABS(${gap})` };
}

/** A formula as compared: without `=`, `$` and spaces outside its strings, upper case. */
const normalized = (formula: string) =>
  formula
    .replace(/^\s*=/, '')
    .split('"')
    .map((part, i) => (i % 2 ? part : part.replace(/[\s$]+/g, '')))
    .join('"')
    .toUpperCase();

/** Is this the effect sum of ours: a chain of our terms over rows after `header` and before `sum`? */
function isEffectSum(formula: string, header: number, sum: number): boolean {
  const text = normalized(formula);
  if (text === '0') return true;
  const terms = text.split('+');
  return terms.every((t) => {
    const m = /^IF\(ISNUMBER\((D(\d+)|#REF!)\),(D\d+|#REF!),0\)$/.exec(t);
    if (!m || m[1] !== m[3]) return false;
    const row = m[2] === undefined ? undefined : Number(m[2]) - 1;
    return row === undefined || (row > header && row < sum);
  });
}

/** The cells (`cellKey`) of a comments sheet of ours whose formulas are the section's own. */
export function actionsFormulaCells(sheet: SheetData | undefined): Set<string> {
  const out = new Set<string>();
  const top = actionsTop(sheet);
  if (!sheet || top < 0) return out;
  const header = sheet.values.findIndex((row, r) => r > top && cellText(row?.[1]).trim() === ACTION_HEADERS[1]);
  const sum = sheet.values.findIndex((row, r) => r > header && cellText(row?.[0]).trim() === SUM_LABEL);
  if (header < 0 || sum < 0) return out;
  const at = (row: number, col: number) => sheet.formulas.get(cellKey(row, col));
  const sumFormula = at(sum, EFFECT_COL);
  if (sumFormula !== undefined && isEffectSum(sumFormula, header, sum)) out.add(cellKey(sum, EFFECT_COL));
  const gap = gapFormulas(sum);
  if (normalized(at(sum + 2, 0) ?? '') === normalized(gap.label)) out.add(cellKey(sum + 2, 0));
  if (normalized(at(sum + 2, EFFECT_COL) ?? '') === normalized(gap.size)) out.add(cellKey(sum + 2, EFFECT_COL));
  return out;
}
