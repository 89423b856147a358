/**
 * Net cost per verksamhet (`Förskola | Grundskola | Nämnd och förvaltning …` under `Nettokostnad`,
 * `Kommunbidrag`, `Ram`): every row is a net cost, never revenue. Shown positive (unsigned) or, as many
 * municipalities print them, negative (signed); either way an overrun is a negative avvikelse.
 */
import { userSumKind } from '../rowTypes';
import type { RowType, SignConvention } from '../types';
import { typeCellType } from './drift';
import { signCounts, type Amounts, type Layout } from './layout';

export const netCostLayout: Layout = {
  sumKind: userSumKind,
  accounts: false,
  knownType(p, ctx): RowType {
    const stated = typeCellType(p, ctx);
    return stated === 'revenue' ? 'revenue' : 'cost';
  },
  detectConvention(rows) {
    const { negative, positive } = signCounts(rows);
    return negative > positive
      ? { convention: 'signed', why: 'nettokostnaderna är negativa' }
      : { convention: 'unsigned', why: positive > 0 ? 'nettokostnaderna är positiva' : 'inga belopp visar tecknet' };
  },
  resolveType: (): RowType => 'cost',
  sumType: (): RowType => 'cost',
};

/**
 * A net-cost table whose figures all contradict a convention set for the whole workbook: every net
 * cost positive under `signed`, or every one negative under `unsigned`. Read that way, every overrun
 * would turn into a favourable deviation.
 */
export function contradictsNetCosts(rows: { raw: Amounts }[], convention: SignConvention): boolean {
  const { negative, positive } = signCounts(rows);
  if (convention === 'signed') return positive > 0 && negative === 0;
  if (convention === 'unsigned') return negative > 0 && positive === 0;
  return false;
}
