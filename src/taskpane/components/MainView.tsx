/** The working view: source tables, settings, the actions, what the last run did, and the audit of typed tables. */
import { makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { Suspense, useCallback, useEffect, useState } from 'react';
import type { Role } from '../../core/types';
import type { PlanParts } from '../../report/plan';
import type { HostPort } from '../../workbook/host';
import { useAnalysis } from '../hooks/useAnalysis';
import { usePaneSettings } from '../hooks/usePaneSettings';
import { useRunner } from '../hooks/useRunner';
import { withColumn, withoutColumns, withSheetValue, type SheetKey } from '../model/settingsModel';
import { Actions } from './Actions';
import { AuditPanel, firstViewSettled, preloadParts, Results, whenIdle } from './lazyParts';
import { SettingsSection } from './SettingsSection';
import { SourceTables } from './SourceTables';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

export function MainView({ host, focusHeading = false }: { host: HostPort; focusHeading?: boolean }) {
  const styles = useStyles();
  const settings = usePaneSettings(host);
  const [refreshKey, setRefreshKey] = useState(0);
  const refresh = useCallback(() => setRefreshKey((k) => k + 1), []);
  const built = settings.built;
  const analysis = useAnalysis(host, built?.settings ?? null, refreshKey);
  const runner = useRunner(host, refresh);
  const { update } = settings;
  // the other parts load once the workbook is analysed (or cannot be, the settings being wrong), so they
  // do not compete with the first view
  const analysed = !!built && (analysis.model !== null || analysis.error !== null || !built.settings);
  useEffect(() => {
    if (!analysed) return;
    firstViewSettled();
    return whenIdle(preloadParts);
  }, [analysed]);

  const setColumn = useCallback((sheet: string, role: Role, letter: string) => update((s) => withColumn(s, sheet, role, letter)), [update]);
  const resetColumns = useCallback((sheet: string) => update((s) => withoutColumns(s, sheet)), [update]);
  const setSheetValue = useCallback((sheet: string, key: SheetKey, value: string | boolean | undefined) => update((s) => withSheetValue(s, sheet, key, value)), [update]);
  const run = useCallback(
    (parts: PlanParts) => {
      if (built?.settings) void runner.run(built.settings, parts);
    },
    [built, runner],
  );

  // the source tables' heading shows at once (the first view); what needs the settings waits for them
  return (
    <div className={styles.view}>
      {settings.storageError && (
        <MessageBar intent="warning">
          <MessageBarBody>{settings.storageError}</MessageBarBody>
        </MessageBar>
      )}
      <SourceTables host={host} focusHeading={focusHeading} analysis={built ? analysis : { ...analysis, loading: false }} onColumn={setColumn} onResetColumns={resetColumns} onRefresh={refresh} sheetSettings={settings.input?.sheets} onSheetSetting={setSheetValue} />
      {settings.input && built ? (
        <>
          <SettingsSection input={settings.input} built={built} detectedMonths={analysis.model?.detected.find((d) => d.months)?.months} onChange={update} />
          <Actions disabled={!built.settings || runner.running} blocked={built.error} state={runner.state} progress={runner.progress} onRun={run} onCancel={runner.cancel} />
        </>
      ) : (
        <Spinner size="small" label="Läser inställningarna …" />
      )}
      {/* parts of their own (lazyParts): the results once there are any, the audit once the workbook is analysed */}
      <Suspense fallback={null}>
        {(runner.outcome || runner.cancelled || runner.failure) && <Results host={host} outcome={runner.outcome} cancelled={runner.cancelled} failure={runner.failure} />}
        {analysed && <AuditPanel host={host} />}
      </Suspense>
    </div>
  );
}
