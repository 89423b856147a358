/** One run at a time of the report job, with its phases as progress, cancellable until its write begins. */
import { useCallback, useRef, useState } from 'react';
import type { PlanParts } from '../../report/plan';
import type { RunResult } from '../../report/run';
import type { ReportSettings } from '../../report/settings';
import type { TableCharts } from '../../report/charts';
import type { HostPort, Progress } from '../../workbook/host';
import { withProgress, yieldToBrowser } from '../model/progressPort';
import { failureText } from '../model/failure';
import { flaggedItems, flaggedRows, summaryLine, type FlaggedItem } from '../model/results';

export interface Outcome {
  result: RunResult;
  parts: PlanParts;
  flagged: FlaggedItem[];
  summary: string;
  /** The charts of the run's tables (by the chart setting), for the pane's chart and the Word file. */
  charts: TableCharts[];
}

/** Where a run is: idle, working (cancellable), cancelling (Avbryt was pressed), or writing (no longer cancellable). */
export type RunState = 'idle' | 'working' | 'cancelling' | 'writing';

export interface Runner {
  running: boolean;
  state: RunState;
  progress: Progress | null;
  outcome: Outcome | null;
  /** The last run was cancelled before it wrote anything. */
  cancelled: boolean;
  /** An unexpected failure (the host threw), in Swedish. */
  failure: string | null;
  run(settings: ReportSettings, parts: PlanParts): Promise<void>;
  /** Cancels the run under way, unless it has begun writing. */
  cancel(): void;
}

export function useRunner(host: HostPort, onFinished: () => void): Runner {
  const [state, setState] = useState<RunState>('idle');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  /** The controller of the run under way, dropped when its write begins. */
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(
    async (settings: ReportSettings, parts: PlanParts) => {
      const own = new AbortController();
      controller.current = own;
      setState('working');
      setFailure(null);
      setOutcome(null);
      setCancelled(false);
      try {
        // the writing half of the engine is a chunk of its own, loaded at the first run (issue 12)
        const [{ runReport }, { chartsUnder }] = await Promise.all([import(/* webpackChunkName: "run" */ '../../report/run'), import(/* webpackChunkName: "run" */ '../../report/charts')]);
        const result = await runReport(withProgress(host, setProgress), settings, parts, {
          signal: own.signal,
          pause: yieldToBrowser,
          onWriteStart: () => {
            controller.current = null;
            setState('writing');
          },
        });
        if (result.cancelled) {
          setCancelled(true);
          return;
        }
        const flagged = result.written ? flaggedItems(result.model, result.tableRowRefs) : [];
        const charts = result.written ? result.model.tables.map(chartsUnder(settings, result.model.history)).filter((c): c is TableCharts => c !== undefined) : [];
        setOutcome({ result, parts, flagged, summary: summaryLine(result, parts, flaggedRows(flagged)), charts });
      } catch (err) {
        setFailure(`Körningen avbröts: ${failureText(err)}`);
      } finally {
        if (controller.current === own) controller.current = null;
        setState('idle');
        setProgress(null);
        onFinished();
      }
    },
    [host, onFinished],
  );

  const cancel = useCallback(() => {
    const current = controller.current;
    if (!current || current.signal.aborted) return;
    current.abort();
    setState('cancelling');
  }, []);

  return { running: state !== 'idle', state, progress, outcome, cancelled, failure, run, cancel };
}
