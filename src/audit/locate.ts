/**
 * Finds the tables of a sheet: every header `detectHeader` recognises (a sheet such as our own
 * `Avvikelsetabeller` holds several, one under the other), and the rows below it up to the next
 * header or two blank rows. Reads each row's label, kind (item, heading, sum) and figures.
 */
import type Decimal from 'decimal.js';
import { Dec } from '../core/decimal';
import { parseAmountCell, roundHalfAwayFromZero } from '../core/money';
import { detectHeader } from '../core/roles';
import { annualReading } from '../core/annual';
import { yardstickReading } from '../core/forecastYardstick';
import { sumFit } from '../core/groupTotals';
import { structureOf } from '../core/structures';
import { actualsOnly } from '../core/assumptions';
import { statementLine } from '../core/incomeStatement';
import { layoutOf, type Layout } from '../core/layouts';
import { fold, labelsMayBeAccounts, typeFromAccount, typeFromLabel, typeFromTypCell } from '../core/rowTypes';
import { findSheetUnit } from '../core/sheetUnit';
import { detectKind } from '../core/tableKind';
import type { SourceKind } from '../core/sourceTable';
import { tableDecimals } from './precision';
import { cellText, isLoneDash } from '../core/sourceRows';
import type { HeaderMap, RawValue, Role, RowType } from '../core/types';
import { columnLetters } from '../core/address';
import { isExtraColumn, type Line, type SumKind, type TableModel, type ValueRole } from './types';

export const AMOUNT_COLUMNS: readonly ValueRole[] = ['budgetHelar', 'prognosHelar', 'budgetPeriod', 'utfallPeriod', 'utfallFgAr', 'utfallFgAr2'];
export const DEVIATION_COLUMNS: readonly ValueRole[] = ['avvikelseHelar', 'avvikelsePeriod'];
export const PERCENT_COLUMNS: readonly ValueRole[] = ['avvikelsePctHelar', 'avvikelsePctPeriod'];
/** The columns of figures a sum adds in: the amount columns, the other columns of figures, the deviations. */
export function figureColumns(table: TableModel): ValueRole[] {
  const extras = (Object.keys(table.columns) as ValueRole[]).filter(isExtraColumn);
  return [...AMOUNT_COLUMNS, ...extras, ...DEVIATION_COLUMNS].filter((r) => table.columns[r] !== undefined);
}

/** Display order of the value columns (for ordering findings that share a cell's row). */
export const VALUE_COLUMNS: readonly ValueRole[] = [...AMOUNT_COLUMNS, ...DEVIATION_COLUMNS, ...PERCENT_COLUMNS];

function isNonAmountText(v: RawValue): boolean {
  if (typeof v !== 'string' || v.trim() === '') return false;
  return parseAmountCell(v).kind === 'error';
}

/** A year written as a number (`2025` in a header), not an amount. */
const isYear = (v: number) => Number.isInteger(v) && v >= 1900 && v <= 2100;

/**
 * A row that may start a header: no figure in it (years aside), and text that is no number outside
 * the label column, or two such texts. Data rows are passed over without parsing their text.
 */
function mayStartHeader(cells: RawValue[] | undefined, labelCol: number): boolean {
  if (!Array.isArray(cells)) return false;
  for (const v of cells) if (typeof v === 'number' && !isYear(v)) return false;
  let texts = 0;
  let outside = false;
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (typeof v !== 'string' || v.trim() === '') continue;
    const parsed = parseAmountCell(v);
    if (parsed.kind === 'amount' && !(/^\s*\d{4}\s*$/.test(v) && isYear(parsed.value.toNumber()))) return false;
    if (parsed.kind === 'blank') continue;
    texts++;
    if (c !== labelCol) outside = true;
  }
  return outside || texts >= 2;
}

function shift(h: HeaderMap, by: number): HeaderMap {
  return { ...h, firstHeaderRow: h.firstHeaderRow + by, firstDataRow: h.firstDataRow + by };
}

