/**
 * Cells for the chart data that has no cells of its own. The Excel JavaScript API takes a series'
 * values and categories from a range only (`ChartSeries.setValues`, `setXAxisValues`, ExcelApi 1.7),
 * never as a list, so a chart of picked rows (a table over 40 rows shows its largest deviations) gets
 * its values written in hidden columns to the right of everything else on our sheet, one column per
 * list, from the first row; the chart then plots hidden cells (`Chart.plotVisibleOnly = false`).
 * Data with a reference keeps it: such a chart reads the table's own cells and follows them.
 */
import { cellAddress, sheetRef } from '../../core/address';
import type { CellWrite, ChartData, OutputSheet, SheetChart } from '../port';

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
    ...(out.charts ?? []).map((c) => c.to.col + 1),
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

/** A reference's sheet and its address on that sheet: `'Avvikelsetabeller'!$D$6:$D$12` → both parts. */
export function splitRef(ref: string): { sheet: string; address: string } {
  const bang = ref.lastIndexOf('!');
  const sheet = ref.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  return { sheet, address: ref.slice(bang + 1) };
}
