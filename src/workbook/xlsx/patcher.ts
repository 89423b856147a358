/**
 * One linear scan of a user's worksheet part that finds the rows and the worksheet's own children
 * and writes our cells into the rows we fill (see sheetPatch.ts for the outputs it is written to).
 */
import { cellAddress } from '../../core/address';
import { OurCells } from './ourCells';
import type { StyleBook } from './styles';
import { indexAt, refColumn } from './cellValue';
import { cellWithoutFirstR, FoundCells, findCell, plainSpans, RowCells, withoutSpans } from './patchRows';
import { RowWrites, type WriteSource } from './rowWrites';
import type { TopLevel } from './patchFormats';
import { AttributeCursor } from './xmlSyntax';
import { EMPTY, END, START, type XmlScanner } from './xmlScanner';

const prefixed = (prefix: string) => (prefix ? `${prefix}:` : '');

/** Where the patch's edits go, in order of position: a new string, or new bytes in slices. */
export interface EditSink {
  replace(start: number, end: number, text: string): void;
  /** Whether bytes went out since the last call: the patch then pauses (yields) so a writer can catch up. */
  takeFlushed?(): boolean;
}

export class Patcher {
  readonly top: TopLevel[] = [];
  rootPrefix = '';
  rootClose = -1;
  /** The next of our rows to write (an index into `writes.rows`). */
  private next = 0;
  private readonly writes: RowWrites;
  private readonly ours: OurCells;
  private readonly at = new Int32Array(4);
  private readonly cells = new RowCells();
  private readonly found = new FoundCells();
  private readonly cursor = new AttributeCursor();

  constructor(
    private readonly s: XmlScanner,
    writes: WriteSource,
    styles: StyleBook,
    /** The rows' edits, in order of position as the scan finds them. */
    readonly edits: EditSink,
  ) {
    this.writes = new RowWrites(writes);
    this.ours = new OurCells(this.writes, styles);
  }

  /** New rows (of ours alone) for every pending row before `row`, as one text. */
  private newRowsBefore(row: number, prefix: string): string {
    const { rows, from } = this.writes;
    let out = '';
    while (this.next < rows.length && rows[this.next] < row) {
      const k = this.next++;
      const p = prefixed(prefix);
      out += `<${p}row r="${rows[k] + 1}">`;
      for (let i = from[k]; i < from[k + 1]; i++) out += this.ours.markup(i, -1, prefix);
      out += `</${p}row>`;
    }
    return out;
  }

  private get morePending(): boolean {
    return this.next < this.writes.rows.length;
  }

  /** The whole part, once: rows patched inside `<sheetData>`, the worksheet's children noted. */
  *scan(): Generator<void, void, void> {
    const s = this.s;
    while (s.next()) {
      const token = s.token();
      if (token === END && s.depth === 1) this.rootClose = s.start;
      if (token !== START && token !== EMPTY) continue;
      if (s.depth === 1) this.rootPrefix = s.prefix;
      if (s.depth === 1 || s.depth > 2) continue;
      const item: TopLevel = { local: s.local, main: s.is(s.local), start: s.start, end: s.end, priority: 0 };
      if (item.main && item.local === 'sheetData') yield* this.sheetData();
      else if (item.main && item.local === 'conditionalFormatting') this.conditionalFormatting(item);
      else this.skipCounting(item);
      item.end = s.end;
      this.top.push(item);
    }
  }

  /** Skips an element, noting the priorities of any conditional-format rules inside (x14 ones too). */
  private skipCounting(item: TopLevel): void {
    const s = this.s;
    if (s.token() !== START) return;
    const depth = s.depth;
    while (s.next()) {
      const token = s.token();
      if (token === END && s.depth === depth) return;
      if ((token === START || token === EMPTY) && s.local === 'cfRule') this.notePriority(item);
    }
  }

  private notePriority(item: TopLevel): void {
    const p = Number(this.s.attr('priority'));
    if (Number.isFinite(p)) item.priority = Math.max(item.priority, p);
  }

