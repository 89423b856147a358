/**
 * The real-world table corpus (issue 9): tables transcribed exactly as printed in published Swedish
 * municipal and regional reports. Each table lives in its own file under `test/realworld/tables/`,
 * exporting one `RealTable` (or several). The figures are facts from the source; nothing else is copied.
 *
 * Two workbooks are built from each table by script (`test/realworld/build.ts`):
 * - the printed version, every cell as printed, for the audit;
 * - the controller's input version: only the `inputColumns` of the data rows filled, the computed
 *   columns (deviations, percentages) and the `sumRows` left empty, for the report.
 */

/** A cell exactly as printed: `'-6 279'`, `'4,823'`, `'–'`, `'Förskola'`, or null for an empty cell. */
export type PrintedCell = string | null;

export interface RealMistake {
  /**
   * A1 address inside `printed` (row 1 = `printed[0]`): the cell the audit must name. When one printed
   * figure explains every broken relation (a typo in a line item that breaks both its row and its
   * column total), that figure; otherwise the computed cell of the broken relation (usually a total).
   */
  cell: string;
  /** Why it is wrong, recomputed from the table's own figures (e.g. `'B7+B8 = 1 234, printed 1 243'`). */
  note: string;
  /**
   * The relation instances this mistake breaks, exactly as `expandRelations` spells them
   * (`'E18 = C18 + D18'`). Their left-hand cells are where the inconsistency surfaces; the data test
   * proves each of them fails and that no other relation of the table fails.
   */
  breaks?: string[];
}

export interface RealTable {
  /** Short unique id, `kommun-år-tabell`: `falun-2023-drift`. */
  id: string;
  /** `Falu kommun`, `Region Halland`. */
  organisation: string;
  /** The document's title: `Delårsrapport januari–augusti 2023`. */
  document: string;
  /** Where the document was found. */
  url: string;
  /** Page (as printed in the document, or the PDF page) or section where the table is. */
  page: string;
  /** The report year. */
  year: number;
  /** Months of the period the table covers, when it has period columns (8 for jan–aug). */
  months?: number;
  /** The unit as printed (title, unit line or header); `undefined` when the report does not say. */
  unit?: 'kr' | 'tkr' | 'mnkr';
  /**
   * Layout tags, from this list where they apply: `net-cost-per-verksamhet`, `unit-in-sheet`,
   * `annual`, `resultatrakning`, `running-subtotals`, `column-blocks`, `investment`, `totals-above`,
   * `decimals` (mnkr with 3 decimals, tkr with 1, precision varying from cell to cell …),
   * `period-budget-derived`, `drift`, `prognos`, `change-percent`, `not-column`, `koncern`, `note-numbers`,
   * `varav-rows` (rows that break the line above them down and are not added again), `prognossakerhet` (a forecast
   * made during the year against the year-end outcome), `signed`, `unsigned`.
   */
  layout: string[];
  /** The table as printed, row by row from its title (and unit line) down; each cell as printed text. */
  printed: PrintedCell[][];
  /** The real inconsistencies in the printed table. Empty when the table is consistent. */
  mistakes: RealMistake[];
  /** Column letters the controller types (budget, prognos, utfall …); the rest is computed. */
  inputColumns: string[];
  /** 1-based rows of `printed` that are sums or subtotals (computed, not typed). */
  sumRows: number[];
  /** Anything a reader of the table must know (a footnote, a column left out, a printed oddity). */
  notes?: string;
  /**
   * Rows of `printed` before the first data row (title, unit line, header rows). They are written as
   * text in both workbooks, even a bare year such as `2018`. Default: the rows before the first row
   * that holds a number.
   */
  headerRows?: number;
  /**
   * Columns copied as printed into the controller's input version besides the inputs: labels and
   * reference columns such as `Not`. Default `['A']`.
   */
  labelColumns?: string[];
  /**
   * The arithmetic the printed figures obey, one template per line (grammar in `relations.ts`):
   * - `'D{r} = C{r} - B{r} @ 5-12,14'` a row template over rows 5–12 and 14;
   * - `'{c}13 = SUM({c}5:{c}12) @ B-G'` a column template over columns B–G;
   * - `'B20 = B13 + B15 + B16'` one cell; `'F{r} = PCT(E{r}, B{r}) @ 5-9'` a percentage
   *   (E / |B| × 100); constants scale a term: `'C{r} = B{r} * 8 / 12 @ 5-9'`.
   * A relation holds when it holds within the rounding of the printed figures (each printed figure
   * stands for the interval ± half a unit of its last printed digit; `–` and empty cells are exact 0).
   * Every instance holds unless a `mistakes[].breaks` lists it.
   */
  relations?: string[];
}
