/** Lays the standard tables out on our output sheet: two-level headers, formats, bold sums, flags. */
import type Decimal from 'decimal.js';
import { cellAddress, columnLetters } from '../core/address';
import { displayAmount, displayPercent } from '../core/money';
import { DEVIATION_OF } from '../core/tableRows';
import { direction, flagLevel } from '../core/thresholds';
import type { DeviationRole, Direction, FlagLevel, StandardTable, TableColumn, TableRow, Thresholds, Unit } from '../core/types';
import { deviationPercent } from '../core/variance';
import type { CellStyle, CellWrite, ConditionalFormat, OutputSheet, SheetChart } from '../workbook/port';
import { FLAG_COLORS } from './flagFormula';

export const AMOUNT_FORMAT: Record<Unit, string> = { tkr: '#,##0;-#,##0;0', mnkr: '#,##0.0;-#,##0.0;0.0' };
export const PERCENT_FORMAT = '#,##0.0;-#,##0.0;0.0';
export const DASH = '–';

/** The value a table cell shows (rounded as displayed), or null for `–`, or undefined for empty. */
export function displayValue(table: StandardTable, col: TableColumn, row: TableRow): Decimal | null | undefined {
  const v = row.values[col.id];
  if (v === undefined || v === null) return v;
  if (col.format === 'amount') return displayAmount(v, table.unit);
  if (col.format === 'percent') return displayPercent(v);
  return v;
}

/** Rows that fit a landscape A4 page at the sheet's fit-to-width scale (a cautious estimate). */
const ROWS_PER_PAGE = 34;

const BORDER_HEADER: CellStyle = { bold: true, borderBottom: 'thin' };

/** Contiguous header groups: `[{ title: 'Helår', from: 0, to: 2 }, …]` (column indexes in the table). */
export function headerGroups(columns: TableColumn[]): { title: string; from: number; to: number }[] {
  const groups: { title: string; from: number; to: number }[] = [];
  columns.forEach((c, i) => {
    const last = groups[groups.length - 1];
    if (last && last.title === c.group) last.to = i;
    else groups.push({ title: c.group, from: i, to: i });
  });
  return groups;
}

interface Block {
  /** The row of the column titles (0-based). */
  titleRow: number;
  cells: CellWrite[];
  merges: string[];
  conditionalFormats: ConditionalFormat[];
  rowsUsed: number;
}

/**
 * The hidden columns where each row's flag state is written, one per deviation column (0-based): the
 * conditional formats colour a deviation by its state, so Excel shows exactly the engine's flags.
 */
export type StateColumns = Record<DeviationRole, number>;

/** One table from `top` (0-based row): title, unit line, two header rows, body, note. */
export function layoutTable(table: StandardTable, top: number, thresholds: Thresholds, rowOf?: Map<TableRow, number>, stateColumns?: StateColumns): Block {
  const cells: CellWrite[] = [];
  const merges: string[] = [];
  let r = top;
  cells.push({ row: r++, col: 0, value: table.title, style: { bold: true, size: 12 } });
  if (table.type !== 'indikatorer') cells.push({ row: r++, col: 0, value: table.unit, style: { italic: true, size: 9 } });
  for (const g of headerGroups(table.columns)) {
    cells.push({ row: r, col: 1 + g.from, value: g.title || null, style: { ...BORDER_HEADER, align: 'center' } });
    for (let c = g.from + 1; c <= g.to; c++) cells.push({ row: r, col: 1 + c, value: null, style: { ...BORDER_HEADER } });
    if (g.to > g.from) merges.push(`${cellAddress(r, 1 + g.from)}:${cellAddress(r, 1 + g.to)}`);
  }
  cells.push({ row: r, col: 0, value: null, style: {} });
  r++;
  const titleRow = r;
  cells.push({ row: r, col: 0, value: table.labelHeader, style: { ...BORDER_HEADER, align: 'left' } });
  table.columns.forEach((c, i) => cells.push({ row: r, col: 1 + i, value: c.title, style: { ...BORDER_HEADER, align: c.format === 'text' ? 'center' : 'right', wrap: true } }));
  r++;
  const bodyTop = r;
  const emphasisOf = rowEmphasis(table);
  for (const row of table.rows) {
    const { bold, ruleAbove, indent } = emphasisOf(row);
    const base: CellStyle = bold ? { bold: true } : {};
    if (ruleAbove) base.borderTop = 'thin';
    rowOf?.set(row, r);
    cells.push({ row: r, col: 0, value: row.label, style: { ...base, align: 'left', indent } });
    table.columns.forEach((col, i) => {
      if (col.format === 'text') {
        cells.push({ row: r, col: 1 + i, value: row.texts?.[col.id] ?? null, style: { ...base, align: 'center' } });
        return;
      }
      const v = displayValue(table, col, row);
      const style: CellStyle = { ...base, align: 'right', numFmt: col.format === 'amount' ? AMOUNT_FORMAT[table.unit] : col.format === 'percent' ? PERCENT_FORMAT : 'General', ...cellFlagStyle(row, col.id) };
      cells.push({ row: r, col: 1 + i, value: v === undefined ? null : v === null ? DASH : v.toNumber() || 0, style });
    });
    if (stateColumns) cells.push(...stateCells(table, row, r, thresholds, stateColumns));
    r++;
  }
  const conditionalFormats = stateColumns ? flagFormats(table, bodyTop, r - 1, stateColumns) : [];
  if (table.notes.length) cells.push({ row: r++, col: 0, value: table.notes.join(' '), style: { italic: true, size: 9 } });
  return { titleRow, cells, merges, conditionalFormats, rowsUsed: r - top };
}

