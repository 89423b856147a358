/** The fields of Inställningar (inside its panel; a chunk of its own, loaded when the panel first opens). */
import { Caption1, Field, makeStyles, MessageBar, MessageBarBody, Select, tokens } from '@fluentui/react-components';
import { periodText } from '../../core/periodize';
import type { SettingsInput } from '../../report/settings';
import { decimalText, MONTH_OPTIONS, numberError, withValue, yearError, type Built, type TopKey } from '../model/settingsModel';
import { TextSetting } from './TextSetting';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(8.5rem, 1fr))', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, paddingBottom: tokens.spacingVerticalS },
  wide: { gridColumn: '1 / -1', margin: `${tokens.spacingVerticalXS} 0 0`, color: tokens.colorNeutralForeground2 },
});

export interface SettingsFieldsProps {
  input: SettingsInput;
  built: Built;
  detectedMonths?: number;
  onChange(change: (current: SettingsInput) => SettingsInput): void;
  /** A settings error not shown elsewhere. */
  error: string | null;
}

const CONVENTIONS = [
  { value: '', text: 'Avgör automatiskt' },
  { value: 'signed', text: 'Med tecken' },
  { value: 'unsigned', text: 'Utan tecken' },
];

export function SettingsFields({ input, built, detectedMonths, onChange, error }: SettingsFieldsProps) {
  const styles = useStyles();
  const set = (key: TopKey) => (value: string | number | undefined) => onChange((s) => withValue(s, key, value));
  const th = built.settings?.defaults?.thresholds;
  const months = input.months !== undefined ? Number(input.months) : undefined;
  const convention = input.convention ?? (input.signed === undefined ? '' : input.signed ? 'signed' : 'unsigned');

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
    <>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
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
    </>
  );
}