/** The header starting at row `r`, or null. */
function headerAt(grid: RawValue[][], r: number): HeaderMap | null {
  const h = detectHeader(grid.slice(r, r + 2), { maxScanRows: 2 });
  return h && h.firstHeaderRow === 0 ? shift(h, r) : null;
}

function isBlankRow(cells: RawValue[] | undefined): boolean {
  return !Array.isArray(cells) || cells.every((v) => cellText(v) === '');
}

/** The first header at or after `from`, and the row where the rows under it end. */
function nextHeader(grid: RawValue[][], from: number, labelCol: number): HeaderMap | null {
  for (let r = from; r < grid.length; r++) {
    if (!mayStartHeader(grid[r], labelCol)) continue;
    const h = headerAt(grid, r);
    if (h) return h;
  }
  return null;
}

/** A line that only states the unit (`tkr`, `Belopp i mnkr`). */
const UNIT_LINE = /^(belopp i |belopp, )?(tkr|mnkr|mkr|kr|kronor)\.?$/;

/** Unit (as `core/sheetUnit.ts` reads it) and title (the first text above the header that is no unit line). */
function unitAndTitle(grid: RawValue[][], header: HeaderMap, notBefore: number): { unit?: TableModel['unit']; title?: string } {
  let title: string | undefined;
  for (let r = Math.max(notBefore, header.firstHeaderRow - 3); r < header.firstHeaderRow; r++) {
    const cells = (grid[r] ?? []).map(cellText).filter((t) => t !== '');
    if (title === undefined && cells.length > 0 && !UNIT_LINE.test(fold(cells[0]))) title = cells[0];
  }
  const unit = findSheetUnit(grid, header, notBefore)?.unit;
  return unit ? { unit, title } : { title };
}

function sumKindOf(label: string, typeCell: ReturnType<typeof typeFromTypCell> | undefined, layout: Layout): SumKind | undefined {
  const kind = layout.sumKind(label);
  if (kind) return kind;
  return typeCell === 'sum' ? 'total' : undefined;
}

function lineType(label: string, typeCell: ReturnType<typeof typeFromTypCell> | undefined, accounts: boolean, kind: SourceKind | 'tabell'): RowType | undefined {
  if (typeCell === 'revenue' || typeCell === 'cost') return typeCell;
  if (kind === 'resultatrakning') {
    const line = statementLine(label);
    return line?.kind === 'item' ? line.type ?? typeFromLabel(label) : undefined;
  }
  if (kind !== 'drift') return undefined;
  if (accounts) {
    const account = typeFromAccount(label);
    if (account === 'revenue' || account === 'cost') return account;
  }
  return typeFromLabel(label);
}

function rowLabel(cells: RawValue[], header: HeaderMap, firstValue: number): string {
  const cols = header.columns;
  const own = cellText(cells[cols.label ?? 0]);
  if (own) return own;
  for (const c of [cols.group, cols.group1, cols.group2]) {
    const text = c === undefined ? '' : cellText(cells[c]);
    if (text) return text;
  }
  for (let c = 0; c < firstValue; c++) {
    const text = cellText(cells[c]);
    if (text && isNonAmountText(cells[c])) return text;
  }
  return '';
}

/** The header's other columns of figures in a block (`Intäkter`, `Kostnader`, `Ingående resultat`), as `kolumn E`. */
function extraColumns(header: HeaderMap, inBlock: (c: number) => boolean): Partial<Record<ValueRole, number>> {
  const taken = new Set(Object.values(header.columns));
  for (const i of header.ignored ?? []) taken.add(i.column);
  const out: Partial<Record<ValueRole, number>> = {};
  for (const c of Object.keys(header.texts ?? {}).map(Number)) if (!taken.has(c) && inBlock(c)) out[`kolumn ${columnLetters(c)}`] = c;
  return out;
}

