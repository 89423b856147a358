/// <reference types="office-js" />
/**
 * How many syncs the Office adapter takes and how much each carries: the same syncs for 10 rows as for
 * 10 000 while the data fits one sync, syncs filled up to the budget and growing only with the bytes
 * past it, never a sync over 5 MB, and a read that stops between its syncs when cancelled.
 */
import { runReport } from '../../../src/report/run';
import { PHASES, withProgress } from '../../../src/taskpane/model/progressPort';
import type { Progress } from '../../../src/workbook/host';
import { OfficeWorkbook } from '../../../src/workbook/office/officeWorkbook';
import { SYNC_BUDGET_BYTES } from '../../../src/workbook/office/payload';
import type { CellWrite, WritePlan } from '../../../src/workbook/port';
import { excelWith, forecast, settings } from './driftSheet';
import { cellId, FakeExcel, PAYLOAD_LIMIT, type SyncRecord } from './fakeExcel';

const total = (syncs: SyncRecord[], side: 'request' | 'response') => syncs.reduce((n, s) => n + s[side], 0);
const largest = (syncs: SyncRecord[]) => Math.max(...syncs.map((s) => Math.max(s.request, s.response)));
const withinLimit = (syncs: SyncRecord[]) => syncs.every((s) => !s.failed && s.request <= PAYLOAD_LIMIT && s.response <= PAYLOAD_LIMIT);

/**
 * The data syncs of a read (all but the first two): as many as its bytes need at the budget, plus at
 * most one (the first chunk is sized by a guess, before the real size per cell is known). Each of
 * them but the first and the last is filled to at least 80 % of the budget.
 */
function expectFullDataSyncs(read: SyncRecord[]): void {
  const data = read.slice(2);
  expect(data.length).toBeLessThanOrEqual(Math.ceil(total(data, 'response') / SYNC_BUDGET_BYTES) + 1);
  for (const sync of data.slice(1, -1)) expect(sync.response).toBeGreaterThan(0.8 * SYNC_BUDGET_BYTES);
}

/** The bench's bound: syncs ≤ the syncs at a size that fits one sync + ceil(bytes / 5 MB) + 1. */
const bytesBound = (fixed: number, syncs: SyncRecord[]) => fixed + Math.ceil((total(syncs, 'request') + total(syncs, 'response')) / PAYLOAD_LIMIT) + 1;

