/**
 * The sign convention of a printed table, worked out from its own figures.
 *
 * - signed: costs and expenditure negative, revenue positive; avvikelse = prognos − budget
 *   (utfall − budget) on every row;
 * - unsigned: costs shown positive; avvikelse = budget − prognos for cost rows, cost sums and net cost,
 *   prognos − budget for revenue.
 *
 * Each row whose avvikelse fits exactly one direction votes; the convention most rows agree with wins.
 * With no vote (no deviation columns, or every deviation 0), the signs of the cost rows decide.
 * Rows of unknown type count as costs in the unsigned convention (project lists and net costs per
 * activity are costs). Net rows (`Årets resultat`) are costs − revenue, or revenue − costs when the
 * figures say so (a surplus shown positive).
 */
import type Decimal from 'decimal.js';
import { Dec } from '../core/decimal';
import { fold } from '../core/rowTypes';
import { DEVIATION_OF } from '../core/tableRows';
import type { AmountRole, DeviationRole, SignConvention } from '../core/types';
import { sumTolerance } from './groups';
import { AMOUNT_COLUMNS } from './locate';
import type { Structure } from './structure';
import type { Convention, Line, SumDef, TableModel } from './types';

export interface DevPair {
  dev: DeviationRole;
  budget: AmountRole;
  actual: AmountRole;
}

/**
 * The budget and actual column of each deviation column. A table with one deviation column may pair
 * it across: `Budget | Utfall | Avvikelse` (budget helår against utfall).
 */
export function devPairs(table: TableModel): DevPair[] {
  const has = (r: AmountRole | DeviationRole) => table.columns[r] !== undefined;
  const pairs: DevPair[] = [];
  for (const dev of ['avvikelseHelar', 'avvikelsePeriod'] as DeviationRole[]) {
    if (!has(dev)) continue;
    const own = DEVIATION_OF[dev];
    const otherDev: DeviationRole = dev === 'avvikelseHelar' ? 'avvikelsePeriod' : 'avvikelseHelar';
    const other = DEVIATION_OF[otherDev];
    const budget = has(own.budget) ? own.budget : !has(otherDev) && has(other.budget) ? other.budget : undefined;
    const actual = has(own.actual) ? own.actual : !has(otherDev) && has(other.actual) ? other.actual : undefined;
    if (budget && actual) pairs.push({ dev, budget, actual });
  }
  return pairs;
}

/** An income statement's result shown unsigned: a net cost positive (a cost), any other result as it is. */
function resultSign(line: Line): 1 | -1 {
  return /nettokostnad/.test(fold(line.label)) ? -1 : 1;
}

/** The direction a row takes in the unsigned convention (net rows: from their form). */
function unsignedSign(line: Line, netSign: Map<number, 1 | -1>): 1 | -1 {
  if (line.kind === 'sum' && line.sumKind === 'net') return netSign.get(line.index) ?? -1;
  if (line.kind === 'sum' && (line.sumKind === 'subtotal' || line.sumKind === 'result')) return resultSign(line);
  return line.type === 'revenue' ? 1 : -1;
}

function netFormFits(table: TableModel, sum: SumDef, revenueSign: 1 | -1): number {
  const roles = AMOUNT_COLUMNS.filter((r) => table.columns[r] !== undefined);
  const tol = sumTolerance(sum.terms.length, table.step);
  let fit = 0;
  for (const role of roles) {
    const s = table.lines[sum.line].values[role];
    if (s === undefined) continue;
    let total: Decimal = new Dec(0);
    for (const t of sum.terms) {
      const v = table.lines[t].values[role] ?? new Dec(0);
      total = table.lines[t].type === 'revenue' ? total.plus(v.times(revenueSign)) : total.plus(v.times(-revenueSign));
    }
    if (total.minus(s).abs().lte(tol)) fit++;
  }
  return fit;
}

/** Unsigned net rows: −1 (costs − revenue, a net cost shown positive) unless revenue − costs fits better. */
function netSigns(table: TableModel, structure: Structure): Map<number, 1 | -1> {
  const signs = new Map<number, 1 | -1>();
  for (const sum of structure.sums) {
    if (sum.kind !== 'net' || !sum.terms.some((t) => table.lines[t].type === 'revenue')) continue;
    signs.set(sum.line, netFormFits(table, sum, 1) > netFormFits(table, sum, -1) ? 1 : -1);
  }
  return signs;
}

function actualWord(pairs: DevPair[]): string {
  const words = [...new Set(pairs.map((p) => (p.actual === 'prognosHelar' ? 'prognos' : 'utfall')))];
  return words.length === 0 ? 'prognos' : words.join(' (') + (words.length > 1 ? ')' : '');
}

