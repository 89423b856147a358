/**
 * The working view's first view while its code (a chunk of its own, lazyParts.ts) and the settings
 * arrive: the source tables' heading where it will stay, and what the pane is doing (issue 12: first
 * paint). It takes focus as the section does when it replaces the introduction.
 */
import { Spinner } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useSourcesStyles } from './sourcesStyles';

export function SourcesShell({ focusHeading = false }: { focusHeading?: boolean }) {
  const styles = useSourcesStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) heading.current?.focus();
  }, [focusHeading]);
  return (
    <section className={styles.section} aria-labelledby="sources-heading" aria-busy="true" data-testid="sources">
      <div className={styles.head}>
        <h2 id="sources-heading" className={styles.heading} ref={heading} tabIndex={-1}>
          Källtabeller
        </h2>
      </div>
      <Spinner size="small" label="Läser inställningarna …" />
    </section>
  );
}