describe('syncs and payloads of the Office adapter', () => {
  test('read and write take the same number of syncs for 10 rows and for 10 000 rows', async () => {
    const syncs = async (copies: number) => {
      const { excel, workbook } = excelWith(forecast(copies));
      const result = await runReport(workbook, settings());
      expect(result.written).toBe(true);
      expect(excel.sheet('Drift').formulas.size).toBe(copies * 5 * 2);
      expect(withinLimit(excel.runs.flat())).toBe(true);
      const actions = excel.runs.flat().reduce((n, s) => n + s.actions, 0);
      return { counts: excel.syncCounts(), actions, largest: largest(excel.runs.flat()) };
    };
    const small = await syncs(2);
    const large = await syncs(2000);
    expect(small.counts).toEqual([3, 2]);
    expect(large.counts).toEqual([3, 2]);
    // Nor do the loads and writes grow with the rows (a few more flagged rows and comments): one write
    // per cell or per row would add 10 000 or more.
    expect(large.actions - small.actions).toBeLessThan(100);
    expect(large.largest).toBeGreaterThan(1_000_000);
    expect(large.largest).toBeLessThan(PAYLOAD_LIMIT);
  });

  test('60 000 rows: read and write grow by their bytes only, every sync filled and none over 5 MB', async () => {
    const { excel, workbook } = excelWith(forecast(12_000));
    const result = await runReport(workbook, settings());
    expect(result.written).toBe(true);
    expect(excel.sheet('Drift').formulas.size).toBe(120_000);
    const [read, write] = excel.runs;
    expect(withinLimit([...read, ...write])).toBe(true);
    expect(total(read, 'response')).toBeGreaterThan(2 * PAYLOAD_LIMIT);
    expect(read.length).toBeGreaterThan(3);
    expectFullDataSyncs(read);
    expect(read.length).toBeLessThanOrEqual(bytesBound(3, read));
    // The inspection of 120 000 cells (values, formulas and number formats, 3.4 MB back) and 120 000
    // formulas and as many number formats (the cells are General, 5 MB to send as office.js sends it)
    // are both over the 4 MB budget: two syncs each, the first of each filled.
    expect(total(write, 'request')).toBeGreaterThan(SYNC_BUDGET_BYTES);
    expect(write).toHaveLength(4);
    expect(write.length).toBeLessThanOrEqual(bytesBound(2, write));
    expect(write[0].response).toBeGreaterThan(0.5 * SYNC_BUDGET_BYTES);
    // measured as office.js sends it, no sync is over the budget the adapter counted against
    for (const sync of write) expect(Math.max(sync.request, sync.response)).toBeLessThanOrEqual(1.02 * SYNC_BUDGET_BYTES);
    expect(write[2].request).toBeGreaterThan(0.9 * SYNC_BUDGET_BYTES);
  }, 20_000);

  test('a 100 000 × 10 sheet is read in chunks that fill each sync, none over 5 MB', async () => {
    const excel = new FakeExcel();
    const rows = Array.from({ length: 100_000 }, (_, r) => Array.from({ length: 10 }, (_, c) => ((r * 7919 + c * 104_729) % 100_000_000) / 100));
    excel.addSheet('Stor', rows);
    const data = await new OfficeWorkbook({ run: excel.excelRun }).read();
    expect(data.sheets[0].values).toHaveLength(100_000);
    expect(data.sheets[0].values[99_999]).toEqual(rows[99_999]);
    const syncs = excel.runs[0];
    expect(withinLimit(syncs)).toBe(true);
    // The whole sheet in one response would be about 20 MB: 5 data syncs at 4 MB, one more for the guess.
    expect(total(syncs, 'response')).toBeGreaterThan(3.5 * PAYLOAD_LIMIT);
    expect(syncs).toHaveLength(2 + 6);
    expectFullDataSyncs(syncs);
  }, 20_000);

  test('long texts that outgrow the size estimate are read again in smaller syncs', async () => {
    const excel = new FakeExcel();
    const text = (r: number, c: number) => `Projekt ${r} kolumn ${c} `.padEnd(60, 'x');
    excel.addSheet('Texter', Array.from({ length: 20_000 }, (_, r) => Array.from({ length: 5 }, (_, c) => text(r, c))));
    const data = await new OfficeWorkbook({ run: excel.excelRun }).read();
    expect(data.sheets[0].values).toHaveLength(20_000);
    expect(data.sheets[0].values[12_345][3]).toBe(text(12_345, 3));
    const syncs = excel.runs[0];
    expect(syncs.filter((s) => s.failed)).toEqual([expect.objectContaining({ failed: 'ResponsePayloadSizeLimitExceeded' })]);
    expect(withinLimit(syncs.filter((s) => !s.failed))).toBe(true);
    // 13 MB as sent: after the refused sync, four of about 4 MB (the real size per cell learnt from the first).
    expect(syncs).toHaveLength(2 + 1 + 4);
  }, 20_000);

  test('one column larger than a sync is written in pieces, none over 5 MB', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Stor', [[1]]);
    const formula = (r: number) => `IF(ISNUMBER(B${r + 1}),B${r + 1}-C${r + 1},"")`;
    const cells: CellWrite[] = Array.from({ length: 250_000 }, (_, r) => ({ row: r, col: 3, formula: formula(r), style: { numFmt: '#,##0' } }));
    const plan: WritePlan = { cellWrites: [{ sheet: 'Stor', cells, conditionalFormats: [] }], sheets: [], names: {} };
    await new OfficeWorkbook({ run: excel.excelRun }).write(plan);
    const sheet = excel.sheet('Stor');
    expect(sheet.formulas.size).toBe(250_000);
    expect(sheet.formulas.get(cellId(249_999, 3))).toBe(`=${formula(249_999)}`);
    expect(sheet.numberFormats.get(cellId(123_456, 3))).toBe('#,##0');
    const [write] = excel.runs;
    expect(withinLimit(write)).toBe(true);
    // 11 MB of formulas and 2.8 MB of number formats to send, 5 MB (estimated) of formats to inspect.
    expect(total(write, 'request')).toBeGreaterThan(2.5 * PAYLOAD_LIMIT);
    expect(write.length).toBeLessThanOrEqual(Math.ceil((total(write, 'request') + 5_000_000) / SYNC_BUDGET_BYTES) + 2);
    // calculation suspended for every write sync (the inspection's syncs only load)
    expect(excel.calculationSuspensions).toBe(write.filter((s) => s.request > s.response).length);
  }, 20_000);

  test('number formats longer than estimated are inspected again in smaller syncs; the user’s own stay', async () => {
    const excel = new FakeExcel();
    const sheet = excel.addSheet('Drift', [[1]]);
    const own = '#,##0 "kronor";[Red]-#,##0 "kronor";"noll kronor"';
    for (let r = 0; r < 120_000; r++) sheet.numberFormats.set(cellId(r, 1), own);
    const cells: CellWrite[] = Array.from({ length: 120_000 }, (_, r) => ({ row: r, col: 1, formula: `A${r + 1}*2`, style: { numFmt: '#,##0' } }));
    await new OfficeWorkbook({ run: excel.excelRun }).write({ cellWrites: [{ sheet: 'Drift', cells, conditionalFormats: [] }], sheets: [], names: {} });
    const [write] = excel.runs;
    expect(write.filter((s) => s.failed)).toEqual([expect.objectContaining({ failed: 'ResponsePayloadSizeLimitExceeded' })]);
    expect(withinLimit(write.filter((s) => !s.failed))).toBe(true);
    expect(sheet.formulas.size).toBe(120_000);
    expect(sheet.numberFormats.get(cellId(119_999, 1))).toBe(own);
  }, 20_000);
});

