/**
 * Live avvikelse formulas in the user's own sheet. A column is filled only where every target cell is
 * empty or already holds exactly the formula we would write; a column with anything else in it is left
 * untouched (and the user is told), so nothing of theirs is ever overwritten.
 *
 * An avvikelse column is planned as one `ColumnWrite`: its rows and cached values in typed arrays and its
 * formulas as templates (they differ per row only in the row number), never as an object per cell.
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
import { formulaAtRow } from '../workbook/columnWrite';
import { cellKey, ROW_MARK, type CellWrite, type ColumnWrite, type ConditionalFormat, type SheetData } from '../workbook/port';
import { flagRules, formulaNumber } from './flagFormula';
import { costTest, notDataRows, rowsNotWritten, sameInEveryRow, tableAt, tableNote } from './tableColumns';

export const DEVIATION_FORMAT = '#,##0;-#,##0;0';
export const PERCENT_CELL_FORMAT = '0.0%';

export interface FillResult {
  /** Single cells: derived columns and sum rows. */
  cells: CellWrite[];
  /** Whole columns: the avvikelse and avvikelse % columns. */
  columns: ColumnWrite[];
  conditionalFormats: ConditionalFormat[];
  notes: string[];
}

/** `C7` in formulas, without `$`, upper case, no spaces: for comparing an existing formula with ours. */
export function normalizeFormula(f: string): string {
  return f.replace(/^=/, '').replace(/\$/g, '').replace(/\s+/g, '').toUpperCase();
}

/** Whether the cell holds a formula (no key made for a sheet without formulas). */
function hasFormula(sheet: SheetData, r: number, c: number): boolean {
  return sheet.formulas.size > 0 && sheet.formulas.has(cellKey(r, c));
}

function isEmpty(sheet: SheetData, r: number, c: number): boolean {
  const v = sheet.values[r]?.[c];
  return (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) && !hasFormula(sheet, r, c);
}

/** A reference in a formula: the column's letters and the row's number (1-based, as text), or `ROW_MARK` in a template. */
const refAt = (col: number, row: string) => `${columnLetters(col)}${row}`;

