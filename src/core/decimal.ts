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
