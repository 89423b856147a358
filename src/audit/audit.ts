/**
 * Audits tables typed by hand: recomputes what the printed figures of a standard table allow and
 * reports every cell that disagrees beyond rounding. Pure: a grid (or a workbook snapshot) in,
 * findings out; no I/O.
 *
 * How a sheet is read:
 * 1. Tables: every header `detectHeader` recognises (one- or two-row, `Helår` / `Perioden jan–aug` /
 *    `Perioden fg år` over `Budget | Prognos | Avvikelse | Utfall`, and the synonyms), with the rows
 *    below it up to the next header or two blank rows. Rows after the last figure (notes, the next
 *    table's title) are left out. A sheet may hold several tables (our own `Avvikelsetabeller` does).
 * 2. Units: `tkr` (whole numbers) or `mnkr` (one decimal) from the label header (`Verksamhet, tkr`),
 *    the header or the lines above it; otherwise the figures tell (at most öre). Every figure is read
 *    as displayed, i.e. rounded to that many decimals; text such as `- 6 279` or `1 070` is a number.
 * 3. Structure (`structure.ts`, `groups.ts`): which rows each sum row adds up.
 * 4. Sign convention (`convention.ts`): signed or unsigned, by the majority of the rows, stated in a
 *    Swedish sentence per table; a row that fits only the other convention is a flipped sign.
 * 5. Rules with rounding tolerances (`constraints.ts`): deviations (±1 unit), sums (±ceil(n/2) units),
 *    and period budgets = helår budget × months/12 when the table follows even periodization (at
 *    least three rows fit and at most one in five does not; months from `Perioden jan–aug`, the
 *    `months` option, or the figures).
 * 6. Diagnosis (`diagnose.ts`): the wrong cells, not just the failing rules; a row missing from a sum
 *    is pointed at, a sum that agrees with its own deviation is not blamed for its rows.
 * 7. What is left within tolerance is reported as *avrundningsdifferens* (kind `rounding`); equal
 *    figures are not reported. Avvikelse % is checked last, against the corrected figures.
 *
 * Each finding carries the sheet, the cell (`D7`), the row label, the column's role id, the figure
 * found and the one expected (as displayed) and a Swedish message. A row missing from a sum is
 * reported once, at that row's cell in the first column where the sum is short; `found` and
 * `expected` are then the printed sum and the sum of its rows. A wrong figure that was carried into
 * its row's avvikelse or into sums above it is one finding (at the figure typed wrong); its message
 * names the cells that carry the error.
 */
import { cellAddress, sheetRef } from '../core/address';
import { isHistorySheet } from '../workbook/ownSheetNames';
import { roundHalfAwayFromZero, toJsonNumber } from '../core/money';
import type { RawValue } from '../core/types';
import type { WorkbookData } from '../workbook/port';
import { buildConstraints, evenPeriod, printedCells, rulesByCell, withBlankTerms } from './constraints';
import { detectConvention, devPairs } from './convention';
import { diagnose, type Draft } from './diagnose';
import { breakdownExtentOf } from '../core/groupTotals';
import { completeBreakdown, inferGroupTotals, valueRoles } from './groups';
import { figuresFit, locateTables, PERCENT_COLUMNS } from './locate';
import { checkPercent } from './percent';
import { structureOf } from '../core/structures';
import type { AuditedTable, AuditFinding, AuditOptions, AuditResult, TableModel } from './types';
import { parseCellKey } from './types';

function finding(table: TableModel, d: Draft): AuditFinding {
  const { line, role } = parseCellKey(d.key);
  const l = table.lines[line];
  const col = table.columns[role] ?? 0;
  const shown = (x: typeof d.found) => toJsonNumber(PERCENT_COLUMNS.includes(role) ? x : roundHalfAwayFromZero(x, table.decimals));
  return { sheet: table.sheet, cell: cellAddress(l.row, col), label: l.label, column: role, found: shown(d.found), expected: shown(d.expected), kind: d.kind, message: d.message };
}

function rangeOf(table: TableModel): string {
  const cols = Object.values(table.header.columns).filter((c): c is number => typeof c === 'number');
  return `${cellAddress(table.header.firstHeaderRow, Math.min(0, ...cols))}:${cellAddress(table.lastRow, Math.max(...cols))}`;
}

