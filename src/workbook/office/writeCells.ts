/// <reference types="office-js" />
/**
 * The avvikelse cells in the user's own sheets: formulas written in column blocks (one 2-D `formulas`
 * write per run of consecutive rows, cut only where a sync's budget is full), a number format only
 * where the cell still has `General`, and our flag formats replaced without touching the user's own
 * conditional formats.
 */
import type { CellWrite, ConditionalFormat, WritePlan } from '../port';
import { jsonBytes, OPERATION_BYTES, type SyncBudget } from './payload';

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
 * Adds the rules as custom conditional formats. Excel puts each new format at the top priority, so
 * they are added last to first to keep the plan's order (the comment level before the observe level).
 */
export async function addConditionalFormats(range: Excel.Range, format: ConditionalFormat, budget: SyncBudget): Promise<void> {
  for (const rule of [...format.rules].reverse()) {
    await budget.reserve(4 * OPERATION_BYTES + jsonBytes(rule));
    const added = range.conditionalFormats.add('Custom');
    added.custom.rule.formula = `=${rule.formula}`;
    added.custom.format.fill.color = hexColor(rule.fill);
    added.custom.format.font.color = hexColor(rule.fontColor);
  }
}

const normalized = (formula: string) => formula.replace(/^=?/, '=').replace(/[$\s]/g, '').toUpperCase();

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
  sheet: Excel.Worksheet;
  /** Each block with its current number formats, loaded in pieces (none when we set no format). */
  blocks: { block: ColumnBlock; formats: Excel.Range[] }[];
  flags: { format: ConditionalFormat; existing: Excel.ConditionalFormatCollection }[];
}

/**
 * First batch: the current number formats under our cells (estimated at `formatBytes` a cell, in
 * pieces that fill each sync), and the conditional formats on our ranges.
 */
export async function inspectCellTarget(context: Excel.RequestContext, writes: CellWrites, budget: SyncBudget, formatBytes: number): Promise<CellTarget> {
  const sheet = context.workbook.worksheets.getItem(writes.sheet);
  const blocks: CellTarget['blocks'] = [];
  for (const block of columnBlocks(writes.cells)) {
    const formats: Excel.Range[] = [];
    const count = block.cells.some((c) => c.style?.numFmt) ? block.cells.length : 0;
    for (let from = 0; from < count; ) {
      const to = await budget.reserveRun(() => formatBytes, from, count);
      formats.push(sheet.getRangeByIndexes(block.top + from, block.col, to - from, 1).load('numberFormat'));
      from = to;
    }
    blocks.push({ block, formats });
  }
  const flags: CellTarget['flags'] = [];
  for (const format of writes.conditionalFormats) {
    await budget.reserve(OPERATION_BYTES);
    const existing = sheet.getRange(format.range).conditionalFormats;
    existing.load('items/type, items/customOrNullObject/rule/formula');
    flags.push({ format, existing });
  }
  return { writes, sheet, blocks, flags };
}

/** The number formats to write back: ours where the cell had `General`, the cell's own elsewhere. */
function numberFormats(block: ColumnBlock, current: unknown[][]): string[][] | undefined {
  let changed = false;
  const formats = block.cells.map((cell, i) => {
    const now = String(current[i]?.[0] ?? 'General');
    if (now !== 'General' || !cell.style?.numFmt) return [now];
    changed = true;
    return [cell.style.numFmt];
  });
  return changed ? formats : undefined;
}

/** Writes one column of a block in as few 2-D writes as the budget allows (one for any ordinary block). */
async function writeColumn(sheet: Excel.Worksheet, block: ColumnBlock, rows: CellInput[][], set: (range: Excel.Range, rows: CellInput[][]) => void, budget: SyncBudget): Promise<void> {
  const sizes = rows.map((row) => jsonBytes(row) + 1);
  for (let from = 0; from < rows.length; ) {
    const to = await budget.reserveRun((i) => sizes[i], from, rows.length);
    set(sheet.getRangeByIndexes(block.top + from, block.col, to - from, 1), rows.slice(from, to));
    from = to;
  }
}

/** Second batch: formulas by column block, number formats, and our flags replaced. */
export async function writeCellTarget(target: CellTarget, budget: SyncBudget): Promise<void> {
  for (const { block, formats: loaded } of target.blocks) {
    const formulas = block.cells.map((cell) => [cellInput(cell)]);
    await writeColumn(target.sheet, block, formulas, (range, rows) => (range.formulas = rows), budget);
    const formats = loaded.length ? numberFormats(block, loaded.flatMap((range) => range.numberFormat)) : undefined;
    if (formats) await writeColumn(target.sheet, block, formats, (range, rows) => (range.numberFormat = rows), budget);
  }
  for (const { format, existing } of target.flags) {
    for (const item of existing.items) {
      if (!isOurFlag(item, format)) continue;
      await budget.reserve(OPERATION_BYTES);
      item.delete();
    }
    await addConditionalFormats(target.sheet.getRange(format.range), format, budget);
  }
}
