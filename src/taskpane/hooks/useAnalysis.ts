/**
 * The detected source tables: the analysis without writing, redone when settings or the workbook change.
 * The analysis is a chunk of its own (issue 12), loaded from the moment the working view mounts, while
 * the settings and the workbook are read.
 */
import { useEffect, useState } from 'react';
import type { ReportModel } from '../../report/analyze';
import type { ReportSettings } from '../../report/settings';
import type { HostPort } from '../../workbook/host';
import type { WorkbookData } from '../../workbook/port';
import { failureText } from '../model/failure';

export interface Analysis {
  model: ReportModel | null;
  data: WorkbookData | null;
  loading: boolean;
  error: string | null;
}

const loadAnalyze = () => import(/* webpackChunkName: "analyze" */ '../../report/analyze');

export function useAnalysis(host: HostPort, settings: ReportSettings | null, refreshKey: number): Analysis {
  const [state, setState] = useState<Analysis>({ model: null, data: null, loading: true, error: null });
  useEffect(() => void loadAnalyze().catch(() => undefined), []);
  useEffect(() => {
    if (!settings) {
      setState((s) => ({ ...s, loading: false }));
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    Promise.all([host.read(), loadAnalyze()])
      .then(([data, { analyzeWorkbook }]) => {
        const model = analyzeWorkbook(data, settings);
        if (live) setState({ model, data, loading: false, error: null });
      })
      .catch((err: unknown) => {
        if (live) setState({ model: null, data: null, loading: false, error: `Arbetsboken kunde inte läsas: ${failureText(err)}` });
      });
    return () => {
      live = false;
    };
  }, [host, settings, refreshKey]);
  return state;
}
