/**
 * The task pane's entry. The pane's first view (the introduction, or the working view while the
 * workbook is being read) is rendered at once, before office.js has answered `Office.onReady` and the
 * host's adapter has arrived (issue 12: first paint): until then it works on a pending host whose calls
 * wait for the real one. Office.js is still loaded first, in the page's head, as Microsoft requires;
 * nothing here calls it before `Office.onReady`. When the host cannot be had, why replaces the pane.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { replaceShellWhenRendered } from './appShell';
import { openedByOffice, startHost, type StartProblem as Problem } from './bootstrap';
import { pendingHost } from './model/pendingHost';
import type { HostPort } from '../workbook/host';

const container = document.getElementById('root');
if (!container) throw new Error('taskpane.html saknar #root');
const root = createRoot(container);

// outside Office the pane works on the demo workbook (bootstrap.ts): its layout is known from the start
const inOffice = openedByOffice();
let arrived: (host: HostPort) => void = () => undefined;
const host = pendingHost(new Promise<HostPort>((resolve) => (arrived = resolve)), inOffice ? 'excel' : 'memory');
// the first view now, in this task: before the host's chunk is fetched and office.js is asked
flushSync(() => root.render(<App host={host} demo={null} demoLayout={!inOffice} />));
// the static introduction of taskpane.html goes in the frame React's first view arrives in
replaceShellWhenRendered(container);
const started = startHost();

const failed = (err: unknown) => root.render(<p style={{ padding: 16 }}>{`Avvikelse kunde inte starta: ${err instanceof Error ? err.message : String(err)}`}</p>);

/** Why the pane cannot start (a chunk of its own: most starts never need it). */
function showProblem(problem: Problem): void {
  import(/* webpackChunkName: "start-problem" */ './components/StartProblem').then(
    ({ StartProblem }) =>
      root.render(
        <FluentProvider theme={webLightTheme}>
          <StartProblem problem={problem} />
        </FluentProvider>,
      ),
    () => failed(new Error(`${problem.problem}. ${problem.advice}`)),
  );
}

started.then((s) => {
  if ('problem' in s) return showProblem(s);
  arrived(s.host);
  root.render(<App host={host} demo={s.demo} demoLayout={!inOffice || s.demo !== null} />);
}, failed);
