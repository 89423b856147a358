/// <reference types="office-js" />
/**
 * The measurement behind `npm run bench:office` (bench/office.ts): every operation of the task pane
 * through OfficeWorkbook against the fake Excel of the tests (test/workbook/office/fakeExcel.ts), which
 * records every `context.sync()` of every `Excel.run` with its request and response size and fails a
 * sync over 5 MB either way, as Excel on the web does.
 *
 * For one size it builds the forecast sheet of bench/generate.ts (same rows, same seeded amounts)
 * directly in the fake's grid, then runs, in one session on that workbook: settings saved and loaded,
 * the snapshot read, the report run (`runReport`: read + write) first on the fresh sheet and again on
 * its own output, the two partial runs, the audit (read + mark), marking many findings, clearing the
 * marks, and the selection. `checkTargets` compares the sizes:
 * - ≤ 5 MB: no sync of any operation at any size has a request or a response over 5 000 000 bytes,
 *   and no sync failed;
 * - same syncs up to 10 000 rows: while an operation's data fits one sync, it takes the same
 *   `Excel.run`s with the same number of syncs at every size as at the smallest;
 * - syncs by bytes: at every size, an operation takes at most its syncs at the smallest size, plus
 *   its total bytes (requests and responses) divided by 5 MB and rounded up, plus one. Syncs may grow
 *   with the bytes, which they must past 5 MB, but never with the rows.
 */
import { auditWorkbook } from '../src/audit';
import { cellAddress } from '../src/core/address';
import type { PlanParts } from '../src/report/plan';
import { runReport } from '../src/report/run';
import { buildSettings, type SettingsInput } from '../src/report/settings';
import type { CellMark } from '../src/workbook/host';
import { OfficeWorkbook } from '../src/workbook/office/officeWorkbook';
import { FakeExcel, PAYLOAD_LIMIT, type SyncRecord } from '../test/workbook/office/fakeExcel';
import { cellId } from '../test/workbook/office/fakeModel';
import { calculate } from '../test/workbook/office/miniCalc';
import { AMOUNT_COLUMNS, DEVIATION_COLUMNS, forecastRows, HEADER, SHEET_NAME } from './generate';

export const DEFAULT_SIZES = [1_000, 10_000, 100_000];
/** Up to this many data rows every operation's data fits one sync: its syncs must not change. */
export const CONSTANT_UP_TO_ROWS = 10_000;
/** Syncs allowed over the bytes bound: the last data sync of a read or a write is seldom full. */
export const SYNC_SLACK = 1;
/** Excel on the web's limit for one request and one response, as the fake enforces it. */
export const LIMIT_BYTES = PAYLOAD_LIMIT;
/** One synthetic audit finding per this many data rows for the `mark` operation. */
export const ROWS_PER_MARK = 100;

/**
 * How the amount and avvikelse columns are formatted: `column` as bench/generate.ts does (`#,##0.00`
 * on every data cell of columns D–J, so the write keeps the user's number format under its cells), or
 * `general` (no number format anywhere, so the write also sends a number format for every filled cell).
 */
export type FormatMode = 'column' | 'general';

export interface MeasureOptions {
  formats?: FormatMode;
}

export interface SyncFigure {
  request: number;
  response: number;
  actions: number;
  failed?: string;
}

export interface OperationFigures {
  /** Stable id (`read`, `report`, …). */
  name: string;
  /** What the pane does, in a few words. */
  what: string;
  /** `Excel.run` calls. */
  runs: number;
  syncs: number;
  /** Syncs of each `Excel.run`, in order (`[3, 2]` for a report run). */
  syncsPerRun: number[];
  /**
   * A lower bound on each run's syncs from its bytes alone: its total request and total response
   * divided by the 5 MB limit, rounded up. No adapter can do the run in fewer syncs.
   */
  minSyncsByBytes: number[];
  maxRequest: number;
  maxResponse: number;
  totalRequest: number;
  totalResponse: number;
  failedSyncs: number;
  ms: number;
  /** A check of what the operation did: cells filled and the comment stubs of the model, findings, marks. */
  note: string;
  /** Every sync, per `Excel.run`. */
  detail: SyncFigure[][];
}

export interface SizeFigures {
  rows: number;
  formats: FormatMode;
  setupMs: number;
  operations: OperationFigures[];
}

export interface TargetResult {
  operation: string;
  target: 'same syncs ≤ 10 000 rows' | 'syncs by bytes' | '≤ 5 MB';
  pass: boolean;
  detail: string;
}

/** The fake workbook with the forecast sheet of bench/generate.ts: title, `kr`, header, `rows` data rows. */
export function forecastExcel(rows: number, formats: FormatMode = 'column'): FakeExcel {
  const excel = new FakeExcel({ calculate });
  const grid: (string | number | null)[][] = [[`Driftredovisning – benchmark (${rows} rader)`], ['kr'], [...HEADER]];
  for (const r of forecastRows(rows)) {
    const [bh, ph, bp, up, fg] = r.ore.map((o) => o / 100);
    grid.push([r.verksamhet, r.kategori, r.typ, bh, ph, null, bp, up, null, fg]);
  }
  const sheet = excel.addSheet(SHEET_NAME, grid);
  sheet.frozenRows = 3;
  if (formats === 'column') {
    for (let r = 3; r < grid.length; r++) {
      for (const c of [...AMOUNT_COLUMNS, ...DEVIATION_COLUMNS]) sheet.numberFormats.set(cellId(r, c), '#,##0.00');
    }
  }
  return excel;
}

