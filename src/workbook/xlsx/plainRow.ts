/**
 * The quick reading of rows of plainly written cells, the commonest rows by far: `<c r="D4" s="1"
 * t="s"><v>12</v></c>` (any of `r`, `s`, `t`, each written ` name="value"`), `<c r="F4" s="1"/>` and
 * `<c …></c>`, nothing between them but text, then `</row>`; and the rows after such a row, while
 * their start tags are written plainly too (` name="value"` attributes, a plain row number, no namespace
 * declaration). One loop over the characters, no scanner token per element. Anything else (a formula,
 * an inline string, another cell attribute, a prefix, a comment, the end of `<sheetData>`) ends it:
 * from there on the rows are read the general way, which defines every value and error.
 */
import { indexAt } from './cellValue';

/** Where the rows and cells of the quick reading go: the general reader's own steps, in its order. */
export interface PlainCellSink {
  /** Starts the row with 0-based index `r`, as the general reading does (the same error out of range). */
  startRow(r: number): void;
  /** Before the cells of the started row are read quickly: remembers where to go back to. */
  openRow(): void;
  /** After all of them were. */
  closeRow(): void;
  /** When one of them was not written plainly: back to where `openRow` was. */
  undoRow(): void;
  /** The cell's column, from its reference at `[from, to)` (from -1: none), counted and checked. */
  column(xml: string, from: number, to: number): number;
  /** The cell whose value is the lone `<v>` text at `[from, to)`, of type `type`, style at `[styleFrom, styleTo)`. */
  lone(c: number, xml: string, from: number, to: number, type: string | undefined, styleFrom: number, styleTo: number): void;
  /** A cell without content. */
  blank(c: number): void;
}

const LT = 60;
const SLASH = 47;
const GT = 62;
const QUOTE = 34;
const EQUALS = 61;
const SPACE = 32;

/**
 * After the start tag of a row (its `>` just before `from`), in the default namespace: reads its cells
 * into `sink`, then (`following`) each plainly written row after it. Returns where the scanner goes on:
 * the `</row>` of the last row with cells read; -1 when not even the first row's cells are plain.
 * A row whose cells are not plain is left started and undone, for the general reading from its start
 * tag on. `at` (6 entries) is scratch for attribute positions.
 */
export function readPlainRows(xml: string, from: number, sink: PlainCellSink, at: Int32Array, following: boolean): number {
  let resume = plainRowBody(xml, from, sink, at);
  if (resume < 0 || !following) return resume;
  let i = resume + 6;
  for (;;) {
    const lt = xml.charCodeAt(i) === LT ? i : xml.indexOf('<', i);
    if (lt < 0) return resume;
    const after = plainRowTag(xml, lt, at);
    const r = after < 0 ? -1 : indexAt(xml, at[0], at[1]);
    if (r <= 0) return resume;
    const empty = at[2] === 1;
    sink.startRow(r - 1);
    // an empty row is started, and started again by the general reading when it goes on before it
    if (empty) {
      i = after;
      continue;
    }
    const end = plainRowBody(xml, after, sink, at);
    if (end < 0) return resume;
    resume = end;
    i = end + 6;
  }
}

/** The cells of the started row from `from` on, read quickly: where its `</row>` starts, or -1 (the row undone). */
function plainRowBody(xml: string, from: number, sink: PlainCellSink, at: Int32Array): number {
  sink.openRow();
  const end = readPlainRow(xml, from, sink, at);
  if (end < 0) sink.undoRow();
  else sink.closeRow();
  return end;
}

/**
 * A row's start tag at `lt` written plainly (`<row r="5" spans="1:3">`, `<row r="6"/>`, attributes
 * ` name="value"`, none declaring a namespace): past its end, with its `r` value at `at[0]`…`at[1]`
 * (-1: none) and `at[2]` 1 when it is empty; -1 for anything else.
 */
function plainRowTag(xml: string, lt: number, at: Int32Array): number {
  if (xml.charCodeAt(lt + 1) !== 114 || xml.charCodeAt(lt + 2) !== 111 || xml.charCodeAt(lt + 3) !== 119) return -1;
  at[0] = at[1] = -1;
  const n = xml.length;
  let i = lt + 4;
  let ch = xml.charCodeAt(i);
  while (ch === SPACE) {
    const nameStart = i + 1;
    let j = nameStart;
    ch = xml.charCodeAt(j);
    while (j < n && ch > SPACE && ch !== EQUALS && ch !== SLASH && ch !== GT && ch !== QUOTE && ch !== 39) ch = xml.charCodeAt(++j);
    if (j === nameStart || ch !== EQUALS || xml.charCodeAt(j + 1) !== QUOTE || xml.startsWith('xmlns', nameStart)) return -1;
    const valueEnd = quoteAt(xml, j + 2);
    if (valueEnd < 0) return -1;
    if (j - nameStart === 1 && xml.charCodeAt(nameStart) === 114) {
      at[0] = j + 2;
      at[1] = valueEnd;
    }
    i = valueEnd + 1;
    ch = xml.charCodeAt(i);
  }
  at[2] = ch === SLASH ? 1 : 0;
  if (ch === GT) return i + 1;
  return ch === SLASH && xml.charCodeAt(i + 1) === GT ? i + 2 : -1;
}

