/**
 * One run of the job against any workbook port: read, analyse, plan, and write only when all is well.
 * A run can be cancelled until its write begins, never during it, so a table is never half-written.
 */
import type { InputIssue, TableRow } from '../core/types';
import type { RangeRef } from '../workbook/host';
import type { WorkbookData, WorkbookPort } from '../workbook/port';
import { cellCount } from '../workbook/columnWrite';
import { analyzeWorkbook, noTablesIssues, type ReportModel } from './analyze';
import { planReport, type PlanParts } from './plan';
import type { ReportSettings } from './settings';
import { applyYearSeries } from './yearSeries';

export interface RunResult {
  cancelled: false;
  model: ReportModel;
  issues: InputIssue[];
  notes: string[];
  written: boolean;
  cellsWritten: number;
  /** Where each table row was written (empty when nothing was written). */
  tableRowRefs: Map<TableRow, RangeRef>;
}

/**
 * The stage a cancelled run stopped before: `read` (before the read, or while it was under way: the
 * read is abandoned), `analyze` (read, not analysed) or `write` (analysed and planned, not written).
 */
export type CancelledStage = 'read' | 'analyze' | 'write';

/** A run that was cancelled: nothing was written. */
export interface CancelledRun {
  cancelled: true;
  written: false;
  stage: CancelledStage;
}

/** A pause between two stages, after which the signal is checked again. */
export type RunPause = (after: 'read' | 'plan') => Promise<void> | void;

export interface RunOptions {
  /**
   * Cancels the run, cooperatively: it is checked before the read, while the read is under way (and
   * passed to the port, whose read may stop between its round trips), after it, and after analysis and
   * planning. Once `port.write` has begun the run is no longer cancellable.
   */
  signal?: AbortSignal;
  /**
   * Awaited after the read and after planning, before the signal is checked: the task pane yields to
   * the browser here, so that a click on Avbryt can land between the stages.
   */
  pause?: RunPause;
  /** Called just before `port.write` begins: from here on the run cannot be cancelled. */
  onWriteStart?(): void;
  /** The share of the workbook read so far (0–1), from ports that read in several round trips. */
  onReadProgress?: (fraction: number) => void;
  /** The last period's workbook (`--previous`): its forecasts are the change's starting point. */
  previous?: WorkbookData;
}

/**
 * Whichever comes first: the read, or the signal (then `null`; the read's late outcome is dropped).
 * The port gets the signal too, so that a read in several round trips stops queuing more.
 */
function readUnlessAborted(port: WorkbookPort, signal: AbortSignal | undefined, onProgress: ((fraction: number) => void) | undefined): Promise<WorkbookData | null> {
  const reading = port.read({ signal, onProgress });
  if (!signal) return reading;
  return new Promise((resolve, reject) => {
    const abort = () => resolve(null);
    signal.addEventListener('abort', abort, { once: true });
    reading.then(
      (data) => {
        signal.removeEventListener('abort', abort);
        resolve(data);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(err);
      },
    );
  });
}

export function runReport(port: WorkbookPort, settings: ReportSettings, parts?: PlanParts): Promise<RunResult>;
export function runReport(port: WorkbookPort, settings: ReportSettings, parts: PlanParts | undefined, options: RunOptions): Promise<RunResult | CancelledRun>;
export async function runReport(port: WorkbookPort, settings: ReportSettings, parts?: PlanParts, options: RunOptions = {}): Promise<RunResult | CancelledRun> {
  const { signal, pause } = options;
  const cancelled = (stage: CancelledStage): CancelledRun => ({ cancelled: true, written: false, stage });
  if (signal?.aborted) return cancelled('read');
  let data = await readUnlessAborted(port, signal, options.onReadProgress);
  if (data === null) return cancelled('read');
  await pause?.('read');
  if (signal?.aborted) return cancelled('analyze');

  const model = analyzeWorkbook(data, settings);
  applyYearSeries(model, data, settings, options.previous);
  const { plan, issues: planIssues, notes, tableRowRefs } = planReport(data, model, settings, parts);
  data = null; // the grids are not needed to write: a million-row sheet's are hundreds of MB
  const issues = [...model.issues, ...planIssues];
  const errors = issues.filter((i) => i.severity === 'error');
  const result: RunResult = { cancelled: false, model, issues, notes: [...model.notes, ...notes], written: false, cellsWritten: 0, tableRowRefs: new Map() };
  if (errors.length > 0) return result;
  if (model.tables.length === 0 && plan.cellWrites.length === 0) {
    result.issues.push(...noTablesIssues(model));
    return result;
  }
  await pause?.('plan');
  if (signal?.aborted) return cancelled('write');

  // the point of no return: the write is all or nothing, so the signal is not looked at again
  options.onWriteStart?.();
  const outcome = await port.write(plan);
  result.written = true;
  if (outcome) result.notes.push(...outcome.notes);
  result.tableRowRefs = tableRowRefs;
  result.cellsWritten = plan.cellWrites.reduce((n, w) => n + cellCount(w), 0);
  return result;
}
