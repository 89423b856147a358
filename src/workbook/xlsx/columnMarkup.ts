/**
 * A `ColumnWrite`'s cells as markup straight from its typed arrays: the very text `cellXml` makes of
 * `columnCell`'s object (and the patch of a cell holding a formula already makes of it), without that
 * object, the row's formula as a string of its own, or a style lookup per cell. The pieces that do not
 * change from row to row (the `<c r="F`, the style attribute, the formula's parts, XML-encoded once)
 * are made once per column; a row's number is spliced in between.
 */
import { ROW_MARK, type ColumnWrite } from '../port';
import { cellHead, styleAttribute } from './sheetXml';
import type { StyleBook } from './styles';
import { encodeXml } from './xml';

export class ColumnMarkup {
  private readonly head: string;
  /**
   * Each formula template's parts between the row marks, XML-encoded (encoding goes unit by unit, so it
   * commutes with the join), the first after `<f>`, the last before `</f>`: the `<f>` element in pieces.
   */
  private readonly parts: string[][];
  /** The start tag's end after the reference, by the user's style + 1 (0: no style): a number's and an empty text's. */
  private readonly numberTag: string[] = [];
  private readonly textTag: string[] = [];
  /** The last row (0-based), its number as text, and the cell's start up to the reference's end (`<c r="F50`). */
  private lastRow = -1;
  private number = '';
  private headNumber = '';

  private constructor(
    private readonly column: ColumnWrite,
    private readonly styles: StyleBook,
  ) {
    this.head = cellHead(column.col);
    this.parts = column.formulas.map((f) => {
      const parts = f.split(ROW_MARK).map(encodeXml);
      parts[0] = `<f>${parts[0]}`;
      parts[parts.length - 1] += '</f>';
      return parts;
    });
  }

  /** The markup maker of a column, or undefined where `cellXml` would not write a formula (an empty template). */
  static of(column: ColumnWrite, styles: StyleBook): ColumnMarkup | undefined {
    return column.formulas.length > 0 && column.formulas.every((f) => f !== '') ? new ColumnMarkup(column, styles) : undefined;
  }

  /**
   * The i-th cell of the column, over a user's cell of style `style` (-1: none, or a new cell); with
   * `existingFormula` (the user's `<f>` element as written) in place of ours.
   */
  cell(i: number, style: number, existingFormula?: string): string {
    const column = this.column;
    const row = column.rows[i];
    if (row !== this.lastRow) {
      this.lastRow = row;
      this.number = String(row + 1);
      this.headNumber = this.head + this.number;
    }
    const v = column.values[i];
    const text = v !== v; // NaN: the empty text, as `cachedValue` has it
    const tag = this.tag(text ? this.textTag : this.numberTag, style, text);
    const formula = existingFormula ?? this.formula(i);
    const value = text ? '<v></v></c>' : Number.isFinite(v) ? valueElement(v) : '</c>';
    return this.headNumber + tag + formula + value;
  }

  /** Our `<f>` element of the i-th row: its template's pieces with the row's number between. */
  private formula(i: number): string {
    const parts = this.parts[this.column.variants ? this.column.variants[i] : 0];
    const number = this.number;
    let f = parts[0];
    for (let k = 1; k < parts.length; k++) f = f + number + parts[k];
    return f;
  }

  /** `" s="3">` (or `" s="3" t="str">`), made once per style of the user's and kind. */
  private tag(tags: string[], style: number, text: boolean): string {
    const made = tags[style + 1];
    if (made !== undefined) return made;
    const user = style < 0 ? undefined : style;
    const numFmt = this.column.style?.numFmt;
    const styleIndex = numFmt ? this.styles.withDefaultNumFmt(user, numFmt) : user;
    return (tags[style + 1] = `${styleAttribute(styleIndex)}${text ? ' t="str"' : ''}>`);
  }
}

/** What follows an amount's whole part, by its hundredths: `.05`, `.5` or nothing, then the cell's end. */
const VALUE_ENDS = Array.from({ length: 100 }, (_, f) => `${f === 0 ? '' : f % 10 === 0 ? `.${f / 10}` : `.${String(f).padStart(2, '0')}`}</v></c>`);

/**
 * `<v>${v}</v></c>` for a finite number, sooner for an amount in öre (a whole number of hundredths, as
 * the fill's cached values mostly are): when `v` is the double nearest to n / 100 with |n| < 10^15, that
 * decimal has at most 15 significant digits, so no other decimal of as few digits has the same nearest
 * double and `String(v)`, the shortest decimal that reads back as `v`, is n / 100 written out in full
 * (plain, not exponential, for 0.01 ≤ |v| < 10^13). Anything else goes through `String(v)` itself.
 */
export function valueElement(v: number): string {
  const n = Math.round(v * 100);
  if (n / 100 !== v || n >= 1e15 || n <= -1e15) return `<v>${v}</v></c>`;
  const a = n < 0 ? -n : n; // -0 stays -0, written "0" as String(-0) is
  const f = a % 100;
  return (n < 0 ? '<v>-' : '<v>') + (a - f) / 100 + VALUE_ENDS[f];
}
