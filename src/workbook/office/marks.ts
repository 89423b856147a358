/// <reference types="office-js" />
/**
 * The audit's marks in Excel: a custom conditional format with the rule `=TRUE` over each block of
 * marked cells (light red for an error, amber for a rounding difference), put at the top priority so
 * it shows over whatever the cell has, and removable without a trace: the user's own fills, number
 * formats and conditional formats are never touched. Where the host has the comments API
 * (ExcelApi 1.10) each marked cell also gets a comment with the finding, unless it already has one.
 *
 * What was marked is recorded in the document settings (`MARKS_KEY`): the sheets and ranges, and the
 * cells that got a comment. Clearing removes, on the recorded sheets, every conditional format that
 * is ours (the rule `=TRUE` with a mark's fill and font colour, wherever rows were inserted since), and
 * the comments on the recorded cells that still start with our prefix; a comment the user wrote there
 * meanwhile stays.
 *
 * Both are one `Excel.run` of three syncs however many cells are marked (what was recorded and which
 * sheets there are; the formats and comments on them; the changes), more only past the 4 MB budget.
 */
import {
  isMarkRule,
  MARK_COLORS,
  MARK_FORMULA,
  MARK_NOTE_PREFIX,
  markBlocks,
  markedCells,
  markedSheets,
  MARKS_KEY,
  parseMarkRecord,
  type CellMark,
  type MarkedCell,
  type MarkRecord,
} from '../host';
import type { ApiSupport } from './apiSupport';
import { OPERATION_BYTES, SyncBudget, wireBytes } from './payload';
import { addConditionalFormats } from './writeCells';

/** What a mark's conditional formats are loaded with, to tell ours from the user's. */
const FORMAT_PROPERTIES = 'items/type, items/customOrNullObject/rule/formula, items/customOrNullObject/format/fill/color, items/customOrNullObject/format/font/color';

const cellId = (sheet: string, address: string): string => `${sheet}\u0000${address.replace(/\$/g, '').toUpperCase()}`;

/** What is in the workbook now: the previous record, the sheets we may change, our formats and the comments. */
interface Current {
  setting: Excel.Setting;
  record: MarkRecord | null;
  /** Sheets that exist and are not protected. */
  writable: Map<string, Excel.Worksheet>;
  /** Sheets that exist but are protected: their marks cannot be changed now. */
  locked: Set<string>;
  formats: Excel.ConditionalFormatCollection[];
  /** Every comment of the workbook with its cell, when comments are used. */
  comments: { comment: Excel.Comment; location: Excel.Range }[];
}

/** Syncs 1 and 2: the record and the sheets, then the formats on the recorded sheets and where the comments are. */
async function inspect(context: Excel.RequestContext, support: ApiSupport, needCommentCells: boolean): Promise<Current> {
  const workbook = context.workbook;
  const setting = workbook.settings.getItemOrNullObject(MARKS_KEY).load('value');
  const worksheets = workbook.worksheets.load('items/name, items/protection/protected');
  const all = support.comments ? workbook.comments.load('items/content') : null;
  await context.sync();

  const record = setting.isNullObject ? null : parseMarkRecord(setting.value);
  const writable = new Map<string, Excel.Worksheet>();
  const locked = new Set<string>();
  for (const sheet of worksheets.items) {
    if (sheet.protection.protected) locked.add(sheet.name);
    else writable.set(sheet.name, sheet);
  }
  const budget = new SyncBudget(context);
  let queued = false;
  const formats: Excel.ConditionalFormatCollection[] = [];
  for (const name of markedSheets(record)) {
    const sheet = writable.get(name);
    if (!sheet) continue;
    await budget.reserve(OPERATION_BYTES);
    formats.push(sheet.getRange().conditionalFormats.load(FORMAT_PROPERTIES));
    queued = true;
  }
  const located: Current['comments'] = [];
  if (support.comments && all && all.items.length > 0 && (needCommentCells || (record?.notes.length ?? 0) > 0)) {
    for (const comment of all.items) {
      await budget.reserve(OPERATION_BYTES);
      located.push({ comment, location: comment.getLocation().load('address, worksheet/name') });
      queued = true;
    }
  }
  if (queued) await budget.sync();
  return { setting, record, writable, locked, formats, comments: located };
}

/**
 * Queues the removal of our marks: the formats on the recorded sheets, the comments on the recorded
 * cells. Returns the cells that keep a comment (the user's), and what stays recorded because its
 * sheet is protected now.
 */
