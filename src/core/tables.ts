/**
 * The standard tables of domain.md as a plain data model. Every subtotal and total is summed from the
 * unrounded leaf amounts; rounding happens only when a cell is displayed.
 */
import type { SourceTable } from './source';
import { availableRoles, groupBy, groupBy3, labelWord, makeRow, periodGroupTitle, standardColumns, sumAmounts, sumRowAmounts, table, type Amounts } from './tableRows';

export { labelWord } from './tableRows';
import type { SourceRow, StandardTable, TableColumn, TableRow } from './types';

export interface TableOptions {
  /** Calendar year of the report, for the `Jan–aug 2026` headings of the three-year view. */
  year: number;
}

/** Position of a category in the given order; unknown ones after, in their own order. */
const rank = (order: string[], label: string) => {
  const i = order.indexOf(label);
  return i < 0 ? order.length : i;
};

const amountsOf = (rows: SourceRow[]): Amounts => sumRowAmounts(rows);
const rowNumbers = (rows: SourceRow[]): number[] => rows.map((r) => r.row);

/** The lists one after another, as `lists.flatMap((l) => l)` gives them, with a plain loop (lists of 100 000 rows). */
function concatenated<T>(lists: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  for (const list of lists) for (let i = 0; i < list.length; i++) out.push(list[i]);
  return out;
}

/** Driftredovisning: revenue rows, cost rows, `Verksamhetens kostnader`, `Årets resultat (nettokostnad)`. */
export function driftredovisning(src: SourceTable): StandardTable {
  const cols = standardColumns(src, availableRoles(src));
  const th = src.settings.thresholds;
  // each leaf is added once (into its cell); labels and totals are sums of those exact sums
  const groups = [...groupBy(cells(src), (c) => `${c.type}\u0000${c.label}`).values()].map((list) => {
    const g = concatenated(list.map((c) => c.rows));
    return { g, numbers: rowNumbers(g), sum: sumAmounts(list.map((c) => c.sum)) };
  });
  const order = src.categoryOrder;
  if (order) groups.sort((a, b) => rank(order, a.g[0].label) - rank(order, b.g[0].label));
  const revenue = groups.filter((x) => x.g[0].type === 'revenue' && !x.g[0].unmapped);
  const costs = groups.filter((x) => x.g[0].type === 'cost' && !x.g[0].unmapped);
  const unmapped = groups.filter((x) => x.g[0].unmapped);
  const revenueTotal = sumAmounts(revenue.map((x) => x.sum));
  const costTotal = sumAmounts(costs.map((x) => x.sum));
  const unmappedTotal = sumAmounts(unmapped.map((x) => x.sum));
  const rows: TableRow[] = [];
  const numbersOf = (list: typeof groups) => concatenated(list.map((x) => x.numbers));
  for (const { g, sum, numbers } of revenue) rows.push(makeRow(g[0].label, 'revenue', 0, sum, cols, 1, th, numbers));
  if (revenue.length > 1) rows.push(makeRow('Verksamhetens intäkter', 'sum', 0, revenueTotal, cols, 1, th, numbersOf(revenue)));
  for (const { g, sum, numbers } of costs) rows.push(makeRow(g[0].label, 'cost', 0, sum, cols, -1, th, numbers));
  rows.push(makeRow('Verksamhetens kostnader', 'sum', 0, costTotal, cols, -1, th, numbersOf(costs)));
  // accounts outside the map: their own row, so that the result still reconciles to the extract
  if (unmapped.length > 0) rows.push(makeRow(unmapped[0].g[0].label, 'cost', 0, unmappedTotal, cols, -1, th, numbersOf(unmapped)));
  rows.push(makeRow('Årets resultat (nettokostnad)', 'net', 0, sumAmounts([revenueTotal, costTotal, unmappedTotal]), cols, -1, th, rowNumbers(src.rows)));
  const t = table(src, 'driftredovisning', 'Driftredovisning', src.header.labelHeader && !src.ledger ? labelWord(src.header.labelHeader, 'Verksamhet') : 'Verksamhet', cols, rows);
  const missing = src.ledger?.unmapped.map((u) => u.account) ?? [];
  if (unmapped.length > 0 && missing.length > 0) {
    const list = missing.length > 8 ? `${missing.slice(0, 8).join(', ')} m.fl.` : missing.join(', ');
    t.notes.push(`${unmapped[0].g[0].label} (${missing.length === 1 ? 'konto' : 'konton'} ${list}) saknas i kontoplanen; beloppen ingår i årets resultat.`);
  }
  return t;
}

