/**
 * The cells of a `ColumnWrite`, expanded one at a time as an adapter writes them (or all at once, for
 * an adapter whose host takes cells in blocks anyway, and for tests).
 */
import { ROW_MARK, type CellWrite, type ColumnWrite } from './port';

/** The formula of each row of a column, by its index in `rows`: the templates split once, joined per row. */
export function columnFormulas(column: ColumnWrite): (i: number) => string {
  const parts = column.formulas.map((f) => f.split(ROW_MARK));
  const variants = column.variants;
  const rows = column.rows;
  return (i) => parts[variants ? variants[i] : 0].join(String(rows[i] + 1));
}

/** A column's formula template with a row's number in it (1-based `row`, as text). */
export const formulaAtRow = (template: string, row: string): string => template.split(ROW_MARK).join(row);

/** A column's cached value as a cell holds it: the empty text for NaN. */
export const cachedValue = (v: number): number | string => (Number.isNaN(v) ? '' : v);

/** Fills `into` with the i-th cell of a column (one object reused for every cell, never kept). */
export function columnCell(column: ColumnWrite, formulaOf: (i: number) => string, i: number, into: CellWrite): CellWrite {
  into.row = column.rows[i];
  into.col = column.col;
  into.formula = formulaOf(i);
  into.value = cachedValue(column.values[i]);
  into.style = column.style;
  return into;
}

/** Every cell of a column, as objects of their own. */
export function columnCells(column: ColumnWrite): CellWrite[] {
  const formulaOf = columnFormulas(column);
  return Array.from(column.rows, (_, i) => columnCell(column, formulaOf, i, { row: 0, col: 0 }));
}

/** The cells of a sheet's writes, the columns' expanded after the single cells (the order they are written in). */
export function cellsOf(writes: { cells: CellWrite[]; columns?: ColumnWrite[] }): CellWrite[] {
  if (!writes.columns?.length) return writes.cells;
  return [...writes.cells, ...writes.columns.flatMap(columnCells)];
}

/** How many cells the writes hold. */
export function cellCount(writes: { cells: CellWrite[]; columns?: ColumnWrite[] }): number {
  return writes.cells.length + (writes.columns ?? []).reduce((n, c) => n + c.rows.length, 0);
}
