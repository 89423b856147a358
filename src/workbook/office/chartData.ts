/**
 * Cells for the chart data that has no cells of its own. The Excel JavaScript API takes a series'
 * values and categories from a range only (`ChartSeries.setValues`, `setXAxisValues`, ExcelApi 1.7),
 * never as a list, so a chart of picked rows (a table over 40 rows shows its largest deviations) gets
 * its values written in hidden columns to the right of everything else on our sheet, one column per
 * list, from the first row; the chart then plots hidden cells (`Chart.plotVisibleOnly = false`).
 * Data with a reference keeps it: such a chart reads the table's own cells and follows them. The
 * defined name that marks the sheet's area is widened over the hidden columns, so that the next run
 * knows their cells as ours (and does not refuse them as the user's).
 */
import { cellAddress, columnIndex, columnLetters, sheetRef } from '../../core/address';
import { sameName, splitRef, type CellWrite, type ChartData, type OutputSheet, type SheetChart, type WritePlan } from '../port';

/** A chart whose data all has a reference on the sheet, and whether it reads hidden cells. */
export interface PlacedChart {
  chart: SheetChart;
  hiddenData: boolean;
}

/** The first column right of the cells, the widths, the hidden columns and the charts, with one spare. */
function firstFreeColumn(out: OutputSheet): number {
  const ends = [
    ...out.cells.map((c) => c.col + 1),
    out.columnWidths.length,
    ...(out.hiddenColumns ?? []).map((c) => c + 1),
    ...(out.charts ?? []).map((c) => c.to.col),
  ];
  return Math.max(0, ...ends) + 1;
}

/** `'Avvikelsetabeller'!$X$1:$X$40` for a column's first `count` rows (at least one). */
function columnRef(sheet: string, col: number, count: number): string {
  const dollar = (row: number) => cellAddress(row, col).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  return `${sheetRef(sheet)}!${dollar(0)}:${dollar(Math.max(count, 1) - 1)}`;
}

/**
 * The sheet with the cells and hidden columns the charts' unreferenced data needs, and the charts
 * with every series and category list referring to cells. A sheet whose charts all read its cells
 * comes back as it was.
 */
export function placeChartData(out: OutputSheet): { sheet: OutputSheet; charts: PlacedChart[] } {
  let next = firstFreeColumn(out);
  const cells: CellWrite[] = [];
  const hidden: number[] = [];
  const place = <T extends number | string>(data: ChartData<T>): ChartData<T> => {
    if (data.ref) return data;
    const col = next++;
    hidden.push(col);
    data.values.forEach((value, row) => cells.push({ row, col, value }));
    return { ref: columnRef(out.name, col, data.values.length), values: data.values };
  };
  const charts = (out.charts ?? []).map((chart): PlacedChart => {
    const before = hidden.length;
    const placed: SheetChart = { ...chart, categories: place(chart.categories), series: chart.series.map((s) => ({ ...s, values: place(s.values) })) };
    return { chart: placed, hiddenData: hidden.length > before };
  });
  if (!hidden.length) return { sheet: out, charts };
  return { sheet: { ...out, cells: [...out.cells, ...cells], hiddenColumns: [...(out.hiddenColumns ?? []), ...hidden] }, charts };
}

/** A rectangle reference (`Avvikelsetabeller!$A$1:$I$40`) stretched to cover `lastCol` and `lastRow` (0-based). */
export function widenedRef(ref: string, lastCol: number, lastRow: number): string {
  const { sheet, address } = splitRef(ref);
  const m = /^\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(address);
  if (!m) return ref;
  const col = Math.max(columnIndex(m[3]), lastCol);
  const row = Math.max(Number(m[4]), lastRow + 1);
  return `${sheetRef(sheet)}!$${m[1]}$${m[2]}:$${columnLetters(col)}$${row}`;
}

/**
 * The plan with the chart data placed (`placeChartData`) on each output sheet and the names that mark
 * those sheets widened over it; and the placed charts by sheet.
 */
export function placeChartsOfPlan(plan: WritePlan): { plan: WritePlan; charts: Map<string, PlacedChart[]> } {
  const charts = new Map<string, PlacedChart[]>();
  const names = { ...plan.names };
  const sheets = plan.sheets.map((out) => {
    const placed = placeChartData(out);
    charts.set(out.name, placed.charts);
    const hidden = placed.sheet.hiddenColumns ?? [];
    if (placed.sheet === out || !hidden.length) return placed.sheet;
    const lastRow = placed.sheet.cells.reduce((n, c) => Math.max(n, c.row), 0);
    for (const [name, ref] of Object.entries(names)) {
      if (sameName(splitRef(ref).sheet, out.name)) names[name] = widenedRef(ref, Math.max(...hidden), lastRow);
    }
    return placed.sheet;
  });
  return { plan: { ...plan, sheets, names }, charts };
}
