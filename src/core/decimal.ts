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
export type Dec = DecimalJs;
export const ZERO = new Dec(0);
