/** From the analysed model to one write plan, refusing to touch anything that is not ours. */
import { issue } from '../core/address';
import type { ForecastHistory } from '../core/history';
import type { InputIssue, TableRow } from '../core/types';
import type { RangeRef } from '../workbook/host';
import { cellAddress, sheetRef } from '../core/address';
import type { WorkbookData, WritePlan } from '../workbook/port';
import type { ReportModel } from './analyze';
import { carriedHeaderCells, EXTRA_COLUMNS_FROM, layoutCommentsSheet, readExistingComments } from './commentsSheet';
import { layoutHistorySheet } from './historySheet';
import { actionsSection } from './actions';
import { actionsFormulaCells } from './actionsFormulas';
import { COMMENTS_NAME, COMMENTS_SHEET, findSheet, HISTORY_NAME, HISTORY_SHEET, isOurSheet, ownSheetIssues, TABLES_NAME, TABLES_SHEET } from './ownSheets';
import { planFill } from './fill';
import { lastCellRef, layoutTablesSheet, type ChartsBeside } from './layout';
import { CHART_MIN_ROWS, chartRowsUsed, sheetCharts } from './chartLayout';
import { chartsUnder } from './charts';
import { sheetSettings, type ReportSettings } from './settings';

export interface PlanResult {
  plan: WritePlan;
  issues: InputIssue[];
  notes: string[];
  /** Where each table row stands on the tables sheet (for navigation from the pane). */
  tableRowRefs: Map<TableRow, RangeRef>;
}

export type PlanParts = { tables?: boolean; fill?: boolean; comments?: boolean };

export function planReport(data: WorkbookData, model: ReportModel, settings: ReportSettings, parts: PlanParts = { tables: true, fill: true, comments: true }): PlanResult {
  const issues: InputIssue[] = [];
  const notes: string[] = [];
  const plan: WritePlan = { cellWrites: [], sheets: [], names: {} };
  const tableRowRefs = new Map<TableRow, RangeRef>();
  const written = [...(parts.tables ? [TABLES_SHEET, HISTORY_SHEET] : []), ...(parts.comments ? [COMMENTS_SHEET] : [])];
  issues.push(...ownSheetIssues(data, written, { [COMMENTS_SHEET]: EXTRA_COLUMNS_FROM }, { [COMMENTS_SHEET]: actionsFormulaCells }));
  if (parts.fill) {
    for (const src of model.sources) {
      const sheet = data.sheets.find((s) => s.name === src.sheet);
      if (!sheet) continue;
      const fill = planFill(src, sheet);
      notes.push(...fill.notes);
      if (fill.cells.length === 0 && fill.columns.length === 0) continue;
      if (sheet.protected) {
        issues.push(issue(sheet.name, undefined, 'fliken är skrivskyddad; ta bort skyddet för att fylla i avvikelsekolumnerna'));
        continue;
      }
      plan.cellWrites.push({ sheet: src.sheet, cells: fill.cells, columns: fill.columns, conditionalFormats: fill.conditionalFormats });
    }
  }
  // a sheet with sums to fill but nothing to tabulate (no budget, no forecast) gets its sums, no empty sheets
  const tabulated = model.tables.length > 0;
  if (parts.tables && tabulated) {
    const rowOf = new Map<TableRow, number>();
    const tables = layoutTablesSheet(TABLES_SHEET, model.tables, (t) => sheetSettings(settings, t.sheet).thresholds, rowOf, chartsBeside(settings, model.history));
    for (const t of model.tables) for (const row of t.rows) {
      const r = rowOf.get(row);
      if (r !== undefined) tableRowRefs.set(row, { sheet: TABLES_SHEET, address: `${cellAddress(r, 0)}:${cellAddress(r, t.columns.length)}` });
    }
    plan.sheets.push(tables);
    plan.names[TABLES_NAME] = `${sheetRef(TABLES_SHEET)}!$A$1:${lastCellRef(tables)}`;
  }
  if (parts.comments && tabulated) {
    const found = findSheet(data, COMMENTS_SHEET);
    const existing = found && isOurSheet(data, found.name) ? found : undefined;
    const previous = readExistingComments(existing);
    const months = (sheet: string) => model.sources.find((s) => s.sheet === sheet)?.months;
    const actions = actionsSection(model.tables, existing);
    if (actions) issues.push(...actions.issues);
    const sheet = layoutCommentsSheet(COMMENTS_SHEET, model.comments, previous, months, carriedHeaderCells(existing), actions);
    plan.sheets.push(sheet);
    plan.names[COMMENTS_NAME] = `${sheetRef(COMMENTS_SHEET)}!$A$1:${lastCellRef(sheet)}`;
  }
  if (parts.tables && model.history) {
    const sheet = layoutHistorySheet(model.history);
    plan.sheets.push(sheet);
    plan.names[HISTORY_NAME] = `${sheetRef(HISTORY_SHEET)}!$A$1:${lastCellRef(sheet)}`;
  }
  return { plan, issues, notes, tableRowRefs };
}

/** The charts of each table (by the chart setting of its sheet), beside it on the tables sheet. */
function chartsBeside(settings: ReportSettings, history: ForecastHistory | undefined): ChartsBeside {
  let count = 0;
  const chartsOf = chartsUnder(settings, history);
  return (table, top, left, rowsUsed, rowOf) => {
    const model = chartsOf(table);
    if (!model) return { charts: [], rows: 0 };
    const rows = Math.max(rowsUsed, CHART_MIN_ROWS);
    const charts = sheetCharts(model, { sheet: TABLES_SHEET, rowOf, top, left, rows }, count + 1);
    count += charts.length;
    return { charts, rows: chartRowsUsed(charts.length, rows) };
  };
}