/** The rows of one verksamhet, type and label, with their exact sum. */
interface Cell {
  group: string;
  type: SourceRow['type'];
  label: string;
  rows: SourceRow[];
  sum: Amounts;
}
const cellCache = new WeakMap<SourceTable, Cell[]>();

/** Every leaf summed once into its (verksamhet, type, label) cell, in first-appearance order. */
function cells(src: SourceTable): Cell[] {
  let list = cellCache.get(src);
  if (!list) {
    list = groupBy3(src.rows, (r) => r.groups[0] ?? '', (r) => r.type, (r) => r.label).map((rows) => ({
      group: rows[0].groups[0] ?? '',
      type: rows[0].type,
      label: rows[0].label,
      rows,
      sum: amountsOf(rows),
    }));
    cellCache.set(src, list);
  }
  return list;
}

export interface Activity {
  name: string;
  rows: SourceRow[];
  sum: Amounts;
}
const activityCache = new WeakMap<SourceTable, Activity[] | null>();

/**
 * Rows and exact sums per verksamhet (rows without one as `Övrigt`, so the rows add up to the total);
 * undefined when the sheet has no grouping. Computed once per source table.
 */
function activities(src: SourceTable): Activity[] | undefined {
  let list = activityCache.get(src);
  if (list === undefined) {
    list = src.rows.some((r) => r.groups[0])
      ? [...groupBy(cells(src), (c) => c.group || 'Övrigt')].map(([name, list]) => ({ name, rows: concatenated(list.map((c) => c.rows)), sum: sumAmounts(list.map((c) => c.sum)) }))
      : null;
    activityCache.set(src, list);
  }
  return list ?? undefined;
}

/** One net-cost row per verksamhet and the `Summa nettokostnad` row (the sum of the activity sums). */
export function activityRows(src: SourceTable, list: Activity[], cols: TableColumn[]): TableRow[] {
  const th = src.settings.thresholds;
  const rows = list.map((a) => makeRow(a.name, 'net', 0, a.sum, cols, -1, th, rowNumbers(a.rows)));
  rows.push(makeRow('Summa nettokostnad', 'sum', 0, sumAmounts(list.map((a) => a.sum)), cols, -1, th));
  return rows;
}

const HELAR_IDS = ['budgetHelar', 'prognosHelar', 'avvikelseHelar', 'avvikelsePctHelar'];
const PERIOD_IDS = ['budgetPeriod', 'utfallPeriod', 'avvikelsePeriod', 'avvikelsePctPeriod'];

/** The columns of the per-verksamhet view: the full year first (the helårsprognos), then the period. */
export function netCostColumns(src: SourceTable): TableColumn[] {
  const all = standardColumns(src, availableRoles(src), true);
  const blocks = [HELAR_IDS, PERIOD_IDS].filter((ids) => all.some((c) => c.id === ids[2]));
  return all.filter((c) => blocks.some((ids) => ids.includes(c.id)));
}

/** Nettokostnad per verksamhet: Budget / Prognos / Avvikelse / Avvikelse % for the year, then the period's. */
export function nettokostnadPerVerksamhet(src: SourceTable): StandardTable | undefined {
  const list = activities(src);
  if (!list) return undefined;
  const cols = netCostColumns(src);
  if (cols.length === 0) return undefined;
  return table(src, 'nettokostnad', 'Nettokostnad per verksamhet', 'Verksamhet', cols, activityRows(src, list, cols));
}

