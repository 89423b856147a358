/** Editing a cell of the demo grid: the text an editor starts with, what a typed text stores, flag colours. */
import { Dec } from '../../../core/decimal';
import { parseSwedishNumber } from '../../../core/money';
import type { RawValue } from '../../../core/types';
import { cellText } from '../../model/grid';

/** A cell's value as an editor shows it: numbers in full, Swedish decimal comma, no thousands spaces. */
export function editText(value: RawValue): string {
  if (typeof value === 'number' && Number.isFinite(value)) return new Dec(value || 0).toFixed().replace('.', ',');
  return cellText(value);
}

/**
 * What typing `text` into a cell stores, as Excel in a Swedish locale would: nothing for an empty
 * text, a number for a Swedish (or invariant) number such as `-1 234,50`, otherwise the text itself.
 */
export function parseEdit(text: string): RawValue {
  if (text.trim() === '') return null;
  const n = parseSwedishNumber(text);
  return n === null ? text : n.toNumber() || 0;
}

/** An ARGB colour of a cell format (`FFFFC7CE`) as CSS (`#FFC7CE`). */
export function cssColor(argb: string): string {
  return `#${argb.slice(-6)}`;
}
