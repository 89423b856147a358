/**
 * The numbers cached with an avvikelse formula, from whole öre without a Decimal: the same doubles
 * the Decimal path gives (`test/core/oreDeviation.property.test.ts`).
 *
 * Why they are the same, for amounts of whole öre below 1e11 kronor (|k| < 1e13, as `oreOfDecimal` gives):
 * - `ka − kb` is an integer below 2e13 < 2^53 in size, so the subtraction is exact.
 * - The deviation in the sheet's unit is (ka − kb) / (100 × kronor per unit), one division of exact
 *   integers, which IEEE rounds correctly: the double nearest the exact decimal. The Decimal path holds
 *   that decimal exactly (at most 10 decimals, far below 40 digits), and `toNumber` reads it back as
 *   its nearest double too.
 * - The percentage's fraction q = (ka − kb) / |kb| is one correctly rounded division. decimal.js first
 *   rounds q to 40 digits, a change of at most |q|·5e-40; a double rounding boundary (a midpoint m·2^E,
 *   m odd of 54 bits) is never q itself (q = p/b in lowest terms with |p| < 2^45 cannot have a 54-bit odd
 *   numerator) and lies at least |q|·2^-54 / |kb| > |q|·5e-30 from it, so both round to the same double.
 */

/** The deviation of a row in the sheet's unit: actual − budget, or budget − actual for a cost-like row. */
export function deviationFromOre(actual: number, budget: number, costLike: boolean, kronorPerUnit: number): number {
  const ore = costLike ? budget - actual : actual - budget;
  return ore / (100 * kronorPerUnit) || 0;
}

/** The deviation as a fraction of |budget| (the percentage cell's value); NaN when the budget is 0. */
export function deviationShareFromOre(deviationOre: number, budget: number): number {
  return budget === 0 ? Number.NaN : deviationOre / Math.abs(budget) || 0;
}
