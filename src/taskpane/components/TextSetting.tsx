/** A text field that commits on blur or Enter, after validation (thresholds, the year). */
import { Field, Input, makeStyles } from '@fluentui/react-components';
import { useEffect, useState } from 'react';

const useStyles = makeStyles({ input: { width: '100%', minWidth: 0 } });

export interface TextSettingProps {
  label: string;
  /** The effective value as shown (`1 000`). */
  value: string;
  /** Unit after the input (`tkr`, `%`). */
  unit?: string;
  hint?: string;
  validate(text: string): string | null;
  onCommit(text: string): void;
  testId?: string;
}

export function TextSetting({ label, value, unit, hint, validate, onCommit, testId }: TextSettingProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(value), [value]);

  const commit = () => {
    const problem = validate(draft);
    setError(problem);
    if (!problem && draft.trim() !== value) onCommit(draft.trim());
  };
  return (
    <Field label={label} hint={hint} validationState={error ? 'error' : 'none'} validationMessage={error ?? undefined} size="small">
      <Input
        className={styles.input}
        size="small"
        inputMode="decimal"
        value={draft}
        contentAfter={unit}
        data-testid={testId}
        onChange={(_, d) => setDraft(d.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </Field>
  );
}
