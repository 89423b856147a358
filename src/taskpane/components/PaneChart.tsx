/**
 * A small chart above the flagged rows, drawn from the chart model as SVG (no chart library): first
 * the variance of one table's rows in table order, green better than budget, red worse, strong when
 * flagged, the figures as the table shows them. A choice of the run's other charts: the period and
 * `Avvikelse %`, budget against prognos, and the year so far (utfall against the periodized budget,
 * the helårsprognos per forecast).
 */
import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { varianceSvg, type SvgOptions } from '../../export/chartSvg';
import { comparisonSvg, forecastPathSvg } from '../../export/yearSvg';
import type { ComparisonChart, TableCharts } from '../../report/charts';
import { useDarkMode } from '../hooks/useDarkMode';

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  // a long table name must not widen the pane: the choice shrinks to it and cuts the text
  choice: { minWidth: 0, '& select': { minWidth: 0, width: '100%', textOverflow: 'ellipsis' } },
  caption: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  chart: { width: '100%', '& svg': { width: '100%', height: 'auto', display: 'block' } },
});

/** A chart to choose: its name in the choice (`Driftredovisning – helår`), caption, note and drawing. */
interface Choice {
  key: string;
  name: string;
  table: string;
  caption: string;
  note?: string;
  svg: (opts: SvgOptions) => string;
}

/** `helår` from `Avvikelse mot budget, helår, tkr`; `helår, %` for a percentage. */
const what = (title: string, percent?: boolean) => `${title.split(', ')[1]}${percent ? ', %' : ''}`;

/** Every chart of the run: the variance charts first (the default is the first table's), then the rest per table. */
function choices(charts: TableCharts[]): Choice[] {
  const id = (c: TableCharts, kind: string) => `${c.table.sheet}|${c.table.title}|${kind}`;
  const variance = charts.flatMap((c) =>
    c.variance.map((v): Choice => ({ key: id(c, v.column), name: `${c.table.title} – ${what(v.title, v.percent)}`, table: c.table.title, caption: v.title, note: v.note, svg: (o) => varianceSvg(v, { ...o, decimals: v.percent ? 1 : c.decimals }) })),
  );
  const comparison = (c: TableCharts, cmp: ComparisonChart, name: string): Choice => ({ key: id(c, cmp.kind), name: `${c.table.title} – ${name}`, table: c.table.title, caption: cmp.title, note: cmp.note, svg: (o) => comparisonSvg(cmp, { ...o, decimals: c.decimals }) });
  const others = charts.flatMap((c) => [
    ...(c.budgetForecast ? [comparison(c, c.budgetForecast, 'budget och prognos')] : []),
    ...(c.periodActual ? [comparison(c, c.periodActual, 'utfall mot budget')] : []),
    ...(c.forecastPath ? [{ key: id(c, 'forecastPath'), name: `${c.table.title} – prognosen under året`, table: c.table.title, caption: c.forecastPath.title, svg: (o: SvgOptions) => forecastPathSvg(c.forecastPath!, { ...o, decimals: c.decimals }) }] : []),
  ]);
  return [...variance, ...others];
}

export function PaneChart({ charts }: { charts: TableCharts[] }) {
  const styles = useStyles();
  const dark = useDarkMode();
  const all = useMemo(() => choices(charts), [charts]);
  const [key, setKey] = useState<string | null>(null);
  const current = all.find((a) => a.key === key) ?? all[0];
  const svg = useMemo(() => (current ? current.svg({ width: 300, decimals: 0, theme: dark ? 'dark' : 'light', fontSize: 11, rowHeight: 20, tooltips: true }) : ''), [current, dark]);
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
        {current.table}: {current.caption}
        {current.note ? `. ${current.note}` : ''}
      </figcaption>
    </figure>
  );
}
