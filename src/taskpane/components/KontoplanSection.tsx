/**
 * The account map (kontoplan) of ledger extracts, as a setting: its item in the settings, with a line
 * saying which map is in effect; the editor inside loads when the panel first opens (KontoplanEditor).
 */
import { AccordionHeader, AccordionItem, AccordionPanel, Caption1, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { Suspense } from 'react';
import type { SettingsInput } from '../../report/settings';
import { kontoplanOf, kontoplanProblem } from '../model/settingsModel';
import { count } from '../model/words';
import { KontoplanEditor } from './lazyParts';

const useStyles = makeStyles({
  item: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  headerText: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', minWidth: 0, paddingBlock: tokens.spacingVerticalXS },
  title: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2 },
  metaError: { color: tokens.colorPaletteRedForeground1 },
});

export interface KontoplanSectionProps {
  input: SettingsInput;
  onChange(change: (current: SettingsInput) => SettingsInput): void;
}

export function KontoplanSection({ input, onChange }: KontoplanSectionProps) {
  const styles = useStyles();
  const { rules, standard } = kontoplanOf(input);
  const problem = kontoplanProblem(input);
  const status = `${standard ? 'Standard (Kommun-Bas)' : 'Egen kontoplan'} · ${count(rules.length, 'regel', 'regler')}${problem ? ' · fel' : ''}`;
  return (
    <AccordionItem value="kontoplan" className={styles.item} data-testid="kontoplan">
      <AccordionHeader expandIconPosition="end">
        <span className={styles.headerText}>
          <span className={styles.title}>Kontoplan (huvudboksutdrag)</span>
          <Caption1 className={problem ? styles.metaError : styles.meta} data-testid="kontoplan-summary">
            {status}
          </Caption1>
        </span>
      </AccordionHeader>
      <AccordionPanel>
        <Suspense fallback={<Spinner size="tiny" />}>
          <KontoplanEditor input={input} onChange={onChange} />
        </Suspense>
      </AccordionPanel>
    </AccordionItem>
  );
}
