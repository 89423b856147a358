/** The task pane: its title, the demo badge, and the introduction or the working view. */
import { Badge, makeStyles, Title3, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { HostPort } from '../../workbook/host';
import { useFirstRun } from '../hooks/useFirstRun';
import { FirstRun } from './FirstRun';
import { MainView } from './MainView';

const useStyles = makeStyles({
  pane: {
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '560px',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  title: { margin: 0 },
  badge: { maxWidth: '100%', whiteSpace: 'normal', height: 'auto', minHeight: '20px' },
});

export function Pane({ host, demo }: { host: HostPort; demo: boolean }) {
  const styles = useStyles();
  const intro = useFirstRun();
  // after the introduction, focus goes to the first heading of the working view (not lost to <body>)
  const [fromIntro, setFromIntro] = useState(false);
  return (
    <main className={styles.pane} data-testid="pane" aria-label="Avvikelse">
      <header className={styles.header}>
        <Title3 as="h1" className={styles.title}>
          Avvikelse
        </Title3>
        {demo && (
          <Badge appearance="tint" color="warning" shape="rounded" className={styles.badge} data-testid="demo-badge">
            Demoläge – exempelarbetsbok i minnet
          </Badge>
        )}
      </header>
      {intro.done ? (
        <MainView host={host} focusHeading={fromIntro} />
      ) : (
        <FirstRun
          onContinue={() => {
            setFromIntro(true);
            intro.finish();
          }}
        />
      )}
    </main>
  );
}
