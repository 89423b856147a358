/** One run at a time of the report job, with its phases as progress. */
import { useCallback, useState } from 'react';
import type { PlanParts } from '../../report/plan';
import { runReport, type RunResult } from '../../report/run';
import type { ReportSettings } from '../../report/settings';
import type { HostPort, Progress } from '../../workbook/host';
import { withProgress } from '../model/progressPort';
import { flaggedItems, summaryLine, type FlaggedItem } from '../model/results';

export interface Outcome {
  result: RunResult;
  parts: PlanParts;
  flagged: FlaggedItem[];
  summary: string;
}

export interface Runner {
  running: boolean;
  progress: Progress | null;
  outcome: Outcome | null;
  /** An unexpected failure (the host threw), in Swedish. */
  failure: string | null;
  run(settings: ReportSettings, parts: PlanParts): Promise<void>;
}

export function useRunner(host: HostPort, onFinished: () => void): Runner {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const run = useCallback(
    async (settings: ReportSettings, parts: PlanParts) => {
      setRunning(true);
      setFailure(null);
      setOutcome(null);
      try {
        const result = await runReport(withProgress(host, setProgress), settings, parts);
        const flagged = result.written ? flaggedItems(result.model, result.tableRowRefs) : [];
        setOutcome({ result, parts, flagged, summary: summaryLine(result, parts, flagged.length) });
      } catch (err) {
        setFailure(`Körningen avbröts: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        setRunning(false);
        setProgress(null);
        onFinished();
      }
    },
    [host, onFinished],
  );
  return { running, progress, outcome, failure, run };
}
