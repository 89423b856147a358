/** One detected source table: where it is, what kind it is, and (in its panel, loaded when first opened) how it is read. */
import { AccordionHeader, AccordionItem, AccordionPanel, Caption1, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { Suspense } from 'react';
import type { Role } from '../../core/types';
import type { DetectedTable } from '../../report/analyze';
import type { HostPort } from '../../workbook/host';
import type { WorkbookData } from '../../workbook/port';
import type { SettingsInput } from '../../report/settings';
import type { SheetKey } from '../model/settingsModel';
import { KIND_NAMES, count } from '../model/words';
import { TablePanel } from './lazyParts';

const useStyles = makeStyles({
  item: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  headerText: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', minWidth: 0, paddingBlock: tokens.spacingVerticalXS },
  sheet: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2 },
});

export interface TableItemProps {
  host: HostPort;
  table: DetectedTable;
  data: WorkbookData | null;
  /** Errors found in this sheet by the analysis. */
  issues: number;
  /** The sheet's own settings (its entry under `sheets`). */
  own?: SettingsInput;
  onColumn(sheet: string, role: Role, letter: string): void;
  onReset(sheet: string): void;
  onSheetSetting?(sheet: string, key: SheetKey, value: string | boolean | undefined): void;
}

export function TableItem(props: TableItemProps) {
  const styles = useStyles();
  const { table, issues } = props;
  return (
    <AccordionItem value={table.sheet} className={styles.item} data-testid={`table-${table.sheet}`}>
      <AccordionHeader expandIconPosition="end">
        <span className={styles.headerText}>
          <span className={styles.sheet}>{table.sheet}</span>
          <Caption1 className={styles.meta}>
            {KIND_NAMES[table.kind]} · {count(table.dataRows, 'datarad', 'datarader')}
            {issues > 0 && ` · ${count(issues, 'fel', 'fel')}`}
          </Caption1>
        </span>
      </AccordionHeader>
      <AccordionPanel>
        <Suspense fallback={<Spinner size="tiny" />}>
          <TablePanel {...props} />
        </Suspense>
      </AccordionPanel>
    </AccordionItem>
  );
}
