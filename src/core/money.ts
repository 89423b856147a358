/**
 * Exact money handling: reading amount cells, unit conversion, rounding and Swedish formatting.
 *
 * No float arithmetic touches an amount: text is parsed into a canonical decimal string and handed to
 * decimal.js; rounding is always explicit (half away from zero); `-0` is normalised to `0` everywhere.
 * The module uses its own Decimal constructor (precision 40, library defaults otherwise), so it does
 * not depend on, nor change, the global Decimal configuration. Its instances are ordinary `Decimal`s.
 */
import Decimal from 'decimal.js';
import { asDec, Dec, decFromNumber, tight, ZERO } from './decimal';
import type { InputUnit, RawValue, Unit } from './types';

export type ParsedCell = { kind: 'amount'; value: Decimal } | { kind: 'blank' } | { kind: 'error'; message: string };

/** The project's constructor (40 significant digits, half away from zero): one constructor, so
 * arithmetic never has to convert between clones. */
const D = Dec;

/** Longest cell text quoted in a message before it is cut with `…`. */
const MAX_QUOTED = 40;

/** Characters accepted as a minus sign: hyphen-minus, U+2212 minus sign, en dash. */
const MINUS_SIGNS = new Set(['-', '\u2212', '\u2013']);
/** A cell holding only one of these means "nothing". */
const LONE_DASHES = new Set(['-', '\u2212', '\u2013', '\u2014']);
/** Spaces used as thousands separators: NBSP, figure space, thin space, narrow NBSP. */
const SPACE_LIKE = /[\u00A0\u2007\u2009\u202F]/g;

/** Every zero is the one shared `0` (values are immutable): a sheet with many blank or zero cells keeps one. */
function normaliseZero(d: Decimal): Decimal {
  return d.isZero() ? ZERO : d;
}

/** Integer digits with optional thousands separators `sep` in strict groups of three; digits only, or null. */
function integerDigits(text: string, sep: string | null): string | null {
  if (/^\d+$/.test(text)) return text;
  if (sep === null) return null;
  const groups = text.split(sep);
  const [first, ...rest] = groups;
  if (rest.length === 0 || !/^\d{1,3}$/.test(first)) return null;
  if (!rest.every((g) => /^\d{3}$/.test(g))) return null;
  return groups.join('');
}

/**
 * The unsigned numeric body (no sign, no parentheses) → canonical `123.45` / `1.5e15`, or null.
 */
function canonicalBody(body: string): string | null {
  if (body === '') return null;
  const sci = /^(\d+(?:\.\d+)?|\.\d+)[eE]([+-]?\d+)$/.exec(body);
  if (sci) return `${sci[1]}e${sci[2]}`;
  if (!/^[\d ., ]+$/.test(body)) return null;

  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  const hasSpace = body.includes(' ');

  let intPart: string;
  let fracPart: string | null = null;
  let sep: string | null = hasSpace ? ' ' : null;

  if (dots > 0 && commas > 0) {
    // Both occur: the last one is the decimal separator, the other one groups thousands.
    const decimalSep = lastDot > lastComma ? '.' : ',';
    const groupSep = decimalSep === '.' ? ',' : '.';
    if ((decimalSep === '.' ? dots : commas) !== 1 || hasSpace) return null;
    const at = decimalSep === '.' ? lastDot : lastComma;
    intPart = body.slice(0, at);
    fracPart = body.slice(at + 1);
    sep = groupSep;
  } else if (dots > 1 || commas > 1) {
    // Several of the same mark: thousands separators only (`1.234.567`, `1,234,567`).
    if (hasSpace) return null;
    intPart = body;
    sep = dots > 1 ? '.' : ',';
  } else if (dots === 1 || commas === 1) {
    const at = dots === 1 ? lastDot : lastComma;
    intPart = body.slice(0, at);
    fracPart = body.slice(at + 1);
  } else {
    intPart = body;
  }

  if (fracPart !== null && !/^\d+$/.test(fracPart)) return null;
  let digits: string | null;
  if (intPart === '') digits = fracPart !== null && sep === null ? '0' : null;
  else digits = integerDigits(intPart, sep);
  if (digits === null) return null;
  return fracPart === null ? digits : `${digits}.${fracPart}`;
}

/**
 * Swedish (and English/Excel-invariant) numeric text → exact Decimal; null when the text is not a
 * number. Accepts `1 234,50`, `−1 234`, `- 6 279`, `(1 234)`, `+12`, `1,234.50`, `1.234.567`, `1e15`,
 * and an optional trailing `kr`.
 */
export function parseSwedishNumber(text: string): Decimal | null {
  let s = text.replace(SPACE_LIKE, ' ').trim();
  s = s.replace(/\s*kr$/i, '');
  let negative = false;
  const paren = /^\(\s*(.*?)\s*\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1];
  } else if (s.length > 0 && (MINUS_SIGNS.has(s[0]) || s[0] === '+')) {
    negative = s[0] !== '+';
    s = s.slice(1).replace(/^ +/, '');
  }
  const body = canonicalBody(s);
  if (body === null) return null;
  const value = new D(negative ? `-${body}` : body);
  if (!value.isFinite()) return null;
  return normaliseZero(tight(value));
}

