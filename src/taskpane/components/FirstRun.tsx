/** The first-run introduction: what the tool does and what to do, in two lines. */
import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useLayoutEffect } from 'react';
import { shellContinued } from '../appShell';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0 },
});

export function FirstRun({ onContinue }: { onContinue: () => void }) {
  const styles = useStyles();
  // "Kom igång" pressed in taskpane.html's static introduction, before this one was there
  useLayoutEffect(() => {
    if (shellContinued()) onContinue();
  }, []); // once: when the shell is replaced
  return (
    <section className={styles.box} aria-labelledby="intro-heading" data-testid="first-run">
      <h2 id="intro-heading" className={styles.heading}>
        Så här fungerar det
      </h2>
      <Body1 as="p" className={styles.text}>
        Avvikelse läser budget, prognos och utfall i dina flikar och skriver avvikelsekolumner, flaggor, standardtabeller i tkr och kommentarsutkast.
      </Body1>
      <Body1 as="p" className={styles.text}>
        Kontrollera kolumnerna i nästa steg och tryck <strong>Beräkna och skriv tabeller</strong>.
      </Body1>
      <Button appearance="primary" onClick={onContinue}>
        Kom igång
      </Button>
    </section>
  );
}
