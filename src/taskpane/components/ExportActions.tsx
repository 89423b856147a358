/**
 * Exportera: the last run's tables and comments as a Word file, and each table on the clipboard for
 * Word, by whatever way works where the pane runs (see model/delivery.ts).
 */
import { Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StandardTable } from '../../core/types';
import { actionsForExport } from '../../export/actionsText';
import { downloadFile } from '../../export/clipboard';
import { commentTexts } from '../../export/comments';
import type { ReportModel } from '../../report/analyze';
import type { TableCharts } from '../../report/charts';
import type { HostPort } from '../../workbook/host';
import { copyForWord, deliverWordFile, paneDeliveryEnv, reportForWord, type Delivery } from '../model/delivery';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  download: { width: '100%' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, minWidth: 0 },
  title: { flex: '1 1 auto', minWidth: 0, overflowWrap: 'anywhere' },
  copy: { flexShrink: 0, minWidth: '7.5rem' },
  muted: { color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** How long "Kopierat" stays on a button. */
const CONFIRM_MS = 2500;
export const DOCX_FILE_NAME = 'avvikelser.docx';

/** What the user is told after "Ladda ner Word-fil", by how the file got out. */
export const DELIVERED: Record<Delivery, string> = {
  download: `Word-filen ${DOCX_FILE_NAME} är nedladdad.`,
  browser: `Excel för Mac kan inte spara filer från tillägg, så Word-filen ${DOCX_FILE_NAME} öppnas i din webbläsare och sparas där.`,
  clipboard: 'Excel för Mac kan inte spara filer från tillägg: hela rapporten är kopierad i stället. Klistra in den i ett tomt Word-dokument.',
};

/** What an action reports below the list: a confirmation, or an error. */
type Report = { text: string; error: boolean } | null;

function CopyRow({ table, onReport }: { table: StandardTable; onReport(report: Report): void }) {
  const styles = useStyles();
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = useCallback(async () => {
    try {
      const flavour = await copyForWord(table, paneDeliveryEnv(downloadFile));
      onReport({ text: `Kopierat: ${table.title}${flavour === 'text' ? ' (som text, tabbseparerad)' : ''}.`, error: false });
      setCopied(true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setCopied(false), CONFIRM_MS);
    } catch (e) {
      onReport({ text: `Kunde inte kopiera ${table.title}: ${e instanceof Error ? e.message : String(e)}`, error: true });
    }
  }, [table, onReport]);
  return (
    <li className={styles.row} data-testid="export-table">
      <Text className={styles.title}>{table.title}</Text>
      <Button size="small" className={styles.copy} onClick={() => void copy()} aria-label={`Kopiera ${table.title} för Word`}>
        {copied ? 'Kopierat' : 'Kopiera för Word'}
      </Button>
    </li>
  );
}

export function ExportActions({ host, model, charts = [] }: { host: HostPort; model: ReportModel; charts?: TableCharts[] }) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<Report>(null);

  const download = useCallback(async () => {
    setBusy(true);
    setReport(null);
    try {
      // the comments as the controller left them on the Kommentarer sheet, read now
      const data = await host.read();
      const { comments } = commentTexts(model, data);
      // Åtgärder för en budget i balans after the tables, as the command line's export puts it
      const actions = actionsForExport(model.tables, data);
      // the docx library is loaded only when a Word file is asked for, so the pane starts as fast as before
      const { exportDocx, DOCX_MIME } = await import('../../export/docx');
      const bytes = await exportDocx(model.tables, comments, { chartsOf: (table) => charts.find((c) => c.table === table), actions });
      const how = await deliverWordFile(bytes, DOCX_FILE_NAME, DOCX_MIME, paneDeliveryEnv(downloadFile), () => reportForWord(model.tables, comments, actions));
      setReport({ text: DELIVERED[how], error: false });
    } catch (e) {
      setReport({ text: `Kunde inte skapa Word-filen: ${e instanceof Error ? e.message : String(e)}`, error: true });
    } finally {
      setBusy(false);
    }
  }, [host, model, charts]);

  if (model.tables.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="export-heading" data-testid="export">
      <h3 id="export-heading" className={styles.heading}>
        Exportera
      </h3>
      <Button className={styles.download} disabled={busy} onClick={() => void download()}>
        {busy ? 'Skapar Word-filen …' : 'Ladda ner Word-fil'}
      </Button>
      <Caption1 className={styles.muted}>Alla tabeller, med kommentarerna från fliken Kommentarer.</Caption1>
      <Caption1 className={styles.muted}>Eller kopiera en tabell och klistra in den i Word eller Outlook:</Caption1>
      <ul className={styles.list} aria-label="Tabeller att kopiera">
        {model.tables.map((t, i) => (
          <CopyRow key={`${t.sheet}-${i}`} table={t} onReport={setReport} />
        ))}
      </ul>
      <div role="status" aria-live="polite" data-testid="export-status">
        {report && <Caption1 className={report.error ? styles.error : styles.muted}>{report.text}</Caption1>}
      </div>
    </section>
  );
}
