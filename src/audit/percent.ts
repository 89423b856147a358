/**
 * Avvikelse % = avvikelse / |budget| × 100, checked against the (corrected) deviation and budget.
 * The printed deviation and budget are rounded, so the true percentage lies in an interval; a printed
 * percentage inside it (± half a unit of its own last decimal) is right. Columns holding fractions
 * (0.007 shown as 0,7 % by a number format) are recognised by which scale most rows fit.
 */
import type Decimal from 'decimal.js';
import { Dec } from '../core/decimal';
import { formatSwedish, roundHalfAwayFromZero } from '../core/money';
import type { Cells } from './constraints';
import type { DevPair } from './convention';
import type { Draft } from './diagnose';
import type { Line, TableModel, ValueRole } from './types';
import { cellKeyOf } from './types';
import { cellName, figure } from './words';

const MAX_PERCENT_DECIMALS = 6;

interface Row {
  line: Line;
  pct: Decimal;
  dev: Decimal;
  budget: Decimal;
}

function interval(row: Row, step: Decimal, scale: number): { lo: Decimal; hi: Decimal } | undefined {
  const half = step.div(2);
  const bLo = row.budget.abs().minus(half);
  if (bLo.lte(0)) return undefined;
  const bHi = row.budget.abs().plus(half);
  const corners = [row.dev.minus(half), row.dev.plus(half)].flatMap((d) => [d.div(bLo), d.div(bHi)]).map((x) => x.times(scale));
  return { lo: Dec.min(...corners), hi: Dec.max(...corners) };
}

function fits(row: Row, step: Decimal, scale: number, slack: Decimal): boolean {
  const range = interval(row, step, scale);
  return !range || (row.pct.gte(range.lo.minus(slack)) && row.pct.lte(range.hi.plus(slack)));
}

export function checkPercent(table: TableModel, pairs: DevPair[], cells: Cells): Draft[] {
  const drafts: Draft[] = [];
  for (const p of pairs) {
    const role: ValueRole = p.dev === 'avvikelseHelar' ? 'avvikelsePctHelar' : 'avvikelsePctPeriod';
    if (table.columns[role] === undefined) continue;
    const rows: Row[] = [];
    for (const line of table.lines) {
      const pct = line.values[role];
      const dev = cells.get(cellKeyOf(line.index, p.dev));
      const budget = cells.get(cellKeyOf(line.index, p.budget));
      if (pct && dev && budget && !budget.isZero()) rows.push({ line, pct, dev, budget });
    }
    if (rows.length === 0) continue;
    const decimals = Math.min(MAX_PERCENT_DECIMALS, Math.max(...rows.map((r) => r.pct.decimalPlaces())));
    const slack = new Dec(1).div(new Dec(10).pow(decimals)).div(2);
    const fitting = (scale: number) => rows.filter((r) => fits(r, table.step, scale, slack)).length;
    const scale = fitting(1) > fitting(100) ? 1 : 100;
    for (const row of rows) {
      if (fits(row, table.step, scale, slack)) continue;
      const expected = roundHalfAwayFromZero(row.dev.div(row.budget.abs()).times(scale), decimals);
      const key = cellKeyOf(row.line.index, role);
      const message =
        `${cellName(key, table)}: ${formatSwedish(row.pct, decimals)} borde vara ${formatSwedish(expected, decimals)} – ` +
        `avvikelse ${figure(row.dev, table)} / |budget ${figure(row.budget, table)}|${scale === 100 ? ' × 100' : ''}.`;
      drafts.push({ key, found: row.pct, expected, kind: 'error', message });
    }
  }
  return drafts;
}
