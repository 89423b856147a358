/**
 * The rows of a worksheet's `<sheetData>` into the grid: each cell's value as Excel stores it (a
 * formula cell gives its cached result), formulas as text (shared formulas moved to each cell). Rows
 * of plainly written cells go through the quick reading of `plainRow.ts`, every other row through the
 * scanner; both hand their cells to the same steps, so they read the same values and errors.
 */
import { cellAddress, columnIndex, columnLetters } from '../../core/address';
import type { RawValue } from '../../core/types';
import { cellKey } from '../port';
import { cellValue, indexAt, plainDecimalAt, refColumn, serialToDate } from './cellValue';
import { checkCellCount, checkCellText } from './limits';
import { readPlainRows, type PlainCellSink } from './plainRow';
import { decodeXml } from './xml';
import { EMPTY, END, START, XmlScanner } from './xmlScanner';

/** What SpreadsheetML does not allow inside a part (a Swedish detail); the package names the part. */
export class SheetFormatError extends Error {}

/** Excel's limits: 1 048 576 rows, 16 384 columns (A–XFD). */
const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

/** The values and formulas `readRows` fills. */
export interface RowsTarget {
  values: RawValue[][];
  formulas: Map<string, string>;
}

/**
 * After the start tag of an `<si>` or `<is>`: its text, rich-text runs joined, phonetic runs (`<rPh>`)
 * left out; the scanner ends on the element's end tag.
 */
export function richText(s: XmlScanner): string {
  if (s.kind !== START) return '';
  const depth = s.depth;
  let text = '';
  while (s.next()) {
    if (s.token() === END && s.depth === depth) break;
    if (s.token() !== START) continue;
    if (s.is('t')) text += s.text();
    else if (!s.is('r')) s.skip();
  }
  return text;
}

/** Moves the relative references of a formula by (dRow, dCol): `C5-D5` → `C6-D6`. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  // outside string literals and quoted sheet names only
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(^|[^A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(!])/g, (_all, pre: string, cAbs: string, col: string, rAbs: string, row: string) => {
            const c = cAbs ? col : columnLetters(columnIndex(col) + dCol);
            const r = rAbs ? row : String(Number(row) + dRow);
            return `${pre}${cAbs}${c}${rAbs}${r}`;
          }),
    )
    .join('');
}

interface Master {
  formula: string;
  row: number;
  col: number;
}

/** What one `<c>` holds, read from its children. */
interface CellContent {
  v?: string;
  inline?: string;
  formula?: string;
  fType?: string;
  fShared?: string;
}

const CELL_ATTRS = ['r', 't', 's'] as const;
const ROW_ATTRS = ['r'] as const;
const NO_CONTENT: CellContent = {};

/** After a `<c>` start tag: its value, inline string and formula; ends on `</c>`. */
function cellContent(s: XmlScanner): CellContent {
  const out: CellContent = {};
  const depth = s.depth;
  while (s.next()) {
    if (s.token() === END && s.depth === depth) break;
    if ((s.token() !== START && s.token() !== EMPTY) || s.depth !== depth + 1) continue;
    if (s.is('v')) out.v = s.text();
    else if (s.is('f')) {
      out.fType = s.attr('t');
      out.fShared = s.attr('si');
      out.formula = s.text();
    } else if (s.is('is')) out.inline = richText(s);
    else s.skip();
  }
  return out;
}

/**
 * The cell steps both readings share, with the state of the row being read: where a cell goes (its
 * column, counted against the limits) and its value.
 */
class RowsReader implements PlainCellSink {
  r = -1;
  row: RawValue[] = [];
  lastCol = -1;
  cellCount = 0;
  readonly masters = new Map<string, Master>();
  /** Where `undoRow` goes back to. */
  private savedCount = 0;
  private savedRow: RawValue[] = [];

  constructor(
    readonly target: RowsTarget,
    private readonly shared: string[],
    private readonly dateStyles: ReadonlySet<number>,
  ) {}

  /** Starts the row with 0-based index `r`. */
  startRow(r: number): void {
    if (r < 0 || r > MAX_ROW) throw new SheetFormatError(`radnumret ${r + 1} ligger utanför Excels 1 048 576 rader`);
    this.r = r;
    this.row = this.target.values[r] ??= [];
    this.lastCol = -1;
  }

  openRow(): void {
    this.savedCount = this.cellCount;
    this.savedRow = this.row;
    // a row not read before is filled in an array of its own and kept as an exact copy (no spare slots)
    if (this.row.length === 0) this.row = [];
  }

  closeRow(): void {
    if (this.row !== this.savedRow) this.target.values[this.r] = this.row.slice();
  }

  undoRow(): void {
    this.row = this.savedRow;
    this.cellCount = this.savedCount;
    this.lastCol = -1;
  }

  column(xml: string, from: number, to: number): number {
    const fromRef = from < 0 ? -1 : refColumn(xml, from, to);
    const c = fromRef >= 0 ? fromRef : this.lastCol + 1;
    this.lastCol = c;
    checkCellCount(++this.cellCount);
    if (c > MAX_COL) throw new SheetFormatError(`cellen ${cellAddress(this.r, c)} ligger utanför Excels sista kolumn XFD`);
    return c;
  }

  lone(c: number, xml: string, from: number, to: number, type: string | undefined, styleFrom: number, styleTo: number): void {
    const value = plainValue(xml, from, to, type, this.shared, this.r, c);
    this.row[c] = this.dateStyles.size && typeof value === 'number' && this.dateStyles.has(indexAt(xml, styleFrom, styleTo)) ? serialToDate(value) : value;
  }

