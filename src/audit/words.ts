/** Swedish names of the audited columns and cells, figures as printed, and typo hints. */
import type Decimal from 'decimal.js';
import { cellAddress } from '../core/address';
import { formatSwedish } from '../core/money';
import { isExtraColumn, type CellKey, type TableModel, type ValueRole } from './types';
import { parseCellKey } from './types';

export function columnName(role: ValueRole, table: TableModel): string {
  const period = table.header.periodText ?? 'perioden';
  const own = () => {
    const col = table.columns[role];
    return col !== undefined ? table.header.texts?.[col] : undefined;
  };
  if (isExtraColumn(role)) return own() ?? role;
  // a table of years side by side (no period) names its columns as the sheet does: `Bokslut 2023`
  if ((!table.header.periodText || table.header.annual) && /^utfall(Period|FgAr2?)$/.test(role) && own()) return own() as string;
  switch (role) {
    case 'budgetHelar':
      return 'budget helår';
    case 'prognosHelar':
      return 'prognos helår';
    case 'avvikelseHelar':
      return 'avvikelse helår';
    case 'budgetPeriod':
      return `${table.header.yardstick === 'prognos' ? 'prognos' : 'budget'} ${period}`;
    case 'utfallPeriod':
      return `utfall ${period}`;
    case 'avvikelsePeriod':
      return `avvikelse ${period}`;
    case 'utfallFgAr':
      return 'utfall fg år';
    case 'utfallFgAr2':
      return 'utfall två år tidigare';
    case 'avvikelsePctHelar':
      return 'avvikelse % helår';
    case 'avvikelsePctPeriod':
      return `avvikelse % ${period}`;
  }
}

/** A figure as the table prints it: `-1 805`, `40,6`. */
export function figure(d: Decimal, table: TableModel): string {
  return formatSwedish(d, table.decimals);
}

/** `D7`, the sheet address of a cell of the table. */
export function addressOf(key: CellKey, table: TableModel): string {
  const { line, role } = parseCellKey(key);
  return cellAddress(table.lines[line].row, table.columns[role] ?? 0);
}

/** `Personal, budget helår` */
export function cellName(key: CellKey, table: TableModel): string {
  const { line, role } = parseCellKey(key);
  const label = table.lines[line].label || `rad ${table.lines[line].row + 1}`;
  return `${label}, ${columnName(role, table)}`;
}

function digitsOf(d: Decimal, decimals: number): string {
  return d.abs().toFixed(decimals).replace('.', '');
}

/**
 * Why a wrong figure may have been typed: `tecknet är omvänt`, `omkastade siffror?` (88 130 for
 * 88 310), `en siffra fel?` (88 410 for 88 310); undefined when the two look unrelated.
 */
export function typoHint(found: Decimal, expected: Decimal, decimals: number): string | undefined {
  if (found.isZero() || expected.isZero()) return undefined;
  if (found.negated().eq(expected)) return 'tecknet är omvänt';
  if (found.isNegative() !== expected.isNegative()) return undefined;
  const a = digitsOf(found, decimals);
  const b = digitsOf(expected, decimals);
  if (a.length !== b.length || a === b) return undefined;
  const differ: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differ.push(i);
  if (differ.length === 1) return 'en siffra fel?';
  if (differ.length === 2 && a[differ[0]] === b[differ[1]] && a[differ[1]] === b[differ[0]]) return 'omkastade siffror?';
  return undefined;
}

/** `a, b och c` (or `a, b eller c`). */
export function joinSv(items: string[], word = 'och'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}
