/** The Swedish sentence of each finding: what the cell says, what it should say, and why. */
import type Decimal from 'decimal.js';
import { Dec } from '../core/decimal';
import { residual, type Cells } from './constraints';
import type { Candidate, Draft } from './diagnose';
import type { CellKey, Constraint, TableModel } from './types';
import { cellKeyOf, parseCellKey } from './types';
import { addressOf, cellName, columnName, figure, joinSv, typoHint } from './words';

const valueIn = (cells: Cells, key: CellKey, changes?: Map<CellKey, Decimal>): Decimal => changes?.get(key) ?? cells.get(key) ?? new Dec(0);

function labelOf(table: TableModel, line: number): string {
  return table.lines[line].label || `rad ${table.lines[line].row + 1}`;
}

/** `budget helår 88 310 och prognos helår 90 115` for a deviation rule. */
function devInputs(table: TableModel, c: Constraint, cells: Cells, changes?: Map<CellKey, Decimal>): string {
  const actual = c.terms[1].key;
  const budget = c.terms[2].key;
  const name = (k: CellKey) => columnName(parseCellKey(k).role, table);
  return `${name(budget)} ${figure(valueIn(cells, budget, changes), table)} och ${name(actual)} ${figure(valueIn(cells, actual, changes), table)}`;
}

/** `Intäkter 2021 157,0 och Kostnader 2021 -558,2` for a column computed on its row. */
function rowInputs(table: TableModel, c: Constraint, cells: Cells, changes?: Map<CellKey, Decimal>): string {
  const parts = c.terms.slice(1).map((t) => `${columnName(parseCellKey(t.key).role, table)} ${figure(valueIn(cells, t.key, changes), table)}`);
  return joinSv(parts);
}

/** `summan Verksamhetens kostnader`, but `Summa nyinvestering` as it stands. */
export function sumName(label: string): string {
  return /^summa\b/i.test(label) ? label : `summan ${label}`;
}

function byColumn(table: TableModel, keys: CellKey[]): CellKey[] {
  const col = (k: CellKey) => table.columns[parseCellKey(k).role] ?? 0;
  return [...keys].sort((a, b) => parseCellKey(a).line - parseCellKey(b).line || col(a) - col(b));
}

/** Cells that carry the error further (changed along with the root): `Felet följer med till …`. */
function carriedOver(table: TableModel, keys: CellKey[], cells: Cells, changes: Map<CellKey, Decimal>): string {
  if (keys.length === 0) return '';
  if (keys.length === 1) {
    const k = keys[0];
    return ` Felet följer med till ${cellName(k, table)} i ${addressOf(k, table)} (${figure(valueIn(cells, k), table)} → ${figure(changes.get(k) as Decimal, table)}).`;
  }
  const lines = new Map<number, CellKey[]>();
  for (const k of byColumn(table, keys)) {
    const line = parseCellKey(k).line;
    lines.set(line, [...(lines.get(line) ?? []), k]);
  }
  const parts = [...lines].map(([line, list]) => `${labelOf(table, line)} (${list.map((k) => addressOf(k, table)).join(', ')})`);
  return ` Felet följer med till ${joinSv(parts)}.`;
}

function explainMissing(table: TableModel, cand: Candidate, cells: Cells): Draft {
  const m = cand.missing as NonNullable<Candidate['missing']>;
  const keys = byColumn(table, m.keys);
  const first = keys[0];
  const found = valueIn(cells, first);
  const expected = cand.changes.get(first) as Decimal;
  const diff = expected.minus(found).abs();
  const what = m.twice ? 'verkar vara medräknad två gånger i' : 'verkar saknas i';
  const also = keys.slice(1).map((k) => columnName(parseCellKey(k).role, table));
  const key = cellKeyOf(m.termLine, parseCellKey(first).role);
  const message =
    `raden ${labelOf(table, m.termLine)} ${what} ${sumName(labelOf(table, m.sumLine))} (skillnad ${figure(diff, table)}): ` +
    `${columnName(parseCellKey(first).role, table)} i ${addressOf(first, table)} är ${figure(found, table)}, raderna ger ${figure(expected, table)}` +
    (also.length > 0 ? `; likaså ${joinSv(also)}.` : '.') +
    carriedOver(table, [...cand.changes.keys()].filter((k) => !m.keys.includes(k)), cells, cand.changes);
  return { key, found, expected, kind: 'error', message };
}

