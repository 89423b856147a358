/** An operating account by category (driftredovisning): revenue and cost rows, typed by Typ, account or words. */
import { cellAddress, issue } from '../address';
import { labelsMayBeAccounts, typeFromAccount, typeFromLabel, userSumKind } from '../rowTypes';
import type { ParsedRow } from '../sourceRows';
import type { RowType } from '../types';
import { signCounts, typeBySign, type Layout, type TypeContext } from './layout';

/** The type a `Typ` cell states; an unknown word there is an error at the cell. */
export function typeCellType(p: ParsedRow, { sheet, header, issues }: TypeContext): RowType | 'unknown' | undefined {
  if (p.typeCell === 'revenue' || p.typeCell === 'cost') return p.typeCell;
  const typeCol = header.columns.type;
  if (p.typeCell === 'unknown' && typeCol !== undefined) {
    issues.push(issue(sheet, cellAddress(p.row - 1, typeCol), `"${p.typeText}" är ingen radtyp (skriv Intäkt eller Kostnad)`));
    return 'unknown';
  }
  return undefined;
}

export const driftLayout: Layout = {
  sumKind: userSumKind,
  accounts: true,
  knownType(p, ctx) {
    const { sheet, header, issues } = ctx;
    const stated = typeCellType(p, ctx);
    if (stated) return stated === 'unknown' ? undefined : stated;
    const byAccount = labelsMayBeAccounts(header.labelHeader) ? typeFromAccount(p.label) : undefined;
    if (byAccount === 'outside') {
      issues.push(issue(sheet, cellAddress(p.row - 1, header.columns.label ?? 0), `kontot i "${p.label}" hör inte till driftredovisningen (kontoklass 3–7)`));
      return undefined;
    }
    return byAccount ?? typeFromLabel(p.label) ?? p.typeHint;
  },
  /** Signed when most typed cost rows carry negative figures; without types, when any figure is negative. */
  detectConvention(rows) {
    const costs = signCounts(rows, (i) => rows[i].type === 'cost');
    if (costs.negative + costs.positive > 0) {
      return costs.negative > costs.positive ? { convention: 'signed', why: 'kostnadsraderna har negativa belopp' } : { convention: 'unsigned', why: 'kostnadsraderna har positiva belopp' };
    }
    return signCounts(rows).negative > 0 ? { convention: 'signed', why: 'negativa belopp förekommer' } : { convention: 'unsigned', why: 'alla belopp är positiva' };
  },
  resolveType: (convention, raw) => typeBySign(convention, raw),
  sumType: (sum) => (sum === 'revenue' ? 'revenue' : 'cost'),
};

/** Investments and portfolios: signed project lists; without a stated type an unsigned amount is expenditure. */
export const projectLayout: Layout = {
  sumKind: userSumKind,
  accounts: false,
  knownType(p, ctx) {
    const stated = typeCellType(p, ctx);
    return stated === 'unknown' ? undefined : stated;
  },
  detectConvention: (rows) => (signCounts(rows).negative > 0 ? { convention: 'signed', why: 'negativa belopp förekommer' } : { convention: 'unsigned', why: 'alla belopp är positiva' }),
  resolveType: (convention, raw): RowType => typeBySign(convention, raw) ?? 'cost',
  sumType: (sum, _label, convention) => (sum === 'revenue' ? 'revenue' : convention === 'unsigned' ? 'cost' : 'revenue'),
};

/** A balance sheet: its lines as they stand; only `Summa …` and `Totalt` are sums (`Årets resultat` is a line of equity). */
export const balanceLayout: Layout = {
  ...driftLayout,
  sumKind: (label) => {
    const kind = userSumKind(label);
    return kind === 'total' ? kind : undefined;
  },
  accounts: false,
};
