/** The two sides of a patched row: our writes grouped by row, and the user's cells of the row at hand. */
import { indexAt } from './cellValue';
import { columnLetters } from '../../core/address';
import type { AttributeCursor } from './xmlSyntax';

/**
 * The cells of the row being patched, in arrays reused from row to row (a sheet of a million cells
 * makes no object per cell): where each is, its column and style (-1: none), whether it lacks an `r`
 * attribute (one is then added: cells of ours may now stand between), and its `<f>` if it has one.
 */
export class RowCells {
  count = 0;
  start = new Int32Array(64);
  end = new Int32Array(64);
  col = new Int32Array(64);
  style = new Int32Array(64);
  anonymous = new Uint8Array(64);
  readonly formula = new Map<number, string>();

  clear(): void {
    this.count = 0;
    this.formula.clear();
  }

  add(start: number, end: number, col: number, style: number, anonymous: boolean, formula: string | undefined): void {
    if (this.count === this.start.length) this.grow();
    const i = this.count++;
    this.start[i] = start;
    this.end[i] = end;
    this.col[i] = col;
    this.style[i] = style;
    this.anonymous[i] = anonymous ? 1 : 0;
    if (formula !== undefined) this.formula.set(i, formula);
  }

  private grow(): void {
    const twice = <T extends Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    [this.start, this.end, this.col, this.style, this.anonymous] = [twice(this.start), twice(this.end), twice(this.col), twice(this.style), twice(this.anonymous)];
  }
}


/** Where the cells we write stand in a row (positions within the row's text), for `findCell`. */
export class FoundCells {
  start = new Int32Array(8);
  end = new Int32Array(8);
  style = new Int32Array(8);
  /** The cell's `<f>` element, or -1. */
  formulaStart = new Int32Array(8);
  formulaEnd = new Int32Array(8);

  /** Room for `n` cells. */
  take(n: number): this {
    if (n > this.start.length) {
      const size = Math.max(n, this.start.length * 2);
      [this.start, this.end, this.style, this.formulaStart, this.formulaEnd] = [0, 0, 0, 0, 0].map(() => new Int32Array(size));
    }
    return this;
  }
}

const isTagSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** The end of a start tag from `from` on (after its `>`), quotes respected; -1 if it does not end. */
function tagEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 62) return i + 1;
    if (ch === 34 || ch === 39) {
      i = text.indexOf(ch === 34 ? '"' : "'", i + 1);
      if (i < 0) return -1;
    }
  }
  return -1;
}

/**
 * The `<f>` element at the start of a cell's content `[from, to)` (the schema puts it first): sets
 * `found.formulaStart/End[n]`. False for content this quick reading does not vouch for (anything but
 * nothing, a lone `<v>` or a leading `<f>`): the row is then scanned.
 */
function noteFormula(row: string, from: number, to: number, found: FoundCells, n: number): boolean {
  found.formulaStart[n] = -1;
  if (from === to) return true;
  if (row.startsWith('<v>', from)) {
    const lt = row.indexOf('<', from + 3);
    return lt === to - 4 && row.startsWith('</v>', lt);
  }
  const after = row.charCodeAt(from + 2);
  if (!row.startsWith('<f', from) || !(after === 62 || after === 47 || isTagSpace(after))) return false;
  const open = tagEnd(row, from + 2);
  if (open < 0 || open > to) return false;
  const end = row.charCodeAt(open - 2) === 47 ? open : row.indexOf('</f>', open) + 4;
  if (end < 4 || end > to) return false;
  found.formulaStart[n] = from;
  found.formulaEnd[n] = end;
  return true;
}

/** The end of `>`, `/>` or ` s="…">` (` s="…"/>`) at `from`, the rest of a cell's start tag plainly written; -1 for anything else. */
function plainStyleEnd(row: string, from: number): number {
  let at = from;
  if (row.startsWith(' s="', from)) {
    at = row.indexOf('"', from + 4) + 1;
    if (at === 0) return -1;
  }
  const ch = row.charCodeAt(at);
  if (ch === 62) return at + 1;
  return ch === 47 && row.charCodeAt(at + 1) === 62 ? at + 2 : -1;
}

const refHeads: string[] = [];

/**
 * `row.indexOf('<c r="F50"', pos)` for the cell at (r, col), without making that text for every cell:
 * the column's `r="F` is made once and looked for (an `r` is rarer in a row than a `<`), then the
 * `<c ` before it checked and the row's number compared in place.
 */
