/**
 * The one Decimal constructor the project uses: 40 significant digits (1e15 kronor with öre and the
 * repeating decimals of even periodization stay exact far below the öre), rounding half away from zero.
 * A clone, so nothing here changes decimal.js's global configuration.
 */
import DecimalJs from 'decimal.js';

export const Dec = DecimalJs.clone({ defaults: true, precision: 40, rounding: DecimalJs.ROUND_HALF_UP });

/** `d` as one of ours: the same object when it already is one (no copy), else converted. */
export function asDec(d: DecimalJs): DecimalJs {
  return d.constructor === Dec ? d : new Dec(d); // clones share a prototype: instanceof would not tell
}
/**
 * `d` itself with its digit words moved into an array of exactly their length. decimal.js builds the
 * words of a parsed number by pushing onto an empty array, which V8 gives room for 17 words: an amount
 * kept per cell then costs about 230 bytes instead of 120. Only for a value nothing else holds yet.
 */
export function tight(d: DecimalJs): DecimalJs {
  const words = d.d;
  if (words && words.length < 17) (d as unknown as { d: number[] }).d = words.slice();
  return d;
}
/**
 * `-d` sharing `d`'s digit words instead of a copy of them: decimal.js never changes the words of a
 * value once made (its values are immutable). A sheet's cost rows are kept twice, as written and
 * signed, so this spares one array of words for each of their amounts.
 */
export function negatedSharing(d: DecimalJs): DecimalJs {
  const n = d.negated();
  if (n.d && d.d && n.d.length === d.d.length) (n as unknown as { d: number[] }).d = d.d;
  return n;
}
export type Dec = DecimalJs;
export const ZERO = new Dec(0);

const WORD = 1e7; // decimal.js keeps its digits in words of seven, aligned on the decimal point
/** Digits of a positive integer below 1e13 (the whole kronor of a fast-path amount). */
function digitCount(n: number): number {
  let count = 1;
  for (let p = 10; p <= n; p *= 10) count++;
  return count;
}
/**
 * The Decimal `k / 100` for an integer `k` of öre (|k| < 1e13, k ≠ 0), built word by word instead of by
 * parsing text: the same sign, exponent and digit words `new Dec(String(k / 100))` gets (leading and
 * trailing zero words dropped, the öre as the first two digits of the last word). Its word array has
 * exactly its length (as `tight` gives). `test/core/decimal.property.test.ts` checks the equality.
 */
export function decFromOre(k: number): DecimalJs {
  const a = Math.abs(k);
  const whole = Math.floor(a / 100);
  const cents = a - whole * 100;
  const frac = cents * 100000;
  let d: number[];
  let e: number;
  if (whole === 0) {
    d = [frac];
    e = cents >= 10 ? -1 : -2;
  } else {
    const hi = Math.floor(whole / WORD);
    const lo = whole - hi * WORD;
    e = digitCount(whole) - 1;
    if (hi === 0) d = frac ? [lo, frac] : [lo];
    else d = frac ? [hi, lo, frac] : lo ? [hi, lo] : [hi];
  }
  const x = Object.create(Dec.prototype) as { constructor: unknown; s: number; e: number; d: number[] };
  x.constructor = Dec; // as decimal.js's constructor does: the clone a value belongs to
  x.s = k < 0 ? -1 : 1;
  x.e = e;
  x.d = d;
  return x as unknown as DecimalJs;
}

/** Numbers that are whole öre this close to 0 take the fast path (see exactSum.ts for why it is exact). */
export const ORE_LIMIT = 1e11;
/** `n` in öre when it is a whole number of öre below ORE_LIMIT (then k/100 === n exactly), else undefined. */
export function oreOf(n: number): number | undefined {
  if (!(n < ORE_LIMIT && n > -ORE_LIMIT)) return undefined;
  const k = Math.round(n * 100);
  return k / 100 === n ? k : undefined;
}
/**
 * `new Dec(n)` for a finite number, without its text round trip when `n` is a whole number of öre; its
 * word array is always of exactly its length (see `tight`).
 */
export function decFromNumber(n: number): DecimalJs {
  const k = n === 0 ? undefined : oreOf(n);
  return k === undefined || k === 0 ? tight(new Dec(n)) : decFromOre(k);
}
