/// <reference types="office-js" />
/**
 * Our own output sheets, replaced whole: cleared, then values in one 2-D block over the used area,
 * number formats in one block (each cut only where a sync's budget is full), the other styles per run
 * of equally styled cells in a row, merges, column widths, row heights, hidden columns, frozen rows,
 * page breaks and the flag formats (its charts follow, writeCharts.ts). Every piece takes the sheet by
 * name, so a refused sync can send it again.
 */
import type { CellStyle, CellWrite, OutputSheet } from '../port';
import { OPERATION_BYTES, wireBytes, type Piece, type SyncBudget } from './payload';
import { addConditionalFormats, cellInput, hexColor, type CellInput } from './writeCells';

const ALIGN = { left: 'Left', right: 'Right', center: 'Center' } as const;
const VALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;
const WEIGHT = { thin: 'Thin', medium: 'Medium' } as const;

/**
 * Column width in points from a width in characters (the unit of the plan and of .xlsx files): Excel
 * draws a character of the default font 7 pixels wide plus 5 pixels of padding, and a pixel is ¾ point,
 * so the default 8.43 characters is 48 points.
 */
export function columnPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Clears what an earlier run left: contents, formats, merges, flags, sizes, hidden columns, panes. */
function resetSheet(sheet: Excel.Worksheet): void {
  const all = sheet.getRange();
  all.clear('All');
  all.unmerge();
  all.conditionalFormats.clearAll();
  all.columnHidden = false;
  all.format.useStandardWidth = true;
  all.format.useStandardHeight = true;
  sheet.freezePanes.unfreeze();
  sheet.horizontalPageBreaks.removePageBreaks();
}

/** Writes a grid from A1 in pieces that fill each sync (one piece for any ordinary sheet). */
async function writeGrid(sheet: () => Excel.Worksheet, grid: CellInput[][], set: (range: Excel.Range, rows: CellInput[][]) => void, budget: SyncBudget, part: string): Promise<void> {
  const columns = grid[0]?.length ?? 0;
  const sizes = grid.map((row) => wireBytes(row) - 1);
  await budget.addBlock(grid.length, (i) => sizes[i], (from, to) => set(sheet().getRangeByIndexes(from, 0, to - from, columns), grid.slice(from, to)), part);
}

/** The used area from A1 as a grid, `empty` where the plan has no cell. */
function gridOf(cells: CellWrite[], cell: (c: CellWrite) => CellInput, empty: CellInput): CellInput[][] {
  const rows = cells.reduce((n, c) => Math.max(n, c.row + 1), 0);
  const columns = cells.reduce((n, c) => Math.max(n, c.col + 1), 0);
  const grid = Array.from({ length: rows }, () => new Array<CellInput>(columns).fill(empty));
  for (const c of cells) grid[c.row][c.col] = cell(c);
  return grid;
}

/** The style without its number format (which goes in the number-format block), as a stable key. */
function styleKey(style: CellStyle | undefined): string {
  const { numFmt: _numFmt, ...rest } = style ?? {};
  const set = Object.entries(rest).filter(([, v]) => v !== undefined && v !== false && v !== 0);
  return set.length ? JSON.stringify(Object.fromEntries(set.sort(([a], [b]) => a.localeCompare(b)))) : '';
}

/** Runs of adjacent cells in a row with the same style. */
export function styleRuns(cells: CellWrite[]): { row: number; col: number; width: number; style: CellStyle }[] {
  const sorted = [...cells].filter((c) => styleKey(c.style)).sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: { row: number; col: number; width: number; style: CellStyle; key: string }[] = [];
  for (const c of sorted) {
    const key = styleKey(c.style);
    const last = runs[runs.length - 1];
    if (last && last.row === c.row && last.col + last.width === c.col && last.key === key) last.width++;
    else runs.push({ row: c.row, col: c.col, width: 1, style: c.style ?? {}, key });
  }
  return runs.map(({ key: _key, ...run }) => run);
}

function setEdge(borders: Excel.RangeBorderCollection, edge: 'EdgeTop' | 'EdgeBottom', weight: keyof typeof WEIGHT): void {
  const border = borders.getItem(edge);
  border.style = 'Continuous';
  border.weight = WEIGHT[weight];
}