/** Reads the rows from the header's first data row up to `limit` (exclusive) into a table. */
function readTable(sheet: string, grid: RawValue[][], header: HeaderMap, limit: number, notBefore: number, inBlock: (c: number) => boolean = () => true): TableModel | null {
  const cols: Partial<Record<ValueRole, number>> = { ...extraColumns(header, inBlock) };
  for (const role of VALUE_COLUMNS) if (header.columns[role as Role] !== undefined) cols[role] = header.columns[role as Role];
  const roles = (Object.keys(cols) as ValueRole[]).filter((r) => VALUE_COLUMNS.includes(r) || isExtraColumn(r));
  if (roles.length === 0) return null;
  const firstValue = Math.min(...roles.map((r) => cols[r] as number));
  const kind = detectKind(header, sheet, grid.slice(0, limit));
  const layout = layoutOf(kind);
  // a table of actuals only is read as it stands: words in its labels type nothing
  const drift = kind === 'drift' && !actualsOnly(header);
  const accounts = drift && labelsMayBeAccounts(header.labelHeader);
  const raw: { row: number; cells: RawValue[]; values: Partial<Record<ValueRole, Decimal>>; unreadable: Set<ValueRole> }[] = [];
  let blanks = 0;
  let figures = false;
  for (let r = header.firstDataRow; r < limit; r++) {
    const cells = grid[r] ?? [];
    if (isBlankRow(cells)) {
      if (++blanks >= 2 && figures) break;
      continue;
    }
    blanks = 0;
    const values: Partial<Record<ValueRole, Decimal>> = {};
    const unreadable = new Set<ValueRole>();
    for (const role of roles) {
      const cell = cells[cols[role] as number];
      const parsed = parseAmountCell(cell);
      if (parsed.kind === 'amount') values[role] = parsed.value;
      else if (parsed.kind === 'error') unreadable.add(role);
      else if (isLoneDash(cell)) values[role] = new Dec(0); // printed for nothing: a figure of 0
    }
    if (Object.keys(values).length > 0) figures = true;
    raw.push({ row: r, cells, values, unreadable });
  }
  // rows after the last figure are notes and the next table's title, not part of this table
  let end = raw.length;
  while (end > 0 && Object.keys(raw[end - 1].values).length === 0) end--;
  if (end === 0) return null;
  const body = raw.slice(0, end);

  const { unit, title } = unitAndTitle(grid, header, notBefore);
  const printed = body.flatMap((b) => roles.filter((r) => !PERCENT_COLUMNS.includes(r)).map((r) => b.cells[cols[r] as number]));
  const decimals = tableDecimals(printed, unit === 'kr' ? 2 : undefined);
  const lines: Line[] = body.map((b, index) => {
    const label = rowLabel(b.cells, header, firstValue);
    const typeText = header.columns.type !== undefined ? cellText(b.cells[header.columns.type]) : '';
    const typeCell = typeText ? typeFromTypCell(typeText) : undefined;
    const values: Partial<Record<ValueRole, Decimal>> = {};
    for (const [role, v] of Object.entries(b.values) as [ValueRole, Decimal][]) {
      values[role] = PERCENT_COLUMNS.includes(role) || v.decimalPlaces() <= decimals ? v : roundHalfAwayFromZero(v, decimals);
    }
    const hasFigures = Object.keys(values).length > 0;
    const sumKind = sumKindOf(label, typeCell, layout);
    const line: Line = { index, row: b.row, label, kind: !hasFigures ? 'heading' : sumKind ? 'sum' : 'item', values, unreadable: b.unreadable };
    if (line.kind === 'sum') line.sumKind = sumKind;
    if (line.kind === 'item') {
      const type = lineType(label, typeCell, accounts, drift ? kind : kind === 'drift' ? 'tabell' : kind);
      if (type) line.type = type;
      if (drift && /^verksamhetens intakter\b/.test(fold(label)) && typeCell === undefined) line.maybeRevenueSum = true;
    }
    return line;
  });
  // `Verksamhetens intäkter` once per activity is a revenue row of each, never their sum
  const revenueLabels = lines.filter((l) => l.maybeRevenueSum);
  if (revenueLabels.length > 1 || header.columns.group !== undefined || header.columns.group1 !== undefined) for (const l of revenueLabels) delete l.maybeRevenueSum;
  const columns: TableModel['columns'] = {};
  for (const role of roles) if (lines.some((l) => l.values[role] !== undefined)) columns[role] = cols[role];
  return { sheet, header, columns, lines, unit, decimals, step: new Dec(1).div(new Dec(10).pow(decimals)), title, lastRow: body[body.length - 1].row, drift, kind };
}

