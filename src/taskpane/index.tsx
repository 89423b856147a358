/** The task pane's entry: find the host (Excel or the demo workbook), then render the pane. */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startHost } from './bootstrap';

const container = document.getElementById('root');
if (!container) throw new Error('taskpane.html saknar #root');

startHost().then(
  ({ host, demo }) => createRoot(container).render(<App host={host} demo={demo} />),
  (err: unknown) => {
    container.textContent = `Avvikelse kunde inte starta: ${err instanceof Error ? err.message : String(err)}`;
  },
);
