/**
 * The task pane's entry. The pane's first view (the introduction, or the working view while the
 * workbook is being read) is rendered at once, before office.js has answered `Office.onReady` and the
 * host's adapter has arrived (issue 12: first paint): until then it works on a pending host whose calls
 * wait for the real one. Office.js is still loaded first, in the page's head, as Microsoft requires;
 * nothing here calls it before `Office.onReady`. When the host cannot be had, why replaces the pane.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { openedByOffice, startHost } from './bootstrap';
import { StartProblem } from './components/StartProblem';
import { pendingHost } from './model/pendingHost';

const container = document.getElementById('root');
if (!container) throw new Error('taskpane.html saknar #root');
const root = createRoot(container);

// outside Office the pane works on the demo workbook (bootstrap.ts): its layout is known from the start
const inOffice = openedByOffice();
const started = startHost();
const host = pendingHost(
  started.then((s) => ('problem' in s ? new Promise<never>(() => undefined) : s.host)),
  inOffice ? 'excel' : 'memory',
);
root.render(<App host={host} demo={null} demoLayout={!inOffice} />);

started.then(
  (s) =>
    root.render(
      'problem' in s ? (
        <FluentProvider theme={webLightTheme}>
          <StartProblem problem={s} />
        </FluentProvider>
      ) : (
        <App host={host} demo={s.demo} demoLayout={!inOffice || s.demo !== null} />
      ),
    ),
  (err: unknown) => root.render(<p style={{ padding: 16 }}>{`Avvikelse kunde inte starta: ${err instanceof Error ? err.message : String(err)}`}</p>),
);