/** Nettokostnad per verksamhet över tre år: utfall for the same period, this year and up to two before. */
export function nettokostnadPerAr(src: SourceTable, opts: TableOptions, list = activities(src)): StandardTable | undefined {
  const present = availableRoles(src);
  if (!list || !present.has('utfallFgAr') || !present.has('utfallPeriod')) return undefined;
  const period = src.header.annual ? '' : periodGroupTitle(src).replace(/^Perioden ?/, '');
  const heading = (year: number) => (period ? `${period[0].toUpperCase()}${period.slice(1)} ${year}` : src.header.annual ? String(year) : `Perioden ${year}`);
  const cols: TableColumn[] = [];
  if (present.has('utfallFgAr2')) cols.push({ id: 'utfallFgAr2', group: 'Nettokostnad', title: heading(opts.year - 2), format: 'amount' });
  cols.push({ id: 'utfallFgAr', group: 'Nettokostnad', title: heading(opts.year - 1), format: 'amount' });
  cols.push({ id: 'utfallPeriod', group: 'Nettokostnad', title: heading(opts.year), format: 'amount' });
  return table(src, 'nettokostnadAr', 'Nettokostnad per verksamhet, utfall för perioden', 'Verksamhet', cols, activityRows(src, list, cols));
}

/** `Summa reinvestering` from `Reinvestering`; acronyms keep their case. */
export function sumLabel(group: string): string {
  const lower = group.length > 1 && group[1] === group[1].toLowerCase() ? group[0].toLowerCase() + group.slice(1) : group;
  return `Summa ${lower}`;
}

/** Investeringar: signed amounts, groups with `Summa …` rows and a grand `Summa`. */
export function investeringar(src: SourceTable): StandardTable {
  const cols = standardColumns(src, availableRoles(src));
  const th = src.settings.thresholds;
  const groups = groupBy(src.rows, (r) => r.groups[0] ?? '');
  const rows: TableRow[] = [];
  const grouped = !(groups.size === 1 && groups.has(''));
  const groupSums: Amounts[] = [];
  for (const [name, items] of groups) {
    const sum = amountsOf(items);
    groupSums.push(sum);
    if (grouped) rows.push({ label: name || 'Övrigt', kind: 'group', level: 0, values: {}, flag: null, direction: null });
    for (const it of items) rows.push(makeRow(it.label, 'item', grouped ? 1 : 0, it.amounts, cols, 1, th, [it.row]));
    if (grouped) rows.push(makeRow(sumLabel(name || 'Övrigt'), 'sum', 0, sum, cols, 1, th, rowNumbers(items)));
  }
  rows.push(makeRow('Summa', 'sum', 0, sumAmounts(groupSums), cols, 1, th, rowNumbers(src.rows)));
  const t = table(src, 'investeringar', 'Investeringar', labelWord(src.header.labelHeader, 'Projekt'), cols, rows);
  t.notes.unshift('Positivt tal indikerar en intäkt.');
  return t;
}

/** Nested portfolio: level-1 and level-2 groups carry their totals on their own row; grand `Summa`. */
export function portfolj(src: SourceTable): StandardTable {
  const cols = standardColumns(src, availableRoles(src));
  const th = src.settings.thresholds;
  const rows: TableRow[] = [];
  const level1Sums: Amounts[] = [];
  for (const [g1, level1] of groupBy(src.rows, (r) => r.groups[0] ?? '')) {
    const level2 = [...groupBy(level1, (r) => r.groups[1] ?? '')].map(([g2, items]) => ({ g2, items, sum: amountsOf(items) }));
    const sum1 = sumAmounts(level2.map((x) => x.sum));
    level1Sums.push(sum1);
    if (g1) rows.push(makeRow(g1, 'group', 1, sum1, cols, 1, th, rowNumbers(level1)));
    for (const { g2, items, sum } of level2) {
      if (g2) rows.push(makeRow(g2, 'group', 2, sum, cols, 1, th, rowNumbers(items)));
      const depth = (g1 ? 1 : 0) + (g2 ? 1 : 0) + 1;
      for (const it of items) rows.push(makeRow(it.label, 'item', depth, it.amounts, cols, 1, th, [it.row]));
    }
  }
  rows.push(makeRow('Summa', 'sum', 0, sumAmounts(level1Sums), cols, 1, th, rowNumbers(src.rows)));
  const t = table(src, 'portfolj', src.sheet, labelWord(src.header.labelHeader, 'Projekt'), cols, rows);
  t.notes.unshift('Positivt tal indikerar en intäkt.');
  return t;
}


