/** The task pane: its title, the demo badge, a small menu (Självtest), and the introduction or the working view. */
import { Badge, Button, makeStyles, Spinner, Title3, tokens } from '@fluentui/react-components';
import { Suspense, useEffect, useState } from 'react';
import type { HostPort } from '../../workbook/host';
import { useFirstRun } from '../hooks/useFirstRun';
import { FirstRun } from './FirstRun';
import { afterFirstView, firstViewSettled, MainView, MoreMenu, preloadMainView, SelfTestPanel, whenIdle } from './lazyParts';
import { moreButton } from './moreButton';
import { SourcesShell } from './SourcesShell';

/** `?selftest` in the pane's address opens the Självtest directly. */
const askedForSelfTest = () => typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('selftest');

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
  menu: { marginLeft: 'auto' },
  badge: { maxWidth: '100%', whiteSpace: 'normal', height: 'auto', minHeight: '20px' },
});

export function Pane({ host, demo }: { host: HostPort; demo: boolean }) {
  const styles = useStyles();
  const intro = useFirstRun();
  // after the introduction, focus goes to the first heading of the working view (not lost to <body>)
  const [fromIntro, setFromIntro] = useState(false);
  const [selfTest, setSelfTest] = useState(askedForSelfTest);
  // the menu (a chunk of its own) replaces its look-alike button once the first view is complete
  const [menuShown, setMenuShown] = useState(false);
  useEffect(() => afterFirstView(() => setMenuShown(true)), []);
  // the working view's chunk: at once for a returning user (its render asks for it), after the introduction is on screen for a new one
  useEffect(() => whenIdle(preloadMainView), []);
  // the introduction and the self-test are complete first views (the working view says so itself)
  useEffect(() => {
    if (!intro.done || selfTest) firstViewSettled();
  }, [intro.done, selfTest]);
  const moreStandIn = <Button {...moreButton} className={styles.menu} disabled />;
  return (
    <main className={styles.pane} data-testid="pane" aria-label="Avvikelse">
      <header className={styles.header}>
        <Title3 as="h1" className={styles.title}>
          Avvikelse
        </Title3>
        <Suspense fallback={moreStandIn}>{menuShown ? <MoreMenu className={styles.menu} onSelfTest={() => setSelfTest(true)} /> : moreStandIn}</Suspense>
        {demo && (
          <Badge appearance="tint" color="warning" shape="rounded" className={styles.badge} data-testid="demo-badge">
            Demoläge – exempelarbetsbok i minnet
          </Badge>
        )}
      </header>
      {selfTest ? (
        <Suspense fallback={<Spinner size="small" label="Laddar självtestet …" />}>
          <SelfTestPanel host={host} onClose={() => setSelfTest(false)} />
        </Suspense>
      ) : intro.done ? (
        <Suspense fallback={<SourcesShell focusHeading={fromIntro} />}>
          <MainView host={host} focusHeading={fromIntro} />
        </Suspense>
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
