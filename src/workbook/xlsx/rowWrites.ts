/** Our writes into a user's sheet, grouped by row for the one scan that patches the rows (patcher.ts). */
import { columnCell, columnFormulas } from '../columnWrite';
import type { CellWrite, ColumnWrite } from '../port';

/** What a sheet's patch writes: single cells, or single cells and whole columns. */
export type WriteSource = readonly CellWrite[] | { cells: readonly CellWrite[]; columns?: readonly ColumnWrite[] };

/**
 * Our writes in row order and, within a row, in column order (writes to the same cell keep their
 * order: the single cells first, then the columns in theirs), grouped without a Map, an array per row
 * or an object per cell (a million-row fill has two million writes): `rows[k]` is the k-th row written
 * (0-based, ascending), its writes are `at(from[k])` up to `at(from[k + 1])`, in columns `cols[i]`.
 * A counting sort by row, then an insertion sort of each row's few columns.
 */
export class RowWrites {
  readonly rows: Int32Array;
  readonly from: Int32Array;
  /** The column of each write, in order. */
  readonly cols: Int32Array;
  /** Each write, in order: a single cell (`source` 0) or the `index`-th row of column `source - 1`. */
  private readonly source: Uint16Array;
  private readonly index: Int32Array;
  private readonly cells: readonly CellWrite[];
  readonly columns: readonly ColumnWrite[];
  private readonly formulas: ((i: number) => string)[];
  /** The one object a column's cell is handed out in: read it before the next `at`. */
  private readonly scratch: CellWrite = { row: 0, col: 0, value: undefined, formula: undefined, style: undefined };

  constructor(writes: WriteSource) {
    this.cells = 'cells' in writes ? writes.cells : (writes as readonly CellWrite[]);
    this.columns = 'cells' in writes ? (writes.columns ?? []) : [];
    this.formulas = this.columns.map(columnFormulas);
    const { cells, columns } = this;
    let max = -1;
    let count = cells.length;
    for (const w of cells) if (w.row > max) max = w.row;
    for (const c of columns) {
      count += c.rows.length;
      max = Math.max(max, maxOf(c.rows));
    }
    const end = new Int32Array(max + 2); // end[r + 1] counts row r, then becomes where row r ends
    for (const w of cells) end[w.row + 1]++;
    for (const c of columns) countRows(c.rows, end);
    let distinct = 0;
    for (let r = 1; r < end.length; r++) {
      if (end[r] > 0) distinct++;
      end[r] += end[r - 1];
    }
    this.cols = new Int32Array(count);
    this.source = new Uint16Array(count);
    this.index = new Int32Array(count);
    // end[r] runs from where row r starts to where it ends
    cells.forEach((w, i) => {
      const at = end[w.row]++;
      this.cols[at] = w.col;
      this.index[at] = i;
    });
    columns.forEach((c, s) => placeColumn(c, s + 1, end, this.cols, this.source, this.index));
    this.rows = new Int32Array(distinct);
    this.from = new Int32Array(distinct + 1);
    this.group(end, max);
  }

  /** `rows` and `from` from where each row's writes end, each row's writes sorted by column on the way. */
  private group(end: Int32Array, max: number): void {
    const { rows, from, cols } = this;
    let k = 0;
    let at = 0;
    for (let r = 0; r <= max; r++) {
      const to = end[r];
      if (to === at) continue;
      rows[k] = r;
      from[k++] = at;
      if (to - at > 2 || (to - at === 2 && cols[at] > cols[at + 1])) this.sortByColumn(at, to); // two in order need no sort
      at = to;
    }
    from[k] = at;
  }

  /** The i-th write in order; a column's cell in an object reused by the next call. */
  at(i: number): CellWrite {
    const s = this.source[i];
    if (s === 0) return this.cells[this.index[i]];
    return columnCell(this.columns[s - 1], this.formulas[s - 1], this.index[i], this.scratch);
  }

  /** The column (an index into `columns`) whose row the i-th write is, or -1 for a single cell. */
  columnOf(i: number): number {
    return this.source[i] - 1;
  }

  /** Which of its column's rows the i-th write is (an index into its `rows`). */
  rowIndex(i: number): number {
    return this.index[i];
  }

  /** Stable insertion sort of the writes `from..to` by column: a row has a few writes, usually in order already. */
  private sortByColumn(from: number, to: number): void {
    const { cols, source, index } = this;
    for (let i = from + 1; i < to; i++) {
      const col = cols[i];
      const s = source[i];
      const x = index[i];
      let j = i - 1;
      while (j >= from && cols[j] > col) {
        cols[j + 1] = cols[j];
        source[j + 1] = source[j];
        index[j + 1] = index[j];
        j--;
      }
      cols[j + 1] = col;
      source[j + 1] = s;
      index[j + 1] = x;
    }
  }
}

/** The largest of a column's rows (-1 for none). Loops of their own, quick to compile: a patch runs them once. */
function maxOf(rows: Int32Array): number {
  let max = -1;
  for (let i = 0; i < rows.length; i++) if (rows[i] > max) max = rows[i];
  return max;
}

/** Counts a column's writes into `end[r + 1]` for each row r. */
function countRows(rows: Int32Array, end: Int32Array): void {
  for (let i = 0; i < rows.length; i++) end[rows[i] + 1]++;
}

/** Puts a column's writes at the next places of their rows (`end[r]`, moved on), as write source `source`. */
function placeColumn(column: ColumnWrite, source: number, end: Int32Array, cols: Int32Array, sources: Uint16Array, index: Int32Array): void {
  const { rows, col } = column;
  for (let i = 0; i < rows.length; i++) {
    const at = end[rows[i]]++;
    cols[at] = col;
    sources[at] = source;
    index[at] = i;
  }
}
