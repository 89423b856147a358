/**
 * The comments sheet: one row per flagged row with its stub. The generated text is also kept in a
 * hidden column, so a re-run can tell a stub the controller left untouched (refreshed with the new
 * figures) from one they rewrote (kept as written).
 */
import { periodText } from '../core/periodize';
import { displayAmount } from '../core/money';
import { cellText } from '../core/source';
import type { RawValue } from '../core/types';
import type { SheetData, OutputSheet, CellWrite } from '../workbook/port';
import type { ReportComment } from './analyze';
import { AMOUNT_FORMAT } from './layout';
import { actionsTop, type ActionsSection } from './actions';
import { layoutActions } from './actionsLayout';

export const COMMENT_HEADERS = ['Flik', 'Tabell', 'Rad', 'Avser', 'Avvikelse', 'Enhet', 'Kommentar', 'Senast genererat utkast'];
const HEADER_ROW = 3;
const TEXT_COL = 6;
const DRAFT_COL = 7;
/** Columns from here on are the controller's own (e.g. *Ansvarig*): carried over with their row. */
export const EXTRA_COLUMNS_FROM = DRAFT_COL + 1;
const TEXT_WIDTH = 80;
const TOP = { valign: 'top' } as const;

/** Row height (points) that shows a wrapped text of this length in the comment column. */
function heightFor(text: string): number {
  const lines = Math.max(1, Math.ceil(text.length / (TEXT_WIDTH * 1.1)));
  return 14 * lines + 2;
}

/** A cell the controller added in a column of their own, as it is written back. */
type Carried = { col: number; value: number | string };

interface Existing {
  key: string;
  cells: string[];
  text: string;
  draft: string;
  /** The controller's own cells beside the row (columns from EXTRA_COLUMNS_FROM). */
  extra: Carried[];
}

/** The cells of a row in the controller's own columns, as values we can write back unchanged. */
function extraCells(row: RawValue[] | undefined): Carried[] {
  const out: Carried[] = [];
  (row ?? []).forEach((v, col) => {
    if (col < EXTRA_COLUMNS_FROM || v === null || v === undefined || v === '') return;
    out.push({ col, value: typeof v === 'number' || typeof v === 'string' ? v : cellText(v) });
  });
  return out;
}

const keyOf = (sheet: string, table: string, label: string, avser: string) => [sheet, table, label, avser].join('\u0000');

/** Rows of a previous comments sheet of ours (a row without a comment keeps only its own cells). */
export function readExistingComments(sheet: SheetData | undefined): Existing[] {
  if (!sheet) return [];
  const out: Existing[] = [];
  const end = actionsTop(sheet);
  for (let r = HEADER_ROW + 1; r < (end > HEADER_ROW ? end : sheet.values.length); r++) {
    const cells = (sheet.values[r] ?? []).slice(0, EXTRA_COLUMNS_FROM).map(cellText);
    const extra = extraCells(sheet.values[r]);
    if (!cells[0] && !cells[2] && extra.length === 0) continue;
    out.push({ key: keyOf(cells[0] ?? '', cells[1] ?? '', cells[2] ?? '', cells[3] ?? ''), cells, text: cells[TEXT_COL] ?? '', draft: cells[DRAFT_COL] ?? '', extra });
  }
  return out;
}

/** The controller's own cells in the rows above the comments (headings of their own columns). */
export function carriedHeaderCells(sheet: SheetData | undefined): CellWrite[] {
  const out: CellWrite[] = [];
  for (let r = 0; r <= HEADER_ROW; r++) for (const c of extraCells(sheet?.values[r])) out.push({ row: r, col: c.col, value: c.value, style: r === HEADER_ROW ? { bold: true, borderBottom: 'thin' } : {} });
  return out;
}

export function avserText(c: ReportComment, months: number | undefined): string {
  if (c.column === 'forandringPrognos') return 'Förändring mot föregående prognos';
  return c.column === 'avvikelsePeriod' ? (months ? `Perioden ${periodText(months)}` : 'Perioden') : 'Helår';
}