  private conditionalFormatting(item: TopLevel): void {
    const s = this.s;
    item.sqref = s.attr('sqref') ?? '';
    item.formulas = [];
    if (s.token() !== START) return;
    const depth = s.depth;
    while (s.next()) {
      const token = s.token();
      if (token === END && s.depth === depth) return;
      if (token !== START && token !== EMPTY) continue;
      if (s.local === 'cfRule') this.notePriority(item);
      else if (s.is('formula')) item.formulas.push(s.text());
    }
  }

  private *sheetData(): Generator<void, void, void> {
    const s = this.s;
    const prefix = s.prefix;
    if (s.token() === EMPTY) {
      if (this.morePending) {
        const p = prefixed(prefix);
        this.edits.replace(s.start, s.end, `<${p}sheetData>${this.newRowsBefore(Infinity, prefix)}</${p}sheetData>`);
      }
      return;
    }
    let lastRow = -1;
    while (s.next()) {
      const token = s.token();
      if (token === END && s.depth === 2) {
        if (this.morePending) this.edits.replace(s.start, s.start, this.newRowsBefore(Infinity, prefix));
        return;
      }
      if ((token !== START && token !== EMPTY) || s.depth !== 3) continue;
      if (!s.is('row')) {
        s.skip();
        continue;
      }
      const r = this.rowNumber(lastRow);
      lastRow = r;
      const rows = this.writes.rows;
      if (!this.morePending || rows[this.next] > r) {
        this.skipRow();
        continue;
      }
      const start = s.start;
      const before = this.newRowsBefore(r, prefix);
      if (rows[this.next] !== r) {
        this.skipRow();
        this.edits.replace(start, start, before);
      } else if (!this.quickRow(this.next, r, before)) this.patchRow(this.next, r, before);
      else this.next++;
      if (this.edits.takeFlushed?.()) yield;
    }
  }

  /** The 0-based number of the row whose start tag is current: its `r`, else the one after `lastRow`. */
  private rowNumber(lastRow: number): number {
    const s = this.s;
    s.attrPositions(ROW_ATTRS, this.at);
    if (this.at[0] < 0) return lastRow + 1;
    const quick = indexAt(s.xml, this.at[0], this.at[1]);
    if (quick > 0) return quick - 1;
    const rAttr = s.attr('r');
    return rAttr !== undefined && /^\s*\d+\s*$/.test(rAttr) ? Number(rAttr) - 1 : lastRow + 1;
  }

  /** Past a row we do not write: straight to its end tag when a text search can be trusted. */
  private skipRow(): void {
    const s = this.s;
    const close = s.prefix === '' ? s.endTagAhead('</row>') : -1;
    if (close >= 0) s.jumpToEndTag(close);
    else s.skip();
  }

  /**
   * The commonest row, patched without scanning its cells: an unprefixed row whose every cell we
   * write is already there, written `<c r="F50"…>` (found by a text search within the row). Its end
   * is found as `endTagAhead` finds it. False, with nothing written or moved, for any other row.
   */
  private quickRow(k: number, r: number, before: string): boolean {
    const s = this.s;
    if (s.prefix !== '') return false;
    const close = s.endTagAhead('</row>');
    if (close < 0) return false;
    const { from, cols } = this.writes;
    const found = this.found.take(from[k + 1] - from[k]);
    const row = s.xml.slice(s.end, close); // the search stays within the row
    if (cellWithoutFirstR(row)) return false; // a cell without `r` (or with it later) gets one: scanned
    let pos = 0;
    for (let i = from[k], n = 0; i < from[k + 1]; i++, n++) {
      const at = findCell(row, pos, r, cols[i], this.cursor, found, n);
      if (at < 0) return false;
      pos = at;
    }
    this.editRowTag(before);
    const base = s.end;
    for (let i = from[k], n = 0; i < from[k + 1]; i++, n++) {
      const formula = found.formulaStart[n] < 0 ? undefined : row.slice(found.formulaStart[n], found.formulaEnd[n]);
      this.edits.replace(base + found.start[n], base + found.end[n], this.ours.markup(i, found.style[n], '', formula));
    }
    s.jumpToEndTag(close);
    return true;
  }

