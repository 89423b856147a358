/** The task pane's entry: find the host (Excel or the demo workbook), then render the pane, or why it cannot start. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startHost } from './bootstrap';
import { StartProblem } from './components/StartProblem';

const container = document.getElementById('root');
if (!container) throw new Error('taskpane.html saknar #root');
const root = createRoot(container);

startHost().then(
  (started) =>
    root.render(
      'problem' in started ? (
        <FluentProvider theme={webLightTheme}>
          <StartProblem problem={started} />
        </FluentProvider>
      ) : (
        <App host={started.host} demo={started.demo} />
      ),
    ),
  (err: unknown) => {
    container.textContent = `Avvikelse kunde inte starta: ${err instanceof Error ? err.message : String(err)}`;
  },
);
