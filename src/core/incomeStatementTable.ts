/**
 * The income statement (resultaträkning) as a standard table: its rows in the sheet's order, each line
 * item with its own figures, each result a running subtotal (the previous one plus the lines since, i.e.
 * everything above it), each `Summa …` the lines since the last result. Shown in the sheet's own sign:
 * costs negative in a signed statement, positive (with a net cost) in an unsigned one.
 */
import { fold } from './rowTypes';
import type { SourceTable } from './sourceTable';
import { addAmounts, labelWord, makeRow, standardColumns, availableRoles, sumAmounts, table, type Amounts } from './tableRows';
import type { RowKind, SourceRow, StandardTable, TableRow } from './types';

interface Entry {
  row: number;
  label: string;
  item?: SourceRow;
  sum?: 'subtotal' | 'local';
}

/** Line items, and the results and sums wherever they stand (with figures or left blank). */
function entries(src: SourceTable): Entry[] {
  const list: Entry[] = src.rows.map((r) => ({ row: r.row, label: r.label, item: r }));
  for (const s of src.sheetRows) if (s.sum) list.push({ row: s.row, label: s.label, sum: s.sum === 'subtotal' ? 'subtotal' : 'local' });
  for (const m of src.markers ?? []) if (m.kind === 'sum') list.push({ row: m.row, label: m.label, sum: /^(summa|delsumma|totalt)\b/.test(fold(m.label)) ? 'local' : 'subtotal' });
  return list.sort((a, b) => a.row - b.row);
}

export function resultatrakning(src: SourceTable): StandardTable {
  const cols = standardColumns(src, availableRoles(src));
  const th = src.settings.thresholds;
  const unsigned = src.convention === 'unsigned';
  const rows: TableRow[] = [];
  const running: Amounts = {};
  let since: Amounts[] = [];
  for (const e of entries(src)) {
    if (e.item) {
      addAmounts(running, e.item.amounts);
      since.push(e.item.amounts);
      const kind: RowKind = e.item.type === 'revenue' ? 'revenue' : 'cost';
      rows.push(makeRow(e.label, kind, 0, e.item.amounts, cols, unsigned && kind === 'cost' ? -1 : 1, th, [e.row]));
      continue;
    }
    const amounts = e.sum === 'subtotal' ? { ...running } : sumAmounts(since);
    if (e.sum === 'subtotal') since = [];
    const sign = unsigned && /nettokostnad/.test(fold(e.label)) ? -1 : 1;
    rows.push(makeRow(e.label, 'sum', 0, amounts, cols, sign, th, [e.row]));
  }
  const t = table(src, 'resultatrakning', 'Resultaträkning', labelWord(src.header.labelHeader, ''), cols, rows);
  return t;
}
