/** The two sides of a patched row: our writes grouped by row, and the user's cells of the row at hand. */
import type { CellWrite } from '../port';

/**
 * Our writes in row order and, within a row, in column order (writes to the same cell keep their
 * order), grouped without a Map or an array per row (a million-row fill has two million writes):
 * `rows[k]` is the k-th row written (0-based, ascending), its writes are `order[from[k]]` up to
 * `order[from[k + 1]]`. A counting sort by row, then an insertion sort of each row's few columns.
 */
export class RowWrites {
  readonly rows: Int32Array;
  readonly from: Int32Array;
  readonly order: CellWrite[];

  constructor(writes: readonly CellWrite[]) {
    let max = -1;
    for (const w of writes) if (w.row > max) max = w.row;
    const end = new Int32Array(max + 2); // end[r + 1] counts row r, then becomes where row r ends
    for (const w of writes) end[w.row + 1]++;
    let distinct = 0;
    for (let r = 1; r < end.length; r++) {
      if (end[r] > 0) distinct++;
      end[r] += end[r - 1];
    }
    const order = new Array<CellWrite>(writes.length);
    for (const w of writes) order[end[w.row]++] = w; // end[r] ran from where row r starts to where it ends
    this.rows = new Int32Array(distinct);
    this.from = new Int32Array(distinct + 1);
    let k = 0;
    let at = 0;
    for (let r = 0; r <= max; r++) {
      if (end[r] === at) continue;
      this.rows[k] = r;
      this.from[k++] = at;
      sortByColumn(order, at, end[r]);
      at = end[r];
    }
    this.from[k] = at;
    this.order = order;
  }
}

/** Stable insertion sort of `order[from..to)` by column: a row has a few writes, usually in order already. */
function sortByColumn(order: CellWrite[], from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const w = order[i];
    let j = i - 1;
    while (j >= from && order[j].col > w.col) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = w;
  }
}

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

