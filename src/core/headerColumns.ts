/**
 * The header's columns one by one: the text each shows (its own cell, and the top cell of a two-row
 * header that stands over it) and what that text names — a text role, a year, a measure in a context,
 * a bare `%`, a column deliberately not read, or nothing.
 */
import type { Role, RawValue } from './types';
import { componentPart, ignoredHeader, namesBudgetPart, namesColumnBlock, namesEntityYear, namesKoncern, namesNet, namesNetAmount, namesNetCost, type ComponentPart, type IgnoreReason } from './columnWords';
import { headerContext, headerMeasure, isBarePercent, isBokslut, isYearOnly, namesPeriodOnly, normalizeHeader, textKind, yearIn } from './headerWords';
import type { HeaderContext, Measure, TextKind } from './headerWords';

/** Excel's column limit; anything beyond is ignored. */
export const MAX_COLUMNS = 16384;
/** Longer texts are notes, not headers. */
const MAX_HEADER_TEXT = 300;
/** A number written as digits (data, not a header word). */
export const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;

export type ColumnKind =
  | { kind: 'text'; text: TextKind }
  | { kind: 'year'; year: string; koncern: boolean }
  | { kind: 'measure'; measure: Measure; ctx: HeaderContext; year?: number; bokslut: boolean; net: boolean; koncern: boolean }
  | { kind: 'component'; part: ComponentPart; key: string; koncern: boolean }
  | { kind: 'budgetPart' }
  | { kind: 'barePercent' }
  | { kind: 'ignored'; reason: IgnoreReason }
  | { kind: 'none' };

export interface Column {
  index: number;
  /** Header text for text roles: the bottom cell, or the column's own top cell when the bottom is blank. */
  textHeader: string;
  /** Everything the header says about the column (top and own cell), as written. */
  fullText: string;
  /** The top cell over the column (carried along a merged group); '' in a one-row header. */
  topText: string;
  kind: ColumnKind;
  /** Candidate role before duplicates are dropped. */
  role?: Role;
}

export type Measured = Column & { kind: Extract<ColumnKind, { kind: 'measure' }> };

export function isMeasured(col: Column): col is Measured {
  return col.kind.kind === 'measure';
}

/** A cell as header text; numbers (years) become digits, everything else that is not text is blank. */
function cellText(value: RawValue): string {
  if (typeof value === 'string') return value.length > MAX_HEADER_TEXT ? '' : value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return '';
}

export function rowTexts(row: RawValue[] | undefined): string[] {
  if (!Array.isArray(row)) return [];
  const width = Math.min(row.length, MAX_COLUMNS);
  const texts: string[] = new Array<string>(width);
  for (let c = 0; c < width; c++) texts[c] = cellText(row[c]);
  return texts;
}

/** A top cell that starts a (possibly merged and repeated) group. */
export function startsGroup(top: string[], c: number): boolean {
  const t = top[c] ?? '';
  return t !== '' && (c === 0 || (top[c - 1] ?? '') !== t);
}

/**
 * The row above is a context row when a context cell (Helår, Perioden jan–aug …) or a block's name
 * (Kommunen, Koncernen, Projektet totalt …) stands over a measure.
 */
export function isContextRow(top: string[], bottom: string[]): boolean {
  for (let c = 0; c < top.length; c++) {
    const below = bottom[c] ?? '';
    if (below === '' || (PLAIN_NUMBER.test(below) && !isYearOnly(below)) || !startsGroup(top, c)) continue;
    if (!namesColumnBlock(normalizeHeader(top[c])) && headerMeasure(normalizeHeader(top[c])) === undefined) continue;
    const b = normalizeHeader(below);
    if (headerMeasure(b) !== undefined || isYearOnly(b) || componentPart(b) !== undefined || namesNet(b) || namesEntityYear(b)) return true;
  }
  return false;
}

/** The measure and year of a component's context (`Utfall 2019` over `U | I`), as a key that pairs it with its net. */
function componentKey(combined: string): string {
  return `${headerMeasure(combined) ?? ''}|${yearIn(combined) ?? ''}`;
}

