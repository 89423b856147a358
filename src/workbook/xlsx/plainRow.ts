/**
 * The quick reading of a row of plainly written cells, the commonest row by far: `<c r="D4" s="1"
 * t="s"><v>12</v></c>` (any of `r`, `s`, `t`, each written ` name="value"`), `<c r="F4" s="1"/>` and
 * `<c …></c>`, nothing between them but text, then `</row>`. One loop over the row's characters, no
 * scanner token per element. Anything else (a formula, an inline string, another attribute, a prefix,
 * a comment) ends it: the row is then read the general way, which defines every value and error.
 */

/** Where the cells of a quickly read row go: the general reader's own steps, in its order. */
export interface PlainCellSink {
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
 * into `sink` and returns where its `</row>` starts, or -1 at the first thing written otherwise (the
 * cells before it have then been handed to `sink` already; read the whole row again the general way).
 * `at` (6 entries) is scratch for the attribute positions.
 */
export function readPlainRow(xml: string, from: number, sink: PlainCellSink, at: Int32Array): number {
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
