/**
 * Writes our cells into a user's worksheet part without touching anything else: the rows we fill are
 * rebuilt with our cells in column order, every other byte of the part stays as it was. One linear
 * scan finds the rows and the worksheet's own children; what we add is written in the prefix its
 * parent uses, and our conditional formats go where the schema puts them.
 */
import { cellAddress, columnIndex } from '../../core/address';
import type { CellWrite, ConditionalFormat } from '../port';
import { cellXml, conditionalFormatXml } from './sheetXml';
import type { StyleBook } from './styles';
import { indexAt, refColumn } from './cellValue';
import { ByteEdits } from './byteEdits';
import { FoundCells, findCell, RowCells, RowWrites } from './patchRows';
import { AttributeCursor } from './xmlSyntax';
import { PartDeflater, type PackedPart } from './packedPart';
import { OrderedEdits, qualify, type Splice } from './xml';
import { EMPTY, END, START, XmlScanner } from './xmlScanner';

/** The children of `<worksheet>` in schema order (CT_Worksheet). */
const WORKSHEET_ORDER = ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];
const AFTER_CF = new Set(WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf('conditionalFormatting') + 1));

const prefixed = (prefix: string) => (prefix ? `${prefix}:` : '');

/** A top-level child of the worksheet, and for conditional formats what decides whether it is ours. */
interface TopLevel {
  local: string;
  main: boolean;
  start: number;
  end: number;
  /** For `<conditionalFormatting>`: its range and its rules' formulas. */
  sqref?: string;
  formulas?: string[];
  /** The highest rule priority inside (conditional formats, and x14 ones in `<extLst>`). */
  priority: number;
}

/** Where the patch's edits go, in order of position: a new string, or new bytes in slices. */
interface EditSink {
  replace(start: number, end: number, text: string): void;
  /** Whether bytes went out since the last call: the patch then pauses (yields) so a writer can catch up. */
  takeFlushed?(): boolean;
}

class Patcher {
  readonly top: TopLevel[] = [];
  rootPrefix = '';
  rootClose = -1;
  /** The next of our rows to write (an index into `writes.rows`). */
  private next = 0;
  private readonly writes: RowWrites;
  private readonly at = new Int32Array(4);
  private readonly cells = new RowCells();
  private readonly found = new FoundCells();
  private readonly cursor = new AttributeCursor();

  constructor(
    private readonly s: XmlScanner,
    writes: CellWrite[],
    private readonly styles: StyleBook,
    /** The rows' edits, in order of position as the scan finds them. */
    readonly edits: EditSink,
  ) {
    this.writes = new RowWrites(writes);
  }

  /**
   * Our cell as markup. Where the cell already holds a formula (ours, written or filled down earlier:
   * the plan writes a formula only over the very same one), its `<f>` is kept as written, so a shared
   * formula's master or an array formula stays whole; only the cached value is new.
   */
  private ours(w: CellWrite, style: number | undefined, prefix: string, existingFormula?: string): string {
    const styleIndex = w.style?.numFmt ? this.styles.withDefaultNumFmt(style, w.style.numFmt) : style;
    const markup = qualify(prefix, cellXml(w.row, w.col, w, styleIndex));
    if (!w.formula || !existingFormula) return markup;
    return markup.replace(/<([\w.-]+:)?f>[\s\S]*?<\/([\w.-]+:)?f>/, () => existingFormula);
  }

