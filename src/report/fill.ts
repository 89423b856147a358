/**
 * Live avvikelse formulas in the user's own sheet. A column is filled only where every target cell is
 * empty or already holds exactly the formula we would write; a column with anything else in it is left
 * untouched (and the user is told), so nothing of theirs is ever overwritten.
 */
import type Decimal from 'decimal.js';
import { cellAddress, columnLetters } from '../core/address';
import { oreOfSheetRow } from '../core/amountStore';
import { Dec } from '../core/decimal';
import { kronorPer } from '../core/money';
import { deviationFromOre, deviationShareFromOre } from '../core/oreDeviation';
import type { SheetRow, SourceTable } from '../core/source';
import { DEVIATION_OF } from '../core/tableRows';
import type { AmountRole, DeviationRole } from '../core/types';
import { cellKey, type CellWrite, type ConditionalFormat, type SheetData } from '../workbook/port';
import { flagRules, formulaNumber } from './flagFormula';
import { costTest, notDataRows, rowsNotWritten, sameInEveryRow, tableAt, tableNote } from './tableColumns';

export const DEVIATION_FORMAT = '#,##0;-#,##0;0';
export const PERCENT_CELL_FORMAT = '0.0%';

export interface FillResult {
  cells: CellWrite[];
  conditionalFormats: ConditionalFormat[];
  notes: string[];
}

/** `C7` in formulas, without `$`, upper case, no spaces: for comparing an existing formula with ours. */
export function normalizeFormula(f: string): string {
  return f.replace(/^=/, '').replace(/\$/g, '').replace(/\s+/g, '').toUpperCase();
}

function isEmpty(sheet: SheetData, r: number, c: number): boolean {
  const v = sheet.values[r]?.[c];
  return (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) && !sheet.formulas.has(cellKey(r, c));
}

/** The budget expression of a row: the budget cell, or the annual budget times the period share. */
function budgetExpr(src: SourceTable, role: AmountRole, row0: number): string | undefined {
  const col = src.header.columns[role];
  if (col !== undefined) return cellAddress(row0, col);
  const helar = src.header.columns.budgetHelar;
  if (role !== 'budgetPeriod' || helar === undefined || !src.months) return undefined;
  const ref = cellAddress(row0, helar);
  if (!src.settings.profile) return `${ref}*${src.months}/12`;
  const w = src.settings.profile;
  const part = w.slice(0, src.months).reduce((a, b) => a.plus(b), new Dec(0));
  const total = w.reduce((a, b) => a.plus(b), new Dec(0));
  return `${ref}*${formulaNumber(part)}/${formulaNumber(total)}`;
}

/** A kronor amount in the sheet's own unit, as the number cached with a formula. */
function inSheetUnit(src: SourceTable, kr: Decimal): number {
  const per = kronorPer(src.settings.inputUnit);
  return (per === 1 ? kr : kr.div(per)).toNumber() || 0;
}

interface Planned {
  formula: string;
  value: number;
}

/** A deviation cell: its formula and cached value, and the deviation it stands for (in öre, else in kronor). */
interface PlannedDeviation extends Planned {
  ore?: number;
  kr?: Decimal;
  /** The budget it was computed from, when read as a Decimal (a derived period budget is made on reading). */
  budget?: Decimal;
}

/** In the unsigned convention a cost row's avvikelse is budget − actual; every other row's actual − budget. */
function costLike(src: SourceTable, row: SheetRow): boolean {
  return src.convention === 'unsigned' && row.type === 'cost';
}

/**
 * The formula and cached value for one row's deviation, in the sheet's own sign convention. With
 * `costTest` (rows in an Excel Table) the formula is the same in every row and tests the row's type.
 */
function deviationCell(src: SourceTable, row: SheetRow, devRole: DeviationRole, costTest?: (row0: number) => string): PlannedDeviation | undefined {
  const { budget, actual } = DEVIATION_OF[devRole];
  const b = budgetExpr(src, budget, row.row - 1);
  const actualCol = src.header.columns[actual];
  if (!b || actualCol === undefined) return undefined;
  const a = cellAddress(row.row - 1, actualCol);
  const formula = () => (costTest ? `IF(${costTest(row.row - 1)},${b}-${a},${a}-${b})` : costLike(src, row) ? `${b}-${a}` : `${a}-${b}`);
  // whole öre (the store's views): the same cached number without a Decimal (oreDeviation.ts)
  const kb = oreOfSheetRow(row, budget);
  const ka = oreOfSheetRow(row, actual);
  if (kb !== undefined && ka !== undefined) {
    const cost = costLike(src, row);
    return { formula: formula(), value: deviationFromOre(ka, kb, cost, kronorPer(src.settings.inputUnit)), ore: cost ? kb - ka : ka - kb };
  }
  const bv = row.raw[budget];
  const av = row.raw[actual];
  if (!bv || !av) return undefined;
  const kr = costLike(src, row) ? bv.minus(av) : av.minus(bv);
  return { formula: formula(), value: inSheetUnit(src, kr), kr, budget: bv };
}

