/** Building blocks shared by the standard tables: columns, aggregated rows, deviations and flags. */
import type Decimal from 'decimal.js';
import { Dec } from './decimal';
import { periodText } from './periodize';
import type { SourceTable } from './source';
import { direction, flagLevel, levelRank } from './thresholds';
import type { AmountRole, DeviationRole, RowKind, TableColumn, TableRow, Thresholds } from './types';
import { deviation, deviationPercent } from './variance';

export type Amounts = Partial<Record<AmountRole, Decimal>>;

export const DEVIATION_OF: Record<DeviationRole, { budget: AmountRole; actual: AmountRole; pct: string }> = {
  avvikelseHelar: { budget: 'budgetHelar', actual: 'prognosHelar', pct: 'avvikelsePctHelar' },
  avvikelsePeriod: { budget: 'budgetPeriod', actual: 'utfallPeriod', pct: 'avvikelsePctPeriod' },
};

/** Which amount roles a source table provides: columns with input, and a derived period budget. */
export function availableRoles(src: SourceTable): Set<AmountRole> {
  return new Set(src.presentRoles);
}

export function periodGroupTitle(src: SourceTable): string {
  return src.months ? `Perioden ${periodText(src.months)}` : 'Perioden';
}

/** The fixed column order of domain.md; a column with no input is left out. */
export function standardColumns(src: SourceTable, present: Set<AmountRole>, withPercent = false): TableColumn[] {
  const helar = 'Helår';
  const period = periodGroupTitle(src);
  const cols: TableColumn[] = [];
  const add = (id: string, group: string, title: string, format: TableColumn['format'] = 'amount') => cols.push({ id, group, title, format });
  if (present.has('budgetHelar')) add('budgetHelar', helar, 'Budget');
  if (present.has('prognosHelar')) add('prognosHelar', helar, 'Prognos');
  if (present.has('budgetHelar') && present.has('prognosHelar')) {
    add('avvikelseHelar', helar, 'Avvikelse');
    if (withPercent) add('avvikelsePctHelar', helar, 'Avvikelse %', 'percent');
  }
  if (present.has('budgetPeriod')) add('budgetPeriod', period, 'Budget');
  if (present.has('utfallPeriod')) add('utfallPeriod', period, 'Utfall');
  if (present.has('budgetPeriod') && present.has('utfallPeriod')) {
    add('avvikelsePeriod', period, 'Avvikelse');
    if (withPercent) add('avvikelsePctPeriod', period, 'Avvikelse %', 'percent');
  }
  if (present.has('utfallFgAr')) add('utfallFgAr', 'Perioden fg år', 'Utfall');
  return cols;
}

export function addAmounts(target: Amounts, source: Amounts): Amounts {
  for (const [k, v] of Object.entries(source) as [AmountRole, Decimal][]) {
    target[k] = (target[k] ?? new Dec(0)).plus(v);
  }
  return target;
}

export function sumAmounts(list: Amounts[]): Amounts {
  const total: Amounts = {};
  for (const a of list) addAmounts(total, a);
  return total;
}

/**
 * A table row from signed amounts: amounts shown times `displaySign` (−1 shows costs as positive),
 * deviations always actual − budget on the signed amounts (positive = better), flags from thresholds.
 */
export function makeRow(
  label: string,
  kind: RowKind,
  level: number,
  amounts: Amounts,
  columns: TableColumn[],
  displaySign: 1 | -1,
  thresholds: Thresholds,
  sourceRows?: number[],
): TableRow {
  const values: Record<string, Decimal | null> = {};
  const ids = new Set(columns.map((c) => c.id));
  let flag: TableRow['flag'] = null;
  let dir: TableRow['direction'] = null;
  let flagColumn: DeviationRole | undefined;
  for (const col of columns) {
    const v = amounts[col.id as AmountRole];
    if (v !== undefined) values[col.id] = displaySign === 1 ? v : v.negated();
  }
  for (const devRole of ['avvikelseHelar', 'avvikelsePeriod'] as DeviationRole[]) {
    const { budget, actual, pct } = DEVIATION_OF[devRole];
    const b = amounts[budget];
    const a = amounts[actual];
    if (!b || !a || !ids.has(devRole)) continue;
    const dev = deviation(b, a);
    const percent = deviationPercent(dev, b);
    values[devRole] = dev;
    if (ids.has(pct)) values[pct] = percent;
    const level = flagLevel(dev, percent, thresholds);
    if (levelRank(level) > levelRank(flag) || (level && levelRank(level) === levelRank(flag) && devRole === 'avvikelsePeriod')) {
      flag = level;
      dir = direction(dev);
      flagColumn = devRole;
    }
  }
  const row: TableRow = { label, kind, level, values, flag, direction: dir };
  if (flagColumn) row.flagColumn = flagColumn;
  if (sourceRows) row.sourceRows = sourceRows;
  return row;
}

/** Groups items by a key, keeping first-appearance order. */
export function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = map.get(k);
    if (list) list.push(it);
    else map.set(k, [it]);
  }
  return map;
}

export const ROUNDING_NOTE = 'Avrundningsdifferenser kan förekomma.';