/** The budget expression of a row: the budget cell, or the annual budget times the period share. */
function budgetExpr(src: SourceTable, role: AmountRole, row: string): string | undefined {
  const col = src.header.columns[role];
  if (col !== undefined) return refAt(col, row);
  const helar = src.header.columns.budgetHelar;
  if (role !== 'budgetPeriod' || helar === undefined || !src.months) return undefined;
  const ref = refAt(helar, row);
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

/** A row without a cell in a column plan. */
const NONE = 255;

/** A column as planned, by the index of the table's sheet rows: each row's template (or `NONE`) and cached value. */
interface ColumnPlan {
  formulas: string[];
  variants: Uint8Array;
  values: Float64Array;
}

/** An avvikelse column's plan, with each deviation as the % column needs it. */
interface DeviationPlan extends ColumnPlan {
  /** The deviation in öre; NaN where it was computed as a Decimal (`exact`). */
  ore: Float64Array;
  /** Deviations of amounts not in whole öre, by row index, with the budget they were computed from. */
  exact: Map<number, { kr: Decimal; budget: Decimal }>;
}

/** In the unsigned convention a cost row's avvikelse is budget − actual; every other row's actual − budget. */
function costLike(src: SourceTable, row: SheetRow): boolean {
  return src.convention === 'unsigned' && row.type === 'cost';
}

/** Row i's deviation into the plan (its cached value, in öre or as a Decimal); false when the row has none. */
function planDeviation(src: SourceTable, row: SheetRow, devRole: DeviationRole, plan: DeviationPlan, i: number): boolean {
  const { budget, actual } = DEVIATION_OF[devRole];
  const cost = costLike(src, row);
  // whole öre (the store's views): the same cached number without a Decimal (oreDeviation.ts)
  const kb = oreOfSheetRow(row, budget);
  const ka = oreOfSheetRow(row, actual);
  if (kb !== undefined && ka !== undefined) {
    plan.values[i] = deviationFromOre(ka, kb, cost, kronorPer(src.settings.inputUnit));
    plan.ore[i] = cost ? kb - ka : ka - kb;
    return true;
  }
  const bv = row.raw[budget];
  const av = row.raw[actual];
  if (!bv || !av) return false;
  const kr = cost ? bv.minus(av) : av.minus(bv);
  plan.values[i] = inSheetUnit(src, kr);
  plan.exact.set(i, { kr, budget: bv });
  return true;
}

/**
 * An avvikelse column in the sheet's own sign convention: `actual-budget`, or `budget-actual` on cost
 * rows. In an Excel Table (`inTable`) the formula must be the same in every row: then one that tests the
 * row's type, or a reason why there is none. Undefined when the sheet has no such column pair.
 */
function planDeviations(src: SourceTable, sheet: SheetData, devRole: DeviationRole, inTable: boolean): DeviationPlan | string | undefined {
  const { budget, actual } = DEVIATION_OF[devRole];
  const b = budgetExpr(src, budget, ROW_MARK);
  const actualCol = src.header.columns[actual];
  if (!b || actualCol === undefined) return undefined;
  const a = refAt(actualCol, ROW_MARK);
  const n = src.sheetRows.length;
  const plan: DeviationPlan = { formulas: [`${a}-${b}`, `${b}-${a}`], variants: new Uint8Array(n), values: new Float64Array(n), ore: new Float64Array(n).fill(Number.NaN), exact: new Map() };
  src.sheetRows.forEach((row, i) => {
    plan.variants[i] = !planDeviation(src, row, devRole, plan, i) ? NONE : costLike(src, row) ? 1 : 0;
  });
  if (!inTable || sameTemplateInEveryRow(src, plan)) return plan;
  const test = costTest(src, sheet, (row) => costLike(src, row));
  if (typeof test === 'string') return test;
  plan.formulas = [`IF(${test(ROW_MARK)},${b}-${a},${a}-${b})`];
  plan.variants = plan.variants.map((v) => (v === NONE ? NONE : 0));
  return plan;
}

/** The % column: the deviation over the budget's absolute value, empty for a zero budget. `devCol`: the filled avvikelse column it refers to. */
function planPercents(src: SourceTable, devRole: DeviationRole, dev: DeviationPlan, devCol: number | undefined): ColumnPlan | undefined {
  const role = DEVIATION_OF[devRole].budget;
  const b = budgetExpr(src, role, ROW_MARK);
  if (!b) return undefined;
  const formulas = devCol !== undefined ? [`IF(${b}=0,"",${refAt(devCol, ROW_MARK)}/ABS(${b}))`] : dev.formulas.map((f) => `IF(${b}=0,"",(${f})/ABS(${b}))`);
  const n = src.sheetRows.length;
  const plan: ColumnPlan = { formulas, variants: new Uint8Array(n).fill(NONE), values: new Float64Array(n) };
  src.sheetRows.forEach((row, i) => {
    if (dev.variants[i] === NONE) return;
    const value = percentValue(row, role, dev, i);
    if (value === undefined) return;
    plan.values[i] = value;
    plan.variants[i] = devCol !== undefined ? 0 : dev.variants[i];
  });
  return plan;
}

/** Row i's deviation as a share of its budget (NaN for a zero budget), as a cached value. */
function percentValue(row: SheetRow, role: AmountRole, dev: DeviationPlan, i: number): number | undefined {
  const ore = dev.ore[i];
  const kb = Number.isNaN(ore) ? undefined : oreOfSheetRow(row, role);
  if (kb !== undefined) return deviationShareFromOre(ore, kb);
  const exact = dev.exact.get(i);
  const bv = exact?.budget ?? row.raw[role];
  if (!bv) return undefined;
  const kr = exact?.kr ?? new Dec(Number.isNaN(ore) ? 0 : ore).div(100);
  return bv.isZero() ? Number.NaN : kr.div(bv.abs()).toNumber() || 0;
}

/**
 * Whether a column's formulas are one formula moved row by row (`sameInEveryRow`): the templates hold
 * references to their own row alone, so one row of each template used tells.
 */
function sameTemplateInEveryRow(src: SourceTable, plan: ColumnPlan): boolean {
  const cells: { row0: number; formula: string }[] = [];
  const seen = new Set<number>();
  plan.variants.forEach((v, i) => {
    if (v === NONE || seen.has(v)) return;
    seen.add(v);
    const row0 = src.sheetRows[i].row - 1;
    cells.push({ row0, formula: formulaAtRow(plan.formulas[v], String(row0 + 1)) });
  });
  return sameInEveryRow(cells);
}

/**
 * Plans the cells the table computes that the sheet leaves empty: derived columns and sum rows (live
 * formulas), then every avvikelse (and avvikelse %) column of the table and of its further column blocks.
 */
export function planFill(src: SourceTable, sheet: SheetData): FillResult {
  const result: FillResult = { cells: [], columns: [], conditionalFormats: [], notes: [] };
  fillComputed(src, sheet, result.cells);
  for (const table of [src, ...(src.blocks ?? [])]) fillTable(table, sheet, result);
  return result;
}

/** A cell with nothing in it: no value, no formula, not even a dash. */
function isStrictlyEmpty(sheet: SheetData, r: number, c: number): boolean {
  const v = sheet.values[r]?.[c];
  return (v === null || v === undefined || v === '') && !hasFormula(sheet, r, c);
}

/** The number format of the figures in a column: as many decimals as they show (at most three). */
function columnFormat(src: SourceTable): string {
  let decimals = 0;
  for (const cell of src.filled?.values() ?? []) decimals = Math.max(decimals, Math.min(3, cell.value.decimalPlaces()));
  return decimals === 0 ? DEVIATION_FORMAT : `#,##0.${'0'.repeat(decimals)};-#,##0.${'0'.repeat(decimals)};0`;
}

/** Derived columns and sum rows: written where the cell is empty, or already holds our formula (a re-run). */
function fillComputed(src: SourceTable, sheet: SheetData, cells: CellWrite[]): void {
  let style: CellWrite['style'];
  for (const [key, cell] of src.filled ?? []) {
    const [r, c] = key.split(',').map(Number);
    const existing = sheet.formulas.get(cellKey(r, c));
    if (!isStrictlyEmpty(sheet, r, c) && !(existing && normalizeFormula(existing) === normalizeFormula(cell.formula))) continue;
    // one style object for every cell (the format looks at every filled cell: once, not once a cell)
    style ??= { numFmt: columnFormat(src) };
    cells.push({ row: r, col: c, formula: cell.formula, value: cell.value.toNumber() || 0, style });
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
    const planned = planDeviations(src, sheet, devRole, inTable);
    if (planned === undefined) continue;
    if (typeof planned === 'string') {
      for (const col of [devCol, pctCol]) {
        const table = col === undefined ? undefined : tableAt(sheet, col, rows0);
        if (col !== undefined && table) result.notes.push(tableNote(sheet.name, col, table, planned));
      }
      continue;
    }
    let devFilled = false;
    if (devCol !== undefined) devFilled = fillColumn(src, sheet, devCol, planned, DEVIATION_FORMAT, result);
    const pct = pctCol === undefined ? undefined : planPercents(src, devRole, planned, devFilled ? devCol : undefined);
    if (pctCol !== undefined && pct) fillColumn(src, sheet, pctCol, pct, PERCENT_CELL_FORMAT, result);
    if (devFilled && devCol !== undefined) flagColumn(src, devRole, devCol, result);
  }
}

/** The flags (conditional formats) of a filled avvikelse column. */
function flagColumn(src: SourceTable, devRole: DeviationRole, devCol: number, result: FillResult): void {
  const rows = src.sheetRows;
  const first = rows[0].row - 1;
  const last = rows[rows.length - 1].row - 1;
  const budget = budgetExpr(src, DEVIATION_OF[devRole].budget, String(first + 1));
  if (!budget) return;
  const rules = flagRules(cellAddress(first, devCol), budget, src.settings.thresholds, new Dec(1000).div(kronorPer(src.settings.inputUnit)));
  if (rules.length) result.conditionalFormats.push({ range: `${cellAddress(first, devCol)}:${cellAddress(last, devCol)}`, rules });
}

/**
 * Writes a column when every target cell is empty or ours (and, in an Excel Table, every row of the
 * table is written with the same formula); otherwise leaves it and says why.
 */
function fillColumn(src: SourceTable, sheet: SheetData, col: number, plan: ColumnPlan, numFmt: string, result: FillResult): boolean {
  const targets: number[] = [];
  const { variants: planned, values: cached } = plan;
  for (let i = 0; i < planned.length; i++) if (planned[i] !== NONE) targets.push(i);
  const rows0 = targets.map((i) => src.sheetRows[i].row - 1);
  const table = tableAt(sheet, col, rows0);
  if (table) {
    const missing = rowsNotWritten(table, rows0);
    if (missing.length || !sameTemplateInEveryRow(src, plan)) {
      result.notes.push(tableNote(sheet.name, col, table, missing.length ? notDataRows(missing) : 'formlerna skiljer sig mellan raderna'));
      return false;
    }
  }
  const foreign = targets.filter((i, k) => {
    const r = rows0[k];
    if (isEmpty(sheet, r, col)) return false;
    const existing = sheet.formulas.get(cellKey(r, col));
    return !(existing && normalizeFormula(existing) === normalizeFormula(formulaAtRow(plan.formulas[plan.variants[i]], String(r + 1))));
  });
  if (targets.length === 0) return false;
  if (foreign.length > 0) {
    const where = foreign.slice(0, 3).map((i) => cellAddress(src.sheetRows[i].row - 1, col)).join(', ');
    result.notes.push(`Fliken ${sheet.name}: kolumn ${columnLetters(col)} har redan eget innehåll (${where}${foreign.length > 3 ? ' …' : ''}) och lämnas orörd.`);
    return false;
  }
  const variants = plan.formulas.length > 1 ? new Uint8Array(targets.length) : undefined;
  const values = new Float64Array(targets.length);
  for (let k = 0; k < targets.length; k++) {
    values[k] = cached[targets[k]];
    if (variants) variants[k] = planned[targets[k]];
  }
  result.columns.push({ col, rows: Int32Array.from(rows0), values, formulas: plan.formulas, ...(variants ? { variants } : {}), style: { numFmt } });
  return true;
}
