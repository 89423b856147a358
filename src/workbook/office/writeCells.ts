/// <reference types="office-js" />
/**
 * The avvikelse cells in the user's own sheets: formulas written in column blocks (one 2-D `formulas`
 * write per run of consecutive rows, cut only where a sync's budget is full), a number format only
 * where the cell still has `General` (or `@`, text, under which Excel would keep a formula as text; that
 * one is replaced before the formulas go in), and our flag formats replaced without touching the
 * user's own conditional formats.
 *
 * The inspection right before the write loads the target cells' values and formulas again: the
 * workbook may have changed since it was read (a co-author, the user typing), and a cell that is no
 * longer empty nor ours stops the write before anything is written.
 */
import { cellAddress } from '../../core/address';
import type { CellWrite, ConditionalFormat, WritePlan } from '../port';
import { OPERATION_BYTES, wireBytes, type SyncBudget } from './payload';

type CellWrites = WritePlan['cellWrites'][number];
export type CellInput = string | number | boolean;

/** Consecutive rows of one column. */
export interface ColumnBlock {
  col: number;
  top: number;
  cells: CellWrite[];
}

export function columnBlocks(cells: CellWrite[]): ColumnBlock[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const blocks: ColumnBlock[] = [];
  for (const cell of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && last.col === cell.col && last.top + last.cells.length === cell.row) last.cells.push(cell);
    else blocks.push({ col: cell.col, top: cell.row, cells: [cell] });
  }
  return blocks;
}

/**
 * Text Excel could take for something else when it is written (a formula, a number, a date, TRUE) gets
 * the `'` prefix, which Excel keeps out of the value. Text without digits can be none of those.
 */