async function queueRemoval(current: Current, support: ApiSupport, budget: SyncBudget): Promise<{ commented: Set<string>; kept: MarkRecord }> {
  for (const collection of current.formats) {
    for (const item of collection.items) {
      const custom = item.customOrNullObject;
      if (item.type !== 'Custom' || custom.isNullObject) continue;
      if (!isMarkRule({ formula: custom.rule.formula, fill: custom.format.fill.color, fontColor: custom.format.font.color })) continue;
      await budget.add({ bytes: OPERATION_BYTES, queue: () => item.delete() });
    }
  }
  const commented = support.comments ? await removeOurComments(current, budget) : new Set<string>();
  const record = current.record ?? { ranges: [], notes: [] };
  const kept: MarkRecord = { ranges: record.ranges.filter((r) => current.locked.has(r.sheet)), notes: record.notes.filter((n) => current.locked.has(n.sheet)) };
  return { commented, kept };
}

/**
 * Queues the deletion of our comments on the recorded cells; returns the cells that keep a comment
 * (the user's own, or ours on a sheet that is protected now).
 * @apiSet ExcelApi 1.10
 */
async function removeOurComments(current: Current, budget: SyncBudget): Promise<Set<string>> {
  const recorded = new Set((current.record?.notes ?? []).filter((n) => current.writable.has(n.sheet)).map((n) => cellId(n.sheet, n.address)));
  const commented = new Set<string>();
  for (const { comment, location } of current.comments) {
    const id = cellId(location.worksheet.name, location.address.slice(location.address.lastIndexOf('!') + 1));
    if (recorded.has(id) && String(comment.content ?? '').startsWith(MARK_NOTE_PREFIX)) {
      await budget.add({ bytes: OPERATION_BYTES, queue: () => comment.delete() });
    } else {
      commented.add(id);
    }
  }
  return commented;
}

/** Queues the record: written when there is something to remember, removed otherwise. */
async function queueRecord(context: Excel.RequestContext, current: Current, record: MarkRecord, budget: SyncBudget): Promise<void> {
  const empty = record.ranges.length === 0 && record.notes.length === 0;
  if (empty && current.setting.isNullObject) return;
  const value = JSON.stringify(record);
  await budget.add({ bytes: wireBytes(value) + OPERATION_BYTES, queue: () => (empty ? current.setting.delete() : context.workbook.settings.add(MARKS_KEY, value)) });
}

/** `OfficeWorkbook.mark`: clears the previous marks, then marks these cells. */
export async function markInExcel(context: Excel.RequestContext, marks: CellMark[], support: ApiSupport): Promise<void> {
  const cells = markedCells(marks);
  const current = await inspect(context, support, cells.length > 0);
  const budget = new SyncBudget(context);
  const { commented, kept } = await queueRemoval(current, support, budget);
  const record: MarkRecord = { ranges: [...kept.ranges], notes: [...kept.notes] };
  const onSheet = (c: { sheet: string }) => current.writable.has(c.sheet);
  const marked: MarkedCell[] = cells.filter(onSheet);
  for (const block of markBlocks(marked)) {
    const sheet = current.writable.get(block.sheet) as Excel.Worksheet;
    const { fill, fontColor } = MARK_COLORS[block.kind];
    await addConditionalFormats(() => sheet.getRangeByIndexes(block.top, block.col, block.rows, 1), { range: block.address, rules: [{ formula: MARK_FORMULA, fill, fontColor }] }, budget);
    record.ranges.push({ sheet: block.sheet, address: block.address, kind: block.kind });
  }
  if (support.comments) {
    for (const cell of marked) {
      if (commented.has(cellId(cell.sheet, cell.address))) continue; // the user's own comment stays; the pane lists the finding
      const content = `${MARK_NOTE_PREFIX}${cell.note}`;
      const sheet = current.writable.get(cell.sheet) as Excel.Worksheet;
      await budget.add({ bytes: wireBytes(content) + 2 * OPERATION_BYTES, queue: () => context.workbook.comments.add(sheet.getRange(cell.address), content) });
      record.notes.push({ sheet: cell.sheet, address: cell.address });
    }
  }
  await queueRecord(context, current, record, budget);
  await budget.sync();
}

/** `OfficeWorkbook.clearMarks`: removes exactly what the record names (what stays protected stays recorded). */
export async function clearMarksInExcel(context: Excel.RequestContext, support: ApiSupport): Promise<void> {
  const current = await inspect(context, support, false);
  if (!current.record && current.setting.isNullObject) return;
  const budget = new SyncBudget(context);
  const { kept } = await queueRemoval(current, support, budget);
  await queueRecord(context, current, kept, budget);
  await budget.sync();
}
