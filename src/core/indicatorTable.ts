/** Indikatorer: a value per year against a target written as text, evaluated for the latest year. */
import type Decimal from 'decimal.js';
import { cellAddress, issue } from './address';
import { evaluateIndicator } from './indicators';
import { parseAmountCell } from './money';
import { cellText } from './source';
import type { HeaderMap, InputIssue, RawValue, StandardTable, TableColumn, TableRow } from './types';

export function indicatorTable(sheet: string, grid: RawValue[][], header: HeaderMap, unit: StandardTable['unit']): { table: StandardTable; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const years = Object.entries(header.yearColumns ?? {}).sort(([a], [b]) => Number(a) - Number(b));
  const columns: TableColumn[] = years.map(([year]) => ({ id: `ar${year}`, group: 'Utfall', title: year, format: 'number' }));
  columns.push({ id: 'mal', group: '', title: 'Mål', format: 'text' }, { id: 'bedomning', group: '', title: 'Bedömning', format: 'text' });
  const labelCol = header.columns.label ?? 0;
  const targetCol = header.columns.target;
  const rows: TableRow[] = [];
  for (let r = header.firstDataRow; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const label = cellText(cells[labelCol]);
    const values: Record<string, Decimal | null> = {};
    let latest: Decimal | null = null;
    let any = false;
    for (const [year, c] of years) {
      const parsed = parseAmountCell(cells[c]);
      if (parsed.kind === 'error') issues.push(issue(sheet, cellAddress(r, c), parsed.message.replace('inget belopp', 'inget tal')));
      const v = parsed.kind === 'amount' ? parsed.value : null;
      if (v) any = true;
      values[`ar${year}`] = v;
      latest = v;
    }
    const target = targetCol !== undefined ? cellText(cells[targetCol]) : '';
    if (!label && !any && !target) continue;
    const status = evaluateIndicator(latest, target);
    rows.push({ label, kind: 'item', level: 0, values, flag: null, direction: null, texts: { mal: target, bedomning: status }, sourceRows: [r + 1] });
  }
  const table: StandardTable = { sheet, type: 'indikatorer', title: 'Indikatorer', unit, labelHeader: header.labelHeader ?? 'Indikator', columns, rows, notes: [] };
  return { table, issues };
}
