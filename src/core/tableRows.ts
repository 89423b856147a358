/** Building blocks shared by the standard tables: columns, aggregated rows, deviations and flags. */
import type Decimal from 'decimal.js';
import { Dec } from './decimal';
import { addViewInto, type LinkedRow } from './amountStore';
import { sumLinkedRows } from './storeSums';
import { DecimalSum } from './decimalSum';
import { periodText } from './periodize';
import type { SourceTable } from './sourceTable';
import { direction, flagLevel, levelRank } from './thresholds';
import type { AmountRole, DeviationRole, RowFlag, RowKind, SourceRow, StandardTable, TableColumn, TableRow, Thresholds } from './types';
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

/** `Perioden jan–aug`; an annual table's period is the whole year: `Helår`. */
export function periodGroupTitle(src: SourceTable): string {
  if (src.header.annual) return 'Helår';
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
  if (present.has('budgetPeriod')) add('budgetPeriod', period, src.header.yardstick === 'prognos' ? 'Prognos' : 'Budget');
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

/** The exact sum of each role over `list` (roles in order of first appearance); see decimalSum.ts. */
export function sumAmounts(list: Amounts[]): Amounts {
  return summed(list, (a) => a);
}

/** The exact sums of the rows' signed amounts (a row read from a store is added without Decimals). */
export function sumRowAmounts(rows: SourceRow[]): Amounts {
  const sums = sumLinkedRows(rows as (SourceRow & LinkedRow)[], 'signed');
  return sums ? totalOf(sums) : summed(rows, (r) => r.amounts, (r) => r as SourceRow & LinkedRow);
}

function summed<T>(list: T[], amountsOf: (x: T) => Amounts, rowOf: (x: T) => LinkedRow | undefined = () => undefined): Amounts {
  const sums = new Map<AmountRole, DecimalSum>();
  for (const x of list) {
    const a = amountsOf(x);
    if (addViewInto(sums, a, rowOf(x))) continue;
    for (const k in a) {
      const v = a[k as AmountRole];
      if (v === undefined) continue;
      let s = sums.get(k as AmountRole);
      if (!s) sums.set(k as AmountRole, (s = new DecimalSum()));
      s.add(v);
    }
  }
  return totalOf(sums);
}

function totalOf(sums: Map<AmountRole, DecimalSum>): Amounts {
  const total: Amounts = {};
  for (const [k, s] of sums) total[k] = s.value();
  return total;
}

/** How each row shows its amounts: −1 when the signed amounts are negated (costs shown positive). */
const DISPLAY_SIGN = new WeakMap<TableRow, 1 | -1>();

/** The sign that turns a row's shown amounts back into signed ones (revenue positive, costs negative). */
export function displaySignOf(row: TableRow): 1 | -1 {
  return DISPLAY_SIGN.get(row) ?? 1;
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
  for (const col of columns) {
    const v = amounts[col.id as AmountRole];
    if (v !== undefined) values[col.id] = displaySign === 1 ? v : v.negated();
  }
  const flags: RowFlag[] = [];
  // the full year first: a delårsrapport's main message is the helårsprognos
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
    const dir = direction(dev);
    if (level && dir) flags.push({ column: devRole, level, direction: dir });
  }
  const top = flags.reduce<RowFlag | undefined>((best, f) => (!best || levelRank(f.level) > levelRank(best.level) ? f : best), undefined);
  const row: TableRow = { label, kind, level, values, flag: top?.level ?? null, direction: top?.direction ?? null };
  if (top) {
    row.flagColumn = top.column;
    row.flags = flags;
  }
  if (sourceRows) row.sourceRows = sourceRows;
  DISPLAY_SIGN.set(row, displaySign);
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

/**
 * Groups items by three keys, keeping first-appearance order: the lists `groupBy` gives for the key
 * `a\u0000b\u0000c`, without making that string for every item (a table of 100 000 rows).
 */
export function groupBy3<T>(items: T[], a: (t: T) => string, b: (t: T) => string, c: (t: T) => string): T[][] {
  const lists: T[][] = [];
  const top = new Map<string, Map<string, Map<string, T[]>>>();
  for (const it of items) {
    const ka = a(it);
    const kb = b(it);
    const kc = c(it);
    let byB = top.get(ka);
    if (!byB) top.set(ka, (byB = new Map()));
    let byC = byB.get(kb);
    if (!byC) byB.set(kb, (byC = new Map()));
    let list = byC.get(kc);
    if (!list) {
      byC.set(kc, (list = []));
      lists.push(list);
    }
    list.push(it);
  }
  return lists;
}

export const ROUNDING_NOTE = 'Avrundningsdifferenser kan förekomma.';

/** `Verksamhet, tkr` → `Verksamhet`: the label header without a unit. */
export function labelWord(header: string | undefined, fallback: string): string {
  const word = (header ?? '').replace(/,?\s*\(?\s*(?:belopp i\s*)?(?:tkr|mnkr|kr)\s*\)?\s*$/i, '').trim();
  return word || fallback;
}

/** A standard table of a source: its unit, label header and notes (rounding, a derived period budget). */
export function table(src: SourceTable, type: StandardTable['type'], title: string, labelWord: string, columns: TableColumn[], rows: TableRow[]): StandardTable {
  const unit = src.settings.unit;
  const notes = [ROUNDING_NOTE];
  if (src.derivedPeriodBudget && src.months && columns.some((c) => c.id === 'budgetPeriod')) {
    notes.push(src.settings.profile ? `Periodens budget är beräknad från årsbudgeten med periodiseringsprofilen.` : `Periodens budget är beräknad som årsbudget × ${src.months}/12.`);
  }
  const t: StandardTable = { sheet: src.sheet, type, title, unit, labelHeader: labelWord ? `${labelWord}, ${unit}` : unit, columns, rows, notes };
  if (src.header.annual) t.annual = true;
  if (src.header.yardstick) t.yardstick = src.header.yardstick;
  return t;
}

