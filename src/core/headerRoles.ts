/**
 * Which role each measured column of a header plays (budget helår, utfall for the period, avvikelse …),
 * and, when a role recurs, the column blocks it falls into: an investment table's block *since project
 * start* (`Total budget | Ack. utfall | Prognos slutkostnad | Avvikelse`) beside its block *this year*
 * (`Budget 2025 | Utfall 2025 | Avvikelse`). Each block gets its roles on its own; the year block is the
 * primary one, the one the standard tables use.
 */
import { normalizeHeader } from './headerWords';
import { isMeasured, type Column, type Measured } from './headerColumns';
import { AMOUNT_ROLES, type AmountRole, type Role } from './types';

function amountRole(col: Measured, maxYear: number | undefined, closedYears = false): AmountRole | undefined {
  const { measure, ctx, year, bokslut } = col.kind;
  const older = year !== undefined && maxYear !== undefined && year < maxYear;
  if (measure === 'budget' || measure === 'prognos') {
    if (ctx.fgAr || older) return undefined;
    if (measure === 'prognos') return 'prognosHelar';
    return ctx.period ? 'budgetPeriod' : 'budgetHelar';
  }
  if (measure !== 'utfall') return undefined;
  if (ctx.helar && !ctx.period) return undefined; // `Utfall helår`: full-year actuals (see annual.ts)
  // `Bokslut 2025` beside a period's utfall is last year's closing figure, no period's; beside this year's
  // `Bokslut 2026` it is last year's (an annual report's years side by side)
  if (bokslut && older && !closedYears) return undefined;
  if (older && year !== undefined && maxYear !== undefined) {
    const diff = maxYear - year;
    return diff === 1 ? 'utfallFgAr' : diff === 2 ? 'utfallFgAr2' : undefined;
  }
  return ctx.fgAr ? 'utfallFgAr' : 'utfallPeriod';
}

function deviationRole(col: Measured, columns: Column[], from: number, maxYear: number | undefined): Role | undefined {
  const { measure, ctx, year } = col.kind;
  if (ctx.fgAr) return undefined; // a deviation against last year is not a budget deviation
  if (year !== undefined && maxYear !== undefined && year < maxYear) return undefined; // `Avvikelse 2017`: last year's
  let period: boolean;
  if (ctx.period !== ctx.helar) {
    period = ctx.period;
  } else {
    period = false;
    for (let i = columns.indexOf(col) - 1; i >= from; i--) {
      const role = columns[i].role;
      if (role !== undefined && (AMOUNT_ROLES as readonly Role[]).includes(role)) {
        period = role === 'budgetPeriod' || role === 'utfallPeriod';
        break;
      }
    }
  }
  if (measure === 'percent') return period ? 'avvikelsePctPeriod' : 'avvikelsePctHelar';
  return period ? 'avvikelsePeriod' : 'avvikelseHelar';
}

/** The latest year the header dates this year's figures with. */
function currentYear(measured: Measured[]): number | undefined {
  let maxYear: number | undefined;
  let maxOtherYear: number | undefined;
  let undatedUtfall = false;
  for (const col of measured) {
    const { measure, year, ctx } = col.kind;
    if (measure === 'utfall' && year === undefined && !ctx.fgAr && !(ctx.helar && !ctx.period)) undatedUtfall = true;
    if (year === undefined || measure === 'deviation' || measure === 'percent') continue;
    if (maxYear === undefined || year > maxYear) maxYear = year;
    if (measure !== 'utfall' && (maxOtherYear === undefined || year > maxOtherYear)) maxOtherYear = year;
  }
  // `Utfall jan–aug | Utfall jan–aug 2025`: the undated column is this year, so every dated utfall
  // is an earlier year, unless a budget or forecast column dates the current year itself.
  if (undatedUtfall && maxYear !== undefined && (maxOtherYear === undefined || maxOtherYear < maxYear)) maxYear += 1;
  return maxYear;
}

/** Roles of the columns from `from` to `to` (exclusive), judged on their own. */
function assignRange(columns: Column[], from: number, to: number): void {
  const range = columns.slice(from, to);
  const measured = range.filter(isMeasured);
  const maxYear = currentYear(measured);
  const closedYears = measured.some((c) => c.kind.bokslut && c.kind.year === maxYear);
  for (const col of measured) col.role = amountRole(col, maxYear, closedYears);
  for (const col of measured) {
    if (col.kind.measure === 'deviation' || col.kind.measure === 'percent') col.role = deviationRole(col, columns, from, maxYear);
  }
  // `Utfall helår` beside a budget and no forecast: the year's actuals of an annual table (see annual.ts)
  if (!measured.some((c) => c.role === 'prognosHelar' || c.role === 'utfallPeriod')) {
    const year = measured.find((c) => c.kind.measure === 'utfall' && c.kind.ctx.helar && !c.kind.ctx.period && !c.kind.ctx.fgAr && (c.kind.year ?? maxYear ?? 0) >= (maxYear ?? 0));
    if (year) year.role = 'utfallPeriod';
  }
  for (const col of range) {
    if (col.kind.kind !== 'barePercent' || col.index === from) continue;
    const left = columns[col.index - 1].role;
    if (left === 'avvikelseHelar') col.role = 'avvikelsePctHelar';
    if (left === 'avvikelsePeriod') col.role = 'avvikelsePctPeriod';
  }
}

