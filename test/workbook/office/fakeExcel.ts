/// <reference types="office-js" />
/**
 * A small fake of the Excel JavaScript API: only what OfficeWorkbook uses, over an in-memory grid per
 * sheet, but with the rules real Excel enforces:
 * - a property can be read only after `load()` and a `context.sync()` after it (`PropertyNotLoaded`
 *   otherwise); `…OrNullObject` results know `isNullObject` after a sync; proxies die with their run;
 * - changes are queued and happen at `sync()`, in order; a failing operation fails the whole sync;
 * - every sync of every `Excel.run` is recorded with its request and response size as office.js sends
 *   them (actions and object paths as a JSON string, UTF-8 bytes; see fakeContext.ts), and a sync over
 *   5 MB either way fails (`Request/ResponsePayloadSizeLimitExceeded`); with `generalExceptionAbove`
 *   a large request fails with `GeneralException`, as desktop Excel fails one; a read of more than
 *   5 million cells sends `null` for values and formulas;
 * - a 2-D write must match its range's size; `null` in it leaves a cell alone; `'` keeps text text, and
 *   so does a cell formatted as text (`@`): a formula written there stays the text `=C5-D5`;
 * - sheet and defined names are found without regard to case; adding one that exists in any case
 *   fails (`ItemAlreadyExists`); a protected sheet refuses changes (`AccessDenied`);
 * - while the user edits a cell (`cellEditing`) a batch fails with `InvalidOperationInCellEditMode`,
 *   unless the run asked `delayForCellEdit`: then it waits until `endCellEdit()`;
 * - a formula written into an Excel Table column that has none becomes a calculated column: the first
 *   formula written is copied to every row of the column;
 * - in manual calculation (`calculationMode = 'Manual'`) formulas are calculated only by `calculate()`;
 * - a hidden sheet cannot be activated; `getSelectedRange()` throws when several areas are selected;
 * - a new conditional format goes to the top priority, as `conditionalFormats.add` documents;
 * - a comment (ExcelApi 1.10) goes on one cell that has none; a host without the comments API
 *   (`new FakeExcel({ comments: false })`) fails any sync that uses them (`ApiNotFound`);
 * - a failed sync's error carries `debugInfo.errorLocation` (`Range.formulas`).
 *
 * The state (fakeModel.ts) is public so that tests can seed it and look at the result.
 */
import { parseCellAddress } from '../../../src/core/address';
import { FakeExcelError, FakeSheet, FakeState, parseBox, type FakeExcelOptions, type Scalar } from './fakeModel';
import { FakeContext, PAYLOAD_LIMIT, type SyncRecord } from './fakeContext';
import { FakeWorkbook } from './fakeWorkbook';

export { FakeExcelError, FakeSheet, PAYLOAD_LIMIT, type Scalar, type SyncRecord };
export { boxAddress, parseBox, cellId } from './fakeModel';

export class FakeExcel extends FakeState {
  /** The syncs of every `Excel.run`, in order. */
  readonly runs: SyncRecord[][] = [];

  constructor(options: FakeExcelOptions = {}) {
    super(options);
  }

  /** A sheet with these values (text stays text) and formulas (`{ E4: 'D4-C4' }`). */
  addSheet(name: string, rows: (Scalar | null | undefined)[][] = [], options: { formulas?: Record<string, string>; protected?: boolean } = {}): FakeSheet {
    const sheet = new FakeSheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && sheet.input(r, c, typeof v === 'string' ? `'${v}` : v)));
    for (const [address, formula] of Object.entries(options.formulas ?? {})) {
      const { row, col } = parseCellAddress(address);
      sheet.input(row, col, `=${formula}`);
    }
    sheet.protected = options.protected ?? false;
    this.sheets.push(sheet);
    this.activeSheet ||= name;
    this.recalculate();
    return sheet;
  }

  /** An Excel Table whose data body (without its header row) is `body` (`B4:H9`). */
  addTable(sheet: string, name: string, body: string): void {
    this.sheet(sheet).tables.push({ name, body: parseBox(body) });
  }

  /** `Excel.run([options,] batch)`: a fresh context, a last sync of anything left queued, then its proxies are dead. */
  readonly run = async <T>(first: { delayForCellEdit?: boolean } | ((context: FakeContext) => Promise<T>), second?: (context: FakeContext) => Promise<T>): Promise<T> => {
    const batch = typeof first === 'function' ? first : second;
    if (!batch) throw new FakeExcelError('InvalidArgument', 'Excel.run needs a batch function.');
    const delay = typeof first === 'object' && first.delayForCellEdit === true;
    const syncs: SyncRecord[] = [];
    this.runs.push(syncs);
    const context = new FakeContext(this, syncs, (c) => new FakeWorkbook(c), delay);
    try {
      const result = await batch(context);
      if (context.pending) await context.sync();
      return result;
    } finally {
      context.close();
    }
  };

  /** `run`, typed as Office.js's `Excel.run` for `new OfficeWorkbook({ run })`. */
  get excelRun(): typeof Excel.run {
    return this.run as unknown as typeof Excel.run;
  }

  /** Sync counts of the runs since `from` (an index into `runs`). */
  syncCounts(from = 0): number[] {
    return this.runs.slice(from).map((r) => r.length);
  }
}
