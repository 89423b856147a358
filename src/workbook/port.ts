/**
 * The port between the engine and a workbook. Adapters (the .xlsx package, Office.js, in-memory) read a
 * snapshot of the workbook and apply a write plan in one go, so an Office host does each in a fixed
 * number of round trips, plus only as many as the 5 MB limit per round trip forces for large sheets
 * (never one per row).
 */
import type { RawValue } from '../core/types';

export interface SheetData {
  name: string;
  /** values[r][c], 0-based; formula cells hold their cached result. */
  values: RawValue[][];
  /** Formulas (without the leading `=`), keyed by `cellKey(r, c)`. */
  formulas: Map<string, string>;
  hidden?: boolean;
  protected?: boolean;
  /** Excel Tables (list objects) on the sheet, where the adapter knows them. */
  tables?: TableArea[];
}

/** An Excel Table's data body (without header and total rows): 0-based, inclusive. */
export interface TableArea {
  name: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface WorkbookData {
  sheets: SheetData[];
  /** Defined names → their reference, e.g. `Avvikelse_Tabeller` → `'Avvikelsetabeller'!$A$1:$I$40`. */
  names: Record<string, string>;
  /** Names of sheets that are no worksheets (chart sheets …): not read, but their names are taken. */
  otherSheets?: string[];
}

export const cellKey = (row: number, col: number): string => `${row},${col}`;

/**
 * Whether two sheet or defined names are the same to Excel, which ignores case in both (`Kommentarer`
 * and `kommentarer` cannot both exist).
 */
export const sameName = (a: string, b: string): boolean => a.toLocaleUpperCase('sv-SE') === b.toLocaleUpperCase('sv-SE');

export interface CellStyle {
  numFmt?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  align?: 'left' | 'right' | 'center';
  indent?: number;
  wrap?: boolean;
  valign?: 'top' | 'middle' | 'bottom';
  borderTop?: 'thin' | 'medium';
  borderBottom?: 'thin' | 'medium';
  fill?: string;
}

/** One cell to write: a value, or a formula with its computed value as cached result. */
export interface CellWrite {
  row: number;
  col: number;
  value?: number | string | null;
  formula?: string;
  style?: CellStyle;
}

/** Where a column's formula template takes the row number (1-based): a character no formula holds. */
export const ROW_MARK = '\u0001';

/**
 * A column of cells written alike (the avvikelse columns of a user's sheet): formulas that differ per row
 * only in the row number, given as templates, so a million rows make no million objects. The adapters
 * expand the cells as they write them (`columnCells`).
 */
export interface ColumnWrite {
  col: number;
  /** 0-based rows, ascending. */
  rows: Int32Array;
  /** The cached result of each row's formula; NaN for the empty text (`""`, a % of a zero budget). */
  values: Float64Array;
  /** Formula templates, `ROW_MARK` where the row's number goes: `F\u0001-E\u0001` → `F7-E7`. */
  formulas: string[];
  /** Which template each row has (an index into `formulas`); absent: the first for every row. */
  variants?: Uint8Array;
  /** One style for the column's every cell. */
  style?: CellStyle;
}

/** The cells to write in one of the user's sheets: single cells, and whole columns. */
export interface SheetWrites {
  sheet: string;
  cells: CellWrite[];
  columns?: ColumnWrite[];
  conditionalFormats: ConditionalFormat[];
}

/** A conditional format: an expression rule over a range (relative to the range's top-left cell). */
export interface ConditionalFormat {
  range: string;
  rules: { formula: string; fill: string; fontColor: string }[];
}

/**
 * Cells a chart reads: a reference on the sheet (`'Avvikelsetabeller'!$D$6:$D$12`), so the chart follows
 * the cells, and the values as written (the cache a reader shows before it recalculates). Without a
 * reference the chart holds the values themselves (rows picked from a longer table).
 */
export interface ChartData<T> {
  ref?: string;
  values: T[];
}

/** A chart series: its name, values, and fills (RRGGBB) for the whole series and per point. */
export interface ChartSeries {
  name: string;
  values: ChartData<number>;
  /** Solid fill; undefined = no fill (an outlined bar). */
  fill?: string;
  /** Outline colour; undefined = none. */
  outline?: string;
  /** Per point: a fill and outline of its own (sums, favourable and unfavourable bars). */
  points?: { fill?: string; outline?: string }[];
  /** Value labels on the bars, in the chart's number format. */
  labels?: boolean;
  /** Drawn otherwise than the chart's type: `line` over columns (a budget as a reference line). */
  type?: ChartType;
  /** A dashed line or outline (a reference, such as the budget). */
  dashed?: boolean;
  /** A line series: a marker on each point (filled by `points[i].fill` when given, else the line's colour). */
  markers?: boolean;
}

/** A chart reference's sheet and its address there: `'Avvikelsetabeller'!$D$6:$D$12` → both parts. */
export function splitRef(ref: string): { sheet: string; address: string } {
  const bang = ref.lastIndexOf('!');
  const sheet = ref.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  return { sheet, address: ref.slice(bang + 1) };
}

/** The prefix of our charts' names (`Avvikelsediagram 3: …`): a re-run replaces these and no others. */
export const OWN_CHART_PREFIX = 'Avvikelsediagram';

/** `bar`: horizontal bars, rows top to bottom (the default); `column`: vertical columns, categories left to right; `line`. */
export type ChartType = 'bar' | 'column' | 'line';

/** A chart on one of our sheets (horizontal bars unless `type` says otherwise), anchored from one cell to another (0-based, `to` exclusive). */
export interface SheetChart {
  /** Undefined = `bar` (horizontal bars). A series may override it (`ChartSeries.type`). */
  type?: ChartType;
  /** Names the chart in the drawing (ours are told from the user's by the `Avvikelsediagram` prefix). */
  name: string;
  /** The chart's title; empty for none (a Word chart has its caption under it instead). */
  title: string;
  from: { row: number; col: number };
  to: { row: number; col: number };
  categories: ChartData<string>;
  series: ChartSeries[];
  /** The number format of labels and the value axis (the table's, `#,##0;-#,##0;0`). */
  numFmt: string;
  legend?: boolean;
  /** The value axis's bounds, when set (room beside the bars for their labels). */
  axis?: { min: number; max: number };
}

/** A sheet that is entirely ours: replaced whole on every run. */
export interface OutputSheet {
  name: string;
  cells: CellWrite[];
  merges: string[];
  columnWidths: number[];
  hiddenColumns?: number[];
  /** 0-based rows that start a new printed page (so a table is not split). */
  pageBreaksBefore?: number[];
  /** Row heights in points, by 0-based row (rows with wrapped text). */
  rowHeights?: Record<number, number>;
  conditionalFormats: ConditionalFormat[];
  /** Rows to repeat / freeze: the number of frozen rows at the top. */
  frozenRows?: number;
  /** Charts drawn on the sheet, beside its tables. */
  charts?: SheetChart[];
}

export interface WritePlan {
  /** Cells in the user's own sheets (the avvikelse columns we fill). */
  cellWrites: SheetWrites[];
  /** Our own sheets, created or replaced. */
  sheets: OutputSheet[];
  /** Defined names that mark our output, so a re-run recognises it. */
  names: Record<string, string>;
}

/** What a caller may ask of a long read. Adapters that read in one go may ignore both. */
export interface ReadOptions {
  /** Stops the read between its round trips: it then rejects with an error named `AbortError`. */
  signal?: AbortSignal;
  /** The share read so far, 0–1, reported as the read goes (after each round trip of data). */
  onProgress?: (fraction: number) => void;
  /** Only these sheets (the names are read whole all the same). */
  sheets?: string[];
  /** At most this many rows per round trip's range (the Självtest reads in small chunks on purpose). */
  chunkRows?: number;
}

/** What a write has to say besides having written (e.g. cells whose format it had to change). */
export interface WriteOutcome {
  notes: string[];
}

export interface WorkbookPort {
  read(options?: ReadOptions): Promise<WorkbookData>;
  write(plan: WritePlan): Promise<WriteOutcome | void>;
}
