/**
 * Text amounts in one column are read one way. `21,699` alone is 21,699 kr in Swedish and 21 699 in
 * English; in a column that also holds `12,399,785.63` it can only be the latter. So each amount
 * column's separator style is decided from the cells that are unambiguous (both marks, several of
 * one mark, a mark not followed by three digits, spaces as thousands):
 *
 * - the ambiguous cells (`21,699`, `1.234`: one mark, one to three digits before it, three after) are
 *   read in the column's style, and one warning per column says so;
 * - cells written in the other style contradict the column: one warning per column names them (each
 *   is unambiguous on its own, so it is read as written, as a controller would read it);
 * - when the styles are tied, every ambiguous cell is an error: it cannot be read with certainty.
 *
 * A column with no unambiguous text is read as before (a lone comma or point is the decimal mark).
 * Numbers stored as numbers are not text and play no part.
 */
import { cellAddress, issue } from './address';
import { parseAmountCell, type ParsedCell } from './money';
import type { InputIssue, RawValue } from './types';

export type SeparatorStyle = 'comma-decimal' | 'dot-decimal';
type Reading = SeparatorStyle | 'ambiguous' | 'none';

const SPACE_LIKE = /[\u00A0\u2007\u2009\u202F]/g;

/** How a text amount uses its marks. */
export function separatorReading(text: string): Reading {
  const body = text
    .replace(SPACE_LIKE, ' ')
    .trim()
    .replace(/\s*kr$/i, '')
    .replace(/^[(\-\u2212\u2013+]\s*|\s*\)$/g, '');
  if (!/^\d[\d ., ]*$/.test(body) || !/\d$/.test(body)) return 'none';
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  if (dots === 0 && commas === 0) return 'none';
  if (dots > 0 && commas > 0) return body.lastIndexOf('.') > body.lastIndexOf(',') ? 'dot-decimal' : 'comma-decimal';
  if (commas > 1) return 'dot-decimal'; // 1,234,567: commas group thousands
  if (dots > 1) return 'comma-decimal'; // 1.234.567: points group thousands
  const mark = commas === 1 ? ',' : '.';
  const style: SeparatorStyle = mark === ',' ? 'comma-decimal' : 'dot-decimal';
  if (body.includes(' ')) return style; // `1 234,50` / `1 234.50`: spaces group thousands, the mark is decimal
  return /^[1-9]\d{0,2}[.,]\d{3}$/.test(body) ? 'ambiguous' : style;
}

/** Reads an ambiguous cell in `style`: the other mark is a thousands separator and is dropped. */
function readAs(text: string, style: SeparatorStyle): ParsedCell {
  return parseAmountCell(style === 'dot-decimal' ? text.replace(/,/g, '') : text.replace(/\./g, ''));
}

const STYLE_WORDS: Record<SeparatorStyle, string> = {
  'comma-decimal': 'decimalkomma',
  'dot-decimal': 'decimalpunkt och tusentalskomma',
};

interface Text {
  row: number;
  text: string;
}

interface ColumnTexts {
  'comma-decimal': Text[];
  'dot-decimal': Text[];
  ambiguous: Text[];
}

/** The text amounts of each column by how they use their marks, in row order: one pass over the rows for all columns. */
function scanColumns(grid: RawValue[][], cols: readonly number[], firstRow: number): ColumnTexts[] {
  const out = cols.map((): ColumnTexts => ({ 'comma-decimal': [], 'dot-decimal': [], ambiguous: [] }));
  for (let r = firstRow; r < grid.length; r++) {
    const cells = grid[r];
    if (!cells) continue;
    for (let k = 0; k < cols.length; k++) {
      const v = cells[cols[k]];
      if (typeof v !== 'string') continue;
      const reading = separatorReading(v);
      if (reading !== 'none') out[k][reading].push({ row: r, text: v.trim() });
    }
  }
  return out;
}

/** Reads a sheet's amount cells; `parse` stands in for parseAmountCell. */
export interface AmountReader {
  parse(value: RawValue, row: number, col: number): ParsedCell;
}

const key = (row: number, col: number) => row * 16384 + col;

/** Decides one column's style; the cells to read differently go into `overrides`, the column's warning into `issues`. */
function decideColumn(sheet: string, col: number, texts: ColumnTexts, overrides: Map<number, ParsedCell>, issues: InputIssue[]): void {
  const comma = texts['comma-decimal'];
  const dot = texts['dot-decimal'];
  const shown = (t: Text) => `"${t.text}" i ${cellAddress(t.row, col)}`;
  if (comma.length === 0 && dot.length === 0) return;
  if (comma.length === dot.length) {
    const why = `kolumnen blandar decimalkomma (${shown(comma[0])}) och decimalpunkt (${shown(dot[0])}); skriv beloppet entydigt`;
    for (const a of texts.ambiguous) overrides.set(key(a.row, col), { kind: 'error', message: `"${a.text}" kan läsas på två sätt: ${why}` });
    return;
  }
  const style: SeparatorStyle = comma.length > dot.length ? 'comma-decimal' : 'dot-decimal';
  const other: SeparatorStyle = style === 'comma-decimal' ? 'dot-decimal' : 'comma-decimal';
  const example = `som ${shown(texts[style][0])}`;
  const against = texts[other];
  if (against.length > 0) {
    const what = against.length === 1 ? `"${against[0].text}"` : `${against.length} belopp, som "${against[0].text}",`;
    const message = `${what} är skrivet med ${STYLE_WORDS[other]}, men kolumnen skriver belopp med ${STYLE_WORDS[style]} (${example}); ${against.length === 1 ? 'det läses' : 'de läses'} som ${against.length === 1 ? 'det står' : 'de står'}, men se över kolumnen`;
    issues.push(issue(sheet, cellAddress(against[0].row, col), message, 'warning'));
  }
  const thousands = style === 'comma-decimal' ? '.' : ',';
  const regrouped = texts.ambiguous.filter((a) => a.text.includes(thousands)); // read otherwise than alone
  for (const a of regrouped) overrides.set(key(a.row, col), readAs(a.text, style));
  if (regrouped.length > 0) {
    const first = regrouped[0];
    const what = regrouped.length === 1 ? `"${first.text}"` : `${regrouped.length} belopp som "${first.text}"`;
    const mark = thousands === ',' ? 'tusentalskomma' : 'tusentalspunkt';
    issues.push(issue(sheet, cellAddress(first.row, col), `${what} läses med ${mark}, eftersom kolumnen skriver belopp med ${STYLE_WORDS[style]} (${example})`, 'warning'));
  }
}

/** The reader of a table's amount columns, each read in its own separator style. */
export function amountReader(sheet: string, grid: RawValue[][], columns: readonly number[], firstRow: number, issues: InputIssue[]): AmountReader {
  const overrides = new Map<number, ParsedCell>();
  const cols = [...new Set(columns)];
  const texts = scanColumns(grid, cols, firstRow);
  cols.forEach((col, k) => decideColumn(sheet, col, texts[k], overrides, issues));
  if (overrides.size === 0) return { parse: (value) => parseAmountCell(value) };
  return { parse: (value, row, col) => overrides.get(key(row, col)) ?? parseAmountCell(value) };
}
