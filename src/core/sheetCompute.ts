/**
 * What a source sheet leaves for the report to compute, beyond its avvikelse columns: the columns
 * computed row by row (`derivedColumns.ts`) and the sum rows left blank (`sheetSums.ts`), in every
 * column of figures except a `Koncern` block's (which the report does not read).
 */
import type Decimal from 'decimal.js';
import { filledKey, derivedCells, withFilled, type FilledCells } from './derivedColumns';
import { layoutOf } from './layouts';
import { actualsOnly } from './assumptions';
import { gridLines, mayHaveBlankLine, sheetSums, showsFigure } from './sheetSums';
import type { SheetRow, SourceKind, SourceTable } from './sourceTable';
import { AMOUNT_ROLES, type AmountRole, type HeaderMap, type RawValue, type Role, type RowType } from './types';
import { fromInputUnit } from './money';

const TEXT_ROLES: readonly Role[] = ['label', 'type', 'group', 'group1', 'group2', 'target'];

/** 0-based rows from the first data row to the end of the grid. */
function dataRows(grid: RawValue[][], header: HeaderMap): number[] {
  const rows = new Array<number>(Math.max(0, grid.length - header.firstDataRow));
  for (let i = 0; i < rows.length; i++) rows[i] = header.firstDataRow + i;
  return rows;
}

/** The grid with the derived columns filled in (for reading), and those cells. */
export function withDerivedColumns(grid: RawValue[][], header: HeaderMap): { grid: RawValue[][]; derived: FilledCells } {
  const derived = derivedCells(grid, header, dataRows(grid, header));
  return { grid: withFilled(grid, derived), derived };
}

/**
 * The columns of figures a sum adds in: the amount columns of every block read, and the other headed
 * columns with figures (`Intäkter`, `Kostnader`, `Ingående resultat` …); not the avvikelse and percent
 * columns (their own formulas fill them), not a Koncern block, not a column that is not read.
 */
export function sumColumns(grid: RawValue[][], header: HeaderMap): number[] {
  const skip = new Set<number>();
  const blocks = [header.columns, ...(header.blocks ?? []).filter((b) => !b.koncern).map((b) => b.columns)];
  for (const cols of blocks) for (const [role, c] of Object.entries(cols) as [Role, number][]) if (!(AMOUNT_ROLES as readonly Role[]).includes(role)) skip.add(c);
  for (const b of header.blocks ?? []) if (b.koncern) for (let c = b.from; c < b.to; c++) skip.add(c);
  for (const role of TEXT_ROLES) if (header.columns[role] !== undefined) skip.add(header.columns[role] as number);
  for (const i of header.ignored ?? []) skip.add(i.column);
  const candidates = new Set<number>([...blocks.flatMap((cols) => AMOUNT_ROLES.map((r) => cols[r]).filter((c): c is number => c !== undefined)), ...Object.keys(header.texts ?? {}).map(Number)]);
  return [...candidates].filter((c) => !skip.has(c) && hasFigure(grid, header.firstDataRow, c)).sort((a, b) => a - b);
}

/** Whether column `c` shows a figure in some row from `first` (usually the first one: no list of rows made). */
function hasFigure(grid: RawValue[][], first: number, c: number): boolean {
  for (let r = first; r < grid.length; r++) if (showsFigure(grid[r]?.[c])) return true;
  return false;
}

/**
 * The sum rows the sheet leaves blank, filled (with the derived cells) into `src.filled`; each such row
 * also becomes a sheet row of the source, so that its avvikelse is filled like the others'.
 */
