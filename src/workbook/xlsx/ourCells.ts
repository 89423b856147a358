/** Our cells as markup for the patch of a user's sheet: a column's from its typed arrays, a single cell's from its object. */
import type { CellWrite } from '../port';
import { ColumnMarkup } from './columnMarkup';
import type { RowWrites } from './rowWrites';
import { cellXml } from './sheetXml';
import type { StyleBook } from './styles';
import { qualify } from './xml';

export class OurCells {
  private readonly columns: (ColumnMarkup | undefined)[];

  constructor(
    private readonly writes: RowWrites,
    private readonly styles: StyleBook,
  ) {
    this.columns = writes.columns.map((c) => ColumnMarkup.of(c, styles));
  }

  /**
   * The i-th write as markup over a user's cell of style `style` (-1: none), elements given `prefix`.
   * Where the cell already holds a formula (ours, written or filled down earlier: the plan writes a
   * formula only over the very same one), its `<f>` is kept as written, so a shared formula's master or
   * an array formula stays whole; only the cached value is new.
   */
  markup(i: number, style: number, prefix: string, existingFormula?: string): string {
    const c = this.writes.columnOf(i);
    const column = c >= 0 && prefix === '' ? this.columns[c] : undefined;
    if (column) return column.cell(this.writes.rowIndex(i), style, existingFormula);
    return cellMarkup(this.styles, this.writes.at(i), style < 0 ? undefined : style, prefix, existingFormula);
  }
}

/** A cell's markup from its object, as `cellXml` makes it: what every quicker way must equal. */
export function cellMarkup(styles: StyleBook, w: CellWrite, style: number | undefined, prefix: string, existingFormula?: string): string {
  const styleIndex = w.style?.numFmt ? styles.withDefaultNumFmt(style, w.style.numFmt) : style;
  const markup = qualify(prefix, cellXml(w.row, w.col, w, styleIndex));
  if (!w.formula || !existingFormula) return markup;
  return markup.replace(/<([\w.-]+:)?f>[\s\S]*?<\/([\w.-]+:)?f>/, () => existingFormula);
}