export function findCellHead(row: string, pos: number, r: number, col: number): number {
  const head = refHeads[col] ?? (refHeads[col] = `r="${columnLetters(col)}`);
  const number = r + 1;
  for (let at = row.indexOf(head, pos + 3); at >= 0; at = row.indexOf(head, at + 1)) {
    if (row.charCodeAt(at - 3) !== 60 || row.charCodeAt(at - 2) !== 99 || row.charCodeAt(at - 1) !== 32) continue; // `<c `
    let i = at + head.length;
    if (row.charCodeAt(i) === 48) continue; // a leading zero: not how the number is written
    let value = 0;
    for (let d = row.charCodeAt(i) - 48; d >= 0 && d <= 9 && value <= number; d = row.charCodeAt(++i) - 48) value = value * 10 + d;
    if (value === number && row.charCodeAt(i) === 34) return at - 3;
  }
  return -1;
}

/**
 * Finds our cell `<c r="F50"…>` in a row's text from `pos` on, noting where it is, its style and its
 * `<f>` in `found[n]`; returns where it ends, or -1 when it is not there as this quick reading expects.
 */
export function findCell(row: string, pos: number, r: number, col: number, cursor: AttributeCursor, found: FoundCells, n: number): number {
  const at = findCellHead(row, pos, r, col);
  if (at < 0) return -1;
  const headEnd = row.indexOf('"', at + 6) + 1; // after the reference's closing quote
  const next = row.charCodeAt(headEnd);
  if (!(next === 62 || next === 47 || isTagSpace(next))) return -1;
  let open = plainStyleEnd(row, headEnd);
  let style = -1;
  // past `>` or `/>` at once, or the tag has its style plainly written between
  if (open > headEnd + 2) style = indexAt(row, headEnd + 4, open - (row.charCodeAt(open - 2) === 47 ? 3 : 2));
  else if (open < 0) {
    open = tagEnd(row, headEnd);
    if (open < 0) return -1;
    cursor.reset(row, at + 2, open - 1);
    while (cursor.next()) if (cursor.nameEnd - cursor.nameStart === 1 && row.charCodeAt(cursor.nameStart) === 115) style = indexAt(row, cursor.valueStart, cursor.valueEnd);
  }
  let end = open;
  if (row.charCodeAt(open - 2) === 47) found.formulaStart[n] = -1;
  else {
    const close = row.indexOf('</c>', open);
    if (close < 0 || !noteFormula(row, open, close, found, n)) return -1;
    end = close + 4;
  }
  found.start[n] = at;
  found.end[n] = end;
  found.style[n] = style;
  return end;
}

/** A cell tag whose first attribute is not `r`: a row with one is left to the full scan. */
export const NOT_FIRST_R = /<(?:[\w.-]+:)?c(?:>|\/>|\s+(?!r\s*=))/;
/** `NOT_FIRST_R` without a prefix: it starts with the plain `<c`, which the search finds fast. */
const UNPREFIXED_NOT_FIRST_R = /<c(?:>|\/>|\s+(?!r\s*=))/;
/** Found wherever `NOT_FIRST_R` is (its match holds `<c` or `:c` and what follows): one scan that rules most rows out. */
const MAYBE_NOT_FIRST_R = /[<:]c(?:>|\/>|\s+(?!r\s*=))/;

/**
 * `NOT_FIRST_R.test(row)`, answered sooner: a row the one scan for `<c` or `:c` rules out has none;
 * else a prefixed cell needs `:c` in the row (seldom there), so the whole expression, which stops at
 * every `<`, runs only then, and the one that looks for `<c` does first.
 */
export function cellWithoutFirstR(row: string): boolean {
  return MAYBE_NOT_FIRST_R.test(row) && (UNPREFIXED_NOT_FIRST_R.test(row) || (row.includes(':c') && NOT_FIRST_R.test(row)));
}

/**
 * A row's start tag without its `spans` (a hint of the columns used, no longer true once we add
 * cells) and opened up when it was empty (`<row r="5"/>` → `<row r="5">`).
 */
export function withoutSpans(open: string): string {
  const at = open.indexOf('spans');
  const tag = at < 0 ? open : open.replace(/\sspans\s*=\s*("[^"]*"|'[^']*')/, '');
  return tag.endsWith('/>') ? `${tag.slice(0, -2).trimEnd()}>` : tag;
}

/**
 * Where `withoutSpans` cuts a start tag plainly written: the ` spans="…"` it removes starts at the
 * returned index and ends after the next `"` from `index + 8` on. -1 for a tag this quick reading does
 * not vouch for (its first `spans` not plainly written, or the tag ending in `/>`): `withoutSpans` then.
 * No `spans` at all: `open.length` (nothing to cut).
 */
export function plainSpans(open: string): number {
  if (open.charCodeAt(open.length - 2) === 47) return -1;
  const first = open.indexOf('spans');
  if (first < 0) return open.length;
  return first > 0 && open.startsWith(' spans="', first - 1) && open.indexOf('"', first + 7) >= 0 ? first - 1 : -1;
}
