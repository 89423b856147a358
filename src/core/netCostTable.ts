/**
 * The standard tables of a net-cost table (one row per verksamhet): *Nettokostnad per verksamhet* with
 * the full year first, a nämnd's heading (or its total above its rows) as a group row carrying the
 * group's sums, and *Summa nettokostnad*; and the three-year view when the sheet has earlier years.
 */
import type { SourceTable } from './sourceTable';
import { isVaravLabel } from './structureLines';
import { groupBy, makeRow, sumAmounts, sumRowAmounts, table, type Amounts } from './tableRows';
import { activityRows, labelWord, netCostColumns, nettokostnadPerAr, type Activity, type TableOptions } from './tables';
import type { SourceRow, StandardTable, TableColumn, TableRow } from './types';

const amountsOf = (rows: SourceRow[]): Amounts => sumRowAmounts(rows);

/** Each row a verksamhet of its own (rows with the same label and group added up). */
function verksamheter(src: SourceTable): Activity[] {
  return [...groupBy(src.rows, (r) => `${r.groups.join('\u0000')}\u0000${r.label}`).values()].map((rows) => ({ name: rows[0].label, rows, sum: amountsOf(rows) }));
}

/**
 * Group rows (level 0, with their sums) over their verksamheter (level 1); the grand total last. A
 * `varav` row is shown under its verksamhet and not added again. Results (a surplus positive) are shown
 * as the sheet shows them, net costs positive.
 */
function groupedRows(src: SourceTable, cols: TableColumn[], results: boolean): TableRow[] {
  const th = src.settings.thresholds;
  const sign = results ? 1 : -1;
  const rows: TableRow[] = [];
  const sums: Amounts[] = [];
  for (const [name, items] of groupBy(src.rows, (r) => r.groups[0] ?? '')) {
    const counted = items.filter((r) => !isVaravLabel(r.label));
    const sum = amountsOf(counted);
    sums.push(sum);
    if (name) rows.push(makeRow(name, 'group', 0, sum, cols, sign, th, counted.map((r) => r.row)));
    for (const [label, same] of groupBy(items, (r) => r.label)) rows.push(makeRow(label, 'net', (name ? 1 : 0) + (isVaravLabel(label) ? 1 : 0), amountsOf(same), cols, sign, th, same.map((r) => r.row)));
  }
  rows.push(makeRow(results ? 'Summa resultat' : 'Summa nettokostnad', 'sum', 0, sumAmounts(sums), cols, sign, th));
  return rows;
}

export function netCostTables(src: SourceTable, opts: TableOptions): StandardTable[] {
  const out: StandardTable[] = [];
  const cols = netCostColumns(src);
  const word = labelWord(src.header.labelHeader, 'Verksamhet');
  const results = !!(src.header.results || src.header.yardstick);
  if (cols.length > 0) out.push(table(src, 'nettokostnad', results ? 'Resultat per verksamhet' : 'Nettokostnad per verksamhet', word, cols, groupedRows(src, cols, results)));
  const years = nettokostnadPerAr(src, opts, verksamheter(src));
  if (years) {
    years.labelHeader = `${word}, ${src.settings.unit}`;
    years.rows = activityRows(src, verksamheter(src), years.columns);
    out.push(years);
  }
  return out;
}
