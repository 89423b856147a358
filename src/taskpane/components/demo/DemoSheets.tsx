/**
 * Demo mode: the in-memory sample workbook, so a visitor sees what Avvikelse writes. The values of the
 * user's own sheets can be edited; the avvikelse formulas and flags then follow, without a new run.
 */
import { Caption1, makeStyles, Subtitle2, Tab, TabList, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { RawValue } from '../../../core/types';
import type { DemoWorkbook } from '../../../demo/demoWorkbook';
import { SheetTable } from './SheetTable';

const useStyles = makeStyles({
  section: { boxSizing: 'border-box', padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
  tabs: { flexWrap: 'wrap' },
});

export function DemoSheets({ workbook }: { workbook: DemoWorkbook }) {
  const styles = useStyles();
  const subscribe = useCallback((listener: () => void) => workbook.subscribe(listener), [workbook]);
  const version = useSyncExternalStore(subscribe, () => workbook.version);
  const selection = workbook.selection;
  const [tab, setTab] = useState(workbook.sheets[0]?.name ?? '');

  useEffect(() => {
    if (selection && workbook.sheet(selection.sheet)) setTab(selection.sheet);
  }, [selection, workbook]);

  const sheet = workbook.sheet(tab) ?? workbook.sheets[0];
  const sheetName = sheet?.name ?? '';
  const flagAt = useCallback((row: number, col: number) => workbook.flagAt(sheetName, row, col), [workbook, sheetName]);
  const noteAt = useCallback((row: number, col: number) => workbook.noteAt(sheetName, row, col), [workbook, sheetName]);
  const onEdit = useCallback((row: number, col: number, value: RawValue) => workbook.setCell(sheetName, row, col, value), [workbook, sheetName]);
  if (!sheet) return null;
  return (
    <section className={styles.section} aria-labelledby="demo-sheets-heading" data-testid="demo-sheets">
      <Subtitle2 as="h2" id="demo-sheets-heading" className={styles.heading}>
        Exempelarbetsboken
      </Subtitle2>
      <Caption1 className={styles.hint}>
        Arbetsboken i minnet. Klicka på en cell för att markera den (för Använd markering). Dubbelklicka på ett värde, eller markera det och tryck Enter, för att ändra det:
        avvikelseformlerna och flaggorna räknas om direkt, som i Excel.
      </Caption1>
      <TabList className={styles.tabs} size="small" selectedValue={sheet.name} onTabSelect={(_, d) => setTab(String(d.value))} aria-label="Flikar">
        {workbook.sheets.map((s) => (
          <Tab key={s.name} value={s.name} data-testid={`sheet-tab-${s.name}`}>
            {s.name}
          </Tab>
        ))}
      </TabList>
      <SheetTable
        key={sheet.name}
        sheet={sheet}
        version={version}
        selection={selection?.sheet === sheet.name ? selection.address : null}
        onSelect={(address) => workbook.selectByUser({ sheet: sheet.name, address })}
        flagAt={flagAt}
        noteAt={noteAt}
        onEdit={sheet.output ? undefined : onEdit}
      />
    </section>
  );
}
