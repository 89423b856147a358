/**
 * The one Decimal constructor the project uses: 40 significant digits (1e15 kronor with öre and the
 * repeating decimals of even periodization stay exact far below the öre), rounding half away from zero.
 * A clone, so nothing here changes decimal.js's global configuration.
 */
import DecimalJs from 'decimal.js';

export const Dec = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Dec = DecimalJs;
export const ZERO = new Dec(0);
