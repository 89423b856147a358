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
  /** A1 address inside `printed` (row 1 = `printed[0]`): the cell the audit must name. */
  cell: string;
  /** Why it is wrong, recomputed from the table's own figures (e.g. `'B7+B8 = 1 234, printed 1 243'`). */
  note: string;
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
   * `decimals` (mnkr with 3 decimals, tkr with 1 …), `period-budget-derived`, `drift`, `prognos`,
   * `change-percent`, `not-column`, `koncern`, `note-numbers`, `signed`, `unsigned`.
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
}