function quote(text: string): string {
  const chars = Array.from(text);
  const shown = chars.length > MAX_QUOTED ? `${chars.slice(0, MAX_QUOTED).join('')}…` : text;
  return `"${shown}"`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** A date as `2026-08-31` (UTC components: spreadsheet readers hand dates over as UTC midnight). */
function isoDate(date: Date): string {
  return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

/** Excel's error values, which Office.js hands over as text (`#N/A`, `#REF!`, `#DIV/0!` …). */
const EXCEL_ERROR = /^#(N\/A|REF!|DIV\/0!|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/i;

/** Amounts from 10^18 up (a million times the state budget) are no amounts: below it every sum,
 * displayed figure and percentage stays a finite number. */
export const MAX_AMOUNT = 1e18;
const tooLarge = (shown: string): ParsedCell => ({ kind: 'error', message: `${quote(shown)} är för stort för att vara ett belopp` });

/** One spreadsheet cell → an amount, a blank, or an error with a Swedish message (without address). */
export function parseAmountCell(value: RawValue): ParsedCell {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'error', message: `"${String(value)}" är inget belopp` };
    if (Math.abs(value) >= MAX_AMOUNT) return tooLarge(String(value));
    return { kind: 'amount', value: normaliseZero(decFromNumber(value)) };
  }
  if (typeof value === 'boolean') {
    return { kind: 'error', message: `"${value ? 'SANT' : 'FALSKT'}" är inget belopp` };
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { kind: 'error', message: 'ogiltigt datum, inget belopp' };
    return { kind: 'error', message: `"${isoDate(value)}" är ett datum, inget belopp` };
  }
  if (typeof value === 'string') {
    const trimmed = value.replace(SPACE_LIKE, ' ').trim();
    if (trimmed === '' || LONE_DASHES.has(trimmed)) return { kind: 'blank' };
    const parsed = parseSwedishNumber(trimmed);
    if (parsed !== null) return parsed.abs().gte(MAX_AMOUNT) ? tooLarge(trimmed) : { kind: 'amount', value: parsed };
    if (EXCEL_ERROR.test(trimmed)) return { kind: 'error', message: `${quote(trimmed)} är ett felvärde, inget belopp` };
    return { kind: 'error', message: `${quote(trimmed)} är inget belopp` };
  }
  if (value.message) return { kind: 'error', message: value.message };
  return { kind: 'error', message: `${quote(value.error)} är ett felvärde, inget belopp` };
}

/** Round to `decimals` places, ties away from zero; never returns `-0`. */
export function roundHalfAwayFromZero(d: Decimal, decimals: number): Decimal {
  return normaliseZero(asDec(d).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP));
}

/** Kronor in one unit of the sheet's figures: kr 1, tkr 1 000, mnkr 1 000 000. */
export function kronorPer(unit: InputUnit): number {
  return unit === 'tkr' ? 1000 : unit === 'mnkr' ? 1_000_000 : 1;
}

/** An amount in the sheet's input unit → kronor (tkr × 1 000, mnkr × 1 000 000; kr unchanged). */
export function fromInputUnit(d: Decimal, inputUnit: InputUnit): Decimal {
  const x = asDec(d);
  return normaliseZero(inputUnit === 'kr' ? x : x.times(kronorPer(inputUnit)));
}

/** Kronor → tkr (÷ 1 000) or mnkr (÷ 1 000 000), unrounded. */
export function toUnit(kr: Decimal, unit: Unit): Decimal {
  const x = asDec(kr);
  return normaliseZero(unit === 'tkr' ? x.div(1000) : x.div(1_000_000));
}

/** Decimals shown for a unit: tkr 0, mnkr 1. */
export function unitDecimals(unit: Unit): number {
  return unit === 'tkr' ? 0 : 1;
}

/** Kronor → the figure shown in a table cell: converted and rounded half away from zero. */
export function displayAmount(kr: Decimal, unit: Unit): Decimal {
  return roundHalfAwayFromZero(toUnit(kr, unit), unitDecimals(unit));
}

/** A percentage as shown: one decimal, half away from zero. */
export function displayPercent(pct: Decimal): Decimal {
  return roundHalfAwayFromZero(pct, 1);
}

/** Swedish display text: `1 234`, `-1 234`, `1 234,5`, `0,0`; rounds half away from zero first. */
export function formatSwedish(d: Decimal, decimals: number): string {
  const rounded = roundHalfAwayFromZero(d, decimals);
  // Decimal#toFixed is string-based (exact); the value is already rounded, so it only pads.
  const fixed = rounded.abs().toFixed(decimals);
  const [intPart, fracPart] = fixed.split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+$)/g, ' ');
  const sign = rounded.isNegative() && !rounded.isZero() ? '-' : '';
  return fracPart === undefined ? `${sign}${grouped}` : `${sign}${grouped},${fracPart}`;
}

/** `1 rad`, `4 166 rader`: a count with Swedish digit grouping and the word in singular or plural. */
export function countText(n: number, one: string, many: string): string {
  return `${formatSwedish(new D(n), 0)} ${n === 1 ? one : many}`;
}

/** Decimal → JS number for JSON output; never `-0`. */
export function toJsonNumber(d: Decimal): number {
  const n = d.toNumber();
  return n === 0 ? 0 : n;
}

export function isZero(d: Decimal): boolean {
  return d.isZero();
}
