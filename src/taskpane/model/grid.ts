/** The demo's grid view as plain data: cell text as a spreadsheet shows it, and range arithmetic. */
import { parseCellAddress } from '../../core/address';
import { Dec } from '../../core/decimal';
import { formatSwedish } from '../../core/money';
import type { RawValue } from '../../core/types';
import type { MemorySheet } from '../../workbook/memory/memoryWorkbook';
import { cellKey, type CellStyle } from '../../workbook/port';

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** `B5:I9` or `E7` → a 0-based rectangle; null for anything else. */
export function parseRange(address: string): Rect | null {
  try {
    const [a, b = a] = address.split(':');
    const p = parseCellAddress(a);
    const q = parseCellAddress(b);
    return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
  } catch {
    return null;
  }
}

export const inRect = (r: Rect | null, row: number, col: number): boolean => !!r && row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

/** Decimals an Excel number format shows: `#,##0` → 0, `#,##0.0` → 1; undefined without a format. */
function formatDecimals(numFmt: string | undefined): number | undefined {
  if (!numFmt) return undefined;
  const m = /0\.(0+)/.exec(numFmt.split(';')[0]);
  return m ? m[1].length : 0;
}

/** A cell as the grid shows it: numbers in Swedish form, at most two decimals without a format. */
export function cellText(value: RawValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    const decimals = formatDecimals(numFmt) ?? (Number.isInteger(value) ? 0 : 2);
    return formatSwedish(new Dec(value), decimals);
  }
  if (typeof value === 'boolean') return value ? 'SANT' : 'FALSKT';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') return value.error;
  return value;
}

export interface GridCell {
  text: string;
  numeric: boolean;
  formula?: string;
  bold?: boolean;
}

/** Styles of an output sheet's cells (bold, number format), by cell key. */
function outputStyles(sheet: MemorySheet): Map<string, CellStyle> {
  const styles = new Map<string, CellStyle>();
  for (const c of sheet.output?.cells ?? []) if (c.style) styles.set(cellKey(c.row, c.col), c.style);
  return styles;
}

/** The whole sheet as display cells, padded to a rectangle of at least `minCols` columns. */
export function gridOf(sheet: MemorySheet, minCols = 4): { cells: GridCell[][]; cols: number } {
  const styles = outputStyles(sheet);
  const cols = Math.max(minCols, ...sheet.values.map((r) => r?.length ?? 0));
  const cells = sheet.values.map((row, r) =>
    Array.from({ length: cols }, (_, c): GridCell => {
      const key = cellKey(r, c);
      const value = row?.[c];
      const style = styles.get(key);
      return {
        text: cellText(value, style?.numFmt ?? sheet.numFmts.get(key)),
        numeric: typeof value === 'number',
        formula: sheet.formulas.get(key),
        bold: style?.bold,
      };
    }),
  );
  return { cells, cols };
}
