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

/**
 * The cells of the row being patched, in arrays reused from row to row (a sheet of a million cells
 * makes no object per cell): where each is, its column and style (-1: none), whether it lacks an `r`
 * attribute (one is then added: cells of ours may now stand between), and its `<f>` if it has one.
 */
class RowCells {
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

/** The grouping of our writes by 0-based row, in row order. */
function rowsOf(writes: CellWrite[]): { byRow: Map<number, CellWrite[]>; pending: number[] } {
  const byRow = new Map<number, CellWrite[]>();
  for (const w of writes) (byRow.get(w.row) ?? byRow.set(w.row, []).get(w.row)!).push(w);
  for (const list of byRow.values()) if (list.length > 1) list.sort((x, y) => x.col - y.col);
  return { byRow, pending: [...byRow.keys()].sort((a, b) => a - b) };
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
  private next = 0;
  private readonly byRow: Map<number, CellWrite[]>;
  private readonly pending: number[];
  private readonly at = new Int32Array(4);
  private readonly cells = new RowCells();

  constructor(
    private readonly s: XmlScanner,
    writes: CellWrite[],
    private readonly styles: StyleBook,
    /** The rows' edits, in order of position as the scan finds them. */
    readonly edits: EditSink,
  ) {
    ({ byRow: this.byRow, pending: this.pending } = rowsOf(writes));
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
    let out = '';
    while (this.next < this.pending.length && this.pending[this.next] < row) {
      const r = this.pending[this.next++];
      const p = prefixed(prefix);
      out += `<${p}row r="${r + 1}">${this.byRow.get(r)!.map((w) => this.ours(w, undefined, prefix)).join('')}</${p}row>`;
    }
    return out;
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
      if (this.next < this.pending.length) {
        const p = prefixed(prefix);
        this.edits.replace(s.start, s.end, `<${p}sheetData>${this.newRowsBefore(Infinity, prefix)}</${p}sheetData>`);
      }
      return;
    }
    let lastRow = -1;
    while (s.next()) {
      const token = s.token();
      if (token === END && s.depth === 2) {
        if (this.next < this.pending.length) this.edits.replace(s.start, s.start, this.newRowsBefore(Infinity, prefix));
        return;
      }
      if ((token !== START && token !== EMPTY) || s.depth !== 3) continue;
      if (!s.is('row')) {
        s.skip();
        continue;
      }
      const rAttr = s.attr('r');
      const r = rAttr !== undefined && /^\s*\d+\s*$/.test(rAttr) ? Number(rAttr) - 1 : lastRow + 1;
      lastRow = r;
      if (this.next >= this.pending.length || this.pending[this.next] > r) {
        s.skip();
        continue;
      }
      const start = s.start;
      const before = this.newRowsBefore(r, prefix);
      const mine = this.pending[this.next] === r ? this.byRow.get(r) : undefined;
      if (mine) this.next++;
      const rowPrefix = s.prefix;
      const open = s.xml.slice(s.start, s.end);
      if (mine) this.rowCells();
      else s.skip();
      const text = mine ? this.patchRow(open, mine, r, rowPrefix) : s.xml.slice(start, s.end);
      this.edits.replace(start, s.end, before + text);
      if (this.edits.takeFlushed?.()) yield;
    }
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
   * One row with our cells merged in, in column order (as the format requires): a cell of ours
   * replaces the user's empty cell at that column, keeping its style.
   */
  private patchRow(open: string, writes: CellWrite[], r: number, prefix: string): string {
    const xml = this.s.xml;
    const cells = this.cells;
    let out = withoutSpans(open);
    let next = 0;
    for (let i = 0; i < cells.count; i++) {
      const col = cells.col[i];
      while (next < writes.length && writes[next].col < col) out += this.ours(writes[next++], undefined, prefix);
      if (next < writes.length && writes[next].col === col) out += this.ours(writes[next++], cells.style[i] < 0 ? undefined : cells.style[i], prefix, cells.formula.get(i));
      else if (cells.anonymous[i]) out += xml.slice(cells.start[i], cells.end[i]).replace(/^<([^\s/>]+)/, `<$1 r="${cellAddress(r, col)}"`);
      else out += xml.slice(cells.start[i], cells.end[i]);
    }
    while (next < writes.length) out += this.ours(writes[next++], undefined, prefix);
    return `${out}</${prefixed(prefix)}row>`;
  }
}

const CELL_ATTRS = ['r', 's'] as const;

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
