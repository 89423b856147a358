/**
 * A port that reports the phases of a run and yields to the browser between them, so the pane can
 * paint its progress while the (synchronous) analysis and planning run. `runReport` reads once, works,
 * then writes once; the phases follow that. A port that reads in several round trips (Excel) moves
 * the bar through the read as it goes; the read's options are passed on, so Avbryt reaches it.
 */
import type { Progress } from '../../workbook/host';
import type { ReadOptions, WorkbookData, WorkbookPort, WriteOutcome, WritePlan } from '../../workbook/port';

/** Lets the browser paint and handle input before the next phase. */
export const yieldToBrowser = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));

export const PHASES = {
  read: 'Läser arbetsboken …',
  analyze: 'Beräknar avvikelser, tabeller och kommentarer …',
  write: 'Skriver till arbetsboken …',
} as const;

export function withProgress(port: WorkbookPort, report: (p: Progress) => void): WorkbookPort {
  return {
    async read(options: ReadOptions = {}): Promise<WorkbookData> {
      report({ phase: PHASES.read, fraction: 0.1 });
      await yieldToBrowser();
      const onProgress = (fraction: number) => {
        report({ phase: PHASES.read, fraction: 0.1 + 0.3 * fraction });
        options.onProgress?.(fraction);
      };
      const data = await port.read({ ...options, onProgress });
      report({ phase: PHASES.analyze, fraction: 0.4 });
      await yieldToBrowser();
      return data;
    },
    async write(plan: WritePlan): Promise<WriteOutcome | void> {
      report({ phase: PHASES.write, fraction: 0.75 });
      await yieldToBrowser();
      const outcome = await port.write(plan);
      report({ phase: 'Klart', fraction: 1 });
      return outcome;
    },
  };
}