/** Why the corrected value is right, from each rule it makes hold. */
function reasons(table: TableModel, cand: Candidate, cells: Cells): { lead?: string; rest: string[] } {
  let lead: string | undefined;
  const rest: string[] = [];
  const sums = new Map<number, string[]>();
  for (const c of cand.fixed) {
    const owner = c.terms[0].key;
    const value = figure(valueIn(cells, owner, cand.changes), table);
    if (c.kind === 'dev') {
      if (owner === cand.root && lead === undefined) lead = `${devInputs(table, c, cells, cand.changes)} ger ${value}`;
      else rest.push(`avvikelsen i ${addressOf(owner, table)} (${value})`);
    } else if (c.kind === 'row') {
      if (owner === cand.root && lead === undefined) lead = c.terms.length === 2 && c.what ? c.what : `${rowInputs(table, c, cells, cand.changes)} ger ${value}`;
      else rest.push(`${c.what ?? 'beräkningen'} i ${addressOf(owner, table)} (${value})`);
    } else if (c.kind === 'sum') {
      if (owner === cand.root) rest.push('summan av raderna');
      else {
        const line = parseCellKey(owner).line;
        sums.set(line, [...(sums.get(line) ?? []), value]);
      }
    } else {
      const bh = figure(valueIn(cells, c.terms[1].key, cand.changes), table);
      if (owner === cand.root && lead === undefined) lead = `periodens budget avviker från jämn periodisering (förväntat ${value} = ${bh} × ${c.months}/12)`;
      else rest.push(`jämn periodisering (${bh} × ${c.months}/12)`);
    }
  }
  for (const [line, values] of sums) rest.push(`${sumName(labelOf(table, line))} (${values.join('; ')})`);
  return { lead, rest: [...new Set(rest)] };
}

export function explainCandidate(table: TableModel, cand: Candidate, cells: Cells): Draft {
  if (cand.missing) return explainMissing(table, cand, cells);
  const found = valueIn(cells, cand.root);
  const expected = cand.changes.get(cand.root) as Decimal;
  const hint = typoHint(found, expected, table.decimals) ?? cand.hint;
  const { lead, rest } = reasons(table, cand, cells);
  const why = lead ? `${lead}${rest.length ? `; då stämmer också ${joinSv(rest)}` : ''}` : `med ${figure(expected, table)} stämmer ${joinSv(rest)}`;
  const message =
    `${cellName(cand.root, table)}: ${figure(found, table)} borde vara ${figure(expected, table)}${hint ? ` (${hint})` : ''} – ${why}.` +
    carriedOver(table, [...cand.changes.keys()].filter((k) => k !== cand.root), cells, cand.changes);
  return { key: cand.root, found, expected, kind: 'error', message };
}

/** `kostnader 149 145 − intäkter 12 400 ger 136 745`, or `4 rader (Personal, Lokaler …) ger 149 145`. */
function sumDescription(table: TableModel, c: Constraint, cells: Cells, expected: Decimal): string {
  const terms = c.terms.slice(1);
  const plus = terms.filter((t) => t.coef.isNegative());
  const minus = terms.filter((t) => t.coef.isPositive());
  const total = (list: typeof terms) => list.reduce((acc, t) => acc.plus(valueIn(cells, t.key)), new Dec(0));
  if (minus.length > 0) {
    const word = (list: typeof terms) => (list.every((t) => table.lines[parseCellKey(t.key).line].type === 'revenue') ? 'intäkter' : 'kostnader');
    return `${word(plus)} ${figure(total(plus), table)} − ${word(minus)} ${figure(total(minus), table)} ger ${figure(expected, table)}`;
  }
  const labels = terms.map((t) => labelOf(table, parseCellKey(t.key).line));
  const shown = labels.length > 4 ? `${labels.slice(0, 3).join(', ')} …` : labels.join(', ');
  return `${terms.length === 1 ? 'raden' : `de ${terms.length} raderna`} (${shown}) ger ${figure(expected, table)}`;
}

