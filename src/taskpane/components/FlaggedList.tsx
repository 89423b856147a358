/** The flagged rows of the last run, by table; a click selects the row in the workbook. */
import { Badge, makeStyles, mergeClasses, shorthands, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { HostPort } from '../../workbook/host';
import type { FlaggedItem } from '../model/results';
import { DIRECTION_NAMES, LEVEL_NAMES } from '../model/words';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    width: '100%',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    textAlign: 'left',
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  current: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  top: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  label: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  figures: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: 0, fontVariantNumeric: 'tabular-nums' },
  negative: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  positive: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  badge: { flexShrink: 0 },
});

/** What a screen reader says for a row: the visible parts, with pauses between them. */
function spoken(item: FlaggedItem): string {
  const parts = [item.label, LEVEL_NAMES[item.level], item.direction ? DIRECTION_NAMES[item.direction] : null, item.amount, item.percent, item.column];
  return parts.filter(Boolean).join(', ');
}

function byTable(items: FlaggedItem[]): [string, FlaggedItem[]][] {
  const groups = new Map<string, FlaggedItem[]>();
  for (const item of items) groups.set(item.table, [...(groups.get(item.table) ?? []), item]);
  return [...groups];
}

export function FlaggedList({ host, items }: { host: HostPort; items: FlaggedItem[] }) {
  const styles = useStyles();
  const [current, setCurrent] = useState<string | null>(null);
  return (
    <div className={styles.group} data-testid="flagged">
      {byTable(items).map(([table, rows]) => (
        <div key={table} className={styles.group}>
          <h3 className={styles.heading}>{table}</h3>
          <ul className={styles.list}>
            {rows.map((item) => (
              <li key={item.key}>
                <button
                  type="button"
                  className={mergeClasses(styles.item, current === item.key && styles.current)}
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
                  <span className={styles.top}>
                    <span className={styles.label}>{item.label}</span>
                    <Badge className={styles.badge} appearance="tint" shape="rounded" color={item.level === 'comment' ? 'danger' : 'warning'}>
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
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