export interface BlockRange {
  from: number;
  to: number;
}

/** Where the top row's group that holds column `c` starts. */
function groupStart(columns: Column[], c: number, floor: number): number {
  let s = c;
  while (s - 1 > floor && columns[s - 1].topText !== '' && columns[s - 1].topText === columns[c].topText) s--;
  return s;
}

/** Splits the columns into blocks where a role recurs (at the start of the top cell's group, when there is one). */
function blockRanges(columns: Column[], from: number, to: number): BlockRange[] {
  const ranges: BlockRange[] = [];
  let start = from;
  let seen = new Set<Role>();
  for (const col of columns.slice(from, to)) {
    const role = col.role;
    if (role === undefined) continue;
    if (seen.has(role)) {
      const at = columns[col.index].topText ? groupStart(columns, col.index, start) : col.index;
      ranges.push({ from: start, to: at });
      start = at;
      seen = new Set(columns.slice(at, col.index).map((c) => c.role).filter((r): r is Role => r !== undefined));
    }
    seen.add(role);
  }
  ranges.push({ from: start, to });
  return ranges;
}

const PROJECT_WORDS = /total|slutkostnad|slutprognos|sedan start|projektstart|hela projektet|projektbudget|beviljad|(?<![a-z])ack(?![a-z])|ackumuler/;

/** How much a block looks like *this year*: no project-lifetime words, the latest year. */
function yearScore(columns: Column[], r: BlockRange): [number, number] {
  const slice = columns.slice(r.from, r.to).filter(isMeasured);
  const project = slice.some((c) => PROJECT_WORDS.test(normalizeHeader(c.fullText)));
  const year = Math.max(0, ...slice.map((c) => c.kind.year ?? 0));
  return [project ? 0 : 1, year];
}

export interface RoleBlocks {
  /** The block the standard tables use. */
  primary: BlockRange;
  /** The others, in sheet order. */
  others: BlockRange[];
  /** Where the `Koncern` columns start (they form a block of their own, which the report does not read). */
  koncernFrom?: number;
}

/** A column of the group's figures (`Koncern 2019`, under `Kommunkoncernen`). */
function isKoncern(col: Column): boolean {
  return (col.kind.kind === 'measure' || col.kind.kind === 'component' || col.kind.kind === 'year') && col.kind.koncern;
}

/**
 * Assigns every measured column its role. One block when no role recurs (the common case: `Helår` and
 * `Perioden jan–aug` give different roles); otherwise each block is read on its own.
 */
export function assignMeasureRoles(columns: Column[]): RoleBlocks {
  const koncern = columns.filter(isKoncern).map((c) => c.index);
  const own = columns.filter((c) => (c.kind.kind === 'measure' || c.kind.kind === 'component') && !isKoncern(c)).map((c) => c.index);
  if (koncern.length > 0 && own.length > 0) {
    const k = { from: Math.min(...koncern), to: Math.max(...koncern) + 1 };
    // the kommun's columns on their own, the koncern's as a block of their own (before or after them)
    const ownRange = own.every((c) => c < k.from) ? { from: 0, to: k.from } : own.every((c) => c >= k.to) ? { from: k.to, to: columns.length } : undefined;
    if (ownRange) {
      const result = assignOwnRoles(columns, ownRange.from, ownRange.to);
      assignRange(columns, k.from, k.to);
      return { ...result, others: [...result.others, k], koncernFrom: k.from };
    }
  }
  return assignOwnRoles(columns, 0, columns.length);
}

function assignOwnRoles(columns: Column[], from: number, to: number): RoleBlocks {
  const whole = { from, to };
  assignRange(columns, from, to);
  const ranges = blockRanges(columns, from, to).filter((r) => columns.slice(r.from, r.to).some((c) => c.role !== undefined));
  // a block needs two figures of its own; a lone repeated column is a duplicate, and the first one wins
  const roles = (r: BlockRange) => columns.slice(r.from, r.to).filter((c) => c.role !== undefined).length;
  if (ranges.length <= 1 || ranges.some((r) => roles(r) < 2)) return { primary: whole, others: [] };
  for (const r of ranges) assignRange(columns, r.from, r.to);
  let best = ranges[0];
  for (const r of ranges.slice(1)) {
    const [p, y] = yearScore(columns, r);
    const [bp, by] = yearScore(columns, best);
    if (p > bp || (p === bp && y > by)) best = r;
  }
  return { primary: best, others: ranges.filter((r) => r !== best) };
}

/** A block's name as the sheet gives it: its top cell, else its first column's header. */
export function blockName(columns: Column[], r: BlockRange): string {
  const slice = columns.slice(r.from, r.to).filter((c) => c.role !== undefined);
  const top = slice[0]?.topText;
  if (top && slice.every((c) => c.topText === top)) return top;
  return slice.map((c) => c.fullText).join(', ');
}
