/** Problems with the input, one per line with its cell; a click selects the cell. */
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { formatIssue } from '../../core/address';
import type { InputIssue } from '../../core/types';
import type { HostPort } from '../../workbook/host';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  link: { textAlign: 'left', overflowWrap: 'anywhere' },
  text: { overflowWrap: 'anywhere' },
});

export function IssueList({ host, issues, testId }: { host: HostPort; issues: InputIssue[]; testId: string }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} data-testid={testId}>
      {issues.map((issue, i) => (
        <li key={i}>
          {issue.cell ? (
            <Link as="button" className={styles.link} onClick={() => void host.select({ sheet: issue.sheet, address: issue.cell ?? 'A1' })}>
              {formatIssue(issue)}
            </Link>
          ) : (
            <span className={styles.text}>{formatIssue(issue)}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
