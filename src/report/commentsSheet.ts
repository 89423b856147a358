/**
 * The comments sheet: one row per flagged row with its stub. The generated text is also kept in a
 * hidden column, so a re-run can tell a stub the controller left untouched (refreshed with the new
 * figures) from one they rewrote (kept as written).
 */
import { periodText } from '../core/periodize';
import { displayAmount } from '../core/money';
import { cellText } from '../core/source';
import type { SheetData, OutputSheet, CellWrite } from '../workbook/port';
import type { ReportComment } from './analyze';
import { AMOUNT_FORMAT } from './layout';

export const COMMENT_HEADERS = ['Flik', 'Tabell', 'Rad', 'Avser', 'Avvikelse', 'Enhet', 'Kommentar', 'Senast genererat utkast'];
const HEADER_ROW = 3;
const TEXT_COL = 6;
const DRAFT_COL = 7;
const TEXT_WIDTH = 80;
const TOP = { valign: 'top' } as const;

/** Row height (points) that shows a wrapped text of this length in the comment column. */
function heightFor(text: string): number {
  const lines = Math.max(1, Math.ceil(text.length / (TEXT_WIDTH * 1.1)));
  return 14 * lines + 2;
}

interface Existing {
  key: string;
  cells: string[];
  text: string;
  draft: string;
}

const keyOf = (sheet: string, table: string, label: string, avser: string) => [sheet, table, label, avser].join('\u0000');

/** Rows of a previous comments sheet of ours. */
export function readExistingComments(sheet: SheetData | undefined): Existing[] {
  if (!sheet) return [];
  const out: Existing[] = [];
  for (let r = HEADER_ROW + 1; r < sheet.values.length; r++) {
    const cells = (sheet.values[r] ?? []).map(cellText);
    if (!cells[0] && !cells[2]) continue;
    out.push({ key: keyOf(cells[0], cells[1], cells[2], cells[3] ?? ''), cells, text: cells[TEXT_COL] ?? '', draft: cells[DRAFT_COL] ?? '' });
  }
  return out;
}

export function avserText(c: ReportComment, months: number | undefined): string {
  return c.column === 'avvikelsePeriod' ? (months ? `Perioden ${periodText(months)}` : 'Perioden') : 'Helår';
}

export function layoutCommentsSheet(name: string, comments: ReportComment[], previous: Existing[], monthsOf: (sheet: string) => number | undefined): OutputSheet {
  const cells: CellWrite[] = [];
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
    rowHeights[r] = heightFor(text);
    r++;
  }
  for (const old of previous) {
    if (used.has(old.key) || old.text === '' || old.text === old.draft) continue;
    [old.cells[0], old.cells[1], old.cells[2], old.cells[3]].forEach((v, col) => cells.push({ row: r, col, value: v ?? '', style: TOP }));
    cells.push({ row: r, col: 5, value: 'ej längre flaggad', style: TOP });
    rowHeights[r] = heightFor(old.text);
    cells.push({ row: r, col: TEXT_COL, value: old.text, style: { wrap: true } });
    cells.push({ row: r, col: DRAFT_COL, value: old.draft, style: { wrap: true, color: 'FF808080' } });
    r++;
  }
  return { name, cells, merges: [], columnWidths: [16, 28, 30, 16, 11, 7, TEXT_WIDTH, 40], rowHeights, hiddenColumns: [DRAFT_COL], conditionalFormats: [], frozenRows: HEADER_ROW + 1 };
}
