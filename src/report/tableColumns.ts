/**
 * Avvikelse columns inside an Excel Table (a list object). Excel turns a table column into a
 * calculated column when a formula is written into it, and then copies one formula to every row of
 * the column: different formulas per row (`D4-C4` for revenue, `C5-D5` for costs) would end as one of
 * them everywhere, with the wrong sign on the other kind of row. So a table column is filled only with
 * a formula that is the same in every row (relative references) and only when every row of the table
 * is a data row; in the unsigned convention that means a sign test on the row's Typ cell.
 */
import { cellAddress, columnLetters } from '../core/address';
import { cellText, type SheetRow, type SourceTable } from '../core/source';
import type { SheetData, TableArea } from '../workbook/port';

/** A formula with each reference's row written relative to the formula's own row: `C[0]-D[0]`. */
export function relativeForm(formula: string, row0: number): string {
  return formula
    .split(/("[^"]*")/)
    .map((part, i) => (i % 2 ? part : part.replace(/(?<![A-Za-z_$])(\$?[A-Z]{1,3})(\$?)(\d+)(?![\w(])/g, (_, col: string, abs: string, row: string) => `${col}${abs ? `$${row}` : `[${Number(row) - 1 - row0}]`}`)))
    .join('');
}

/** Whether formulas (each at its 0-based row) are one formula moved row by row. */
export function sameInEveryRow(cells: { row0: number; formula: string }[]): boolean {
  return new Set(cells.map((c) => relativeForm(c.formula, c.row0))).size <= 1;
}

/** The table whose data body holds column `col` in one of these 0-based rows, if any. */
export function tableAt(sheet: SheetData, col: number, rows0: number[]): TableArea | undefined {
  return sheet.tables?.find((t) => col >= t.left && col <= t.right && rows0.some((r) => r >= t.top && r <= t.bottom));
}

/** Rows of the table's body that are not among the rows written (0-based). */
export function rowsNotWritten(table: TableArea, rows0: number[]): number[] {
  const written = new Set(rows0);
  const missing: number[] = [];
  for (let r = table.top; r <= table.bottom; r++) if (!written.has(r)) missing.push(r);
  return missing;
}

/** Text for a formula: `"Kostnad"`, quotes doubled. */
const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * The test, in one formula for every row, of whether a row is a cost row (its avvikelse is budget −
 * actual in the unsigned convention): its Typ cell against the texts the cost rows have, `$B5="Kostnad"`
 * (Excel compares text without regard to case). A reason in Swedish when there is none: no Typ column,
 * a row without a Typ text, or one text on both kinds of row.
 */
export function costTest(src: SourceTable, sheet: SheetData, isCost: (row: SheetRow) => boolean): ((row: string) => string) | string {
  const typeCol = src.header.columns.type;
  if (typeCol === undefined) return 'raderna är både intäkter och kostnader och ingen Typ-kolumn säger vilka';
  const textOf = (row: SheetRow) => cellText(sheet.values[row.row - 1]?.[typeCol] ?? null);
  const cost = new Set<string>();
  const other = new Set<string>();
  for (const row of src.sheetRows) {
    const text = textOf(row);
    if (!text) return `rad ${row.row} saknar text i Typ-kolumnen`;
    (isCost(row) ? cost : other).add(text.toUpperCase());
  }
  const both = [...cost].find((t) => other.has(t));
  if (both) return `typen ${both.toLowerCase()} står både på intäkts- och kostnadsrader`;
  const texts = [...new Set(src.sheetRows.filter(isCost).map(textOf))];
  // the row's number as text (1-based), or a column template's row mark
  return (row) => {
    const ref = `$${columnLetters(typeCol)}${row}`;
    const tests = texts.map((t) => `${ref}=${quoted(t)}`);
    return tests.length === 1 ? tests[0] : `OR(${tests.join(',')})`;
  };
}

/** The note for a table column left alone. */
export function tableNote(sheet: string, col: number, table: TableArea, why: string): string {
  return `Fliken ${sheet}: kolumn ${columnLetters(col)} ligger i Excel-tabellen ${table.name}, där Excel skriver samma formel på alla rader; ${why}, så kolumnen lämnas orörd.`;
}

/** `rad 12` / `raderna 12, 14` for rows that are in the table but are not data rows. */
export function notDataRows(rows0: number[]): string {
  const shown = rows0.slice(0, 3).map((r) => cellAddress(r, 0).replace(/^[A-Z]+/, ''));
  return `tabellen har ${rows0.length === 1 ? 'en rad' : 'rader'} som inte är datarader (${rows0.length === 1 ? 'rad' : 'raderna'} ${shown.join(', ')}${rows0.length > 3 ? ' …' : ''})`;
}
