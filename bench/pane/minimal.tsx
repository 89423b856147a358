/**
 * The yardstick of `npm run bench:pane` (issue 12): the least a Fluent UI v9 + React page can be, built
 * by the same webpack configuration as the pane (`--env paneBench` adds it as the entry `minimal`).
 */
import { Button, FluentProvider, Text, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';

const container = document.getElementById('root');
if (!container) throw new Error('minimal.html saknar #root');
createRoot(container).render(
  <FluentProvider theme={webLightTheme}>
    <Text as="h1" size={500} weight="semibold" data-testid="minimal-ready">
      Avvikelse
    </Text>
    <Button appearance="primary">Kom igång</Button>
  </FluentProvider>,
);
