/**
 * A standard table as the text it shows: the one model behind the Word document, the HTML and the
 * tab-separated clipboard text, so all three print exactly the same figures. Pure; no DOM, no files.
 *
 * Figures are Swedish display text (`149 145`, `-2 482`, `1 234,5`, `–` for a missing percentage)
 * with a **non-breaking space** (U+00A0) between the thousands, as Swedish Word and Excel write them,
 * so a figure never wraps inside a narrow cell. Rounding is `displayValue`'s, emphasis (bold, rule
 * above, indent) is the Excel layout's own rule (`rowEmphasis`).
 */
import type Decimal from 'decimal.js';
import { formatSwedish, unitDecimals } from '../core/money';
import type { StandardTable, TableColumn, TableRow } from '../core/types';
import { DASH, displayValue, headerGroups, rowEmphasis } from '../report/layout';

/** The space between groups of thousands in exported figures. */
export const THOUSANDS_SPACE = '\u00A0';

export type Align = 'left' | 'right' | 'center';

/** A cell of the top header row; `span` columns wide (label column excluded). */
export interface HeaderGroupText {
  text: string;
  span: number;
}

export interface RowText {
  label: string;
  /** Indent steps of the label (nested investment groups). */
  indent: number;
  bold: boolean;
  /** A thin rule above the row (sum rows, the net result of a driftredovisning). */
  ruleAbove: boolean;
  /** One text per table column, as displayed. */
  cells: string[];
}

export interface TableText {
  title: string;
  /** `tkr` / `mnkr`, or null for tables without amounts (indikatorer). */
  unitLine: string | null;
  /** The top header row over the figure columns, or null when no column has a group title. */
  groups: HeaderGroupText[] | null;
  /** The bottom header row: the label header (`Verksamhet, tkr`) first, then one title per column. */
  columnTitles: string[];
  /** Alignment of each table column (the label column is always left). */
  align: Align[];
  /** Text columns (indicator targets) hold words; the others hold figures. */
  figure: boolean[];
  rows: RowText[];
  notes: string[];
}

/** Most decimals shown for a plain number (indicator values), as Excel's General would show them. */
const MAX_NUMBER_DECIMALS = 4;

/** First characters that make Excel (and Calc, Sheets) read pasted text as a formula, full-width forms included. */
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Text for a plain-text clipboard or file that a spreadsheet would take for a formula (`=HYPERLINK(…)`,
 * `+A1`, `-1+2`, `@SUM(…)`) gets a leading apostrophe, which Excel reads as "this is text" and does not
 * show. Figures are never passed through here: `-2 482` stays a number.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Swedish display text with non-breaking thousands spaces. */
export function figureText(d: Decimal, decimals: number): string {
  return formatSwedish(d, decimals).replace(/ /g, THOUSANDS_SPACE);
}

/** The text of one cell: the rounded figure, `–` for null, '' for a column the row has no value in. */
export function cellText(table: StandardTable, col: TableColumn, row: TableRow): string {
  if (col.format === 'text') return row.texts?.[col.id] ?? '';
  const v = displayValue(table, col, row);
  if (v === undefined) return '';
  if (v === null) return DASH;
  if (col.format === 'amount') return figureText(v, unitDecimals(table.unit));
  if (col.format === 'percent') return figureText(v, 1);
  return figureText(v, Math.min(v.decimalPlaces(), MAX_NUMBER_DECIMALS));
}

export function tableText(table: StandardTable): TableText {
  const groups = headerGroups(table.columns).map((g) => ({ text: g.title, span: g.to - g.from + 1 }));
  const emphasisOf = rowEmphasis(table);
  return {
    title: table.title,
    unitLine: table.type === 'indikatorer' ? null : table.unit,
    groups: groups.some((g) => g.text) ? groups : null,
    columnTitles: [table.labelHeader, ...table.columns.map((c) => c.title)],
    align: table.columns.map((c) => (c.format === 'text' ? 'center' : 'right')),
    figure: table.columns.map((c) => c.format !== 'text'),
    rows: table.rows.map((row) => ({ label: row.label, ...emphasisOf(row), cells: table.columns.map((col) => cellText(table, col, row)) })),
    notes: table.notes.length ? [table.notes.join(' ')] : [],
  };
}
