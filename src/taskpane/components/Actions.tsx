/** The primary action, the two partial ones, and the progress of a run. */
import { Button, makeStyles, ProgressBar, Spinner, tokens } from '@fluentui/react-components';
import type { PlanParts } from '../../report/plan';
import type { Progress } from '../../workbook/host';
import { ALL_PARTS, COMMENTS_ONLY, FILL_ONLY } from '../model/results';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  primary: { width: '100%' },
  secondary: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  secondaryButton: { flex: '1 1 9rem', minWidth: 0 },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minHeight: '0' },
});

export interface ActionsProps {
  disabled: boolean;
  running: boolean;
  progress: Progress | null;
  onRun(parts: PlanParts): void;
}

export function Actions({ disabled, running, progress, onRun }: ActionsProps) {
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
      <div className={styles.progress} role="status" aria-live="polite" data-testid="progress">
        {running && (
          <>
            <Spinner size="tiny" labelPosition="after" label={progress?.phase ?? 'Startar …'} />
            <ProgressBar value={progress?.fraction} thickness="medium" aria-label="Förlopp" />
          </>
        )}
      </div>
    </section>
  );
}