/** The settings the pane would save: the CLI's defaults with the period and year set. */
export const PANE_SETTINGS: SettingsInput = { months: 8, year: 2026 };

const ALL_PARTS: PlanParts = { tables: true, fill: true, comments: true };

/** `rows / ROWS_PER_MARK` findings on the Avvikelse helår column, alternately error and rounding. */
export function syntheticMarks(rows: number): CellMark[] {
  const count = Math.max(1, Math.floor(rows / ROWS_PER_MARK));
  const col = DEVIATION_COLUMNS[0];
  return Array.from({ length: count }, (_, i) => {
    const row = 3 + i * ROWS_PER_MARK;
    const kind = i % 2 === 0 ? 'error' : 'rounding';
    const message =
      kind === 'error'
        ? `Rad ${row + 1}, avvikelse helår: 1 805 borde vara -1 805 (tecknet är omvänt) – budget helår 88 310 och prognos helår 90 115 ger -1 805`
        : `Rad ${row + 1}, avvikelse helår: avrundningsdifferens på 1 tkr`;
    return { sheet: SHEET_NAME, address: cellAddress(row, col), kind, message };
  });
}

const sum = (xs: number[]) => xs.reduce((n, x) => n + x, 0);

/**
 * Runs every operation of the pane against a fresh fake workbook of `rows` data rows and returns the
 * figures of each. Throws when an operation does not do what it should (the report must fill 2 cells a
 * row), so a broken adapter cannot pass by doing nothing.
 */
export async function measureOffice(rows: number, options: MeasureOptions = {}): Promise<SizeFigures> {
  const formats = options.formats ?? 'column';
  const setupStart = process.hrtime.bigint();
  const excel = forecastExcel(rows, formats);
  const setupMs = Number(process.hrtime.bigint() - setupStart) / 1e6;
  const workbook = new OfficeWorkbook({ run: excel.excelRun, isSetSupported: () => true });
  const operations: OperationFigures[] = [];

  const measure = async (name: string, what: string, op: () => Promise<string>): Promise<void> => {
    const from = excel.runs.length;
    const started = process.hrtime.bigint();
    const note = await op();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const runs: SyncRecord[][] = excel.runs.slice(from);
    const all = runs.flat();
    operations.push({
      name,
      what,
      runs: runs.length,
      syncs: all.length,
      syncsPerRun: runs.map((r) => r.length),
      minSyncsByBytes: runs.map((r) => Math.max(1, Math.ceil(sum(r.map((x) => x.request)) / LIMIT_BYTES), Math.ceil(sum(r.map((x) => x.response)) / LIMIT_BYTES))),
      maxRequest: Math.max(0, ...all.map((s) => s.request)),
      maxResponse: Math.max(0, ...all.map((s) => s.response)),
      totalRequest: sum(all.map((s) => s.request)),
      totalResponse: sum(all.map((s) => s.response)),
      failedSyncs: all.filter((s) => s.failed).length,
      ms,
      note,
      detail: runs.map((r) => r.map(({ request, response, actions, failed }) => ({ request, response, actions, ...(failed ? { failed } : {}) }))),
    });
  };

  const settings = buildSettings(PANE_SETTINGS, undefined, 2026);
  const report = async (parts: PlanParts, expectCells: number): Promise<string> => {
    const result = await runReport(workbook, settings, parts);
    const errors = result.issues.filter((i) => i.severity === 'error');
    if (!result.written) throw new Error(`rapporten skrevs inte (${rows} rader): ${errors.map((e) => e.message).join('; ')}`);
    if (result.cellsWritten !== expectCells) throw new Error(`rapporten fyllde ${result.cellsWritten} celler, väntade ${expectCells}`);
    return `${result.cellsWritten} cells filled, ${result.model.comments.length} comments`;
  };

  // The user sets the period: the pane saves the settings in the document, and reads them back when
  // it is opened again.
  await measure('saveSettings', 'settings saved in the document', async () => {
    await workbook.saveSettings(PANE_SETTINGS);
    return JSON.stringify(PANE_SETTINGS);
  });
  await measure('loadSettings', 'settings read (pane opened)', async () => {
    const loaded = await workbook.loadSettings();
    if (JSON.stringify(loaded) !== JSON.stringify(PANE_SETTINGS)) throw new Error(`läste inställningarna ${JSON.stringify(loaded)}`);
    return JSON.stringify(loaded);
  });
  // The column check reads the snapshot (so does the Word export).
  await measure('read', 'workbook snapshot (column check, export)', async () => {
    const data = await workbook.read();
    const sheet = data.sheets.find((s) => s.name === SHEET_NAME);
    if (sheet?.values.length !== rows + 3) throw new Error(`läste ${sheet?.values.length} rader, väntade ${rows + 3}`);
    return `${sheet.values.length} rows read`;
  });
  // A report run is two Excel.runs: read, then write (after the analysis, only when there are no errors).
  await measure('report', 'Beräkna och skriv tabeller, first run', () => report(ALL_PARTS, 2 * rows));
  await measure('report again', 'the same run over its own output', () => report(ALL_PARTS, 2 * rows));
  await measure('report fill only', 'Fyll bara avvikelsekolumner', () => report({ fill: true }, 2 * rows));
  await measure('report comments only', 'Skriv bara kommentarsutkast', () => report({ comments: true }, 0));
  await measure('audit', 'Granska tabeller: read, audit, mark its findings', async () => {
    const result = auditWorkbook(await workbook.read());
    await workbook.mark(result.findings.map((f) => ({ sheet: f.sheet, address: f.cell, kind: f.kind, message: f.message })));
    return `${result.findings.length} findings marked`;
  });
  const marks = syntheticMarks(rows);
  await measure('mark', `mark 1 finding per ${ROWS_PER_MARK} rows (format + comment each)`, async () => {
    await workbook.mark(marks);
    const noted = excel.comments.length;
    if (noted !== marks.length) throw new Error(`${noted} kommentarer efter markeringen, väntade ${marks.length}`);
    return `${marks.length} cells marked`;
  });
  await measure('clearMarks', 'Rensa markeringar', async () => {
    await workbook.clearMarks();
    if (excel.comments.length !== 0) throw new Error(`${excel.comments.length} kommentarer kvar efter rensningen`);
    return `${marks.length} marks cleared`;
  });
  // Använd markering, and a click on a flagged row.
  excel.selection = { sheet: SHEET_NAME, address: `E4:E${rows + 3}` };
  await measure('getSelection', 'Använd markering', async () => JSON.stringify(await workbook.getSelection()));
  await measure('select', 'click on a flagged row', async () => {
    await workbook.select({ sheet: SHEET_NAME, address: `F${rows + 3}` });
    return excel.selection?.address ?? '';
  });
  return { rows, formats, setupMs, operations };
}