export function completeSheet(src: SourceTable, grid: RawValue[][], derived: FilledCells, kind: SourceKind, headingTotals?: boolean): SourceTable {
  const columns = sumColumns(grid, src.header);
  if (columns.length === 0) return derived.size ? { ...src, filled: derived } : src;
  // a table read as it stands adds its rows as they stand: their types say nothing
  const { typeAt, isData } = rowTypesByRow(src, grid.length);
  const [first, labelCol] = [src.header.firstDataRow, src.header.columns.label ?? 0];
  // a sum is filled only on a line without figures: with none, nothing is (no lines made, no structure read)
  const lines = mayHaveBlankLine(grid, first, labelCol, columns, isData) ? gridLines(grid, first, labelCol, columns, layoutOf(kind).sumKind, typeAt, isData) : [];
  const { filled, sums } = lines.some((l) => l.blank) ? sheetSums(grid, lines, columns, src.convention, derived, headingTotals, kind) : { filled: new Map(derived), sums: [] };
  const filledRows = lines.filter((l) => l.blank && columns.some((c) => filled.has(filledKey(l.row, c))));
  const withRows = (table: SourceTable): SourceTable => ({ ...table, sheetRows: sumRowsAdded(table, filledRows, filled, kind) });
  const notes = [...(src.notes ?? [])];
  const carrying = sums.filter((s) => s.kind === 'group' && lines[s.line].blank && columns.some((c) => filled.has(filledKey(lines[s.line].row, c))));
  if (carrying.length > 0 && headingTotals === undefined) {
    const names = carrying.slice(0, 3).map((s) => lines[s.line].label).join(', ');
    notes.push(`rubrikraderna (${names}${carrying.length > 3 ? ' …' : ''}) får sina gruppers summor, eftersom fliken inte har några summarader; ange "headingTotals": false för fliken för att lämna dem tomma.`);
  }
  return { ...withRows(src), filled, notes, blocks: src.blocks?.map(withRows) };
}

/**
 * The type of each data row by 0-based sheet row, and which rows are data (a byte a row, not a Map of
 * 100 000 entries). A table read as it stands adds its rows as they stand: their types say nothing.
 */
function rowTypesByRow(src: SourceTable, size: number): { typeAt: (r: number) => RowType | undefined; isData: (r: number) => boolean } {
  const types: RowType[] = [];
  const code = new Uint8Array(size); // 0: no data row; else 1 + index in types
  const typed = !actualsOnly(src.header);
  for (const r of src.rows) {
    if (r.row - 1 >= size) continue;
    let i = typed ? types.indexOf(r.type) : 0;
    if (typed && i < 0) i = types.push(r.type) - 1;
    code[r.row - 1] = 1 + i;
  }
  return { typeAt: (r) => (typed && r < size && code[r] ? types[code[r] - 1] : undefined), isData: (r) => r < size && code[r] !== 0 };
}

/** The table's sheet rows with the filled sum rows added (their figures in kronor), so their avvikelse is filled too. */
function sumRowsAdded(src: SourceTable, rows: { row: number; label: string }[], filled: FilledCells, kind: SourceKind): SheetRow[] {
  if (rows.length === 0 && inRowOrder(src.sheetRows)) return src.sheetRows.slice(); // what the sort below gives (an array of its own, no spare room)
  const layout = layoutOf(kind);
  const known = new Set(src.sheetRows.map((r) => r.row));
  const added: SheetRow[] = [];
  for (const line of rows) {
    if (known.has(line.row + 1)) continue;
    const raw: Partial<Record<AmountRole, Decimal>> = {};
    for (const role of AMOUNT_ROLES) {
      const c = src.header.columns[role];
      const cell = c === undefined ? undefined : filled.get(filledKey(line.row, c));
      if (cell) raw[role] = fromInputUnit(cell.value, src.settings.inputUnit);
    }
    if (Object.keys(raw).length === 0) continue;
    const sum = layout.sumKind(line.label) ?? 'total';
    added.push({ row: line.row + 1, label: line.label, type: layout.sumType(sum, line.label, src.convention), raw, sum });
  }
  return [...src.sheetRows, ...added].sort((a, b) => a.row - b.row);
}

/** Whether the rows are in ascending row order (a stable sort would leave them as they are). */
function inRowOrder(rows: readonly SheetRow[]): boolean {
  for (let i = 1; i < rows.length; i++) if (rows[i - 1].row > rows[i].row) return false;
  return true;
}
