/**
 * The activity map of ledger extracts (`verksamheter`): code pattern → verksamhet. Without it each
 * Ansvar/Verksamhet value is its own verksamhet. A code is added whole (code and name, checked first);
 * names can be edited in place, codes removed.
 */
import { Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { SettingsInput } from '../../report/settings';
import { activityError, verksamheterProblem, withActivity, withoutActivity } from '../model/settingsModel';
import { DraftInput } from './DraftInput';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyle: 'none' },
  row: { display: 'grid', gridTemplateColumns: '5.5rem minmax(0, 1fr) auto', columnGap: tokens.spacingHorizontalS, alignItems: 'center' },
  code: { overflowWrap: 'anywhere', fontVariantNumeric: 'tabular-nums' },
  input: { width: '100%', minWidth: 0 },
  add: { display: 'grid', gridTemplateColumns: '5.5rem minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, alignItems: 'end' },
  addButton: { gridColumn: '1 / -1', justifySelf: 'start' },
  iconButton: { minWidth: '28px', flexShrink: 0, paddingInline: 0 },
  addError: { margin: 0, color: tokens.colorPaletteRedForeground1 },
});

export interface VerksamheterEditorProps {
  input: SettingsInput;
  onChange(change: (current: SettingsInput) => SettingsInput): void;
}

export function VerksamheterEditor({ input, onChange }: VerksamheterEditorProps) {
  const styles = useStyles();
  const entries = Object.entries(input.verksamheter ?? {});
  const problem = verksamheterProblem(input);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const wrong = activityError(input, code, name);
    setError(wrong);
    if (wrong) return;
    onChange((s) => withActivity(s, code, name));
    setCode('');
    setName('');
  };

  return (
    <section className={styles.section} aria-labelledby="verksamheter-heading" data-testid="verksamheter">
      <h3 id="verksamheter-heading" className={styles.heading}>
        Verksamheter (ansvarskoder)
      </h3>
      <Caption1 as="p" className={styles.intro}>
        {entries.length === 0
          ? 'Varje värde i kolumnen Ansvar/Verksamhet blir en egen verksamhet. Lägg till koder för att samla dem, t.ex. 41 → Grundskola.'
          : 'Koder som inte finns här hamnar under "Ej mappad verksamhet".'}
      </Caption1>
      {problem && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody data-testid="verksamheter-error">{problem.message}</MessageBarBody>
        </MessageBar>
      )}
      {entries.length > 0 && (
        <ul className={styles.list} aria-label="Verksamheter">
          {entries.map(([c, n]) => (
            <li key={c} className={styles.row} data-testid="verksamhet">
              <Caption1 className={styles.code} data-testid="verksamhet-code">
                {c}
              </Caption1>
              <DraftInput size="small" className={styles.input} aria-label={`Verksamhet för kod ${c}`} value={n} onCommit={(text) => text && onChange((s) => withActivity(s, c, text))} />
              <Button size="small" appearance="subtle" className={styles.iconButton} aria-label={`Ta bort kod ${c}`} title="Ta bort" onClick={() => onChange((s) => withoutActivity(s, c))}>
                ✕
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.add}>
        <Field label="Kod" size="small">
          <Input size="small" className={styles.input} placeholder="41" value={code} onChange={(_, d) => setCode(d.value)} onKeyDown={(e) => e.key === 'Enter' && add()} />
        </Field>
        <Field label="Verksamhet" size="small">
          <Input size="small" className={styles.input} placeholder="Grundskola" value={name} onChange={(_, d) => setName(d.value)} onKeyDown={(e) => e.key === 'Enter' && add()} />
        </Field>
        <Button size="small" className={styles.addButton} onClick={add}>
          Lägg till verksamhet
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {error && (
          <Caption1 className={styles.addError} data-testid="verksamhet-add-error">
            {error}
          </Caption1>
        )}
      </div>
    </section>
  );
}