/**
 * The deviations of a column whose avvikelse or % column lies in an Excel Table: one formula for every
 * row (see tableColumns.ts), or a reason why there is none.
 */
function tableDeviations(src: SourceTable, sheet: SheetData, devRole: DeviationRole): { row: SheetRow; dev?: PlannedDeviation }[] | string {
  const plain = src.sheetRows.map((row) => ({ row, dev: deviationCell(src, row, devRole) }));
  const formulas = plain.flatMap(({ row, dev }) => (dev ? [{ row0: row.row - 1, formula: dev.formula }] : []));
  if (sameInEveryRow(formulas)) return plain;
  const test = costTest(src, sheet, (row) => costLike(src, row));
  return typeof test === 'string' ? test : src.sheetRows.map((row) => ({ row, dev: deviationCell(src, row, devRole, test) }));
}

function percentCell(src: SourceTable, row: SheetRow, devRole: DeviationRole, dev: PlannedDeviation, devRef: string | undefined): Planned | undefined {
  const b = budgetExpr(src, DEVIATION_OF[devRole].budget, row.row - 1);
  if (!b) return undefined;
  const formula = () => `IF(${b}=0,"",${devRef ?? `(${dev.formula})`}/ABS(${b}))`;
  const role = DEVIATION_OF[devRole].budget;
  const kb = dev.ore === undefined ? undefined : oreOfSheetRow(row, role);
  if (dev.ore !== undefined && kb !== undefined) return { formula: formula(), value: deviationShareFromOre(dev.ore, kb) };
  const bv = dev.budget ?? row.raw[role];
  if (!bv) return undefined;
  const kr = dev.kr ?? new Dec(dev.ore ?? 0).div(100);
  return { formula: formula(), value: bv.isZero() ? Number.NaN : kr.div(bv.abs()).toNumber() || 0 };
}

/**
 * Plans the cells the table computes that the sheet leaves empty: derived columns and sum rows (live
 * formulas), then every avvikelse (and avvikelse %) column of the table and of its further column blocks.
 */
export function planFill(src: SourceTable, sheet: SheetData): FillResult {
  const result: FillResult = { cells: [], conditionalFormats: [], notes: [] };
  fillComputed(src, sheet, result);
  for (const table of [src, ...(src.blocks ?? [])]) fillTable(table, sheet, result);
  return result;
}

/** A cell with nothing in it: no value, no formula, not even a dash. */
function isStrictlyEmpty(sheet: SheetData, r: number, c: number): boolean {
  const v = sheet.values[r]?.[c];
  return (v === null || v === undefined || v === '') && !sheet.formulas.has(cellKey(r, c));
}

/** The number format of the figures in a column: as many decimals as they show (at most three). */
function columnFormat(src: SourceTable, c: number): string {
  let decimals = 0;
  for (const cell of src.filled?.values() ?? []) decimals = Math.max(decimals, Math.min(3, cell.value.decimalPlaces()));
  void c;
  return decimals === 0 ? DEVIATION_FORMAT : `#,##0.${'0'.repeat(decimals)};-#,##0.${'0'.repeat(decimals)};0`;
}

/** Derived columns and sum rows: written where the cell is empty, or already holds our formula (a re-run). */
function fillComputed(src: SourceTable, sheet: SheetData, result: FillResult): void {
  let style: CellWrite['style'];
  for (const [key, cell] of src.filled ?? []) {
    const [r, c] = key.split(',').map(Number);
    const existing = sheet.formulas.get(cellKey(r, c));
    if (!isStrictlyEmpty(sheet, r, c) && !(existing && normalizeFormula(existing) === normalizeFormula(cell.formula))) continue;
    // one style object for every cell (the format looks at every filled cell: once, not once a cell)
    style ??= { numFmt: columnFormat(src, c) };
    result.cells.push({ row: r, col: c, formula: cell.formula, value: cell.value.toNumber() || 0, style });
  }
}