/**
 * The queued operations `applyStyle` makes of a style, to reserve for it: getting the range, and one
 * per property set (a border edge is two: its style and its weight). The objects reached on the way
 * (format, font, fill, the edge) are small paths, counted in `OPERATION_BYTES`.
 */
export function styleOperations(style: CellStyle): number {
  const set = [style.bold, style.italic, style.size, style.color, style.fill, style.align, style.indent, style.wrap, style.valign].filter(Boolean).length;
  const edges = [style.borderTop, style.borderBottom].filter(Boolean).length;
  return 1 + set + 2 * edges;
}

/** Sets a style on a freshly cleared range (so only what differs from Excel's defaults). */
function applyStyle(range: Excel.Range, style: CellStyle): void {
  const format = range.format;
  const { font, fill, borders } = format;
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.size) font.size = style.size;
  if (style.color) font.color = hexColor(style.color);
  if (style.fill) fill.color = hexColor(style.fill);
  if (style.align) format.horizontalAlignment = ALIGN[style.align];
  if (style.indent) format.indentLevel = style.indent;
  if (style.wrap) format.wrapText = true;
  if (style.valign) format.verticalAlignment = VALIGN[style.valign];
  if (style.borderTop) setEdge(borders, 'EdgeTop', style.borderTop);
  if (style.borderBottom) setEdge(borders, 'EdgeBottom', style.borderBottom);
}

/** The operations of `applyStyle` and friends as one piece. */
const operations = (count: number, part: string, queue: () => void): Piece => ({ bytes: count * OPERATION_BYTES, part, queue });

/**
 * Queues one output sheet, which exists by now (a new one was added in the write's first batch):
 * cleared when it is there from an earlier run, then written whole.
 */
export async function writeOutputSheet(context: Excel.RequestContext, out: OutputSheet, reset: boolean, budget: SyncBudget, part: string): Promise<void> {
  const sheet = () => context.workbook.worksheets.getItem(out.name);
  await budget.add(
    operations(12, part, () => {
      const s = sheet();
      if (reset) resetSheet(s);
      s.showGridlines = false;
    }),
  );
  await writeGrid(sheet, gridOf(out.cells, cellInput, ''), (range, rows) => (range.values = rows), budget, part);
  if (out.cells.some((c) => c.style?.numFmt)) {
    await writeGrid(sheet, gridOf(out.cells, (c) => c.style?.numFmt ?? 'General', 'General'), (range, rows) => (range.numberFormat = rows), budget, part);
  }
  for (const run of styleRuns(out.cells)) {
    await budget.add(operations(styleOperations(run.style), part, () => applyStyle(sheet().getRangeByIndexes(run.row, run.col, 1, run.width), run.style)));
  }
  for (const merge of out.merges) await budget.add(operations(1, part, () => sheet().getRange(merge).merge(false)));
  const hidden = new Set(out.hiddenColumns ?? []);
  const columns = Math.max(out.columnWidths.length, ...[...hidden].map((c) => c + 1));
  for (let col = 0; col < columns; col++) {
    await budget.add(
      operations(2, part, () => {
        const column = sheet().getRangeByIndexes(0, col, 1, 1).getEntireColumn();
        if (out.columnWidths[col]) column.format.columnWidth = columnPoints(out.columnWidths[col]);
        if (hidden.has(col)) column.columnHidden = true;
      }),
    );
  }
  for (const [row, height] of Object.entries(out.rowHeights ?? {})) {
    await budget.add(operations(1, part, () => (sheet().getRangeByIndexes(Number(row), 0, 1, 1).getEntireRow().format.rowHeight = height)));
  }
  const frozen = out.frozenRows;
  if (frozen) await budget.add(operations(1, part, () => sheet().freezePanes.freezeRows(frozen)));
  for (const row of out.pageBreaksBefore ?? []) {
    if (row > 0) await budget.add(operations(1, part, () => sheet().horizontalPageBreaks.add(sheet().getRangeByIndexes(row, 0, 1, 1))));
  }
  for (const format of out.conditionalFormats) await addConditionalFormats(() => sheet().getRange(format.range), format, budget, part);
}
