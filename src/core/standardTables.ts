/** Every standard table a source table yields, by its kind (and those of its further column blocks). */
import { balansrakning, resultatrakning } from './incomeStatementTable';
import { netCostTables } from './netCostTable';
import type { SourceTable } from './sourceTable';
import { driftredovisning, investeringar, nettokostnadPerAr, nettokostnadPerVerksamhet, portfolj, type TableOptions } from './tables';
import type { StandardTable } from './types';

/** The standard tables of one source table (one column block). */
function tablesOf(src: SourceTable, opts: TableOptions): StandardTable[] {
  switch (src.kind) {
    case 'drift':
      return [driftredovisning(src), nettokostnadPerVerksamhet(src), nettokostnadPerAr(src, opts)].filter((t): t is StandardTable => !!t);
    case 'nettokostnad':
      return netCostTables(src, opts);
    case 'resultatrakning':
      return [resultatrakning(src)];
    case 'balansrakning':
      return [balansrakning(src)];
    case 'investeringar':
      return [investeringar(src)];
    case 'portfolj':
      return [portfolj(src)];
    case 'indikatorer':
      return [];
  }
}

/** All standard tables a source table yields: its own, then those of its further column blocks, titled by block. */
export function standardTables(src: SourceTable, opts: TableOptions): StandardTable[] {
  const own = tablesOf(src, opts);
  for (const block of src.blocks ?? []) {
    const name = block.blockName ?? 'fler kolumner';
    // the block's own name over its columns, not `Helår` / `Perioden`, which belong to the year
    for (const t of tablesOf(block, opts)) own.push({ ...t, title: `${t.title} – ${name}`, columns: t.columns.map((c) => ({ ...c, group: name })) });
  }
  return own;
}