/** Bytes as MB (10^6 bytes, as the limit is counted). */
export const mb = (bytes: number): string => (bytes / 1e6).toFixed(2);

const shape = (o: OperationFigures | undefined): string => (o ? o.syncsPerRun.join('+') : 'missing');

/** The most syncs `o` may take by the bytes bound, given the same operation's syncs at the smallest size. */
export function syncsAllowed(o: OperationFigures, fixed: number): number {
  return fixed + Math.ceil((o.totalRequest + o.totalResponse) / LIMIT_BYTES) + SYNC_SLACK;
}

/**
 * The three targets, per operation: every sync within the limit; the same syncs at every size up to
 * `CONSTANT_UP_TO_ROWS` as at the smallest; and at every size no more syncs than the bytes bound.
 */
export function checkTargets(sizes: SizeFigures[]): TargetResult[] {
  if (sizes.length === 0) return [];
  const sorted = [...sizes].sort((a, b) => a.rows - b.rows);
  const base = sorted[0];
  const results: TargetResult[] = [];
  for (const op of base.operations) {
    const at = sorted.map((s) => ({ rows: s.rows, op: s.operations.find((o) => o.name === op.name) }));
    const over = at.flatMap(({ rows, op: o }) =>
      (o?.detail ?? [])
        .flat()
        .filter((s) => s.request > LIMIT_BYTES || s.response > LIMIT_BYTES || s.failed)
        .map((s) => `${rows} rows: ${s.failed ?? 'over'} (request ${s.request} B, response ${s.response} B)`),
    );
    const largest = Math.max(...at.map(({ op: o }) => Math.max(o?.maxRequest ?? 0, o?.maxResponse ?? 0)));
    results.push({
      operation: op.name,
      target: '≤ 5 MB',
      pass: over.length === 0 && at.every(({ op: o }) => o !== undefined),
      detail: over.length ? over.join('; ') : `largest sync ${mb(largest)} MB`,
    });
    const small = at.filter(({ rows }) => rows <= CONSTANT_UP_TO_ROWS);
    results.push({
      operation: op.name,
      target: 'same syncs ≤ 10 000 rows',
      pass: small.every(({ op: o }) => shape(o) === shape(op)),
      detail: small.length ? small.map(({ rows, op: o }) => `${rows}: ${shape(o)}`).join(', ') : `no size ≤ ${CONSTANT_UP_TO_ROWS} rows`,
    });
    const bound = at.map(({ rows, op: o }) => ({ rows, o, allowed: o ? syncsAllowed(o, op.syncs) : 0 }));
    results.push({
      operation: op.name,
      target: 'syncs by bytes',
      pass: bound.every(({ o, allowed }) => o !== undefined && o.syncs <= allowed),
      detail: bound.map(({ rows, o, allowed }) => (o ? `${rows}: ${o.syncs} ≤ ${allowed} (${op.syncs} + ${mb(o.totalRequest + o.totalResponse)} MB)` : `${rows}: missing`)).join(', '),
    });
  }
  return results;
}
