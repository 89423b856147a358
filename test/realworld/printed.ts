/**
 * Reads a printed cell of the real-world corpus the way a reader of the report reads it: `'-6 279'`,
 * `'− 1 116'` (a minus sign and a space), `'– 8,2'`, `'4,823'`, `'3,7 %'`, `'+0,11'`, `'–'` alone.
 * Independent of the engine's money parsing on purpose (only the column-letter helpers of `src/core/address` are
 * shared): this is the ground truth the audit is measured against.
 */
import Decimal from 'decimal.js';
import { columnIndex, columnLetters } from '../../src/core/address';
import type { PrintedCell } from './types';

export type PrintedValue =
  | { kind: 'number'; value: Decimal; decimals: number; percent: boolean }
  | { kind: 'dash' }
  | { kind: 'empty' }
  | { kind: 'text'; text: string };

/** Minus signs seen in reports: hyphen-minus, minus sign, en dash, em dash. */
const MINUS = /^[-\u2212\u2013\u2014]\s*/;
/** Thousands separators: space, no-break space, thin space, narrow no-break space. */
const GROUP = /[ \u00a0\u2009\u202f]/g;
const DASH_ALONE = /^[-\u2212\u2013\u2014]$/;
const GROUPED_DIGITS = /^\d{1,3}( \d{3})*$|^\d+$/;

/** The digits of a magnitude as printed (`'1 234,5'`), or undefined when it is not a number. */
function magnitude(text: string): { digits: string; decimals: number } | undefined {
  const commas = text.split(',').length - 1;
  const dots = text.split('.').length - 1;
  if (commas + dots > 1) return undefined;
  const [whole, fraction = ''] = text.split(/[,.]/);
  const wholeNormal = whole.replace(/[\u00a0\u2009\u202f]/g, ' ');
  if (!GROUPED_DIGITS.test(wholeNormal) || !/^\d*$/.test(fraction)) return undefined;
  if (commas + dots === 1 && fraction === '') return undefined;
  return { digits: `${wholeNormal.replace(GROUP, '')}${fraction ? `.${fraction}` : ''}`, decimals: fraction.length };
}

/** Reads one printed cell. */
export function readPrinted(cell: PrintedCell): PrintedValue {
  if (cell === null || cell.trim() === '') return { kind: 'empty' };
  const text = cell.trim();
  if (DASH_ALONE.test(text)) return { kind: 'dash' };
  const percent = /\s?%$/.test(text);
  let body = text.replace(/\s?%$/, '');
  let negative = false;
  if (MINUS.test(body)) {
    negative = true;
    body = body.replace(MINUS, '');
  } else if (body.startsWith('+')) body = body.slice(1).trimStart();
  const m = magnitude(body);
  if (!m) return { kind: 'text', text: cell };
  const value = new Decimal(m.digits);
  return { kind: 'number', value: negative && !value.isZero() ? value.neg() : value, decimals: m.decimals, percent };
}

/** The value of a printed number cell, or undefined for anything else. */
export function printedNumber(cell: PrintedCell): Decimal | undefined {
  const v = readPrinted(cell);
  return v.kind === 'number' ? v.value : undefined;
}

/** The printed cell at an A1 address (row 1 = `printed[0]`); null outside the grid. */
export function printedAt(printed: PrintedCell[][], address: string): PrintedCell {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`Ogiltig celladress: ${address}`);
  return printed[Number(m[2]) - 1]?.[columnIndex(m[1])] ?? null;
}

export { columnIndex, columnLetters };
