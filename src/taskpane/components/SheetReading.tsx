/**
 * How one source table is read, where its layout leaves room for doubt: the assumptions the engine made
 * (each a Swedish sentence) and the per-sheet settings that override them — the same keys as a sheet's
 * entry in `--config`.
 */
import { Caption1, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { SettingsInput } from '../../report/settings';
import type { SheetKey } from '../model/settingsModel';

const useStyles = makeStyles({
  notes: { display: 'flex', flexDirection: 'column', gap: '2px', margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(8.5rem, 1fr))', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}` },
});

type Options = { value: string; text: string }[];

const AUTO = { value: '', text: 'Avgör automatiskt' };
const CHOICES: { key: SheetKey; label: string; options: Options }[] = [
  {
    key: 'kind',
    label: 'Tabellen är',
    options: [
      AUTO,
      { value: 'drift', text: 'Driftredovisning' },
      { value: 'nettokostnad', text: 'Nettokostnad per verksamhet' },
      { value: 'resultatrakning', text: 'Resultaträkning' },
      { value: 'balansrakning', text: 'Balansräkning' },
      { value: 'investeringar', text: 'Investeringar' },
      { value: 'portfolj', text: 'Projektportfölj' },
    ],
  },
  { key: 'inputUnit', label: 'Belopp i fliken', options: [{ value: '', text: 'Enligt fliken' }, { value: 'kr', text: 'kr' }, { value: 'tkr', text: 'tkr' }, { value: 'mnkr', text: 'mnkr' }] },
  { key: 'annual', label: 'Utfallet avser', options: [AUTO, { value: 'true', text: 'Helåret' }, { value: 'false', text: 'Perioden' }] },
  { key: 'periodBudget', label: 'Periodens budget', options: [{ value: '', text: 'Beräkna när den saknas' }, { value: 'false', text: 'Beräkna inte' }] },
  { key: 'headingTotals', label: 'Rubrikrader', options: [AUTO, { value: 'true', text: 'Bär gruppens summa' }, { value: 'false', text: 'Lämnas tomma' }] },
  { key: 'charts', label: 'Diagram', options: [{ value: '', text: 'Enligt tabelltyp' }, { value: 'true', text: 'Ritas' }, { value: 'false', text: 'Ritas inte' }] },
];

export interface SheetReadingProps {
  sheet: string;
  /** The sheet's own settings (its entry under `sheets`). */
  own: SettingsInput | undefined;
  /** What the reader assumed, one sentence each. */
  assumptions: string[];
  onChange(key: SheetKey, value: string | boolean | undefined): void;
}

const shown = (v: unknown): string => (v === undefined ? '' : String(v));

export function SheetReading({ sheet, own, assumptions, onChange }: SheetReadingProps) {
  const styles = useStyles();
  return (
    <section aria-label={`Så läses ${sheet}`} data-testid={`reading-${sheet}`}>
      {assumptions.length > 0 && (
        <ul className={styles.notes}>
          {assumptions.map((a) => (
            <li key={a}>
              <Caption1>{a}</Caption1>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.grid}>
        {CHOICES.map((c) => (
          <Field key={c.key} label={c.label} size="small">
            <Select size="small" value={shown(own?.[c.key])} data-setting={c.key} onChange={(_, d) => onChange(c.key, d.value === '' ? undefined : d.value === 'true' ? true : d.value === 'false' ? false : d.value)}>
              {c.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.text}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
    </section>
  );
}
