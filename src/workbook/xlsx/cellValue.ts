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
