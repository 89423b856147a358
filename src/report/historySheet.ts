/**
 * Our sheet `Prognoshistorik`: one row per table row (sheet, label, display sign, and the table where
 * the label repeats on its sheet), one block of three columns per recorded period (`Prognos jan–apr
 * 2026`: Budget helår, Prognos helår, Utfall). Amounts are kronor, exact: a number when the number is
 * the exact amount, else the amount as decimal text. Sheets written before the Tabell column (blocks
 * from column D) are read as well; they are rewritten in the current layout.
 */
import { cellAddress } from '../core/address';
import { Dec } from '../core/decimal';
import { historyRowKey, parsePeriodLabel, type ForecastHistory, type HistoryFigures, type HistoryPeriod, type HistoryRow } from '../core/history';
import { cellText } from '../core/source';
import type { InputIssue, RawValue } from '../core/types';
import type { CellWrite, OutputSheet, SheetData } from '../workbook/port';
import type Decimal from 'decimal.js';
import { HISTORY_NAME, HISTORY_SHEET } from './ownSheets';

export { HISTORY_NAME, HISTORY_SHEET };

const PERIOD_ROW = 3;
const HEADER_ROW = 4;
const TABLE_COL = 3;
const TABLE_TITLE = 'Tabell';
const FIRST_BLOCK = 4;
/** Where the periods begin in a sheet without the Tabell column (written before tables were told apart). */
const FIRST_BLOCK_BEFORE_TABLES = 3;
const FIELDS: (keyof HistoryFigures)[] = ['budget', 'prognos', 'utfall'];
const FIELD_TITLES = ['Budget helår', 'Prognos helår', 'Utfall'];
const KRONOR_FORMAT = '#,##0.00;-#,##0.00;0.00';

/** A number when it is exactly the amount, else the exact decimal text. */
function exactCell(d: Decimal): number | string {
  const n = d.toNumber();
  return new Dec(n).eq(d) ? n || 0 : d.toFixed();
}

/** An amount cell read back: a number, or decimal text; blank is undefined; anything else an issue. */
function readAmount(v: RawValue, r: number, c: number, issues: InputIssue[]): Decimal | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return new Dec(v);
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return new Dec(v.trim());
  issues.push({ sheet: HISTORY_SHEET, cell: cellAddress(r, c), message: `"${cellText(v)}" är inget belopp i kronor; rätta eller töm cellen, så skrivs historiken om`, severity: 'error' });
  return undefined;
}

/** The history recorded on our sheet (empty when there is none). */
export function readHistorySheet(sheet: SheetData | undefined): { history: ForecastHistory; issues: InputIssue[] } {
  const history: ForecastHistory = { rows: [], periods: [] };
  const issues: InputIssue[] = [];
  if (!sheet) return { history, issues };
  const blocks: { col: number; period: HistoryPeriod }[] = [];
  const top = sheet.values[PERIOD_ROW] ?? [];
  const tables = cellText(sheet.values[HEADER_ROW]?.[TABLE_COL]).trim() === TABLE_TITLE;
  for (let c = tables ? FIRST_BLOCK : FIRST_BLOCK_BEFORE_TABLES; c < top.length; c += FIELDS.length) {
    const parsed = parsePeriodLabel(cellText(top[c]));
    if (parsed) blocks.push({ col: c, period: { ...parsed, figures: new Map() } });
  }
  for (let r = HEADER_ROW + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r] ?? [];
    const label = cellText(row[1]).trim();
    if (!label) continue;
    const table = tables ? cellText(row[TABLE_COL]).trim() : '';
    const read: HistoryRow = { sheet: cellText(row[0]), label, sign: row[2] === -1 ? -1 : 1, ...(table ? { table } : {}) };
    const key = historyRowKey(read);
    history.rows.push(read);
    for (const { col, period } of blocks) {
      const figures: HistoryFigures = {};
      FIELDS.forEach((f, i) => {
        const d = readAmount(row[col + i], r, col + i, issues);
        if (d) figures[f] = d;
      });
      if (Object.keys(figures).length > 0) period.figures.set(key, figures);
    }
  }
  history.periods = blocks.map((b) => b.period);
  return { history, issues };
}

/** The sheet as written: the title, one block per period, one row per history row. */
export function layoutHistorySheet(history: ForecastHistory): OutputSheet {
  const cells: CellWrite[] = [];
  const merges: string[] = [];
  const header = { bold: true, borderBottom: 'thin' } as const;
  cells.push({ row: 0, col: 0, value: 'Prognoshistorik', style: { bold: true, size: 12 } });
  cells.push({ row: 1, col: 0, value: 'Varje körning för en period sparar radernas helårsprognos och utfall här, i kronor och oavrundat. En ny körning för samma period ersätter bara den periodens kolumner.', style: { italic: true, size: 9 } });
  ['Flik', 'Rad', 'Tecken', TABLE_TITLE].forEach((h, c) => cells.push({ row: HEADER_ROW, col: c, value: h, style: header }));
  history.periods.forEach((p, i) => {
    const col = FIRST_BLOCK + i * FIELDS.length;
    cells.push({ row: PERIOD_ROW, col, value: p.label, style: { ...header, align: 'center' } });
    for (let k = 1; k < FIELDS.length; k++) cells.push({ row: PERIOD_ROW, col: col + k, value: null, style: header });
    merges.push(`${cellAddress(PERIOD_ROW, col)}:${cellAddress(PERIOD_ROW, col + FIELDS.length - 1)}`);
    FIELD_TITLES.forEach((t, k) => cells.push({ row: HEADER_ROW, col: col + k, value: t, style: { ...header, align: 'right' } }));
  });
  history.rows.forEach((row: HistoryRow, i) => {
    const r = HEADER_ROW + 1 + i;
    cells.push({ row: r, col: 0, value: row.sheet }, { row: r, col: 1, value: row.label }, { row: r, col: 2, value: row.sign });
    if (row.table) cells.push({ row: r, col: TABLE_COL, value: row.table });
    history.periods.forEach((p, b) => {
      const figures = p.figures.get(historyRowKey(row));
      FIELDS.forEach((f, k) => {
        const d = figures?.[f];
        if (d) cells.push({ row: r, col: FIRST_BLOCK + b * FIELDS.length + k, value: exactCell(d), style: { numFmt: KRONOR_FORMAT, align: 'right' } });
      });
    });
  });
  const widths = [16, 32, 7, 20, ...history.periods.flatMap(() => FIELDS.map(() => 15))];
  return { name: HISTORY_SHEET, cells, merges, columnWidths: widths, hiddenColumns: [2], conditionalFormats: [], frozenRows: HEADER_ROW + 1 };
}
