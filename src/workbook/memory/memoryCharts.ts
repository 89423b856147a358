/**
 * The memory workbook's charts: those of the plan's output sheets (`OutputSheet.charts`), with every
 * list that has a reference read from the cells as they are now, as Excel's chart would show them after
 * the user typed in the table (the pane's demo and tests look at them so).
 */
import { parseCellAddress } from '../../core/address';
import type { RawValue } from '../../core/types';
import { sameName, splitRef, type ChartData, type SheetChart } from '../port';

/** Reads a workbook's cell: the sheet's values by name, 0-based row and column. */
export type CellReader = (sheet: string, row: number, col: number) => RawValue | undefined;

/** The cells of a one-column (or one-row) reference, in order. */
function cellsOf(ref: string, cell: CellReader): (RawValue | undefined)[] {
  const { sheet, address } = splitRef(ref);
  const [from, to = from] = address.split(':').map((a) => parseCellAddress(a));
  const out: (RawValue | undefined)[] = [];
  for (let r = from.row; r <= to.row; r++) for (let c = from.col; c <= to.col; c++) out.push(cell(sheet, r, c));
  return out;
}

function live<T>(data: ChartData<T>, cell: CellReader, as: (v: RawValue | undefined) => T): ChartData<T> {
  return data.ref ? { ref: data.ref, values: cellsOf(data.ref, cell).map(as) } : data;
}

/** The charts with their referenced values and categories as the cells hold them now. */
export function chartsAsShown(charts: SheetChart[], cell: CellReader): SheetChart[] {
  const num = (v: RawValue | undefined) => (typeof v === 'number' ? v : Number(v ?? 0) || 0);
  const text = (v: RawValue | undefined) => (v === null || v === undefined ? '' : String(v));
  return charts.map((c) => ({ ...c, categories: live(c.categories, cell, text), series: c.series.map((s) => ({ ...s, values: live(s.values, cell, num) })) }));
}

/** A cell reader over sheets of values, finding a sheet without regard to case as Excel does. */
export function readerOf(sheets: { name: string; values: RawValue[][] }[]): CellReader {
  return (sheet, row, col) => sheets.find((s) => sameName(s.name, sheet))?.values[row]?.[col];
}
