/** One run of the job against any workbook port: read, analyse, plan, and write only when all is well. */
import type { InputIssue, TableRow } from '../core/types';
import type { RangeRef } from '../workbook/host';
import type { WorkbookPort } from '../workbook/port';
import { analyzeWorkbook, noTablesIssues, type ReportModel } from './analyze';
import { planReport, type PlanParts } from './plan';
import type { ReportSettings } from './settings';

export interface RunResult {
  model: ReportModel;
  issues: InputIssue[];
  notes: string[];
  written: boolean;
  cellsWritten: number;
  /** Where each table row was written (empty when nothing was written). */
  tableRowRefs: Map<TableRow, RangeRef>;
}

export async function runReport(port: WorkbookPort, settings: ReportSettings, parts?: PlanParts): Promise<RunResult> {
  const data = await port.read();
  const model = analyzeWorkbook(data, settings);
  const { plan, issues: planIssues, notes, tableRowRefs } = planReport(data, model, settings, parts);
  const issues = [...model.issues, ...planIssues];
  const errors = issues.filter((i) => i.severity === 'error');
  const result: RunResult = { model, issues, notes: [...model.notes, ...notes], written: false, cellsWritten: 0, tableRowRefs: new Map() };
  if (errors.length > 0) return result;
  if (model.tables.length === 0) {
    result.issues.push(...noTablesIssues(model));
    return result;
  }
  await port.write(plan);
  result.written = true;
  result.tableRowRefs = tableRowRefs;
  result.cellsWritten = plan.cellWrites.reduce((n, w) => n + w.cells.length, 0);
  return result;
}
