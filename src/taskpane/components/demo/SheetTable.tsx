/**
 * One sheet of the demo workbook as a table with column letters and row numbers. Cells show the colours
 * of the sheet's conditional formats (the flags), and a value cell can be edited in place: double-click,
 * Enter or F2 (or just start typing) opens an input, Enter commits, Escape cancels. The workbook then
 * recalculates its formulas, so the avvikelse columns and their flags follow the edit, live.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { cellAddress, columnLetters } from '../../../core/address';
import type { RawValue } from '../../../core/types';
import type { CellFlag, MemorySheet } from '../../../workbook/memory/memoryWorkbook';
import { cellKey } from '../../../workbook/port';
import { gridOf, inRect, parseRange } from '../../model/grid';
import { cssColor, editText, parseEdit } from './cellEdit';

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
  editingCell: { padding: 0, overflow: 'visible' },
  editor: {
    boxSizing: 'border-box',
    minWidth: '100%',
    margin: 0,
    padding: '1px 5px',
    border: 'none',
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
    font: 'inherit',
    textAlign: 'right',
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

export interface SheetTableProps {
  sheet: MemorySheet;
  /** Changes whenever the workbook does (the sheet object may be mutated in place). */
  version: number;
  /** The selected range on this sheet (`A12:I12`), or null. */
  selection: string | null;
  onSelect(address: string): void;
  /** The flag colours of a cell (its conditional formats), if any. */
  flagAt(row: number, col: number): CellFlag | undefined;
  /** A note on the cell (the audit's finding), shown as its tooltip. */
  noteAt?(row: number, col: number): string | undefined;
  /** Stores a typed value in a cell; without it the sheet is read-only. Formula cells are never edited. */
  onEdit?(row: number, col: number, value: RawValue): void;
}

interface Editing {
  row: number;
  col: number;
  /** The editor's text at the start. */
  text: string;
  /** Select the whole text (double-click, Enter, F2), or put the caret after a first typed character. */
  selectAll: boolean;
}

const MOVES: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

export function SheetTable({ sheet, version, selection, onSelect, flagAt, noteAt, onEdit }: SheetTableProps) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  // the sheet is mutated in place; `version` says when it changed
  const { cells, cols } = useMemo(() => gridOf(sheet), [sheet, version]);
  const flags = useMemo(() => cells.map((row, r) => row.map((_, c) => flagAt(r, c))), [cells, flagAt]);
  const rect = selection ? parseRange(selection) : null;
  const [editing, setEditing] = useState<Editing | null>(null);

  useEffect(() => {
    scroller.current?.querySelector('[data-first-selected="true"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selection, version]);

  const editable = (row: number, col: number): boolean => !!onEdit && row < cells.length && col < cols && !sheet.formulas.has(cellKey(row, col));

  const startEditing = (row: number, col: number, typed?: string) => {
    if (!editable(row, col)) return false;
    setEditing({ row, col, text: typed ?? editText(sheet.values[row]?.[col]), selectAll: typed === undefined });
    return true;
  };

  /** Ends editing; `text` (unless cancelled) is stored. Focus goes back to the grid unless it moved elsewhere. */
  const finishEditing = (text: string | null, refocus: boolean) => {
    if (!editing) return;
    setEditing(null);
    if (text !== null) onEdit?.(editing.row, editing.col, parseEdit(text));
    if (refocus) scroller.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget) return; // keys typed into the cell editor
    if ((e.key === 'Enter' || e.key === 'F2') && rect) {
      if (startEditing(rect.top, rect.left)) e.preventDefault();
      return;
    }
    if (e.key.length === 1 && e.key !== ' ' && !e.ctrlKey && !e.metaKey && !e.altKey && rect) {
      // typing into a selected cell replaces its value, as in Excel
      if (startEditing(rect.top, rect.left, e.key)) e.preventDefault();
      return;
    }
    const move = MOVES[e.key];
    if (!move) return;
    e.preventDefault();
    const row = Math.min(Math.max((rect?.top ?? 0) + (rect ? move[0] : 0), 0), Math.max(cells.length - 1, 0));
    const col = Math.min(Math.max((rect?.left ?? 0) + (rect ? move[1] : 0), 0), cols - 1);
    onSelect(cellAddress(row, col));
  };

  const keys = onEdit ? 'piltangenterna flyttar markeringen, Enter ändrar den markerade cellen' : 'piltangenterna flyttar markeringen';
  return (
    <div ref={scroller} className={styles.scroller} tabIndex={0} role="region" aria-label={`Fliken ${sheet.name}; ${keys}`} onKeyDown={onKeyDown} data-testid="sheet-grid" data-sheet={sheet.name}>
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
                const flag = flags[r]?.[c];
                const isEditing = editing?.row === r && editing.col === c;
                return (
                  <td
                    key={c}
                    data-cell={address}
                    data-selected={selected || undefined}
                    data-first-selected={selected && rect?.top === r && rect?.left === c ? 'true' : undefined}
                    data-flag={flag ? cssColor(flag.fill) : undefined}
                    title={[noteAt?.(r, c), cell.formula ? `=${cell.formula}` : cell.text].filter(Boolean).join('\n') || undefined}
                    className={mergeClasses(styles.cell, cell.numeric && styles.numeric, cell.bold && styles.bold, cell.formula && styles.formula, selected && styles.selected, isEditing && styles.editingCell)}
                    style={flag ? { backgroundColor: cssColor(flag.fill), color: cssColor(flag.fontColor) } : undefined}
                    onClick={() => onSelect(address)}
                    onMouseDown={(e) => e.detail > 1 && !isEditing && e.preventDefault()} // no word selection on a double-click
                    onDoubleClick={() => isEditing || startEditing(r, c)}
                  >
                    {isEditing ? <CellEditor key={`${r},${c}`} address={address} editing={editing} className={styles.editor} onDone={finishEditing} /> : cell.text}
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

/** The inline editor of one cell: Enter commits, Escape cancels, leaving the cell (Tab, a click elsewhere) commits. */
function CellEditor({ address, editing, className, onDone }: { address: string; editing: Editing; className: string; onDone(text: string | null, refocus: boolean): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(editing.text);
  const done = useRef(false);

  // before the next key arrives: typing on after the first character goes into the editor
  useLayoutEffect(() => {
    const el = input.current;
    if (!el) return;
    el.focus();
    if (editing.selectAll) el.select();
    else el.setSelectionRange(el.value.length, el.value.length);
  }, [editing]);

  const finish = (value: string | null, refocus: boolean) => {
    if (done.current) return;
    done.current = true;
    onDone(value, refocus);
  };

  return (
    <input
      ref={input}
      className={className}
      value={text}
      size={Math.max(8, text.length + 2)}
      inputMode="decimal"
      aria-label={`Nytt värde för ${address}`}
      data-testid="cell-editor"
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          finish(text, true);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          finish(null, true);
        }
      }}
      onBlur={() => finish(text, false)}
    />
  );
}
