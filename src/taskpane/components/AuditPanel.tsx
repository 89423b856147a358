/**
 * Granska tabeller: audits every table in the workbook (typed by hand, pasted, or our own), lists what
 * does not add up, errors first, each clickable to its cell, and marks those cells in the workbook with
 * a colour (and a note where Excel has comments) that "Rensa markeringar" removes again.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useResultRowStyles } from './resultRowStyles';
import type { AuditedTable, AuditFinding, AuditResult } from '../../audit';
import { sheetRef } from '../../core/address';
import type { HostPort } from '../../workbook/host';
import { useAudit } from '../hooks/useAudit';
import { count } from '../model/words';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  audit: { flex: '1 1 12rem', minWidth: 0 },
  clear: { flex: '1 1 8rem', minWidth: 0 },
  tablesItem: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  tables: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  table: { display: 'flex', flexDirection: 'column', gap: '2px', overflowWrap: 'anywhere' },
  tableName: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  marked: { borderLeftWidth: tokens.strokeWidthThickest },
  error: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  rounding: { borderLeftColor: tokens.colorPaletteMarigoldBorderActive },
  where: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  message: { overflowWrap: 'anywhere', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

/** At most this many findings are listed before "Visa alla". */
const SHOWN = 50;

const KIND_NAMES: Record<AuditFinding['kind'], string> = { error: 'Fel', rounding: 'Avrundning' };

/** `3 fel, 1 avrundningsdifferens i 2 tabeller` */
export function auditSummaryLine(result: AuditResult): string {
  const errors = result.findings.filter((f) => f.kind === 'error').length;
  const roundings = result.findings.length - errors;
  const tables = count(result.tables.length, 'tabell', 'tabeller');
  if (errors === 0 && roundings === 0) return `Inga fel och inga avrundningsdifferenser i ${tables}.`;
  const parts = [`${errors === 0 ? 'Inga' : errors} fel`, `${roundings === 0 ? 'inga' : roundings} ${roundings === 1 ? 'avrundningsdifferens' : 'avrundningsdifferenser'}`];
  return `${parts.join(', ')} i ${tables}.`;
}

const where = (f: { sheet: string; cell: string }) => `${sheetRef(f.sheet)}!${f.cell}`;

/** The message without the row label it starts with (the label is shown on its own). */
function rest(f: AuditFinding): string {
  const prefix = `${f.label}, `;
  if (!f.label || !f.message.startsWith(prefix)) return f.message;
  const text = f.message.slice(prefix.length);
  return text[0].toUpperCase() + text.slice(1);
}

function TableList({ tables }: { tables: AuditedTable[] }) {
  const styles = useStyles();
  return (
    <Accordion collapsible defaultOpenItems={tables.length <= 2 ? ['tables'] : []}>
      <AccordionItem value="tables" className={styles.tablesItem}>
        <AccordionHeader size="small" expandIconPosition="end">
          Granskade tabeller och teckenkonvention ({tables.length})
        </AccordionHeader>
        <AccordionPanel>
          <ul className={styles.tables} data-testid="audit-tables">
            {tables.map((t) => (
              <li key={`${t.sheet}!${t.range}`} className={styles.table}>
                <Text className={styles.tableName}>
                  {t.title ? `${t.title} · ` : ''}
                  {sheetRef(t.sheet)}!{t.range}
                  {t.unit && !new RegExp(`\\b${t.unit}\\b`).test(t.title ?? '') ? ` · ${t.unit}` : ''}
                </Text>
                <Caption1 className={styles.muted}>{t.conventionNote}</Caption1>
              </li>
            ))}
          </ul>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

function FindingList({ host, findings }: { host: HostPort; findings: AuditFinding[] }) {
  const styles = useStyles();
  const card = useResultRowStyles();
  const [current, setCurrent] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  const shown = all ? findings : findings.slice(0, SHOWN);
  return (
    <>
      <ul className={card.list} aria-label="Fynd" data-testid="audit-findings">
        {shown.map((f) => {
          const key = `${f.sheet}!${f.cell}:${f.column}:${f.kind}`;
          return (
            <li key={key}>
              <button
                type="button"
                className={mergeClasses(card.item, styles.marked, f.kind === 'error' ? styles.error : styles.rounding, current === key && card.current)}
                aria-label={`${KIND_NAMES[f.kind]}, ${where(f)}: ${f.message}`}
                aria-current={current === key ? 'true' : undefined}
                data-testid="audit-finding"
                data-kind={f.kind}
                onClick={() => {
                  setCurrent(key);
                  void host.select({ sheet: f.sheet, address: f.cell });
                }}
              >
                <span className={card.top}>
                  <span className={styles.where}>
                    {where(f)}
                    {f.label ? ` · ${f.label}` : ''}
                  </span>
                  <Badge className={card.badge} appearance="tint" shape="rounded" color={f.kind === 'error' ? 'danger' : 'warning'}>
                    {KIND_NAMES[f.kind]}
                  </Badge>
                </span>
                <span className={styles.message}>{rest(f)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {findings.length > shown.length && (
        <Button appearance="subtle" onClick={() => setAll(true)}>
          Visa alla {findings.length} fynd
        </Button>
      )}
    </>
  );
}

export function AuditPanel({ host }: { host: HostPort }) {
  const styles = useStyles();
  const { busy, outcome, marked, failure, status, audit, clear } = useAudit(host);
  const result = outcome?.result;
  const errors = result?.findings.filter((f) => f.kind === 'error').length ?? 0;
  return (
    <section className={styles.section} aria-labelledby="audit-heading" data-testid="audit">
      <Subtitle2 as="h2" id="audit-heading" className={styles.heading}>
        Granska tabeller
      </Subtitle2>
      <Caption1 className={styles.muted}>
        Räknar om avvikelser, summor och procent i tabeller som skrivits för hand eller klistrats in, och markerar cellerna som inte stämmer. Markeringen är en färg
        ovanpå cellen; dina egna format ändras inte.
      </Caption1>
      <div className={styles.buttons}>
        <Button className={styles.audit} appearance="secondary" disabled={busy !== null} onClick={() => void audit()}>
          Granska tabeller i arbetsboken
        </Button>
        <Button className={styles.clear} disabled={busy !== null} onClick={() => void clear()}>
          Rensa markeringar
        </Button>
      </div>
      <div role="status" aria-live="polite" data-testid="audit-status">
        {busy && <Spinner size="tiny" labelPosition="after" label={busy === 'audit' ? 'Granskar tabellerna …' : 'Tar bort markeringarna …'} />}
        {!busy && status && <Caption1 className={styles.muted}>{status}</Caption1>}
        {!busy && result && result.tables.length === 0 && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody data-testid="audit-summary">
              Hittade ingen tabell att granska. En tabell behöver rubriker som Budget, Prognos eller Utfall och Avvikelse.
            </MessageBarBody>
          </MessageBar>
        )}
        {!busy && result && result.tables.length > 0 && (
          <MessageBar intent={errors > 0 ? 'error' : result.findings.length > 0 ? 'warning' : 'success'} layout="multiline">
            <MessageBarBody data-testid="audit-summary">
              {auditSummaryLine(result)}
              {marked && ' Cellerna är markerade i arbetsboken; klicka på ett fynd för att gå till cellen.'}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {failure && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody data-testid="audit-failure">{failure}</MessageBarBody>
        </MessageBar>
      )}
      {result && result.tables.length > 0 && <TableList key={outcome?.id} tables={result.tables} />}
      {outcome && outcome.findings.length > 0 && <FindingList key={outcome.id} host={host} findings={outcome.findings} />}
    </section>
  );
}