function fillTable(src: SourceTable, sheet: SheetData, result: FillResult): void {
  const rows = src.sheetRows;
  if (rows.length === 0) return;
  const rows0 = rows.map((row) => row.row - 1);
  for (const devRole of ['avvikelseHelar', 'avvikelsePeriod'] as DeviationRole[]) {
    const devCol = src.header.columns[devRole];
    const pctCol = src.header.columns[DEVIATION_OF[devRole].pct as 'avvikelsePctHelar' | 'avvikelsePctPeriod'];
    const inTable = [devCol, pctCol].some((col) => col !== undefined && tableAt(sheet, col, rows0));
    const planned = inTable ? tableDeviations(src, sheet, devRole) : rows.map((row) => ({ row, dev: deviationCell(src, row, devRole) }));
    if (typeof planned === 'string') {
      for (const col of [devCol, pctCol]) {
        const table = col === undefined ? undefined : tableAt(sheet, col, rows0);
        if (col !== undefined && table) result.notes.push(tableNote(sheet.name, col, table, planned));
      }
      continue;
    }
    let devFilled = false;
    if (devCol !== undefined) devFilled = fillColumn(sheet, devCol, planned.map(({ row, dev }) => ({ row, cell: dev })), DEVIATION_FORMAT, result);
    if (pctCol !== undefined) {
      const pct = planned.map(({ row, dev }) => ({
        row,
        cell: dev ? percentCell(src, row, devRole, dev, devFilled && devCol !== undefined ? cellAddress(row.row - 1, devCol) : undefined) : undefined,
      }));
      fillColumn(sheet, pctCol, pct, PERCENT_CELL_FORMAT, result);
    }
    if (devFilled && devCol !== undefined) {
      const first = rows[0].row - 1;
      const last = rows[rows.length - 1].row - 1;
      const budget = budgetExpr(src, DEVIATION_OF[devRole].budget, first);
      if (budget) {
        const rules = flagRules(cellAddress(first, devCol), budget, src.settings.thresholds, new Dec(1000).div(kronorPer(src.settings.inputUnit)));
        if (rules.length) result.conditionalFormats.push({ range: `${cellAddress(first, devCol)}:${cellAddress(last, devCol)}`, rules });
      }
    }
  }
}

/**
 * Writes a column when every target cell is empty or ours (and, in an Excel Table, every row of the
 * table is written with the same formula); otherwise leaves it and says why.
 */
function fillColumn(sheet: SheetData, col: number, planned: { row: SheetRow; cell?: Planned }[], numFmt: string, result: FillResult): boolean {
  const targets = planned.filter((p) => p.cell);
  const rows0 = targets.map((p) => p.row.row - 1);
  const table = tableAt(sheet, col, rows0);
  if (table) {
    const missing = rowsNotWritten(table, rows0);
    const same = sameInEveryRow(targets.map((p) => ({ row0: p.row.row - 1, formula: p.cell?.formula ?? '' })));
    if (missing.length || !same) {
      result.notes.push(tableNote(sheet.name, col, table, missing.length ? notDataRows(missing) : 'formlerna skiljer sig mellan raderna'));
      return false;
    }
  }
  const foreign = targets.filter(({ row, cell }) => {
    const r = row.row - 1;
    if (isEmpty(sheet, r, col)) return false;
    const existing = sheet.formulas.get(cellKey(r, col));
    return !(existing && cell && normalizeFormula(existing) === normalizeFormula(cell.formula));
  });
  if (targets.length === 0) return false;
  if (foreign.length > 0) {
    const where = foreign.slice(0, 3).map((p) => cellAddress(p.row.row - 1, col)).join(', ');
    result.notes.push(`Fliken ${sheet.name}: kolumn ${columnLetters(col)} har redan eget innehåll (${where}${foreign.length > 3 ? ' …' : ''}) och lämnas orörd.`);
    return false;
  }
  const style = { numFmt }; // shared by the column's cells: a million rows make no million style objects
  for (const { row, cell } of targets) {
    if (!cell) continue;
    const value = Number.isNaN(cell.value) ? '' : cell.value;
    result.cells.push({ row: row.row - 1, col, formula: cell.formula, value, style });
  }
  return true;
}