export function conventionSentence(convention: SignConvention, pairs: DevPair[]): string {
  if (pairs.length === 0) return convention === 'signed' ? 'med tecken: kostnader och utgifter negativa, intäkter positiva' : 'utan tecken: kostnader visas positiva';
  const a = actualWord(pairs);
  return convention === 'signed'
    ? `med tecken: kostnader och utgifter negativa, intäkter positiva, avvikelse = ${a} − budget på varje rad`
    : `utan tecken: kostnader visas positiva, avvikelse = budget − ${a} för kostnader och ${a} − budget för intäkter`;
}

/** Signs of the cost-like rows' first figure: negative means signed. */
function signsOfCosts(lines: Line[]): { negative: number; positive: number } {
  let negative = 0;
  let positive = 0;
  for (const l of lines) {
    if (l.kind !== 'item' || l.type === 'revenue') continue;
    const v = [...AMOUNT_COLUMNS].map((r) => l.values[r]).find((x) => x && !x.isZero());
    if (!v) continue;
    if (v.isNegative()) negative++;
    else positive++;
  }
  return { negative, positive };
}

export function detectConvention(table: TableModel, structure: Structure): Convention {
  const { lines, step } = table;
  const pairs = devPairs(table);
  const net = netSigns(table, structure);
  let signedVotes = 0;
  let unsignedVotes = 0;
  let voters = 0;
  for (const line of lines) {
    for (const p of pairs) {
      const d = line.values[p.dev];
      const b = line.values[p.budget];
      const a = line.values[p.actual];
      if (!d || !b || !a) continue;
      const plus = d.minus(a.minus(b)).abs().lte(step);
      const minus = d.minus(b.minus(a)).abs().lte(step);
      if (plus === minus) continue;
      voters++;
      const dir = plus ? 1 : -1;
      if (dir === 1) signedVotes++;
      if (dir === unsignedSign(line, net)) unsignedVotes++;
    }
  }
  let convention: SignConvention;
  let why: string;
  if (signedVotes !== unsignedVotes) {
    convention = signedVotes > unsignedVotes ? 'signed' : 'unsigned';
    const agree = Math.max(signedVotes, unsignedVotes);
    why = `${agree} av ${voters} avvikelser stämmer med den`;
  } else {
    const { negative, positive } = signsOfCosts(lines);
    convention = negative > positive ? 'signed' : 'unsigned';
    const basis = pairs.length === 0 ? 'tabellen har ingen avvikelse att räkna om' : 'avvikelserna avgör inte';
    why = `${basis}; ${negative > positive ? 'kostnadsraderna har negativa belopp' : 'beloppen är positiva'}`;
  }
  let note = `Teckenkonvention ${conventionSentence(convention, pairs)} (antagen: ${why}).`;
  // the outcome measured against a forecast (prognossäkerhet): the yardstick is the forecast
  if (table.header.yardstick === 'prognos') note = note.replace(/(− |= )budget\b/g, '$1prognos');
  const costs = signsOfCosts(lines);
  if (convention === 'signed' && pairs.length > 0 && costs.positive > costs.negative && lines.some((l) => l.type === 'cost')) {
    note += ' Obs: kostnaderna står som positiva tal, så en positiv avvikelse betyder här en kostnad över budget.';
  }
  const signs = lines.map((l) => (convention === 'signed' ? 1 : unsignedSign(l, net)));
  const coefs = new Map<SumDef, (1 | -1)[]>();
  for (const sum of structure.sums) {
    const sign = net.get(sum.line);
    let list = sum.terms.map((t): 1 | -1 => {
      // unsigned results: each term in its own direction, seen from the result's
      if (convention !== 'signed' && (sum.kind === 'subtotal' || sum.kind === 'result')) return (unsignedSign(lines[t], net) * resultSign(lines[sum.line])) as 1 | -1;
      if (convention === 'signed' || sum.kind !== 'net' || sign === undefined) return 1;
      const revenue = lines[t].type === 'revenue';
      return (sign === -1) === revenue ? -1 : 1;
    });
    // a result whose figures add up as they stand (a table without types, in its own signs) is a plain sum
    if (list.some((c) => c === -1) && (sum.kind === 'subtotal' || sum.kind === 'result') && fitCount(table, sum, sum.terms.map(() => 1)) > fitCount(table, sum, list)) list = sum.terms.map(() => 1);
    coefs.set(sum, list);
  }
  return { convention, note, signs, coefs };
}

/** In how many amount columns the sum equals its terms with these coefficients (within rounding). */
function fitCount(table: TableModel, sum: SumDef, coefs: (1 | -1)[]): number {
  const tol = sumTolerance(sum.terms.length, table.step);
  let fit = 0;
  for (const role of AMOUNT_COLUMNS.filter((r) => table.columns[r] !== undefined)) {
    const s = table.lines[sum.line].values[role];
    if (s === undefined) continue;
    let total: Decimal = new Dec(0);
    sum.terms.forEach((t, i) => (total = total.plus((table.lines[t].values[role] ?? new Dec(0)).times(coefs[i]))));
    if (total.minus(s).abs().lte(tol)) fit++;
  }
  return fit;
}