/** The colours of a flag on a column outside the deviation columns (a change, a forecast error): fixed, as the figure is. */
function cellFlagStyle(row: TableRow, column: string): CellStyle {
  const flag = row.cellFlags?.[column];
  if (!flag) return {};
  const colors = FLAG_COLORS[flag.level][flag.direction];
  return { fill: colors.fill, color: colors.fontColor };
}

export interface RowEmphasis {
  bold: boolean;
  ruleAbove: boolean;
  indent: number;
}

/**
 * How a table row stands out, in Excel and in every export: totals are bold with a rule above, the
 * top-level groups are bold, and items and groups are indented by their depth below the top level.
 */
export function rowEmphasis(table: StandardTable): (row: TableRow) => RowEmphasis {
  const nested = table.rows.filter((row) => row.kind === 'item' || row.kind === 'group');
  const topLevel = nested.length ? Math.min(...nested.map((row) => row.level)) : 0;
  return (row) => {
    const total = isTotal(table, row);
    return {
      bold: total || (row.kind === 'group' && row.level === topLevel),
      ruleAbove: total,
      indent: row.kind === 'item' || row.kind === 'group' ? row.level - topLevel : 0,
    };
  };
}

/** Sum rows, and the net result of a driftredovisning, are bold with a rule above. */
function isTotal(table: StandardTable, row: TableRow): boolean {
  return row.kind === 'sum' || (row.kind === 'net' && table.type === 'driftredovisning');
}

/** A deviation cell's flag as the engine decides it: level and direction from the exact figures. */
export function cellFlag(table: StandardTable, row: TableRow, devRole: DeviationRole, thresholds: Thresholds): { level: FlagLevel; direction: Direction } | undefined {
  const dev = row.values[devRole];
  const budget = row.values[DEVIATION_OF[devRole].budget];
  if (!dev || !budget) return undefined;
  const pct = table.columns.some((c) => c.id === DEVIATION_OF[devRole].pct) ? row.values[DEVIATION_OF[devRole].pct] ?? null : deviationPercent(dev, budget);
  const level = flagLevel(dev, pct, thresholds);
  const dir = direction(dev);
  return level && dir ? { level, direction: dir } : undefined;
}

/** The state a flag is written as: ±2 comment, ±1 observe, negative for an unfavourable deviation. */
export function stateCode(level: FlagLevel, dir: Direction): number {
  return (level === 'comment' ? 2 : 1) * (dir === 'negative' ? -1 : 1);
}

/** The flag states of one row, in the hidden state columns (nothing for a row without flags). */
function stateCells(table: StandardTable, row: TableRow, r: number, thresholds: Thresholds, stateColumns: StateColumns): CellWrite[] {
  const out: CellWrite[] = [];
  for (const devRole of ['avvikelseHelar', 'avvikelsePeriod'] as DeviationRole[]) {
    if (!table.columns.some((c) => c.id === devRole)) continue;
    const flag = cellFlag(table, row, devRole, thresholds);
    if (flag) out.push({ row: r, col: stateColumns[devRole], value: stateCode(flag.level, flag.direction) });
  }
  return out;
}

