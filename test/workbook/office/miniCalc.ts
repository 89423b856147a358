/**
 * Calculates the avvikelse formulas in the fake Excel, with the in-memory workbook's evaluator
 * (src/workbook/memory/formula.ts). The fake keeps a blank cell as `''` and an error as its `#…` text;
 * a formula the evaluator cannot read, or one with a function it does not know, gives undefined (the
 * fake then keeps the cell's value).
 */
import { cellAddress } from '../../../src/core/address';
import { evaluate, isFormulaError, parseFormula, type FormulaValue } from '../../../src/workbook/memory/formula';
import type { Scalar } from './fakeModel';

function fromScalar(v: Scalar): FormulaValue {
  if (v === '') return null;
  if (typeof v === 'string' && /^#[A-Z0-9/]+[!?]?$/.test(v)) return { error: v };
  return v;
}

export function calculate(formula: string, cell: (ref: string) => Scalar): Scalar | undefined {
  const expr = parseFormula(formula);
  if (!expr) return undefined;
  const value = evaluate(expr, (row, col) => fromScalar(cell(cellAddress(row, col))));
  if (isFormulaError(value)) return value.error === '#NAME?' ? undefined : value.error;
  return value ?? 0;
}
