/** The layout strategy of each kind of source table. */
import type { SourceKind } from '../sourceTable';
import { balanceLayout, driftLayout, projectLayout } from './drift';
import { incomeStatementLayout } from './incomeStatement';
import type { Layout } from './layout';
import { netCostLayout } from './netCost';

export type { Layout } from './layout';

export function layoutOf(kind: SourceKind): Layout {
  switch (kind) {
    case 'nettokostnad':
      return netCostLayout;
    case 'resultatrakning':
      return incomeStatementLayout;
    case 'balansrakning':
      return balanceLayout;
    case 'investeringar':
    case 'portfolj':
      return projectLayout;
    default:
      return driftLayout;
  }
}