  /** New rows (of ours alone) for every pending row before `row`, as one text. */
  private newRowsBefore(row: number, prefix: string): string {
    const { rows, from, order } = this.writes;
    let out = '';
    while (this.next < rows.length && rows[this.next] < row) {
      const k = this.next++;
      const p = prefixed(prefix);
      out += `<${p}row r="${rows[k] + 1}">`;
      for (let i = from[k]; i < from[k + 1]; i++) out += this.ours(order[i], undefined, prefix);
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
    const { from, order } = this.writes;
    const found = this.found.take(from[k + 1] - from[k]);
    const row = s.xml.slice(s.end, close); // the search stays within the row
    if (NOT_FIRST_R.test(row)) return false; // a cell without `r` (or with it later) gets one: scanned
    let pos = 0;
    for (let i = from[k], n = 0; i < from[k + 1]; i++, n++) {
      const at = findCell(row, pos, order[i].row, order[i].col, this.cursor, found, n);
      if (at < 0) return false;
      pos = at;
    }
    const open = s.xml.slice(s.start, s.end);
    const tag = withoutSpans(open);
    if (before !== '' || tag !== open) this.edits.replace(s.start, s.end, before + tag);
    const base = s.end;
    for (let i = from[k], n = 0; i < from[k + 1]; i++, n++) {
      const formula = found.formulaStart[n] < 0 ? undefined : row.slice(found.formulaStart[n], found.formulaEnd[n]);
      const style = found.style[n];
      this.edits.replace(base + found.start[n], base + found.end[n], this.ours(order[i], style < 0 ? undefined : style, '', formula));
    }
    s.jumpToEndTag(close);
    return true;
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
    const { from, order } = this.writes;
    const start = s.start;
    const openEnd = s.end;
    const empty = s.token() === EMPTY;
    const prefix = s.prefix;
    const open = xml.slice(start, openEnd);
    const tag = withoutSpans(open);
    if (before !== '' || tag !== open) this.edits.replace(start, openEnd, before + tag);
    this.rowCells();
    const cells = this.cells;
    let next = from[k];
    const last = from[k + 1];
    for (let i = 0; i < cells.count; i++) {
      const col = cells.col[i];
      let text = '';
      while (next < last && order[next].col < col) text += this.ours(order[next++], undefined, prefix);
      if (next < last && order[next].col === col) {
        text += this.ours(order[next++], cells.style[i] < 0 ? undefined : cells.style[i], prefix, cells.formula.get(i));
        this.edits.replace(cells.start[i], cells.end[i], text);
      } else if (cells.anonymous[i]) {
        text += xml.slice(cells.start[i], cells.end[i]).replace(/^<([^\s/>]+)/, `<$1 r="${cellAddress(r, col)}"`);
        this.edits.replace(cells.start[i], cells.end[i], text);
      } else if (text !== '') this.edits.replace(cells.start[i], cells.start[i], text);
    }
    let rest = '';
    while (next < last) rest += this.ours(order[next++], undefined, prefix);
    if (empty) this.edits.replace(openEnd, openEnd, `${rest}</${prefixed(prefix)}row>`);
    else if (rest !== '') this.edits.replace(s.start, s.start, rest);
  }
}

const CELL_ATTRS = ['r', 's'] as const;
const ROW_ATTRS = ['r'] as const;
/** A cell tag whose first attribute is not `r`: a row with one is left to the full scan. */
const NOT_FIRST_R = /<(?:[\w.-]+:)?c(?:>|\/>|\s+(?!r\s*=))/;

/**
 * A row's start tag without its `spans` (a hint of the columns used, no longer true once we add
 * cells) and opened up when it was empty (`<row r="5"/>` → `<row r="5">`).
 */
function withoutSpans(open: string): string {
  const at = open.indexOf('spans');
  const tag = at < 0 ? open : open.replace(/\sspans\s*=\s*("[^"]*"|'[^']*')/, '');
  return tag.endsWith('/>') ? `${tag.slice(0, -2).trimEnd()}>` : tag;
}

/** `AND(ISNUMBER(H4),H4<0,…)`: the shape of our flag rules (the thresholds may have been others). */
const OWN_FLAG_RULE = /^=?AND\(ISNUMBER\((\$?[A-Z]{1,3}\$?\d+)\),\1[<>]0,/i;

/** The columns a range like `H4:H40 J4:J40` covers. */
function rangeColumns(sqref: string): Set<number> {
  const out = new Set<number>();
  for (const part of sqref.trim().split(/\s+/)) {
    const [a, b = a] = part.split(':').map((x) => /^\$?([A-Za-z]{1,3})/.exec(x)?.[1]);
    if (!a || !b) continue;
    for (let c = columnIndex(a); c <= columnIndex(b) && c - columnIndex(a) < 16_384; c++) out.add(c);
  }
  return out;
}

/**
 * A conditional format of ours from an earlier run: every rule has our shape and it lies in a column
 * we now write flags for. The user's own formats, on the same range or not, are left alone.
 */
function isOurs(item: TopLevel, columns: Set<number>): boolean {
  if (!item.formulas?.length || !item.formulas.every((f) => OWN_FLAG_RULE.test(f.replace(/\s+/g, '')))) return false;
  return [...rangeColumns(item.sqref ?? '')].every((c) => columns.has(c));
}

/** The user's sheet with our cells and conditional formats patched in, as a new text. */
export function patchSheet(xml: string, writes: CellWrite[], formats: ConditionalFormat[], styles: StyleBook): string {
  const edits = new OrderedEdits(xml);
  runToEnd(patchSteps(xml, writes, formats, styles, edits));
  return edits.finish();
}

/**
 * The same patch written out as UTF-8 bytes in slices (see `ByteEdits`), for parts of any size; undefined
 * when nothing changed. Byte for byte the encoding of what `patchSheet` returns.
 */
export function patchSheetBytes(xml: string, writes: CellWrite[], formats: ConditionalFormat[], styles: StyleBook): Buffer | undefined {
  const edits = new ByteEdits(xml);
  runToEnd(patchSteps(xml, writes, formats, styles, edits));
  return edits.finish();
}

/**
 * The same patch deflated while it is made, as the zip entry's body (see `PartDeflater`): the new part
 * is never held whole, and the deflating (on zlib's threads) overlaps the patching. Undefined when
 * nothing changed. Its content is byte for byte what `patchSheetBytes` returns, its body what
 * `deflateRawSync` makes of that.
 */
export async function patchSheetPacked(xml: string, writes: CellWrite[], formats: ConditionalFormat[], styles: StyleBook): Promise<PackedPart | undefined> {
  const deflater = new PartDeflater();
  try {
    const edits = new ByteEdits(xml, (bytes) => deflater.write(bytes));
    const steps = patchSteps(xml, writes, formats, styles, edits);
    while (!steps.next().done) await deflater.ready();
    edits.finish();
    if (!edits.edited) {
      deflater.abort();
      return undefined;
    }
    return await deflater.finish();
  } catch (e) {
    deflater.abort();
    throw e;
  }
}

function runToEnd(steps: Generator<void, void, void>): void {
  while (!steps.next().done);
}

function* patchSteps(xml: string, writes: CellWrite[], formats: ConditionalFormat[], styles: StyleBook, edits: EditSink): Generator<void, void, void> {
  const patcher = new Patcher(new XmlScanner(xml), writes, styles, edits);
  yield* patcher.scan();
  const splices: Splice[] = [];
  if (formats.length) {
    const columns = new Set(formats.flatMap((f) => [...rangeColumns(f.range)]));
    const kept = patcher.top.filter((t) => !(t.main && t.local === 'conditionalFormatting' && isOurs(t, columns)));
    for (const t of patcher.top) if (!kept.includes(t)) splices.push({ start: t.start, end: t.end, text: '' });
    const priority = Math.max(0, ...kept.map((t) => t.priority));
    const element = qualify(patcher.rootPrefix, conditionalFormatXml(formats, styles, priority + 1));
    const after = kept.find((t) => t.main && AFTER_CF.has(t.local));
    const at = after ? after.start : patcher.rootClose;
    if (at >= 0) splices.push({ start: at, end: at, text: element });
  }
  // the conditional formats come after every row: their edits follow the rows' in position
  for (const sp of splices.sort((a, b) => a.start - b.start || a.end - b.end)) edits.replace(sp.start, sp.end, sp.text);
}