/** Audits one located table. */
export function auditTable(table: TableModel, options: AuditOptions = {}): { table: AuditedTable; findings: AuditFinding[] } {
  const structure = structureOf(table.kind, table.lines, { breakdownExtent: breakdownExtentOf(table.lines, valueRoles(table), table.step), fits: figuresFit(table) });
  structure.sums = structure.sums.filter((s) => s.kind !== 'varav' || (table.completeVarav?.has(table.lines[s.line].row) ?? completeBreakdown(table, s)));
  inferGroupTotals(table, structure);
  const conv = detectConvention(table, structure);
  const months = evenPeriod(table, table.header.months ?? options.months);
  const constraints = buildConstraints(table, structure.sums, conv, months);
  const printed = withBlankTerms(printedCells(table), constraints);
  const { drafts, cells } = diagnose(table, constraints, rulesByCell(constraints), printed);
  drafts.push(...checkPercent(table, devPairs(table), cells));
  const audited: AuditedTable = {
    sheet: table.sheet,
    range: rangeOf(table),
    decimals: table.decimals,
    convention: conv.convention,
    conventionNote: conv.note,
    rows: table.lines.length,
  };
  if (table.title) audited.title = table.title;
  if (table.unit) audited.unit = table.unit;
  if (months) audited.evenPeriodMonths = months;
  return { table: audited, findings: drafts.map((d) => finding(table, d)) };
}

/** Audits every recognisable table of one sheet (values[r][c], 0-based). */
export function auditSheet(sheet: string, values: RawValue[][], options: AuditOptions = {}): AuditResult {
  const result: AuditResult = { tables: [], findings: [] };
  for (const table of locateTables(sheet, values, options)) {
    const one = auditTable(table, options);
    result.tables.push(one.table);
    result.findings.push(...one.findings);
  }
  result.findings.sort(byPosition(() => 0));
  return result;
}

function position(cell: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(cell) as RegExpExecArray;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

function byPosition(sheetIndex: (sheet: string) => number) {
  return (a: AuditFinding, b: AuditFinding): number => {
    const pa = position(a.cell);
    const pb = position(b.cell);
    return sheetIndex(a.sheet) - sheetIndex(b.sheet) || pa.row - pb.row || pa.col - pb.col;
  };
}

/**
 * Audits every sheet of a workbook snapshot. This is what the task pane calls: each finding names a
 * sheet and cell to highlight, its kind (`error` | `rounding`) and the message for the cell's note.
 */
export function auditWorkbook(data: WorkbookData, options: AuditOptions = {}): AuditResult {
  const result: AuditResult = { tables: [], findings: [] };
  for (const sheet of data.sheets) {
    if (isHistorySheet(data, sheet.name)) continue; // recorded figures of earlier runs, not a table
    const one = auditSheet(sheet.name, sheet.values, options);
    result.tables.push(...one.tables);
    result.findings.push(...one.findings);
  }
  const order = new Map(data.sheets.map((s, i) => [s.name, i]));
  result.findings.sort(byPosition((s) => order.get(s) ?? 0));
  return result;
}

/** The `--json` document: `{ "findings": [ … ] }`, exactly the fields of `AuditFinding`. */
export function auditJson(result: AuditResult): { findings: AuditFinding[] } {
  return {
    findings: result.findings.map((f) => ({
      sheet: f.sheet,
      cell: f.cell,
      label: f.label,
      column: f.column,
      found: f.found,
      expected: f.expected,
      kind: f.kind,
      message: f.message,
    })),
  };
}

/** `Tabell!D7: Personal, avvikelse helår: -1 805 borde vara 1 805 (tecknet är omvänt) – …` */
export function formatFinding(f: AuditFinding): string {
  return `${sheetRef(f.sheet)}!${f.cell}: ${f.message}`;
}

/** `3 fel, 2 avrundningsdifferenser` / `Inga fel` */
export function auditSummary(result: AuditResult): string {
  const errors = result.findings.filter((f) => f.kind === 'error').length;
  const roundings = result.findings.length - errors;
  const tables = `${result.tables.length} ${result.tables.length === 1 ? 'tabell' : 'tabeller'} granskade`;
  if (errors === 0 && roundings === 0) return `Inga fel och inga avrundningsdifferenser (${tables}).`;
  const parts = [`${errors === 0 ? 'inga' : errors} fel`, `${roundings === 0 ? 'inga' : roundings} ${roundings === 1 ? 'avrundningsdifferens' : 'avrundningsdifferenser'}`];
  const text = parts.join(', ');
  return `${text[0].toUpperCase()}${text.slice(1)} (${tables}).`;
}