/**
 * After the start tag of a row (its `>` just before `from`): reads its cells into `sink` and returns
 * where its `</row>` starts, or -1 at the first thing written otherwise (the cells before it have then
 * been handed to `sink` already).
 */
function readPlainRow(xml: string, from: number, sink: PlainCellSink, at: Int32Array): number {
  let i = from;
  for (;;) {
    const lt = xml.charCodeAt(i) === LT ? i : xml.indexOf('<', i);
    if (lt < 0) return -1;
    const after = xml.charCodeAt(lt + 1);
    if (after === SLASH) return xml.startsWith('</row>', lt) ? lt : -1;
    if (after !== 99) return -1;
    i = plainCell(xml, lt + 2, sink, at);
    if (i < 0) return -1;
  }
}

/** The index in `at` of the attribute `r`, `t` or `s` by its character code, or -1. */
function attributeSlot(code: number): number {
  if (code === 114) return 0;
  if (code === 116) return 2;
  return code === 115 ? 4 : -1;
}

/** Where the next `"` is at or after `from` (a short value: looked for character by character), or -1. */
function quoteAt(xml: string, from: number): number {
  const n = xml.length;
  for (let i = from; i < n; i++) if (xml.charCodeAt(i) === QUOTE) return i;
  return -1;
}

/** Whether `</c>` is written at `i`. */
function cellEndAt(xml: string, i: number): boolean {
  return xml.charCodeAt(i) === LT && xml.charCodeAt(i + 1) === SLASH && xml.charCodeAt(i + 2) === 99 && xml.charCodeAt(i + 3) === GT;
}

/** Whether `</v></c>` is written at `i`. */
function valueEndAt(xml: string, i: number): boolean {
  return xml.charCodeAt(i + 1) === SLASH && xml.charCodeAt(i + 2) === 118 && xml.charCodeAt(i + 3) === GT && cellEndAt(xml, i + 4);
}

/** A cell from just after its `<c`: past its end, or -1 when it is not written plainly. */
function plainCell(xml: string, from: number, sink: PlainCellSink, at: Int32Array): number {
  at[0] = at[1] = at[2] = at[3] = at[4] = at[5] = -1;
  let i = from;
  let ch = xml.charCodeAt(i);
  while (ch === SPACE) {
    const slot = attributeSlot(xml.charCodeAt(i + 1));
    if (slot < 0 || xml.charCodeAt(i + 2) !== EQUALS || xml.charCodeAt(i + 3) !== QUOTE) return -1;
    const valueEnd = quoteAt(xml, i + 4);
    if (valueEnd < 0) return -1;
    at[slot] = i + 4;
    at[slot + 1] = valueEnd;
    i = valueEnd + 1;
    ch = xml.charCodeAt(i);
  }
  if (ch === SLASH) {
    if (xml.charCodeAt(i + 1) !== GT) return -1;
    sink.blank(sink.column(xml, at[0], at[1]));
    return i + 2;
  }
  if (ch !== GT) return -1;
  if (cellEndAt(xml, i + 1)) {
    sink.blank(sink.column(xml, at[0], at[1]));
    return i + 5;
  }
  if (xml.charCodeAt(i + 1) !== LT || xml.charCodeAt(i + 2) !== 118 || xml.charCodeAt(i + 3) !== GT) return -1;
  const valueFrom = i + 4;
  let lt = valueFrom;
  const n = xml.length;
  while (lt < n && xml.charCodeAt(lt) !== LT) lt++;
  if (lt >= n || !valueEndAt(xml, lt)) return -1;
  const type = at[2] < 0 ? undefined : at[3] - at[2] === 1 && xml.charCodeAt(at[2]) === 115 ? 's' : xml.slice(at[2], at[3]);
  sink.lone(sink.column(xml, at[0], at[1]), xml, valueFrom, lt, type, at[4], at[5]);
  return lt + 8;
}
