/** What the last run did: a summary, the flagged rows, the errors that stopped it, or that it was cancelled. */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, tokens } from '@fluentui/react-components';
import type { HostPort } from '../../workbook/host';
import type { Outcome } from '../hooks/useRunner';
import { count } from '../model/words';
import { ExportActions } from './ExportActions';
import { FlaggedList } from './FlaggedList';
import { PaneChart } from './PaneChart';
import { IssueList } from './IssueList';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  notesItem: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export interface ResultsProps {
  host: HostPort;
  outcome: Outcome | null;
  /** The last run was cancelled (before it wrote anything). */
  cancelled: boolean;
  failure: string | null;
}

export function Results({ host, outcome, cancelled, failure }: ResultsProps) {
  const styles = useStyles();
  if (failure) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{failure}</MessageBarBody>
      </MessageBar>
    );
  }
  if (cancelled) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody data-testid="cancelled">Avbrutet – inget skrevs till arbetsboken.</MessageBarBody>
      </MessageBar>
    );
  }
  if (!outcome) return null;
  const { result, flagged, summary, charts } = outcome;
  const errors = result.issues.filter((i) => i.severity === 'error');
  const warnings = result.issues.filter((i) => i.severity === 'warning');
  return (
    <section className={styles.section} aria-labelledby="results-heading" data-testid="results">
      <Subtitle2 as="h2" id="results-heading" className={styles.heading}>
        Resultat
      </Subtitle2>
      {result.written ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody data-testid="summary">
            <MessageBarTitle>Klart.</MessageBarTitle>
            {summary}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody data-testid="not-written">
            <MessageBarTitle>Ingenting skrevs.</MessageBarTitle>
            {count(errors.length, 'fel', 'fel')} i arbetsboken. Rätta dem och kör igen; klicka på ett fel för att gå till cellen.
          </MessageBarBody>
        </MessageBar>
      )}
      {errors.length > 0 && <IssueList host={host} issues={errors} testId="errors" />}
      {warnings.length > 0 && <IssueList host={host} issues={warnings} testId="warnings" />}
      {result.written && flagged.length === 0 && <p>Inga avvikelser når tröskelvärdena.</p>}
      {result.written && charts.length > 0 && <PaneChart charts={charts} />}
      {flagged.length > 0 && <FlaggedList host={host} items={flagged} />}
      {result.written && <ExportActions host={host} model={result.model} charts={charts} />}
      {result.notes.length > 0 && (
        <Accordion collapsible>
          <AccordionItem value="notes" className={styles.notesItem}>
            <AccordionHeader size="small" expandIconPosition="end">
              Anteckningar ({result.notes.length})
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.notes}>
                {result.notes.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </section>
  );
}
