/** The read-only commands' common step: open the workbook, read it, analyse it with its year series. */
import { analyzeWorkbook, type ReportModel } from '../report/analyze';
import type { ReportSettings } from '../report/settings';
import { applyYearSeries } from '../report/yearSeries';
import type { WorkbookData } from '../workbook/port';
import type { InputFile } from './inputFile';
import { openWorkbook, type CliIO } from './io';

/** The workbook's data and model, or undefined after saying why it cannot be read (exit code 2). */
export async function analyzeFile(source: InputFile, settings: ReportSettings, io: CliIO): Promise<{ data: WorkbookData; model: ReportModel } | undefined> {
  const workbook = openWorkbook(source, io);
  if (!workbook) return undefined;
  const data = await workbook.read();
  const model = analyzeWorkbook(data, settings);
  applyYearSeries(model, data, settings);
  return { data, model };
}
