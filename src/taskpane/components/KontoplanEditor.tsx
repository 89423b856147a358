/**
 * The account map's editor, inside its panel (see KontoplanSection; a chunk of its own, loaded when the
 * panel first opens): the rules in effect (the Kommun-Bas default until one is changed), each with its
 * accounts, category and type, in the row order of the driftredovisning; and the activity map below it.
 */
import { Badge, Button, Caption1, makeStyles, mergeClasses, MessageBar, MessageBarBody, Select, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { AccountRuleInput } from '../../core/accountMap';
import type { SettingsInput } from '../../report/settings';
import { kontoplanOf, kontoplanProblem, moveRule, typChoice, withNewRule, withoutRule, withRule, withStandardKontoplan } from '../model/settingsModel';
import { DraftInput } from './DraftInput';
import { VerksamheterEditor } from './VerksamheterEditor';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalM },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  rules: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyle: 'none' },
  /* number | konton | kategori, then the type and the buttons under konton and kategori */
  grid: { display: 'grid', gridTemplateColumns: '1.25rem 5.5rem minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, alignItems: 'center' },
  columns: { color: tokens.colorNeutralForeground2 },
  rule: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  ruleError: { border: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteRedBorder2}` },
  number: { color: tokens.colorNeutralForeground2, textAlign: 'right' },
  input: { width: '100%', minWidth: 0 },
  second: { gridColumn: '2 / -1', display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  typ: { flex: '1 1 auto', minWidth: 0 },
  iconButton: { minWidth: '28px', flexShrink: 0, paddingInline: 0 },
});

export interface KontoplanEditorProps {
  input: SettingsInput;
  onChange(change: (current: SettingsInput) => SettingsInput): void;
}

const ERROR_ID = 'kontoplan-error';

/** Which control to focus after a change: a moved rule follows its button, a new rule gets its accounts field. */
type Focus = { rule: number; control: 'up' | 'down' | 'konton' } | null;

export function KontoplanEditor({ input, onChange }: KontoplanEditorProps) {
  const styles = useStyles();
  const { rules, standard } = kontoplanOf(input);
  const problem = kontoplanProblem(input);
  const list = useRef<HTMLOListElement>(null);
  const [focus, setFocus] = useState<Focus>(null);
  useEffect(() => {
    if (!focus || !list.current) return;
    const rule = list.current.querySelector(`[data-rule="${focus.rule}"]`);
    const wanted = rule?.querySelector<HTMLElement>(`[data-control="${focus.control}"]:not(:disabled)`);
    (wanted ?? rule?.querySelector<HTMLElement>('[data-control="up"]:not(:disabled), [data-control="down"]:not(:disabled)'))?.focus();
    setFocus(null);
  }, [focus]);

  const move = (i: number, step: -1 | 1) => {
    onChange((s) => moveRule(s, i, step));
    setFocus({ rule: i + step, control: step < 0 ? 'up' : 'down' });
  };
  const add = () => {
    onChange(withNewRule);
    setFocus({ rule: rules.length, control: 'konton' });
  };

  return (
    <div className={styles.panel}>
      <Caption1 as="p" className={styles.intro}>
        Så summeras kontona i ett huvudboksutdrag till driftredovisningens rader. Den mest specifika regeln gäller (4010-4099 före 4); ordningen här är radordningen i tabellen.
      </Caption1>
      <div className={styles.line}>
        <Badge appearance={standard ? 'tint' : 'outline'} color={standard ? 'informative' : 'brand'} data-testid="kontoplan-badge">
          {standard ? 'Standard (Kommun-Bas)' : 'Egen kontoplan'}
        </Badge>
        <Button size="small" appearance="transparent" disabled={standard} onClick={() => onChange(withStandardKontoplan)}>
          Återställ standard
        </Button>
      </div>
      {problem && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody id={ERROR_ID} data-testid="kontoplan-error">{problem.message}</MessageBarBody>
        </MessageBar>
      )}
      <Caption1 className={mergeClasses(styles.grid, styles.columns)} aria-hidden>
        <span />
        <span>Konton</span>
        <span>Kategori (rad i tabellen)</span>
      </Caption1>
      <ol className={styles.rules} ref={list} aria-label="Regler i kontoplanen">
        {rules.map((rule, i) => (
          <RuleRow key={i} rule={rule} index={i} count={rules.length} invalid={problem?.rule === i} onChange={onChange} onMove={move} />
        ))}
      </ol>
      <div className={styles.line}>
        <Button size="small" onClick={add}>
          Lägg till regel
        </Button>
      </div>
      <VerksamheterEditor input={input} onChange={onChange} />
    </div>
  );
}

interface RuleRowProps {
  rule: AccountRuleInput;
  index: number;
  count: number;
  invalid: boolean;
  onChange(change: (current: SettingsInput) => SettingsInput): void;
  onMove(index: number, step: -1 | 1): void;
}

function RuleRow({ rule, index: i, count: total, invalid, onChange, onMove }: RuleRowProps) {
  const styles = useStyles();
  const n = i + 1;
  const typ = typChoice(rule.typ);
  const set = (change: Partial<AccountRuleInput>) => onChange((s) => withRule(s, i, change));
  // the fields of the rule the error names point at the message
  const error = invalid ? { 'aria-invalid': true, 'aria-describedby': ERROR_ID } : {};
  return (
    <li className={mergeClasses(styles.rule, invalid && styles.ruleError)} data-testid="kontoplan-rule" data-rule={i} data-invalid={invalid || undefined}>
      <div className={styles.grid}>
        <Caption1 className={styles.number}>{n}</Caption1>
        <DraftInput size="small" className={styles.input} aria-label={`Konton, regel ${n}`} placeholder="60-63" value={rule.konton} {...error} data-control="konton" onCommit={(konton) => set({ konton })} />
        <DraftInput size="small" className={styles.input} aria-label={`Kategori, regel ${n}`} placeholder="Lokaler" title={rule.kategori || undefined} value={rule.kategori} {...error} onCommit={(kategori) => set({ kategori })} />
        <span className={styles.second}>
          <Select size="small" className={styles.typ} aria-label={`Typ, regel ${n}`} value={typ} {...error} onChange={(_, d) => set({ typ: d.value })}>
            <option value="">Enligt kontoklass</option>
            <option value="Intäkt">Intäkt</option>
            <option value="Kostnad">Kostnad</option>
            {typ !== '' && typ !== 'Intäkt' && typ !== 'Kostnad' && <option value={typ}>{typ}</option>}
          </Select>
          <Button size="small" appearance="subtle" className={styles.iconButton} aria-label={`Flytta upp regel ${n}`} title="Flytta upp" disabled={i === 0} data-control="up" onClick={() => onMove(i, -1)}>
            ↑
          </Button>
          <Button size="small" appearance="subtle" className={styles.iconButton} aria-label={`Flytta ned regel ${n}`} title="Flytta ned" disabled={i === total - 1} data-control="down" onClick={() => onMove(i, 1)}>
            ↓
          </Button>
          <Button size="small" appearance="subtle" className={styles.iconButton} aria-label={`Ta bort regel ${n}`} title="Ta bort" disabled={total === 1} onClick={() => onChange((s) => withoutRule(s, i))}>
            ✕
          </Button>
        </span>
      </div>
    </li>
  );
}
