/** `avvikelse export <workbook.xlsx> --docx <out.docx> [options]`: the tables and comments as a Word document. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { formatIssue } from '../core/address';
import { commentTexts } from '../export/comments';
import { exportDocx } from '../export/docx';
import { analyzeWorkbook } from '../report/analyze';
import { XlsxPackage } from '../workbook/xlsx/xlsxPackage';
import { stringOption, UsageError, type ParsedArgs } from './args';
import type { CliIO } from './io';
import { settingsFrom } from './report';

export const EXPORT_USAGE = '  avvikelse export <arbetsbok.xlsx> --docx <rapport.docx> [val]';

export async function exportCommand(args: ParsedArgs, { out, err }: CliIO): Promise<number> {
  const input = args.positional[0];
  const output = stringOption(args, 'docx');
  if (!input || !output) throw new UsageError('ange arbetsbok och --docx <rapport.docx>');
  if (!existsSync(input)) throw new UsageError(`filen ${input} finns inte`);
  if (!output.toLowerCase().endsWith('.docx')) throw new UsageError(`--docx: "${output}" ska sluta på .docx`);
  const settings = settingsFrom(args);
  let workbook: XlsxPackage;
  try {
    workbook = XlsxPackage.open(input);
  } catch (e) {
    err(`${input}: kan inte läsas som en .xlsx-fil (${(e as Error).message})`);
    return 2;
  }
  const data = await workbook.read();
  const model = analyzeWorkbook(data, settings);
  const errors = model.issues.filter((i) => i.severity === 'error');
  if (model.tables.length === 0 && errors.length === 0) errors.push({ sheet: '', message: 'Hittade ingen flik med budget-, prognos- eller utfallskolumner i arbetsboken.', severity: 'error' });
  if (errors.length > 0) {
    for (const i of errors) err(formatIssue(i));
    err(`${errors.length} fel hittades; ingenting skrevs.`);
    return 1;
  }
  const { comments, leftOut } = commentTexts(model, data);
  const bytes = await exportDocx(model.tables, comments, { subtitle: `Underlag: ${basename(input)}` });
  mkdirSync(dirname(resolve(output)), { recursive: true });
  writeFileSync(output, bytes);
  if (!args.options.quiet) {
    for (const n of model.notes) out(n);
    const edited = comments.filter((c) => c.edited).length;
    out(`${model.tables.length} tabeller, ${comments.length} kommentarer (${edited} egna texter från fliken Kommentarer).`);
    if (leftOut > 0) out(`${leftOut} egna kommentarer gäller rader som inte längre flaggas och togs inte med.`);
    out(`Skrev ${output}`);
  }
  return 0;
}
