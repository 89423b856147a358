/**
 * Indikatorer: a measured value per year against a target written as text.
 *
 * Numeric targets are evaluated exactly (Decimal comparisons) to `Uppnås` / `Uppnås ej`; text targets
 * such as `Länssnitt` or `Topp tre i länet`, and missing values, are `Ej bedömd`.
 *
 * Accepted target forms (spaces, non-breaking and thin spaces are tolerated everywhere):
 * - an operator and a number: `≥2`, `>=2`, `≥ 2,5`, `>80`, `≤ 10`, `<7,9 %`, `=100`;
 *   unicode `≥ ≤` and ASCII `>= <=` (also `=> =<`) are the same operators;
 * - a bare number means "at least": `5 %` → `>= 5`;
 * - Swedish words: `minst`/`lägst` (>=), `högst`/`max`/`max.` (<=), `över`/`mer än` (>),
 *   `under`/`mindre än` (<);
 * - numbers in Swedish form: decimal comma (a point is accepted too), space as thousands separator,
 *   a leading `-`, `−` or `+`; a trailing `%` or `procent` marks a percent target.
 *
 * A percent target compared with a value that is clearly a fraction (|value| ≤ 1 while the target is
 * > 1, i.e. the cell held 0,079 formatted as 7,9 %) compares value × 100.
 */
import Decimal from 'decimal.js';

export type IndicatorStatus = 'Uppnås' | 'Uppnås ej' | 'Ej bedömd';
export type TargetOp = '>=' | '>' | '<=' | '<' | '=';
export interface Target {
  op: TargetOp;
  value: Decimal;
  percent: boolean;
}

const OPERATORS: ReadonlyArray<readonly [RegExp, TargetOp]> = [
  [/^(?:≥|>=|=>)/, '>='],
  [/^(?:≤|<=|=<)/, '<='],
  [/^>/, '>'],
  [/^</, '<'],
  [/^=/, '='],
  [/^(?:minst|lägst|lagst)\s/, '>='],
  [/^(?:högst|hogst|max\.?)\s/, '<='],
  [/^(?:över|mer än|mer an|fler än|fler an)\s/, '>'],
  [/^(?:under|mindre än|mindre an|färre än|farre an)\s/, '<'],
];

const NUMBER = /^([+\-\u2212]?)(\d{1,3}(?: \d{3})+|\d+)(?:[.,](\d+))?$/;

/** Parses a numeric target; null for text targets (`Länssnitt`, `Topp tre i länet`) or blanks. */
export function parseTarget(text: string): Target | null {
  let s = text
    .replace(/[\u00a0\u2007\u2009\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  if (s === '') return null;

  let op: TargetOp = '>=';
  for (const [re, o] of OPERATORS) {
    const m = re.exec(s);
    if (m) {
      op = o;
      s = s.slice(m[0].length).trim();
      break;
    }
  }

  let percent = false;
  const pm = /\s*(?:%|procent)$/.exec(s);
  if (pm) {
    percent = true;
    s = s.slice(0, pm.index).trim();
  }

  const nm = NUMBER.exec(s);
  if (!nm) return null;
  const sign = nm[1] === '-' || nm[1] === '\u2212' ? '-' : '';
  const digits = nm[2].replace(/ /g, '');
  const value = new Decimal(`${sign}${digits}${nm[3] !== undefined ? `.${nm[3]}` : ''}`);
  return { op, value, percent };
}

function compare(value: Decimal, op: TargetOp, target: Decimal): boolean {
  switch (op) {
    case '>=':
      return value.gte(target);
    case '>':
      return value.gt(target);
    case '<=':
      return value.lte(target);
    case '<':
      return value.lt(target);
    case '=':
      return value.eq(target);
  }
}

/** Evaluates one measured value against its target text. */
export function evaluateIndicator(value: Decimal | null, targetText: string): IndicatorStatus {
  if (value === null || !value.isFinite()) return 'Ej bedömd';
  const target = parseTarget(targetText);
  if (target === null) return 'Ej bedömd';
  const asFraction = target.percent && value.abs().lte(1) && target.value.abs().gt(1);
  const compared = asFraction ? value.times(100) : value;
  return compare(compared, target.op, target.value) ? 'Uppnås' : 'Uppnås ej';
}
