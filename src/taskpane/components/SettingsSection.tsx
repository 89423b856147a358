/** The settings stored in the workbook: period, units, sign convention, the two threshold levels, and the account map. */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Caption1, Field, makeStyles, MessageBar, MessageBarBody, Select, tokens } from '@fluentui/react-components';
import { periodText } from '../../core/periodize';
import type { SettingsInput } from '../../report/settings';
import { decimalText, kontoplanProblem, MONTH_OPTIONS, numberError, verksamheterProblem, withValue, yearError, type Built, type TopKey } from '../model/settingsModel';
import { KontoplanSection } from './KontoplanSection';
import { TextSetting } from './TextSetting';

const useStyles = makeStyles({
  accordion: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  headerText: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', minWidth: 0, paddingBlock: tokens.spacingVerticalXS },
  title: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2 },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(8.5rem, 1fr))', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, paddingBottom: tokens.spacingVerticalS },
  wide: { gridColumn: '1 / -1', margin: `${tokens.spacingVerticalXS} 0 0`, color: tokens.colorNeutralForeground2 },
});

export interface SettingsSectionProps {
  input: SettingsInput;
  built: Built;
  /** The period length read from the headers, shown with the automatic choice. */
  detectedMonths?: number;
  onChange(change: (current: SettingsInput) => SettingsInput): void;
}

const CONVENTIONS = [
  { value: '', text: 'Avgör automatiskt' },
  { value: 'signed', text: 'Med tecken' },
  { value: 'unsigned', text: 'Utan tecken' },
];

export function SettingsSection({ input, built, detectedMonths, onChange }: SettingsSectionProps) {
  const styles = useStyles();
  // an error in the account or activity map is shown in its own section, not twice
  const mapMessages = [kontoplanProblem(input)?.message, verksamheterProblem(input)?.message];
  const generalError = built.error && !mapMessages.includes(built.error) ? built.error : null;
  const set = (key: TopKey) => (value: string | number | undefined) => onChange((s) => withValue(s, key, value));
  const defaults = built.settings?.defaults;
  const th = defaults?.thresholds;
  const months = input.months !== undefined ? Number(input.months) : undefined;
  const convention = input.convention ?? (input.signed === undefined ? '' : input.signed ? 'signed' : 'unsigned');
  const summary = [
    months ? periodText(months) : detectedMonths ? periodText(detectedMonths) : 'perioden enligt rubrikerna',
    `${input.inputUnit ?? 'enligt arket'} → ${input.unit ?? 'tkr'}`,
    `kommentera ${decimalText(th?.comment.amountTkr)} tkr / ${decimalText(th?.comment.percent)} %`,
  ].join(' · ');

  const select = (key: TopKey, label: string, value: string, options: { value: string; text: string }[]) => (
    <Field label={label} size="small">
      <Select size="small" value={value} onChange={(_, d) => set(key)(key === 'months' && d.value ? Number(d.value) : d.value || undefined)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </Select>
    </Field>
  );

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
            {generalError && (
              <MessageBar intent="error">
                <MessageBarBody>{generalError}</MessageBarBody>
              </MessageBar>
            )}
            <div className={styles.grid}>
              {select('months', 'Perioden', months ? String(months) : '', [{ value: '', text: detectedMonths ? `Enligt rubrikerna (${periodText(detectedMonths)})` : 'Enligt rubrikerna' }, ...MONTH_OPTIONS])}
              <TextSetting label="Rapportår" value={String(built.settings?.year ?? input.year ?? '')} validate={yearError} onCommit={(t) => set('year')(Number(t))} />
              {select('inputUnit', 'Belopp i arken', input.inputUnit ?? '', [
                { value: '', text: 'Enligt arket (annars kr)' },
                { value: 'kr', text: 'kr' },
                { value: 'tkr', text: 'tkr' },
                { value: 'mnkr', text: 'mnkr' },
              ])}
              {select('unit', 'Tabellernas enhet', input.unit ?? '', [
                { value: '', text: 'Enligt arket (annars tkr)' },
                { value: 'tkr', text: 'tkr (heltal)' },
                { value: 'mnkr', text: 'mnkr (en decimal)' },
              ])}
              {select('convention', 'Teckenkonvention', convention, CONVENTIONS)}
              <Caption1 as="p" className={styles.wide}>
                En avvikelse flaggas när beloppet eller procenten nås (räknat utan tecken).
              </Caption1>
              <TextSetting label="Kommentera från" unit="tkr" value={decimalText(th?.comment.amountTkr)} validate={numberError} onCommit={set('thresholdAmount')} testId="threshold-amount" />
              <TextSetting label="Kommentera från, procent" unit="%" value={decimalText(th?.comment.percent)} validate={numberError} onCommit={set('thresholdPercent')} testId="threshold-percent" />
              <TextSetting label="Bevaka från" unit="tkr" value={decimalText(th?.observe.amountTkr)} validate={numberError} onCommit={set('observeAmount')} testId="observe-amount" />
              <TextSetting label="Bevaka från, procent" unit="%" value={decimalText(th?.observe.percent)} validate={numberError} onCommit={set('observePercent')} testId="observe-percent" />
            </div>
          </AccordionPanel>
        </AccordionItem>
        <KontoplanSection input={input} onChange={onChange} />
      </Accordion>
    </section>
  );
}
