/** A text input that keeps what is typed as a draft and commits it, trimmed, on blur or Enter (a rule's accounts or category). */
import { Input, type InputProps } from '@fluentui/react-components';
import { forwardRef, useEffect, useState } from 'react';

export interface DraftInputProps extends Omit<InputProps, 'value' | 'onChange' | 'defaultValue'> {
  value: string;
  onCommit(text: string): void;
}

export const DraftInput = forwardRef<HTMLInputElement, DraftInputProps>(function DraftInput({ value, onCommit, onBlur, onKeyDown, ...rest }, ref) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    const text = draft.trim();
    if (text !== value) onCommit(text);
    else setDraft(value);
  };
  return (
    <Input
      {...rest}
      ref={ref}
      value={draft}
      onChange={(_, d) => setDraft(d.value)}
      onBlur={(e) => {
        commit();
        onBlur?.(e);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        onKeyDown?.(e);
      }}
    />
  );
});
