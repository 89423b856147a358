/** The root: Fluent UI's provider with a light or dark theme, the pane, and in demo mode the sample workbook. */
import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, useEffect, useState } from 'react';
import type { DemoWorkbook } from '../demo/demoWorkbook';
import type { HostPort } from '../workbook/host';
import { afterFirstView, DemoSheets } from './components/lazyParts';
import { Pane } from './components/Pane';
import { useDarkMode } from './hooks/useDarkMode';
import { useTheme } from './theme';

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1 },
  demoLayout: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', minHeight: '100vh' },
  demoPane: { flex: '0 1 360px', minWidth: 0, borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  demoSheets: { flex: '1 1 480px', minWidth: 0, alignSelf: 'stretch', backgroundColor: tokens.colorNeutralBackground2 },
});

export interface AppProps {
  host: HostPort;
  /** The demo's in-memory workbook, or null inside Excel (and until the host is known). */
  demo: DemoWorkbook | null;
  /** The demo's layout (the pane beside the sample's sheets): from the first render, before `demo` arrives. */
  demoLayout?: boolean;
}

export function App({ host, demo, demoLayout = demo !== null }: AppProps) {
  const dark = useDarkMode();
  const styles = useStyles();
  useEffect(() => {
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  }, [dark]);
  const theme = useTheme(dark);
  // the demo's sheets come after the pane's first view (they are no part of the pane in Excel)
  const [sheetsShown, setSheetsShown] = useState(false);
  useEffect(() => (demo ? afterFirstView(() => setSheetsShown(true)) : undefined), [demo]);
  if (!theme) return null;
  if (!demoLayout) {
    return (
      <FluentProvider theme={theme} className={styles.root}>
        <Pane host={host} demo={false} />
      </FluentProvider>
    );
  }
  return (
    <FluentProvider theme={theme} className={styles.root}>
      <div className={styles.demoLayout}>
        <div className={styles.demoPane}>
          <Pane host={host} demo />
        </div>
        <div className={styles.demoSheets}>
          <Suspense fallback={null}>{sheetsShown && demo && <DemoSheets workbook={demo} />}</Suspense>
        </div>
      </div>
    </FluentProvider>
  );
}
