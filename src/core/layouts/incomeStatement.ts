/**
 * An income statement (resultaträkning): its line items are typed by their words (`Skatteintäkter`
 * revenue, `Verksamhetens kostnader` and `Avskrivningar` costs); its results (`Verksamhetens
 * nettokostnad`, `Årets resultat`) are running subtotals, each the previous one plus the lines since.
 */
import { statementLine } from '../incomeStatement';
import { fold } from '../rowTypes';
import type { UserSumKind } from '../rowTypes';
import { typeFromLabel } from '../rowTypes';
import type { RowType } from '../types';
import { typeCellType } from './drift';
import { signCounts, typeBySign, type Layout } from './layout';

function sumKind(label: string): UserSumKind | undefined {
  const line = statementLine(label);
  if (!line || line.kind === 'item') return undefined;
  return line.kind === 'subtotal' ? 'subtotal' : 'total';
}

export const incomeStatementLayout: Layout = {
  sumKind,
  accounts: false,
  knownType(p, ctx) {
    const stated = typeCellType(p, ctx);
    if (stated) return stated === 'unknown' ? undefined : stated;
    const line = statementLine(p.label);
    return (line?.kind === 'item' ? line.type : undefined) ?? typeFromLabel(p.label);
  },
  detectConvention(rows) {
    const costs = signCounts(rows, (i) => rows[i].type === 'cost');
    return costs.negative >= costs.positive && costs.negative > 0
      ? { convention: 'signed', why: 'kostnaderna står med minustecken' }
      : { convention: 'unsigned', why: 'kostnaderna står som positiva tal' };
  },
  resolveType: (convention, raw) => typeBySign(convention, raw),
  /** Signed: every result is actual − budget. Unsigned: a net cost is a cost, a result is not. */
  sumType: (_sum, label, convention): RowType => (convention === 'unsigned' && /nettokostnad/.test(fold(label)) ? 'cost' : 'revenue'),
};