  /** The current row's start tag without `spans` (opened up if empty), with `before` (new rows) in front. */
  private editRowTag(before: string): void {
    const s = this.s;
    const open = s.xml.slice(s.start, s.end);
    const spans = plainSpans(open);
    if (spans >= 0) {
      // the tag's own text stays where it is: only `before` goes in and `spans` comes out
      if (before !== '') this.edits.replace(s.start, s.start, before);
      if (spans < open.length) this.edits.replace(s.start + spans, s.start + open.indexOf('"', spans + 8) + 1, '');
      return;
    }
    const tag = withoutSpans(open);
    if (before !== '' || tag !== open) this.edits.replace(s.start, s.end, before + tag);
  }

  /** After a `<row>` start tag: its cells' positions, columns and styles, into `cells`; ends on `</row>`. */
  private rowCells(): void {
    const s = this.s;
    const cells = this.cells;
    cells.clear();
    if (s.token() !== START) return;
    let lastCol = -1;
    while (s.next()) {
      const token = s.token();
      if (token === END && s.depth === 3) break;
      if ((token !== START && token !== EMPTY) || s.depth !== 4) continue;
      if (!s.is('c')) {
        s.skip();
        continue;
      }
      s.attrPositions(CELL_ATTRS, this.at);
      const fromRef = this.at[0] < 0 ? -1 : refColumn(s.xml, this.at[0], this.at[1]);
      const col = fromRef >= 0 ? fromRef : lastCol + 1;
      lastCol = col;
      const style = indexAt(s.xml, this.at[2], this.at[3]);
      const start = s.start;
      // the commonest cell, a value alone, is passed over without looking at its parts
      const formula = s.token() === START && s.simpleChild('v') === undefined ? this.cellFormula() : undefined;
      cells.add(start, s.end, col, style, fromRef < 0, formula);
    }
  }

  /** After a `<c>` tag: its `<f>` element as written (if any); ends on the cell's end. */
  private cellFormula(): string | undefined {
    const s = this.s;
    if (s.token() !== START) return undefined;
    let formula: string | undefined;
    while (s.next()) {
      const token = s.token();
      if (token === END && s.depth === 4) break;
      if ((token === START || token === EMPTY) && s.depth === 5 && s.is('f')) {
        const start = s.start;
        s.skip();
        formula = s.xml.slice(start, s.end);
      }
    }
    return formula;
  }

  /**
   * One row with our cells merged in, in column order (as the format requires), from its start tag on
   * (the scanner ends on its end): a cell of ours replaces the user's cell at that column, keeping its
   * style, and goes before the first cell to its right. Only what changes is edited; `before` (new
   * rows of ours) goes in front of the row.
   */
  private patchRow(k: number, r: number, before: string): void {
    this.next++;
    const s = this.s;
    const xml = s.xml;
    const { from, cols } = this.writes;
    const openEnd = s.end;
    const empty = s.token() === EMPTY;
    const prefix = s.prefix;
    this.editRowTag(before);
    this.rowCells();
    const cells = this.cells;
    let next = from[k];
    const last = from[k + 1];
    for (let i = 0; i < cells.count; i++) {
      const col = cells.col[i];
      let text = '';
      while (next < last && cols[next] < col) text += this.ours.markup(next++, -1, prefix);
      if (next < last && cols[next] === col) {
        text += this.ours.markup(next++, cells.style[i], prefix, cells.formula.get(i));
        this.edits.replace(cells.start[i], cells.end[i], text);
      } else if (cells.anonymous[i]) {
        text += xml.slice(cells.start[i], cells.end[i]).replace(/^<([^\s/>]+)/, `<$1 r="${cellAddress(r, col)}"`);
        this.edits.replace(cells.start[i], cells.end[i], text);
      } else if (text !== '') this.edits.replace(cells.start[i], cells.start[i], text);
    }
    let rest = '';
    while (next < last) rest += this.ours.markup(next++, -1, prefix);
    if (empty) this.edits.replace(openEnd, openEnd, `${rest}</${prefixed(prefix)}row>`);
    else if (rest !== '') this.edits.replace(s.start, s.start, rest);
  }
}

const CELL_ATTRS = ['r', 's'] as const;
const ROW_ATTRS = ['r'] as const;
