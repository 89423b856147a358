/// <reference types="office-js" />
/**
 * The workbook port over Excel, through the Excel JavaScript API (Office.js).
 *
 * Each operation is one `Excel.run` (with `delayForCellEdit`, so a batch waits while the user edits a
 * cell instead of failing) whose number of `context.sync()` round trips does not depend on the number
 * of rows, only on the bytes: reading is 3 syncs (the sheets, tables and names; their used ranges; the
 * chunks of every used range) and writing is 2 (what is there now; everything we write, see
 * writePlan.ts) as long as each fits one sync's budget; larger data adds about one sync per 4 MB (see
 * payload.ts) — never one per row or per cell. Marking the audit's findings and clearing the marks
 * are 3 syncs each (see marks.ts).
 */
import type { SettingsInput } from '../../report/settings';
import { MARKS_KEY, SETTINGS_KEY, type HostEnvironment, type HostPort, type RangeRef } from '../host';
import type { ReadOptions, TableArea, WorkbookData, WriteOutcome, WritePlan } from '../port';
import type { CellMark } from '../host';
import { ApiSupport, EXCEL_API_VERSIONS, type IsSetSupported } from './apiSupport';
import { abortedError, ExcelHostError, hostError } from './excelErrors';
import { clearMarksInExcel, markInExcel } from './marks';
import { errorCode } from './payload';
import { readUsedAreas, type SheetToRead } from './readGrid';
import { writePlan } from './writePlan';

export interface OfficeWorkbookOptions {
  /** At most this many rows per read request (default: as many as fit the sync's budget). */
  chunkRows?: number;
  /** `Excel.run`, or a stand-in for tests. */
  run?: typeof Excel.run;
  /** Whether the host supports a requirement set (default: `Office.context.requirements.isSetSupported`). */
  isSetSupported?: IsSetSupported;
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
      return await run({ delayForCellEdit: true }, batch);
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
      // 1. Which sheets there are (a used range can only be asked of a sheet we know), the tables and the names.
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name, items/visibility, items/protection/protected');
      const tables = context.workbook.tables.load('items/name, items/worksheet/name');
      const names = context.workbook.names;
      names.load('items/name, items/formula, items/type');
      await context.sync();
      checkAborted();

      // 2. Where each sheet's data is (its size decides the chunks), and each table's data body.
      const used = worksheets.items.map((sheet) => sheet.getUsedRangeOrNullObject(true).load('rowIndex, columnIndex, rowCount, columnCount'));
      const bodies = tables.items.map((table) => ({ table, body: table.getDataBodyRange().load('rowIndex, columnIndex, rowCount, columnCount') }));
      await context.sync();
      const tablesOf = (sheet: string): TableArea[] =>
        bodies
          .filter(({ table }) => table.worksheet.name === sheet)
          .map(({ table, body }) => ({ name: table.name, top: body.rowIndex, left: body.columnIndex, bottom: body.rowIndex + body.rowCount - 1, right: body.columnIndex + body.columnCount - 1 }));

