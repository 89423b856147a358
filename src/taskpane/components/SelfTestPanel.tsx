/**
 * Självtest in the pane: runs every kind of call Avvikelse makes on a scratch sheet (see
 * model/selfTest.ts), lists each step as it passes or fails, and offers the result as text to copy
 * into an issue. Reached from the header's menu, or with `?selftest` in the pane's address.
 */
import { Body1, Button, Caption1, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { downloadFile } from '../../export/clipboard';
import type { HostPort } from '../../workbook/host';
import { copyText, paneDeliveryEnv } from '../model/delivery';
import { runSelfTest, selfTestText, type SelfTestReport, type SelfTestStep } from '../model/selfTest';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  step: { display: 'grid', gridTemplateColumns: '3.2em 1fr', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  ok: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  failed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  skipped: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightSemibold },
  detail: { gridColumn: '2', color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground2 },
  text: { width: '100%', fontFamily: tokens.fontFamilyMonospace },
});

function StepRow({ step }: { step: SelfTestStep }) {
  const styles = useStyles();
  const [word, style] = step.ok === true ? ['OK', styles.ok] : step.ok === false ? ['FEL', styles.failed] : ['HOPP', styles.skipped];
  return (
    <li className={styles.step} data-testid="selftest-step" data-ok={String(step.ok)}>
      <span className={style}>{word}</span>
      <Body1>{step.title}</Body1>
      {step.detail && <Caption1 className={styles.detail}>{step.detail}</Caption1>}
    </li>
  );
}

export function SelfTestPanel({ host, onClose }: { host: HostPort; onClose(): void }) {
  const styles = useStyles();
  const [running, setRunning] = useState(false);
  const [steps, setSteps] = useState<SelfTestStep[]>([]);
  const [report, setReport] = useState<SelfTestReport | null>(null);
  const [status, setStatus] = useState('');

  const run = useCallback(async () => {
    setRunning(true);
    setReport(null);
    setSteps([]);
    setStatus('');
    try {
      setReport(await runSelfTest(host, setSteps));
    } finally {
      setRunning(false);
    }
  }, [host]);

  const text = report ? selfTestText(report) : '';
  const copy = useCallback(async () => {
    try {
      await copyText(text, paneDeliveryEnv(downloadFile));
      setStatus('Resultatet är kopierat. Klistra in det i ett ärende.');
    } catch (e) {
      setStatus(`${e instanceof Error ? e.message : String(e)} Markera texten nedan och kopiera den.`);
    }
  }, [text]);

  return (
    <section className={styles.section} aria-labelledby="selftest-heading" data-testid="selftest">
      <h2 id="selftest-heading" className={styles.heading}>
        Självtest
      </h2>
      <Body1 as="p" className={styles.muted}>
        Gör alla slags anrop som Avvikelse gör mot Excel, på en tillfällig flik som tas bort efteråt. Din arbetsbok ändras inte. Klistra in resultatet i ett ärende.
      </Body1>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={running} onClick={() => void run()}>
          {running ? 'Testar …' : report ? 'Kör igen' : 'Kör självtest'}
        </Button>
        <Button onClick={onClose}>Tillbaka</Button>
      </div>
      {report?.environment && (
        <Caption1 data-testid="selftest-environment">
          {report.environment.host} · {report.environment.platform}
          {report.environment.version ? ` · ${report.environment.version}` : ''}
        </Caption1>
      )}
      <ul className={styles.list} aria-label="Självtestets steg">
        {steps.map((s, i) => (
          <StepRow key={i} step={s} />
        ))}
      </ul>
      {report && (
        <>
          <Body1 data-testid="selftest-summary">{text.split('\n').slice(-1)[0]}</Body1>
          <div className={styles.actions}>
            <Button onClick={() => void copy()}>Kopiera resultatet</Button>
          </div>
          <div role="status" aria-live="polite">
            {status && <Caption1>{status}</Caption1>}
          </div>
          <Textarea className={styles.text} readOnly value={text} resize="vertical" rows={8} aria-label="Självtestets resultat som text" data-testid="selftest-text" />
        </>
      )}
    </section>
  );
}
