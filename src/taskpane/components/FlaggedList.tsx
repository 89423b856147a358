/** The flagged rows of the last run, by table; a click selects the row in the workbook. */
import { Badge, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useResultRowStyles } from './resultRowStyles';
import { useState } from 'react';
import type { HostPort } from '../../workbook/host';
import type { FlaggedItem } from '../model/results';
import { DIRECTION_NAMES, LEVEL_NAMES } from '../model/words';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  label: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  figures: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: 0, fontVariantNumeric: 'tabular-nums' },
  negative: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  positive: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  whole: { whiteSpace: 'nowrap' },
});

/** A text whose last word (the period, `jan–apr`) is never broken at its dash. */
function LastWordWhole({ text, className }: { text: string; className: string }) {
  const at = text.lastIndexOf(' ') + 1;
  return (
    <>
      {text.slice(0, at)}
      <span className={className}>{text.slice(at)}</span>
    </>
  );
}

/** What a screen reader says for a row: the visible parts, with pauses between them. */
function spoken(item: FlaggedItem): string {
  const parts = [item.label, LEVEL_NAMES[item.level], item.direction ? DIRECTION_NAMES[item.direction] : null, item.amount, item.percent, item.column, item.change?.text];
  return parts.filter(Boolean).join(', ');
}

function byTable(items: FlaggedItem[]): [string, FlaggedItem[]][] {
  const groups = new Map<string, FlaggedItem[]>();
  for (const item of items) groups.set(item.table, [...(groups.get(item.table) ?? []), item]);
  return [...groups];
}

export function FlaggedList({ host, items }: { host: HostPort; items: FlaggedItem[] }) {
  const styles = useStyles();
  const card = useResultRowStyles();
  const [current, setCurrent] = useState<string | null>(null);
  return (
    <div className={styles.group} data-testid="flagged">
      {byTable(items).map(([table, rows]) => (
        <div key={table} className={styles.group}>
          <h3 className={styles.heading}>{table}</h3>
          <ul className={card.list}>
            {rows.map((item) => (
              <li key={item.key}>
                <button
                  type="button"
                  className={mergeClasses(card.item, current === item.key && card.current)}
                  disabled={!item.target}
                  aria-label={spoken(item)}
                  aria-current={current === item.key ? 'true' : undefined}
                  data-testid="flagged-row"
                  onClick={() => {
                    if (!item.target) return;
                    setCurrent(item.key);
                    void host.select(item.target);
                  }}
                >
                  <span className={card.top}>
                    <span className={styles.label}>{item.label}</span>
                    <Badge className={card.badge} appearance="tint" shape="rounded" color={item.level === 'comment' ? 'danger' : 'warning'}>
                      {LEVEL_NAMES[item.level]}
                    </Badge>
                  </span>
                  <span className={styles.figures}>
                    {item.direction && (
                      <span className={item.direction === 'negative' ? styles.negative : styles.positive}>
                        <span aria-hidden="true">{item.direction === 'negative' ? '▼ ' : '▲ '}</span>
                        {DIRECTION_NAMES[item.direction]}
                      </span>
                    )}
                    <Text>{item.amount}</Text>
                    {item.percent && <Text>{item.percent}</Text>}
                    <Text className={styles.muted}>{item.column}</Text>
                  </span>
                  {item.change && (
                    <Text data-testid="flagged-change" className={item.change.direction === 'negative' ? styles.negative : item.change.direction === 'positive' ? styles.positive : styles.muted}>
                      <LastWordWhole text={item.change.text} className={styles.whole} />
                    </Text>
                  )}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
