import { locateTables } from '../../src/audit/locate';
import { readStructure } from '../../src/core/structure';
import { REAL_TABLES } from './index';
import { builtCell } from './build';
test('zz3', () => {
  const t = REAL_TABLES.find((x) => x.id === process.env.T)!;
  const grid = t.printed.map((row, r) => row.map((c) => (r < (t.headerRows ?? 0) ? c : builtCell(c)?.value ?? null)));
  for (const table of locateTables('X', grid as never)) {
    const st = readStructure(table.lines);
    console.log(table.title, JSON.stringify(table.columns), table.lines.map((l) => `${l.row + 1}:${l.kind}:${l.label}`).join(' | '), '\n', st.sums.map((x) => `${table.lines[x.line].row + 1} ${x.kind} <- ${x.terms.map((i) => table.lines[i].row + 1)}`).join('\n'));
  }
});