/** Flags on the deviation columns: each deviation coloured by the state beside it (comment before observe). */
function flagFormats(table: StandardTable, first: number, last: number, stateColumns: StateColumns): ConditionalFormat[] {
  if (last < first) return [];
  const out: ConditionalFormat[] = [];
  for (const devRole of ['avvikelseHelar', 'avvikelsePeriod'] as DeviationRole[]) {
    const d = table.columns.findIndex((c) => c.id === devRole);
    if (d < 0) continue;
    const state = `$${columnLetters(stateColumns[devRole])}${first + 1}`;
    const rules: ConditionalFormat['rules'] = [];
    for (const level of ['comment', 'observe'] as FlagLevel[]) {
      for (const dir of ['negative', 'positive'] as Direction[]) rules.push({ formula: `${state}=${stateCode(level, dir)}`, ...FLAG_COLORS[level][dir] });
    }
    out.push({ range: `${cellAddress(first, 1 + d)}:${cellAddress(last, 1 + d)}`, rules });
  }
  return out;
}

/**
 * The charts of a table laid out beside it: from its top row and the given column, for a table of
 * `rowsUsed` sheet rows; returns the charts and the rows they take (the next table starts below both).
 */
export type ChartsBeside = (table: StandardTable, top: number, left: number, rowsUsed: number, rowOf: Map<TableRow, number>) => { charts: SheetChart[]; rows: number };

/** The whole output sheet; `rowOf` (when given) receives the 0-based sheet row of every table row. */
export function layoutTablesSheet(name: string, tables: StandardTable[], thresholdsOf: (t: StandardTable) => Thresholds, rowOf: Map<TableRow, number> = new Map(), chartsBeside?: ChartsBeside): OutputSheet {
  const sheet: OutputSheet = { name, cells: [], merges: [], columnWidths: [], conditionalFormats: [], charts: [] };
  let top = 0;
  const widest = Math.max(1, ...tables.map((t) => t.columns.length + 1));
  const stateColumns: StateColumns = { avvikelseHelar: widest, avvikelsePeriod: widest + 1 };
  let pageTop = 0;
  sheet.pageBreaksBefore = [];
  for (const t of tables) {
    const height = t.rows.length + 6;
    if (top > pageTop && top - pageTop + height > ROWS_PER_PAGE) {
      sheet.pageBreaksBefore.push(top);
      pageTop = top;
    }
    const block = layoutTable(t, top, thresholdsOf(t), rowOf, stateColumns);
    // a title that wraps in a figure column (`Föregående prognos`) gets a second line
    if (t.columns.some((c) => c.format !== 'text' && c.title.length > 11)) sheet.rowHeights = { ...sheet.rowHeights, [block.titleRow]: 27 };
    sheet.cells.push(...block.cells);
    sheet.merges.push(...block.merges);
    sheet.conditionalFormats.push(...block.conditionalFormats);
    const charts = chartsBeside?.(t, top, widest + 3, block.rowsUsed, rowOf) ?? { charts: [], rows: 0 };
    sheet.charts!.push(...charts.charts);
    top += Math.max(block.rowsUsed, charts.rows) + 2;
  }
  const labelWidth = Math.min(52, Math.max(24, ...tables.flatMap((t) => t.rows.map((r) => Math.ceil(r.label.length * (isTotal(t, r) ? 1.15 : 1)) + 2 * r.level + 3))));
  sheet.columnWidths = [labelWidth, ...Array.from({ length: widest - 1 }, (_, i) => valueColumnWidth(tables, i)), 4, 4];
  sheet.hiddenColumns = [stateColumns.avvikelseHelar, stateColumns.avvikelsePeriod];
  return sheet;
}

/** 11 characters for figures; text columns (indicator targets) as wide as their longest text. */
function valueColumnWidth(tables: StandardTable[], index: number): number {
  let width = 11;
  for (const t of tables) {
    const col = t.columns[index];
    if (col?.format !== 'text') continue;
    for (const row of t.rows) width = Math.max(width, (row.texts?.[col.id] ?? '').length + 3);
  }
  return Math.min(width, 40);
}

export function lastCellRef(sheet: OutputSheet): string {
  let maxRow = 0;
  let maxCol = 0;
  for (const c of sheet.cells) {
    maxRow = Math.max(maxRow, c.row);
    maxCol = Math.max(maxCol, c.col);
  }
  return `$${columnLetters(maxCol)}$${maxRow + 1}`;
}
