/**
 * Tables that keep the sheet's rows (an income statement, a note, a balance sheet): each line item with
 * its own figures, each sum as the shared structure reader (`structure.ts`) reads it — a result is the
 * previous result plus the lines since, a `Summa …` its group — computed from the unrounded items.
 * `varav` rows are shown but not added again. Shown in the sheet's own sign: costs negative in a signed
 * statement, positive (with a net cost) in an unsigned one.
 */
import { fold } from './rowTypes';
import { sheetStructure, type SheetLine } from './sheetStructure';
import type { SourceTable } from './sourceTable';
import type { SumDef } from './structure';
import { availableRoles, labelWord, makeRow, standardColumns, sumAmounts, table, type Amounts } from './tableRows';
import type { RowKind, SourceRow, StandardTable, TableRow, TableType } from './types';

/** Each line's amounts: an item's own, a sum's from its terms (memoised; a breakdown leaves its line as it is). */
function lineAmounts(lines: SheetLine[], sums: SumDef[], items: Map<number, SourceRow>): (i: number) => Amounts | undefined {
  const adding = new Map<number, SumDef>();
  for (const s of sums) if (s.kind !== 'breakdown' && s.kind !== 'varav') adding.set(s.line, s);
  const memo = new Map<number, Amounts | undefined>();
  const of = (i: number): Amounts | undefined => {
    if (memo.has(i)) return memo.get(i);
    memo.set(i, undefined); // a cycle (never in a sheet read top to bottom) adds nothing
    const sum = adding.get(i);
    const item = items.get(lines[i].row);
    const value = sum ? sumAmounts(sum.terms.map(of).filter((a): a is Amounts => !!a)) : item?.amounts;
    memo.set(i, value);
    return value;
  };
  return of;
}

/** The sheet's rows in its order, sums computed; headings without a total are left out. */
export function sheetOrderRows(src: SourceTable, type: TableType): TableRow[] {
  const { lines, sums } = sheetStructure(src);
  const cols = standardColumns(src, availableRoles(src));
  const th = src.settings.thresholds;
  const unsigned = src.convention === 'unsigned';
  const items = new Map(src.rows.map((r) => [r.row, r]));
  const amountsOf = lineAmounts(lines, sums, items);
  const rows: TableRow[] = [];
  for (const line of lines) {
    const amounts = amountsOf(line.index);
    if (!amounts) continue;
    const item = items.get(line.row);
    if (item && line.kind !== 'sum') {
      const kind: RowKind = item.type === 'revenue' ? 'revenue' : type === 'resultatrakning' ? 'cost' : 'item';
      rows.push(makeRow(line.label, kind, 0, amounts, cols, unsigned && item.type === 'cost' ? -1 : 1, th, [line.row]));
      continue;
    }
    const sign = unsigned && /nettokostnad/.test(fold(line.label)) ? -1 : 1;
    rows.push(makeRow(line.label, 'sum', 0, amounts, cols, sign, th, [line.row]));
  }
  return rows;
}

export function resultatrakning(src: SourceTable): StandardTable {
  const rows = sheetOrderRows(src, 'resultatrakning');
  return table(src, 'resultatrakning', 'Resultaträkning', labelWord(src.header.labelHeader, ''), standardColumns(src, availableRoles(src)), rows);
}

/** A balance sheet as it stands: its lines and its sums in the sheet's order. */
export function balansrakning(src: SourceTable): StandardTable {
  const rows = sheetOrderRows(src, 'balansrakning');
  return table(src, 'balansrakning', 'Balansräkning', labelWord(src.header.labelHeader, ''), standardColumns(src, availableRoles(src)), rows);
}
