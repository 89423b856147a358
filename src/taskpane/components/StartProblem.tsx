/** What the pane shows instead of itself when it cannot start in Office: the problem and what to do. */
import { Body1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Title3, tokens } from '@fluentui/react-components';
import type { StartProblem as Problem } from '../bootstrap';

const useStyles = makeStyles({
  pane: { boxSizing: 'border-box', maxWidth: '560px', padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { margin: 0 },
});

export function StartProblem({ problem }: { problem: Problem }) {
  const styles = useStyles();
  return (
    <main className={styles.pane} data-testid="start-problem" aria-label="Avvikelse">
      <Title3 as="h1" className={styles.title}>
        Avvikelse
      </Title3>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{problem.problem}</MessageBarTitle>
          <Body1 as="p">{problem.advice}</Body1>
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}
