/** One column role of a source table: its column (a dropdown) and "Använd markering". */
import { Button, Label, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { Role } from '../../core/types';
import type { ColumnOption } from '../model/settingsModel';
import { ROLE_NAMES } from '../model/words';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: '2px' },
  label: { flex: '1 1 7rem', minWidth: 0 },
  /* wraps under the label when the pane is narrow; never narrower than its content */
  controls: { flex: '1 1 15rem', display: 'flex', gap: tokens.spacingHorizontalXS },
  select: { flex: '1 1 auto', minWidth: '5rem' },
  button: { flexShrink: 0, minWidth: 'auto' },
});

export interface RoleRowProps {
  sheet: string;
  role: Role;
  letter: string | undefined;
  options: ColumnOption[];
  onChange(letter: string): void;
  onUseSelection(): void;
}

export function RoleRow({ sheet, role, letter, options, onChange, onUseSelection }: RoleRowProps) {
  const styles = useStyles();
  const id = useId();
  const name = ROLE_NAMES[role];
  return (
    <li className={styles.row} data-role={role} data-sheet={sheet}>
      <Label htmlFor={id} size="small" className={styles.label}>
        {name}
      </Label>
      <span className={styles.controls}>
        <Select id={id} size="small" className={styles.select} value={letter ?? ''} onChange={(_, d) => d.value && onChange(d.value)}>
          {!letter && <option value="">– saknas –</option>}
          {options.map((o) => (
            <option key={o.letter} value={o.letter}>
              {o.text}
            </option>
          ))}
        </Select>
        <Button size="small" className={styles.button} onClick={onUseSelection} aria-label={`Använd markering för ${name}`}>
          Använd markering
        </Button>
      </span>
    </li>
  );
}
