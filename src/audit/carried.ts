/**
 * Balances carried from one year to the next: in a schedule of changes (`Ingående bokfört värde …
 * Utgående bokfört värde`) or a balance sheet's equity (`Eget kapital vid årets början … vid årets slut`)
 * printed for several years side by side, a year's opening line is the year before's closing line. A
 * rule over two printed figures of the same amount: no rounding between them.
 */
import { Dec, ZERO } from '../core/decimal';
import { cellAddress } from '../core/address';
import { withoutNoteRef } from '../core/labels';
import { fold } from '../core/rowTypes';
import type { Constraint, TableModel, ValueRole } from './types';
import { cellKeyOf } from './types';
import { columnName, figure } from './words';

const OPENING = /^ingaende\b|vid arets borjan$/;

/** `Ingående bokfört värde` → `utgående bokfört värde`; `Eget kapital, vid årets början` → `… vid årets slut`. */
function closingOf(opening: string): string {
  return opening.replace(/^ingaende\b/, 'utgaende').replace(/vid arets borjan$/, 'vid arets slut');
}

/** Each year's column and the column of the year before it. */
const YEARS: [ValueRole, ValueRole][] = [
  ['utfallPeriod', 'utfallFgAr'],
  ['utfallFgAr', 'utfallFgAr2'],
];

const key = (label: string) => fold(withoutNoteRef(label));

export function carriedConstraints(table: TableModel, add: (c: Omit<Constraint, 'id'>) => void): void {
  const { lines } = table;
  for (const open of lines) {
    const label = key(open.label);
    if (!OPENING.test(label)) continue;
    const target = closingOf(label);
    const close = lines.find((l) => l.index > open.index && key(l.label) === target);
    if (!close || lines.some((l) => l.index > open.index && l.index < close.index && key(l.label) === label)) continue;
    for (const [year, before] of YEARS) {
      if (open.values[year] === undefined || close.values[before] === undefined || table.columns[year] === undefined || table.columns[before] === undefined) continue;
      add({
        kind: 'row',
        what: `det är förra årets utgående värde: ${close.label}, ${columnName(before, table)} i ${cellAddress(close.row, table.columns[before])} är ${figure(close.values[before]!, table)}`,
        tol: ZERO,
        terms: [
          { key: cellKeyOf(open.index, year), coef: new Dec(1) },
          { key: cellKeyOf(close.index, before), coef: new Dec(-1) },
        ],
      });
    }
  }
}