      // 3. Every chunk of every sheet, in syncs filled up to the 4 MB budget (one for any ordinary workbook).
      const wanted = (name: string) => !options.sheets || options.sheets.includes(name);
      const toRead: SheetToRead[] = worksheets.items.map((sheet, i) => {
        const range = used[i];
        return { sheet, area: range.isNullObject || !wanted(sheet.name) ? null : { rowIndex: range.rowIndex, columnIndex: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount } };
      });
      const grids = await readUsedAreas(context, toRead, { ...options, chunkRows: options.chunkRows ?? this.chunkRows });
      return {
        sheets: worksheets.items.flatMap((sheet, i) => (wanted(sheet.name) ? [{
          name: sheet.name,
          ...grids[i],
          hidden: sheet.visibility !== 'Visible',
          protected: sheet.protection.protected,
          tables: tablesOf(sheet.name),
        }] : [])),
        names: Object.fromEntries(names.items.map((n) => [n.name, n.formula.replace(/^=/, '')])),
      };
    });
  }

  async write(plan: WritePlan): Promise<WriteOutcome> {
    const touched = [...plan.cellWrites.map((w) => w.sheet), ...plan.sheets.map((s) => s.name)];
    return this.run('skriva avvikelserna', touched, (context) => writePlan(context, plan));
  }

  /** The selection's first area (Excel allows several, Ctrl-clicked); null for a chart or a shape. */
  async getSelection(): Promise<RangeRef | null> {
    return this.run('läsa markeringen', [], async (context) => {
      const ranges = context.workbook.getSelectedRanges().load('address, worksheet/name');
      try {
        await context.sync();
      } catch (e) {
        // A chart or a shape is selected: there is no range to report.
        if (errorCode(e) === 'InvalidSelection') return null;
        throw e;
      }
      const first = ranges.address.split(',')[0].trim();
      return { sheet: ranges.worksheet.name, address: first.slice(first.lastIndexOf('!') + 1) };
    });
  }

  /** Selects a range; a hidden sheet cannot be activated, so that is said instead of tried. */
  async select(ref: RangeRef): Promise<void> {
    await this.run(`markera ${ref.address}`, [ref.sheet], async (context) => {
      const sheet = context.workbook.worksheets.getItem(ref.sheet).load('visibility');
      await context.sync();
      if (sheet.visibility !== 'Visible') {
        throw new ExcelHostError(`Fliken ${ref.sheet} är dold och kan inte visas; högerklicka på en flik, välj Ta fram och välj ${ref.sheet}, så kan ${ref.address} markeras`, ref.sheet, 'InvalidOperation');
      }
      sheet.activate();
      sheet.getRange(ref.address).select();
      await context.sync();
    });
  }

  /** Host, platform and version (`Office.context.diagnostics`) and the requirement sets that matter here. */
  async environment(): Promise<HostEnvironment> {
    const info = officeDiagnostics();
    const sets: Record<string, boolean> = {};
    for (const version of EXCEL_API_VERSIONS) sets[`ExcelApi ${version}`] = this.support.isSetSupported('ExcelApi', version);
    sets['OpenBrowserWindowApi 1.1'] = this.support.isSetSupported('OpenBrowserWindowApi', '1.1');
    sets['DialogApi 1.2'] = this.support.isSetSupported('DialogApi', '1.2');
    const marked = await this.run('läsa inställningarna', [], async (context) => {
      const record = context.workbook.settings.getItemOrNullObject(MARKS_KEY);
      await context.sync();
      return !record.isNullObject;
    });
    return { host: info.host, platform: info.platform, version: info.version, sets, marked };
  }

  async testSetting(key: string, value: string | null): Promise<string | null> {
    return this.run('spara en inställning', [], async (context) => {
      const settings = context.workbook.settings;
      if (value === null) settings.getItemOrNullObject(key).delete();
      else settings.add(key, value);
      await context.sync();
      const now = settings.getItemOrNullObject(key).load('value');
      await context.sync();
      return now.isNullObject ? null : String(now.value);
    });
  }

  async removeScratch(sheet: string, name: string): Promise<void> {
    await this.run(`ta bort fliken ${sheet}`, [sheet], async (context) => {
      // a null object takes no calls: see what is there first
      const named = context.workbook.names.getItemOrNullObject(name);
      const scratch = context.workbook.worksheets.getItemOrNullObject(sheet);
      await context.sync();
      if (!named.isNullObject) named.delete();
      if (!scratch.isNullObject) scratch.delete();
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

/** Host, platform and version as Office tells them; `–` where it does not (outside Office, in tests). */
function officeDiagnostics(): { host: string; platform: string; version?: string } {
  try {
    const d = typeof Office !== 'undefined' ? Office.context?.diagnostics : undefined;
    if (d) return { host: String(d.host), platform: String(d.platform), version: d.version };
  } catch {
    // not inside Office
  }
  return { host: 'Excel', platform: '–' };
}
