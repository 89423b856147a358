/** Cancelling a run: at every stage before the write, nothing is written; once the write has begun, it completes. */
import { sampleSettings, sampleSheets } from '../../src/demo/sampleWorkbook';
import { runReport, type RunOptions } from '../../src/report/run';
import { buildSettings } from '../../src/report/settings';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import type { WorkbookData, WorkbookPort, WritePlan } from '../../src/workbook/port';

const settings = buildSettings(sampleSettings(), undefined, 2026);
const SAMPLE_SHEETS = ['Drift', 'Investeringar', 'Indikatorer'];

/** The sample workbook behind a port whose read waits until the test lets it finish (or fail). */
function slowPort() {
  const workbook = new MemoryWorkbook(sampleSheets());
  let finish!: () => void;
  let fail!: (err: Error) => void;
  const gate = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const calls = { read: 0, write: 0 };
  let readStarted!: () => void;
  const reading = new Promise<void>((resolve) => (readStarted = resolve));
  const port: WorkbookPort = {
    async read(): Promise<WorkbookData> {
      calls.read++;
      readStarted();
      await gate;
      return workbook.read();
    },
    async write(plan: WritePlan): Promise<void> {
      calls.write++;
      await workbook.write(plan);
    },
  };
  return { port, workbook, calls, reading, finish, fail };
}

const sheetNames = (wb: MemoryWorkbook) => wb.sheets.map((s) => s.name);
/** A settled promise's state, without waiting for it. */
const settled = async (p: Promise<unknown>): Promise<boolean> => {
  let done = false;
  void p.then(() => (done = true), () => (done = true));
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return done;
};

describe('cancelling a run', () => {
  test('aborted before it starts: the workbook is not even read', async () => {
    const { port, calls, finish } = slowPort();
    finish();
    const controller = new AbortController();
    controller.abort();
    const result = await runReport(port, settings, undefined, { signal: controller.signal });
    expect(result).toEqual({ cancelled: true, written: false, stage: 'read' });
    expect(calls).toEqual({ read: 0, write: 0 });
  });

  test('aborted while the read is under way: the run ends at once, and the late read changes nothing', async () => {
    const { port, workbook, calls, reading, finish } = slowPort();
    const controller = new AbortController();
    const run = runReport(port, settings, undefined, { signal: controller.signal });
    await reading;
    expect(await settled(run)).toBe(false);
    controller.abort();
    await expect(run).resolves.toEqual({ cancelled: true, written: false, stage: 'read' });
    finish();
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toEqual({ read: 1, write: 0 });
    expect(sheetNames(workbook)).toEqual(SAMPLE_SHEETS);
  });

  test('a read that fails after the run was cancelled is no unhandled rejection', async () => {
    const { port, reading, fail } = slowPort();
    const controller = new AbortController();
    const run = runReport(port, settings, undefined, { signal: controller.signal });
    await reading;
    controller.abort();
    await expect(run).resolves.toMatchObject({ cancelled: true, stage: 'read' });
    fail(new Error('nätverket försvann'));
    await new Promise((r) => setTimeout(r, 10));
  });

  test.each([
    ['read', 'analyze'],
    ['plan', 'write'],
  ] as const)('aborted in the pause after %s: stops before %s, nothing written', async (after, stage) => {
    const { port, workbook, calls, finish } = slowPort();
    finish();
    const controller = new AbortController();
    const pauses: string[] = [];
    const onWriteStart = jest.fn();
    const options: RunOptions = {
      signal: controller.signal,
      pause: (at) => {
        pauses.push(at);
        if (at === after) controller.abort();
      },
      onWriteStart,
    };
    const result = await runReport(port, settings, undefined, options);
    expect(result).toEqual({ cancelled: true, written: false, stage });
    expect(pauses).toEqual(after === 'read' ? ['read'] : ['read', 'plan']);
    expect(calls).toEqual({ read: 1, write: 0 });
    expect(onWriteStart).not.toHaveBeenCalled();
    expect(sheetNames(workbook)).toEqual(SAMPLE_SHEETS);
    expect(workbook.sheet('Drift')?.formulas.size).toBe(0);
  });

  test('aborted once the write has begun: the write completes and the result is an ordinary one', async () => {
    const { port, workbook, calls, finish } = slowPort();
    finish();
    const controller = new AbortController();
    const result = await runReport(port, settings, undefined, { signal: controller.signal, onWriteStart: () => controller.abort() });
    expect(result.cancelled).toBe(false);
    expect(result.written).toBe(true);
    expect(calls).toEqual({ read: 1, write: 1 });
    expect(sheetNames(workbook)).toEqual([...SAMPLE_SHEETS, 'Avvikelsetabeller', 'Kommentarer', 'Prognoshistorik']);
  });

  test('a run with a signal that is never aborted writes what a run without one writes', async () => {
    const plain = new MemoryWorkbook(sampleSheets());
    const expected = await runReport(plain, settings, { fill: true });
    const { port, workbook, finish } = slowPort();
    finish();
    const pauses: string[] = [];
    const result = await runReport(port, settings, { fill: true }, { signal: new AbortController().signal, pause: (at) => void pauses.push(at) });
    if (result.cancelled) throw new Error('not cancelled');
    expect(result.cellsWritten).toBe(expected.cellsWritten);
    expect(result.cellsWritten).toBeGreaterThan(0);
    expect(sheetNames(workbook)).toEqual(SAMPLE_SHEETS);
    expect([...(workbook.sheet('Drift')?.formulas ?? [])]).toEqual([...(plain.sheet('Drift')?.formulas ?? [])]);
    expect(pauses).toEqual(['read', 'plan']);
  });

  test('a run with errors in the workbook stops before the pause after planning, unwritten and not cancelled', async () => {
    const { port, workbook, calls, finish } = slowPort();
    workbook.setCell('Drift', 'E7', 'ca 300');
    finish();
    const pauses: string[] = [];
    const result = await runReport(port, settings, undefined, { signal: new AbortController().signal, pause: (at) => void pauses.push(at) });
    expect(result).toMatchObject({ cancelled: false, written: false });
    expect(pauses).toEqual(['read']);
    expect(calls.write).toBe(0);
  });
});