/** The header of each column block: the block's roles with the header's label, type and group columns, and which columns are the block's. */
function blockHeaders(header: HeaderMap): { header: HeaderMap; name?: string; inBlock: (c: number) => boolean }[] {
  const blocks = header.blocks ?? [];
  const primary = { header, inBlock: (c: number) => !blocks.some((b) => c >= b.from && c < b.to) };
  if (blocks.length === 0) return [primary];
  const { label, type, group, group1, group2 } = header.columns;
  const text = Object.fromEntries(Object.entries({ label, type, group, group1, group2 }).filter(([, c]) => c !== undefined));
  return [primary, ...blocks.map((b) => ({ header: { ...header, columns: { ...text, ...b.columns }, blocks: undefined }, name: b.name, inBlock: (c: number) => c >= b.from && c < b.to }))];
}

/**
 * Whether a section's printed figures are the sum of its lines' (a balance sheet's total above them): in
 * half of the columns at least, one of them not zero, within rounding; a wrong figure leaves the others.
 */
export function figuresFit(table: TableModel): (line: number, terms: number[]) => boolean {
  return (line, terms) => {
    const f = sumFit(table.lines, table.lines[line], terms, figureColumns(table), table.step);
    return f.nonZeroFit && f.fit * 2 >= f.of;
  };
}

/**
 * `varav` rows that break their line down completely, judged on every column of every block of the
 * table (a wrong figure in one column leaves the others): they add up to the line in all columns but one.
 */
function markCompleteVarav(blocks: TableModel[]): void {
  const tally = new Map<number, { fit: number; of: number; nonZero: boolean }>();
  for (const table of blocks) {
    const lines = table.lines.map((l) => ({ ...l }));
    for (const sum of structureOf(table.kind, lines, { fits: figuresFit(table) }).sums) {
      if (sum.kind !== 'varav') continue;
      const roles = figureColumns(table).filter((r) => sum.terms.some((t) => table.lines[t].values[r] !== undefined));
      const f = sumFit(table.lines, table.lines[sum.line], sum.terms, roles, table.step);
      const row = table.lines[sum.line].row;
      const t = tally.get(row) ?? { fit: 0, of: 0, nonZero: false };
      tally.set(row, { fit: t.fit + f.fit, of: t.of + f.of, nonZero: t.nonZero || f.nonZeroFit });
    }
  }
  const complete = new Set([...tally].filter(([, t]) => t.nonZero && t.fit >= t.of - 1 && t.fit * 2 > t.of).map(([row]) => row));
  for (const table of blocks) table.completeVarav = complete;
}

/** Every recognisable table of one sheet, top to bottom; a table with several column blocks is audited block by block. */
export function locateTables(sheet: string, grid: RawValue[][], options: { months?: number } = {}): TableModel[] {
  const tables: TableModel[] = [];
  let notBefore = 0;
  let header = nextHeader(grid, 0, 0);
  while (header) {
    const next = nextHeader(grid, header.firstDataRow, header.columns.label ?? 0);
    const limit = next ? next.firstHeaderRow : grid.length;
    let last = notBefore;
    const blocks: TableModel[] = [];
    for (const block of blockHeaders(annualReading(yardstickReading(header).header, options.months, undefined).header)) {
      const table = readTable(sheet, grid, block.header, limit, notBefore, block.inBlock);
      if (!table) continue;
      if (block.name) table.title = table.title ? `${table.title} – ${block.name}` : block.name;
      blocks.push(table);
      last = Math.max(last, table.lastRow + 1);
    }
    markCompleteVarav(blocks);
    tables.push(...blocks);
    notBefore = last;
    header = next;
  }
  return tables;
}
