/**
 * Choosing among equal explanations of a failing rule: a figure copied from the wrong row is far from
 * its row's figure for the other year, and close to it once corrected (Luleå 2018, Not 2: "Avgår interna
 * kostnader" 2017 printed −548, the line above's figure, where −1 936 belongs beside 2018's −1 899).
 */
import type Decimal from 'decimal.js';
import { Dec } from '../core/decimal';
import type { Candidate } from './diagnose';
import type { DiagnosisState } from './state';
import { parseCellKey, type TableModel, type ValueRole } from './types';
import { columnName, figure } from './words';

/** The same row's figure for the other year or the other measure: what a corrected figure is held against. */
const PEERS: Partial<Record<string, string>> = {
  utfallPeriod: 'utfallFgAr',
  utfallFgAr: 'utfallPeriod',
  budgetHelar: 'prognosHelar',
  prognosHelar: 'budgetHelar',
  budgetPeriod: 'utfallPeriod',
};

/**
 * Among candidates that explain the same rules, the one whose figure is far from its row's other year
 * (or measure) while the corrected figure is close to it — a figure copied from the wrong row — when
 * exactly one is so (at least five times closer after, the others no more than twice).
 */
export function plausibleWinner(st: DiagnosisState, table: TableModel, tied: Candidate[]): Candidate | undefined {
  const gain = (c: Candidate): number => {
    if (c.missing) return 0;
    const { line, role } = parseCellKey(c.root);
    const peerRole = PEERS[role];
    const peer = peerRole ? table.lines[line].values[peerRole as ValueRole] : undefined;
    const next = c.changes.get(c.root);
    if (!peer || !next || peer.isZero()) return 0;
    const before = st.value(c.root).minus(peer).abs();
    const after = Dec.max(next.minus(peer).abs(), table.step);
    return before.div(after).toNumber();
  };
  const scored = tied.map((c) => ({ c, g: gain(c) })).sort((a, b) => b.g - a.g);
  if (scored.length < 2 || scored[0].g < 5 || scored[1].g > 2) return undefined;
  const { line, role } = parseCellKey(scored[0].c.root);
  const peerRole = PEERS[role] as ValueRole;
  const peer = table.lines[line].values[peerRole] as Decimal;
  return { ...scored[0].c, hint: `jämför med radens ${columnName(peerRole, table)}, ${figure(peer, table)}` };
}

