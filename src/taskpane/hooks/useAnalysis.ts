/** The detected source tables: the analysis without writing, redone when settings or the workbook change. */
import { useEffect, useState } from 'react';
import { analyzeWorkbook, type ReportModel } from '../../report/analyze';
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

export function useAnalysis(host: HostPort, settings: ReportSettings | null, refreshKey: number): Analysis {
  const [state, setState] = useState<Analysis>({ model: null, data: null, loading: true, error: null });
  useEffect(() => {
    if (!settings) {
      setState((s) => ({ ...s, loading: false }));
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    host
      .read()
      .then((data) => {
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
