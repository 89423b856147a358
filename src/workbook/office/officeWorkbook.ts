/// <reference types="office-js" />
/**
 * The workbook port over Excel, through the Excel JavaScript API (Office.js).
 *
 * Each operation is one `Excel.run` whose number of `context.sync()` round trips does not depend on
 * the number of rows, only on the bytes: reading is 3 syncs (the sheets and names; their used ranges;
 * the chunks of every used range) and writing is 2 (what is there now; everything we write) as long as
 * each fits one sync's 4.5 MB budget; larger data adds about one sync per 4.5 MB (see payload.ts) —
 * never one per row or per cell. Marking the audit's findings and clearing the marks are 3 syncs each
 * (see marks.ts).
 */
import type { SettingsInput } from '../../report/settings';
import { SETTINGS_KEY, type HostPort, type RangeRef } from '../host';
import type { ReadOptions, WorkbookData, WritePlan } from '../port';
import type { CellMark } from '../host';
import { ApiSupport, type IsSetSupported } from './apiSupport';
import { abortedError, hostError, missingSheetError, protectedSheetError, protectedWorkbookError } from './excelErrors';
import { clearMarksInExcel, markInExcel } from './marks';
import { isPayloadTooLarge, NUMBER_FORMAT_BYTES_PER_CELL, SyncBudget } from './payload';
import { readUsedAreas, type SheetToRead } from './readGrid';
import { inspectCellTarget, writeCellTarget, type CellTarget } from './writeCells';
import { writeOutputSheet } from './writeOutputSheet';

export interface OfficeWorkbookOptions {
  /** At most this many rows per read request (default: as many as fit the sync's budget). */
  chunkRows?: number;
  /** `Excel.run`, or a stand-in for tests. */
  run?: typeof Excel.run;
  /** Whether the host supports a requirement set (default: `Office.context.requirements.isSetSupported`). */
  isSetSupported?: IsSetSupported;
}

/** How many inspections whose response turned out too large the write retries, with a 4× larger estimate. */
const MAX_INSPECT_RETRIES = 2;

function errorCode(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

export class OfficeWorkbook implements HostPort {
  readonly kind = 'excel' as const;
  private readonly chunkRows?: number;
  private readonly excelRun?: typeof Excel.run;
  private readonly support: ApiSupport;

  constructor(options: OfficeWorkbookOptions = {}) {
    this.chunkRows = options.chunkRows;
    this.excelRun = options.run;
    this.support = new ApiSupport(options.isSetSupported);
  }

  /** One `Excel.run`; Excel's errors come out as Swedish `ExcelHostError`s. */
  private async run<T>(doing: string, sheets: string[], batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const run = this.excelRun ?? Excel.run;
    try {
      return await run(batch);
    } catch (e) {
      throw hostError(e, doing, sheets);
    }
  }

  /** The snapshot; `options.signal` stops it between syncs, `options.onProgress` follows its chunks. */
  async read(options: ReadOptions = {}): Promise<WorkbookData> {
    const { signal } = options;
    const checkAborted = () => {
      if (signal?.aborted) throw abortedError();
    };
    return this.run('läsa arbetsboken', [], async (context) => {
      checkAborted();
      // 1. Which sheets there are (a used range can only be asked of a sheet we know) and the names.
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name, items/visibility, items/protection/protected');
      const names = context.workbook.names;
      names.load('items/name, items/formula, items/type');
      await context.sync();
      checkAborted();

      // 2. Where each sheet's data is (its size decides the chunks).
      const used = worksheets.items.map((sheet) => sheet.getUsedRangeOrNullObject(true).load('rowIndex, columnIndex, rowCount, columnCount'));
      await context.sync();

      // 3. Every chunk of every sheet, in syncs filled up to the 4.5 MB budget (one for any ordinary workbook).
      const toRead: SheetToRead[] = worksheets.items.map((sheet, i) => {
        const range = used[i];
        return { sheet, area: range.isNullObject ? null : { rowIndex: range.rowIndex, columnIndex: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount } };
      });
      const grids = await readUsedAreas(context, toRead, { ...options, chunkRows: this.chunkRows });
      return {
        sheets: worksheets.items.map((sheet, i) => ({
          name: sheet.name,
          ...grids[i],
          hidden: sheet.visibility !== 'Visible',
          protected: sheet.protection.protected,
        })),
        names: Object.fromEntries(names.items.map((n) => [n.name, n.formula.replace(/^=/, '')])),
      };
    });
  }

  async write(plan: WritePlan): Promise<void> {
    const touched = [...plan.cellWrites.map((w) => w.sheet), ...plan.sheets.map((s) => s.name)];
    await this.run('skriva avvikelserna', touched, async (context) => {
      const workbook = context.workbook;

      // 1. What is there now: sheets and protection, number formats under our cells, old flags, names.
      const { worksheets, targets, names } = await inspectPlan(context, plan);
      const existing = new Map(worksheets.items.map((s) => [s.name, s]));
      const gone = plan.cellWrites.find((w) => !existing.has(w.sheet));
      if (gone) throw missingSheetError(gone.sheet);
      for (const name of touched) {
        if (existing.get(name)?.protection.protected) throw protectedSheetError(name);
        if (!existing.has(name) && workbook.protection.protected) throw protectedWorkbookError(name);
      }

      // 2. Everything we write, with calculation suspended until it has been synced.
      const suspend = () => workbook.application.suspendApiCalculationUntilNextSync();
      const budget = new SyncBudget(context, suspend);
      suspend();
      for (const target of targets) await writeCellTarget(target, budget);
      for (const out of plan.sheets) await writeOutputSheet(context, out, existing.has(out.name), budget);
      for (const { name, existing: old } of names) {
        if (!old.isNullObject) old.delete();
        workbook.names.add(name, `=${plan.names[name]}`);
      }
      await budget.sync();
    });
  }

  async getSelection(): Promise<RangeRef | null> {
    return this.run('läsa markeringen', [], async (context) => {
      const range = context.workbook.getSelectedRange().load('address, worksheet/name');
      try {
        await context.sync();
      } catch (e) {
        // A chart or a shape is selected: there is no range to report.
        if (errorCode(e) === 'InvalidSelection') return null;
        throw e;
      }
      return { sheet: range.worksheet.name, address: range.address.slice(range.address.lastIndexOf('!') + 1) };
    });
  }

  async select(ref: RangeRef): Promise<void> {
    await this.run(`markera ${ref.address}`, [ref.sheet], async (context) => {
      const sheet = context.workbook.worksheets.getItem(ref.sheet);
      sheet.activate();
      sheet.getRange(ref.address).select();
      await context.sync();
    });
  }

  async loadSettings(): Promise<SettingsInput | null> {
    return this.run('läsa inställningarna', [], async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY).load('value');
      await context.sync();
      return setting.isNullObject ? null : parseSettings(setting.value);
    });
  }

  async saveSettings(settings: SettingsInput): Promise<void> {
    await this.run('spara inställningarna', [], async (context) => {
      context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(settings));
      await context.sync();
    });
  }

  async mark(marks: CellMark[]): Promise<void> {
    const sheets = [...new Set(marks.map((m) => m.sheet))];
    await this.run('markera granskningens fynd', sheets, (context) => markInExcel(context, marks, this.support));
  }

  async clearMarks(): Promise<void> {
    await this.run('ta bort markeringarna', [], (context) => clearMarksInExcel(context, this.support));
  }
}