  blank(c: number): void {
    this.row[c] = null;
  }

  /** A cell read through the scanner's general path: its content, value and formula. */
  general(s: XmlScanner, c: number, type: string | undefined, styleFrom: number, styleTo: number): void {
    const content: CellContent = s.token() === EMPTY ? NO_CONTENT : cellContent(s);
    const { v } = content;
    const { r, row } = this;
    row[c] = valueOf(type, v, content.inline, this.shared, r, c);
    if (this.dateStyles.size && typeof row[c] === 'number' && this.dateStyles.has(indexAt(s.xml, styleFrom, styleTo))) row[c] = serialToDate(row[c] as number);
    const formula = cellFormula(content, r, c, this.masters);
    if (!formula) return;
    this.target.formulas.set(cellKey(r, c), formula);
    // a formula saved without its result (written by a tool, never opened in Excel): no figure to read
    if (v === undefined) row[c] = { error: '#N/A', message: `formeln =${formula} saknar beräknat värde; öppna och spara filen i Excel så att värdet räknas fram` };
  }
}

/**
 * After the start tag of `<sheetData>`: its rows into `target`; ends on its end tag. `plainRows`
 * false reads every row the general way (what the quick reading is tested against).
 */
export function readRows(s: XmlScanner, target: RowsTarget, shared: string[], dateStyles: ReadonlySet<number>, plainRows = true): void {
  if (s.kind !== START) return;
  const reader = new RowsReader(target, shared, dateStyles);
  const at = new Int32Array(6);
  const rowAt = new Int32Array(2);
  const xml = s.xml;
  while (s.next()) {
    if (s.token() === END && s.depth === 2) return;
    if (s.token() !== START && s.token() !== EMPTY) continue;
    if (s.depth === 3) {
      if (!s.is('row')) {
        s.skip();
        continue;
      }
      reader.startRow(rowIndex(s, reader.r, rowAt));
      if (plainRows && s.token() === START && s.prefix === '') readQuickly(s, reader, at);
      continue;
    }
    if (s.depth !== 4 || !s.is('c')) {
      s.skip();
      continue;
    }
    s.attrPositions(CELL_ATTRS, at);
    const c = reader.column(xml, at[0], at[1]);
    const type = at[2] < 0 ? undefined : xml.slice(at[2], at[3]);
    const from = s.simpleChildAt('v');
    // the commonest cell, a value alone: no formula, no object for its content
    if (from >= 0) reader.lone(c, xml, from, s.simpleEnd, type, at[4], at[5]);
    else reader.general(s, c, type, at[4], at[5]);
  }
}

/**
 * The current row and the plain rows after it read the quick way, the scanner moved onto the last one's
 * end; when the current row is not written plainly, the scanner stays on its start tag, nothing counted,
 * for the general reading of its cells. A row declaring a namespace is read alone: after it, a row
 * without a prefix may be in another namespace.
 */
function readQuickly(s: XmlScanner, reader: RowsReader, at: Int32Array): void {
  const resume = readPlainRows(s.xml, s.end, reader, at, !s.declaresNamespaces());
  if (resume >= 0) s.jumpToEndTag(resume);
}

/** The 0-based index of the row whose start tag is current: its `r` (read in place when plain digits), else the one after `last`. */
function rowIndex(s: XmlScanner, last: number, at: Int32Array): number {
  s.attrPositions(ROW_ATTRS, at);
  const quick = indexAt(s.xml, at[0], at[1]);
  if (quick > 0) return quick - 1;
  const rAttr = s.attr('r');
  return rAttr !== undefined && /^\d+$/.test(rAttr) ? Number(rAttr) - 1 : last + 1;
}

/**
 * The value of a lone `<v>` at `[from, to)`: a plain decimal or a shared text's plain index read in
 * place, anything else as `valueOf` reads it (the same value, the same errors).
 */
function plainValue(xml: string, from: number, to: number, type: string | undefined, shared: string[], r: number, c: number): RawValue {
  if (type === undefined) {
    const n = plainDecimalAt(xml, from, to);
    if (n === n) return n;
  } else if (type === 's') {
    const text = shared[indexAt(xml, from, to)];
    if (text !== undefined) {
      checkCellText(text, () => `cellen ${cellAddress(r, c)}`);
      return text;
    }
  }
  return valueOf(type, decodeXml(xml.slice(from, to)), undefined, shared, r, c);
}

/** A cell's value from its type and content, checked: a shared text that is there, a text within the limit. */
function valueOf(type: string | undefined, v: string | undefined, inline: string | undefined, shared: string[], r: number, c: number): RawValue {
  if (type === 's' && v !== undefined && shared[Number(v)] === undefined) {
    throw new SheetFormatError(`cellen ${cellAddress(r, c)} hänvisar till delad text nr ${v}, men arbetsboken har ${shared.length === 0 ? 'inga delade texter' : `bara ${shared.length}`}`);
  }
  const value = cellValue(type, v, inline, shared);
  if (typeof value === 'string') checkCellText(value, () => `cellen ${cellAddress(r, c)}`);
  return value;
}

/** A cell's formula: its own text, or a shared formula's master moved to the cell. */
function cellFormula(content: CellContent, r: number, c: number, masters: Map<string, Master>): string | undefined {
  const text = content.formula || undefined;
  if (content.fType !== 'shared' || content.fShared === undefined) return text;
  if (text) masters.set(content.fShared, { formula: text, row: r, col: c });
  const master = masters.get(content.fShared);
  return master ? shiftFormula(master.formula, r - master.row, c - master.col) : undefined;
}
