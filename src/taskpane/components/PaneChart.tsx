/**
 * A small variance chart above the flagged rows, drawn from the chart model as SVG (no chart library):
 * the rows of one table in table order, green better than budget, red worse, strong when flagged, the
 * figures as the table shows them. A choice of table and period when the run charted several.
 */
import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { varianceSvg } from '../../export/chartSvg';
import type { TableCharts } from '../../report/charts';
import { useDarkMode } from '../hooks/useDarkMode';

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  // a long table name must not widen the pane: the choice shrinks to it and cuts the text
  choice: { minWidth: 0, '& select': { minWidth: 0, width: '100%', textOverflow: 'ellipsis' } },
  caption: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  chart: { width: '100%', '& svg': { width: '100%', height: 'auto', display: 'block' } },
});

/** Every variance chart of the run, with a name for the choice: `Driftredovisning – helår`. */
function choices(charts: TableCharts[]) {
  return charts.flatMap((c) => c.variance.map((v) => ({ key: `${c.table.sheet}|${c.table.title}|${v.column}`, name: `${c.table.title} – ${v.title.split(', ')[1]}`, c, v })));
}

export function PaneChart({ charts }: { charts: TableCharts[] }) {
  const styles = useStyles();
  const dark = useDarkMode();
  const all = useMemo(() => choices(charts), [charts]);
  const [key, setKey] = useState<string | null>(null);
  const current = all.find((a) => a.key === key) ?? all[0];
  const svg = useMemo(() => (current ? varianceSvg(current.v, { width: 300, decimals: current.c.decimals, theme: dark ? 'dark' : 'light', fontSize: 11, rowHeight: 20, tooltips: true }) : ''), [current, dark]);
  if (!current) return null;
  return (
    <figure className={styles.figure} data-testid="pane-chart">
      {all.length > 1 && (
        <Field label="Diagram" size="small" className={styles.choice}>
          <Select size="small" className={styles.choice} value={current.key} onChange={(_, d) => setKey(d.value)}>
            {all.map((a) => (
              <option key={a.key} value={a.key}>
                {a.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {/* the SVG is built from our own figures and escaped labels, never from markup of the workbook */}
      <div className={styles.chart} dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption className={styles.caption}>
        {current.c.table.title}: {current.v.title}
        {current.v.note ? `. ${current.v.note}` : ''}
      </figcaption>
    </figure>
  );
}