/** Settings as stored: a JSON object in a string. Anything else counts as no settings. */
function parseSettings(stored: unknown): SettingsInput | null {
  try {
    const value: unknown = typeof stored === 'string' ? JSON.parse(stored) : stored;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as SettingsInput) : null;
  } catch {
    return null;
  }
}

/** The first batch of a write: what is there now. Only loads, so it can be done again when too large. */
interface Inspection {
  worksheets: Excel.WorksheetCollection;
  targets: CellTarget[];
  names: { name: string; existing: Excel.NamedItem }[];
}

/**
 * Queues and syncs the inspection of what the plan touches (more than one sync only past the budget).
 * A response too large for the estimate of the number formats is asked again with a 4× larger one.
 */
async function inspectPlan(context: Excel.RequestContext, plan: WritePlan): Promise<Inspection> {
  const workbook = context.workbook;
  for (let attempt = 0, formatBytes = NUMBER_FORMAT_BYTES_PER_CELL; ; attempt++, formatBytes *= 4) {
    try {
      const worksheets = workbook.worksheets.load('items/name, items/protection/protected');
      workbook.protection.load('protected');
      const budget = new SyncBudget(context);
      const targets: CellTarget[] = [];
      for (const writes of plan.cellWrites) targets.push(await inspectCellTarget(context, writes, budget, formatBytes));
      const names = Object.keys(plan.names).map((name) => ({ name, existing: workbook.names.getItemOrNullObject(name) }));
      await budget.sync();
      return { worksheets, targets, names };
    } catch (e) {
      if (errorCode(e) === 'ItemNotFound') await throwMissingSheet(context, plan.cellWrites.map((w) => w.sheet));
      if (!isPayloadTooLarge(e) || attempt >= MAX_INSPECT_RETRIES) throw e;
    }
  }
}

/** After a batch failed with ItemNotFound: names the sheet of the plan that is gone, if one is. */
async function throwMissingSheet(context: Excel.RequestContext, sheets: string[]): Promise<void> {
  const worksheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const present = new Set(worksheets.items.map((s) => s.name));
  const missing = sheets.find((name) => !present.has(name));
  if (missing) throw missingSheetError(missing);
}
