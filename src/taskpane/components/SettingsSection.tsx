/** The settings stored in the workbook: period, units, sign convention, the two threshold levels, and the account map. */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Caption1, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { Suspense } from 'react';
import { periodText } from '../../core/periodize';
import type { SettingsInput } from '../../report/settings';
import { decimalText, kontoplanProblem, verksamheterProblem, type Built } from '../model/settingsModel';
import { KontoplanSection } from './KontoplanSection';
import { SettingsFields } from './lazyParts';

const useStyles = makeStyles({
  accordion: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  headerText: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', minWidth: 0, paddingBlock: tokens.spacingVerticalXS },
  title: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2 },
});

export interface SettingsSectionProps {
  input: SettingsInput;
  built: Built;
  /** The period length read from the headers, shown with the automatic choice. */
  detectedMonths?: number;
  onChange(change: (current: SettingsInput) => SettingsInput): void;
}

export function SettingsSection({ input, built, detectedMonths, onChange }: SettingsSectionProps) {
  const styles = useStyles();
  // an error in the account or activity map is shown in its own section, not twice
  const mapMessages = [kontoplanProblem(input)?.message, verksamheterProblem(input)?.message];
  const generalError = built.error && !mapMessages.includes(built.error) ? built.error : null;
  const th = built.settings?.defaults?.thresholds;
  const months = input.months !== undefined ? Number(input.months) : undefined;
  const summary = [
    months ? periodText(months) : detectedMonths ? periodText(detectedMonths) : 'perioden enligt rubrikerna',
    `${input.inputUnit ?? 'enligt arket'} → ${input.unit ?? 'tkr'}`,
    `kommentera ${decimalText(th?.comment.amountTkr)} tkr / ${decimalText(th?.comment.percent)} %`,
  ].join(' · ');

  return (
    <section aria-label="Inställningar">
      <Accordion multiple collapsible className={styles.accordion}>
        <AccordionItem value="settings" className={styles.item}>
          <AccordionHeader expandIconPosition="end">
            <span className={styles.headerText}>
              <span className={styles.title}>Inställningar</span>
              <Caption1 className={styles.meta} data-testid="settings-summary">
                {summary}
              </Caption1>
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <Suspense fallback={<Spinner size="tiny" />}>
              <SettingsFields input={input} built={built} detectedMonths={detectedMonths} onChange={onChange} error={generalError} />
            </Suspense>
          </AccordionPanel>
        </AccordionItem>
        <KontoplanSection input={input} onChange={onChange} />
      </Accordion>
    </section>
  );
}
