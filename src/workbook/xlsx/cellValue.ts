/**
 * One cell's value as SpreadsheetML stores it, by its type attribute: shared or inline text, a number
 * (as SpreadsheetML writes numbers, not as JavaScript reads them), a boolean, an error, a date; and
 * the small readings of a cell's attributes (its column, its style index) straight from the text.
 */
import type { RawValue } from '../../core/types';

/**
 * Only digits, signs, a point, an exponent and spaces: what is left of a number as SpreadsheetML writes
 * one (`-1.5E3`) once JavaScript's wider reading has accepted it (which also takes `0x1A`, `0b1`).
 */
function decimalCharacters(v: string): boolean {
  let digits = false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) digits = true;
    else if (!(c === 46 || c === 45 || c === 43 || c === 101 || c === 69 || c === 32 || c === 9 || c === 10 || c === 13)) return false;
  }
  return digits;
}

function numberValue(v: string): RawValue {
  const n = Number(v);
  if (Number.isFinite(n) && decimalCharacters(v)) return n;
  if (v.trim() === '') return null;
  return { error: '#VALUE!', message: `värdet "${v.length > 40 ? `${v.slice(0, 40)}…` : v}" i filen är inget tal` };
}

export function cellValue(type: string | undefined, v: string | undefined, inline: string | undefined, shared: string[]): RawValue {
  switch (type) {
    case 's':
      return v === undefined ? null : shared[Number(v)] ?? null;
    case 'inlineStr':
      return inline ?? null;
    case 'str':
      return v ?? null;
    case 'b':
      return v === undefined ? null : v === '1' || v === 'true';
    case 'e':
      return v === undefined ? null : { error: v };
    case 'd':
      return v === undefined ? null : new Date(v);
    default:
      return v === undefined || v === '' ? null : numberValue(v);
  }
}

/** 10^k as exact doubles (written out: no rounding of a power function between). */
const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The number written at `[from, to)` of the text when it is plainly `-?digits[.digits]` with at most
 * 15 digits (`643505.4`, `-12`): read straight from the text, with no string between; else NaN (then
 * read it as `cellValue` does). The same value as `Number` of the text: an integer below 10^15 and a
 * power of ten up to 10^15 are exact doubles, and one division of exact doubles is rounded correctly.
 */
export function plainDecimalAt(xml: string, from: number, to: number): number {
  let i = from;
  const negative = xml.charCodeAt(i) === 45;
  if (negative) i++;
  let n = 0;
  let digits = 0;
  let point = -1;
  for (; i < to; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) {
      n = n * 10 + d;
      digits++;
    } else if (d === -2 && point < 0) point = i;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const value = point < 0 ? n : n / POWERS_OF_TEN[to - point - 1];
  return negative ? -value : value;
}

/** Excel's serial day number → the date (the 1900 system, as UTC midnight). */
export function serialToDate(serial: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000));
}

/** The 0-based column of a cell reference `B7`/`$B$7` at `[from, to)` of the text, or -1. */
export function refColumn(xml: string, from: number, to: number): number {
  let col = 0;
  let i = from < to && xml.charCodeAt(from) === 36 ? from + 1 : from;
  const first = i;
  for (; i < to; i++) {
    const c = xml.charCodeAt(i) & ~32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return i === first || i - first > 3 || i === to ? -1 : col - 1;
}

/** A non-negative integer at `[from, to)` of the text (a style index), or -1. */
export function indexAt(xml: string, from: number, to: number): number {
  if (from < 0 || to - from > 9 || to === from) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