export function explainNatural(table: TableModel, c: Constraint, cells: Cells, expected: Decimal, ownRules: Constraint[]): Draft {
  const key = c.terms[0].key;
  const found = valueIn(cells, key);
  const head = `${cellName(key, table)}: ${figure(found, table)}`;
  let message: string;
  if (c.kind === 'dev') {
    const flipped = !found.isZero() && found.plus(expected).abs().lte(table.step);
    message = flipped
      ? `${head} borde vara ${figure(expected, table)} (tecknet är omvänt) – ${devInputs(table, c, cells)} ger ${figure(expected, table)}.`
      : `${head} borde vara ${figure(expected, table)} – stämmer inte med ${devInputs(table, c, cells)}.`;
  } else if (c.kind === 'row') {
    message = c.terms.length === 2 && c.what ? `${head} borde vara ${figure(expected, table)} – ${c.what}.` : `${head} borde vara ${figure(expected, table)} – ${c.what ?? 'beräkningen'}: ${rowInputs(table, c, cells)} ger ${figure(expected, table)}.`;
  } else if (c.kind === 'period') {
    const bh = valueIn(cells, c.terms[1].key);
    message = `${head} – periodens budget avviker från jämn periodisering (förväntat ${figure(expected, table)} = ${figure(bh, table)} × ${c.months}/12).`;
  } else {
    message = `${head} borde vara ${figure(expected, table)} – ${sumDescription(table, c, cells, expected)}`;
    const ownDev = ownRules.find((d) => d.kind === 'dev' && residual(d, cells).abs().lte(d.tol));
    if (ownDev) message += '; summan stämmer med sin egen avvikelse, så felet kan ligga i någon av raderna';
    message += '.';
  }
  return { key, found, expected, kind: 'error', message };
}

export function explainRounding(table: TableModel, c: Constraint, cells: Cells, r: Decimal): Draft {
  const key = c.terms[0].key;
  const found = valueIn(cells, key);
  const expected = found.minus(r);
  const head = `${cellName(key, table)}: ${figure(found, table)} mot beräknat ${figure(expected, table)} – avrundningsdifferens`;
  const message =
    c.kind === 'dev'
      ? `${head} (${devInputs(table, c, cells)} är avrundade; högst ±${figure(c.tol, table)}).`
      : c.kind === 'row'
        ? `${head} (${rowInputs(table, c, cells)} är avrundade; högst ±${figure(c.tol, table)}).`
        : `${head} (summan av ${c.terms.length - 1} avrundade belopp får avvika högst ±${figure(c.tol, table)}).`;
  return { key, found, expected, kind: 'rounding', message };
}

/** Several cells would each explain the failing rule: report it at the rule's own cell, with the suspects. */
export function explainAmbiguous(table: TableModel, c: Constraint, cells: Cells, tied: Candidate[]): Draft {
  const key = c.terms[0].key;
  const found = valueIn(cells, key);
  const expected = found.minus(residual(c, cells));
  const suspects = tied
    .slice(0, 4)
    .map((t) => (t.missing ? `raden ${labelOf(table, t.missing.termLine)} saknas i summan` : `${cellName(t.root, table)} ${figure(valueIn(cells, t.root), table)} → ${figure(t.changes.get(t.root) as Decimal, table)}`));
  const what = c.kind === 'sum' ? `stämmer inte med raderna, som ger ${figure(expected, table)}` : `borde vara ${figure(expected, table)}`;
  const message =
    `${cellName(key, table)}: ${figure(found, table)} ${what} (skillnad ${figure(expected.minus(found).abs(), table)}) – ` +
    `ingen enskild cell förklarar det entydigt; felet kan ligga i ${joinSv(suspects, 'eller')}${tied.length > 4 ? ' …' : ''}.`;
  return { key, found, expected, kind: 'error', message };
}
