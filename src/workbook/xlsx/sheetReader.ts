/**
 * Reads a worksheet part into the engine's grid: values as Excel stores them (formula cells give
 * their cached result), formulas as text (shared formulas translated to each cell), merged cells
 * carrying their top-left value, as Excel shows them. One linear scan of the part, whatever prefix its
 * SpreadsheetML namespace is written with (`<c>`, `<x:c>`), transitional or strict.
 */
import { cellAddress, columnIndex, columnLetters, parseCellAddress } from '../../core/address';
import type { RawValue } from '../../core/types';
import { cellKey } from '../port';
import { cellValue, indexAt, plainDecimalAt, refColumn, serialToDate } from './cellValue';
import { checkCellCount, checkCellText, checkMergedCells } from './limits';
import { decodeXml } from './xml';
import { EMPTY, END, START, XmlScanner } from './xmlScanner';

/** What SpreadsheetML does not allow inside a part (a Swedish detail); the package names the part. */
export class SheetFormatError extends Error {}

/** Excel's limits: 1 048 576 rows, 16 384 columns (A–XFD). */
const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

/**
 * After the start tag of an `<si>` or `<is>`: its text, rich-text runs joined, phonetic runs (`<rPh>`)
 * left out; the scanner ends on the element's end tag.
 */
function richText(s: XmlScanner): string {
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

/** Shared strings: the text of each `<si>`. */
export function readSharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const s = new XmlScanner(xml);
  while (s.next()) {
    if ((s.kind !== START && s.kind !== EMPTY) || s.depth !== 2 || !s.is('si')) continue;
    const text = richText(s);
    checkCellText(text, () => `den delade texten nr ${out.length}`);
    out.push(text);
  }
  return out;
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

export interface SheetGrid {
  values: RawValue[][];
  formulas: Map<string, string>;
  protected: boolean;
  /** Merged areas as written (`A1:C2`). */
  merges: string[];
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

/** `dateStyles`: the cell-format indexes whose number format is a date, so such cells read as dates. */
export function readSheet(xml: string, shared: string[], dateStyles: ReadonlySet<number> = new Set()): SheetGrid {
  const grid: SheetGrid = { values: [], formulas: new Map(), protected: false, merges: [] };
  const s = new XmlScanner(xml);
  while (s.next()) {
    if ((s.kind !== START && s.kind !== EMPTY) || s.depth !== 2) continue;
    if (s.is('sheetData')) readRows(s, grid, shared, dateStyles);
    else if (s.is('mergeCells')) readMerges(s, grid);
    else if (s.is('sheetProtection')) grid.protected = ['1', 'true'].includes(s.attr('sheet') ?? '');
    else s.skip();
  }
  for (let r = 0; r < grid.values.length; r++) grid.values[r] ??= [];
  spreadMerges(grid);
  return grid;
}

function readRows(s: XmlScanner, grid: SheetGrid, shared: string[], dateStyles: ReadonlySet<number>): void {
  if (s.kind !== START) return;
  const masters = new Map<string, Master>();
  const at = new Int32Array(6);
  const rowAt = new Int32Array(2);
  let r = -1;
  let lastCol = -1;
  let row: RawValue[] = [];
  let cellCount = 0;
  while (s.next()) {
    if (s.token() === END && s.depth === 2) return;
    if (s.token() !== START && s.token() !== EMPTY) continue;
    if (s.depth === 3) {
      if (!s.is('row')) {
        s.skip();
        continue;
      }
      r = rowIndex(s, r, rowAt);
      if (r < 0 || r > MAX_ROW) throw new SheetFormatError(`radnumret ${r + 1} ligger utanför Excels 1 048 576 rader`);
      row = grid.values[r] ??= [];
      lastCol = -1;
      continue;
    }
    if (s.depth !== 4 || !s.is('c')) {
      s.skip();
      continue;
    }
    s.attrPositions(CELL_ATTRS, at);
    const xml = s.xml;
    const fromRef = at[0] < 0 ? -1 : refColumn(xml, at[0], at[1]);
    const c = fromRef >= 0 ? fromRef : lastCol + 1;
    const type = at[2] < 0 ? undefined : xml.slice(at[2], at[3]);
    lastCol = c;
    checkCellCount(++cellCount);
    if (c > MAX_COL) throw new SheetFormatError(`cellen ${cellAddress(r, c)} ligger utanför Excels sista kolumn XFD`);
    const from = s.simpleChildAt('v');
    if (from >= 0) {
      // the commonest cell, a value alone: no formula, no object for its content
      row[c] = plainValue(xml, from, s.simpleEnd, type, shared, r, c);
      if (dateStyles.size && typeof row[c] === 'number' && dateStyles.has(indexAt(xml, at[4], at[5]))) row[c] = serialToDate(row[c] as number);
      continue;
    }
    const content: CellContent = s.token() === EMPTY ? NO_CONTENT : cellContent(s);
    const { v } = content;
    row[c] = valueOf(type, v, content.inline, shared, r, c);
    if (dateStyles.size && typeof row[c] === 'number' && dateStyles.has(indexAt(xml, at[4], at[5]))) row[c] = serialToDate(row[c] as number);
    const formula = cellFormula(content, r, c, masters);
    if (!formula) continue;
    grid.formulas.set(cellKey(r, c), formula);
    // a formula saved without its result (written by a tool, never opened in Excel): no figure to read
    if (v === undefined) row[c] = { error: '#N/A', message: `formeln =${formula} saknar beräknat värde; öppna och spara filen i Excel så att värdet räknas fram` };
  }
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

function readMerges(s: XmlScanner, grid: SheetGrid): void {
  if (s.kind !== START) return;
  while (s.next()) {
    if (s.token() === END && s.depth === 2) return;
    if ((s.token() === START || s.token() === EMPTY) && s.depth === 3 && s.is('mergeCell')) {
      const ref = s.attr('ref');
      if (ref) grid.merges.push(ref);
    }
  }
}

/** Every cell of a merged area shows its top-left value. */
function spreadMerges(grid: SheetGrid): void {
  const { values } = grid;
  let merged = 0;
  for (const ref of grid.merges) {
    if (!ref.includes(':')) continue;
    let a: { row: number; col: number };
    let b: { row: number; col: number };
    try {
      [a, b] = ref.split(':').map(parseCellAddress);
    } catch {
      throw new SheetFormatError(`den sammanfogade cellen "${ref}" är ingen giltig cellreferens`);
    }
    const top = values[a.row]?.[a.col];
    if (top === undefined || top === null) continue;
    checkMergedCells((merged += Math.max(0, Math.min(b.row - a.row + 1, 1000)) * Math.max(0, Math.min(b.col - a.col + 1, 1000))));
    for (let r = a.row; r <= b.row && r - a.row < 1000; r++)
      for (let c = a.col; c <= b.col && c - a.col < 1000; c++) if (r !== a.row || c !== a.col) (values[r] ??= [])[c] = top;
  }
}
