/** Inside a source table's panel (see TableItem; a chunk of its own): where its data is, how its amounts are read, and its columns. */
import { Badge, Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { Role } from '../../core/types';
import type { DetectedTable } from '../../report/analyze';
import type { TableItemProps } from './TableItem';
import { columnOptions, firstColumn } from '../model/settingsModel';
import { SheetReading } from './SheetReading';
import { ROLES_OF_KIND } from '../model/words';
import { RoleRow } from './RoleRow';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  note: { color: tokens.colorNeutralForeground2 },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  roles: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyle: 'none' },
  message: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** The roles to list: the kind's usual ones, then any other role detection found. */
function rolesOf(table: DetectedTable): Role[] {
  const base = ROLES_OF_KIND[table.kind];
  const extra = (Object.keys(table.columns) as Role[]).filter((r) => !base.includes(r));
  return [...base, ...extra];
}

export function TablePanel({ host, table, data, own, onColumn, onReset, onSheetSetting }: TableItemProps) {
  const styles = useStyles();
  const [message, setMessage] = useState<string | null>(null);
  const options = columnOptions(data, table);

  const takeSelection = useCallback(
    async (role: Role) => {
      const sel = await host.getSelection();
      const letter = sel ? firstColumn(sel.address) : null;
      if (!sel || !letter) return setMessage('Markera först en cell i kolumnen.');
      if (sel.sheet !== table.sheet) return setMessage(`Markeringen är på fliken ${sel.sheet}. Markera en cell på fliken ${table.sheet}.`);
      setMessage(null);
      onColumn(table.sheet, role, letter);
    },
    [host, table.sheet, onColumn],
  );

  return (
    <div className={styles.panel}>
      <div className={styles.line}>
        <Text size={200}>
          Rubrikrad {table.headerRow}, data från rad {table.firstDataRow}
        </Text>
        {table.overridden && (
          <>
            <Badge appearance="outline" color="brand">
              Egna kolumnval
            </Badge>
            <Button size="small" appearance="transparent" onClick={() => onReset(table.sheet)}>
              Återställ
            </Button>
          </>
        )}
      </div>
      {table.conventionNote && <Caption1 className={styles.note}>{table.conventionNote}</Caption1>}
      {onSheetSetting && <SheetReading sheet={table.sheet} own={own} assumptions={table.assumptions ?? []} onChange={(key, value) => onSheetSetting(table.sheet, key, value)} />}
      <ul className={styles.roles} aria-label={`Kolumner i ${table.sheet}`}>
        {rolesOf(table).map((role) => (
          <RoleRow key={role} sheet={table.sheet} role={role} letter={table.columns[role]} options={options} onChange={(letter) => onColumn(table.sheet, role, letter)} onUseSelection={() => void takeSelection(role)} />
        ))}
      </ul>
      <div role="status" aria-live="polite">
        {message && (
          <Caption1 className={styles.message} data-testid="selection-message">
            {message}
          </Caption1>
        )}
      </div>
    </div>
  );
}
