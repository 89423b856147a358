/** One sheet of the demo workbook as a table with column letters and row numbers. */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { cellAddress, columnLetters } from '../../../core/address';
import type { MemorySheet } from '../../../workbook/memory/memoryWorkbook';
import { gridOf, inRect, parseRange } from '../../model/grid';

const useStyles = makeStyles({
  scroller: {
    overflow: 'auto',
    maxHeight: '75vh',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, fontVariantNumeric: 'tabular-nums' },
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    padding: '2px 6px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  rowHead: { position: 'sticky', left: 0, zIndex: 1, textAlign: 'right' },
  cell: {
    padding: '2px 6px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    whiteSpace: 'nowrap',
    maxWidth: '18em',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    cursor: 'cell',
  },
  numeric: { textAlign: 'right' },
  bold: { fontWeight: tokens.fontWeightSemibold },
  formula: { backgroundColor: tokens.colorPaletteLightGreenBackground1, color: tokens.colorNeutralForeground1 },
  selected: { backgroundColor: tokens.colorBrandBackground2, outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
});

export interface SheetTableProps {
  sheet: MemorySheet;
  /** Changes whenever the workbook does (the sheet object may be mutated in place). */
  version: number;
  /** The selected range on this sheet (`A12:I12`), or null. */
  selection: string | null;
  onSelect(address: string): void;
}

const MOVES: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

export function SheetTable({ sheet, version, selection, onSelect }: SheetTableProps) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  // the sheet is mutated in place; `version` says when it changed
  const { cells, cols } = useMemo(() => gridOf(sheet), [sheet, version]);
  const rect = selection ? parseRange(selection) : null;

  useEffect(() => {
    scroller.current?.querySelector('[data-first-selected="true"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selection, version]);

  const onKeyDown = (e: KeyboardEvent) => {
    const move = MOVES[e.key];
    if (!move) return;
    e.preventDefault();
    const row = Math.min(Math.max((rect?.top ?? 0) + (rect ? move[0] : 0), 0), Math.max(cells.length - 1, 0));
    const col = Math.min(Math.max((rect?.left ?? 0) + (rect ? move[1] : 0), 0), cols - 1);
    onSelect(cellAddress(row, col));
  };

  return (
    <div ref={scroller} className={styles.scroller} tabIndex={0} role="region" aria-label={`Fliken ${sheet.name}; piltangenterna flyttar markeringen`} onKeyDown={onKeyDown} data-testid="sheet-grid" data-sheet={sheet.name}>
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={mergeClasses(styles.head, styles.rowHead)} aria-label="Rad" />
            {Array.from({ length: cols }, (_, c) => (
              <th key={c} scope="col" className={styles.head}>
                {columnLetters(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cells.map((row, r) => (
            <tr key={r}>
              <th scope="row" className={mergeClasses(styles.head, styles.rowHead)}>
                {r + 1}
              </th>
              {row.map((cell, c) => {
                const address = cellAddress(r, c);
                const selected = inRect(rect, r, c);
                return (
                  <td
                    key={c}
                    data-cell={address}
                    data-selected={selected || undefined}
                    data-first-selected={selected && rect?.top === r && rect?.left === c ? 'true' : undefined}
                    title={cell.formula ? `=${cell.formula}` : cell.text || undefined}
                    className={mergeClasses(styles.cell, cell.numeric && styles.numeric, cell.bold && styles.bold, cell.formula && styles.formula, selected && styles.selected)}
                    onClick={() => onSelect(address)}
                  >
                    {cell.text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
