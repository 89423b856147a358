/** The source tables found in the workbook, each with its role mapping (editable). */
import { Accordion, Body1, Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { Role } from '../../core/types';
import type { SettingsInput } from '../../report/settings';
import type { HostPort } from '../../workbook/host';
import type { SheetKey } from '../model/settingsModel';
import type { Analysis } from '../hooks/useAnalysis';
import { useSourcesStyles } from './sourcesStyles';
import { TableItem } from './TableItem';

export interface SourceTablesProps {
  host: HostPort;
  /** Move focus to the heading when shown (after the introduction). */
  focusHeading?: boolean;
  analysis: Analysis;
  onColumn(sheet: string, role: Role, letter: string): void;
  onResetColumns(sheet: string): void;
  onRefresh(): void;
  /** The per-sheet settings (`sheets` of the stored settings) and how to change one. */
  sheetSettings?: Record<string, SettingsInput>;
  onSheetSetting?(sheet: string, key: SheetKey, value: string | boolean | undefined): void;
}

export function SourceTables({ host, focusHeading, analysis, onColumn, onResetColumns, onRefresh, sheetSettings, onSheetSetting }: SourceTablesProps) {
  const styles = useSourcesStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) heading.current?.focus();
  }, [focusHeading]);
  const { model, data } = analysis;
  return (
    <section className={styles.section} aria-labelledby="sources-heading" data-testid="sources">
      <div className={styles.head}>
        <h2 id="sources-heading" className={styles.heading} ref={heading} tabIndex={-1}>
          Källtabeller
        </h2>
        <Button size="small" appearance="subtle" onClick={onRefresh} disabled={analysis.loading}>
          Läs om arbetsboken
        </Button>
      </div>
      {analysis.loading && !model && <Spinner size="tiny" label="Läser arbetsboken …" />}
      {analysis.error && (
        <MessageBar intent="error">
          <MessageBarBody>{analysis.error}</MessageBarBody>
        </MessageBar>
      )}
      {model && model.detected.length === 0 && <Body1>Ingen flik med budget-, prognos- eller utfallskolumner hittades.</Body1>}
      {model && model.detected.length > 0 && (
        <Accordion multiple collapsible className={styles.accordion}>
          {model.detected.map((table) => (
            <TableItem
              key={table.sheet}
              host={host}
              table={table}
              data={data}
              issues={model.issues.filter((i) => i.sheet === table.sheet && i.severity === 'error').length}
              own={sheetSettings?.[table.sheet]}
              onColumn={onColumn}
              onReset={onResetColumns}
              onSheetSetting={onSheetSetting}
            />
          ))}
        </Accordion>
      )}
    </section>
  );
}