export function textInput(text: string): string {
  return /^[=+\-@']|\d|^(true|false|sant|falskt)$/i.test(text) ? `'${text}` : text;
}

/** What to assign to a cell in a `formulas` or `values` array. */
export function cellInput(cell: Pick<CellWrite, 'value' | 'formula'>): CellInput {
  if (cell.formula) return `=${cell.formula}`;
  const v = cell.value;
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  return typeof v === 'string' ? textInput(v) : '';
}

/** `FFFFC7CE` (ARGB) → `#FFC7CE`. */
export function hexColor(argb: string): string {
  return `#${argb.length === 8 ? argb.slice(2) : argb}`;
}

/**
 * Adds the rules as custom conditional formats on `range()`, one piece each. Excel puts each new
 * format at the top priority, so they are added last to first to keep the plan's order (the comment
 * level before the observe level).
 */
export async function addConditionalFormats(range: () => Excel.Range, format: ConditionalFormat, budget: SyncBudget, part?: string): Promise<void> {
  for (const rule of [...format.rules].reverse()) {
    await budget.add({
      bytes: 4 * OPERATION_BYTES + wireBytes(rule),
      part,
      queue: () => {
        const added = range().conditionalFormats.add('Custom');
        added.custom.rule.formula = `=${rule.formula}`;
        added.custom.format.fill.color = hexColor(rule.fill);
        added.custom.format.font.color = hexColor(rule.fontColor);
      },
    });
  }
}

/** A formula as compared: with `=`, without `$` and spaces, upper case. */
export const normalized = (formula: string) => formula.replace(/^=?/, '=').replace(/[$\s]/g, '').toUpperCase();

/**
 * Ours: a custom rule with one of the formulas we are about to write, or one that tests the range's
 * top-left cell the way our flag rules do (`=AND(ISNUMBER(E4),E4<0,…)`) whatever its thresholds were.
 * Anything else on the range (the user's own formats) stays.
 */
function isOurFlag(item: Excel.ConditionalFormat, format: ConditionalFormat): boolean {
  const custom = item.customOrNullObject;
  if (item.type !== 'Custom' || custom.isNullObject) return false;
  const anchor = format.range.split(':')[0].replace(/\$/g, '').toUpperCase();
  const formula = normalized(custom.rule.formula);
  return formula.startsWith(`=AND(ISNUMBER(${anchor}),${anchor}`) || format.rules.some((r) => normalized(r.formula) === formula);
}

/** A user's sheet as inspected before writing. */
export interface CellTarget {
  writes: CellWrites;
  /** Each block with its cells as they are now (values, formulas, number formats), loaded in pieces. */
  blocks: { block: ColumnBlock; now: Excel.Range[] }[];
  flags: { format: ConditionalFormat; existing: Excel.ConditionalFormatCollection }[];
}

/** Estimated response bytes per inspected cell besides its number format: an empty value and formula, or ours. */
export const CHECK_BYTES_PER_CELL = 24;

/**
 * First batch: the target cells as they are now (estimated at `formatBytes` a cell for the number
 * format, plus their values and formulas), in pieces that fill each sync, and the conditional formats
 * on our ranges.
 */
export async function inspectCellTarget(context: Excel.RequestContext, writes: CellWrites, budget: SyncBudget, formatBytes: number): Promise<CellTarget> {
  const sheet = context.workbook.worksheets.getItem(writes.sheet);
  const blocks: CellTarget['blocks'] = [];
  for (const block of columnBlocks(writes.cells)) {
    const now: Excel.Range[] = [];
    for (let from = 0; from < block.cells.length; ) {
      const to = await budget.reserveRun(() => formatBytes + CHECK_BYTES_PER_CELL, from, block.cells.length);
      now.push(sheet.getRangeByIndexes(block.top + from, block.col, to - from, 1).load('values, formulas, numberFormat'));
      from = to;
    }
    blocks.push({ block, now });
  }
  const flags: CellTarget['flags'] = [];
  for (const format of writes.conditionalFormats) {
    await budget.reserve(OPERATION_BYTES);
    const existing = sheet.getRange(format.range).conditionalFormats;
    existing.load('items/type, items/customOrNullObject/rule/formula');
    flags.push({ format, existing });
  }
  return { writes, blocks, flags };
}

/** One column of a loaded block, row by row (`null` when Excel sent none back). */
function column(ranges: Excel.Range[], of: (r: Excel.Range) => unknown[][] | null): unknown[] | null {
  const out: unknown[] = [];
  for (const range of ranges) {
    const rows = of(range);
    if (!rows) return null;
    out.push(...rows.map((row) => row[0]));
  }
  return out;
}

/** What the inspection found in a target's cells. */
export interface TargetState {
  /** Cells that are no longer empty nor ours (addresses). */
  changed: string[];
  /** Cells formatted as text (`@`), which get our number format first (addresses). */
  text: string[];
}

/** Compares the cells as they are now with the plan: each must be empty, or hold the formula we write. */
export function targetState(target: CellTarget): TargetState {
  const state: TargetState = { changed: [], text: [] };
  for (const { block, now } of target.blocks) {
    const values = column(now, (r) => r.values);
    const formulas = column(now, (r) => r.formulas);
    const formats = column(now, (r) => r.numberFormat);
    block.cells.forEach((cell, i) => {
      const address = cellAddress(cell.row, cell.col);
      const formula = formulas?.[i];
      const ours = typeof formula === 'string' && formula.startsWith('=') && cell.formula !== undefined && normalized(formula) === normalized(cell.formula);
      const empty = values?.[i] === '' && (formula === '' || formula === undefined);
      if (!values || !formulas || !(empty || ours)) state.changed.push(address);
      if (formats?.[i] === '@') state.text.push(address);
    });
  }
  return state;
}

/** The number formats to write: ours where the cell had `General` or `@` (text), the cell's own elsewhere. */
function numberFormats(block: ColumnBlock, current: unknown[]): string[][] | undefined {
  let changed = false;
  const formats = block.cells.map((cell, i) => {
    const now = String(current[i] ?? 'General');
    if (now !== 'General' && now !== '@') return [now];
    const ours = cell.style?.numFmt ?? 'General';
    changed ||= ours !== now;
    return [ours];
  });
  return changed ? formats : undefined;
}

/** Writes one column of a block in pieces that fill each sync (one for any ordinary block). */
async function writeColumn(sheetName: string, context: Excel.RequestContext, block: ColumnBlock, rows: CellInput[][], set: (range: Excel.Range, rows: CellInput[][]) => void, budget: SyncBudget, part: string): Promise<void> {
  const sizes = rows.map((row) => wireBytes(row) - 1);
  const range = (from: number, to: number) => context.workbook.worksheets.getItem(sheetName).getRangeByIndexes(block.top + from, block.col, to - from, 1);
  await budget.addBlock(rows.length, (i) => sizes[i], (from, to) => set(range(from, to), rows.slice(from, to)), part);
}

/** Second batch: number formats (before the formulas, for the cells formatted as text), formulas, and our flags replaced. */
export async function writeCellTarget(context: Excel.RequestContext, target: CellTarget, budget: SyncBudget, part: string): Promise<void> {
  const sheetName = target.writes.sheet;
  for (const { block, now } of target.blocks) {
    const formats = numberFormats(block, column(now, (r) => r.numberFormat) ?? []);
    if (formats) await writeColumn(sheetName, context, block, formats, (range, rows) => (range.numberFormat = rows), budget, part);
    const formulas = block.cells.map((cell) => [cellInput(cell)]);
    await writeColumn(sheetName, context, block, formulas, (range, rows) => (range.formulas = rows), budget, part);
  }
  for (const { format, existing } of target.flags) {
    for (const item of existing.items) {
      if (isOurFlag(item, format)) await budget.add({ bytes: OPERATION_BYTES, part, queue: () => item.delete() });
    }
    await addConditionalFormats(() => context.workbook.worksheets.getItem(sheetName).getRange(format.range), format, budget, part);
  }
}