function classify(own: string, topText: string, topStart: boolean, twoRow: boolean, leftmost: boolean): ColumnKind {
  const textHeader = own !== '' ? own : topStart ? topText : '';
  const ownNormalized = normalizeHeader(textHeader);
  const reason = ignoredHeader(ownNormalized);
  if (reason) return { kind: 'ignored', reason };
  const text = textKind(ownNormalized);
  if (text) return { kind: 'text', text };
  const combined = normalizeHeader(own === '' ? topText : topText === '' ? own : `${topText} ${own}`);
  const koncern = namesKoncern(combined);
  const part = componentPart(normalizeHeader(own));
  if (part && !leftmost) return { kind: 'component', part, key: componentKey(combined), koncern };
  if (namesBudgetPart(combined)) return { kind: 'budgetPart' };
  if (isYearOnly(combined)) return { kind: 'year', year: combined, koncern };
  const ctx = headerContext(combined);
  const measured = (measure: Measure): ColumnKind => ({ kind: 'measure', measure, ctx, year: yearIn(combined), bokslut: isBokslut(combined), net: namesNetAmount(combined), koncern });
  const yearOnlyBelow = isYearOnly(normalizeHeader(own)) && topText !== '';
  if (namesEntityYear(normalizeHeader(own)) || (yearOnlyBelow && headerMeasure(normalizeHeader(topText)) === undefined)) return measured('utfall');
  let measure = headerMeasure(combined);
  if (measure === 'deviation' && ctx.fgAr) return { kind: 'ignored', reason: 'change' };
  if (measure === undefined) {
    // The header's own words only (not a context carried from a merged cell to its right).
    const ownWords = normalizeHeader(twoRow ? textHeader : own);
    if (namesPeriodOnly(ownWords)) measure = 'utfall';
    else if ((namesNetCost(combined) || namesNet(normalizeHeader(own))) && !leftmost) measure = 'utfall';
    else if (isBarePercent(normalizeHeader(own))) return { kind: 'barePercent' };
    else return { kind: 'none' };
  }
  return measured(measure);
}

const HYPHENATED = /\p{L}-\p{L}/u;
/** `SKATTE-INTÄKTER OCH GE-NERELLA BIDRAG` → `SKATTEINTÄKTER OCH GENERELLA BIDRAG`. */
export const joinBroken = (text: string) => text.replace(/(\p{L})-(\p{L})/gu, '$1$2');

export function buildColumns(top: string[] | null, bottom: string[]): Column[] {
  const width = Math.min(MAX_COLUMNS, Math.max(bottom.length, top?.length ?? 0));
  const columns: Column[] = [];
  // Wide sheets repeat the same few texts; classify each distinct combination once.
  const cache = new Map<string, ColumnKind>();
  const leftmost = bottom.findIndex((t) => t !== undefined && t !== '');
  let carried = '';
  for (let c = 0; c < width; c++) {
    let own = bottom[c] ?? '';
    let topText = '';
    let topStart = false;
    if (top) {
      const t = top[c] ?? '';
      if (t !== '') carried = t;
      topText = carried;
      topStart = startsGroup(top, c);
    }
    let kind: ColumnKind | undefined;
    if (topText === '' && (own === '' || (PLAIN_NUMBER.test(own) && !isYearOnly(own)))) {
      kind = { kind: 'none' };
    } else {
      const key = `${topStart ? 1 : 0}\u0000${c === leftmost ? 1 : 0}\u0000${topText}\u0000${own}`;
      kind = cache.get(key);
      if (kind === undefined) {
        kind = classify(own, topText, topStart, top !== null, c === leftmost);
        cache.set(key, kind);
      }
      // a header hyphenated where a narrow column broke its words (`BUDGE-TERAT RESULTAT`)
      if (kind.kind === 'none' && (HYPHENATED.test(own) || HYPHENATED.test(topText))) {
        const joined = classify(joinBroken(own), joinBroken(topText), topStart, top !== null, c === leftmost);
        if (joined.kind !== 'none') [kind, own, topText] = [joined, joinBroken(own), joinBroken(topText)];
      }
    }
    const textHeader = own !== '' ? own : topStart ? topText : '';
    const fullText = topText && own && topText !== own ? `${topText} ${own}` : own || topText;
    columns.push({ index: c, textHeader, fullText, topText, kind });
  }
  return columns;
}