describe('a long read reports its progress and can be cancelled between its syncs', () => {
  test('progress after every data sync, rising to 1', async () => {
    const { excel, workbook } = excelWith(forecast(6_000));
    const fractions: number[] = [];
    await workbook.read({ onProgress: (f) => fractions.push(f) });
    const [read] = excel.runs;
    expect(fractions).toHaveLength(read.length - 2);
    expect(fractions.length).toBeGreaterThan(1);
    fractions.slice(1).forEach((f, i) => expect(f).toBeGreaterThan(fractions[i]));
    expect(fractions[fractions.length - 1]).toBe(1);
  });

  test('aborted after the first data sync: no further sync is queued, the run is cancelled and nothing is written', async () => {
    const uncancelled = excelWith(forecast(6_000));
    await uncancelled.workbook.read();
    expect(uncancelled.excel.syncCounts()[0]).toBeGreaterThan(3);

    const { excel, workbook } = excelWith(forecast(6_000));
    const controller = new AbortController();
    const seen: number[] = [];
    const result = await runReport(workbook, settings(), undefined, {
      signal: controller.signal,
      onReadProgress: (fraction) => {
        seen.push(fraction);
        controller.abort();
      },
    });
    expect(result).toEqual({ cancelled: true, written: false, stage: 'read' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeLessThan(1);
    // Let the abandoned read settle: it must not go on.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(excel.syncCounts()).toEqual([3]);
    expect(excel.sheets.map((s) => s.name)).toEqual(['Drift']);
    expect(excel.sheet('Drift').formulas.size).toBe(0);
    expect(excel.names.size).toBe(0);
  });

  test('through the pane’s progress port: the bar moves with the read, and Avbryt reaches the adapter', async () => {
    const { excel, workbook } = excelWith(forecast(6_000));
    const controller = new AbortController();
    const shown: Progress[] = [];
    const port = withProgress(workbook, (p) => {
      shown.push(p);
      if (p.phase === PHASES.read && (p.fraction ?? 0) > 0.1) controller.abort();
    });
    const result = await runReport(port, settings(), undefined, { signal: controller.signal });
    expect(result).toMatchObject({ cancelled: true, stage: 'read' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(excel.syncCounts()).toEqual([3]);
    expect(shown.map((p) => p.phase)).toEqual([PHASES.read, PHASES.read]);
    expect(shown[1].fraction).toBeGreaterThan(0.1);
    expect(shown[1].fraction).toBeLessThan(0.4);
  });

  test('a read whose signal is aborted rejects with an AbortError and queues nothing more', async () => {
    const { excel, workbook } = excelWith(forecast());
    const controller = new AbortController();
    controller.abort();
    await expect(workbook.read({ signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError', message: 'Läsningen av arbetsboken avbröts' });
    expect(excel.syncCounts()).toEqual([0]);
  });
});