export function layoutCommentsSheet(name: string, comments: ReportComment[], previous: Existing[], monthsOf: (sheet: string) => number | undefined, header: CellWrite[] = [], actions?: ActionsSection): OutputSheet {
  const cells: CellWrite[] = [...header];
  const carry = (extra: Carried[], row: number) => extra.forEach((c) => cells.push({ row, col: c.col, value: c.value, style: TOP }));
  const rowHeights: Record<number, number> = {};
  cells.push({ row: 0, col: 0, value: 'Kommentarer till avvikelser', style: { bold: true, size: 12 } });
  cells.push({ row: 1, col: 0, value: 'Ersätt [orsak] och skriv gärna om texten. En ny körning uppdaterar bara utkast som inte har ändrats.', style: { italic: true, size: 9 } });
  COMMENT_HEADERS.forEach((h, c) => cells.push({ row: HEADER_ROW, col: c, value: h, style: { bold: true, borderBottom: 'thin', align: c === 4 ? 'right' : 'left' } }));
  const byKey = new Map(previous.map((p) => [p.key, p]));
  const used = new Set<string>();
  let r = HEADER_ROW + 1;
  for (const c of comments) {
    const avser = avserText(c, monthsOf(c.sheet));
    const key = keyOf(c.sheet, c.table, c.label, avser);
    const old = byKey.get(key);
    used.add(key);
    const edited = old !== undefined && old.text !== '' && old.text !== old.draft;
    const dev = c.row.values[c.column];
    const text = edited ? old.text : c.text;
    const row = [c.sheet, c.table, c.label, avser];
    row.forEach((v, col) => cells.push({ row: r, col, value: v, style: TOP }));
    cells.push({ row: r, col: 4, value: dev ? displayAmount(dev, c.unit).toNumber() || 0 : null, style: { ...TOP, numFmt: AMOUNT_FORMAT[c.unit], align: 'right' } });
    cells.push({ row: r, col: 5, value: c.unit, style: TOP });
    cells.push({ row: r, col: TEXT_COL, value: text, style: { wrap: true } });
    cells.push({ row: r, col: DRAFT_COL, value: c.text, style: { wrap: true, color: 'FF808080' } });
    if (old) carry(old.extra, r);
    rowHeights[r] = heightFor(text);
    r++;
  }
  for (const old of previous) {
    const keyed = Boolean(old.cells[0] || old.cells[2]);
    if (keyed && used.has(old.key)) continue;
    if (keyed && (old.text === '' || old.text === old.draft) && old.extra.length === 0) continue;
    if (keyed) {
      [old.cells[0], old.cells[1], old.cells[2], old.cells[3]].forEach((v, col) => cells.push({ row: r, col, value: v ?? '', style: TOP }));
      cells.push({ row: r, col: 5, value: 'ej längre flaggad', style: TOP });
      rowHeights[r] = heightFor(old.text);
      cells.push({ row: r, col: TEXT_COL, value: old.text, style: { wrap: true } });
      cells.push({ row: r, col: DRAFT_COL, value: old.draft, style: { wrap: true, color: 'FF808080' } });
    }
    carry(old.extra, r);
    r++;
  }
  if (actions) cells.push(...layoutActions(actions, r + 1).cells);
  return { name, cells, merges: [], columnWidths: [16, 28, 30, 16, 11, 7, TEXT_WIDTH, 40, ...extraWidths(cells)], rowHeights, hiddenColumns: [DRAFT_COL], conditionalFormats: [], frozenRows: HEADER_ROW + 1 };
}

/** Widths for the controller's own columns: as wide as their longest text, within reason. */
function extraWidths(cells: CellWrite[]): number[] {
  const widths: number[] = [];
  for (const c of cells) {
    if (c.col < EXTRA_COLUMNS_FROM) continue;
    const i = c.col - EXTRA_COLUMNS_FROM;
    for (let k = widths.length; k <= i; k++) widths[k] = 12;
    widths[i] = Math.min(40, Math.max(widths[i], String(c.value ?? '').length + 2));
  }
  return widths;
}
