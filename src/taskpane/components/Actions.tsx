/** The primary action, the two partial ones, and the progress of a run with its Avbryt button. */
import { Button, Caption1, makeStyles, ProgressBar, Spinner, tokens } from '@fluentui/react-components';
import type { PlanParts } from '../../report/plan';
import type { Progress } from '../../workbook/host';
import type { RunState } from '../hooks/useRunner';
import { ALL_PARTS, COMMENTS_ONLY, FILL_ONLY } from '../model/results';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  primary: { width: '100%' },
  secondary: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  secondaryButton: { flex: '1 1 9rem', minWidth: 0 },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minHeight: '0' },
  status: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  phase: { flex: '1 1 10rem', minWidth: 0 },
  cancel: { flexShrink: 0 },
  blocked: { color: tokens.colorPaletteRedForeground1 },
});

/** The Avbryt button's label: it cannot stop a write that has begun, so it says what is happening then. */
const CANCEL_LABELS: Record<RunState, string> = { idle: 'Avbryt', working: 'Avbryt', cancelling: 'Avbryter …', writing: 'Skriver …' };

export interface ActionsProps {
  disabled: boolean;
  /** Why no run can start (an error in the settings), shown under the buttons. */
  blocked?: string | null;
  state: RunState;
  progress: Progress | null;
  onRun(parts: PlanParts): void;
  onCancel(): void;
}

export function Actions({ disabled, blocked, state, progress, onRun, onCancel }: ActionsProps) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label="Åtgärder">
      <Button appearance="primary" size="large" className={styles.primary} disabled={disabled} onClick={() => onRun(ALL_PARTS)}>
        Beräkna och skriv tabeller
      </Button>
      <div className={styles.secondary}>
        <Button className={styles.secondaryButton} disabled={disabled} onClick={() => onRun(FILL_ONLY)}>
          Fyll bara avvikelsekolumner
        </Button>
        <Button className={styles.secondaryButton} disabled={disabled} onClick={() => onRun(COMMENTS_ONLY)}>
          Skriv bara kommentarsutkast
        </Button>
      </div>
      {blocked && (
        <Caption1 className={styles.blocked} data-testid="run-blocked">
          Inställningarna har ett fel och måste rättas före körningen: {blocked}
        </Caption1>
      )}
      <div className={styles.progress} role="status" aria-live="polite" data-testid="progress">
        {state !== 'idle' && (
          <>
            <div className={styles.status}>
              <Spinner className={styles.phase} size="tiny" labelPosition="after" label={progress?.phase ?? 'Startar …'} />
              <Button
                className={styles.cancel}
                size="small"
                appearance="secondary"
                disabled={state !== 'working'}
                title={state === 'writing' ? 'Skrivningen går inte att avbryta: den görs hel eller inte alls.' : undefined}
                onClick={onCancel}
                data-testid="cancel-run"
              >
                {CANCEL_LABELS[state]}
              </Button>
            </div>
            <ProgressBar value={progress?.fraction} thickness="medium" aria-label="Förlopp" />
          </>
        )}
      </div>
    </section>
  );
}
